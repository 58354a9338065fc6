/**
 * The published package, as a consumer gets it: copy the working tree as a clean clone would hold
 * it (no dist/), `npm pack` there so `prepack` builds it, unpack the tarball into a consumer
 * project's node_modules (next to links to this repository's eslint, @typescript-eslint/parser, jiti
 * and typescript, so nothing is installed from the network) and run the eslint CLI there with an
 * ESM, a CommonJS and a typed `eslint.config.ts` flat config, and `tsc` on the typed one. Broken
 * `exports`, `main`, `files`, types or a missing build fail here.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackResult {
  filename: string;
  files: { path: string }[];
}

interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface CliResult {
  status: number | null;
  stderr: string;
  results: { filePath: string; messages: { ruleId: string | null; messageId?: string; line: number; severity: number; fatal?: boolean }[]; output?: string }[];
}

/**
 * Copies what a clean clone of the working tree holds (tracked and new files, nothing git
 * ignores, so no dist/) into `target`, with a link to this repository's node_modules.
 */
function copyCleanTree(target: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' });
  for (const file of listed.split('\0').filter(Boolean)) {
    const from = path.join(REPO, file);
    if (!existsSync(from)) continue; // deleted in the working tree, not yet in a commit
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    copyFileSync(from, path.join(target, file));
  }
  symlinkSync(path.join(REPO, 'node_modules'), path.join(target, 'node_modules'), 'dir');
}

/** Runs a command to its end without throwing on a non-zero exit. */
function run(command: string, args: readonly string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
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

/** The typed form the README documents; `{{openrouter}}` is replaced by the settings object. */
const TS_CONFIG = `import tsParser from '@typescript-eslint/parser';
import { defineConfig } from 'eslint/config';
import openrouter, { type OpenRouterSettings } from 'eslint-plugin-openrouter';

export default defineConfig([
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  openrouter.configs.recommended,
  { settings: { openrouter: {{openrouter}} satisfies OpenRouterSettings } },
]);
`;

const TS_TSCONFIG = {
  compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
  files: ['eslint.config.ts'],
};

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
/** Whether the clean copy held a dist/ before `npm pack` (it must not, or prepack proves nothing). */
let builtBeforePack: boolean;
/** The CLI runs, started together once the consumer exists. */
let runs: Record<'esm' | 'cjs' | 'esmFix' | 'cjsFix' | 'tsFix', CliResult>;
/** `tsc` on the typed config, with each TypeScript, as written and with a misspelt key. */
let typeChecks: Record<'typescript' | 'typescript-5.9', Record<'valid' | 'misspelt', RunResult>>;

/** Runs the consumer's eslint CLI in one of its projects, with JSON output. */
async function runEslint(project: string, ...args: string[]): Promise<CliResult> {
  const bin = path.join(consumer, 'node_modules/eslint/bin/eslint.js');
  const child = await run(process.execPath, [bin, '--format', 'json', ...args, '.'], path.join(consumer, project));
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

/** Packs the clean copy; `prepack` output may precede npm's JSON on stdout. */
async function packCleanCopy(source: string): Promise<PackResult> {
  const pack = await run(NPM, ['pack', '--json', '--pack-destination', temp], source);
  if (pack.status !== 0) throw new Error(`npm pack failed (exit ${pack.status}):\n${pack.stdout}\n${pack.stderr}`);
  const start = pack.stdout.search(/^\[\s*\{/m);
  return (JSON.parse(pack.stdout.slice(Math.max(start, 0))) as PackResult[])[0]!;
}

/** `tsc -p` in the ts project with one of the installed TypeScripts. */
function typeCheck(typescript: 'typescript' | 'typescript-5.9', tsconfig: string): Promise<RunResult> {
  return run(process.execPath, [path.join(REPO, 'node_modules', typescript, 'bin/tsc'), '-p', tsconfig], path.join(consumer, 'ts'));
}

beforeAll(async () => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-openrouter-e2e-'));
  const source = path.join(temp, 'source');
  copyCleanTree(source);
  builtBeforePack = existsSync(path.join(source, 'dist'));
  packed = await packCleanCopy(source);

  consumer = path.join(temp, 'consumer');
  const installed = path.join(consumer, 'node_modules/eslint-plugin-openrouter');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(temp, packed.filename), '-C', installed, '--strip-components=1']);
  symlinkSync(path.join(REPO, 'node_modules/eslint'), path.join(consumer, 'node_modules/eslint'), 'dir');
  mkdirSync(path.join(consumer, 'node_modules/@typescript-eslint'));
  symlinkSync(path.join(REPO, 'node_modules/@typescript-eslint/parser'), path.join(consumer, 'node_modules/@typescript-eslint/parser'), 'dir');
  // ESLint loads eslint.config.ts through jiti on Node 20.
  symlinkSync(path.join(REPO, 'node_modules/jiti'), path.join(consumer, 'node_modules/jiti'), 'dir');

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
  const typedConfig = (settings: string) => TS_CONFIG.replace('{{openrouter}}', settings);
  write(path.join(consumer, 'ts/package.json'), `${JSON.stringify({ name: 'consumer-ts', private: true, type: 'module' }, null, 2)}\n`);
  write(path.join(consumer, 'ts/tsconfig.json'), `${JSON.stringify(TS_TSCONFIG, null, 2)}\n`);
  write(path.join(consumer, 'ts/misspelt/eslint.config.ts'), typedConfig("{ titel: 'Consumer TS' }"));
  write(path.join(consumer, 'ts/tsconfig.misspelt.json'), `${JSON.stringify({ ...TS_TSCONFIG, files: ['misspelt/eslint.config.ts'] }, null, 2)}\n`);
  for (const [project, config] of [
    ['esm', ['eslint.config.mjs', ESM_CONFIG]],
    ['cjs', ['eslint.config.cjs', CJS_CONFIG]],
    ['ts', ['eslint.config.ts', typedConfig("{ title: 'Consumer TS' }")]],
  ] as const) {
    write(path.join(consumer, project, config[0]), config[1]);
    write(path.join(consumer, project, 'src/client.ts'), CLIENT_TS);
    write(path.join(consumer, project, 'src/chat.mjs'), CHAT_MJS);
    write(path.join(consumer, project, 'src/legacy.cjs'), LEGACY_CJS);
  }
  const [esm, cjs, esmFix, cjsFix, tsFix, valid6, misspelt6, valid59, misspelt59] = await Promise.all([
    runEslint('esm'),
    runEslint('cjs'),
    runEslint('esm', '--fix-dry-run'),
    runEslint('cjs', '--fix-dry-run'),
    runEslint('ts', '--fix-dry-run', '--ignore-pattern', 'misspelt/'),
    typeCheck('typescript', 'tsconfig.json'),
    typeCheck('typescript', 'tsconfig.misspelt.json'),
    typeCheck('typescript-5.9', 'tsconfig.json'),
    typeCheck('typescript-5.9', 'tsconfig.misspelt.json'),
  ]);
  runs = { esm, cjs, esmFix, cjsFix, tsFix };
  typeChecks = { typescript: { valid: valid6, misspelt: misspelt6 }, 'typescript-5.9': { valid: valid59, misspelt: misspelt59 } };
}, 300_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('is built by prepack from a tree without dist/', () => {
    expect(builtBeforePack).toBe(false);
    expect(packed.files.map((file) => file.path)).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts']));
  });

  it('ships the built entry points, the licence and the docs, and no sources, tests or developer notes', () => {
    const files = packed.files.map((file) => file.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/index.js', 'dist/index.d.ts', 'LICENSE', 'README.md', 'CHANGELOG.md']));
    expect(files.filter((file) => /^(src|tests|scripts|examples|\.ci)\//.test(file))).toEqual([]);
    expect(files.filter((file) => file.startsWith('docs/') && !file.startsWith('docs/rules/'))).toEqual([]);
    expect(files.filter((file) => /^(tsconfig|eslint\.config|vitest\.config|\.eslint-doc-generatorrc)/.test(file))).toEqual([]);
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

  it('ships the doc each rule\'s meta.docs.url links to', () => {
    const files = packed.files.map((file) => file.path);
    const script = `
      const plugin = require('eslint-plugin-openrouter');
      process.stdout.write(JSON.stringify(Object.values(plugin.rules).map((rule) => rule.meta.docs.url)));
    `;
    const urls = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: consumer, encoding: 'utf8' })) as string[];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      // The link names the file at the version's tag: `<repository>/blob/v<version>/<path>`.
      const match = /^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/v([^/]+)\/(docs\/rules\/[\w-]+\.md)$/.exec(url);
      expect(match, url).not.toBeNull();
      expect(match![1], url).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
      expect(files, url).toContain(match![2]);
    }
  });

  it('ships the MIT licence package.json names', () => {
    const installed = path.join(consumer, 'node_modules/eslint-plugin-openrouter');
    expect(JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')).license).toBe('MIT');
    expect(readFileSync(path.join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });

  it('loads through require and import, with its metadata and both configs', () => {
    const script = `
      const assert = require('node:assert');
      const plugin = require('eslint-plugin-openrouter');
      const manifest = require('eslint-plugin-openrouter/package.json');
      assert.strictEqual(plugin.meta.name, manifest.name);
      assert.strictEqual(plugin.meta.version, manifest.version);
      assert.deepStrictEqual(Object.keys(plugin.rules).sort(), ${JSON.stringify(Object.keys(rules).sort())});
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

describe('a typed eslint.config.ts in a consumer project', () => {
  it('loads, and its settings reach the fixes', () => {
    const run = runs.tsFix;
    expect(run.stderr).toBe('');
    const client = run.results.find((result) => result.filePath.endsWith('client.ts'));
    expect(client?.output).toContain("  httpReferer: 'https://consumerapp.dev',\n  appTitle: 'Consumer TS',\n  appCategories: 'general-chat',\n});");
  });

  it.each(['typescript', 'typescript-5.9'] as const)('type-checks as written with %s', (typescript) => {
    const check = typeChecks[typescript].valid;
    expect(`${check.stdout}${check.stderr}`).toBe('');
    expect(check.status).toBe(0);
  });

  it.each(['typescript', 'typescript-5.9'] as const)('is refused by %s when a setting key is misspelt', (typescript) => {
    const check = typeChecks[typescript].misspelt;
    expect(check.status).not.toBe(0);
    expect(check.stdout).toMatch(/misspelt\/eslint\.config\.ts\(\d+,\d+\): error TS2561: .*'titel' does not exist in type 'OpenRouterSettings'\. Did you mean to write 'title'\?/);
  });
});
