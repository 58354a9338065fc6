/**
 * Under ESLint, the files the analysis reads besides the linted one (package.json, tsconfig and the
 * configs it extends, imported modules) are read only when they lie inside the linted file's repository
 * by real path: a symlinked file or folder, or an `extends`, that leads outside reads nothing there.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Linter } from 'eslint';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearProjectConfigCache } from '../src/analysis/identity/project-config.js';
import { lintAt as lint, tempPackage } from './temp-package.js';
import { temporaryFolder } from './temporary-folders.js';

beforeEach(() => clearProjectConfigCache());

const OUTSIDE_IDENTITY = { name: 'outside', openrouter: { referer: 'https://outside-identity.dev', title: 'Outside Identity' } };
const INSIDE_IDENTITY = { name: 'inside', openrouter: { referer: 'https://inside-identity.dev', title: 'Inside Identity' } };
const CLIENT = "import { OpenRouter } from '@openrouter/sdk';\nexport const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });\n";
const LOCALHOST_HEADERS = "export const OPENROUTER_HEADERS = { 'HTTP-Referer': 'http://localhost:3000' };\n";
const IMPORTING_CLIENT = (specifier: string) =>
  `import OpenAI from 'openai';\nimport { OPENROUTER_HEADERS } from '${specifier}';\n` +
  "export const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: OPENROUTER_HEADERS });\n";

const ids = (messages: Linter.LintMessage[]) => messages.map((message) => `${message.ruleId}:${message.messageId}`);
const everything = ({ messages, fixed }: ReturnType<typeof lint>) => JSON.stringify([messages, fixed.output]);

/** A folder outside every repository, with these files. */
function outsideFolder(files: Record<string, string>): string {
  const folder = temporaryFolder('openrouter-outside-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

describe('package.json', () => {
  it('a package.json linked to a file outside the repository is not read, and nothing of it is echoed', () => {
    const src = tempPackage({}, { name: 'repo' });
    const outside = outsideFolder({ 'package.json': JSON.stringify(OUTSIDE_IDENTITY) });
    mkdirSync(path.join(src, 'app'));
    symlinkSync(path.join(outside, 'package.json'), path.join(src, 'app', 'package.json'));
    const result = lint(path.join(src, 'app', 'client.js'), CLIENT);
    expect(result.messages.filter((message) => message.messageId === 'invalidConfig').map((message) => message.message)).toEqual([
      expect.stringContaining(`${path.join(src, 'app', 'package.json')}: leads outside the repository; no attribution is read`),
    ]);
    expect(everything(result)).not.toMatch(/outside-identity|Outside Identity/);
    expect(result.fixed.output).toBe(CLIENT);
  });

  it('a package.json reached through a folder linked outside is not read', () => {
    const src = tempPackage({}, { name: 'repo' });
    const outside = outsideFolder({ 'package.json': JSON.stringify(OUTSIDE_IDENTITY) });
    symlinkSync(outside, path.join(src, 'linked'));
    const result = lint(path.join(src, 'linked', 'client.js'), CLIENT);
    expect(everything(result)).not.toMatch(/outside-identity|Outside Identity/);
    expect(result.fixed.output).toBe(CLIENT);
  });

  it('a package.json linked to a file inside the repository is read', () => {
    const src = tempPackage({ 'config/package.json': JSON.stringify(INSIDE_IDENTITY) }, { name: 'repo' });
    mkdirSync(path.join(src, 'app'));
    symlinkSync(path.join(src, 'config', 'package.json'), path.join(src, 'app', 'package.json'));
    const result = lint(path.join(src, 'app', 'client.js'), CLIENT);
    expect(ids(result.messages)).toEqual(['openrouter/require-referer:missingReferer']);
    expect(result.fixed.output).toContain("httpReferer: 'https://inside-identity.dev'");
  });
});

describe('tsconfig `paths`', () => {
  /** A repository whose tsconfig.json extends `base` (written at `baseAt`, relative to the repository), the alias `@/*` naming src/*. */
  function extending(baseAt: (root: string) => string): string {
    const src = tempPackage({ 'lib/headers.ts': LOCALHOST_HEADERS }, { name: 'aliases' });
    const root = path.dirname(src);
    const base = baseAt(root);
    mkdirSync(path.dirname(base), { recursive: true });
    // The base's substitution names the repository's own src/: only the config's place differs.
    writeFileSync(base, JSON.stringify({ compilerOptions: { paths: { '@/*': [`${path.relative(path.dirname(base), src)}/*`] } } }));
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ extends: `./${path.relative(root, base)}`.replace('./../', '../') }));
    return src;
  }

  it('follow a config extended inside the repository', () => {
    const src = extending((root) => path.join(root, 'config', 'tsconfig.base.json'));
    expect(ids(lint(path.join(src, 'client.js'), IMPORTING_CLIENT('@/lib/headers')).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
  });

  it('decide nothing from a config extended outside the repository', () => {
    const src = extending(() => path.join(outsideFolder({}), 'tsconfig.base.json'));
    expect(lint(path.join(src, 'client.js'), IMPORTING_CLIENT('@/lib/headers')).messages).toEqual([]);
  });

  it('decide nothing from a tsconfig.json linked to a file outside the repository', () => {
    const src = tempPackage({ 'lib/headers.ts': LOCALHOST_HEADERS }, { name: 'aliases' });
    const outside = outsideFolder({ 'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': [`${path.dirname(src)}/src/*`] } } }) });
    symlinkSync(path.join(outside, 'tsconfig.json'), path.join(path.dirname(src), 'tsconfig.json'));
    expect(lint(path.join(src, 'client.js'), IMPORTING_CLIENT('@/lib/headers')).messages).toEqual([]);
  });
});

describe('imported modules', () => {
  it('a module reached through a folder linked outside is not read; the same module inside is', () => {
    const src = tempPackage({ 'own/headers.ts': LOCALHOST_HEADERS }, { name: 'imports' });
    symlinkSync(outsideFolder({ 'headers.ts': LOCALHOST_HEADERS }), path.join(src, 'shared'));
    expect(lint(path.join(src, 'client.js'), IMPORTING_CLIENT('./shared/headers')).messages).toEqual([]);
    expect(ids(lint(path.join(src, 'client.js'), IMPORTING_CLIENT('./own/headers')).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
  });
});
