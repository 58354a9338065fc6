import rule from '../../src/rules/require-referer.js';
import { mergeCases, runRuleTests, SETTINGS, type CasesFor } from '../rule-tester.js';
import { baseUrlCases } from './require-referer/base-urls.js';
import { classConstructionCases } from './require-referer/class-constructions.js';
import { configReadCases } from './require-referer/config-reads.js';
import { endpointCases } from './require-referer/endpoints.js';
import { httpClientCases } from './require-referer/http-clients.js';
import { sdkClientCases } from './require-referer/sdk-clients.js';
import { stringMethodCases } from './require-referer/string-methods.js';
import { urlFlowCases } from './require-referer/url-flow.js';
import { wrapperValueCases } from './require-referer/wrapper-values.js';

/** What a fixable finding says when no referer is configured. */
const FIX_HINT = ' To let --fix insert it, set "referer" in settings.openrouter or in the "openrouter" field of package.json.';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const OPENAI = "import OpenAI from 'openai';\n";
const PROVIDER = "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const LANGCHAIN = "import { ChatOpenAI } from '@langchain/openai';\n";
/** A local wrapper that forwards its parameters to fetch. */
const POST_JSON =
  "async function postJson(url, payload, extraHeaders) {\n  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...extraHeaders }, body: JSON.stringify(payload) });\n}\n";

const cases: CasesFor<typeof rule> = {
  valid: [
    // A repository of OpenRouter's organisation is its own referer where the project is configured so.
    { code: `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com/OpenRouterTeam/examples' } });`, settings: { openrouter: { referer: 'https://github.com/OpenRouterTeam/examples' } } },
    // An HttpHeaders of another package, or a sender named for POST given options whose headers are not shown, are not read.
    "import { HttpHeaders } from './headers';\nconst http = makeClient();\nhttp.post('https://openrouter.ai/api/v1/chat/completions', {}, { headers: new HttpHeaders({ A: 'b' }) });",
    "const http = makeClient();\nhttp.post('https://openrouter.ai/api/v1/chat/completions', {}, options);",
    // A name tested before it is sent holds no empty text there: `if (site)`, `site ? … : …`, `site && …`.
    "const site = process.env.SITE || '';\nconst headers = { Authorization: key, 'X-Title': 'Acme' };\nif (site) headers['HTTP-Referer'] = site;\nfetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers, body });",
    "const site = process.env.SITE || '';\nfetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: { 'X-Title': 'Acme', ...(site ? { 'HTTP-Referer': site } : {}) }, body });",
    "const site = process.env.SITE || '';\nfetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: { 'X-Title': 'Acme', ...(site && key && { 'HTTP-Referer': site }) }, body });",
    // ... and so does a member tested the same way (`if (config.siteUrl)`, `this.options.site ? … : …`).
    "const config = { siteUrl: process.env.SITE || '' };\nconst headers = { Authorization: key, 'X-Title': 'Acme' };\nif (config.siteUrl) headers['HTTP-Referer'] = config.siteUrl;\nfetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers, body });",
    // OpenRouter's API is under `/api/`: the web site's path spends no tokens.
    "fetch('https://openrouter.ai/v1/chat/completions', { method: 'POST', headers: { Authorization: key }, body });",
    // A helper that writes into the options it is given may add the referer.
    "function addSite(o) {\n  o.siteUrl = 'https://acme.dev';\n}\nfunction send(opts) {\n  addSite(opts);\n  const h = { Authorization: key };\n  if (opts.siteUrl) h['HTTP-Referer'] = opts.siteUrl;\n  return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: h, body: JSON.stringify(opts.body) });\n}\nsend({ body });",
    // Helpers that hand the options on in a cycle may write anything into them.
    "function a(o, n) {\n  return n ? b(o, n - 1) : o;\n}\nfunction b(o, n) {\n  return a(o, n);\n}\nfunction send(opts) {\n  a(opts, 3);\n  const h = { Authorization: key };\n  if (opts.siteUrl) h['HTTP-Referer'] = opts.siteUrl;\n  return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: h, body: JSON.stringify(opts.body) });\n}\nsend({ body });",
    "async function check(apiKey) {\n  const OpenAI = (await import('openai')).default;\n  return new OpenAI({ apiKey, baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });\n}",
    "async function check(apiKey) {\n  const Other = (await import('other-llm')).default;\n  return new Other({ apiKey, baseURL: 'https://openrouter.ai/api/v1' });\n}",
    // Another repository of a library's owner, and a host merely containing a library's name, are apps' own.
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com/joaomdmoura/landing-pages', 'X-Title': 'Pages' } });`,
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://mycrewai.com', 'X-Title': 'Crew' } });`,
    // The library's own repository configures its own identity.
    { code: `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://crewai.com', 'X-Title': 'CrewAI' } });`, settings: { openrouter: { referer: 'https://crewai.com', title: 'CrewAI' } } },
    // Real hosts with the docs' words inside a longer name.
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://yourstory.com', 'X-Title': 'YourStory' } });`,
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://tryyoursite.dev', 'X-Title': 'TryYourSite' } });`,
    "import { ChatOpenAI } from 'langchain/chat_models/openai';\nconst chat = new ChatOpenAI({ configuration: { baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } } });",
    // The legacy second argument (openai v3's configuration, read up to @langchain/openai 0.3): headers in `baseOptions`.
    "import { OpenAI } from 'langchain/llms/openai';\nconst llm = new OpenAI({}, { basePath: 'https://openrouter.ai/api/v1', baseOptions: { headers: { 'HTTP-Referer': 'https://acme.dev' } } });",
    // ... or in `defaultHeaders`, which its openai-v4 releases spread over `baseOptions.headers`.
    `${LANGCHAIN}new ChatOpenAI({ modelName: 'm' }, { baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });`,
    `${LANGCHAIN}new ChatOpenAI({ modelName: 'm' }, { basePath: 'https://openrouter.ai/api/v1', baseOptions: {}, defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });`,
    `${LANGCHAIN}new ChatOpenAI({ modelName: 'm' }, { basePath: 'https://openrouter.ai/api/v1', ...extra });`,
    `${LANGCHAIN}new ChatOpenAI({ modelName: 'm' }, { basePath: 'https://openrouter.ai/api/v1', baseOptions: { headers: extraHeaders } });`,
    // The first argument's \`configuration\` replaces the second key by key: not known here.
    `${LANGCHAIN}new ChatOpenAI({ configuration: { defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } } }, { basePath: 'https://openrouter.ai/api/v1' });`,
    `${LANGCHAIN}new ChatOpenAI(fields, { basePath: 'https://openrouter.ai/api/v1' });`,
    `${LANGCHAIN}new ChatOpenAI({ modelName: 'm' }, { basePath: 'https://api.openai.com/v1' });`,
    // Local wrappers: the caller's arguments decide; silent wherever they do not tell.
    `${POST_JSON}await postJson(${URL}, { model, messages }, { 'HTTP-Referer': 'https://acme.dev' });`,
    `${POST_JSON}await postJson(${URL}, { model, messages }, options.headers);`,
    `${POST_JSON}await postJson(...args);`,
    `${POST_JSON}await postJson('https://api.example.com/v1/chat/completions', { model, messages }, {});`,
    "function postJson(url, payload, extra) {\n  return fetch(url, { method: 'POST', headers: { 'HTTP-Referer': 'https://acme.dev', ...extra }, body: JSON.stringify(payload) });\n}\npostJson('https://openrouter.ai/api/v1/chat/completions', { model, messages }, { Authorization: key });",
    "function post(url, headers) {\n  headers = { ...headers, 'HTTP-Referer': 'https://acme.dev' };\n  return fetch(url, { method: 'POST', headers });\n}\npost('https://openrouter.ai/api/v1/chat/completions', {});",
    // @openrouter/sdk with its own options.
    `${SDK}const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, httpReferer: 'https://acme.dev', appTitle: 'Acme' });`,
    `${SDK}new OpenRouter({ httpReferer: process.env.SITE_URL });`,
    // Options the file cannot see: silent.
    `${SDK}new OpenRouter(getOptions());`,
    `${SDK}new OpenRouter({ apiKey: 'k', ...options });`,
    `${SDK}function make(opts) { return new OpenRouter(opts); }`,
    // Methods a subclass may replace are not followed: an exported class's public method, one written as a field.
    "export class Chat {\n  headers() { return { Authorization: key }; }\n  send(messages) { return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: this.headers(), body: JSON.stringify({ model: 'm', messages }) }); }\n}",
    "class Chat {\n  headers() { return { Authorization: key }; }\n  send(messages) { return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: this.headers(), body: JSON.stringify({ model: 'm', messages }) }); }\n}\nclass Attributed extends Chat { headers() { return { 'HTTP-Referer': 'https://acme.dev' }; } }",
    "class Chat {\n  #headers() { return { Authorization: key }; }\n  constructor() { this.#headers = () => custom; }\n  send(messages) { return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: this.#headers(), body: JSON.stringify({ model: 'm', messages }) }); }\n}",
    "export class Chat {\n  #headers() { return { Authorization: key, 'HTTP-Referer': 'https://acme.dev' }; }\n  send(messages) { return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: this.#headers(), body: JSON.stringify({ model: 'm', messages }) }); }\n}",
    // An async helper's promise, unless awaited, is not its object.
    "async function headers() { return { Authorization: key }; }\nasync function send(messages) { return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: headers(), body: JSON.stringify({ model: 'm', messages }) }); }",
    // Objects one expression may hold (`c ? a : b`, `c && a`): a referer in any of them may be sent.
    `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: prod ? { 'HTTP-Referer': 'https://acme.dev' } : { 'X-Title': 'Acme' } });`,
    `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'X-Title': 'Acme', ...(site && { 'HTTP-Referer': site }) } });`,
    `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'X-Title': 'Acme', ...(custom ?? {}) } });`,
    `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: x ? { 'X-Title': 'Acme' } : extraHeaders });`,
    // A wrapper's destructured parameter: the caller's object tells, or nothing does.
    "async function request(path, { body, headers }) {\n  return fetch(`https://openrouter.ai/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });\n}\nrequest('/chat/completions', { body: { model, messages }, headers: { 'HTTP-Referer': 'https://acme.dev' } });",
    "async function request(path, { body, headers }) {\n  return fetch(`https://openrouter.ai/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });\n}\nrequest('/chat/completions', options);",
    "async function request(path, { body, headers }) {\n  return fetch(`https://openrouter.ai/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });\n}\nrequest('/chat/completions', { body: { model, messages } });",
    "async function request(path, { body, headers }) {\n  return fetch(`https://openrouter.ai/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });\n}\nrequest('/chat/completions', { body: { model, messages }, headers: { Authorization: key }, ...rest });",
    "async function request(path, { body, ...init }) {\n  return fetch(`https://openrouter.ai/api/v1${path}`, { method: 'POST', ...init, body: JSON.stringify(body) });\n}\nrequest('/chat/completions', { body: { model, messages }, headers: { Authorization: key } });",
    // `Object.assign({}, ...)` builds a new object from its sources; one the file cannot read may add a referer.
    `const headers = Object.assign({}, { Authorization: key }, extra);\nfetch(${URL}, { method: 'POST', headers, body: JSON.stringify({ model, messages }) });`,
    `const headers = Object.assign({}, { Authorization: key }, null, { 'HTTP-Referer': 'https://acme.dev' });\nfetch(${URL}, { method: 'POST', headers, body: JSON.stringify({ model, messages }) });`,
    // openai 3's Configuration: requests through the OpenAIApi it is handed to may pass headers.
    "import { Configuration, OpenAIApi } from 'openai';\nconst configuration = new Configuration({ apiKey: key, basePath: 'https://openrouter.ai/api/v1', baseOptions: { headers: { 'HTTP-Referer': 'https://acme.dev' } } });\nconst openai = new OpenAIApi(configuration);",
    "import { Configuration, OpenAIApi } from 'openai';\nconst configuration = new Configuration({ apiKey: key, basePath: 'https://openrouter.ai/api/v1' });\nconst openai = new OpenAIApi(configuration);\nawait openai.createChatCompletion({ model, messages }, { headers: { 'HTTP-Referer': 'https://acme.dev' } });",
    "import { Configuration, OpenAIApi } from 'openai';\nnew Configuration({ apiKey: key });",
    // LlamaIndex.TS's own package before @llamaindex/openai.
    "import { OpenAI } from 'llamaindex';\nnew OpenAI({ model: 'm', additionalSessionOptions: { baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } } });",
    // A request object sent with an \`init\` of its own (which replaces its headers), or changed before it is sent.
    `await fetch(new Request(${URL}, { method: 'POST', headers: { Authorization: key }, body: JSON.stringify({ model, messages }) }), { headers: attribution });`,
    `const request = new Request(${URL}, { method: 'POST', headers: { Authorization: key }, body: JSON.stringify({ model, messages }) });\nrequest.headers.set('HTTP-Referer', 'https://acme.dev');\nawait fetch(request);`,
    `const request = new Request(${URL}, { method: 'POST', headers: { Authorization: key }, body: JSON.stringify({ model, messages }) });\nawait fetch(request, init);`,
    `export function build() {\n  return new Request(${URL}, { method: 'POST', headers: { Authorization: key }, body: JSON.stringify({ model, messages }) });\n}`,
    `let request = new Request(${URL}, { method: 'POST', headers: { Authorization: key }, body: JSON.stringify({ model, messages }) });\nawait fetch(request);`,
    `const request = new Request(${URL}, { method: 'POST', headers: { Authorization: key }, body: JSON.stringify({ model, messages }) });\nqueue.push(request);`,
    // Requests of a client without a referer: each passes one, or does not tell.
    `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait client.chat.completions.create({ model, messages }, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } });\nawait client.chat.completions.create({ model, messages }, { headers: attribution });`,
    "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://openrouter.ai/api/v1' });\napi.defaults.headers = { ...api.defaults.headers, ...attribution };",
    "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://openrouter.ai/api/v1' });\napi.defaults.headers.common[name] = value;",
    "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://openrouter.ai/api/v1' });\nObject.assign(api.defaults.headers.common, extra);",
    // A stored value's names resolve where it is written, not where it is read.
    "const BASE = 'https://api.example.com/v1/chat/completions';\nclass Chat {\n  url = BASE;\n  send(messages) {\n    const BASE = 'https://openrouter.ai/api/v1/chat/completions';\n    return fetch(this.url, { method: 'POST', headers: { Authorization: key }, body: JSON.stringify({ model: 'm', messages }) });\n  }\n}\nnew Chat().send([]);",
    // A getter a subclass may replace, or one with a setter beside it, is not followed.
    "export class Chat {\n  get headers() { return { Authorization: key }; }\n  send(messages) { return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: this.headers, body: JSON.stringify({ model: 'm', messages }) }); }\n}",
    "class Chat {\n  get headers() { return { Authorization: key }; }\n  set headers(value) { this.extra = value; }\n  send(messages) { return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: this.headers, body: JSON.stringify({ model: 'm', messages }) }); }\n}\nnew Chat().send([]);",
    // A \`let\` whose writes the file cannot all read (a loop's binding, \`++\`) is not followed.
    "async function send(urls, key) {\n  let url;\n  for (url of urls) await fetch(url, { method: 'POST', headers: { Authorization: key }, body: JSON.stringify({ model: 'm', messages: [] }) });\n  url = 'https://openrouter.ai/api/v1/chat/completions';\n}",
    "let url = 'https://openrouter.ai/api/v1/chat/completions';\nfunction next() { url++; }\nfetch(url, { method: 'POST', headers: { Authorization: key }, body: JSON.stringify({ model: 'm', messages: [] }) });",
    // A property's function that the file replaces later, or an async one not awaited, is not followed.
    `const api = { headers: () => ({ Authorization: key }) };\napi.headers = () => ({ 'HTTP-Referer': 'https://acme.dev' });\nfetch(${URL}, { method: 'POST', headers: api.headers(), body: JSON.stringify({ model, messages }) });`,
    `const api = { headers: async () => ({ Authorization: key }) };\nfetch(${URL}, { method: 'POST', headers: api.headers(), body: JSON.stringify({ model, messages }) });`,
    `const api = { headers: () => ({ Authorization: key, 'HTTP-Referer': 'https://acme.dev' }) };\nfetch(${URL}, { method: 'POST', headers: api.headers(), body: JSON.stringify({ model, messages }) });`,
    // A static field read by the class's name, of a class others may change.
    "export class Api { static HEADERS = { Authorization: key }; }\nfetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: Api.HEADERS, body: JSON.stringify({ model, messages }) });",
    "class Api { static HEADERS = { Authorization: key }; }\nApi.HEADERS = attribution;\nfetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: Api.HEADERS, body: JSON.stringify({ model, messages }) });",
    // A method a subclass may replace is not followed as a wrapper; nor a call the method's own `this` does not make.
    "export class Client {\n  post(path, body, headers) {\n    return fetch(`https://openrouter.ai/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });\n  }\n  chat(messages) {\n    return this.post('/chat/completions', { model: 'm', messages }, { Authorization: key });\n  }\n}",
    "class Client {\n  post(path, body, headers) {\n    return fetch(`https://openrouter.ai/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });\n  }\n  chat(messages) {\n    return this.post('/chat/completions', { model: 'm', messages }, { 'HTTP-Referer': 'https://acme.dev' });\n  }\n}\nnew Client().chat([]);",
    "class Client {\n  post(path, body, headers) {\n    return fetch(`https://openrouter.ai/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });\n  }\n  chat(messages) {\n    return [1].map(function () { return this.post('/chat/completions', { model: 'm', messages }, {}); });\n  }\n}\nnew Client().chat([]);",
    // Private fields are fields too: requests through \`this.#client\` pass the referer.
    `${OPENAI}class Chat {\n  #client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\n  ask(messages) {\n    return this.#client.chat.completions.create({ model: 'x', messages }, { headers: { 'HTTP-Referer': 'https://acme.dev' } });\n  }\n}`,
    // An object's method as a wrapper, unless \`api.post\` may be another function by the call.
    "const api = {\n  post(path, body, headers) { return fetch('https://openrouter.ai/api/v1' + path, { method: 'POST', headers, body: JSON.stringify(body) }); },\n};\nawait api.post('/chat/completions', { model, messages }, { 'HTTP-Referer': 'https://acme.dev' });",
    "const api = {\n  post(path, body, headers) { return fetch('https://openrouter.ai/api/v1' + path, { method: 'POST', headers, body: JSON.stringify(body) }); },\n};\napi.post = traced(api.post);\nawait api.post('/chat/completions', { model, messages }, { Authorization: key });",
    "const api = {\n  post(path, body, headers) { return fetch('https://openrouter.ai/api/v1' + path, { method: 'POST', headers, body: JSON.stringify(body) }); },\n};\nregister(api);\nawait api.post('/chat/completions', { model, messages }, { Authorization: key });",
    "const api = {\n  ...base,\n  post(path, body, headers) { return fetch('https://openrouter.ai/api/v1' + path, { method: 'POST', headers, body: JSON.stringify(body) }); },\n};\nawait api.post('/chat/completions', { model, messages }, { Authorization: key });",
    // A helper's returned object, read with the arguments of each call.
    `function headers(extra = {}) {\n  return { Authorization: key, ...extra };\n}\nfetch(${URL}, { method: 'POST', headers: headers({ 'HTTP-Referer': 'https://acme.dev' }), body: JSON.stringify({ model, messages }) });`,
    `function headers(extra = {}) {\n  return { Authorization: key, ...extra };\n}\nfetch(${URL}, { method: 'POST', headers: headers(attribution), body: JSON.stringify({ model, messages }) });`,
    // Up to @langchain/openai 0.3, \`configuration\` took openai 3's names too: \`baseOptions.headers\` under \`defaultHeaders\`.
    `${LANGCHAIN}new ChatOpenAI({ modelName: 'm', configuration: { basePath: 'https://openrouter.ai/api/v1', baseOptions: { headers: { 'HTTP-Referer': 'https://acme.dev' } } } });`,
    // A \`let\` given whole new objects: a referer in any of them may be sent; a key written into it, or a call given it, is not read.
    `let headers = { Authorization: key };\nif (site) headers = { ...headers, 'HTTP-Referer': site };\nfetch(${URL}, { method: 'POST', headers, body: JSON.stringify({ model, messages }) });`,
    `let headers = { Authorization: key };\nheaders = { ...headers, ...extra };\nfetch(${URL}, { method: 'POST', headers, body: JSON.stringify({ model, messages }) });`,
    `let headers = { Authorization: key };\nif (x) headers = { ...headers, Accept: 'text/event-stream' };\naddAttribution(headers);\nfetch(${URL}, { method: 'POST', headers, body: JSON.stringify({ model, messages }) });`,
    `let headers = { Authorization: key };\nheaders += '';\nfetch(${URL}, { method: 'POST', headers, body: JSON.stringify({ model, messages }) });`,
    // A local class of the same name is not the SDK.
    "class OpenRouter { constructor(o) {} }\nnew OpenRouter({ apiKey: 'k' });",
    // A referer written where it is not read is no-ignored-attribution's finding (these cases moved there): one finding per mistake.
    `${SDK}new OpenRouter({ apiKey: 'k', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } });`,
    "import { OpenRouterClient } from 'openrouter-kit';\nnew OpenRouterClient({ apiKey: 'k', referer: 'https://acme.dev', title: 'Acme' });",
    "import { createOpenAI } from '@ai-sdk/openai';\ncreateOpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } });",
    `fetch(${URL}, { headers: { Referer: 'https://acme.dev', 'X-Title': 'Acme' } });`,
    `fetch(${URL}, { headers: { 'HTTP-Referrer': 'https://acme.dev' } });`,
    // OpenAI SDK: only OpenRouter traffic counts.
    `${OPENAI}new OpenAI({ apiKey: 'k' });`,
    `${OPENAI}new OpenAI({ baseURL: 'https://api.openai.com/v1' });`,
    `${OPENAI}new OpenAI({ baseURL: process.env.BASE_URL });`,
    `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });`,
    `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'http-referer': 'https://acme.dev' } });`,
    `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: buildHeaders() });`,
    `${OPENAI}const headers = { 'HTTP-Referer': process.env.APP_URL };\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { ...headers, 'X-Title': 'Acme' } });`,
    `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { ...extra } });`,
    // AI SDK provider.
    `${PROVIDER}createOpenRouter({ appUrl: 'https://acme.dev', appName: 'Acme' });`,
    `${PROVIDER}createOpenRouter({ headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
    `${PROVIDER}createOpenRouter({ baseURL: 'https://my-proxy.example.net/v1' });`,
    // fetch: metadata endpoints and unknown paths are not flagged.
    "fetch('https://openrouter.ai/api/v1/models');",
    "fetch('https://openrouter.ai/api/v1/key', { headers: { Authorization: 'Bearer x' } });",
    "fetch(`https://openrouter.ai/api/v1/${endpoint}`, { method: 'POST' });",
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
    `fetch(${URL}, { headers: new Headers({ 'HTTP-Referer': 'https://acme.dev' }) });`,
    `fetch(${URL}, { headers: [['HTTP-Referer', 'https://acme.dev']] });`,
    `fetch(${URL}, init);`,
    `fetch(${URL}, { ...init });`,
    `fetch(${URL}, { method: 'POST', headers: getHeaders() });`,
    // A local fetch is not the global one.
    `function fetch(url, init) {}\nfetch(${URL});`,
    `import fetch from './my-fetch';\nfetch(${URL});`,
    // Attribution sent per request rather than at construction.
    "import { openrouter } from '@openrouter/ai-sdk-provider';\nawait generateText({ model: openrouter('m'), prompt, headers: { 'HTTP-Referer': 'https://acme.dev' } });",
    `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait client.chat.completions.create({ model: 'x', messages }, { headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
    `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait client.chat.completions.create(body, requestOptions);`,
    `${SDK}const client = new OpenRouter({ apiKey: 'k' });\nawait client.chat.send({ model: 'x', messages, httpReferer: 'https://acme.dev' });`,
    `${PROVIDER}const provider = createOpenRouter({ apiKey: 'k' });\nawait generateText({ model: provider('openai/gpt-4o'), prompt, headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
    // More clients, attributed.
    "import { createOpenAI } from '@ai-sdk/openai';\ncreateOpenAI({ baseURL: 'https://openrouter.ai/api/v1', headers: { 'HTTP-Referer': 'https://acme.dev' } });",
    "import { createOpenAI } from '@ai-sdk/openai';\ncreateOpenAI({ apiKey: process.env.OPENAI_API_KEY });",
    "import { ChatOpenAI } from '@langchain/openai';\nnew ChatOpenAI({ configuration: { baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } } });",
    "import { ChatOpenAI } from '@langchain/openai';\nnew ChatOpenAI({ model: 'gpt-4o' });",
    "import { ChatOpenRouter } from '@langchain/openrouter';\nnew ChatOpenRouter('openai/gpt-4o', { siteUrl: 'https://acme.dev', siteName: 'Acme' });",
    "import { OpenRouterClient } from 'openrouter-kit';\nnew OpenRouterClient({ apiKey: 'k', axiosConfig: { headers: { 'HTTP-Referer': 'https://acme.dev' } } });",
    "import axios from 'axios';\naxios.post('https://openrouter.ai/api/v1/chat/completions', body, { headers: { 'HTTP-Referer': 'https://acme.dev' } });",
    "import axios from 'axios';\naxios.get('https://openrouter.ai/api/v1/models');",
    "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://openrouter.ai/api/v1' });\napi.defaults.headers.common['HTTP-Referer'] = 'https://acme.dev';",
    // Objects changed after they are written are not known from their literal.
    `const headers = { Authorization: 'x' };\nif (site) headers['HTTP-Referer'] = site;\nfetch(${URL}, { method: 'POST', headers });`,
    `const headers = new Headers({ Authorization: 'x' });\nheaders.set('HTTP-Referer', site);\nfetch(${URL}, { headers });`,
    `const init = { method: 'POST', headers: { Authorization: 'x' } };\ninit.headers['HTTP-Referer'] = site;\nfetch(${URL}, init);`,
    `const headers = { Authorization: 'x' };\nObject.assign(headers, attribution);\nfetch(${URL}, { headers });`,
    // Globals that are clients only where the file does not declare them.
    "import { $fetch } from './own-fetch';\n$fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST' });",
    "const axios = makeClient();\naxios.post('https://openrouter.ai/api/v1/chat/completions', {}, {});",
    "$fetch('/api/chat', { method: 'POST', body: { provider: 'openrouter' } });",
    // Clients from dynamic imports and forwarding wrappers, attributed.
    "async function make() {\n  const { OpenRouter } = await import('@openrouter/sdk');\n  return new OpenRouter({ httpReferer: 'https://acme.dev' });\n}",
    "const fetch = (...args) => import('node-fetch').then(({ default: fetch }) => fetch(...args));\nfetch('https://openrouter.ai/api/v1/chat/completions', { headers: { 'HTTP-Referer': 'https://acme.dev' } });",
    // A module of the project, not a client.
    "async function make() {\n  const { OpenRouter } = await import('./openrouter');\n  return new OpenRouter({});\n}",
    // Written twice, the variable is not certainly the module; a fallback to another value is not its interop.
    "async function make(other) {\n  let mod = other;\n  mod = await import('openai');\n  const OpenAI = mod.default;\n  return new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\n}",
    "async function make(Other) {\n  const mod = await import('openai');\n  const OpenAI = mod.default ?? Other;\n  return new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\n}",
    // A wrapper that adds arguments of its own is not a plain forwarder.
    "import nodeFetch from 'node-fetch';\nconst send = (url, ...rest) => nodeFetch(url, ...rest);\nsend('https://openrouter.ai/api/v1/chat/completions', {});",
    // Headers returned by a function of the file: a referer in any `return` may be sent.
    `${OPENAI}function attribution() {\n  return { 'HTTP-Referer': 'https://acme.dev' };\n}\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: attribution() });`,
    `${OPENAI}function headersFor(site) {\n  if (site) return { 'HTTP-Referer': site };\n  return { Authorization: 'x' };\n}\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: headersFor(url) });`,
    `${OPENAI}const headersFor = (extra) => ({ ...extra, Authorization: 'x' });\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: headersFor(more) });`,
    `${OPENAI}async function headersFor() { return { Authorization: 'x' }; }\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: headersFor() });`,
    // Keys written later that the file cannot read, or a function that may add some: unknown.
    `const headers = { Authorization: 'x' };\nheaders[name] = value;\nfetch(${URL}, { headers });`,
    `const headers = { Authorization: 'x' };\naddAttribution(headers);\nfetch(${URL}, { headers });`,
    `const headers = { Authorization: 'x' };\ndelete headers.Authorization;\nfetch(${URL}, { headers });`,
    `const headers = {};\nObject.assign(headers, { 'HTTP-Referer': 'https://acme.dev' });\nfetch(${URL}, { headers });`,
    // Per-request headers through a client kept in a class field.
    `${OPENAI}class Chat {\n  client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\n  ask(messages) {\n    return this.client.chat.completions.create({ model: 'x', messages }, { headers: { 'HTTP-Referer': 'https://acme.dev' } });\n  }\n}`,
    `${OPENAI}class Chat {\n  constructor() {\n    this.client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\n  }\n  ask(messages) {\n    return this.client.chat.completions.create({ model: 'x', messages }, requestOptions);\n  }\n}`,
    // A field written twice is not known.
    "class Client {\n  url = 'https://openrouter.ai/api/v1/chat/completions';\n  use(other) { this.url = other; }\n  send() { return fetch(this.url, {}); }\n}",
    // An OpenRouter URL of unknown path is a generation only when its body says so.
    "fetch(process.env.OPENROUTER_URL, { method: 'GET' });",
    "fetch(`${OPENROUTER_BASE}/${path}`, { method: 'POST', body: JSON.stringify({ name }) });",
    "fetch(process.env.API_URL, { method: 'POST', body: JSON.stringify({ model, messages }) });",
    // ky, got, ofetch with attribution.
    "import ky from 'ky';\nawait ky.post('https://openrouter.ai/api/v1/chat/completions', { headers: { 'HTTP-Referer': 'https://acme.dev' }, json: body });",
    "import got from 'got';\nconst api = got.extend({ prefixUrl: 'https://openrouter.ai/api/v1', headers: { 'HTTP-Referer': 'https://acme.dev' } });",
    "import { ofetch } from 'ofetch';\nconst api = ofetch.create({ baseURL: 'https://example.com/api' });",
    // Other hosts.
    "fetch('https://api.openai.com/v1/chat/completions', { method: 'POST' });",
    // A file without OpenRouter at all.
    "fetch('https://example.com/api');",
    // Options that inherit from another object (`__proto__`) may carry attribution the literal does not list.
    "import OpenAI from 'openai';\nnew OpenAI({ __proto__: attributedDefaults, baseURL: 'https://openrouter.ai/api/v1' });",
    "import OpenAI from 'openai';\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { __proto__: { 'HTTP-Referer': 'https://acme.dev' }, Authorization: key } });",
    // Repository URLs of real owners, including owners whose name merely contains a placeholder word.
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com/usernamesoft/app', 'X-Title': 'App' } });`,
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com/acme/username', 'X-Title': 'App' } });`,
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com/tonuser/app', 'X-Title': 'App' } });`,
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com/sunome/app', 'X-Title': 'App' } });`,
    // Read in part where the unknown part may name the app: its host's last label, its owner, its whole host.
    `fetch(${URL}, { headers: { 'HTTP-Referer': \`https://app.\${DOMAIN}\`, 'X-Title': 'Acme' } });`,
    `fetch(${URL}, { headers: { 'HTTP-Referer': \`https://\${name}example.com\`, 'X-Title': 'Acme' } });`,
    `fetch(${URL}, { headers: { 'HTTP-Referer': \`https://github.com/\${owner}/app\`, 'X-Title': 'Acme' } });`,
    `fetch(${URL}, { headers: { 'HTTP-Referer': \`\${scheme}://docs.example.com\`, 'X-Title': 'Acme' } });`,
  ],
  invalid: [
    {
      // The langchain package's entry points before @langchain/openai.
      code: "import { ChatOpenAI } from 'langchain/chat_models/openai';\nconst chat = new ChatOpenAI({ configuration: { baseURL: 'https://openrouter.ai/api/v1' } });",
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // The legacy second argument without headers: the fix writes them where every version reading it looks.
      code: `${LANGCHAIN}const chat = new ChatOpenAI({ modelName: 'm', openAIApiKey: key }, { basePath: 'https://openrouter.ai/api/v1' });`,
      settings: SETTINGS,
      output: `${LANGCHAIN}const chat = new ChatOpenAI({ modelName: 'm', openAIApiKey: key }, { basePath: 'https://openrouter.ai/api/v1', baseOptions: {\n  headers: {\n    'HTTP-Referer': 'https://acme.dev',\n    'X-OpenRouter-Title': 'Acme Docs',\n    'X-OpenRouter-Categories': 'cli-agent'\n  }\n} });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: "import { ChatOpenAI } from 'langchain/chat_models/openai';\nconst chat = new ChatOpenAI({ temperature: 0 }, { basePath: 'https://openrouter.ai/api/v1', baseOptions: { headers: { 'X-Title': 'Acme' } } });",
      settings: SETTINGS,
      output: "import { ChatOpenAI } from 'langchain/chat_models/openai';\nconst chat = new ChatOpenAI({ temperature: 0 }, { basePath: 'https://openrouter.ai/api/v1', baseOptions: { headers: { 'X-Title': 'Acme', 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Categories': 'cli-agent' } } });",
      errors: [{ messageId: 'titleWithoutReferer', line: 2 }],
    },
    {
      code: `${LANGCHAIN}new ChatOpenAI({ modelName: 'm' }, { baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'X-Title': 'Acme' }, baseOptions: { headers: { 'HTTP-Referer': 'https://acme.dev' } } });`,
      // `defaultHeaders` wins over `baseOptions.headers`.
      errors: [{ messageId: 'titleWithoutReferer', line: 2 }],
    },
    {
      // A local wrapper's call is checked with its arguments, and reported there (no fix: the edit is not unambiguous).
      code: `${POST_JSON}await postJson(${URL}, { model, messages }, { Authorization: \`Bearer \${key}\` });`,
      errors: [{ messageId: 'missingReferer', line: 4, data: { site: 'the fetch request this call makes', client: 'fetch', where: 'an `HTTP-Referer` header in `headers`', fixHint: '' } }],
    },
    {
      code: "function post(url, body, headers = { Authorization: key }) {\n  return fetch(url, { method: 'POST', headers, body });\n}\npost('https://openrouter.ai/api/v1/chat/completions', JSON.stringify({ model, messages }));",
      errors: [{ messageId: 'missingReferer', line: 4 }],
    },
    {
      code: "const CHAT = 'https://openrouter.ai/api/v1/chat/completions';\nconst chat = (body, headers) => fetch(CHAT, { method: 'POST', headers, body: JSON.stringify(body) });\nchat({ model, messages }, { Authorization: key });\nchat({ model, messages }, { 'HTTP-Referer': 'https://acme.dev' });",
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: `${SDK}const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });`,
      errors: [{ messageId: 'missingReferer', line: 2, column: 20 }],
    },
    // Nuxt's auto-imported `$fetch` and the browser global `axios`.
    {
      code: "$fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', body: { model: 'm', messages } });",
      errors: [{ messageId: 'missingReferer', line: 1 }],
    },
    {
      code: "axios.post('https://openrouter.ai/api/v1/chat/completions', { model: 'm' }, { headers: { Authorization: 'x' } });",
      errors: [{ messageId: 'missingReferer', line: 1 }],
    },
    // Clients from dynamic imports, destructured, as a namespace, or through `.then`.
    {
      code: "async function make() {\n  const { OpenRouter } = await import('@openrouter/sdk');\n  return new OpenRouter({ apiKey: key });\n}",
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: "async function make() {\n  const sdk = await import('@openrouter/sdk');\n  return new sdk.OpenRouter({ apiKey: key });\n}",
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    // One export of the awaited module, held in a constant.
    {
      code: "async function check(apiKey) {\n  const OpenAI = (await import('openai')).default;\n  const openai = new OpenAI({ apiKey, baseURL: 'https://openrouter.ai/api/v1' });\n  return openai.chat.completions.create({ model: 'm', messages: [] });\n}",
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    // An optional dependency loaded into a `let` and read through its default's interop: `mod.default ?? mod`.
    {
      code: "async function make() {\n  let mod;\n  try {\n    mod = await import('openai');\n  } catch {\n    throw new Error('install openai');\n  }\n  const OpenAI = mod.default ?? mod;\n  return new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\n}",
      errors: [{ messageId: 'missingReferer', line: 9 }],
    },
    {
      code: "import('node-fetch').then(({ default: fetch }) => fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST' }));",
      errors: [{ messageId: 'missingReferer', line: 1 }],
    },
    // A local fetch that forwards to a real one is a fetch.
    {
      code: "const fetch = (...args) => import('node-fetch').then(({ default: fetch }) => fetch(...args));\nfetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST' });",
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: "import nodeFetch from 'node-fetch';\nfunction send(...args) {\n  return nodeFetch(...args);\n}\nsend('https://openrouter.ai/api/v1/chat/completions', { method: 'POST' });",
      errors: [{ messageId: 'missingReferer', line: 5 }],
    },
    // Headers returned by a function of the file, and a base URL too.
    {
      code: `${OPENAI}function authHeaders(key) {\n  return { Authorization: \`Bearer \${key}\` };\n}\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: authHeaders(k) });`,
      settings: SETTINGS,
      // The returned object is shared by every caller: reported, never edited.
      errors: [{ messageId: 'missingReferer', line: 5 }],
    },
    {
      code: `${OPENAI}const apiBase = () => 'https://openrouter.ai/api/v1';\nnew OpenAI({ baseURL: apiBase(), apiKey: k });`,
      settings: SETTINGS,
      output: `${OPENAI}const apiBase = () => 'https://openrouter.ai/api/v1';\nnew OpenAI({ baseURL: apiBase(), apiKey: k, defaultHeaders: {\n  'HTTP-Referer': 'https://acme.dev',\n  'X-OpenRouter-Title': 'Acme Docs',\n  'X-OpenRouter-Categories': 'cli-agent'\n} });`,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    // Keys written after creation, inside an `if` too, are all the keys there are: still no referer.
    {
      code: `const headers = { 'Content-Type': 'application/json' };\nif (key) headers.Authorization = \`Bearer \${key}\`;\nfetch(${URL}, { method: 'POST', headers });`,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: `const headers = { Authorization: 'x' };\nheaders['X-Title'] = 'Acme';\nconsole.log(headers);\nfetch(${URL}, { headers });`,
      errors: [{ messageId: 'titleWithoutReferer', line: 4 }],
    },
    {
      code: `const headers = new Headers({ Authorization: 'x' });\nheaders.append('X-Title', 'Acme');\nfetch(${URL}, { headers });`,
      errors: [{ messageId: 'titleWithoutReferer', line: 3 }],
    },
    {
      code: `const headers = {};\nObject.assign(headers, { Authorization: 'x' });\nfetch(${URL}, { headers });`,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: `${SDK}const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });`,
      settings: SETTINGS,
      output: `${SDK}const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, httpReferer: 'https://acme.dev', appTitle: 'Acme Docs', appCategories: 'cli-agent' });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // Multi-line options keep their layout and trailing comma.
      code: `${SDK}const client = new OpenRouter({\n  apiKey: key,\n  appTitle: 'Acme',\n});`,
      settings: SETTINGS,
      output: `${SDK}const client = new OpenRouter({\n  apiKey: key,\n  appTitle: 'Acme',\n  httpReferer: 'https://acme.dev',\n  appCategories: 'cli-agent',\n});`,
      errors: [{ messageId: 'titleWithoutReferer' }],
    },
    {
      code: `${SDK}new OpenRouter();`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev' });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `${SDK}new OpenRouter({});`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev' });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // Aliased import; double quotes are kept.
      code: `import { OpenRouter as Client } from "@openrouter/sdk";\nnew Client({ apiKey: "k" });`,
      settings: { openrouter: { referer: 'https://acme.dev', title: 'Say "hi" \\ `now` ${x}' } },
      output: `import { OpenRouter as Client } from "@openrouter/sdk";\nnew Client({ apiKey: "k", httpReferer: "https://acme.dev", appTitle: "Say \\"hi\\" \\\\ \`now\` \${x}" });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `import * as sdk from '@openrouter/sdk';\nnew sdk.OpenRouter({ apiKey: 'k' });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // An ignored option whose contents the file does not show: this rule's finding names it.
      code: `${SDK}new OpenRouter({ apiKey: 'k', defaultHeaders: buildHeaders() });`,
      errors: [{ messageId: 'ignoredOption', data: { client: '@openrouter/sdk', option: 'defaultHeaders', where: '`httpReferer`', fixHint: FIX_HINT } }],
    },
    {
      // No referer anywhere, only a title in the ignored option (no-ignored-attribution reports the title).
      code: `${SDK}new OpenRouter({ apiKey: 'k', defaultHeaders: { 'X-Title': 'Acme' } });`,
      errors: [{ messageId: 'missingReferer', data: { site: 'this @openrouter/sdk client', where: '`httpReferer`', fixHint: FIX_HINT } }],
    },
    {
      code: `fetch(${URL}, { headers: { 'X-Titel': 'Acme' } });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // Options from a constant used only here are edited in place.
      code: `${SDK}const options = { apiKey: 'k' };\nnew OpenRouter(options);`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `${SDK}const options = { apiKey: 'k', httpReferer: 'https://acme.dev' };\nnew OpenRouter(options);`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // A headers object reached through a shared options constant is shared too: report only.
      code: `${OPENAI}const shared = { apiKey: 'k', defaultHeaders: { 'X-Custom': '1' } };\nnew OpenAI({ ...shared, baseURL: 'https://openrouter.ai/api/v1' });\nnew OpenAI({ ...shared, baseURL: 'https://api.openai.com/v1' });`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      // A constant shared with other code is not edited: report only.
      code: `${SDK}const options = { apiKey: 'k' };\nnew OpenRouter(options);\nlog(options);`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: process.env.OPENROUTER_API_KEY });`,
      settings: SETTINGS,
      output: `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: process.env.OPENROUTER_API_KEY, defaultHeaders: {\n  'HTTP-Referer': 'https://acme.dev',\n  'X-OpenRouter-Title': 'Acme Docs',\n  'X-OpenRouter-Categories': 'cli-agent'\n} });`,
      errors: [{ messageId: 'missingReferer', data: { site: 'this openai client', where: 'an `HTTP-Referer` header in `defaultHeaders`', fixHint: '' } }],
    },
    {
      code: `${OPENAI}new OpenAI({\n  baseURL: 'https://openrouter.ai/api/v1',\n  defaultHeaders: {\n    'X-Title': 'Acme',\n  },\n});`,
      settings: SETTINGS,
      output: `${OPENAI}new OpenAI({\n  baseURL: 'https://openrouter.ai/api/v1',\n  defaultHeaders: {\n    'X-Title': 'Acme',\n    'HTTP-Referer': 'https://acme.dev',\n    'X-OpenRouter-Categories': 'cli-agent',\n  },\n});`,
      errors: [{ messageId: 'titleWithoutReferer' }],
    },
    // A new headers object takes the layout of the object it goes into.
    {
      code: `${OPENAI}new OpenAI({\n  baseURL: 'https://openrouter.ai/api/v1',\n  apiKey: 'k',\n});`,
      settings: SETTINGS,
      output: `${OPENAI}new OpenAI({\n  baseURL: 'https://openrouter.ai/api/v1',\n  apiKey: 'k',\n  defaultHeaders: {\n    'HTTP-Referer': 'https://acme.dev',\n    'X-OpenRouter-Title': 'Acme Docs',\n    'X-OpenRouter-Categories': 'cli-agent',\n  },\n});`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // No trailing comma in the object: none in the new one; four-space indent kept.
      code: `${OPENAI}function client() {\n    return new OpenAI({\n        baseURL: 'https://openrouter.ai/api/v1'\n    });\n}`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `${OPENAI}function client() {\n    return new OpenAI({\n        baseURL: 'https://openrouter.ai/api/v1',\n        defaultHeaders: {\n            'HTTP-Referer': 'https://acme.dev'\n        }\n    });\n}`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // Tab-indented file.
      code: `${OPENAI}export function client() {\n\treturn new OpenAI({\n\t\tbaseURL: 'https://openrouter.ai/api/v1',\n\t});\n}`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `${OPENAI}export function client() {\n\treturn new OpenAI({\n\t\tbaseURL: 'https://openrouter.ai/api/v1',\n\t\tdefaultHeaders: {\n\t\t\t'HTTP-Referer': 'https://acme.dev',\n\t\t},\n\t});\n}`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // A long one-line call in a tab-indented file: the new object breaks over lines from the line's indent.
      code: `${OPENAI}export function client() {\n\treturn new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: process.env.OPENROUTER_API_KEY });\n}`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `${OPENAI}export function client() {\n\treturn new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: process.env.OPENROUTER_API_KEY, defaultHeaders: {\n\t\t'HTTP-Referer': 'https://acme.dev'\n\t} });\n}`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // CRLF file, multi-line object.
      code: `${OPENAI}new OpenAI({\r\n  baseURL: 'https://openrouter.ai/api/v1',\r\n});\r\n`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `${OPENAI}new OpenAI({\r\n  baseURL: 'https://openrouter.ai/api/v1',\r\n  defaultHeaders: {\r\n    'HTTP-Referer': 'https://acme.dev',\r\n  },\r\n});\r\n`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // CRLF file, a new options argument too long for one line.
      code: `fetch(${URL});\r\nfetch(${URL});\r\n`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `fetch(${URL}, {\r\n  headers: {\r\n    'HTTP-Referer': 'https://acme.dev'\r\n  }\r\n});\r\nfetch(${URL}, {\r\n  headers: {\r\n    'HTTP-Referer': 'https://acme.dev'\r\n  }\r\n});\r\n`,
      errors: [{ messageId: 'missingReferer' }, { messageId: 'missingReferer' }],
    },
    {
      // A short one-line call stays on one line.
      code: `const url = ${URL};\nfetch(url);`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `const url = ${URL};\nfetch(url, { headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // A file of 20 lines or more written wider than 100 columns: one line up to its widest line.
      code: `${'// '.padEnd(140, '-')}\n${'\n'.repeat(20)}fetch(${URL});`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `${'// '.padEnd(140, '-')}\n${'\n'.repeat(20)}fetch(${URL}, { headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // ...and one written narrower than 80 columns is taken as 80 wide.
      code: `${'\n'.repeat(20)}const url = ${URL};\nexport const response = fetch(url);`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `${'\n'.repeat(20)}const url = ${URL};\nexport const response = fetch(url, {\n  headers: {\n    'HTTP-Referer': 'https://acme.dev'\n  }\n});`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // Named import, base URL from a constant, in-region subdomain.
      code: `import { OpenAI } from 'openai';\nconst BASE = 'https://eu.openrouter.ai/api/v1';\nnew OpenAI({ baseURL: BASE });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // A base URL whose variable name says OpenRouter.
      code: `${OPENAI}new OpenAI({ baseURL: process.env.OPENROUTER_BASE_URL, apiKey });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `${OPENAI}new OpenAI({ baseURL: openRouterBaseUrl });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `${OPENAI}new OpenAI({ baseURL: process.env.LLM_BASE_URL || 'https://openrouter.ai/api/v1' });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // Per-request headers without attribution do not change the finding.
      code: `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait client.chat.completions.create({ model, messages }, { headers: { 'X-Request-Id': id } });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: "import { openrouter } from '@openrouter/ai-sdk-provider';\nawait generateText({ model: openrouter('m'), prompt, headers: { 'X-Request-Id': id } });",
      errors: [{ messageId: 'attributionlessExport' }],
    },
    {
      // Requests through the client that pass no headers do not change the finding.
      code: `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait client.chat.completions.create({ model: 'x', messages });\nawait client.chat.completions.create(body);`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: "import { createOpenAI } from '@ai-sdk/openai';\nconst openrouter = createOpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey });",
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: "import { createOpenAI } from '@ai-sdk/openai';\nconst openrouter = createOpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey, headers: {\n  'HTTP-Referer': 'https://acme.dev'\n} });",
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: "import { createOpenAICompatible } from '@ai-sdk/openai-compatible';\ncreateOpenAICompatible({ name: 'openrouter', baseURL: 'https://openrouter.ai/api/v1' });",
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // Nested options are created where missing.
      code: "import { ChatOpenAI } from '@langchain/openai';\nnew ChatOpenAI({ model: 'openai/gpt-4o', configuration: { baseURL: 'https://openrouter.ai/api/v1' } });",
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: "import { ChatOpenAI } from '@langchain/openai';\nnew ChatOpenAI({ model: 'openai/gpt-4o', configuration: { baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: {\n  'HTTP-Referer': 'https://acme.dev'\n} } });",
      errors: [{ messageId: 'missingReferer', data: { site: 'this @langchain/openai client', where: 'an `HTTP-Referer` header in `configuration.defaultHeaders`', fixHint: '' } }],
    },
    {
      code: "import { ChatOpenRouter } from '@langchain/openrouter';\nnew ChatOpenRouter('openai/gpt-4o');",
      settings: SETTINGS,
      output: "import { ChatOpenRouter } from '@langchain/openrouter';\nnew ChatOpenRouter('openai/gpt-4o', {\n  siteUrl: 'https://acme.dev',\n  siteName: 'Acme Docs',\n  appCategories: ['cli-agent']\n});",
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: "import { ChatOpenRouter } from '@langchain/openrouter';\nnew ChatOpenRouter({ model: 'openai/gpt-4o', temperature: 0 });",
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // The ignored `referer` and `title` options are no-ignored-attribution's (moved there); the nested insertion stays tested here.
      code: "import { OpenRouterClient } from 'openrouter-kit';\nnew OpenRouterClient({ apiKey: 'k', model: 'openai/gpt-4o' });",
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: "import { OpenRouterClient } from 'openrouter-kit';\nnew OpenRouterClient({ apiKey: 'k', model: 'openai/gpt-4o', axiosConfig: {\n  headers: {\n    'HTTP-Referer': 'https://acme.dev'\n  }\n} });",
      errors: [{ messageId: 'missingReferer', data: { site: 'this openrouter-kit client', where: 'an `HTTP-Referer` header in `axiosConfig.headers`', fixHint: '' } }],
    },
    {
      // A nested new object (`axiosConfig: { headers: { ... } }`) in a multi-line object: every level one entry a line.
      code: "import { OpenRouterClient } from 'openrouter-kit';\nnew OpenRouterClient({\n  apiKey: 'k',\n  title: 'Acme',\n});",
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: "import { OpenRouterClient } from 'openrouter-kit';\nnew OpenRouterClient({\n  apiKey: 'k',\n  title: 'Acme',\n  axiosConfig: {\n    headers: {\n      'HTTP-Referer': 'https://acme.dev',\n    },\n  },\n});",
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: "import axios from 'axios';\nconst { data } = await axios.post('https://openrouter.ai/api/v1/chat/completions', payload);",
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: "import axios from 'axios';\nconst { data } = await axios.post('https://openrouter.ai/api/v1/chat/completions', payload, {\n  headers: {\n    'HTTP-Referer': 'https://acme.dev'\n  }\n});",
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: "const axios = require('axios');\naxios({ method: 'post', url: 'https://openrouter.ai/api/v1/chat/completions', data, headers: { Authorization: auth } });",
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://openrouter.ai/api/v1', headers: { Authorization: auth } });\nawait api.post('/chat/completions', body);",
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // A method no subclass can replace: `#name`, TypeScript's `private`, or any method of a class the file keeps to itself.
      code: "export class Chat {\n  #headers() { return { Authorization: key }; }\n  send(messages) { return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: this.#headers(), body: JSON.stringify({ model: 'm', messages }) }); }\n}",
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: "class Chat {\n  static headers() { return { Authorization: key }; }\n  static send(messages) { return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: this.headers(), body: JSON.stringify({ model: 'm', messages }) }); }\n}\nChat.send([]);",
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: "class Chat {\n  headers() { return { Authorization: key }; }\n  send(messages) { return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: this.headers(), body: JSON.stringify({ model: 'm', messages }) }); }\n}\nnew Chat().send([]);",
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      // An awaited async helper gives what it returns.
      code: "async function headers() { return { Authorization: await token() }; }\nasync function send(messages) { return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: await headers(), body: JSON.stringify({ model: 'm', messages }) }); }",
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    // Objects one expression may hold: none sends a referer. Reported without a fix (no branch is the headers' own).
    {
      code: `${OPENAI}new OpenAI({ apiKey: k, baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: x ? { 'X-Title': 'Acme' } : undefined });`,
      settings: SETTINGS,
      output: null,
      errors: [{ messageId: 'titleWithoutReferer', line: 2 }],
    },
    {
      code: `${OPENAI}new OpenAI({ apiKey: k, baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { ...(x && { 'X-Title': 'Acme' }), ...(y ? { Authorization: key } : {}) } });`,
      errors: [{ messageId: 'titleWithoutReferer', line: 2 }],
    },
    {
      code: `${OPENAI}new OpenAI({ apiKey: k, ...(useOpenRouter ? { baseURL: 'https://openrouter.ai/api/v1' } : {}) });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: `fetch(${URL}, { method: 'POST', headers: key ? { Authorization: key } : null, body: JSON.stringify({ model, messages }) });`,
      errors: [{ messageId: 'missingReferer', line: 1 }],
    },
    // A wrapper's destructured parameter, read from the caller's object (or the defaults).
    {
      code: "function post({ url, headers }) {\n  return fetch(url, { method: 'POST', headers });\n}\npost({ url: 'https://openrouter.ai/api/v1/chat/completions', headers: {} });",
      errors: [{ messageId: 'missingReferer', line: 4 }],
    },
    {
      code: "async function request(path, { body, headers }) {\n  return fetch(`https://openrouter.ai/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });\n}\nrequest('/chat/completions', { body: { model, messages }, headers: { Authorization: key } });",
      errors: [{ messageId: 'missingReferer', line: 4 }],
    },
    {
      code: "async function request(path, { body, headers = { Authorization: key } }) {\n  return fetch(`https://openrouter.ai/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });\n}\nrequest('/chat/completions', { body: { model, messages } });",
      errors: [{ messageId: 'missingReferer', line: 4 }],
    },
    {
      code: "async function request(path, { body = { model, messages }, headers } = { headers: { Authorization: key } }) {\n  return fetch(`https://openrouter.ai/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });\n}\nrequest('/chat/completions');",
      errors: [{ messageId: 'missingReferer', line: 4 }],
    },
    {
      code: `const base = { Authorization: key };\nconst headers = Object.assign({}, base, undefined, { 'Content-Type': 'application/json' });\nfetch(${URL}, { method: 'POST', headers, body: JSON.stringify({ model, messages }) });`,
      settings: SETTINGS,
      // A new object built from others: reported, never edited.
      output: null,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: "import { Configuration, OpenAIApi } from 'openai';\nconst configuration = new Configuration({ apiKey: key, basePath: 'https://openrouter.ai/api/v1' });\nconst openai = new OpenAIApi(configuration);\nawait openai.createChatCompletion({ model, messages });",
      settings: SETTINGS,
      output: "import { Configuration, OpenAIApi } from 'openai';\nconst configuration = new Configuration({ apiKey: key, basePath: 'https://openrouter.ai/api/v1', baseOptions: {\n  headers: {\n    'HTTP-Referer': 'https://acme.dev',\n    'X-OpenRouter-Title': 'Acme Docs',\n    'X-OpenRouter-Categories': 'cli-agent'\n  }\n} });\nconst openai = new OpenAIApi(configuration);\nawait openai.createChatCompletion({ model, messages });",
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: "import { OpenAI } from 'llamaindex';\nnew OpenAI({ model: 'm', additionalSessionOptions: { baseURL: 'https://openrouter.ai/api/v1' } });",
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: `const request = new Request(${URL}, { method: 'POST', headers: { Authorization: key }, body: JSON.stringify({ model, messages }) });\nconst response = await fetch(request);`,
      settings: SETTINGS,
      output: `const request = new Request(${URL}, { method: 'POST', headers: { Authorization: key, 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme Docs', 'X-OpenRouter-Categories': 'cli-agent' }, body: JSON.stringify({ model, messages }) });\nconst response = await fetch(request);`,
      errors: [{ messageId: 'missingReferer', line: 1 }],
    },
    {
      code: `import { Request as UndiciRequest, fetch } from 'undici';\nawait fetch(new UndiciRequest(${URL}, { method: 'POST', body: JSON.stringify({ model, messages }) }));`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      // A request that passes attribution but no referer, through a client that has none: reported there.
      code: `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait client.chat.completions.create({ model, messages }, { headers: { 'HTTP-Referer': 'https://acme.dev' } });\nawait client.chat.completions.create({ model, messages }, { headers: { 'X-Title': 'Acme' } });\nawait client.embeddings.create({ model, input }, { headers: { 'X-OpenRouter-Categories': 'cli-agent' } });`,
      settings: SETTINGS,
      output: null,
      errors: [
        { messageId: 'titleWithoutReferer', line: 4, data: { site: 'this request (its openai client sends none)', client: 'openai', where: 'an `HTTP-Referer` header in `defaultHeaders`', option: '', fixHint: '' } },
        { messageId: 'missingReferer', line: 5 },
      ],
    },
    {
      code: `${SDK}const client = new OpenRouter({ apiKey: key });\nawait client.chat.send({ model, messages, appTitle: 'Acme' });`,
      errors: [{ messageId: 'titleWithoutReferer', line: 3 }],
    },
    {
      // Default headers set later by names that are not attribution.
      code: "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://openrouter.ai/api/v1' });\napi.defaults.headers.common['Authorization'] = `Bearer ${key}`;\napi.defaults.headers.post.Accept = 'application/json';\napi.defaults.timeout = 30000;",
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: "const BASE = 'https://openrouter.ai/api/v1/chat/completions';\nclass Chat {\n  url = BASE;\n  send(messages) {\n    const BASE = 'https://api.example.com/v1/chat/completions';\n    return fetch(this.url, { method: 'POST', headers: { Authorization: key }, body: JSON.stringify({ model: 'm', messages }) });\n  }\n}\nnew Chat().send([]);",
      errors: [{ messageId: 'missingReferer', line: 6 }],
    },
    {
      // A getter no subclass can replace gives what it returns; so does a static field read by the class's name.
      code: "class Chat {\n  get headers() { return { Authorization: key }; }\n  send(messages) { return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: this.headers, body: JSON.stringify({ model: 'm', messages }) }); }\n}\nnew Chat().send([]);",
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: "class Api { static HEADERS = { Authorization: key }; }\nfetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: Api.HEADERS, body: JSON.stringify({ model, messages }) });",
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      // A referer written only when the caller gives one: a call that gives none sends none; one that gives it is fine.
      code: "function send(messages, options = {}) {\n  const headers = { Authorization: key };\n  if (options.siteUrl) headers['HTTP-Referer'] = options.siteUrl;\n  return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers, body: JSON.stringify({ model: 'm', messages }) });\n}\nsend([]);\nsend([], { siteUrl: 'https://acme.dev' });\nsend([], { title: 'Acme' });",
      errors: [{ messageId: 'missingReferer', line: 6 }, { messageId: 'missingReferer', line: 8 }],
    },
    {
      // The caller's options handed to a helper that only reads them, and headers merged from options that have none.
      code: "function buildHeaders(opts) {\n  const h = { Authorization: key };\n  if (opts.siteUrl) h['HTTP-Referer'] = opts.siteUrl;\n  if (opts.headers) Object.assign(h, opts.headers);\n  return h;\n}\nfunction send(opts) {\n  return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: buildHeaders(opts), body: JSON.stringify(opts.body) });\n}\nsend({ body });\nsend({ body, siteUrl: 'https://acme.dev' });\nsend({ body, headers: extra });",
      errors: [{ messageId: 'missingReferer', line: 10 }],
    },
    {
      // A \`let\` given its URL and headers in branches: each value written is one alternative.
      code: "async function send(provider, key) {\n  let url, headers;\n  if (provider === 'openrouter') {\n    url = 'https://openrouter.ai/api/v1/chat/completions';\n    headers = { Authorization: key, 'HTTP-Referer': 'https://github.com/yourusername/app', 'X-OpenRouter-Title': 'App' };\n  } else {\n    url = 'https://api.groq.com/openai/v1/chat/completions';\n    headers = { Authorization: key };\n    url += '?v=2';\n  }\n  return fetch(url, { method: 'POST', headers, body: JSON.stringify({ model: 'm', messages: [] }) });\n}",
      errors: [{ messageId: 'placeholderReferer', line: 5 }],
    },
    {
      code: "async function send(provider, key) {\n  let url;\n  if (provider === 'openrouter') url = 'https://openrouter.ai/api/v1/chat/completions';\n  else url = 'https://api.groq.com/openai/v1/chat/completions';\n  return fetch(url, { method: 'POST', headers: { Authorization: key }, body: JSON.stringify({ model: 'm', messages: [] }) });\n}",
      errors: [{ messageId: 'missingReferer', line: 5 }],
    },
    {
      // A function held by a property of an object the file shows gives what it returns: here the getter's result.
      code: "class Chat {\n  get config() { return { url: 'https://openrouter.ai/api/v1/chat/completions', headers: () => ({ Authorization: key }) }; }\n  send(messages) { return fetch(this.config.url, { method: 'POST', headers: { ...this.config.headers() }, body: JSON.stringify({ model: 'm', messages }) }); }\n}\nnew Chat().send([]);",
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: `const api = { headers: async () => ({ Authorization: key }) };\nfetch(${URL}, { method: 'POST', headers: await api.headers(), body: JSON.stringify({ model, messages }) });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      // A method of the class as a wrapper: `this.post(...)` calls checked with their arguments.
      code: "class Client {\n  post(path, body, headers) {\n    return fetch(`https://openrouter.ai/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });\n  }\n  chat(messages) {\n    return this.post('/chat/completions', { model: 'm', messages }, { Authorization: key });\n  }\n}\nnew Client().chat([]);",
      errors: [{ messageId: 'missingReferer', line: 6 }],
    },
    {
      code: "export class Client {\n  #post(path, body, headers) {\n    return fetch(`https://openrouter.ai/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });\n  }\n  chat(messages) {\n    return this.#post('/chat/completions', { model: 'm', messages }, { Authorization: key });\n  }\n}",
      errors: [{ messageId: 'missingReferer', line: 6 }],
    },
    {
      code: "class Client {\n  #url = 'https://openrouter.ai/api/v1/chat/completions';\n  #count = 0;\n  send(body) {\n    this.#count = this.#count + 1;\n    return fetch(this.#url, { method: 'POST', headers: { Authorization: key }, body });\n  }\n}",
      errors: [{ messageId: 'missingReferer', line: 6 }],
    },
    {
      code: "const api = {\n  post(path, body, headers) { return fetch('https://openrouter.ai/api/v1' + path, { method: 'POST', headers, body: JSON.stringify(body) }); },\n};\nexport default api;\nawait api.post('/chat/completions', { model, messages }, { Authorization: key });",
      errors: [{ messageId: 'missingReferer', line: 5 }],
    },
    {
      code: `function headers(extra = {}) {\n  return { Authorization: key, ...extra };\n}\nfetch(${URL}, { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify({ model, messages }) });\nfetch(${URL}, { method: 'POST', headers: headers(), body: JSON.stringify({ model, messages }) });`,
      errors: [{ messageId: 'missingReferer', line: 4 }, { messageId: 'missingReferer', line: 5 }],
    },
    {
      code: `${LANGCHAIN}new ChatOpenAI({ modelName: 'm', configuration: { basePath: 'https://openrouter.ai/api/v1' } });`,
      settings: SETTINGS,
      output: `${LANGCHAIN}new ChatOpenAI({ modelName: 'm', configuration: { basePath: 'https://openrouter.ai/api/v1', defaultHeaders: {\n  'HTTP-Referer': 'https://acme.dev',\n  'X-OpenRouter-Title': 'Acme Docs',\n  'X-OpenRouter-Categories': 'cli-agent'\n} } });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      // \`defaultHeaders\` is read first.
      code: `${LANGCHAIN}new ChatOpenAI({ configuration: { baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'X-Title': 'Acme' }, baseOptions: { headers: { 'HTTP-Referer': 'https://acme.dev' } } } });`,
      errors: [{ messageId: 'titleWithoutReferer', line: 2 }],
    },
    {
      code: `let headers = { 'Content-Type': 'application/json' };\nif (key) headers = { ...headers, Authorization: \`Bearer \${key}\` };\nelse headers = { 'X-Title': 'Acme' };\nfetch(${URL}, { method: 'POST', headers, body: JSON.stringify({ model, messages }) });`,
      settings: SETTINGS,
      output: null,
      errors: [{ messageId: 'titleWithoutReferer', line: 4 }],
    },
    {
      // Class fields written once are followed.
      code: "class OpenRouterService {\n  baseUrl = 'https://openrouter.ai/api/v1';\n  async complete(body) {\n    return fetch(`${this.baseUrl}/chat/completions`, { method: 'POST', headers: this.headers(), body });\n  }\n  async embed(input) {\n    return fetch(`${this.baseUrl}/embeddings`, { method: 'POST', body: input });\n  }\n}",
      filename: 'service.ts',
      errors: [{ messageId: 'missingReferer', line: 7 }],
    },
    {
      code: "class Client {\n  constructor(key) {\n    this.url = 'https://openrouter.ai/api/v1/chat/completions';\n    this.key = key;\n  }\n  send(body) {\n    return fetch(this.url, { method: 'POST', headers: { Authorization: this.key }, body });\n  }\n}",
      errors: [{ messageId: 'missingReferer', line: 7 }],
    },
    {
      // CommonJS require.
      code: `const OpenAI = require('openai');\nconst client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `const { OpenAI } = require('openai');\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // A headers object whose spread is known.
      code: `${OPENAI}const base = { 'X-Title': 'Acme' };\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { ...base } });`,
      errors: [{ messageId: 'titleWithoutReferer' }],
    },
    {
      code: `${PROVIDER}const openrouter = createOpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });`,
      settings: SETTINGS,
      output: `${PROVIDER}const openrouter = createOpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, appUrl: 'https://acme.dev', appName: 'Acme Docs', headers: {\n  'X-OpenRouter-Categories': 'cli-agent'\n} });`,
      errors: [{ messageId: 'missingReferer', data: { site: 'this @openrouter/ai-sdk-provider client', where: '`appUrl`', fixHint: '' } }],
    },
    {
      code: `${PROVIDER}createOpenRouter({ appName: 'Acme', headers: { 'X-Custom': '1' } });`,
      settings: SETTINGS,
      output: `${PROVIDER}createOpenRouter({ appName: 'Acme', headers: { 'X-Custom': '1', 'X-OpenRouter-Categories': 'cli-agent' }, appUrl: 'https://acme.dev' });`,
      errors: [{ messageId: 'titleWithoutReferer' }],
    },
    {
      code: `${PROVIDER}createOpenRouter({ baseURL: 'https://openrouter.ai/api/v1' });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: "import { openrouter } from '@openrouter/ai-sdk-provider';\nconst model = openrouter('openai/gpt-4o');\nconst chat = openrouter.chat('anthropic/claude-sonnet-4');",
      errors: [
        { messageId: 'attributionlessExport', line: 2 },
        { messageId: 'attributionlessExport', line: 3 },
      ],
    },
    {
      code: `const res = await fetch(${URL}, {\n  method: 'POST',\n  headers: {\n    Authorization: \`Bearer \${key}\`,\n    'Content-Type': 'application/json',\n  },\n  body: JSON.stringify(body),\n});`,
      settings: SETTINGS,
      output: `const res = await fetch(${URL}, {\n  method: 'POST',\n  headers: {\n    Authorization: \`Bearer \${key}\`,\n    'Content-Type': 'application/json',\n    'HTTP-Referer': 'https://acme.dev',\n    'X-OpenRouter-Title': 'Acme Docs',\n    'X-OpenRouter-Categories': 'cli-agent',\n  },\n  body: JSON.stringify(body),\n});`,
      errors: [{ messageId: 'missingReferer', data: { site: 'this fetch request', where: 'an `HTTP-Referer` header in `headers`', fixHint: '' } }],
    },
    {
      // A comment closing the last line stays where it is.
      code: `fetch(${URL}, {\n  headers: {\n    Authorization: key, // server-side only\n  },\n});\nfetch(${URL}, {\n  headers: {\n    Authorization: key // server-side only\n  }\n});`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `fetch(${URL}, {\n  headers: {\n    Authorization: key, // server-side only\n    'HTTP-Referer': 'https://acme.dev',\n  },\n});\nfetch(${URL}, {\n  headers: {\n    Authorization: key, // server-side only\n    'HTTP-Referer': 'https://acme.dev'\n  }\n});`,
      errors: [{ messageId: 'missingReferer' }, { messageId: 'missingReferer' }],
    },
    {
      // Windows line endings are kept.
      code: `fetch(${URL}, {\r\n  headers: {\r\n    Authorization: key,\r\n  },\r\n});`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `fetch(${URL}, {\r\n  headers: {\r\n    Authorization: key,\r\n    'HTTP-Referer': 'https://acme.dev',\r\n  },\r\n});`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // Tabs are kept.
      code: `fetch(${URL}, {\n\theaders: {\n\t\tAuthorization: key\n\t}\n});`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `fetch(${URL}, {\n\theaders: {\n\t\tAuthorization: key,\n\t\t'HTTP-Referer': 'https://acme.dev'\n\t}\n});`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `fetch(${URL});`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `fetch(${URL}, {\n  headers: {\n    'HTTP-Referer': 'https://acme.dev'\n  }\n});`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `fetch(${URL}, { method: 'POST' });`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `fetch(${URL}, { method: 'POST', headers: {\n  'HTTP-Referer': 'https://acme.dev'\n} });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `fetch(${URL}, { headers: new Headers({ Authorization: 'x' }) });`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `fetch(${URL}, { headers: new Headers({ Authorization: 'x', 'HTTP-Referer': 'https://acme.dev' }) });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `fetch(${URL}, { headers: [['Authorization', 'x']] });`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `fetch(${URL}, { headers: [['Authorization', 'x'], ['HTTP-Referer', 'https://acme.dev']] });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // URL from constants and templates; globalThis.fetch; other endpoints that consume tokens.
      code: "const BASE = 'https://openrouter.ai/api/v1';\nglobalThis.fetch(`${BASE}/chat/completions`, { method: 'POST' });\nfetch(BASE + '/embeddings');\nfetch(new URL('/api/v1/responses', 'https://openrouter.ai'));",
      errors: [{ messageId: 'missingReferer', line: 2 }, { messageId: 'missingReferer', line: 3 }, { messageId: 'missingReferer', line: 4 }],
    },
    {
      code: 'await fetch(`${process.env.OPENROUTER_BASE_URL}/chat/completions`, { method: "POST" });',
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: "fetch(process.env.OPENROUTER_URL, { method: 'POST', body: JSON.stringify({ model, messages }) });\nimport axios from 'axios';\naxios.post(openRouterEndpoint, { model: 'x', prompt });",
      errors: [{ messageId: 'missingReferer', line: 1 }, { messageId: 'missingReferer', line: 3 }],
    },
    {
      code: "import ky from 'ky';\nawait ky.post('https://openrouter.ai/api/v1/chat/completions', { json: { model, messages } }).json();\nconst api = ky.create({ prefixUrl: 'https://openrouter.ai/api/v1', headers: { Authorization: auth } });",
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: "import ky from 'ky';\nawait ky.post('https://openrouter.ai/api/v1/chat/completions', { json: { model, messages }, headers: {\n  'HTTP-Referer': 'https://acme.dev'\n} }).json();\nconst api = ky.create({ prefixUrl: 'https://openrouter.ai/api/v1', headers: { Authorization: auth, 'HTTP-Referer': 'https://acme.dev' } });",
      errors: [{ messageId: 'missingReferer', line: 2 }, { messageId: 'missingReferer', line: 3 }],
    },
    {
      code: "import got from 'got';\nimport { ofetch } from 'ofetch';\nawait got.post('https://openrouter.ai/api/v1/chat/completions', { json: body });\nconst client = got.extend({ prefixUrl: 'https://openrouter.ai/api/v1' });\nawait ofetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', body });\nconst api = ofetch.create({ baseURL: 'https://openrouter.ai/api/v1' });",
      errors: [{ messageId: 'missingReferer', line: 3 }, { messageId: 'missingReferer', line: 4 }, { messageId: 'missingReferer', line: 5 }, { messageId: 'missingReferer', line: 6 }],
    },
    {
      code: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': '<YOUR_SITE_URL>', 'X-Title': 'Acme' } });`,
      settings: SETTINGS,
      errors: [
        {
          messageId: 'placeholderReferer',
          suggestions: [
            {
              messageId: 'useConfiguredReferer',
              output: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } });`,
            },
          ],
        },
      ],
    },
    {
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://your-site.com', 'X-Title': 'Acme' } });`,
      errors: [{ messageId: 'placeholderReferer', suggestions: [] }],
    },
    {
      // The page's origin, or an empty string off the page: one mistake, reported by no-unstable-referer alone; a plain empty fallback is still this rule's.
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': typeof window !== 'undefined' ? window.location.origin : '', 'X-Title': 'Acme' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': process.env.SITE || '', 'X-Title': 'Acme' } });`,
      errors: [{ messageId: 'emptyReferer', line: 2 }],
    },
    {
      // Headers handed to a wrapper whose parameter has a default (`headers = {}`) are read, not changed, there.
      code: "function postJson(url, body, headers = {}) {\n  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });\n}\nconst h = { Authorization: key };\npostJson('https://openrouter.ai/api/v1/chat/completions', '{}', h);",
      errors: [{ messageId: 'missingReferer', line: 5 }],
    },
    {
      // Tested, then written again, or read where the test fails: it may still be empty.
      code: `let site = process.env.SITE || '';\nconst headers = { 'X-Title': 'Acme' };\nif (site) {\n  site = '';\n  headers['HTTP-Referer'] = site;\n}\nfetch(${URL}, { method: 'POST', headers });\nconst other = process.env.OTHER || '';\nfetch(${URL}, { method: 'POST', headers: { 'X-Title': 'Acme', 'HTTP-Referer': other ? 'https://acme.dev' : other } });`,
      errors: [{ messageId: 'emptyReferer', line: 4 }, { messageId: 'emptyReferer', line: 8 }],
    },
    {
      // A member whose object is written again, or another member tested, may still be empty.
      code: `let config = { siteUrl: process.env.SITE || '' };\nconfig = { siteUrl: '' };\nif (config.siteUrl) fetch(${URL}, { method: 'POST', headers: { 'X-Title': 'Acme', 'HTTP-Referer': config.siteUrl } });\nconst other = { siteUrl: process.env.OTHER || '', name: 'Acme' };\nif (other.name) fetch(${URL}, { method: 'POST', headers: { 'X-Title': 'Acme', 'HTTP-Referer': other.siteUrl } });`,
      errors: [{ messageId: 'emptyReferer', line: 2 }, { messageId: 'emptyReferer', line: 4 }],
    },
    {
      // An empty fallback sends no referer when the variable is unset.
      code: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': process.env.SITE_URL || '', 'X-Title': process.env.SITE_NAME || '' } });`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      errors: [
        {
          messageId: 'emptyReferer',
          column: 113,
          suggestions: [
            {
              messageId: 'useConfiguredReferer',
              output: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': process.env.SITE_URL || 'https://acme.dev', 'X-Title': process.env.SITE_NAME || '' } });`,
            },
          ],
        },
      ],
    },
    {
      code: "import { createOpenAI } from '@ai-sdk/openai';\ncreateOpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: getHeaders() });",
      errors: [{ messageId: 'ignoredOption', data: { client: '@ai-sdk/openai', option: 'defaultHeaders', where: 'an `HTTP-Referer` header in `headers`', fixHint: FIX_HINT } }],
    },
    {
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://smartbrief.yoursite.com', 'X-Title': 'SmartBrief' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://your-site-url.com', 'X-Title': 'SmartBrief' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'YOUR_SITE_URL', 'X-Title': 'SmartBrief' } });`,
      errors: [{ messageId: 'placeholderReferer', line: 1 }, { messageId: 'placeholderReferer', line: 2 }, { messageId: 'placeholderReferer', line: 3 }],
    },
    {
      // A platform's home page names the platform, not the app; the app's page there does.
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com', 'X-Title': 'SmartBrief' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://www.replit.com/', 'X-Title': 'SmartBrief' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://obsidian.md', 'X-Title': 'SmartBrief' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com/acme/smartbrief', 'X-Title': 'SmartBrief' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://smartbrief.replit.app', 'X-Title': 'SmartBrief' } });`,
      errors: [
        { messageId: 'platformReferer', data: { value: '"https://github.com"', host: 'github.com' }, line: 1 },
        { messageId: 'platformReferer', data: { value: '"https://www.replit.com/"', host: 'replit.com' }, line: 2 },
        { messageId: 'platformReferer', data: { value: '"https://obsidian.md"', host: 'obsidian.md' }, line: 3 },
      ],
    },
    {
      // The bare domain apps are served under names none of them; an app's own subdomain there does.
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://streamlit.app', 'X-Title': 'Roleplay' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://vercel.app/', 'X-Title': 'Roleplay' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://roleplay.streamlit.app', 'X-Title': 'Roleplay' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://acme.github.io/roleplay', 'X-Title': 'Roleplay' } });`,
      errors: [
        { messageId: 'platformReferer', data: { value: '"https://streamlit.app"', host: 'streamlit.app' }, line: 1 },
        { messageId: 'platformReferer', data: { value: '"https://vercel.app/"', host: 'vercel.app' }, line: 2 },
      ],
    },
    {
      // The platform an add-on runs in, and the store that lists it; an add-on's own page in the store names it.
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://odoo.com', 'X-Title': 'Acme Mail AI' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://chromewebstore.google.com/', 'X-Title': 'Acme Mail AI' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://apps.odoo.com/apps/modules/17.0/acme_mail_ai', 'X-Title': 'Acme Mail AI' } });`,
      errors: [
        { messageId: 'platformReferer', data: { value: '"https://odoo.com"', host: 'odoo.com' }, line: 1 },
        { messageId: 'platformReferer', data: { value: '"https://chromewebstore.google.com/"', host: 'chromewebstore.google.com' }, line: 2 },
      ],
    },
    {
      // A platform's home page as the fallback of the page's own origin is that same unstable referer: no-unstable-referer's.
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': typeof window !== 'undefined' ? window.location.origin : 'https://lovable.dev', 'X-Title': 'Acme Notes' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': process.env.SITE || 'https://lovable.dev', 'X-Title': 'Acme Notes' } });`,
      errors: [{ messageId: 'platformReferer', line: 2 }],
    },
    {
      // An app builder's home page and the chat platform a proxy serves; an app's own subdomain there names it.
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://lovable.dev', 'X-Title': 'Acme Notes' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://janitorai.com/', 'X-Title': 'Janitor Proxy' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://acme-notes.lovable.app', 'X-Title': 'Acme Notes' } });`,
      errors: [
        { messageId: 'platformReferer', data: { value: '"https://lovable.dev"', host: 'lovable.dev' }, line: 1 },
        { messageId: 'platformReferer', data: { value: '"https://janitorai.com/"', host: 'janitorai.com' }, line: 2 },
      ],
    },
    {
      // The docs' words with dots for separators, no top-level domain, or `my` for `your`.
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://your.domain', 'X-Title': 'SmartBrief' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://app.your-domain-here.com', 'X-Title': 'SmartBrief' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://mysite.com', 'X-Title': 'SmartBrief' } });`,
      errors: [{ messageId: 'placeholderReferer', line: 1 }, { messageId: 'placeholderReferer', line: 2 }, { messageId: 'placeholderReferer', line: 3 }],
    },
    {
      // ... and one copied from its examples carries a repository of OpenRouter's organisation.
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com/OpenRouterTeam/openrouter-examples' } });`,
      errors: [{ messageId: 'openRouterReferer' }],
    },
    {
      // Angular's HttpClient: `post(url, body, { headers })`, the headers an `HttpHeaders` built from an object, here by a method.
      code: "import { HttpClient, HttpHeaders } from '@angular/common/http';\nclass Api {\n  base = 'https://openrouter.ai/api/v1';\n  constructor(http) {\n    this.http = http;\n  }\n  headers() {\n    return new HttpHeaders({ Authorization: 'Bearer k', 'Content-Type': 'application/json' });\n  }\n  ask(prompt) {\n    return this.http.post(`${this.base}/chat/completions`, { model: 'm', prompt }, { headers: this.headers() });\n  }\n}",
      errors: [{ messageId: 'missingReferer', line: 11 }],
    },
    {
      // A request copied from OpenRouter's chatroom carries OpenRouter's own page as its referer.
      code: `fetch(${URL}, { headers: { 'http-referer': 'https://openrouter.ai/chat', 'x-title': 'OpenRouter: Chatroom', Referer: 'https://openrouter.ai/chat' } });`,
      settings: SETTINGS,
      errors: [
        {
          messageId: 'openRouterReferer',
          data: { value: '"https://openrouter.ai/chat"' },
          suggestions: [{ messageId: 'useConfiguredReferer', output: `fetch(${URL}, { headers: { 'http-referer': 'https://acme.dev', 'x-title': 'OpenRouter: Chatroom', Referer: 'https://openrouter.ai/chat' } });` }],
        },
      ],
    },
    {
      // A library's own identity copied from its docs: its repository (any case, with `.git`) or the referer it sends itself.
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com/joaomdmoura/crewAI' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://www.litellm.ai/', 'X-Title': 'Bot' } });`,
      errors: [
        { messageId: 'libraryReferer', line: 1, data: { value: '"https://github.com/joaomdmoura/crewAI"', library: 'CrewAI' } },
        { messageId: 'libraryReferer', line: 2, data: { value: '"https://www.litellm.ai/"', library: 'LiteLLM' } },
      ],
    },
    {
      // A repository URL with the template's owner, in English or another language: nobody's app.
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com/username/telegram-bot', 'X-Title': 'Bot' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com/your-username/app', 'X-Title': 'Bot' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://huggingface.co/<user>/space', 'X-Title': 'Bot' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com/ton-user/app', 'X-Title': 'Bot' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'https://github.com/tu-usuario/app', 'X-Title': 'Bot' } });`,
      errors: [1, 2, 3, 4, 5].map((line) => ({ messageId: 'placeholderReferer', line })),
    },
    {
      // Read in part, still a placeholder whatever fills the rest: a docs domain after the unknown part of the
      // host, a docs host, or a code host's template owner before an unknown repository.
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': \`https://\${process.env.PROJECT}.example.com\`, 'X-Title': 'Acme' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': \`https://example.org/\${page}\`, 'X-Title': 'Acme' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': \`https://github.com/your-username/\${repo}\`, 'X-Title': 'Acme' } });`,
      errors: [
        { messageId: 'placeholderReferer', line: 1, data: { value: '"https://….example.com"' } },
        { messageId: 'placeholderReferer', line: 2, data: { value: '"https://example.org/…"' } },
        { messageId: 'placeholderReferer', line: 3, data: { value: '"https://github.com/your-username/…"' } },
      ],
    },
    {
      // A bad config is valid-config's to report: here only the finding, without a fix.
      code: `${SDK}new OpenRouter({ apiKey: 'k' });`,
      settings: { openrouter: { referer: 'acme.dev', titel: 'Acme' } },
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
  ],
  tsValid: [
    `${SDK}const client = new OpenRouter({ httpReferer: SITE_URL as string, appTitle: 'Acme' } satisfies Options);`,
    `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': process.env.SITE_URL! } as const });`,
    // Type-only imports construct nothing.
    "import type { OpenRouter } from '@openrouter/sdk';\ndeclare const OpenRouter: any;\nnew OpenRouter({});",
  ],
  tsInvalid: [
    // The specifier cast so that a bundler leaves the optional dependency alone.
    {
      code: "export async function make() {\n  const mod = await import('openai' as string);\n  const OpenAI = (mod.default ?? mod) as any;\n  return new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\n}",
      errors: [{ messageId: 'missingReferer', line: 4 }],
    },
    {
      // TypeScript's `private`: no subclass may declare the method again.
      code: "export class Chat {\n  constructor(private apiKey: string) {}\n  private headers() { return { Authorization: `Bearer ${this.apiKey}` }; }\n  send(messages) { return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: this.headers(), body: JSON.stringify({ model: 'm', messages }) }); }\n}",
      errors: [{ messageId: 'missingReferer', line: 4 }],
    },
    {
      code: `${SDK}const client: OpenRouter = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY! } as const);`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `${SDK}const client: OpenRouter = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY!, httpReferer: 'https://acme.dev' } as const);`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: "import OpenAI = require('openai');\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1' as string });",
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `const headers: Record<string, string> = { 'Content-Type': 'application/json' };\nexport async function ask(): Promise<Response> {\n  return fetch(${URL}, { method: 'POST', headers });\n}`,
      settings: { openrouter: { referer: 'https://acme.dev' } },
      output: `const headers: Record<string, string> = { 'Content-Type': 'application/json', 'HTTP-Referer': 'https://acme.dev' };\nexport async function ask(): Promise<Response> {\n  return fetch(${URL}, { method: 'POST', headers });\n}`,
      errors: [{ messageId: 'missingReferer' }],
    },
  ],
};

runRuleTests('require-referer', rule, mergeCases(cases, sdkClientCases, httpClientCases, urlFlowCases, configReadCases, endpointCases, baseUrlCases, classConstructionCases, stringMethodCases, wrapperValueCases));
