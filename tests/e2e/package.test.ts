/**
 * The published package, as a consumer gets it: `npm pack` the built plugin, unpack it into a
 * consumer project's node_modules (next to links to this repository's eslint and
 * @typescript-eslint/parser, so nothing is installed from the network) and run the eslint CLI there
 * with an ESM and a CommonJS flat config. Broken `exports`, `main` or `files` fail here.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackResult {
  filename: string;
  files: { path: string }[];
}

interface CliResult {
  status: number | null;
  stderr: string;
  results: { filePath: string; messages: { ruleId: string | null; messageId?: string; line: number; severity: number; fatal?: boolean }[]; output?: string }[];
}

function newestMtime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds dist when it is missing or older than src (`npm test` builds first anyway). */
function ensureBuilt(): void {
  const entry = path.join(REPO, 'dist/index.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(path.join(REPO, 'src'))) return;
  execFileSync(NPM, ['run', 'build'], { cwd: REPO, stdio: 'pipe' });
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const CLIENT_TS = `import { OpenRouter } from '@openrouter/sdk';

export const client = new OpenRouter({
  apiKey: process.env.OPENROUTER_API_KEY ?? '',
});
`;

const CHAT_MJS = `export async function chat(messages) {
  const response = await fetch('https://openrouter.ai/api/v1/chat/completions', {
    method: 'POST',
    headers: { 'HTTP-Referer': 'http://localhost:3000' },
    body: JSON.stringify({ model: 'openai/gpt-4o-mini', messages }),
  });
  return response.json();
}
`;

const LEGACY_CJS = `const OpenAI = require('openai');

module.exports = new OpenAI({
  baseURL: 'https://openrouter.ai/api/v1',
  apiKey: process.env.OPENROUTER_API_KEY,
  defaultHeaders: { 'X-OpenRouter-Categories': 'roleplay,gaem' },
});
`;

const ESM_CONFIG = `import tsParser from '@typescript-eslint/parser';
import openrouter from 'eslint-plugin-openrouter';

export default [
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  openrouter.configs.recommended,
];
`;

const CJS_CONFIG = `const tsParser = require('@typescript-eslint/parser');
const openrouter = require('eslint-plugin-openrouter');

module.exports = [
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  openrouter.configs.strict,
  { settings: { openrouter: { title: 'Consumer CLI' } } },
];
`;

let temp: string;
let consumer: string;
let packed: PackResult;
/** The four CLI runs, started together once the consumer exists. */
let runs: Record<'esm' | 'cjs' | 'esmFix' | 'cjsFix', CliResult>;

/** Runs the consumer's eslint CLI in one of its projects, with JSON output. */
async function runEslint(project: string, ...args: string[]): Promise<CliResult> {
  const bin = path.join(consumer, 'node_modules/eslint/bin/eslint.js');
  const child = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(
      process.execPath,
      [bin, '--format', 'json', ...args, '.'],
      { cwd: path.join(consumer, project), encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
  try {
    return { status: child.status, stderr: child.stderr, results: JSON.parse(child.stdout) as CliResult['results'] };
  } catch {
    throw new Error(`eslint printed no JSON (exit ${child.status}):\n${child.stdout}\n${child.stderr}`);
  }
}

function byFile(project: string, result: CliResult): Record<string, [string | null, string | undefined, number][]> {
  return Object.fromEntries(
    result.results.map((file) => [
      path.relative(path.join(consumer, project), file.filePath).split(path.sep).join('/'),
      file.messages.map((message) => [message.ruleId, message.messageId, message.line] as [string | null, string | undefined, number]),
    ]),
  );
}

beforeAll(async () => {
  ensureBuilt();
  temp = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-openrouter-e2e-'));
  const packJson = execFileSync(NPM, ['pack', '--json', '--pack-destination', temp], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  packed = (JSON.parse(packJson) as PackResult[])[0]!;

  consumer = path.join(temp, 'consumer');
  const installed = path.join(consumer, 'node_modules/eslint-plugin-openrouter');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(temp, packed.filename), '-C', installed, '--strip-components=1']);
  symlinkSync(path.join(REPO, 'node_modules/eslint'), path.join(consumer, 'node_modules/eslint'), 'dir');
  mkdirSync(path.join(consumer, 'node_modules/@typescript-eslint'));
  symlinkSync(path.join(REPO, 'node_modules/@typescript-eslint/parser'), path.join(consumer, 'node_modules/@typescript-eslint/parser'), 'dir');

  write(
    path.join(consumer, 'package.json'),
    `${JSON.stringify(
      {
        name: 'consumer-app',
        private: true,
        openrouter: { referer: 'https://consumerapp.dev', title: 'Consumer App', categories: ['general-chat'] },
      },
      null,
      2,
    )}\n`,
  );
  for (const [project, config] of [
    ['esm', ['eslint.config.mjs', ESM_CONFIG]],
    ['cjs', ['eslint.config.cjs', CJS_CONFIG]],
  ] as const) {
    write(path.join(consumer, project, config[0]), config[1]);
    write(path.join(consumer, project, 'src/client.ts'), CLIENT_TS);
    write(path.join(consumer, project, 'src/chat.mjs'), CHAT_MJS);
    write(path.join(consumer, project, 'src/legacy.cjs'), LEGACY_CJS);
  }
  const [esm, cjs, esmFix, cjsFix] = await Promise.all([
    runEslint('esm'),
    runEslint('cjs'),
    runEslint('esm', '--fix-dry-run'),
    runEslint('cjs', '--fix-dry-run'),
  ]);
  runs = { esm, cjs, esmFix, cjsFix };
}, 120_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships the built entry points and no sources or tests', () => {
    const files = packed.files.map((file) => file.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/index.js', 'dist/index.d.ts']));
    expect(files.filter((file) => /^(src|tests|scripts|examples)\//.test(file))).toEqual([]);
    // Every file the entry point requires is in the package.
    const manifest = JSON.parse(readFileSync(path.join(consumer, 'node_modules/eslint-plugin-openrouter/package.json'), 'utf8')) as {
      main: string;
      exports: Record<string, { default?: string; types?: string } | string>;
    };
    expect(files).toContain(path.posix.normalize(manifest.main));
    for (const target of Object.values(manifest.exports)) {
      for (const file of typeof target === 'string' ? [target] : Object.values(target)) expect(files).toContain(path.posix.normalize(file!));
    }
  });

  it('loads through require and import, with its metadata and both configs', () => {
    const script = `
      const assert = require('node:assert');
      const plugin = require('eslint-plugin-openrouter');
      const manifest = require('eslint-plugin-openrouter/package.json');
      assert.strictEqual(plugin.meta.name, manifest.name);
      assert.strictEqual(plugin.meta.version, manifest.version);
      assert.deepStrictEqual(Object.keys(plugin.rules).sort(), ['no-generic-title', 'require-referer', 'require-title-for-localhost', 'sendable-header-values', 'valid-categories']);
      assert.strictEqual(plugin.configs.recommended.plugins.openrouter, plugin);
      assert.strictEqual(plugin.configs.strict.plugins.openrouter, plugin);
      import('eslint-plugin-openrouter').then((esm) => {
        assert.strictEqual(esm.default, plugin);
        process.stdout.write('ok');
      });
    `;
    expect(execFileSync(process.execPath, ['-e', script], { cwd: consumer, encoding: 'utf8' })).toBe('ok');
  });
});

describe('eslint CLI in a consumer project', () => {
  it('runs with an ESM eslint.config.mjs (import) and configs.recommended', () => {
    const run = runs.esm;
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(byFile('esm', run)).toEqual({
      'eslint.config.mjs': [],
      'src/chat.mjs': [['openrouter/require-title-for-localhost', 'localhostWithoutTitle', 4]],
      'src/client.ts': [['openrouter/require-referer', 'missingReferer', 3]],
      'src/legacy.cjs': [
        ['openrouter/require-referer', 'missingReferer', 3],
        ['openrouter/valid-categories', 'unknownCategory', 6],
      ],
    });
  });

  it('runs with a CommonJS eslint.config.cjs (require) and configs.strict', () => {
    const run = runs.cjs;
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const findings = byFile('cjs', run);
    expect(findings['src/client.ts']).toEqual([['openrouter/require-referer', 'missingReferer', 3]]);
    expect(findings['src/legacy.cjs']).toEqual([
      ['openrouter/require-referer', 'missingReferer', 3],
      ['openrouter/valid-categories', 'unknownCategory', 6],
    ]);
    expect(run.results.flatMap((file) => file.messages).every((message) => message.severity === 2)).toBe(true);
  });

  it('fixes with the consumer\'s package.json identity, and settings win per key', () => {
    const esm = runs.esmFix;
    const esmOutput = (file: string) => esm.results.find((result) => result.filePath.endsWith(file))?.output;
    expect(esmOutput('client.ts')).toContain(
      "  httpReferer: 'https://consumerapp.dev',\n  appTitle: 'Consumer App',\n  appCategories: 'general-chat',\n});",
    );
    expect(esmOutput('chat.mjs')).toContain("headers: { 'HTTP-Referer': 'http://localhost:3000', 'X-OpenRouter-Title': 'Consumer App' },");
    expect(esmOutput('legacy.cjs')).toContain(
      "defaultHeaders: { 'X-OpenRouter-Categories': 'roleplay,gaem', 'HTTP-Referer': 'https://consumerapp.dev', 'X-OpenRouter-Title': 'Consumer App' },",
    );

    const cjs = runs.cjsFix;
    const client = cjs.results.find((result) => result.filePath.endsWith('client.ts'));
    expect(client?.output).toContain("  httpReferer: 'https://consumerapp.dev',\n  appTitle: 'Consumer CLI',\n  appCategories: 'general-chat',\n});");
    // Only the finding no fix can settle is left.
    expect(cjs.results.flatMap((file) => file.messages.map((message) => message.messageId))).toEqual(['unknownCategory']);
  });
});
