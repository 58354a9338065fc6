/**
 * Classes imported from another module of the project, through the modules that re-export them: each
 * construction in the linted file, or `super(...)` of a subclass there, is checked with its arguments.
 */
import path from 'node:path';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { lintAt as lint, tempPackage } from './temp-package.js';

const project = (files: Record<string, string>): string => tempPackage(files, { name: 'classes-app', private: true });
const found = (messages: Linter.LintMessage[]) => messages.map((message) => `${message.line}:${message.column}:${message.messageId}`);

/** A provider class keeping an openai client built from its options, whose methods call it without headers. */
const OPENAI_PROVIDER =
  "import OpenAI from 'openai';\n" +
  'export class OpenAIProvider {\n' +
  '  constructor(options = {}) {\n' +
  '    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.apiUrl || process.env.OPENAI_API_URL });\n' +
  '  }\n' +
  "  ask(messages) {\n    return this.client.chat.completions.create({ model: 'm', messages });\n  }\n" +
  '}\n';
const SUBCLASS = (from: string, spread = '...config') =>
  `import { OpenAIProvider } from '${from}';\n` +
  'export class OpenRouterProvider extends OpenAIProvider {\n' +
  '  constructor(config) {\n' +
  `    super({ apiUrl: 'https://openrouter.ai/api/v1', apiKey: process.env.KEY, ${spread} });\n` +
  '  }\n' +
  '}\n';

describe('classes imported through re-exports', () => {
  it("reports a subclass's `super(...)` that points an imported provider at OpenRouter, through an index module", () => {
    const src = project({ 'open-ai/provider.js': OPENAI_PROVIDER, 'open-ai/index.js': "export * from './provider.js';\nexport * from './other.js';\n", 'open-ai/other.js': 'export const other = 1;\n' });
    expect(found(lint(path.join(src, 'open-router.js'), SUBCLASS('./open-ai/index.js')).messages)).toEqual(['4:5:missingReferer']);
    // `export { name } from`, and a folder's index named by the folder.
    const named = project({ 'open-ai/provider.js': OPENAI_PROVIDER, 'open-ai/index.js': "export { OpenAIProvider } from './provider.js';\n" });
    expect(found(lint(path.join(named, 'open-router.js'), SUBCLASS('./open-ai')).messages)).toEqual(['4:5:missingReferer']);
  });

  it('reports a construction of the imported class pointed at OpenRouter, and nothing where it is not or the class attributes', () => {
    const src = project({ 'provider.js': OPENAI_PROVIDER });
    const construct = (url: string) => `import { OpenAIProvider } from './provider.js';\nexport const provider = new OpenAIProvider({ apiUrl: ${url} });\n`;
    expect(found(lint(path.join(src, 'a.js'), construct("'https://openrouter.ai/api/v1'")).messages)).toEqual(['2:29:missingReferer']);
    expect(found(lint(path.join(src, 'b.js'), construct("'https://api.openai.com/v1'")).messages)).toEqual([]);
    expect(found(lint(path.join(src, 'c.js'), construct('process.env.LLM_URL')).messages)).toEqual([]);
    const attributed = project({ 'provider.js': OPENAI_PROVIDER.replace('baseURL: options.apiUrl', "defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' }, baseURL: options.apiUrl") });
    expect(found(lint(path.join(attributed, 'a.js'), construct("'https://openrouter.ai/api/v1'")).messages)).toEqual([]);
    // A client the class hands out, rather than keeps, may get headers wherever it goes.
    const handedOut = project({ 'provider.js': "import OpenAI from 'openai';\nexport class Factory {\n  constructor(options) {\n    this.options = options;\n  }\n  make() {\n    return new OpenAI({ baseURL: this.options.apiUrl });\n  }\n}\n" });
    expect(found(lint(path.join(handedOut, 'a.js'), "import { Factory } from './provider.js';\nexport const f = new Factory({ apiUrl: 'https://openrouter.ai/api/v1' });\n").messages)).toEqual([]);
  });

  it("reports a construction of an imported class whose private method makes the client, as for a client it keeps", () => {
    const lazy =
      'export class Provider {\n' +
      '  constructor(config) {\n    this.config = config;\n  }\n' +
      '  async #client() {\n' +
      "    const mod = await import('openai');\n" +
      '    const OpenAI = mod.default ?? mod;\n' +
      '    return new OpenAI({ apiKey: this.config.apiKey, baseURL: this.config.baseUrl });\n' +
      '  }\n' +
      "  async chat(messages) {\n    return (await this.#client()).chat.completions.create({ model: 'm', messages });\n  }\n" +
      '}\n';
    const construct = "import { Provider } from './provider.js';\nexport const provider = new Provider({ apiKey: process.env.KEY, baseUrl: process.env.URL ?? 'https://openrouter.ai/api/v1' });\n";
    expect(found(lint(path.join(project({ 'provider.js': lazy }), 'a.js'), construct).messages)).toEqual(['2:29:missingReferer']);
    // A public method hands the client out, and whoever gets it may pass headers per request.
    const handedOut = project({ 'provider.js': lazy.replace('async #client()', 'async client()').replace('this.#client()', 'this.client()') });
    expect(found(lint(path.join(handedOut, 'a.js'), construct).messages)).toEqual([]);
  });

  it("reads a method of an instance of an imported class, as the class declares it", () => {
    const config = "export class Config {\n  base() {\n    return process.env.LLM_BASE_URL || 'https://openrouter.ai/api/v1';\n  }\n}\n";
    const use = "import OpenAI from 'openai';\nimport { Config } from './config.js';\nconst config = new Config();\nexport const openRouter = new OpenAI({ baseURL: config.base() });\n";
    expect(found(lint(path.join(project({ 'config.js': config }), 'a.js'), use).messages)).toEqual(['4:31:missingReferer']);
    // An inherited method is not followed: the class that declares it may be any.
    const inherited = project({ 'config.js': "import { Base } from './base.js';\nexport class Config extends Base {}\n", 'base.js': config.replace('Config', 'Base') });
    expect(found(lint(path.join(inherited, 'a.js'), use).messages)).toEqual([]);
  });

  it("reads an exported class's own getter unless a subclass in the package replaces it", () => {
    const tool =
      'export class OpenRouterTool {\n' +
      '  constructor(config) {\n    this.config = config;\n  }\n' +
      "  get baseUrl() {\n    return this.config.baseUrl || 'https://openrouter.ai/api/v1';\n  }\n" +
      "  ask(key) {\n    return fetch(`${this.baseUrl}/chat/completions`, { method: 'POST', headers: { Authorization: key, 'X-Title': 'Acme Ask' } });\n  }\n" +
      '}\n';
    const src = project({ 'use.js': "import { OpenRouterTool } from './tool.js';\nexport const tool = new OpenRouterTool({});\n" });
    expect(found(lint(path.join(src, 'tool.js'), tool).messages)).toEqual(['9:12:titleWithoutReferer']);
    const replaced = project({ 'local.js': "import { OpenRouterTool } from './tool.js';\nexport class Local extends OpenRouterTool {\n  get baseUrl() {\n    return 'http://localhost:8080/v1';\n  }\n}\n" });
    expect(found(lint(path.join(replaced, 'tool.js'), tool).messages)).toEqual([]);
    // A subclass that leaves the getter alone changes nothing.
    const kept = project({ 'named.js': "import { OpenRouterTool } from './tool.js';\nclass Named extends OpenRouterTool {\n  name() {\n    return 'n';\n  }\n}\nnew Named({});\n" });
    expect(found(lint(path.join(kept, 'tool.js'), tool).messages)).toEqual(['9:12:titleWithoutReferer']);
  });

  it('stays silent where the re-exports do not name one class, or the subclass passes on what its callers give', () => {
    // Two star-exported modules export the name: JavaScript exports neither.
    const ambiguous = project({ 'a.js': OPENAI_PROVIDER, 'b.js': 'export class OpenAIProvider {}\n', 'index.js': "export * from './a.js';\nexport * from './b.js';\n" });
    expect(found(lint(path.join(ambiguous, 'open-router.js'), SUBCLASS('./index.js')).messages)).toEqual([]);
    // A type-only re-export names no value.
    const typeOnly = project({ 'provider.js': OPENAI_PROVIDER, 'index.ts': "export type { OpenAIProvider } from './provider.js';\n" });
    expect(found(lint(path.join(typeOnly, 'open-router.js'), SUBCLASS('./index.js')).messages)).toEqual([]);
    expect(found(lint(path.join(typeOnly, 'open-router.js'), SUBCLASS('./provider.js')).messages)).toEqual(['4:5:missingReferer']);
    // Re-exports that lead back to themselves end.
    const cycle = project({ 'a.js': "export * from './b.js';\n", 'b.js': "export * from './a.js';\n" });
    expect(found(lint(path.join(cycle, 'open-router.js'), SUBCLASS('./a.js')).messages)).toEqual([]);
    const src = project({ 'provider.js': OPENAI_PROVIDER });
    expect(found(lint(path.join(src, 'any.js'), SUBCLASS('./provider.js', 'apiUrl: config.url').replace("apiUrl: 'https://openrouter.ai/api/v1', ", '')).messages)).toEqual([]);
  });
});
