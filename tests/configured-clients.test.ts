/**
 * `clients` in settings.openrouter and the package.json field: every bad entry gives a problem
 * that names it (with did-you-mean), is dropped whole, and leaves the other entries and keys in
 * force; sizes are bounded and prototype names refused.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { beforeEach, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { MAX_CLIENTS } from '../src/analysis/identity/configured-clients.js';
import { BUILT_IN_TABLE } from '../src/analysis/clients/table.js';
import { clearProjectConfigCache, loadProjectAttribution } from '../src/analysis/identity/project-config.js';
import { temporaryFolder } from './temporary-folders.js';

const LLM = { module: '@acme/llm', export: 'createLlm', call: 'call', options: { referer: 'siteUrl', title: 'siteName' } };
const WHERE = 'settings.openrouter.clients[0]';
const KEYS = 'module, export, call, argument, options, categoriesForm, headers, baseUrl, openRouter';

beforeEach(() => clearProjectConfigCache());

function load(clients: unknown, extra: Record<string, unknown> = {}) {
  return loadProjectAttribution({ title: 'Acme Docs', clients, ...extra }, '<input>');
}

/** [what is wrong, the entry, the problem it must give] */
const CASES: [string, Record<string, unknown>, string][] = [
  ['a misspelt key', { ...LLM, modul: '@acme/llm' }, `${WHERE}.modul: unknown key (did you mean "module"?); known keys: ${KEYS}`],
  ['a misspelt call', { ...LLM, call: 'neww' }, `${WHERE}.call: must be "new" or "call", got "neww" (did you mean "new"?)`],
  ['a call form of another kind', { ...LLM, call: 'any-use' }, `${WHERE}.call: must be "new" or "call", got "any-use"`],
  ['a missing call', { module: LLM.module, export: LLM.export, options: LLM.options }, `${WHERE}.call: must be "new" or "call", got nothing`],
  ['a non-string module', { ...LLM, module: 42 }, `${WHERE}.module: must be a package name such as "@acme/llm" or a path alias such as "@/lib/llm", got number 42`],
  ['a relative module', { ...LLM, module: './llm' }, `${WHERE}.module: "./llm" is a file path, which names a different file from each folder`],
  ['a module with spaces', { ...LLM, module: 'acme llm' }, `${WHERE}.module: "acme llm" is not a package name`],
  ['a module with pattern characters', { ...LLM, module: '@acme/(llm|.*)' }, 'is not a package name'],
  ['a module climbing out', { ...LLM, module: '@/lib/../llm' }, 'is not a package name'],
  ['a long module', { ...LLM, module: `@acme/${'x'.repeat(300)}` }, `${WHERE}.module: is 306 characters long; at most 200 are allowed`],
  ['a bad export', { ...LLM, export: 'create-llm' }, `${WHERE}.export: "create-llm" is not an export name such as "createLlm", or "default"`],
  ['a nested attribution option', { ...LLM, options: { referer: 'config.siteUrl' } }, `${WHERE}.options.referer: "config.siteUrl" is not an option name such as "siteUrl"`],
  ['a non-string option', { ...LLM, options: { referer: 5 } }, `${WHERE}.options.referer: must be an option name such as "siteUrl", got number 5`],
  ['an empty option list', { ...LLM, options: { referer: [] } }, `${WHERE}.options.referer: must list 1 to 8 option names, got 0`],
  ['a misspelt field', { ...LLM, options: { referrer: 'siteUrl' } }, `${WHERE}.options.referrer: unknown key (did you mean "referer"?); known keys: referer, title, categories`],
  ['options not an object', { ...LLM, options: 'siteUrl' }, `${WHERE}.options: must be an object like { "referer": "siteUrl", "title": "siteName" }, got "siteUrl"`],
  ['a prototype option', { ...LLM, options: { referer: '__proto__' } }, `${WHERE}.options.referer: "__proto__" names an object's prototype, not an option`],
  ['a prototype in a headers path', { ...LLM, headers: 'config.__proto__' }, `${WHERE}.headers: "__proto__" names an object's prototype`],
  ['no place for attribution', { module: LLM.module, export: LLM.export, call: 'call' }, `${WHERE}: names no place for the referer; give "options.referer" or "headers"`],
  ['no place for the title', { ...LLM, options: { referer: 'siteUrl' } }, `${WHERE}: names no place for the title; give "options.title" or "headers"`],
  ['a gate without a base URL', { ...LLM, openRouter: 'when-base-url' }, `${WHERE}.openRouter: "when-base-url" needs "baseUrl"`],
  ['a misspelt gate', { ...LLM, openRouter: 'allways' }, `${WHERE}.openRouter: must be "always" or "when-base-url", got "allways" (did you mean "always"?)`],
  ['a negative argument', { ...LLM, argument: -1 }, `${WHERE}.argument: must be a whole number from 0 to 9, got number -1`],
  ['a fractional argument', { ...LLM, argument: 1.5 }, 'must be a whole number from 0 to 9'],
  ['a misspelt categories form', { ...LLM, categoriesForm: 'arrays' }, `${WHERE}.categoriesForm: must be "comma-string" or "array", got "arrays" (did you mean "array"?)`],
  ['a built-in client', { ...LLM, module: '@openrouter/sdk', export: 'OpenRouter', call: 'new' }, `${WHERE}: "@openrouter/sdk" export "OpenRouter" is a built-in client (@openrouter/sdk); it needs no entry`],
];

describe('settings.openrouter.clients validation', () => {
  it('accepts a valid entry and appends it to the built-in table', () => {
    const loaded = load([LLM, { module: '@/lib/gateway', export: 'default', call: 'new', headers: 'http.headers', baseUrl: ['endpoint'], openRouter: 'when-base-url' }]);
    expect(loaded.problems).toEqual([]);
    expect(loaded.clients.configuredModules).toEqual(['@acme/llm', '@/lib/gateway']);
    expect(loaded.clients.rows.slice(0, BUILT_IN_TABLE.rows.length)).toEqual(BUILT_IN_TABLE.rows);
    expect(loaded.clients.rows.at(-2)).toMatchObject({ label: '@acme/llm', call: 'call', options: { referer: ['siteUrl'], title: ['siteName'] }, gate: { kind: 'always' } });
    expect(loaded.clients.rows.at(-1)).toMatchObject({ headersOption: 'http.headers', gate: { kind: 'baseUrl', options: ['endpoint'] } });
    expect(loaded.clients.modules.has('@acme/llm')).toBe(true);
  });

  it('uses the built-in table itself when no clients are given', () => {
    expect(loadProjectAttribution({ title: 'Acme Docs' }, '<input>').clients).toBe(BUILT_IN_TABLE);
  });

  it.each(CASES)('%s', (_what, entry, expected) => {
    let loaded: ReturnType<typeof load> | undefined;
    expect(() => (loaded = load([entry, { ...LLM, module: '@acme/ok' }]))).not.toThrow();
    expect(loaded!.problems.join('\n')).toContain(expected);
    // The bad entry is dropped whole; the next one and the other keys stay.
    expect(loaded!.clients.configuredModules).toEqual(['@acme/ok']);
    expect(loaded!.attribution.title).toBe('Acme Docs');
  });

  it('names an entry listed twice', () => {
    const loaded = load([LLM, LLM]);
    expect(loaded.problems).toEqual(['settings.openrouter.clients[1]: "@acme/llm" export "createLlm" is listed twice']);
    expect(loaded.clients.configuredModules).toEqual(['@acme/llm']);
  });

  it.each([
    [{ module: '@acme/llm' }, 'settings.openrouter.clients: must be an array of clients like [{ "module": "@acme/llm"'],
    ['@acme/llm', 'got "@acme/llm"'],
    [['@acme/llm'], 'settings.openrouter.clients[0]: must be an object like { "module": "@acme/llm"'],
    [[null], 'settings.openrouter.clients[0]: must be an object like'],
  ])('rejects clients = %j', (clients, expected) => {
    const loaded = load(clients);
    expect(loaded.problems.join('\n')).toContain(expected);
    expect(loaded.clients).toBe(BUILT_IN_TABLE);
  });

  it(`reads at most ${MAX_CLIENTS} entries, quickly, and says so`, () => {
    const entries = Array.from({ length: 10_000 }, (_, index) => ({ ...LLM, export: `create${index}` }));
    const started = performance.now();
    const loaded = load(entries);
    expect(performance.now() - started).toBeLessThan(500);
    expect(loaded.problems).toEqual([`settings.openrouter.clients: 10000 clients given; at most ${MAX_CLIENTS} are read, the rest are dropped`]);
    expect(loaded.clients.rows.length).toBe(BUILT_IN_TABLE.rows.length + MAX_CLIENTS);
  });

  it('names at most five unknown keys of an entry', () => {
    const entry = { ...LLM, ...Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`k${index}`, 1])) };
    const problems = load([entry]).problems;
    expect(problems).toHaveLength(6);
    expect(problems.at(-1)).toBe(`${WHERE}: 45 more unknown keys`);
  });
});

describe('package.json "openrouter": { "clients" }', () => {
  function project(packageJson: string): string {
    const dir = temporaryFolder('openrouter-clients-');
    writeFileSync(path.join(dir, 'package.json'), packageJson);
    return path.join(dir, 'client.ts');
  }

  it('are read, and a `__proto__` key is an unknown key, not a prototype', () => {
    const file = project(JSON.stringify({ openrouter: { clients: [LLM] } }).replace('"module"', '"__proto__": { "polluted": true }, "module"'));
    const loaded = loadProjectAttribution(undefined, file);
    expect(loaded.problems).toEqual([expect.stringMatching(/openrouter\.clients\[0\]\.__proto__: unknown key; known keys: module/)]);
    expect(loaded.clients.configuredModules).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('are used when the settings give none, and replaced whole when they do', () => {
    const file = project(JSON.stringify({ openrouter: { clients: [LLM] } }));
    expect(loadProjectAttribution(undefined, file).clients.configuredModules).toEqual(['@acme/llm']);
    const fromSettings = loadProjectAttribution({ clients: [{ ...LLM, module: '@acme/ai' }] }, file);
    expect(fromSettings.problems).toEqual([]);
    expect(fromSettings.clients.configuredModules).toEqual(['@acme/ai']);
  });

  it('name the package.json in problems', () => {
    const file = project(JSON.stringify({ openrouter: { clients: [{ ...LLM, call: 'neww' }] } }));
    const problems = loadProjectAttribution(undefined, file).problems;
    expect(problems).toEqual([`${path.join(path.dirname(file), 'package.json')}: openrouter.clients[0].call: must be "new" or "call", got "neww" (did you mean "new"?)`]);
  });
});

describe('package.json clients in a lint run', () => {
  /** A repository whose root package.json declares `rootClients`, with a package below it declaring `packageClients`. */
  function repository(rootClients: unknown[], packageClients: unknown[]): { root: string; file: string } {
    const root = temporaryFolder('openrouter-clients-run-');
    mkdirSync(path.join(root, '.git'));
    mkdirSync(path.join(root, 'packages', 'web', 'src'), { recursive: true });
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ openrouter: { clients: rootClients } }));
    writeFileSync(path.join(root, 'packages', 'web', 'package.json'), JSON.stringify({ openrouter: { clients: packageClients } }));
    return { root, file: path.join(root, 'packages', 'web', 'src', 'chat.js') };
  }
  const lint = (root: string, file: string, code: string) =>
    new Linter({ cwd: root }).verify(code, [{ plugins: { openrouter: plugin }, rules: { 'openrouter/require-referer': 'error' } }], file).map((message) => message.messageId);

  it("find a wrapper in a file that never mentions OpenRouter, from the working directory's package.json", () => {
    const { root, file } = repository([LLM], [LLM]);
    expect(lint(root, file, "import { createLlm } from '@acme/llm';\ncreateLlm({ model: 'm' });")).toEqual(['missingReferer']);
    expect(lint(root, file, "import { createLlm } from '@acme/llm';\ncreateLlm({ siteUrl: 'https://acme.dev', siteName: 'Acme' });")).toEqual([]);
  });

  it("check a file that passes the pre-test with its own package's clients", () => {
    const { root, file } = repository([], [LLM]);
    // The file names OpenRouter: analysed with packages/web's clients.
    expect(lint(root, file, "import { createLlm } from '@acme/llm';\ncreateLlm({ baseURL: process.env.OPENROUTER_URL });")).toEqual(['missingReferer']);
    // It does not: the pre-test reads the working directory's clients only (see README).
    expect(lint(root, file, "import { createLlm } from '@acme/llm';\ncreateLlm({ model: 'm' });")).toEqual([]);
  });
});
