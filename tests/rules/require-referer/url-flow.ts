/** require-referer: requests found by where their URL goes, whatever sends them: injected fetch functions, request descriptors. */
import type rule from '../../../src/rules/require-referer.js';
import { SETTINGS, type CasesFor } from '../../rule-tester.js';

const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const AUTH = "{ Authorization: 'Bearer ' + key }";
const FIX_HINT = ' To let --fix insert it, set "referer" in settings.openrouter or in the "openrouter" field of package.json.';
/** What the message says of an unknown sender: its name, and where the referer goes. */
const missing = (site: string, where = 'an `HTTP-Referer` header in `headers`') => ({ messageId: 'missingReferer' as const, data: { site, where, fixHint: FIX_HINT } });

export const urlFlowCases: CasesFor<typeof rule> = {
  valid: [
    // The same senders with a referer.
    `async function chat(fetchImpl) {\n  return fetchImpl(${URL}, { method: 'POST', headers: { ...${AUTH}, 'HTTP-Referer': 'https://acme.dev' }, body: '{}' });\n}`,
    `const send = options.fetch ?? globalThis.fetch;\nsend(${URL}, { headers: { 'HTTP-Referer': process.env.SITE_URL } });`,
    // Headers the file does not spell out: an unknown sender may add what it likes.
    `async function chat(fetchImpl) {\n  return fetchImpl(${URL}, { method: 'POST', headers: buildHeaders(key) });\n}`,
    `async function chat(fetchImpl) {\n  return fetchImpl(${URL}, { method: 'POST', headers: { ...common, Authorization: key } });\n}`,
    // No headers at all: a body handed to a client the file does not show, not a request's init.
    `async function chat(api) {\n  return api.post(${URL}, { model, messages });\n}`,
    // Metadata calls consume no tokens.
    `async function models(fetchImpl) {\n  return fetchImpl('https://openrouter.ai/api/v1/models', { headers: ${AUTH} });\n}`,
    // Other hosts.
    `async function chat(fetchImpl) {\n  return fetchImpl('https://api.openai.com/v1/chat/completions', { headers: ${AUTH} });\n}`,
    // A method other than POST, named in the options or by the sender.
    `async function chat(fetchImpl) {\n  return fetchImpl(${URL}, { method: 'GET', headers: ${AUTH} });\n}`,
    `async function chat(api) {\n  return api.get(${URL}, { headers: ${AUTH} });\n}`,
    // Assertions, mocks and logging take a URL and an object without sending anything.
    `expect(fetchMock).toHaveBeenCalledWith(${URL}, { headers: ${AUTH} });`,
    `logger.info(${URL}, { headers: ${AUTH} });`,
    // A function of the file adds the referer itself: its body decides what is sent.
    `function post(url, init) {\n  return fetch(url, { ...init, headers: { ...init.headers, 'HTTP-Referer': 'https://acme.dev' } });\n}\npost(${URL}, { headers: ${AUTH} });`,
    `class Api {\n  request(url, init) {\n    return transport(url, { ...init, headers: { ...init.headers, 'HTTP-Referer': 'https://acme.dev' } });\n  }\n  chat() {\n    return this.request(${URL}, { headers: ${AUTH} });\n  }\n}`,
    // A function imported from the project: its module decides.
    `import { post } from './http';\npost(${URL}, { headers: ${AUTH} });`,
    // Request objects: with a referer, or with options that may carry one.
    `import { requestUrl } from 'some-platform';\nrequestUrl({ url: ${URL}, method: 'POST', headers: { ...${AUTH}, 'HTTP-Referer': 'https://acme.dev' } });`,
    // The mini-program platforms' and Bob's `header`, with a referer.
    `wx.request({ url: ${URL}, method: 'POST', header: { ...${AUTH}, 'HTTP-Referer': 'https://acme.dev' }, data: body });`,
    `import { Client } from 'vendored-llm';\nnew Client({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: ${AUTH}, appUrl: 'https://acme.dev' });`,
    `import { Client } from 'vendored-llm';\nnew Client({ baseURL: 'https://api.vendor.example/v1', defaultHeaders: ${AUTH} });`,
    // An object with a URL but no headers beside it: what the sender adds is not known.
    `import { run } from 'runner';\nrun({ url: ${URL}, body });`,
    // A builder whose requests carry a referer; one whose object is read by a request of the file (reported there, if at all).
    `import { run } from 'runner';\nconst build = (key) => ({ url: ${URL}, headers: { Authorization: key, 'HTTP-Referer': 'https://acme.dev' } });\nawait run(build(key));`,
    `function build(key) {\n  return { url: ${URL}, headers: { Authorization: key, 'HTTP-Referer': 'https://acme.dev' } };\n}\nconst request = build(key);\nawait fetch(request.url, { method: 'POST', headers: request.headers });`,
    // An object handed to two calls: either may change it before it is sent.
    `import { run, sign } from 'runner';\nconst request = { url: ${URL}, headers: ${AUTH} };\nsign(request);\nawait run(request);`,
    // A request handed out whole: with a referer, with headers the file does not spell out, for a metadata path.
    `export function buildRequest(key) {\n  return { url: ${URL}, headers: { Authorization: key, 'HTTP-Referer': 'https://acme.dev' } };\n}`,
    `export const buildRequest = (key, extra) => ({ url: ${URL}, headers: { Authorization: key, ...extra } });`,
    `export const MODELS_REQUEST = { url: 'https://openrouter.ai/api/v1/models', headers: ${AUTH} };`,
    // Not handed out: a builder nobody outside the file can call, a constant the file reads (its reader is checked).
    `function buildRequest(key) {\n  return { url: ${URL}, headers: ${AUTH} };\n}`,
    `export const REQUEST = { url: ${URL}, headers: ${AUTH} };\nexport const withReferer = { ...REQUEST, headers: { ...REQUEST.headers, 'HTTP-Referer': 'https://acme.dev' } };`,
    // Client options handed out are checked where a client is built with them.
    `export const clientOptions = () => ({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: ${AUTH} });`,
    // A retrying wrapper that adds the referer itself before trying again.
    `const BASE = 'https://openrouter.ai/api/v1';\nasync function send(url, options, n = 0) {\n  const response = await fetch(url, { ...options, headers: { ...options.headers, 'HTTP-Referer': 'https://acme.dev' } });\n  return n < 3 && !response.ok ? send(url, options, n + 1) : response;\n}\nsend(\`\${BASE}/chat/completions\`, { method: 'POST', headers: ${AUTH} });`,
    // A URL written over before the request: only the last write reaches it.
    `async function chat(fetchImpl, key) {\n  let url = ${URL};\n  url = 'https://api.vendor.example/v1/chat/completions';\n  return fetchImpl(url, { method: 'POST', headers: ${AUTH} });\n}`,
    // A default no call uses: the file's every call of its function gives the argument.
    `async function chat(key, baseUrl = 'https://openrouter.ai/api/v1') {\n  return fetch(\`\${baseUrl}/chat/completions\`, { method: 'POST', headers: ${AUTH} });\n}\nexport const ask = (key) => chat(key, 'https://api.vendor.example/v1');`,
    // A parameter written in its function, or with no default, says nothing of where it sends.
    `export async function chat(key, baseUrl = 'https://openrouter.ai/api/v1') {\n  baseUrl = normalise(baseUrl);\n  return fetch(\`\${baseUrl}/chat/completions\`, { method: 'POST', headers: ${AUTH} });\n}`,
    `export async function chat(key, baseUrl) {\n  return fetch(\`\${baseUrl}/chat/completions\`, { method: 'POST', headers: ${AUTH} });\n}`,
    // A header name in an object is no URL.
    `sendTo(target, { 'X-OpenRouter-Title': 'Acme', headers: ${AUTH} });`,
  ],
  invalid: [
    {
      // An injected fetch: the URL is a token endpoint and the second argument has the headers.
      code: `async function chat(fetchImpl, key) {\n  return fetchImpl(${URL}, { method: 'POST', headers: ${AUTH}, body: '{}' });\n}`,
      errors: [{ ...missing('this fetchImpl request'), line: 2 }],
    },
    {
      // With a configured identity the referer is inserted into the headers the file spells out.
      code: `async function chat(fetchImpl, key) {\n  return fetchImpl(${URL}, { method: 'POST', headers: { Authorization: key } });\n}`,
      settings: SETTINGS,
      output: `async function chat(fetchImpl, key) {\n  return fetchImpl(${URL}, { method: 'POST', headers: { Authorization: key, 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme Docs', 'X-OpenRouter-Categories': 'cli-agent' } });\n}`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      // A fetch kept in a field, the URL in a constant.
      code: `const OPENROUTER_CHAT_URL = ${URL};\nclass Client {\n  constructor(options) {\n    this.fetchImpl = options.fetch ?? globalThis.fetch;\n  }\n  send(body, key) {\n    return this.fetchImpl(OPENROUTER_CHAT_URL, { method: 'POST', headers: ${AUTH}, body });\n  }\n}`,
      errors: [{ ...missing('this this.fetchImpl request'), line: 7 }],
    },
    {
      code: `const send = options.fetch ?? globalThis.fetch;\nconst response = await send(${URL}, { method: 'POST', headers: ${AUTH} });`,
      errors: [{ ...missing('this send request'), line: 2 }],
    },
    {
      // Private fields: the base URL and the fetch kept under `#` names.
      code: `const DEFAULT_BASE = 'https://openrouter.ai/api/v1';\nclass Client {\n  #base;\n  #fetch;\n  constructor(options) {\n    this.#base = options.baseUrl ?? DEFAULT_BASE;\n    this.#fetch = options.fetch ?? globalThis.fetch;\n  }\n  send(body, key) {\n    return this.#fetch(\`\${this.#base}/chat/completions\`, { method: 'POST', headers: ${AUTH}, body });\n  }\n}`,
      errors: [{ ...missing('this this.#fetch request'), line: 10 }],
    },
    {
      // The base URL in a field, the path added where the request is made.
      code: `class Client {\n  baseUrl = 'https://openrouter.ai/api/v1';\n  async chat(body) {\n    return this.http(\`\${this.baseUrl}/chat/completions\`, { method: 'POST', headers: ${AUTH}, body });\n  }\n}`,
      errors: [{ ...missing('this this.http request'), line: 4 }],
    },
    {
      // A platform's request function taking one object.
      code: `import { request } from 'some-platform';\nawait request({ url: ${URL}, method: 'POST', headers: ${AUTH}, body });`,
      errors: [{ ...missing('this request request'), line: 2 }],
    },
    {
      // A request descriptor handed to a runner.
      code: `import { run } from 'runner';\nconst BASE = 'https://openrouter.ai/api/v1';\nconst descriptor = { endpoint: BASE + '/chat/completions', headers: ${AUTH}, body };\nawait run(descriptor);`,
      errors: [{ ...missing('this run request'), line: 4 }],
    },
    {
      // A request builder: each object it returns is sent where its call goes.
      code: `import { run } from 'runner';\nfunction buildRequest(messages, key) {\n  return { url: ${URL}, method: 'POST', headers: ${AUTH}, body: JSON.stringify({ model, messages }) };\n}\nawait run(buildRequest(first, key));\nconst second = await buildRequest(more, key);\nawait run(second);`,
      // No fix: the object is written once for every call.
      errors: [
        { messageId: 'missingReferer', line: 5, data: { site: 'this run request', where: 'an `HTTP-Referer` header in `headers`', fixHint: '' } },
        { messageId: 'missingReferer', line: 7, data: { site: 'this run request', where: 'an `HTTP-Referer` header in `headers`', fixHint: '' } },
      ],
    },
    {
      // A retrying wrapper hands its own options back to itself: the same body, the same object.
      code: `const BASE = 'https://openrouter.ai/api/v1';\nasync function retrying(url, options, n = 0) {\n  const response = await fetch(url, { ...options });\n  return n < 3 && !response.ok ? retrying(url, options, n + 1) : response;\n}\nretrying(\`\${BASE}/chat/completions\`, { method: 'POST', headers: ${AUTH} });`,
      errors: [{ messageId: 'missingReferer', line: 6 }],
    },
    {
      code: `const BASE = 'https://openrouter.ai/api/v1';\nclass Api {\n  chat(body) {\n    return this.retry(\`\${BASE}/chat/completions\`, { method: 'POST', headers: ${AUTH}, body });\n  }\n  async retry(url, options, n = 0) {\n    try {\n      return await fetch(url, { ...options });\n    } catch (error) {\n      if (n < 3) return this.retry(url, options, n + 1);\n      throw error;\n    }\n  }\n}`,
      errors: [{ messageId: 'missingReferer', line: 4 }],
    },
    {
      // A request handed out whole by an exported builder: whoever runs it sends these headers.
      code: `export function buildRequest(messages, key) {\n  return { url: ${URL}, method: 'POST', headers: ${AUTH}, body: JSON.stringify({ model, messages }) };\n}`,
      settings: SETTINGS,
      output: `export function buildRequest(messages, key) {\n  return { url: ${URL}, method: 'POST', headers: { Authorization: 'Bearer ' + key, 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme Docs', 'X-OpenRouter-Categories': 'cli-agent' }, body: JSON.stringify({ model, messages }) };\n}`,
      errors: [{ messageId: 'missingReferer', line: 2, column: 12, data: { site: 'this OpenRouter request', where: 'an `HTTP-Referer` header in `headers`', fixHint: '' } }],
    },
    {
      code: `const BASE = 'https://openrouter.ai/api/v1';\nexport const chatRequest = (key) => ({ endpoint: \`\${BASE}/chat/completions\`, headers: ${AUTH} });`,
      errors: [{ ...missing('this OpenRouter request'), line: 2 }],
    },
    {
      code: `export const CHAT_REQUEST = { apiUrl: ${URL}, headers: { 'Content-Type': 'application/json' } };`,
      errors: [{ ...missing('this OpenRouter request'), line: 1 }],
    },
    {
      // A client of a package the table does not know, on OpenRouter's base URL with its headers spelled out.
      code: `import { Client } from 'vendored-llm';\nconst client = new Client({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: ${AUTH} });`,
      errors: [{ messageId: 'missingReferer', line: 2, data: { site: 'this Client client', where: 'an `HTTP-Referer` header in `defaultHeaders`', fixHint: FIX_HINT } }],
    },
    {
      // The URL goes into a function of the file, which hands it to an injected sender: reported at the call.
      code: `function post(send, url, key) {\n  return send(url, { method: 'POST', headers: ${AUTH} });\n}\npost(globalThis.fetch, ${URL}, key);`,
      errors: [{ messageId: 'missingReferer', line: 4 }],
    },
    {
      // `header` holds a request object's headers on the mini-program platforms (`wx.request`, `uni.request`) and in Bob's `$http.request`.
      code: `$http.request({ method: 'POST', url: ${URL}, header: ${AUTH}, body: {} });`,
      errors: [{ ...missing('this $http.request request', 'an `HTTP-Referer` header in `header`'), line: 1 }],
    },
    {
      // The URL a helper returns from a variable written twice: the second write is the one that reaches each return.
      code: `var DEFAULT_URL = 'https://openrouter.ai/api/v1/audio/speech';\nfunction option(name) {\n  var value = $option[name];\n  return value == null ? '' : String(value).trim();\n}\nfunction apiUrl() {\n  var base = option('apiUrl') || DEFAULT_URL;\n  base = base.replace(/\\/+$/, '');\n  if (/\\/speech$/.test(base)) return base;\n  if (/\\/api\\/v1$/.test(base)) return base + '/audio/speech';\n  if (/\\/api$/.test(base)) return base + '/v1/audio/speech';\n  if (/\\/v1$/.test(base)) return base + '/audio/speech';\n  if (/openrouter/.test(base)) return base + '/api/v1/audio/speech';\n  return base + '/api/v1/audio/speech';\n}\n$http.request({ method: 'POST', url: apiUrl(), header: ${AUTH}, body: {} });`,
      errors: [{ ...missing('this $http.request request', 'an `HTTP-Referer` header in `header`'), line: 16 }],
    },
    {
      // A write in a branch, or in the loop around the request, may or may not have run: each value is one the URL may be.
      code: `async function chat(fetchImpl, key, vendor) {\n  let url = ${URL};\n  if (vendor) url = 'https://api.vendor.example/v1/chat/completions';\n  return fetchImpl(url, { method: 'POST', headers: ${AUTH} });\n}`,
      errors: [{ messageId: 'missingReferer', line: 4 }],
    },
    {
      code: `async function chat(fetchImpl, key, vendors) {\n  let url = 'https://api.vendor.example/v1/chat/completions';\n  for (const vendor of vendors) {\n    await fetchImpl(url, { method: 'POST', headers: ${AUTH} });\n    url = ${URL};\n  }\n}`,
      errors: [{ messageId: 'missingReferer', line: 4 }],
    },
    {
      // A call that leaves the argument out sends to the default.
      code: `async function chat(key, baseUrl = 'https://openrouter.ai/api/v1') {\n  return fetch(\`\${baseUrl}/chat/completions\`, { method: 'POST', headers: ${AUTH} });\n}\nexport const ask = (key) => chat(key);\nexport const other = (key) => chat(key, 'https://api.vendor.example/v1');`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      // A parameter's default names where the function sends when no caller says otherwise.
      code: `const DEFAULT_BASE_URL = 'https://openrouter.ai/api/v1';\nexport async function chat(key, request, baseUrl = DEFAULT_BASE_URL) {\n  return fetch(\`\${baseUrl}/chat/completions\`, { method: 'POST', headers: ${AUTH}, body: JSON.stringify(request) });\n}`,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      // A localhost referer without a title is require-title-for-localhost's; a title alone is no referer.
      code: `async function chat(fetchImpl) {\n  return fetchImpl(${URL}, { headers: { 'X-Title': 'Acme' } });\n}`,
      errors: [{ messageId: 'titleWithoutReferer', line: 2 }],
    },
  ],
};
