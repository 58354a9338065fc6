/** require-referer: Requests through HTTP clients other than fetch: node:http(s), XMLHttpRequest, undici, SSE clients, platform request functions. */
import type rule from '../../../src/rules/require-referer.js';
import { SETTINGS, type CasesFor } from '../../rule-tester.js';

const HTTPS = "import https from 'node:https';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const BODY = 'JSON.stringify({ model, messages })';
/** node's request options naming OpenRouter's chat endpoint by parts. */
const PARTS = "hostname: 'openrouter.ai', path: '/api/v1/chat/completions'";
/** What --fix inserts with SETTINGS, as headers of an object. */
const ATTRIBUTION = "'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme Docs', 'X-OpenRouter-Categories': 'cli-agent'";
/** A new headers object as --fix writes it where one line would be too long. */
const ATTRIBUTION_OBJECT = "{\n  'HTTP-Referer': 'https://acme.dev',\n  'X-OpenRouter-Title': 'Acme Docs',\n  'X-OpenRouter-Categories': 'cli-agent'\n}";
/** A local wrapper that posts to a path of OpenRouter's through node:https. */
const POST = `${HTTPS}function post(path, payload) {\n  return new Promise((resolve, reject) => {\n    const req = https.request({ hostname: 'openrouter.ai', path, method: 'POST', headers: { 'Content-Type': 'application/json' } }, resolve);\n    req.on('error', reject);\n    req.end(JSON.stringify(payload));\n  });\n}\n`;
const XHR = `const xhr = new XMLHttpRequest();\nxhr.open('POST', ${URL});\n`;
const UNDICI = "import { request } from 'undici';\n";
const SSE_SOURCE = "import { fetchEventSource } from '@microsoft/fetch-event-source';\n";
const SSE_JS = "import { SSE } from 'sse.js';\n";
const OBSIDIAN = "import { request, requestUrl } from 'obsidian';\n";
const ELECTRON = "import { net } from 'electron';\n";

const FORM = (headers: string, imports = "import FormData from 'form-data';\n") =>
  `import axios from 'axios';\n${imports}const form = new FormData();\nform.append('model', 'whisper-1');\naxios.post('https://openrouter.ai/api/v1/audio/transcriptions', form, { headers: ${headers} });`;

export const httpClientCases: CasesFor<typeof rule> = {
  valid: [
    // The browser's FormData has no getHeaders(), and getHeaders(extra) merges headers the file does not show.
    FORM("{ Authorization: 'Bearer k', ...form.getHeaders() }", ''),
    FORM("{ Authorization: 'Bearer k', ...form.getHeaders(extra) }"),
    // An interceptor registered on an axios instance may set any header on every request.
    "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://openrouter.ai/api/v1' });\napi.interceptors.request.use((config) => {\n  config.headers['HTTP-Referer'] = 'https://acme.dev';\n  return config;\n});",
    "import axios from 'axios';\nclass Client {\n  constructor() {\n    this.http = axios.create({ baseURL: 'https://openrouter.ai/api/v1' });\n    this.http.interceptors.request.use(addAttribution);\n  }\n}",
    // node:https: attribution in `headers`, or set on the returned request before it is sent.
    `${HTTPS}const req = https.request({ ${PARTS}, method: 'POST', headers: { 'HTTP-Referer': 'https://acme.dev' } }, onResponse);\nreq.end(${BODY});`,
    `${HTTPS}const req = https.request({ ${PARTS}, method: 'POST', headers: { Authorization: key } }, onResponse);\nreq.setHeader('HTTP-Referer', 'https://acme.dev');\nreq.end(${BODY});`,
    `${HTTPS}https.request(${URL}, { method: 'POST', headers: { 'http-referer': site } }, onResponse).end(${BODY});`,
    // A URL's host and path that name another server.
    `${HTTPS}const u = new URL('https://api.example.com/v1/chat/completions');\nhttps.request({ hostname: u.hostname, path: u.pathname, method: 'POST', headers: { Authorization: key } }, onResponse).end(${BODY});`,
    // Only a POST consumes tokens: node sends GET unless told otherwise, and `get` never sends a body.
    `${HTTPS}https.request({ ${PARTS}, headers: { Authorization: key } }, onResponse).end();`,
    `${HTTPS}https.request({ ${PARTS}, method: 'GET', headers: { Authorization: key } }, onResponse).end();`,
    `${HTTPS}https.request(${URL}, onResponse).end();`,
    `${HTTPS}https.get(${URL}, { headers: { Authorization: key } }, onResponse);`,
    `${HTTPS}https.get({ ${PARTS}, headers: { Authorization: key } }, onResponse);`,
    // Metadata calls, other hosts, hosts the file does not tell.
    `${HTTPS}https.request({ hostname: 'openrouter.ai', path: '/api/v1/models', method: 'POST', headers: {} }, onResponse).end();`,
    `${HTTPS}https.request({ hostname: 'api.openai.com', path: '/v1/chat/completions', method: 'POST', headers: {} }, onResponse).end(${BODY});`,
    `${HTTPS}https.request({ path: '/api/v1/chat/completions', method: 'POST', headers: {} }, onResponse).end(${BODY});`,
    `${HTTPS}function send(host) {\n  https.request({ hostname: host, path: '/api/v1/chat/completions', method: 'POST', headers: {} }, onResponse).end(${BODY});\n}`,
    `${HTTPS}https.request({ ...target, path: '/api/v1/chat/completions', method: 'POST', headers: {} }, onResponse).end(${BODY});`,
    // Headers the file does not show: options from elsewhere, or a request object that leaves sight.
    `${HTTPS}const req = https.request({ ${PARTS}, method: 'POST', headers: authHeaders() }, onResponse);\nreq.end(${BODY});`,
    `${HTTPS}const req = https.request({ ${PARTS}, method: 'POST', headers: {} }, onResponse);\nsign(req);\nreq.end(${BODY});`,
    `${HTTPS}const req = https.request({ ${PARTS}, method: 'POST', headers: {} }, onResponse);\nfor (const [name, value] of extra) req.setHeader(name, value);\nreq.end(${BODY});`,
    `${HTTPS}export function open() {\n  return https.request({ ${PARTS}, method: 'POST', headers: {} });\n}`,
    `${HTTPS}https.request({ ${PARTS}, method: 'POST', headers: {} }, onResponse).setHeader('HTTP-Referer', 'https://acme.dev');`,
    `${HTTPS}export const req = https.request({ ${PARTS}, method: 'POST', headers: {} }, onResponse);`,
    `${POST}post('/api/v1/models', {});`,
    // Not node's module.
    `import https from './https.js';\nhttps.request({ ${PARTS}, method: 'POST', headers: {} }, onResponse).end(${BODY});`,

    // XMLHttpRequest: headers set on the same object; silent wherever that object leaves sight.
    `${XHR}xhr.setRequestHeader('HTTP-Referer', 'https://acme.dev');\nxhr.send(${BODY});`,
    `${XHR}xhr.setRequestHeader('http-referer', location.origin);\nxhr.send(${BODY});`,
    `${XHR}addAuth(xhr);\nxhr.send(${BODY});`,
    `${XHR}for (const name in headers) xhr.setRequestHeader(name, headers[name]);\nxhr.send(${BODY});`,
    `${XHR}const set = xhr.setRequestHeader.bind(xhr);\nset('HTTP-Referer', 'https://acme.dev');\nxhr.send(${BODY});`,
    `export const xhr = new XMLHttpRequest();\nxhr.open('POST', ${URL});\nxhr.send(${BODY});`,
    `const xhr = new XMLHttpRequest();\nxhr.open('GET', ${URL});\nxhr.send();`,
    "const xhr = new XMLHttpRequest();\nxhr.open('POST', 'https://openrouter.ai/api/v1/models');\nxhr.send();",
    `this.xhr = new XMLHttpRequest();\nthis.xhr.open('POST', ${URL});\nthis.xhr.send(${BODY});`,
    `class XMLHttpRequest {}\nconst xhr = new XMLHttpRequest();\nxhr.open('POST', ${URL});\nxhr.send(${BODY});`,
    // Userscripts.
    `GM_xmlhttpRequest({ method: 'POST', url: ${URL}, headers: { 'HTTP-Referer': 'https://acme.dev' }, data: ${BODY}, onload });`,
    `GM_xmlhttpRequest({ method: 'GET', url: ${URL}, headers: {}, onload });`,
    `await GM.xmlHttpRequest({ method: 'POST', url: ${URL}, headers: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' }, data: ${BODY} });`,
    `function GM_xmlhttpRequest(details) {}\nGM_xmlhttpRequest({ method: 'POST', url: ${URL}, headers: {}, data: ${BODY} });`,

    // undici: the method is GET without a body and PUT with one unless named.
    `${UNDICI}await request(${URL}, { method: 'POST', headers: { 'HTTP-Referer': 'https://acme.dev' }, body: ${BODY} });`,
    `${UNDICI}await request(${URL}, { headers: {}, body: ${BODY} });`,
    `${UNDICI}await request(${URL}, { method: 'PUT', headers: {}, body: ${BODY} });`,
    `${UNDICI}await request(${URL}, { method: 'POST', headers: buildHeaders(), body: ${BODY} });`,
    `import { request } from 'request';\nrequest.post({ url: ${URL}, json: { model, messages } });`,

    // Server-sent events.
    `${SSE_SOURCE}await fetchEventSource(${URL}, { method: 'POST', headers: { 'HTTP-Referer': 'https://acme.dev' }, body: ${BODY}, onmessage });`,
    `${SSE_SOURCE}await fetchEventSource(${URL}, { headers: {}, onmessage });`,
    `${SSE_SOURCE}await fetchEventSource(${URL}, { method: 'POST', ...init, body: ${BODY} });`,
    `${SSE_JS}const source = new SSE(${URL}, { headers: { 'HTTP-Referer': 'https://acme.dev' }, payload: ${BODY} });`,
    `${SSE_JS}const source = new SSE(${URL}, { headers: {} });`,
    `${SSE_JS}const source = new SSE(${URL}, { headers: {}, payload: ${BODY}, method: 'PUT' });`,

    // Obsidian.
    `${OBSIDIAN}await requestUrl({ url: ${URL}, method: 'POST', headers: { 'HTTP-Referer': 'https://acme.dev' }, body: ${BODY} });`,
    `${OBSIDIAN}const params = { url: ${URL}, method: 'POST', headers: { 'HTTP-Referer': 'https://acme.dev' }, body: ${BODY} };\nawait requestUrl(params);`,
    `${OBSIDIAN}await requestUrl(${URL});`,
    `${OBSIDIAN}await request({ url: ${URL}, method: 'GET', headers: {} });`,
    `${OBSIDIAN}await requestUrl({ url: ${URL}, method: 'POST', headers: this.headers(), body: ${BODY} });`,
    `async function requestUrl(params) {}\nawait requestUrl({ url: ${URL}, method: 'POST', headers: {}, body: ${BODY} });`,

    // Electron's net.
    `${ELECTRON}await net.fetch(${URL}, { method: 'POST', headers: { 'HTTP-Referer': 'https://acme.dev' }, body: ${BODY} });`,
    `${ELECTRON}await net.fetch(${URL}, { headers: {} });`,
    `${ELECTRON}const req = net.request({ method: 'POST', url: ${URL} });\nreq.setHeader('HTTP-Referer', 'https://acme.dev');\nreq.end(${BODY});`,
    `${ELECTRON}const req = net.request({ url: ${URL}, headers: {} });\nreq.end();`,
    `${ELECTRON}const req = net.request(${URL});\nreq.end();`,
  ],
  invalid: [
    {
      // form-data's getHeaders() gives the multipart content type alone: the headers are known, without a referer.
      code: FORM("{ Authorization: 'Bearer k', ...form.getHeaders() }"),
      errors: [{ messageId: 'missingReferer', line: 5 }],
    },
    {
      code: FORM("{ ...form.getHeaders(), Authorization: 'Bearer k' }", "const FormData = require('form-data');\n"),
      errors: [{ messageId: 'missingReferer', line: 5 }],
    },
    {
      // Host and path read off a \`URL\` of the wrapper's argument, checked at the wrapper's call.
      code: `${HTTPS}function post(url, headers, payload) {\n  return new Promise((resolve) => {\n    const u = new URL(url);\n    const req = https.request({ hostname: u.hostname, path: u.pathname + u.search, method: 'POST', headers }, resolve);\n    req.end(JSON.stringify(payload));\n  });\n}\npost(${URL}, { Authorization: key, 'X-Title': 'Acme' }, { model, messages });`,
      errors: [{ messageId: 'titleWithoutReferer', line: 9 }],
    },
    {
      // Options in a variable read elsewhere too (logged): the request that sends them adds nothing before.
      code: `import { requestUrl } from 'obsidian';\nconst params = { url: ${URL}, method: 'POST', headers: { Authorization: key }, body: ${BODY} };\nconsole.log('sending', params.url);\nawait requestUrl(params);`,
      errors: [{ messageId: 'missingReferer', line: 4 }],
    },
    {
      // A session's fetch is not net's, but a request all the same: found by where its URL goes.
      code: `${ELECTRON}const req = session.defaultSession.fetch(${URL}, { method: 'POST', headers: {}, body: ${BODY} });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    // node:https by parts: `hostname` (or `host`) with `port` and `path`.
    {
      code: `${HTTPS}const req = https.request({ ${PARTS}, method: 'POST', headers: { Authorization: key } }, onResponse);\nreq.end(${BODY});`,
      settings: SETTINGS,
      output: `${HTTPS}const req = https.request({ ${PARTS}, method: 'POST', headers: { Authorization: key, ${ATTRIBUTION} } }, onResponse);\nreq.end(${BODY});`,
      errors: [{ messageId: 'missingReferer', line: 2, data: { site: 'this node http(s) request', client: 'node http(s)', where: 'an `HTTP-Referer` header in `headers`', option: '', fixHint: '' } }],
    },
    {
      code: `import * as https from 'https';\nconst req = https.request({ protocol: 'https:', host: 'openrouter.ai', port: 443, path: '/api/v1/chat/completions', method: 'post' }, onResponse);\nreq.on('error', reject);\nreq.write(${BODY});\nreq.end();`,
      settings: SETTINGS,
      output: `import * as https from 'https';\nconst req = https.request({ protocol: 'https:', host: 'openrouter.ai', port: 443, path: '/api/v1/chat/completions', method: 'post', headers: ${ATTRIBUTION_OBJECT} }, onResponse);\nreq.on('error', reject);\nreq.write(${BODY});\nreq.end();`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: `const https = require('https');\nhttps.request(${URL}, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, onResponse).end(${BODY});`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: `const { request } = require('node:http');\nconst req = request(new URL(${URL}), { method: 'POST', headers: { 'X-Title': 'Acme' } });\nreq.end(${BODY});`,
      errors: [{ messageId: 'titleWithoutReferer', line: 2 }],
    },
    {
      // Options built first, then handed over.
      code: `import { request } from 'https';\nconst options = { hostname: 'eu.openrouter.ai', path: \`/api/v1/\${'chat/completions'}\`, method: 'POST', headers: { Authorization: key } };\nconst req = request(options, onResponse);\nreq.end(${BODY});`,
      settings: SETTINGS,
      output: `import { request } from 'https';\nconst options = { hostname: 'eu.openrouter.ai', path: \`/api/v1/\${'chat/completions'}\`, method: 'POST', headers: { Authorization: key, ${ATTRIBUTION} } };\nconst req = request(options, onResponse);\nreq.end(${BODY});`,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      // Headers set on the request object that are not attribution.
      code: `${HTTPS}const AUTH = 'Authorization';\nconst req = https.request({ ${PARTS}, method: 'POST' }, onResponse);\nreq.setHeader(AUTH, key);\nreq.setHeader('X-OpenRouter-Title', 'Acme');\nreq.end(${BODY});`,
      errors: [{ messageId: 'titleWithoutReferer', line: 3 }],
    },
    {
      code: `${HTTPS}new Promise((resolve, reject) => {\n  const req = https.request({ ${PARTS}, method: 'POST', headers: { Authorization: key } }, resolve);\n  req.on('error', reject);\n  req.end(${BODY});\n});`,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      // Through a local wrapper: reported at its call, without a fix.
      code: `${POST}post('/api/v1/chat/completions', { model, messages });`,
      settings: SETTINGS,
      output: null,
      errors: [{ messageId: 'missingReferer', line: 9, data: { site: 'the node http(s) request this call makes', client: 'node http(s)', where: 'an `HTTP-Referer` header in `headers`', option: '', fixHint: '' } }],
    },

    // XMLHttpRequest: the request is `open()`, its headers the `setRequestHeader()` calls on the same object.
    {
      code: `${XHR}xhr.setRequestHeader('Content-Type', 'application/json');\nxhr.send(${BODY});`,
      settings: SETTINGS,
      output: `const xhr = new XMLHttpRequest();\nxhr.open('POST', ${URL});\nxhr.setRequestHeader('HTTP-Referer', 'https://acme.dev');\nxhr.setRequestHeader('X-OpenRouter-Title', 'Acme Docs');\nxhr.setRequestHeader('X-OpenRouter-Categories', 'cli-agent');\nxhr.setRequestHeader('Content-Type', 'application/json');\nxhr.send(${BODY});`,
      errors: [
        {
          messageId: 'missingReferer',
          line: 2,
          data: { site: 'this XMLHttpRequest request', client: 'XMLHttpRequest', where: 'an `HTTP-Referer` header with `setRequestHeader()`', option: '', fixHint: '' },
        },
      ],
    },
    {
      // Inside a function, without semicolons, with other uses of the object.
      code: `function ask(messages) {\n  const xhr = new window.XMLHttpRequest()\n  xhr.open('post', ${URL}, true)\n  xhr.responseType = 'json'\n  xhr.onload = () => done(xhr.response)\n  xhr.setRequestHeader('X-Title', 'Acme')\n  xhr.send(${BODY})\n}`,
      settings: SETTINGS,
      output: `function ask(messages) {\n  const xhr = new window.XMLHttpRequest()\n  xhr.open('post', ${URL}, true)\n  xhr.setRequestHeader('HTTP-Referer', 'https://acme.dev')\n  xhr.setRequestHeader('X-OpenRouter-Categories', 'cli-agent')\n  xhr.responseType = 'json'\n  xhr.onload = () => done(xhr.response)\n  xhr.setRequestHeader('X-Title', 'Acme')\n  xhr.send(${BODY})\n}`,
      errors: [{ messageId: 'titleWithoutReferer', line: 3 }],
    },
    {
      // A method that may be POST.
      code: `const METHOD = 'POST';\nconst xhr = new XMLHttpRequest();\nxhr.open(METHOD, ${URL});\nconst other = new XMLHttpRequest();\nother.open(cached ? 'GET' : 'POST', ${URL});`,
      errors: [
        { messageId: 'missingReferer', line: 3 },
        { messageId: 'missingReferer', line: 5 },
      ],
    },
    {
      // Not a statement of its own: reported without a fix.
      code: `const xhr = new XMLHttpRequest();\nif (ready) xhr.open('POST', ${URL});\nxhr.send(${BODY});`,
      settings: SETTINGS,
      output: null,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },

    // Userscripts.
    {
      code: `GM_xmlhttpRequest({\n  method: 'POST',\n  url: ${URL},\n  headers: { 'Content-Type': 'application/json' },\n  data: ${BODY},\n  onload,\n});`,
      settings: SETTINGS,
      output: `GM_xmlhttpRequest({\n  method: 'POST',\n  url: ${URL},\n  headers: { 'Content-Type': 'application/json', ${ATTRIBUTION} },\n  data: ${BODY},\n  onload,\n});`,
      errors: [{ messageId: 'missingReferer', line: 1 }],
    },
    {
      code: `const response = await GM.xmlHttpRequest({ method: 'POST', url: ${URL}, data: ${BODY} });`,
      errors: [{ messageId: 'missingReferer', line: 1 }],
    },

    // undici.
    {
      code: `${UNDICI}const { body } = await request(${URL}, { method: 'POST', headers: { authorization: \`Bearer \${key}\` }, body: ${BODY} });`,
      settings: SETTINGS,
      output: `${UNDICI}const { body } = await request(${URL}, { method: 'POST', headers: { authorization: \`Bearer \${key}\`, ${ATTRIBUTION} }, body: ${BODY} });`,
      errors: [{ messageId: 'missingReferer', line: 2, data: { site: 'this undici request', client: 'undici', where: 'an `HTTP-Referer` header in `headers`', option: '', fixHint: '' } }],
    },
    {
      code: `import * as undici from 'undici';\nawait undici.request(${URL}, { method: 'POST', body: ${BODY} });\nawait undici.fetch(${URL}, { method: 'POST', body: ${BODY} });`,
      errors: [
        { messageId: 'missingReferer', line: 2 },
        { messageId: 'missingReferer', line: 3 },
      ],
    },

    // Server-sent events.
    {
      code: `${SSE_SOURCE}await fetchEventSource(${URL}, {\n  method: 'POST',\n  headers: { 'Content-Type': 'application/json', Authorization: \`Bearer \${key}\` },\n  body: ${BODY},\n  onmessage,\n});`,
      settings: SETTINGS,
      output: `${SSE_SOURCE}await fetchEventSource(${URL}, {\n  method: 'POST',\n  headers: { 'Content-Type': 'application/json', Authorization: \`Bearer \${key}\`, ${ATTRIBUTION} },\n  body: ${BODY},\n  onmessage,\n});`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      // sse.js POSTs when it has a payload.
      code: `${SSE_JS}const source = new SSE(${URL}, { headers: { 'Content-Type': 'application/json' }, payload: ${BODY} });\nsource.addEventListener('message', onMessage);`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: `${SSE_JS}const source = new SSE(${URL}, { method: 'POST', payload, start: false });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },

    // Obsidian.
    {
      code: `${OBSIDIAN}const response = await requestUrl({ url: ${URL}, method: 'POST', contentType: 'application/json', headers: { Authorization: \`Bearer \${key}\` }, body: ${BODY} });`,
      settings: SETTINGS,
      output: `${OBSIDIAN}const response = await requestUrl({ url: ${URL}, method: 'POST', contentType: 'application/json', headers: { Authorization: \`Bearer \${key}\`, ${ATTRIBUTION} }, body: ${BODY} });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      // Options built in a variable first.
      code: `${OBSIDIAN}const params = { url: ${URL}, method: 'POST', body: ${BODY} };\nconst text = await request(params);`,
      settings: SETTINGS,
      output: `${OBSIDIAN}const params = { url: ${URL}, method: 'POST', body: ${BODY}, headers: ${ATTRIBUTION_OBJECT} };\nconst text = await request(params);`,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },

    // Electron's net.
    {
      code: `${ELECTRON}const response = await net.fetch(${URL}, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: ${BODY} });`,
      settings: SETTINGS,
      output: `${ELECTRON}const response = await net.fetch(${URL}, { method: 'POST', headers: { 'Content-Type': 'application/json', ${ATTRIBUTION} }, body: ${BODY} });`,
      errors: [{ messageId: 'missingReferer', line: 2, data: { site: 'this electron net request', client: 'electron net', where: 'an `HTTP-Referer` header in `headers`', option: '', fixHint: '' } }],
    },
    {
      code: `const { net } = require('electron');\nconst req = net.request({ method: 'POST', url: ${URL} });\nreq.setHeader('Content-Type', 'application/json');\nreq.write(${BODY});\nreq.end();`,
      settings: SETTINGS,
      output: `const { net } = require('electron');\nconst req = net.request({ method: 'POST', url: ${URL}, headers: ${ATTRIBUTION_OBJECT} });\nreq.setHeader('Content-Type', 'application/json');\nreq.write(${BODY});\nreq.end();`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: `import { net } from 'electron/main';\nconst req = net.request({ method: 'POST', protocol: 'https:', hostname: 'openrouter.ai', path: '/api/v1/embeddings' });\nreq.end(JSON.stringify({ model, input }));`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
  ],
};
