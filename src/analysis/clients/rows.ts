/**
 * The clients this plugin knows: one row per way of sending a request to OpenRouter. Adding a
 * client is adding a row; the analysis reads nothing client-specific from anywhere else.
 */
import type { AttributionField } from '../domain/attribution-headers.js';

/** How the callee is reached: an export of a module (ESM import or `require`), or a global. */
export type ClientSource =
  | { readonly module: string; readonly exports: readonly string[] }
  | { readonly global: string };

/** When a construction or call is OpenRouter traffic. */
export type ClientGate =
  /** Always: the client talks to OpenRouter unless told otherwise. */
  | { readonly kind: 'always'; readonly unlessBaseUrl?: readonly string[] }
  /** Only when one of these options holds an OpenRouter base URL. */
  | { readonly kind: 'baseUrl'; readonly options: readonly string[] }
  /**
   * Only when the URL (an argument, or an option) is an OpenRouter endpoint that consumes tokens,
   * or an OpenRouter URL of unknown path whose body is a generation request (`{ model, messages }`).
   */
  | {
      readonly kind: 'tokenUrl';
      readonly url: RequestPart | AssembledUrl;
      /** Absent where the body goes with another call (`xhr.send(body)`). */
      readonly body?: RequestPart;
      readonly method?: RequestMethod;
    };

/** Where a request takes a part: a call argument, or an option of its options object. */
export type RequestPart = { readonly argument: number } | { readonly option: string };

/**
 * A URL assembled from options (`{ hostname, port, path }` of node's `http.request`): the first set
 * option of each list gives its piece. Only the host and path tell whether it is an OpenRouter token
 * request, so the scheme is not read.
 */
export interface AssembledUrl {
  readonly host: readonly string[];
  readonly port: readonly string[];
  readonly path: readonly string[];
}

/**
 * Where a request names its HTTP method. Only a POST consumes tokens: a request whose method is
 * certainly another is not a site, nor one that names none where the client then never POSTs.
 */
export interface RequestMethod {
  readonly part: RequestPart;
  /** What a request that names no method sends: `GET` (never a POST), or a POST when it has a body (sse.js). Absent: not documented. */
  readonly unnamed?: 'GET' | 'POST with a body';
}

export interface ClientRow {
  readonly id: string;
  /** How messages name the client. */
  readonly label: string;
  readonly sources: readonly ClientSource[];
  /** `new X()`, `x()`, or any call through the binding (`x('model')`, `x.chat('model')`). */
  readonly call: 'new' | 'call' | 'any-use';
  /** Calls go through these methods of the export (`axios.post`); `''` is the export called itself. */
  readonly methods?: readonly string[];
  /**
   * The request is this method's call on the variable that holds the construction
   * (`const xhr = new XMLHttpRequest(); xhr.open(method, url)`), not the construction itself.
   */
  readonly requestCall?: string;
  readonly gate: ClientGate;
  /** Which argument holds the options (or the `init` of fetch); `after-model` skips a leading model name. */
  readonly optionsArgument: number | 'after-model';
  /** Options that carry attribution directly; the first name of each is the one a fix writes. */
  readonly options: Readonly<Partial<Record<AttributionField, readonly string[]>>>;
  /** The option holding free-form headers (a dotted path for nested options), where the client has one. */
  readonly headersOption: string | null;
  /** Options that replace `headersOption` when set, first match winning (langchain's `defaultHeaders` over `baseOptions.headers`). */
  readonly headersOverrides?: readonly string[];
  /** Options read when neither those nor `headersOption` is set (older versions' names); a fix still writes `headersOption`. */
  readonly headersFallbacks?: readonly string[];
  /**
   * An option of another argument that replaces these options key by key (langchain's `fields.configuration`
   * over its legacy second argument): where it may be set, the options are not known.
   */
  readonly overriddenBy?: { readonly argument: number; readonly option: string };
  /**
   * Headers are also set by calls of this method, `(name, value)`, on the request object: the one the
   * call returns (`req.setHeader()` on node's `ClientRequest`) or the one it is called on
   * (`xhr.setRequestHeader()` after `xhr.open()`). Known only where every use of that object is in sight.
   */
  readonly headerSetter?: { readonly method: string; readonly object: 'result' | 'receiver' };
  /** Options the client ignores although users put attribution there. */
  readonly ignoredOptions: readonly string[];
  /** Options that take the API key (dotted paths for nested options). */
  readonly apiKeyOptions: readonly string[];
  /** How the categories option takes its value: `'a,b'` or `['a', 'b']`. */
  readonly categoriesForm: 'comma-string' | 'array';
  /** The client sends no attribution and takes none: its use is itself the finding. */
  readonly attributionless?: true;
  /**
   * Calls through the client take request options in this argument (`create(body, options)`), whose
   * `headers` are merged over the construction's, a `null` value removing a default header and
   * `undefined` leaving it (openai's `buildHeaders`, read in openai 6).
   */
  readonly nullableRequestHeaders?: { readonly argument: number };
  /**
   * The construction is a request object sent later (`fetch(request)`): wherever it may be sent with an
   * `init` of its own, which replaces its headers, or be changed before it is sent, it is not known.
   */
  readonly sentLater?: true;
  /** What the supported-clients table in the docs says of the row beyond its data (the table is generated). */
  readonly docs?: string;
}

type RowDefaults = 'optionsArgument' | 'options' | 'headersOption' | 'ignoredOptions' | 'apiKeyOptions' | 'categoriesForm';

/** A row with the common defaults: options in the first argument, free headers only, nothing ignored, no key option. */
function client(row: Omit<ClientRow, RowDefaults> & Partial<Pick<ClientRow, RowDefaults>>): ClientRow {
  return { optionsArgument: 0, options: {}, headersOption: null, ignoredOptions: [], apiKeyOptions: [], categoriesForm: 'comma-string', ...row };
}

/**
 * The two rows of an HTTP library: requests (`lib.post(url, options)`), which count when they
 * consume tokens, and instances bound to a base URL (`lib.create({ baseURL, headers })`).
 */
function httpLibrary(
  label: string,
  sources: readonly ClientSource[],
  shape: {
    request: { methods: readonly string[]; optionsArgument: number; body: RequestPart };
    instance: { methods: readonly string[]; baseUrl: readonly string[] };
    docs?: string;
  },
): ClientRow[] {
  const common = { label, sources, call: 'call', headersOption: 'headers', ...(shape.docs ? { docs: shape.docs } : {}) } as const;
  return [
    client({
      ...common,
      id: `${label}-request`,
      methods: shape.request.methods,
      gate: { kind: 'tokenUrl', url: { argument: 0 }, body: shape.request.body },
      optionsArgument: shape.request.optionsArgument,
    }),
    client({ ...common, id: `${label}-instance`, methods: shape.instance.methods, gate: { kind: 'baseUrl', options: shape.instance.baseUrl } }),
  ];
}

/** @langchain/openai and the `langchain` package's own entry points before it (0.0.x, deprecated in 0.1). */
const LANGCHAIN_OPENAI_SOURCES: readonly ClientSource[] = [
  { module: '@langchain/openai', exports: ['ChatOpenAI', 'OpenAI', 'OpenAIEmbeddings'] },
  { module: 'langchain/chat_models/openai', exports: ['ChatOpenAI'] },
  { module: 'langchain/llms/openai', exports: ['OpenAI', 'OpenAIChat'] },
  { module: 'langchain/embeddings/openai', exports: ['OpenAIEmbeddings'] },
];

/** node's `http` and `https`, with or without `node:`: `https.request()` through the module, or `request` imported or required. */
const NODE_HTTP_SOURCES: readonly ClientSource[] = ['http', 'https', 'node:http', 'node:https'].map((module) => ({
  module,
  exports: ['request', 'default', 'module.exports'],
}));

/** Electron's `net`, of the main process and of utility processes. */
const ELECTRON_NET_SOURCES: readonly ClientSource[] = ['electron', 'electron/main', 'electron/utility'].map((module) => ({ module, exports: ['net'] }));

/** A POST through fetch's `init` (`method` unset is a GET). */
const FETCH_METHOD: RequestMethod = { part: { option: 'method' }, unnamed: 'GET' };

/** axios imported or required, or the browser global that its `<script>` build defines. */
const AXIOS_SOURCES: readonly ClientSource[] = [{ module: 'axios', exports: ['default', 'module.exports'] }, { global: 'axios' }];

export const CLIENTS: readonly ClientRow[] = [
  client({
    id: 'openrouter-sdk',
    label: '@openrouter/sdk',
    sources: [{ module: '@openrouter/sdk', exports: ['OpenRouter'] }],
    call: 'new',
    // `serverURL` (read in 1.3): a server other than OpenRouter's is a proxy the file does not show.
    gate: { kind: 'always', unlessBaseUrl: ['serverURL'] },
    options: { referer: ['httpReferer'], title: ['appTitle', 'xTitle'], categories: ['appCategories'] },
    ignoredOptions: ['defaultHeaders', 'headers'],
    apiKeyOptions: ['apiKey'],
  }),
  client({
    id: 'openai',
    label: 'openai',
    sources: [{ module: 'openai', exports: ['OpenAI', 'default', 'module.exports'] }],
    call: 'new',
    gate: { kind: 'baseUrl', options: ['baseURL'] },
    headersOption: 'defaultHeaders',
    nullableRequestHeaders: { argument: 1 },
    apiKeyOptions: ['apiKey'],
  }),
  // openai 3: `new OpenAIApi(new Configuration({ basePath, baseOptions: { headers } }))`, its requests axios calls.
  client({
    id: 'openai-v3',
    label: 'openai',
    sources: [{ module: 'openai', exports: ['Configuration'] }],
    call: 'new',
    gate: { kind: 'baseUrl', options: ['basePath'] },
    headersOption: 'baseOptions.headers',
    apiKeyOptions: ['apiKey'],
    docs: 'openai 3\'s `Configuration`, handed to `new OpenAIApi()`',
  }),
  client({
    id: 'ai-sdk-provider',
    label: '@openrouter/ai-sdk-provider',
    sources: [{ module: '@openrouter/ai-sdk-provider', exports: ['createOpenRouter'] }],
    call: 'call',
    gate: { kind: 'always', unlessBaseUrl: ['baseURL', 'baseUrl'] },
    options: { referer: ['appUrl'], title: ['appName'] },
    headersOption: 'headers',
    apiKeyOptions: ['apiKey'],
  }),
  client({
    id: 'ai-sdk-provider-default',
    label: '@openrouter/ai-sdk-provider',
    sources: [{ module: '@openrouter/ai-sdk-provider', exports: ['openrouter'] }],
    call: 'any-use',
    gate: { kind: 'always' },
    optionsArgument: -1,
    attributionless: true,
    docs: 'the ready-made `openrouter` export sends no attribution: its use is reported unless the call passes attribution headers',
  }),
  client({
    id: 'fetch',
    label: 'fetch',
    sources: [
      { global: 'fetch' },
      { module: 'node-fetch', exports: ['default', 'module.exports'] },
      { module: 'cross-fetch', exports: ['default', 'fetch', 'module.exports'] },
      { module: 'undici', exports: ['fetch'] },
    ],
    call: 'call',
    gate: { kind: 'tokenUrl', url: { argument: 0 }, body: { option: 'body' } },
    optionsArgument: 1,
    headersOption: 'headers',
    docs: 'headers as an object, `new Headers({ ... })` or name/value pairs',
  }),
  client({
    id: 'fetch-request',
    label: 'fetch',
    sources: [
      { global: 'Request' },
      { module: 'node-fetch', exports: ['Request'] },
      { module: 'cross-fetch', exports: ['Request'] },
      { module: 'undici', exports: ['Request'] },
    ],
    call: 'new',
    gate: { kind: 'tokenUrl', url: { argument: 0 }, body: { option: 'body' } },
    optionsArgument: 1,
    headersOption: 'headers',
    sentLater: true,
    docs: '`new Request(url, init)` only where it is sent as it is (`fetch(request)`)',
  }),
  client({
    id: 'ai-sdk-openai',
    label: '@ai-sdk/openai',
    sources: [{ module: '@ai-sdk/openai', exports: ['createOpenAI'] }],
    call: 'call',
    gate: { kind: 'baseUrl', options: ['baseURL', 'baseUrl'] },
    headersOption: 'headers',
    // `defaultHeaders` is the openai SDK's name; this provider takes `headers` and drops the rest.
    ignoredOptions: ['defaultHeaders'],
    apiKeyOptions: ['apiKey'],
  }),
  client({
    id: 'ai-sdk-openai-compatible',
    label: '@ai-sdk/openai-compatible',
    sources: [{ module: '@ai-sdk/openai-compatible', exports: ['createOpenAICompatible'] }],
    call: 'call',
    gate: { kind: 'baseUrl', options: ['baseURL'] },
    headersOption: 'headers',
    apiKeyOptions: ['apiKey'],
  }),
  client({
    id: 'langchain-openai',
    label: '@langchain/openai',
    sources: LANGCHAIN_OPENAI_SOURCES,
    call: 'new',
    // Up to 0.3 `configuration` took openai 3's names too: `basePath`, and `baseOptions.headers` under `defaultHeaders`.
    gate: { kind: 'baseUrl', options: ['configuration.baseURL', 'configuration.basePath'] },
    optionsArgument: 'after-model',
    headersOption: 'configuration.defaultHeaders',
    headersFallbacks: ['configuration.baseOptions.headers'],
    apiKeyOptions: ['apiKey', 'openAIApiKey', 'configuration.apiKey'],
  }),
  // `new ChatOpenAI(fields, { basePath, baseOptions: { headers } })`: the openai-v3 configuration, read as a second
  // argument up to @langchain/openai 0.3 (and by the `langchain` 0.0.x entry points); 0.4 dropped the argument.
  client({
    id: 'langchain-openai-legacy',
    label: '@langchain/openai',
    sources: LANGCHAIN_OPENAI_SOURCES,
    call: 'new',
    gate: { kind: 'baseUrl', options: ['baseURL', 'basePath'] },
    optionsArgument: 1,
    headersOption: 'baseOptions.headers',
    // Its openai-v4 releases spread the argument over the converted `basePath` and `baseOptions.headers`.
    headersOverrides: ['defaultHeaders'],
    overriddenBy: { argument: 0, option: 'configuration' },
    apiKeyOptions: ['apiKey'],
    docs: 'the legacy second argument (`basePath`, `baseOptions.headers`), read up to 0.3',
  }),
  client({
    id: 'langchain-openrouter',
    label: '@langchain/openrouter',
    sources: [{ module: '@langchain/openrouter', exports: ['ChatOpenRouter'] }],
    call: 'new',
    gate: { kind: 'always', unlessBaseUrl: ['baseURL'] },
    optionsArgument: 'after-model',
    // Unset, `siteUrl` falls back to LangChain's own site: the traffic is credited to LangChain.
    options: { referer: ['siteUrl'], title: ['siteName'], categories: ['appCategories'] },
    categoriesForm: 'array',
    apiKeyOptions: ['apiKey'],
    docs: 'unset, `siteUrl` credits the traffic to LangChain\'s own site',
  }),
  client({
    id: 'llamaindex-openai',
    label: '@llamaindex/openai',
    sources: [
      { module: '@llamaindex/openai', exports: ['OpenAI', 'OpenAIEmbedding'] },
      // LlamaIndex.TS exported its OpenAI classes from the `llamaindex` package itself (0.5 and before it).
      { module: 'llamaindex', exports: ['OpenAI', 'OpenAIEmbedding'] },
    ],
    call: 'new',
    gate: { kind: 'baseUrl', options: ['baseURL', 'additionalSessionOptions.baseURL'] },
    headersOption: 'additionalSessionOptions.defaultHeaders',
    apiKeyOptions: ['apiKey'],
  }),
  client({
    id: 'openrouter-kit',
    label: 'openrouter-kit',
    sources: [{ module: 'openrouter-kit', exports: ['OpenRouterClient', 'OpenRouter', 'default'] }],
    call: 'new',
    gate: { kind: 'always' },
    // Without its own headers the library sends its own URL and title.
    headersOption: 'axiosConfig.headers',
    ignoredOptions: ['referer', 'title'],
    apiKeyOptions: ['apiKey'],
    docs: 'without its own headers the library sends its own URL and title',
  }),
  ...httpLibrary('axios', AXIOS_SOURCES, {
    request: { methods: ['post'], optionsArgument: 2, body: { argument: 1 } },
    instance: { methods: ['create'], baseUrl: ['baseURL'] },
  }),
  // `axios({ url, data, headers })`: everything in one config object.
  client({
    id: 'axios-config',
    label: 'axios',
    sources: AXIOS_SOURCES,
    call: 'call',
    methods: ['', 'request'],
    gate: { kind: 'tokenUrl', url: { option: 'url' }, body: { option: 'data' } },
    headersOption: 'headers',
  }),
  ...httpLibrary('ky', [{ module: 'ky', exports: ['default'] }], {
    request: { methods: ['', 'post'], optionsArgument: 1, body: { option: 'json' } },
    // ky 2 renamed `prefixUrl` to `baseUrl` and `prefix`.
    instance: { methods: ['create', 'extend'], baseUrl: ['prefixUrl', 'baseUrl', 'prefix'] },
    docs: 'ky 2 renamed `prefixUrl` to `baseUrl` and `prefix`',
  }),
  ...httpLibrary('got', [{ module: 'got', exports: ['default', 'got'] }], {
    request: { methods: ['', 'post'], optionsArgument: 1, body: { option: 'json' } },
    instance: { methods: ['extend'], baseUrl: ['prefixUrl'] },
  }),
  // Nuxt and Nitro auto-import `$fetch` (ofetch's): a global there whenever the file does not declare it.
  ...httpLibrary('ofetch', [{ module: 'ofetch', exports: ['ofetch', '$fetch'] }, { global: '$fetch' }], {
    request: { methods: [''], optionsArgument: 1, body: { option: 'body' } },
    instance: { methods: ['create'], baseUrl: ['baseURL'] },
    docs: 'Nuxt and Nitro auto-import `$fetch`',
  }),
  // node's `http.request(url, options?, callback?)` and `http.request(options, callback?)`, read in @types/node
  // 26.6 and node's docs: the method is GET unless named (`get` sends no body, so it is never a site); headers
  // in `headers`, or set on the returned `ClientRequest` with `setHeader()` before it is sent.
  client({
    id: 'node-http-url',
    label: 'node http(s)',
    sources: NODE_HTTP_SOURCES,
    call: 'call',
    methods: ['', 'request'],
    gate: { kind: 'tokenUrl', url: { argument: 0 }, method: { part: { option: 'method' }, unnamed: 'GET' } },
    optionsArgument: 1,
    headersOption: 'headers',
    headerSetter: { method: 'setHeader', object: 'result' },
    docs: 'the URL as an argument, or as `hostname` (or `host`), `port` and `path` options; `get` sends no body, so it is never a request that counts',
  }),
  client({
    id: 'node-http-options',
    label: 'node http(s)',
    sources: NODE_HTTP_SOURCES,
    call: 'call',
    methods: ['', 'request'],
    gate: {
      kind: 'tokenUrl',
      url: { host: ['hostname', 'host'], port: ['port'], path: ['path'] },
      method: { part: { option: 'method' }, unnamed: 'GET' },
    },
    headersOption: 'headers',
    headerSetter: { method: 'setHeader', object: 'result' },
  }),
  // The browser's `XMLHttpRequest` (TypeScript's lib.dom): `open(method, url)` is the request, its headers the
  // `setRequestHeader()` calls on the same object, its body `send(body)`.
  client({
    id: 'xmlhttprequest',
    label: 'XMLHttpRequest',
    sources: [{ global: 'XMLHttpRequest' }],
    call: 'new',
    requestCall: 'open',
    gate: { kind: 'tokenUrl', url: { argument: 1 }, method: { part: { argument: 0 } } },
    optionsArgument: -1,
    headerSetter: { method: 'setRequestHeader', object: 'receiver' },
    docs: 'the request is `open()` on a variable holding `new XMLHttpRequest()`, its headers that variable\'s `setRequestHeader()` calls',
  }),
  // Userscript managers' request function (@types/tampermonkey 5.5, @types/greasemonkey 4.0): one details object.
  client({
    id: 'gm-xmlhttprequest',
    label: 'GM_xmlhttpRequest',
    sources: [{ global: 'GM_xmlhttpRequest' }],
    call: 'call',
    gate: { kind: 'tokenUrl', url: { option: 'url' }, body: { option: 'data' }, method: { part: { option: 'method' } } },
    headersOption: 'headers',
    docs: 'userscripts (Tampermonkey\'s `GM_xmlhttpRequest`, Greasemonkey 4\'s `GM.xmlHttpRequest`)',
  }),
  client({
    id: 'gm-xmlhttprequest-promise',
    label: 'GM_xmlhttpRequest',
    sources: [{ global: 'GM' }],
    call: 'call',
    methods: ['xmlHttpRequest'],
    gate: { kind: 'tokenUrl', url: { option: 'url' }, body: { option: 'data' }, method: { part: { option: 'method' } } },
    headersOption: 'headers',
  }),
  // undici 7.30's `request(url, options)`: the method is `options.method`, else PUT with a body and GET without.
  client({
    id: 'undici-request',
    label: 'undici',
    sources: [{ module: 'undici', exports: ['request'] }],
    call: 'call',
    gate: { kind: 'tokenUrl', url: { argument: 0 }, body: { option: 'body' }, method: { part: { option: 'method' }, unnamed: 'GET' } },
    optionsArgument: 1,
    headersOption: 'headers',
    docs: '`request(url, { method, headers, body })`; its `fetch` is the `fetch` row',
  }),
  // @microsoft/fetch-event-source 2.0: fetch's `init` with callbacks, sent through fetch.
  client({
    id: 'fetch-event-source',
    label: '@microsoft/fetch-event-source',
    sources: [{ module: '@microsoft/fetch-event-source', exports: ['fetchEventSource'] }],
    call: 'call',
    gate: { kind: 'tokenUrl', url: { argument: 0 }, body: { option: 'body' }, method: FETCH_METHOD },
    optionsArgument: 1,
    headersOption: 'headers',
  }),
  // sse.js 2.8: `options.method`, else POST with a payload and GET without.
  client({
    id: 'sse-js',
    label: 'sse.js',
    sources: [{ module: 'sse.js', exports: ['SSE'] }],
    call: 'new',
    gate: { kind: 'tokenUrl', url: { argument: 0 }, body: { option: 'payload' }, method: { part: { option: 'method' }, unnamed: 'POST with a body' } },
    optionsArgument: 1,
    headersOption: 'headers',
  }),
  // obsidian 1.13's `requestUrl(RequestUrlParam | string)` and `request(...)`; the default method is not documented.
  client({
    id: 'obsidian-request',
    label: 'obsidian',
    sources: [{ module: 'obsidian', exports: ['requestUrl', 'request'] }],
    call: 'call',
    gate: { kind: 'tokenUrl', url: { option: 'url' }, body: { option: 'body' }, method: { part: { option: 'method' } } },
    headersOption: 'headers',
    docs: 'Obsidian plugins\' HTTP client',
  }),
  // electron 41's `net` (main process): `net.fetch(url, init)`, and `net.request(options)` whose `ClientRequest`
  // takes headers with `setHeader()` too; `options.method` defaults to GET.
  client({
    id: 'electron-net-fetch',
    label: 'electron net',
    sources: ELECTRON_NET_SOURCES,
    call: 'call',
    methods: ['fetch'],
    gate: { kind: 'tokenUrl', url: { argument: 0 }, body: { option: 'body' }, method: FETCH_METHOD },
    optionsArgument: 1,
    headersOption: 'headers',
  }),
  client({
    id: 'electron-net-request',
    label: 'electron net',
    sources: ELECTRON_NET_SOURCES,
    call: 'call',
    methods: ['request'],
    gate: { kind: 'tokenUrl', url: { option: 'url' }, method: { part: { option: 'method' }, unnamed: 'GET' } },
    headersOption: 'headers',
    headerSetter: { method: 'setHeader', object: 'result' },
  }),
  client({
    id: 'electron-net-request-parts',
    label: 'electron net',
    sources: ELECTRON_NET_SOURCES,
    call: 'call',
    methods: ['request'],
    gate: {
      kind: 'tokenUrl',
      url: { host: ['hostname', 'host'], port: ['port'], path: ['path'] },
      method: { part: { option: 'method' }, unnamed: 'GET' },
    },
    headersOption: 'headers',
    headerSetter: { method: 'setHeader', object: 'result' },
  }),
];

/** The module names of every row, to decide quickly whether a file can hold a site. */
export const CLIENT_MODULES: ReadonlySet<string> = new Set(
  CLIENTS.flatMap((row) => row.sources.flatMap((source) => ('module' in source ? [source.module] : []))),
);
