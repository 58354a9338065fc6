/**
 * Hostile and pathological inputs, one generator per class of defect: values whose alternatives
 * multiply, concatenation and spreads that grow with the file, shared constants read from thousands
 * of sites, regular-expression traps, values that flood messages, fixes in shapes that break naive
 * insertion. Shared by the hostile-input tests (`tests/hostile-inputs.test.ts`) and `npm run attack`,
 * which measures each against parsing the same file. `scale` (1 in tests) multiplies the sizes.
 */

const CHAT = "'https://openrouter.ai/api/v1/chat/completions'";
const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";

/** `n` string alternatives through nested conditionals: `c0 ? 'v0' : c1 ? 'v1' : ...`. */
function conditional(n, value) {
  let out = `'${value(n - 1)}'`;
  for (let index = n - 2; index >= 0; index--) out = `c${index} ? '${value(index)}' : ${out}`;
  return out;
}

const repeat = (count, make) => Array.from({ length: count }, (_, index) => make(index)).join('');

/** @type {import('./hostile-cases.d.mts').HostileCase[]} */
export const HOSTILE_CASES = [
  {
    name: 'url-construction fan-out',
    class: 'combinatorial resolution',
    make: (scale) => ({
      code: `const u0 = ${conditional(4, (i) => `https://h${i}.example/`)};\n${repeat(4 * scale, (i) => `const u${i + 1} = new URL(u${i}, u${i}).href;\n`)}fetch(u${4 * scale}, { body: JSON.stringify({ model: 'm', messages: [] }) });\nfetch(${CHAT}, { headers: { 'HTTP-Referer': u${4 * scale} } });\n`,
    }),
  },
  {
    name: 'template fan-out through constants',
    class: 'combinatorial resolution',
    // Each level reads the one below twenty times: 20^6 resolutions without memoisation.
    make: (scale) => ({
      code: `const t0 = ${conditional(20, (i) => `v${i}`)};\n${repeat(6 * scale, (i) => `const t${i + 1} = \`${repeat(20, () => `\${t${i}}`)}\`;\n`)}fetch(${CHAT}, { headers: { 'HTTP-Referer': t${6 * scale}, 'X-OpenRouter-Title': t${6 * scale} } });\n`,
    }),
  },
  {
    name: 'conditional fan-out through constants',
    class: 'combinatorial resolution',
    make: (scale) => ({
      code: `const u0 = ${conditional(20, (i) => `http://localhost:${i}`)};\n${repeat(6 * scale, (i) => `const u${i + 1} = ${repeat(19, (k) => `c${k} ? u${i} : `)}u${i};\n`)}fetch(${CHAT}, { headers: { 'HTTP-Referer': u${6 * scale} } });\n`,
    }),
  },
  {
    name: 'array join fan-out through constants',
    class: 'combinatorial resolution',
    make: (scale) => ({
      code: `const j0 = ${conditional(20, (i) => `game${i}`)};\n${repeat(6 * scale, (i) => `const j${i + 1} = [${repeat(20, () => `j${i}, `)}].join(',');\n`)}fetch(${CHAT}, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Categories': j${6 * scale} } });\n`,
    }),
  },
  {
    name: 'object spread fan-out through constants',
    class: 'combinatorial resolution',
    make: (scale) => ({
      code: `const h0 = { 'X-Title': 'Acme', a: 1 };\n${repeat(6 * scale, (i) => `const h${i + 1} = { ${repeat(20, () => `...h${i}, `)}k${i}: c ? 'a' : 'b' };\n`)}fetch(${CHAT}, { headers: h${6 * scale} });\nfetch(${CHAT}, { headers: { ...h${6 * scale}, ...h${6 * scale} } });\n`,
    }),
  },
  {
    name: 'headers built from many spreads',
    class: 'combinatorial resolution',
    make: (scale) => ({
      code: `const base = { 'X-Title': 'Acme', ${repeat(50, (i) => `k${i}: 'v', `)} };\nfetch(${CHAT}, { headers: { ${repeat(20_000 * scale, () => '...base, ')} } });\n`,
    }),
  },
  {
    name: 'template literal with many expressions',
    class: 'quadratic concatenation',
    make: (scale) => ({
      code: `const p = 'x';\nfetch(${CHAT}, { headers: { 'HTTP-Referer': \`https://acme.dev/${repeat(50_000 * scale, () => '${p}')}\` } });\n`,
    }),
  },
  {
    name: 'string concatenation chain',
    class: 'quadratic concatenation',
    make: (scale) => ({
      // JavaScript, and short of the depth where the parsers themselves overflow.
      filename: 'client.js',
      code: `const p = 'x';\nconst title = 'Acme'${repeat(2_500 * scale, () => ' + p')};\nfetch(${CHAT}, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': title } });\n`,
    }),
  },
  {
    name: 'join of many elements',
    class: 'quadratic concatenation',
    make: (scale) => ({
      code: `const c = 'game';\nfetch(${CHAT}, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Categories': [${repeat(50_000 * scale, () => 'c, ')}].join(',') } });\n`,
    }),
  },
  {
    name: 'thousands of sites sharing one headers constant',
    class: 'quadratic passes',
    make: (scale) => ({
      code: `const headers = { 'X-Title': 'Acme' };\n${repeat(20_000 * scale, () => `fetch(${CHAT}, { headers });\n`)}`,
    }),
  },
  {
    name: 'thousands of fixable sites',
    class: 'quadratic passes',
    make: (scale) => ({
      code: `${SDK}${repeat(5_000 * scale, () => 'new OpenRouter({ apiKey: k });\n')}`,
      settings: { referer: 'https://acme.dev', title: 'Acme Docs' },
    }),
  },
  {
    name: 'thousands of names bound from client modules',
    class: 'quadratic passes',
    make: (scale) => ({
      filename: 'client.js',
      code: `const { ${repeat(10_000 * scale, (i) => `r${i}, `)} } = require('axios');\nimport { ${repeat(10_000 * scale, (i) => `i${i}, `)} } from 'openai';\n${repeat(1_000 * scale, (i) => `r${i}.post(${CHAT}, {});\n`)}`,
    }),
  },
  {
    name: 'thousands of dynamic imports and forwarding wrappers',
    class: 'quadratic passes',
    make: (scale) => ({
      filename: 'client.js',
      code: `${repeat(3_000 * scale, (i) => `const w${i} = (...a) => import('node-fetch').then(({ default: f }) => f(...a));\nasync function g${i}() { const { OpenRouter } = await import('@openrouter/sdk'); return new OpenRouter({ apiKey: k }); }\n`)}w0(${CHAT}, { method: 'POST' });\n`,
    }),
  },
  {
    name: 'thousands of later writes and returns',
    class: 'quadratic passes',
    make: (scale) => ({
      code: `const h = { Authorization: 'x' };\n${repeat(3_000 * scale, (i) => `if (c${i % 7}) h.k${i} = 'v';\n`)}function make(x) {\n${repeat(3_000 * scale, (i) => `  if (x === ${i}) return { ['k${i}']: 'v', ...h };\n`)}  return h;\n}\n${repeat(2_000 * scale, () => `fetch(${CHAT}, { headers: h });\nfetch(${CHAT}, { headers: make(1) });\n`)}`,
    }),
  },
  {
    name: 'a defaulted parameter read thousands of times in a function called thousands of times',
    class: 'quadratic passes',
    make: (scale) => ({
      code: `function send(key, base = 'https://openrouter.ai/api/v1') {\n${repeat(3_000 * scale, (i) => `  fetch(base + '/chat/completions', { method: 'POST', headers: { Authorization: key, 'X-T${i}': base } });\n`)}}\n${repeat(3_000 * scale, (i) => `send('k${i}', 'https://api.vendor.example/v1');\n`)}`,
    }),
  },
  {
    name: 'a variable written many times and read thousands of times in nested loops',
    class: 'quadratic passes',
    make: (scale) => ({
      code: `function send(key, vendor) {\n  let url = ${CHAT};\n${repeat(15, (i) => `  url = url.replace(/\\/+$/, '') + '';\n`)}${repeat(200, () => 'for (const a of b) {\n')}${repeat(3_000 * scale, () => `fetch(url, { method: 'POST', headers: { Authorization: key } });\n`)}${repeat(200, () => '}\n')}}\n`,
    }),
  },
  {
    name: 'a provider map read at thousands of computed keys',
    class: 'combinatorial resolution',
    make: (scale) => ({
      code: `const P = {\n${repeat(200, (i) => `  p${i}: { baseUrl: 'https://h${i}.example/v1' },\n`)}  openrouter: { baseUrl: 'https://openrouter.ai/api/v1' },\n};\n${repeat(3_000 * scale, (i) => `{ const id = c${i} ? 'p${i % 200}' : (d ? 'openrouter' : 'p${(i + 1) % 200}'); fetch(P[id].baseUrl + '/chat/completions', { method: 'POST', headers: { Authorization: k } }); }\n`)}`,
    }),
  },
  {
    name: 'a provider map read at thousands of keys the code does not tell',
    class: 'combinatorial resolution',
    make: (scale) => ({
      code: `const P = {\n${repeat(7, (i) => `  p${i}: { baseUrl: 'https://h${i}.example/v1' },\n`)}  openrouter: { baseUrl: 'https://openrouter.ai/api/v1' },\n};\nfunction send(id, k) {\n${repeat(3_000 * scale, (i) => `  fetch(P[id].baseUrl + '/chat/completions', { method: 'POST', headers: { Authorization: k, 'X-N': '${i}' } });\n`)}}\n`,
    }),
  },
  {
    name: 'class with many fields and sites',
    class: 'quadratic passes',
    make: (scale) => ({
      code: `${SDK}class Client {\n${repeat(5_000 * scale, (i) => `  f${i} = { httpReferer: 'https://acme.dev/${i}' };\n  m${i}() { return new OpenRouter(this.f${i}); }\n`)}}\n`,
    }),
  },
  {
    name: 'thousands of clients stored in one class field',
    class: 'quadratic passes',
    make: (scale) => ({
      code: `import OpenAI from 'openai';\nclass Chat {\n${repeat(3_000 * scale, (i) => `  m${i}() { this.client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' }); }\n  r${i}(body) { return this.client.chat.completions.create(body); }\n`)}}\n`,
    }),
  },
  {
    name: 'deep member chain in a class',
    class: 'recursion depth',
    make: (scale) => ({
      // JavaScript: the TypeScript parser itself gives up near a depth of 1,000; ESLint's own passes handle this one.
      filename: 'client.js',
      code: `${SDK}class Client {\n  opts = { httpReferer: 'https://acme.dev' };\n  make() { return new OpenRouter(this.opts); }\n  deep() { return this${repeat(3_000 * scale, (i) => `.p${i % 10}`)}; }\n}\n`,
    }),
  },
  {
    name: 'deeply nested conditional value',
    class: 'recursion depth',
    make: (scale) => ({
      filename: 'client.js',
      code: `fetch(${CHAT}, { headers: { 'HTTP-Referer': ${repeat(2_000 * scale, (i) => `c${i} ? 'http://localhost:${i}' : `)}'x' } });\n`,
    }),
  },
  {
    name: 'constants that refer to each other in a cycle',
    class: 'recursion depth',
    make: () => ({
      code: `function f() {\n  const a = b + '/x';\n  const b = \`\${a}/y\`;\n  const h = { ...g };\n  const g = { ...h };\n  fetch(${CHAT}, { headers: { 'HTTP-Referer': a, ...h } });\n}\n`,
    }),
  },
  {
    name: 'long run of capitals in a title',
    class: 'regular-expression backtracking',
    make: (scale) => ({
      code: `fetch(${CHAT}, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': '${'A'.repeat(200_000 * scale)}' } });\n`,
    }),
  },
  {
    name: 'long run of capitals in the configured title',
    class: 'regular-expression backtracking',
    make: (scale) => ({
      code: `${SDK}new OpenRouter({ apiKey: k });\n`,
      settings: { referer: 'https://acme.dev', title: 'A'.repeat(200_000 * scale) },
    }),
  },
  {
    name: 'categories with hundreds of duplicate slugs',
    class: 'unbounded output',
    make: (scale) => ({
      code: repeat(200 * scale, () => `fetch(${CHAT}, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Categories': '${repeat(800, () => 'game,')}' } });\n`),
    }),
  },
  {
    name: 'categories with thousands of duplicate slugs',
    class: 'unbounded output',
    make: (scale) => ({
      code: `fetch(${CHAT}, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Categories': '${repeat(10_000 * scale, () => 'game,')}' } });\n`,
    }),
  },
  {
    name: 'categories with thousands of unknown slugs',
    class: 'unbounded output',
    make: (scale) => ({
      code: repeat(100 * scale, (j) => `fetch(${CHAT}, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Categories': '${repeat(300, (i) => `gmae-${i}-${j},`)}' } });\n`),
    }),
  },
  {
    name: 'project clients: thousands of entries, long names, and thousands of calls',
    class: 'unbounded output',
    make: (scale) => ({
      code: repeat(64, (i) => `import { create${i} } from '@acme/llm-${i}';\n`) + repeat(2_000 * scale, (i) => `create${i % 64}({ model: 'm' });\n`),
      settings: {
        referer: 'https://acme.dev',
        title: 'Acme Docs',
        clients: [
          ...Array.from({ length: 64 }, (_, i) => ({ module: `@acme/llm-${i}`, export: `create${i}`, call: 'call', options: { referer: 'siteUrl', title: 'siteName' } })),
          ...Array.from({ length: 100_000 * scale }, (_, i) => ({ module: 'x'.repeat(10_000), export: `e${i}`, call: 'neww', [`k${i}`]: 1 })),
        ],
      },
    }),
  },
  {
    name: 'settings with thousands of unknown keys and bad entries',
    class: 'unbounded output',
    make: (scale) => ({
      code: `${SDK}new OpenRouter({ apiKey: k });\n`,
      settings: {
        ...Object.fromEntries(Array.from({ length: 100_000 * scale }, (_, i) => [`titel${i}`, 'x'])),
        ['k'.repeat(1_000_000)]: 1,
        categories: Array.from({ length: 10_000 * scale }, (_, i) => `gmae-${i}`),
        additionalCategories: Array.from({ length: 10_000 * scale }, (_, i) => `Bad Slug ${i}`),
        additionalGenericTitleWords: Array.from({ length: 100_000 * scale }, (_, i) => `w${i}`),
      },
    }),
  },
  {
    name: 'many unsendable and placeholder values',
    class: 'unbounded output',
    make: (scale) => ({
      code: repeat(2_000 * scale, (i) => `fetch(${CHAT}, { headers: { 'HTTP-Referer': 'https://your-site.com/${'\u2014'.repeat(200)}${i}', 'X-Title': 'My AI App \u2014 ${'x'.repeat(500)}${i}' } });\n`),
    }),
  },
  {
    name: 'fix shapes: parenthesised callees and arguments, exported and shared objects',
    class: 'fixes',
    make: () => ({
      code: `${SDK}import * as sdk from '@openrouter/sdk';\nnew (OpenRouter);\nnew (sdk.OpenRouter);\nnew (OpenRouter)();\nnew (sdk.OpenRouter)((opts));\nfetch((${CHAT}));\nfetch((${CHAT}), ({ method: 'POST' }),);\nexport const headers = { 'X-Title': 'Acme' };\nfetch(${CHAT}, { headers });\nconst shared = {};\nfetch(${CHAT}, shared);\nfetch(${CHAT}, shared);\n`,
      settings: { referer: 'https://acme.dev/</script><!--', title: 'Acme </SCRIPT> <!-- Docs' },
    }),
  },
  {
    name: 'local wrappers: many client calls in one wrapper, thousands of its calls, wrappers of wrappers',
    class: 'combinatorial resolution',
    // Every call of a wrapper is analysed with its arguments: 64 calls per wrapper are followed.
    make: (scale) => ({
      code:
        `function post(url, body, headers = { 'X-Title': 'Acme' }) {\n${repeat(50, (i) => `  fetch(url, { method: 'POST', headers: { ...headers, 'X-Id': '${i}' }, body: JSON.stringify(body) });\n`)}}\n` +
        `function outer(url, headers) { return post(url, { model, messages }, headers); }\n` +
        repeat(2_000 * scale, (i) => `post(${CHAT}, { model, messages }, { Authorization: k${i} });\nouter(${CHAT}, { 'HTTP-Referer': 'https://acme.dev' });\n`),
    }),
  },
  {
    name: 'URL flow: one URL through thousands of calls, functions and unknown senders',
    class: 'combinatorial resolution',
    // The flow follows at most 2,000 values and nominates 128 calls a file; each is checked once.
    make: (scale) => ({
      code:
        `const OPENROUTER_URL = ${CHAT};\n` +
        repeat(200 * scale, (i) => `function f${i}(url, init) { return ${i === 0 ? 'transport' : `f${i - 1}`}(url, init); }\n`) +
        repeat(2_000 * scale, (i) => `f${(i * 7) % (200 * scale)}(OPENROUTER_URL, { headers: { Authorization: k${i} } });\nsend${i}(\`\${OPENROUTER_URL}\`, { headers: { 'X-Id': '${i}' } });\n`),
    }),
  },
  {
    name: 'URL flow: descriptors nested deep and stored in thousands of fields',
    class: 'combinatorial resolution',
    make: (scale) => ({
      code:
        `const BASE_URL_OPENROUTER = 'https://openrouter.ai/api/v1';\nconst d0 = { url: BASE_URL_OPENROUTER + '/chat/completions', headers: { Authorization: k } };\n` +
        repeat(1_000 * scale, (i) => `const d${i + 1} = { url: d${i}.url, headers: { ...d${i}.headers }, next: d${i} };\nrun${i % 50}(d${i + 1});\n`) +
        `class Client {\n  constructor() {\n${repeat(1_000 * scale, (i) => `    this.u${i + 1} = ${i === 0 ? 'BASE_URL_OPENROUTER' : `this.u${i}`};\n`)}  }\n  send() {\n${repeat(500 * scale, (i) => `    this.http(\`\${this.u${i + 1}}/chat/completions\`, { headers: { Authorization: k } });\n`)}  }\n}\n`,
    }),
  },
  {
    name: 'request objects: thousands of opens and header calls on one object, of requests by parts',
    class: 'quadratic passes',
    // Every `open()` reads the object's header calls: once per object, not once per request. Past 256
    // header calls an object's headers are unknown; past 16 combinations of parts a URL is.
    make: (scale) => ({
      code:
        `import https from 'node:https';\nconst xhr = new XMLHttpRequest();\n` +
        repeat(2_000 * scale, (i) => `xhr.open('POST', ${CHAT});\n${i < 200 ? `xhr.setRequestHeader('X-Id-${i}', v${i});\n` : ''}`) +
        `const other = new XMLHttpRequest();\n${repeat(300, (i) => `other.setRequestHeader('X-Id-${i}', v${i});\n`)}other.open('POST', ${CHAT});\n` +
        `const host = ${conditional(2, (i) => `h${i}.openrouter.ai`)};\nconst path = ${conditional(2, (i) => `/api/v${i}/chat/completions`)};\n` +
        `const hosts = ${conditional(16, (i) => `h${i}.openrouter.ai`)};\n` +
        repeat(1_000 * scale, (i) => `const req${i} = https.request({ hostname: ${i % 2 ? 'host' : 'hosts'}, port: c ? 443 : 8443, path, method: 'POST', headers: {} });\nreq${i}.setHeader('X-Id', v${i});\nreq${i}.end();\n`),
    }),
  },
  {
    name: 'static method reads a static field',
    class: 'correctness',
    make: () => ({
      code: `${SDK}class Client {\n  static opts = { apiKey: k };\n  opts = { httpReferer: 'https://acme.dev', appTitle: 'Acme' };\n  static make() { return new OpenRouter(this.opts); }\n}\n`,
    }),
  },
  {
    name: 'Effect Config: a long chain of defaults',
    class: 'recursion depth',
    make: () => ({
      // JavaScript, as for the deep member chain. Not scaled: near 2,000 links ESLint's own scope analysis overflows the stack.
      filename: 'client.js',
      code: `import { OpenRouterClient } from '@effect/ai-openrouter';\nimport { Config } from 'effect';\nOpenRouterClient.layerConfig({ title: Config.string('T')${repeat(1_000, (i) => `.pipe(Config.withDefault('t${i}'))`)} });\n`,
    }),
  },
  {
    name: 'thousands of requests through an instance method, a function taking the client, and a sibling request',
    class: 'quadratic passes',
    make: (scale) => ({
      code: `import { TokenJS } from 'token.js';\nimport { OpenRouterCore } from '@openrouter/sdk/core';\nimport { openRouterText } from '@tanstack/ai-openrouter';\nconst tokenjs = new TokenJS();\nconst core = new OpenRouterCore({ apiKey: key });\nconst adapter = openRouterText('m');\n${repeat(2_000 * scale, (i) => `tokenjs.chat.completions.create({ provider: 'openrouter', model: 'm${i}', messages });\nchatSend(core, { chatRequest: { model: 'm${i}', messages } }, { headers: { 'X-Title': 'Acme' } });\nchat({ adapter, messages, request: { headers: { 'X-Title': 'Acme' } } });\n`)}`,
    }),
  },
  {
    name: 'helper with thousands of returns, called by thousands of requests',
    class: 'quadratic passes',
    // Each call reads the helper's returns: once per helper, not once per call.
    make: (scale) => ({
      code:
        `function headers(n) {\n${repeat(2_000 * scale, (i) => `  if (n === ${i}) return { 'X-Id': 'v${i}' };\n`)}  return { 'HTTP-Referer': 'https://acme.dev' };\n}\n` +
        `function referer(n) {\n${repeat(2_000 * scale, (i) => `  if (n === ${i}) return 'https://h${i}.acme.dev';\n`)}  return 'https://acme.dev';\n}\n` +
        repeat(1_000 * scale, (i) => `fetch(${CHAT}, { headers: { ...headers(n${i}), 'HTTP-Referer': referer(n${i}) } });\n`),
    }),
  },
  {
    name: 'static field of a sealed class read by thousands of requests',
    class: 'quadratic passes',
    // Whether the class is sealed reads every use of its name: once per class, not once per read.
    make: (scale) => ({
      code: `class Api {\n  static HEADERS = { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' };\n  static URL = ${CHAT};\n}\n${repeat(4_000 * scale, () => `fetch(Api.URL, { headers: Api.HEADERS });\n`)}`,
    }),
  },
  {
    name: 'class with thousands of private methods, one of them giving thousands of requests their headers',
    class: 'quadratic passes',
    // Which member `this.#name` calls is found through an index of the class, not a pass over its body per call.
    make: (scale) => ({
      code: `class Client {\n${repeat(2_000 * scale, (i) => `  #m${i}() {}\n`)}  #headers() { return { 'HTTP-Referer': 'https://acme.dev' }; }\n  run() {\n${repeat(2_000 * scale, () => `    fetch(${CHAT}, { headers: this.#headers() });\n`)}  }\n}\nnew Client().run();\n`,
    }),
  },
];

/** A small seeded generator (mulberry32): the fuzzed programs are the same on every run. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random program of constants built from each other by templates, `+`, conditionals, `||`,
 * spreads, arrays joined and URL constructions, ending in OpenRouter sites that use them.
 */
export function fuzzedProgram(random, size) {
  const pick = (items) => items[Math.floor(random() * items.length)];
  const strings = ["'https://acme.dev'", "'http://localhost:3000'", "'game'", "'Acme'", 'process.env.SITE_URL'];
  const objects = ["{ 'X-Title': 'Acme' }", "{ 'HTTP-Referer': 'https://acme.dev' }", '{}'];
  const lines = [];
  for (let index = 0; index < size; index++) {
    const s = () => pick(strings);
    const o = () => pick(objects);
    const stringForms = [
      () => `\`\${${s()}}/\${${s()}}\``,
      () => `${s()} + ${s()}`,
      () => `c ? ${s()} : ${s()}`,
      () => `${s()} || ${s()}`,
      () => `new URL(${s()}, ${s()}).href`,
      () => `new URL(${s()}).origin`,
      () => `[${s()}, ${s()}].join(',')`,
    ];
    const objectForms = [() => `{ ...${o()}, ...${o()} }`, () => `{ ...${o()}, 'X-OpenRouter-Categories': ${s()} }`, () => `c ? ${o()} : ${o()}`];
    if (random() < 0.65) {
      lines.push(`const s${index} = ${pick(stringForms)()};`);
      strings.push(`s${index}`);
    } else {
      lines.push(`const o${index} = ${pick(objectForms)()};`);
      objects.push(`o${index}`);
    }
  }
  for (let index = 0; index < 6; index++) {
    lines.push(`fetch(${CHAT}, { headers: { ...${pick(objects)}, 'HTTP-Referer': ${pick(strings)}, 'X-Title': ${pick(strings)} } });`);
    lines.push(`new OpenRouter({ httpReferer: ${pick(strings)}, appCategories: ${pick(strings)} });`);
  }
  return `${SDK}${lines.join('\n')}\n`;
}
