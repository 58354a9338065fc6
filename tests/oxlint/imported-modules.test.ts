/**
 * Values in other modules of a project that has no `typescript` and no typescript-eslint (a plain
 * JavaScript project, or one on TypeScript 7, whose package has no JS API): the packed plugin with
 * its own dependencies reads an imported URL, headers object and helper under ESLint's default
 * parser (espree) and under Oxlint alike, TypeScript modules included under Oxlint.
 */
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumer, linkDependencies, readText, recommendedRules, runOxlint, writeFile, writeJson, type Consumer, type OxlintRun } from './consumer-project.js';
import { eslintReports, oxlintReports, type ReportsByFile } from './reports.js';

const FILES: Record<string, string> = {
  'src/config.js':
    "export const OPENROUTER_URL = 'https://openrouter.ai/api/v1';\nexport const HEADERS = { 'HTTP-Referer': 'http://localhost:3000' };\n" +
    "export const ATTRIBUTED = { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme Docs' };\nexport const OTHER_URL = 'https://api.openai.com/v1';\n",
  'src/transport.js': 'export function transportDefaults() {\n  return { timeout: 30_000, maxRetries: 2 };\n}\n',
  'src/settings.ts': "export const OPENROUTER_BASE: string = 'https://openrouter.ai/api/v1';\nexport const SITE_HEADERS: Readonly<Record<string, string>> = { 'HTTP-Referer': 'http://localhost:5173' } as const;\n",
  // An imported base URL and headers object.
  'src/chat.js': "import OpenAI from 'openai';\nimport { OPENROUTER_URL, HEADERS } from './config.js';\n\nexport const chat = new OpenAI({ baseURL: OPENROUTER_URL, defaultHeaders: HEADERS });\n",
  // An imported URL in a request of another name than the client's.
  'src/ask.js':
    "import { OPENROUTER_URL } from './config.js';\n\nexport const ask = (body) =>\n  fetch(`${OPENROUTER_URL}/chat/completions`, { method: 'POST', headers: { Authorization: 'Bearer k' }, body });\n",
  // The keys of an imported helper's object, and the rest of the options.
  'src/spread.js': "import OpenAI from 'openai';\nimport { transportDefaults } from './transport.js';\n\nexport const client = new OpenAI({ ...transportDefaults(), baseURL: 'https://openrouter.ai/api/v1' });\n",
  // Attributed, another provider, and a module outside the project: silent.
  'src/attributed.js': "import OpenAI from 'openai';\nimport { OPENROUTER_URL, ATTRIBUTED } from './config.js';\n\nexport const chat = new OpenAI({ baseURL: OPENROUTER_URL, defaultHeaders: ATTRIBUTED });\n",
  'src/other.js': "import OpenAI from 'openai';\nimport { OTHER_URL } from './config.js';\n\n// Not OpenRouter.\nexport const chat = new OpenAI({ baseURL: OTHER_URL, defaultHeaders: {} });\n",
  'src/package-import.js': "import OpenAI from 'openai';\nimport { OPENROUTER_URL, HEADERS } from '@acme/config';\n\nexport const chat = new OpenAI({ baseURL: OPENROUTER_URL, defaultHeaders: HEADERS });\n",
  // A TypeScript module read without a `typescript` package (Oxlint parses the .ts file itself).
  'src/typed.ts': "import OpenAI from 'openai';\nimport { OPENROUTER_BASE, SITE_HEADERS } from './settings';\n\nexport const chat: OpenAI = new OpenAI({ baseURL: OPENROUTER_BASE, defaultHeaders: SITE_HEADERS });\n",
};

let consumer: Consumer;
let app: string;
let oxlint: OxlintRun;
let eslint: ReportsByFile;

beforeAll(async () => {
  consumer = createConsumer('imported-modules');
  linkDependencies(consumer);
  app = path.join(consumer.root, 'app');
  mkdirSync(path.join(app, '.git'), { recursive: true });
  writeJson(path.join(app, 'package.json'), { name: 'plain-app', private: true, type: 'module' });
  for (const [file, text] of Object.entries(FILES)) writeFile(path.join(app, file), text);
  writeJson(path.join(app, '.oxlintrc.json'), { jsPlugins: ['eslint-plugin-openrouter'], rules: recommendedRules(consumer.plugin) });
  oxlint = await runOxlint(app);
  const linter = new ESLint({ cwd: app, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.js'], ...consumer.plugin.configs.recommended }] });
  eslint = eslintReports(app, await linter.lintFiles(['src/**/*.js']));
}, 300_000);

afterAll(() => consumer?.remove());

const found = (reports: ReportsByFile) => Object.fromEntries(Object.entries(reports).map(([file, list]) => [file, list.map((report) => report.ruleId)]));

describe('other modules of a project without typescript', () => {
  it('has neither typescript nor its ESLint parser to load', () => {
    const load = createRequire(path.join(consumer.installed, 'dist/index.js'));
    expect(() => load.resolve('typescript')).toThrow();
    expect(() => load.resolve('@typescript-eslint/parser')).toThrow();
    expect(load.resolve('oxc-parser')).toBeTruthy();
  });

  it('reads an imported URL, headers object and helper under ESLint with espree', () => {
    expect(found(eslint)).toEqual({
      'src/ask.js': ['openrouter/require-referer'],
      'src/chat.js': ['openrouter/require-title-for-localhost'],
      'src/spread.js': ['openrouter/require-referer'],
    });
  });

  it('reads the same under Oxlint, and a TypeScript module too', () => {
    expect(oxlint.stderr).toBe('');
    const reports = oxlintReports(app, oxlint.diagnostics, (file) => readText(path.join(app, file)));
    const { 'src/typed.ts': typed, ...javascript } = reports;
    expect(javascript).toEqual(eslint);
    expect(typed?.map((report) => report.ruleId)).toEqual(['openrouter/require-title-for-localhost']);
  });
});
