/**
 * Values imported from another module of the project, read from its source without type
 * information: found where the import is exact, silent where it is not (ambiguous, outside the
 * package, written to by the importer, too far, not a regular file), and never edited.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { lintAt as lint, tempPackage } from './temp-package.js';
import { temporaryFolder } from './temporary-folders.js';

/** A package (named, no identity) with the given files under src/; returns src/'s path. */
const project = (files: Record<string, string>): string => tempPackage(files, { name: 'imports-app', private: true });

const ids = (messages: Linter.LintMessage[]) => messages.map((message) => `${message.ruleId}:${message.messageId}`);

const LOCALHOST_HEADERS = "export const OPENROUTER_HEADERS = { 'HTTP-Referer': 'http://localhost:3000' };\n";
const CLIENT = (specifier: string) =>
  `import OpenAI from 'openai';\nimport { OPENROUTER_HEADERS } from '${specifier}';\n` +
  "export const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: OPENROUTER_HEADERS });\n";

describe('values imported from another module, without type information', () => {
  it('reads a headers object from the module it is imported from', () => {
    const src = project({ 'headers.js': LOCALHOST_HEADERS });
    const { messages, fixed } = lint(path.join(src, 'client.js'), CLIENT('./headers'));
    expect(ids(messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
    expect(messages[0]!.message).toContain('http://localhost:3000');
    // The object is another file's: never edited from here.
    expect(fixed.output).toBe(CLIENT('./headers'));
  });

  it('follows `./x.js` to x.ts, `export { local as name }`, a default export and a module that imports in turn', () => {
    const src = project({
      'brand.ts': "const name = 'My App';\nexport { name as APP_NAME };\nconst site = 'https://acme.dev';\nexport default site;\n",
      'lib/headers.ts': "import SITE, { APP_NAME } from '../brand.js';\nexport const OPENROUTER_HEADERS = { 'HTTP-Referer': SITE, 'X-OpenRouter-Title': APP_NAME };\n",
    });
    const { messages } = lint(path.join(src, 'client.js'), CLIENT('./lib/headers.js'));
    expect(ids(messages)).toEqual(['openrouter/no-generic-title:genericTitle']);
  });

  it('follows an import the module exports again (`import { X } from ...; export { X }`), so a local route is no OpenRouter URL', () => {
    const src = project({
      'config/api.js': "const API_BASE = import.meta.env.DEV ? 'http://localhost:3001' : '';\nexport const API_CONFIG = { OPENROUTER_ENDPOINT: `${API_BASE}/api/openrouter` };\n",
      'services/api.js': "import { API_CONFIG } from '../config/api.js';\nexport const ready = true;\nexport { API_CONFIG };\n",
      'lib/headers.js': "import { OPENROUTER_HEADERS as H } from './own.js';\nexport { H as OPENROUTER_HEADERS };\n",
      'lib/own.js': LOCALHOST_HEADERS,
    });
    const code = "import { API_CONFIG } from './services/api.js';\nexport const ask = () => fetch(API_CONFIG.OPENROUTER_ENDPOINT, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ model, messages }) });\n";
    expect(lint(path.join(src, 'ask.js'), code).messages).toEqual([]);
    expect(ids(lint(path.join(src, 'client.js'), CLIENT('./lib/headers.js')).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
  });

  it("follows `'..'` and `'.'` to the folder's index, as an example importing its package does", () => {
    const src = project({ 'index.js': LOCALHOST_HEADERS, 'examples/client.js': CLIENT('..'), 'lib/index.js': LOCALHOST_HEADERS, 'lib/client.js': CLIENT('.') });
    expect(ids(lint(path.join(src, 'examples', 'client.js'), CLIENT('..')).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
    expect(ids(lint(path.join(src, 'lib', 'client.js'), CLIENT('.')).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
  });

  it('resolves a referer and title given as imported constants', () => {
    const src = project({ 'site.ts': "export const SITE_URL = 'http://localhost:5173';\nexport const SITE_NAME = undefined;\n" });
    const code =
      "import { OpenRouter } from '@openrouter/sdk';\nimport { SITE_URL } from './site';\n" +
      'export const client = new OpenRouter({ httpReferer: SITE_URL });\n';
    expect(ids(lint(path.join(src, 'client.js'), code).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
  });

  it('checks each value an imported name may hold, though all are told at that name', () => {
    // Its first alternative (the environment) says nothing; the empty fallback is still reported.
    const src = project({ 'config.js': "export const config = { site: { url: process.env.SITE_URL || '', name: 'Acme Support' } };\n" });
    const code =
      "import { config } from './config.js';\n" +
      "fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: { 'HTTP-Referer': config.site.url, 'X-OpenRouter-Title': config.site.name }, body: JSON.stringify({ model, messages }) });\n";
    const { messages } = lint(path.join(src, 'chat.js'), code);
    expect(ids(messages)).toEqual(['openrouter/require-referer:emptyReferer']);
    expect(messages[0]!.line).toBe(2);
    // The same empty text again in the file (`url || ''`): one mistake, one finding.
    const again = lint(path.join(src, 'chat.js'), code.replace("'HTTP-Referer': config.site.url", "'HTTP-Referer': config.site.url || ''")).messages;
    expect(ids(again)).toEqual(['openrouter/require-referer:emptyReferer']);
  });

  it('reads members of a namespace import', () => {
    const src = project({ 'site.ts': "export const SITE_URL = 'http://localhost:5173';\nconst name = 'Chatbot';\nexport { name as SITE_NAME };\n" });
    const code =
      "import { OpenRouter } from '@openrouter/sdk';\nimport * as site from './site';\n" +
      'export const local = new OpenRouter({ httpReferer: site.SITE_URL });\nexport const named = new OpenRouter({ httpReferer: site.SITE_URL, appTitle: site.SITE_NAME });\n';
    expect(ids(lint(path.join(src, 'client.js'), code).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle', 'openrouter/no-generic-title:genericTitle']);

    // An object member of the namespace.
    const headers = project({ 'attribution.ts': LOCALHOST_HEADERS });
    const nested = CLIENT('./attribution').replace("import { OPENROUTER_HEADERS } from './attribution'", "import * as attribution from './attribution'").replace('defaultHeaders: OPENROUTER_HEADERS', 'defaultHeaders: attribution.OPENROUTER_HEADERS');
    const { messages, fixed } = lint(path.join(headers, 'client.js'), nested);
    expect(ids(messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
    expect(fixed.output).toBe(nested);
  });

  it('reads what `require` returns from a module that assigns `module.exports` once', () => {
    const src = project({
      'attribution.js': "const OPENROUTER_HEADERS = { 'HTTP-Referer': 'http://localhost:3000' };\nmodule.exports = { OPENROUTER_HEADERS, SITE_NAME: 'Chatbot' };\n",
      'mixed.js': "module.exports = { OPENROUTER_HEADERS: { 'HTTP-Referer': 'http://localhost:3000' } };\nexports.more = {};\n",
    });
    const code = (module: string) =>
      `const OpenAI = require('openai');\nconst { OPENROUTER_HEADERS } = require('${module}');\nconst config = require('${module}');\n` +
      "exports.destructured = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: OPENROUTER_HEADERS });\n" +
      "exports.member = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { ...config.OPENROUTER_HEADERS, 'X-OpenRouter-Title': config.SITE_NAME } });\n";
    const { messages, fixed } = lint(path.join(src, 'client.cjs'), code('./attribution'));
    expect(ids(messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle', 'openrouter/no-generic-title:genericTitle']);
    expect(fixed.output).toBe(code('./attribution'));
    // Exports assigned two ways: not guessed.
    expect(lint(path.join(src, 'client.cjs'), code('./mixed')).messages).toEqual([]);
  });

  it('reads an options object imported whole, with its nested headers', () => {
    const src = project({
      'llm.ts': "export const OPENROUTER_OPTIONS = { baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'http://localhost:3000' } };\n",
    });
    // The file must name OpenRouter itself (the pre-test without type information): here, the import's name.
    const code = "import OpenAI from 'openai';\nimport { OPENROUTER_OPTIONS } from './llm';\nexport const client = new OpenAI(OPENROUTER_OPTIONS);\n";
    const { messages, fixed } = lint(path.join(src, 'client.js'), code);
    expect(ids(messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
    expect(messages[0]!.line).toBe(3);
    expect(fixed.output).toBe(code);
  });

  it('stays silent when the import names more than one file, leaves the package, or the importer writes to the object', () => {
    const ambiguous = project({ 'headers.ts': LOCALHOST_HEADERS, 'headers.js': LOCALHOST_HEADERS });
    expect(lint(path.join(ambiguous, 'client.js'), CLIENT('./headers')).messages).toEqual([]);

    // A module above the package's own folder.
    const inner = project({});
    const outside = path.basename(path.dirname(inner));
    // Beside the repository, in the temp folder itself: removed here, as no test folder holds it.
    const beside = path.join(inner, '..', '..', `${outside}-headers.js`);
    writeFileSync(beside, LOCALHOST_HEADERS);
    try {
      expect(lint(path.join(inner, 'client.js'), CLIENT(`../../${outside}-headers`)).messages).toEqual([]);
    } finally {
      rmSync(beside, { force: true });
    }

    const written = project({ 'headers.js': LOCALHOST_HEADERS });
    const code = `${CLIENT('./headers')}OPENROUTER_HEADERS['X-OpenRouter-Title'] = process.env.APP_NAME;\n`;
    expect(lint(path.join(written, 'client.js'), code).messages).toEqual([]);
  });

  it('follows imports in a repository with no package.json (a browser extension), and not in a loose folder', () => {
    const folder = (git: boolean) => {
      const root = temporaryFolder('openrouter-extension-');
      mkdirSync(path.join(root, 'src'), { recursive: true });
      if (git) mkdirSync(path.join(root, '.git'));
      writeFileSync(path.join(root, 'src', 'headers.js'), LOCALHOST_HEADERS);
      return path.join(root, 'src', 'client.js');
    };
    expect(ids(lint(folder(true), CLIENT('./headers')).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
    expect(lint(folder(false), CLIENT('./headers')).messages).toEqual([]);
  });

  it('stays silent past three modules away', () => {
    const src = project({
      'a.js': "import { V } from './b';\nexport const OPENROUTER_HEADERS = { 'HTTP-Referer': V };\n",
      'b.js': "import { V as W } from './c';\nexport const V = W;\n",
      'c.js': "import { V as W } from './d';\nexport const V = W;\n",
      'd.js': "export const V = 'http://localhost:3000';\n",
    });
    expect(lint(path.join(src, 'client.js'), CLIENT('./a')).messages).toEqual([]);
    writeFileSync(path.join(src, 'c.js'), "export const V = 'http://localhost:3000';\n");
    expect(ids(lint(path.join(src, 'client.js'), CLIENT('./a')).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
  });

  it('never reads what is not a regular file or a module over 128 KiB, and sees a module edited since the last lint', () => {
    const src = project({});
    execFileSync('mkfifo', [path.join(src, 'headers.js')]);
    const started = performance.now();
    expect(lint(path.join(src, 'client.js'), CLIENT('./headers')).messages).toEqual([]);
    expect(performance.now() - started).toBeLessThan(20_000);

    const large = project({ 'headers.js': `${LOCALHOST_HEADERS}// ${'x'.repeat(128 * 1024)}\n` });
    expect(lint(path.join(large, 'client.js'), CLIENT('./headers')).messages).toEqual([]);

    const edited = project({ 'headers.js': "export const OPENROUTER_HEADERS = { 'HTTP-Referer': 'https://acme.dev' };\n" });
    expect(lint(path.join(edited, 'client.js'), CLIENT('./headers')).messages).toEqual([]);
    writeFileSync(path.join(edited, 'headers.js'), `${LOCALHOST_HEADERS}// edited\n`);
    expect(ids(lint(path.join(edited, 'client.js'), CLIENT('./headers')).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
  });
});

describe('values imported through a tsconfig `paths` alias, without type information', () => {
  /** A project whose root holds these configs besides its src/ files. */
  function aliased(configs: Record<string, string>, files: Record<string, string>): string {
    const src = project(files);
    for (const [name, text] of Object.entries(configs)) writeFileSync(path.join(path.dirname(src), name), text);
    return src;
  }
  const TSCONFIG = '{\n  // Next.js\'s default\n  "compilerOptions": {\n    "strict": true, /* "paths": {} */\n    "paths": { "@/*": ["./src/*"], "#site": ["./src/lib/site.ts"], },\n  },\n}\n';

  it('follows `@/lib/x` and an exact alias to the file the config names, as a relative import is followed', () => {
    const src = aliased({ 'tsconfig.json': TSCONFIG }, { 'lib/headers.ts': LOCALHOST_HEADERS, 'lib/site.ts': "export const SITE_NAME = 'My App';\n" });
    expect(ids(lint(path.join(src, 'lib', 'client.js'), CLIENT('@/lib/headers')).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
    const title = "import { OpenRouter } from '@openrouter/sdk';\nimport { SITE_NAME } from '#site';\nexport const client = new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: SITE_NAME });\n";
    expect(ids(lint(path.join(src, 'client.js'), title).messages)).toEqual(['openrouter/no-generic-title:genericTitle']);
  });

  it('reads `paths` from a config it extends, relative to that config or its `baseUrl`, and jsconfig.json', () => {
    const extended = aliased(
      { 'tsconfig.json': '{ "extends": "./tsconfig.base", "compilerOptions": { "strict": true } }', 'tsconfig.base.json': '{ "compilerOptions": { "baseUrl": "src", "paths": { "~/*": ["*"] } } }' },
      { 'lib/headers.ts': LOCALHOST_HEADERS },
    );
    expect(ids(lint(path.join(extended, 'client.js'), CLIENT('~/lib/headers')).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
    const js = aliased({ 'jsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }' }, { 'lib/headers.js': LOCALHOST_HEADERS });
    expect(ids(lint(path.join(js, 'client.js'), CLIENT('@/lib/headers')).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
  });

  it('resolves a bare name from the config\'s `baseUrl` after its `paths`, as TypeScript does (`src/config/x` in NestJS)', () => {
    const src = aliased({ 'tsconfig.json': '{ "compilerOptions": { "baseUrl": "./" } }' }, { 'lib/headers.ts': LOCALHOST_HEADERS });
    expect(ids(lint(path.join(src, 'client.js'), CLIENT('src/lib/headers')).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
  });

  it('reads a NestJS `ConfigType<typeof config>` parameter as what the `registerAs` factory returns', () => {
    const CONFIG =
      "import { registerAs } from '@nestjs/config';\nexport default registerAs('openRouter', () => ({\n  apiKey: process.env.OPENROUTER_API_KEY,\n  baseUrl: process.env.OPENROUTER_BASE_URL || 'https://openrouter.ai/api/v1',\n}));\n";
    const service = (title: string) =>
      "import { Inject, Injectable } from '@nestjs/common';\nimport type { ConfigType } from '@nestjs/config';\nimport OpenAI from 'openai';\nimport openRouterConfig from 'src/config/open-router.config';\n" +
      `@Injectable()\nexport class OpenRouterService {\n  private readonly client: OpenAI;\n  constructor(@Inject(openRouterConfig.KEY) config: ConfigType<typeof openRouterConfig>) {\n    this.client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseUrl${title} });\n  }\n}\n`;
    const src = aliased({ 'tsconfig.json': '{ "compilerOptions": { "baseUrl": "./" } }' }, { 'config/open-router.config.ts': CONFIG, 'open-router/open-router.service.ts': service('') });
    const file = path.join(src, 'open-router', 'open-router.service.ts');
    expect(ids(lint(file, service('')).messages)).toEqual(['openrouter/require-referer:missingReferer']);
    expect(lint(file, service(", defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme Mail' }")).messages).toEqual([]);
    // A factory of another name, or a parameter typed otherwise, tells nothing.
    const other = aliased({ 'tsconfig.json': '{ "compilerOptions": { "baseUrl": "./" } }' }, { 'config/open-router.config.ts': CONFIG.replace("registerAs('openRouter',", "makeConfig('openRouter',"), 'open-router/open-router.service.ts': service('') });
    expect(lint(path.join(other, 'open-router', 'open-router.service.ts'), service('')).messages).toEqual([]);
  });

  it('stays silent where no alias matches, the config cannot be parsed, or the alias leaves the package', () => {
    const files = { 'lib/headers.ts': LOCALHOST_HEADERS };
    // `baseUrl` resolves a bare name from it only where that file exists: `lib/headers` is not `src/lib/headers`.
    const none = aliased({ 'tsconfig.json': '{ "compilerOptions": { "baseUrl": "." } }' }, files);
    expect(lint(path.join(none, 'client.js'), CLIENT('lib/headers')).messages).toEqual([]);
    const broken = aliased({ 'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } ' }, files);
    expect(lint(path.join(broken, 'client.js'), CLIENT('@/lib/headers')).messages).toEqual([]);
    const other = path.dirname(project(files));
    const outside = aliased({ 'tsconfig.json': `{ "compilerOptions": { "paths": { "@/*": ["../${path.basename(other)}/src/*"] } } }` }, {});
    expect(lint(path.join(outside, 'client.js'), CLIENT('@/lib/headers')).messages).toEqual([]);
    // A config that is not a regular file is never read.
    const fifo = project(files);
    execFileSync('mkfifo', [path.join(path.dirname(fifo), 'tsconfig.json')]);
    expect(lint(path.join(fifo, 'client.js'), CLIENT('@/lib/headers')).messages).toEqual([]);
  });

  it("reports a referer whose imported value is the page's location or the request's host, at the import's use", () => {
    const src = project({
      'env.ts':
        "export const REFERER = typeof window !== 'undefined' ? window.location.origin : 'https://acme.dev';\n" +
        'export const requestOrigin = (req) => `https://${req.headers.host}`;\n',
      'own-window.ts': "const window = { location: { origin: 'https://acme.dev' } };\nexport const SHADOWED = window.location.origin;\n",
    });
    const request = (referer: string) =>
      "import { REFERER, requestOrigin } from './env';\nimport { SHADOWED } from './own-window';\n" +
      `fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: { 'HTTP-Referer': ${referer}, 'X-OpenRouter-Title': 'Acme Chat' }, body });\n`;
    const page = lint(path.join(src, 'chat.js'), request('REFERER')).messages;
    expect(ids(page)).toEqual(['openrouter/no-unstable-referer:unstableReferer']);
    expect(page[0]!.message).toContain('`REFERER`, which changes per page');
    expect(page[0]!.column).toBe(request('REFERER').split('\n')[2]!.indexOf('REFERER') + 1);
    const host = lint(path.join(src, 'chat.js'), request('requestOrigin(req)')).messages;
    expect(ids(host)).toEqual(['openrouter/no-unstable-referer:unstableReferer']);
    expect(host[0]!.message).toContain('changes per request');
    // A `window` of the module's own is no page.
    expect(lint(path.join(src, 'chat.js'), request('SHADOWED')).messages).toEqual([]);
  });
});

describe('destructured constants of the file', () => {
  it('resolve from the object they are taken from, when it is complete', () => {
    const src = project({});
    const code =
      "import { OpenRouter } from '@openrouter/sdk';\nconst config = { site: 'http://localhost:3000', app: { name: 'Chatbot' } };\nconst { site, app } = config;\nconst { name } = app;\n" +
      'export const local = new OpenRouter({ httpReferer: site });\nexport const named = new OpenRouter({ httpReferer: site, appTitle: name });\n';
    expect(ids(lint(path.join(src, 'client.js'), code).messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle', 'openrouter/no-generic-title:genericTitle']);
    // A spread of something unknown may replace the key: silent.
    const unknown = code.replace("const config = { site: 'http://localhost:3000',", "const config = { site: 'http://localhost:3000', ...process.env.OVERRIDES,");
    expect(ids(lint(path.join(src, 'client.js'), unknown).messages)).toEqual([]);
  });
});

describe('helpers imported from another module, spread into the options', () => {
  const OPENAI = "import OpenAI from 'openai';\nimport { transportDefaults } from './transport';\n";
  const SPREAD = (baseURL: string) => `${OPENAI}export const client = new OpenAI({ ...transportDefaults(), baseURL: '${baseURL}' });\n`;
  const OPENROUTER = SPREAD('https://openrouter.ai/api/v1');

  it("knows the helper's keys and still checks the rest of the options: a site with no referer reports, and its fix stays in this file", () => {
    const transport = { 'transport.js': 'export function transportDefaults() {\n  return { timeout: 30_000, maxRetries: 2 };\n}\n' };
    const { messages, fixed } = lint(path.join(project(transport), 'client.js'), OPENROUTER);
    expect(ids(messages)).toEqual(['openrouter/require-referer:missingReferer']);
    expect(messages[0]!.line).toBe(3);
    // Without an identity nothing is inserted; with one, the headers go into this file's literal.
    expect(fixed.output).toBe(OPENROUTER);
    const identified = tempPackage(transport, { name: 'imports-app', private: true, openrouter: { referer: 'https://acme.dev', title: 'Acme Docs' } });
    const withIdentity = lint(path.join(identified, 'client.js'), OPENROUTER);
    expect(ids(withIdentity.messages)).toEqual(['openrouter/require-referer:missingReferer']);
    expect(withIdentity.fixed.output).toBe(
      OPENROUTER.replace("baseURL: 'https://openrouter.ai/api/v1' }", "baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: {\n  'HTTP-Referer': 'https://acme.dev',\n  'X-OpenRouter-Title': 'Acme Docs'\n} }"),
    );
    expect(lint(path.join(identified, 'client.js'), withIdentity.fixed.output).messages).toEqual([]);
  });

  it('reads an arrow, a member of a namespace import, a default export, a TypeScript module, a helper given arguments and an awaited async helper', () => {
    const arrow = project({ 'transport.ts': "type Options = { timeout?: number };\nexport const transportDefaults = (): Options => ({ timeout: 30_000 } as const);\n" });
    expect(ids(lint(path.join(arrow, 'client.js'), OPENROUTER).messages)).toEqual(['openrouter/require-referer:missingReferer']);

    const namespace = project({ 'transport.js': 'const defaults = () => ({ maxRetries: 2 });\nexport { defaults as transportDefaults };\n' });
    const namespaced = OPENROUTER.replace('import { transportDefaults }', 'import * as transport').replace('...transportDefaults()', '...transport.transportDefaults()');
    expect(ids(lint(path.join(namespace, 'client.js'), namespaced).messages)).toEqual(['openrouter/require-referer:missingReferer']);

    const byDefault = project({ 'transport.js': 'export default function () {\n  return { maxRetries: 2 };\n}\n' });
    const defaultImport = OPENROUTER.replace('import { transportDefaults }', 'import transportDefaults');
    expect(ids(lint(path.join(byDefault, 'client.js'), defaultImport).messages)).toEqual(['openrouter/require-referer:missingReferer']);

    // Its values are told at the call: a generic title given here, a localhost referer written there, never edited there.
    const titled = project({ 'headers.js': "export function attribution(title) {\n  return { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': title };\n}\n" });
    const headersCall = (title: string) => `import OpenAI from 'openai';\nimport { attribution } from './headers';\nexport const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: attribution(${title}) });\n`;
    expect(ids(lint(path.join(titled, 'client.js'), headersCall("'Chatbot'")).messages)).toEqual(['openrouter/no-generic-title:genericTitle']);
    expect(lint(path.join(titled, 'client.js'), headersCall("'Acme Docs'")).messages).toEqual([]);
    expect(lint(path.join(titled, 'client.js'), headersCall('process.env.APP_TITLE')).messages).toEqual([]);
    const local = project({ 'transport.js': "export const transportDefaults = () => ({ defaultHeaders: { 'HTTP-Referer': 'http://localhost:3000' } });\n" });
    const { messages, fixed } = lint(path.join(local, 'client.js'), OPENROUTER);
    expect(ids(messages)).toEqual(['openrouter/require-title-for-localhost:localhostWithoutTitle']);
    expect(messages[0]!.line).toBe(3);
    expect(fixed.output).toBe(OPENROUTER);

    const awaited = project({ 'transport.js': 'export async function transportDefaults() {\n  return { timeout: 30_000 };\n}\n' });
    const code = OPENROUTER.replace('...transportDefaults()', '...(await transportDefaults())');
    expect(ids(lint(path.join(awaited, 'client.js'), code).messages)).toEqual(['openrouter/require-referer:missingReferer']);
  });

  it('reads a provider map at a key the code names, in the file or through a helper given the key, and at any key where it names none', () => {
    const src = project({
      'models.js':
        "export const PROVIDERS = {\n  openai: { baseUrl: 'https://api.openai.com/v1' },\n  openrouter: { label: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1' },\n};\n" +
        'export function baseUrlFor(id, settings) {\n  const override = settings && settings.baseUrls && settings.baseUrls[id];\n  return (override && override.trim()) || PROVIDERS[id].baseUrl;\n}\n',
    });
    const request = (base: string, before = '') =>
      `import { PROVIDERS, baseUrlFor } from './models.js';\nexport async function send(settings, key, provider) {\n${before}  return fetch(${base} + '/chat/completions', { method: 'POST', headers: { Authorization: key }, body: '{}' });\n}\n`;
    for (const code of [
      request('baseUrlFor(id, settings)', "  const id = 'openrouter';\n"),
      request('PROVIDERS[id].baseUrl', "  const id = 'openrouter';\n"),
      // One of a few keys the file tells: OpenRouter is among the places it sends to.
      request('PROVIDERS[id].baseUrl', "  const id = provider === 'a' ? 'openai' : 'openrouter';\n"),
    ]) {
      expect(ids(lint(path.join(src, 'send.js'), code).messages)).toEqual(['openrouter/require-referer:missingReferer']);
    }
    // A key the file does not tell is any of the map's: OpenRouter among them (which the file names, as the pre-test asks).
    const named = (code: string) => `// OpenRouter or OpenAI, as the settings say\n${code}`;
    expect(ids(lint(path.join(src, 'send.js'), named(request('PROVIDERS[provider].baseUrl'))).messages)).toEqual(['openrouter/require-referer:missingReferer']);
    expect(ids(lint(path.join(src, 'send.js'), named(request('PROVIDERS[settings.provider].baseUrl'))).messages)).toEqual(['openrouter/require-referer:missingReferer']);
    // Unless the code compares it with a text: a request in that branch goes to that entry alone.
    const branching = request('PROVIDERS[provider].baseUrl').replace('  return fetch', "  if (provider === 'openai') return null;\n  return fetch");
    expect(lint(path.join(src, 'send.js'), named(branching)).messages).toEqual([]);
    const switching = request('PROVIDERS[settings.provider].baseUrl').replace('  return fetch', '  switch (settings.provider) {}\n  return fetch');
    expect(lint(path.join(src, 'send.js'), named(switching)).messages).toEqual([]);
    // A key that names no OpenRouter entry says nothing.
    expect(lint(path.join(src, 'send.js'), request('baseUrlFor(id, settings)', "  const id = 'openai';\n")).messages).toEqual([]);
  });

  it('reads a base URL an imported helper returns', () => {
    const src = project({ 'urls.js': "export function openRouterBase() {\n  return 'https://openrouter.ai/api/v1';\n}\n" });
    const code = "import OpenAI from 'openai';\nimport { openRouterBase } from './urls';\nexport const client = new OpenAI({ baseURL: openRouterBase(), defaultHeaders: { Authorization: 'Bearer k' } });\n";
    expect(ids(lint(path.join(src, 'client.js'), code).messages)).toEqual(['openrouter/require-referer:missingReferer']);
    expect(lint(path.join(src, 'client.js'), code.replace("Authorization: 'Bearer k'", "'HTTP-Referer': 'https://acme.dev'")).messages).toEqual([]);
  });

  it('stays silent where the helper attributes, cannot be read, or the client is not OpenRouter', () => {
    const silent = (transport: string, code = OPENROUTER) => expect(lint(path.join(project({ 'transport.js': transport }), 'client.js'), code).messages).toEqual([]);
    silent("export function transportDefaults() {\n  return { defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme Docs' } };\n}\n");
    // What the helper returns is not all known: an unknown spread, a call of something else, a `return` without a value.
    silent('export function transportDefaults() {\n  return { timeout: 1, ...process.env.EXTRA };\n}\n');
    silent('export function transportDefaults() {\n  if (process.env.CI) return loadOptions();\n  return { timeout: 1 };\n}\n');
    silent('export function transportDefaults() {\n  if (process.env.CI) return;\n  return { timeout: 1 };\n}\n');
    // An object nested in what the helper returns is read after the call: its parameters are unknown there.
    silent('export function transportDefaults(headers) {\n  return { defaultHeaders: { ...headers } };\n}\n', OPENROUTER.replace('transportDefaults()', "transportDefaults({ 'HTTP-Referer': 'https://acme.dev' })"));
    // An async helper not awaited gives a promise; a generator, an iterator; a helper reassigned, who knows.
    silent('export async function transportDefaults() {\n  return { timeout: 1 };\n}\n');
    silent('export function* transportDefaults() {\n  return { timeout: 1 };\n}\n');
    silent('export let transportDefaults = () => ({ timeout: 1 });\ntransportDefaults = () => ({ defaultHeaders: attribution });\n');
    // Not exported by that name, a re-export, a syntax error: nothing to read.
    silent('export function other() {\n  return { timeout: 1 };\n}\n');
    silent("export { transportDefaults } from './elsewhere';\n");
    // A namespace's member that is no function, or is not there.
    const namespaced = OPENROUTER.replace('import { transportDefaults }', 'import * as transport').replace('...transportDefaults()', '...transport.transportDefaults()');
    silent('export const transportDefaults = makeDefaults();\n', namespaced);
    silent('export function other() {\n  return { timeout: 1 };\n}\n', namespaced);
    silent('export function transportDefaults() {\n  return { timeout: 1 ;\n}\n');
    // Another provider's base URL.
    silent('export function transportDefaults() {\n  return { timeout: 1 };\n}\n', SPREAD('https://api.openai.com/v1'));
    // A helper from a package is not read.
    silent('export function transportDefaults() {\n  return { timeout: 1 };\n}\n', OPENROUTER.replace("'./transport'", "'@acme/transport'"));
  });
});

describe('one imported value sent by several modules', () => {
  const HEADERS = "export const HEADERS = { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'AI Chat App' };\n";
  const ROUTE = "import { HEADERS } from '../headers.js';\nexport const ask = () => fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: { ...HEADERS } });\n";

  it('reports its wrong value once, in the first module by path that puts it in headers', () => {
    const src = project({ 'headers.js': HEADERS, 'a/route.js': ROUTE, 'b/route.js': ROUTE, '0/show.js': "import { HEADERS } from '../headers.js';\n// OpenRouter headers, shown for debugging.\nconsole.log(HEADERS);\n" });
    expect(ids(lint(path.join(src, 'a/route.js'), ROUTE).messages)).toEqual(['openrouter/no-generic-title:genericTitle']);
    // Present here, judged in a/route.js: the same title is no second finding, and nothing is missing.
    expect(ids(lint(path.join(src, 'b/route.js'), ROUTE).messages)).toEqual([]);
  });

  it('keeps the other entries of a shared object, which decide what a later module sends to', () => {
    const shared = "export const OPENROUTER = { baseURL: 'https://openrouter.ai/api/v1', headers: { Authorization: 'Bearer k', 'X-Title': 'AI Chat App' } };\n";
    const first = "import { OPENROUTER } from '../openrouter.js';\nexport const ask = () => fetch(`${OPENROUTER.baseURL}/chat/completions`, { method: 'POST', headers: OPENROUTER.headers });\n";
    const client = "import OpenAI from 'openai';\nimport { OPENROUTER } from '../openrouter.js';\nexport const client = new OpenAI({ baseURL: OPENROUTER.baseURL, defaultHeaders: OPENROUTER.headers });\n";
    const src = project({ 'openrouter.js': shared, 'a/ask.js': first, 'b/client.js': client });
    expect(ids(lint(path.join(src, 'a/ask.js'), first).messages)).toEqual(['openrouter/require-referer:titleWithoutReferer', 'openrouter/no-generic-title:genericTitle']);
    // Still OpenRouter's base here: the missing referer is this client's own finding; the title was judged in a/ask.js.
    expect(ids(lint(path.join(src, 'b/client.js'), client).messages)).toEqual(['openrouter/require-referer:titleWithoutReferer']);
  });

  it('still reports what each module leaves out', () => {
    const bare = "export const HEADERS = { Authorization: 'Bearer k', 'X-Title': 'AI Chat App' };\n";
    const src = project({ 'headers.js': bare, 'a/route.js': ROUTE, 'b/route.js': ROUTE });
    expect(ids(lint(path.join(src, 'b/route.js'), ROUTE).messages)).toEqual(['openrouter/require-referer:titleWithoutReferer']);
  });
});

describe('a file that imports a client but does not name OpenRouter', () => {
  const CLIENT_FILE = "import OpenAI from 'openai';\nimport { settings } from './settings';\nexport const client = new OpenAI({ baseURL: settings.baseUrl });\n";

  it('is analysed when a module its imports reach names OpenRouter, directly or through its own imports', () => {
    const direct = project({ 'settings.js': "export const settings = { baseUrl: process.env.BASE_URL || 'https://openrouter.ai/api/v1' };\n" });
    expect(ids(lint(path.join(direct, 'client.js'), CLIENT_FILE).messages)).toEqual(['openrouter/require-referer:missingReferer']);
    const chained = project({
      'settings.js': "import { DEFAULT_BASE } from './defaults/index.js';\nexport const settings = { baseUrl: process.env.BASE_URL || DEFAULT_BASE };\n",
      'defaults/index.js': "export const DEFAULT_BASE = 'https://openrouter.ai/api/v1';\n",
    });
    expect(ids(lint(path.join(chained, 'client.js'), CLIENT_FILE).messages)).toEqual(['openrouter/require-referer:missingReferer']);
  });

  it('is not analysed when no module it reaches names OpenRouter, nor when it imports no client', () => {
    const elsewhere = project({ 'settings.js': "export const settings = { baseUrl: 'https://api.vendor.example/v1' };\n" });
    expect(lint(path.join(elsewhere, 'client.js'), CLIENT_FILE).messages).toEqual([]);
    // A request through the global fetch is no client import: the file is left to the text test.
    const viaFetch = project({ 'settings.js': "export const settings = { url: 'https://openrouter.ai/api/v1/chat/completions' };\n" });
    const fetching = "import { settings } from './settings';\nexport const send = () => fetch(settings.url, { method: 'POST', headers: {}, body: '{}' });\n";
    expect(lint(path.join(viaFetch, 'send.js'), fetching).messages).toEqual([]);
    // A module outside the package names OpenRouter: it is not looked at.
    const outside = temporaryFolder('openrouter-outside-');
    writeFileSync(path.join(outside, 'settings.js'), "export const settings = { baseUrl: 'https://openrouter.ai/api/v1' };\n");
    const inside = project({});
    const escaping = CLIENT_FILE.replace("'./settings'", `'${path.relative(inside, path.join(outside, 'settings')).split(path.sep).join('/')}'`);
    expect(lint(path.join(inside, 'client.js'), escaping).messages).toEqual([]);
  });
});
