/**
 * Every code block of README.md runs as written. A block whose first line names an ESLint config
 * file (`// eslint.config.js`) is written to a temp project that has this package, eslint,
 * @typescript-eslint/parser, jiti and the packages the README shows the files of (`// <package>: <file>`)
 * in its node_modules, and loaded by the real `ESLint` class to
 * lint a file with an unattributed OpenRouter client, with ESLint 10 and again with the oldest ESLint
 * the README says that kind of config file needs (9.15, 9.18 for `eslint.config.ts`); a TypeScript
 * config is type-checked by `tsc` as well. Other JS/TS blocks must parse and use no undefined name (a missing `import openrouter`).
 * JSON blocks must parse (comments allowed, as tsconfig and editor settings take them); one with an
 * `"openrouter"` field is a package.json and is used as one; `settings.openrouter` anywhere is
 * validated. Shell blocks may only run npm scripts that exist. Other languages are not checked.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { ESLint as ESLint915 } from 'eslint-v9';
import { ESLint as ESLint918 } from 'eslint-v9-18';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProjectAttribution } from '../src/analysis/identity/project-config.js';
import { ensureBuilt, REPO as ROOT } from './built-package.js';
import { type CodeBlock, readCodeBlocks, README_BLOCKS as blocks, readmePackages } from './readme-blocks.js';

const CONFIG_FILE = /^eslint\.config\.(?:js|mjs|cjs|ts|mts|cts)$/;
const SCRIPT_LANGUAGES = new Set(['js', 'javascript', 'mjs', 'cjs', 'ts', 'typescript', 'mts', 'cts']);
const JSON_LANGUAGES = new Set(['json', 'jsonc', 'json5']);
const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'console', 'zsh']);

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** An OpenRouter client without attribution: every config in the README reports it. */
const CLIENT_JS = `import { OpenRouter } from '@openrouter/sdk';

export const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });
`;

const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

let temp: string;

/**
 * The oldest ESLint each kind of config file must load with, as the README states it: the package's
 * minimum, and the one for a config file in TypeScript. Each is installed under an alias.
 */
const MINIMUM_ESLINT = {
  js: { package: 'eslint-v9', ESLint: ESLint915 as unknown as typeof ESLint, claim: /^ESLint (\d+\.\d+) or later \(including 10\) with flat config\./m },
  ts: { package: 'eslint-v9-18', ESLint: ESLint918 as unknown as typeof ESLint, claim: /\(`eslint\.config\.ts`\) needs\s+ESLint (\d+\.\d+) or later/ },
} as const;

/** node_modules under `root` as a consumer project has them, with `eslint` the package given. */
function installModules(root: string, eslint: string): void {
  const modules = path.join(root, 'node_modules');
  mkdirSync(path.join(modules, '@typescript-eslint'), { recursive: true });
  symlinkSync(ROOT, path.join(modules, 'eslint-plugin-openrouter'), 'dir');
  symlinkSync(path.join(ROOT, 'node_modules', eslint), path.join(modules, 'eslint'), 'dir');
  for (const name of ['jiti', '@typescript-eslint/parser', 'vue-eslint-parser', 'svelte-eslint-parser', 'astro-eslint-parser']) {
    symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name), 'dir');
  }
  // The packages the README shows (an organisation's shared config), installed as written.
  for (const [name, files] of readmePackages()) {
    for (const [file, text] of Object.entries(files)) write(path.join(modules, name, file), text);
  }
}

beforeAll(() => {
  // The temp projects import the package by name, through dist/.
  ensureBuilt();
  temp = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-openrouter-readme-'));
  installModules(temp, 'eslint');
  for (const { package: eslint } of Object.values(MINIMUM_ESLINT)) installModules(path.join(temp, eslint), eslint);
}, 120_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** A project of its own for one block: `files` written under it, and src/client.js. */
function project(block: CodeBlock, files: Record<string, string>): string {
  const directory = path.join(temp, `line-${block.line}`);
  write(path.join(directory, 'src/client.js'), CLIENT_JS);
  for (const [file, text] of Object.entries(files)) write(path.join(directory, file), text);
  return directory;
}

function describeMessages(messages: readonly Linter.LintMessage[]): string {
  return messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? 'parser'}: ${message.message}`).join('\n') || '(none)';
}

/** Lints src/client.js with the project's own config, with fixes computed but not written. */
async function lintClient(directory: string, ESLintClass: typeof ESLint = ESLint): Promise<{ messages: Linter.LintMessage[]; output: string | undefined; settings: unknown }> {
  const eslint = new ESLintClass({ cwd: directory, fix: true });
  const [result] = await eslint.lintFiles(['src/client.js']);
  const config = (await eslint.calculateConfigForFile(path.join(directory, 'src/client.js'))) as Linter.Config;
  return { messages: result!.messages, output: result!.output, settings: (config.settings as { openrouter?: unknown } | undefined)?.openrouter };
}

function tsc(directory: string, file: string): Promise<{ status: number; output: string }> {
  const tsconfig = {
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
    files: [file],
  };
  write(path.join(directory, 'tsconfig.json'), JSON.stringify(tsconfig));
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: directory, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** JSON as tsconfig, .oxlintrc.json and editor settings take it: comments and trailing commas allowed. */
function parseJsonc(code: string): { value: unknown; error: string | null } {
  const parsed = ts.parseConfigFileTextToJson('snippet.json', code);
  return { value: parsed.config, error: parsed.error ? ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n') : null };
}

/** The names a Node.js script sees without declaring them, for `no-undef`. */
const NODE_GLOBALS: Linter.Globals = Object.fromEntries(
  [...Object.getOwnPropertyNames(globalThis), 'require', 'module', 'exports', '__dirname', '__filename'].map((name) => [name, 'readonly' as const]),
);

describe('readCodeBlocks', () => {
  it('reads each fenced block with its language, line and named file', () => {
    const found = readCodeBlocks(['# t', '```js', '// eslint.config.mjs', 'x();', '```', 'text', '````json', '{}', '````', '```', 'plain', '```'].join('\n'));
    expect(found).toEqual([
      { language: 'js', line: 2, code: '// eslint.config.mjs\nx();\n', file: 'eslint.config.mjs' },
      { language: 'json', line: 7, code: '{}\n', file: null },
      { language: '', line: 10, code: 'plain\n', file: null },
    ]);
  });
});

describe('README.md', () => {
  it('states the ESLint minimums the snippets are run with, and the package claims the same', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const peer = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { peerDependencies: { eslint: string } }).peerDependencies.eslint;
    for (const { package: eslint, ESLint: ESLintClass, claim } of Object.values(MINIMUM_ESLINT)) {
      const stated = claim.exec(readme)?.[1];
      expect(stated, `README states the minimum for ${eslint}`).toBeDefined();
      expect(ESLintClass.version, eslint).toBe(`${stated}.0`);
    }
    expect(peer).toBe(`^${MINIMUM_ESLINT.js.ESLint.version} || ^10.0.0`);
  });

  it('has ESLint config snippets, among them a typed eslint.config.ts, and a package.json snippet', () => {
    const configs = blocks.filter((block) => block.file !== null && CONFIG_FILE.test(block.file));
    expect(configs.length).toBeGreaterThanOrEqual(3);
    expect(configs.some((block) => block.file === 'eslint.config.ts' && block.code.includes('satisfies OpenRouterSettings'))).toBe(true);
    expect(blocks.some((block) => JSON_LANGUAGES.has(block.language) && /"openrouter"\s*:/.test(block.code))).toBe(true);
  });

  for (const block of blocks) {
    const where = `README.md:${block.line}`;

    if (SCRIPT_LANGUAGES.has(block.language) && block.file !== null && CONFIG_FILE.test(block.file)) {
      it(`${where}: ${block.file} loads in a project and lints with the plugin`, async () => {
        const directory = project(block, { 'package.json': '{ "name": "readme-snippet", "private": true, "type": "module" }\n', [block.file!]: block.code });
        const { messages, output, settings } = await lintClient(directory);
        expect(messages.filter((message) => message.fatal), `${where}\n${describeMessages(messages)}`).toEqual([]);
        expect(messages.filter((message) => message.messageId === 'invalidConfig'), `${where}\n${describeMessages(messages)}`).toEqual([]);
        const reported = messages.some((message) => message.ruleId === 'openrouter/require-referer') || /httpReferer: /.test(output ?? '');
        expect(reported, `${where} reports or fixes the unattributed client\n${describeMessages(messages)}`).toBe(true);
        const referer = (settings as { referer?: unknown } | undefined)?.referer;
        if (typeof referer === 'string') expect(output, `${where}: the fix uses settings.openrouter.referer`).toContain(`httpReferer: '${referer}'`);
      });

      const minimum = MINIMUM_ESLINT[/\.[mc]?ts$/.test(block.file!) ? 'ts' : 'js'];
      it(`${where}: ${block.file} loads and lints with ${minimum.package}, the oldest ESLint the README says it needs`, async () => {
        const directory = path.join(temp, minimum.package, `line-${block.line}`);
        write(path.join(directory, 'src/client.js'), CLIENT_JS);
        write(path.join(directory, 'package.json'), '{ "name": "readme-snippet-minimum", "private": true, "type": "module" }\n');
        write(path.join(directory, block.file!), block.code);
        const { messages, output } = await lintClient(directory, minimum.ESLint);
        expect(messages.filter((message) => message.fatal || message.messageId === 'invalidConfig'), `${where}\n${describeMessages(messages)}`).toEqual([]);
        const reported = messages.some((message) => message.ruleId === 'openrouter/require-referer') || /httpReferer: /.test(output ?? '');
        expect(reported, `${where} reports or fixes the unattributed client\n${describeMessages(messages)}`).toBe(true);
      });

      if (/\.[mc]?ts$/.test(block.file!)) {
        it(`${where}: ${block.file} type-checks with tsc`, async () => {
          const directory = path.join(temp, `line-${block.line}-tsc`);
          write(path.join(directory, 'package.json'), '{ "name": "readme-snippet-tsc", "private": true, "type": "module" }\n');
          write(path.join(directory, block.file!), block.code);
          const result = await tsc(directory, block.file!);
          expect(result.output, where).toBe('');
          expect(result.status, where).toBe(0);
        });
      }

      if (block.code.includes('satisfies OpenRouterSettings')) {
        it(`${where}: tsc refuses the snippet with a settings key misspelt`, async () => {
          expect(block.code, `${where} sets a title to misspell`).toMatch(/\btitle:/);
          const directory = path.join(temp, `line-${block.line}-misspelt`);
          write(path.join(directory, 'package.json'), '{ "name": "readme-snippet-misspelt", "private": true, "type": "module" }\n');
          write(path.join(directory, block.file!), block.code.replace(/\btitle:/, 'titel:'));
          const result = await tsc(directory, block.file!);
          expect(result.status, where).not.toBe(0);
          expect(result.output).toMatch(/error TS2561: .*'titel' does not exist in type 'OpenRouterSettings'/);
        });
      }
    } else if (SCRIPT_LANGUAGES.has(block.language)) {
      it(`${where}: parses and uses no undefined name`, async () => {
        const typescript = /^(?:ts|typescript|mts|cts)$/.test(block.language);
        const config: Linter.Config = {
          languageOptions: { globals: NODE_GLOBALS, ...(typescript ? { parser: tsParser } : {}) },
          // Undefined types are TypeScript's to find; only JS blocks are checked for undefined names.
          rules: typescript ? {} : { 'no-undef': 'error' },
        };
        const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [config] });
        const [result] = await eslint.lintText(block.code);
        expect(result!.messages, `${where}\n${describeMessages(result!.messages)}\n${block.code}`).toEqual([]);
      });
    } else if (JSON_LANGUAGES.has(block.language)) {
      it(`${where}: JSON parses, and any OpenRouter settings in it are valid`, async () => {
        const { value, error } = parseJsonc(block.code);
        expect(error, where).toBeNull();
        const object = value as { openrouter?: unknown; settings?: { openrouter?: unknown } } | null;
        if (object?.settings?.openrouter !== undefined) {
          expect(loadProjectAttribution(object.settings.openrouter, '<readme>').problems, where).toEqual([]);
        }
        if (object?.openrouter === undefined) return;
        // A package.json: strict JSON, and its identity is what the fix inserts.
        expect(() => JSON.parse(block.code), `${where} is strict JSON, as package.json must be`).not.toThrow();
        const directory = project(block, {
          'package.json': block.code,
          'eslint.config.mjs': "import openrouter from 'eslint-plugin-openrouter';\n\nexport default [openrouter.configs.recommended];\n",
        });
        const { messages, output } = await lintClient(directory);
        expect(messages.filter((message) => message.fatal || message.messageId === 'invalidConfig'), `${where}\n${describeMessages(messages)}`).toEqual([]);
        const referer = (object.openrouter as { referer?: unknown }).referer;
        if (typeof referer === 'string') expect(output, `${where}: the fix uses the package.json referer`).toContain(`httpReferer: '${referer}'`);
      });
    } else if (SHELL_LANGUAGES.has(block.language)) {
      const named = [...block.code.matchAll(/\bnpm (run(?:-script)?\s+([\w:.-]+)|test|start)\b/g)].map((match) => match[2] ?? match[1]!);
      if (named.length > 0) {
        it(`${where}: runs only npm scripts that exist (${named.join(', ')})`, () => {
          for (const script of named) expect(Object.keys(scripts), `${where}: npm script "${script}"`).toContain(script);
        });
      }
    }
  }
});
