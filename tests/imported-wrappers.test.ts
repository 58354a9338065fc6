/**
 * Wrappers imported from another module of the project: each call in the linted file is checked
 * with its arguments, what the wrapper's module holds is told at the call, and nothing is followed
 * where the wrapper's module already tells (it reports there) or the wrapper builds a client.
 */
import path from 'node:path';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { lintAt as lint, tempPackage } from './temp-package.js';

/** A named package, with an identity, with the given files under src/; returns src/'s path. */
const project = (files: Record<string, string>): string =>
  tempPackage(files, { name: 'wrappers-app', private: true, openrouter: { referer: 'https://acme.dev', title: 'Acme Docs' } });

const found = (messages: Linter.LintMessage[]) => messages.map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

const POST_JSON =
  'export async function postJson(url, payload, extraHeaders = {}) {\n' +
  "  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...extraHeaders }, body: JSON.stringify(payload) });\n}\n";
const CALLER = (headers: string) =>
  "import { postJson } from './http.js';\n\n" + `await postJson('https://openrouter.ai/api/v1/chat/completions', { model: 'm', messages: [] }, ${headers});\n`;

describe('wrappers imported from another module', () => {
  it('checks each call with its arguments and reports it at the call, without a fix', () => {
    const src = project({ 'http.js': POST_JSON });
    const { messages, fixed } = lint(path.join(src, 'chat.js'), CALLER("{ Authorization: 'Bearer k' }"));
    expect(found(messages)).toEqual(['3:openrouter/require-referer:missingReferer']);
    expect(messages[0]!.message).toContain('the fetch request this call makes');
    expect(fixed.output).toBe(CALLER("{ Authorization: 'Bearer k' }"));
    expect(found(lint(path.join(src, 'chat.js'), CALLER("{ 'HTTP-Referer': 'https://acme.dev' }")).messages)).toEqual([]);
    expect(found(lint(path.join(src, 'chat.js'), CALLER('extra')).messages)).toEqual([]);
  });

  it("tells the wrapper's own values at the call: a generic title written in the other module", () => {
    const src = project({ 'http.js': POST_JSON.replace("'Content-Type': 'application/json',", "'X-Title': 'App',") });
    const { messages } = lint(path.join(src, 'chat.js'), CALLER("{ 'HTTP-Referer': 'https://acme.dev' }"));
    expect(found(messages)).toEqual(['3:openrouter/no-generic-title:genericTitle']);
    expect(messages[0]!.column).toBe(7);
  });

  it('follows a default export, `export { name }` of an arrow, and stops at a nested function or a constructed client', () => {
    const arrow = 'const post = (url, body, headers) => fetch(url, { method: "POST", headers, body });\nexport { post as postJson };\n';
    expect(found(lint(path.join(project({ 'http.js': arrow }), 'chat.js'), CALLER('{}')).messages)).toEqual(['3:openrouter/require-referer:missingReferer']);
    const byDefault = POST_JSON.replace('export async function postJson', 'export default async function');
    const caller = CALLER('{}').replace("import { postJson } from './http.js'", "import postJson from './http.js'");
    expect(found(lint(path.join(project({ 'http.js': byDefault }), 'chat.js'), caller).messages)).toEqual(['3:openrouter/require-referer:missingReferer']);

    const nested = 'export function postJson(url, body, headers) {\n  return retry(() => fetch(url, { method: "POST", headers, body }));\n}\n';
    expect(found(lint(path.join(project({ 'http.js': nested }), 'chat.js'), CALLER('{}')).messages)).toEqual([]);
    const client = "import OpenAI from 'openai';\nexport function postJson(baseURL, body, defaultHeaders) {\n  return new OpenAI({ baseURL, defaultHeaders });\n}\n";
    expect(found(lint(path.join(project({ 'http.js': client }), 'chat.js'), CALLER('{}')).messages)).toEqual([]);
  });

  it('checks a client the wrapper builds and never hands on, at each call, with the arguments given there', () => {
    const factory = (request: string) =>
      `import OpenAI from 'openai';\nexport function createCompatible(baseURL, apiKey, model) {\n  const client = new OpenAI({ apiKey, baseURL });\n  return {\n    async complete(user) {\n      const res = await ${request};\n      return res.choices[0].message.content;\n    },\n  };\n}\n`;
    const caller = "import { createCompatible } from './compatible.js';\nexport const openrouter = createCompatible('https://openrouter.ai/api/v1', process.env.OPENROUTER_API_KEY, 'openai/gpt-4o');\nexport const groq = createCompatible('https://api.groq.com/openai/v1', process.env.GROQ_API_KEY, 'llama');\n";
    const confined = project({ 'compatible.js': factory("client.chat.completions.create({ model, messages: [{ role: 'user', content: user }] })") });
    expect(found(lint(path.join(confined, 'providers.js'), caller).messages)).toEqual(['2:openrouter/require-referer:missingReferer']);
    // A request that passes options of its own may carry attribution per request: not known here.
    const perRequest = project({ 'compatible.js': factory("client.chat.completions.create({ model, messages: [] }, { headers })") });
    expect(found(lint(path.join(perRequest, 'providers.js'), caller).messages)).toEqual([]);
  });

  it('checks each construction of an imported class with its constructor arguments, at the `new`', () => {
    const provider =
      'export class Provider {\n' +
      "  constructor(id, endpointUrl, apiKey = '') {\n    this.endpointUrl = endpointUrl.replace(/\\/+$/, '');\n    this.apiKey = apiKey;\n  }\n" +
      "  send(body) {\n    return fetch(`${this.endpointUrl}/chat/completions`, { method: 'POST', headers: { Authorization: this.apiKey }, body });\n  }\n" +
      "  list() {\n    return fetch(`${this.endpointUrl}/models`, { headers: {} });\n  }\n}\n";
    const src = project({ 'provider.js': provider });
    const caller = (url: string) => `import { Provider } from './provider.js';\nexport const openrouter = new Provider('or', ${url}, key);\n`;
    const { messages } = lint(path.join(src, 'openrouter.js'), caller("'https://openrouter.ai/api/v1/'"));
    expect(found(messages)).toEqual(['2:openrouter/require-referer:missingReferer']);
    expect(messages[0]!.message).toContain('the fetch request this instance makes');
    expect(found(lint(path.join(src, 'local.js'), caller("'http://localhost:1234/v1'")).messages)).toEqual([]);
    expect(found(lint(path.join(src, 'env.js'), caller('process.env.LLM_URL')).messages)).toEqual([]);
    // Nothing in the class's own module: it does not know where it is pointed.
    expect(found(lint(path.join(src, 'provider.js'), provider).messages)).toEqual([]);
    const attributed = project({ 'provider.js': provider.replace('{ Authorization: this.apiKey }', "{ Authorization: this.apiKey, 'HTTP-Referer': 'https://acme.dev' }") });
    expect(found(lint(path.join(attributed, 'openrouter.js'), caller("'https://openrouter.ai/api/v1'")).messages)).toEqual([]);
  });


  it("checks a subclass's calls of a request method it inherits from an imported class, and of one in the file", () => {
    const base =
      'export class BaseProvider {\n' +
      "  async makeRequest(url, headers, body) {\n    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });\n  }\n}\n";
    const subclass = (headers: string, own = '') =>
      "import { BaseProvider } from './base.js';\n" +
      `export class OpenRouterProvider extends BaseProvider {\n  apiUrl = 'https://openrouter.ai/api/v1/chat/completions';\n${own}` +
      `  async call(key, prompt) {\n    return this.makeRequest(this.apiUrl, ${headers}, { model: 'm', messages: [] });\n  }\n}\n`;
    const src = project({ 'base.js': base });
    const { messages, fixed } = lint(path.join(src, 'openrouter.js'), subclass('{ Authorization: key }'));
    expect(found(messages)).toEqual(['5:openrouter/require-referer:missingReferer']);
    expect(fixed.output).toBe(subclass('{ Authorization: key }'));
    expect(found(lint(path.join(src, 'openrouter.js'), subclass("{ Authorization: key, 'HTTP-Referer': 'https://acme.dev' }")).messages)).toEqual([]);
    // The subclass's own method of that name is another function.
    expect(found(lint(path.join(src, 'openrouter.js'), subclass('{ Authorization: key }', '  makeRequest() {}\n')).messages)).toEqual([]);
    // Another vendor's URL is no OpenRouter traffic.
    expect(found(lint(path.join(src, 'other.js'), subclass('{ Authorization: key }').replace('openrouter.ai/api', 'api.vendor.example')).messages)).toEqual([]);
    // The same classes in one file.
    const local = base.replace('export class', 'class') + subclass('{ Authorization: key }').split('\n').slice(1).join('\n');
    expect(found(lint(path.join(src, 'local.js'), local).messages)).toEqual(['9:openrouter/require-referer:missingReferer']);
  });
  it('leaves to the other module what it tells there: a wrapper whose own request lacks a referer is reported in its file only', () => {
    const fixed = "export function ask(body, extra) {\n  return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: { Authorization: 'k' }, body });\n}\n";
    const src = project({ 'ask.js': fixed });
    const caller = "import { ask } from './ask.js';\n// OpenRouter\nawait ask({ model: 'm', messages: [] }, {});\n";
    expect(found(lint(path.join(src, 'chat.js'), caller).messages)).toEqual([]);
    expect(found(lint(path.join(src, 'ask.js'), fixed).messages)).toEqual(['2:openrouter/require-referer:missingReferer']);
  });

  it('follows at most 64 calls of imported wrappers per file', () => {
    const src = project({ 'http.js': POST_JSON });
    const calls = Array.from({ length: 70 }, (_, index) => `await postJson('https://openrouter.ai/api/v1/chat/completions', { model: 'm', messages: [] }, { 'X-Index': '${index}' });`).join('\n');
    const { messages } = lint(path.join(src, 'chat.js'), `import { postJson } from './http.js';\n${calls}\n`);
    expect(messages).toHaveLength(64);
    expect(messages.every((message) => message.messageId === 'missingReferer')).toBe(true);
  });

  it('reports a call that gives none of the referer the wrapper writes only when given', () => {
    const wrapper =
      'export async function chat(messages, options = {}) {\n  const headers = { Authorization: key };\n' +
      "  if (options.siteUrl) headers['HTTP-Referer'] = options.siteUrl;\n" +
      "  return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers, body: JSON.stringify({ model: 'm', messages }) });\n}\n";
    const src = project({ 'openrouter.js': wrapper });
    const code = "import { chat } from './openrouter.js';\nawait chat([]);\nawait chat([], { siteUrl: 'https://acme.dev' });\n";
    expect(found(lint(path.join(src, 'store.js'), code).messages)).toEqual(['2:openrouter/require-referer:missingReferer']);
  });

  it("judges the values a wrapper's module writes in that module's lint, once, where its own lint runs", () => {
    const client =
      "const BASE = 'https://openrouter.ai/api/v1';\n" +
      "function buildHeaders(opts) {\n  return { 'HTTP-Referer': opts.referer ?? 'https://github.com/username/acme-cli', 'X-Title': 'Acme CLI' };\n}\n" +
      'export async function request(opts) {\n  return fetch(`${BASE}${opts.path}`, { method: \'POST\', headers: buildHeaders(opts), body: JSON.stringify(opts.body) });\n}\n';
    const caller = "import { request } from './client.js';\n// OpenRouter chat\nexport const chat = (body) => request({ path: '/chat/completions', body });\nexport const again = (body) => request({ path: '/chat/completions', body });\n";
    const src = project({ 'client.js': client, 'chat.js': caller, 'embed.js': caller.replace(/chat\/completions/g, 'embeddings') });
    expect(found(lint(path.join(src, 'chat.js'), caller).messages)).toEqual([]);
    const own = lint(path.join(src, 'client.js'), client).messages;
    expect(found(own)).toEqual(['3:openrouter/require-referer:placeholderReferer']);
    // A module that does not pass the text test has no lint of its own: the calls tell its values.
    const generic = client.replace("const BASE = 'https://openrouter.ai/api/v1';\n", '').replace('`${BASE}${opts.path}`', 'opts.url');
    const told = caller.replace(/path: '\/chat\/completions'/g, "url: 'https://openrouter.ai/api/v1/chat/completions'");
    const unnamed = project({ 'client.js': generic, 'chat.js': told });
    expect(found(lint(path.join(unnamed, 'chat.js'), told).messages)).toEqual(['3:openrouter/require-referer:placeholderReferer', '4:openrouter/require-referer:placeholderReferer']);
    expect(found(lint(path.join(unnamed, 'client.js'), generic).messages)).toEqual([]);
  });

  describe('an exported wrapper the file never calls, seen from the modules that call it', () => {
    const WRAPPER =
      "const BASE = 'https://openrouter.ai/api/v1';\n" +
      'export function apiFetch(path, init) {\n  return fetch(BASE + path, init);\n}\n';
    const USE = (headers: string) =>
      "import { apiFetch } from './http.js';\n" +
      `export const send = (messages) => apiFetch('/chat/completions', { method: 'POST', headers: ${headers}, body: JSON.stringify({ model: 'm', messages }) });\n`;

    it('reports its request once, in its own file and without a fix, when no call sends a referer', () => {
      const src = project({ 'use.js': USE("{ Authorization: 'Bearer k' }"), 'more.js': USE("{ Authorization: 'Bearer k', 'X-Title': 'Acme' }") });
      const { messages, fixed } = lint(path.join(src, 'http.js'), WRAPPER);
      expect(found(messages)).toEqual(['3:openrouter/require-referer:missingReferer']);
      expect(fixed.output).toBe(WRAPPER);
    });

    it('stays silent when a call may send a referer, hands the wrapper on, or reports the call in its own lint', () => {
      const referer = project({ 'use.js': USE("{ Authorization: 'Bearer k' }"), 'more.js': USE("{ 'HTTP-Referer': 'https://acme.dev' }") });
      expect(found(lint(path.join(referer, 'http.js'), WRAPPER).messages)).toEqual([]);
      const handed = project({ 'use.js': USE("{ Authorization: 'Bearer k' }"), 'more.js': "import { apiFetch } from './http.js';\nexport const transport = { send: apiFetch };\n" });
      expect(found(lint(path.join(handed, 'http.js'), WRAPPER).messages)).toEqual([]);
      // A calling module that names OpenRouter passes the text test: its own lint reports its call, not this one.
      const named = project({ 'http.js': WRAPPER, 'use.js': `// openrouter\n${USE("{ Authorization: 'Bearer k' }")}` });
      expect(found(lint(path.join(named, 'http.js'), WRAPPER).messages)).toEqual([]);
      expect(found(lint(path.join(named, 'use.js'), `// openrouter\n${USE("{ Authorization: 'Bearer k' }")}`).messages)).toEqual(['3:openrouter/require-referer:missingReferer']);
    });
  });
  describe('a request that sends no referer whatever it is given, in a module that names OpenRouter', () => {
    const CLIENT =
      '// OpenRouter client\n' +
      'export class ChatClient {\n  constructor({ baseUrl, apiKey }) {\n    this.baseUrl = baseUrl;\n    this.apiKey = apiKey;\n  }\n' +
      "  chat(messages) {\n    return fetch(`${this.baseUrl}/chat/completions`, { method: 'POST', headers: { Authorization: `Bearer ${this.apiKey}` }, body: JSON.stringify({ model: 'm', messages }) });\n  }\n}\n";
    const CONSTRUCT = (url: string) => `// openrouter\nimport { ChatClient } from './client.js';\nexport const a = new ChatClient({ baseUrl: ${url}, apiKey: key });\nexport const b = new ChatClient({ baseUrl: ${url}, apiKey: key });\n`;

    it('is reported once, at the request, for the constructions of its class in other modules', () => {
      const src = project({ 'client.js': CLIENT, 'use.js': CONSTRUCT("'https://openrouter.ai/api/v1'") });
      const { messages, fixed } = lint(path.join(src, 'client.js'), CLIENT);
      expect(found(messages)).toEqual(['8:openrouter/require-referer:missingReferer']);
      expect(fixed.output).toBe(CLIENT);
      expect(found(lint(path.join(src, 'use.js'), CONSTRUCT("'https://openrouter.ai/api/v1'")).messages)).toEqual([]);
      // Pointed elsewhere by every construction: no OpenRouter traffic.
      const elsewhere = project({ 'client.js': CLIENT, 'use.js': CONSTRUCT("'https://api.vendor.example/v1'") });
      expect(found(lint(path.join(elsewhere, 'client.js'), CLIENT).messages)).toEqual([]);
    });

    it('is left to the constructions where the class may take headers from them, or its module has no lint of its own', () => {
      const taking = CLIENT.replace('constructor({ baseUrl, apiKey })', 'constructor({ baseUrl, apiKey, headers })').replace('this.apiKey = apiKey;', 'this.apiKey = apiKey;\n    this.headers = headers;').replace('headers: { Authorization', 'headers: { ...this.headers, Authorization');
      const src = project({ 'client.js': taking, 'use.js': CONSTRUCT("'https://openrouter.ai/api/v1'") });
      expect(found(lint(path.join(src, 'client.js'), taking).messages)).toEqual([]);
      const unnamed = CLIENT.replace('// OpenRouter client\n', '');
      const generic = project({ 'client.js': unnamed, 'use.js': CONSTRUCT("'https://openrouter.ai/api/v1'") });
      expect(found(lint(path.join(generic, 'use.js'), CONSTRUCT("'https://openrouter.ai/api/v1'")).messages)).toEqual(['3:openrouter/require-referer:missingReferer', '4:openrouter/require-referer:missingReferer']);
    });

    it("is reported at the request for the calls of a static method, and for an exported function's calls", () => {
      const stream =
        '// OpenRouter streaming\nexport class Stream {\n  static async send(url, key, body) {\n' +
        "    return fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'HTTP-Referer': 'https://obsidian.md' }, body });\n  }\n}\n";
      const call = "// openrouter\nimport { Stream } from './stream.js';\nawait Stream.send('https://openrouter.ai/api/v1/chat/completions', key, '{}');\n";
      const src = project({ 'stream.js': stream, 'main.js': call });
      expect(found(lint(path.join(src, 'stream.js'), stream).messages)).toEqual(['4:openrouter/require-referer:platformReferer']);
      expect(found(lint(path.join(src, 'main.js'), call).messages)).toEqual([]);
      const fn = "// OpenRouter\nexport function send(url, body) {\n  return fetch(url, { method: 'POST', headers: { Authorization: 'k' }, body });\n}\n";
      const caller = "// openrouter\nimport { send } from './send.js';\nawait send('https://openrouter.ai/api/v1/chat/completions', '{}');\nawait send('https://openrouter.ai/api/v1/embeddings', '{}');\n";
      const functions = project({ 'send.js': fn, 'main.js': caller });
      expect(found(lint(path.join(functions, 'send.js'), fn).messages)).toEqual(['3:openrouter/require-referer:missingReferer']);
      expect(found(lint(path.join(functions, 'main.js'), caller).messages)).toEqual([]);
    });
  });
});
