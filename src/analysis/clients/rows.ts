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
    }
  /**
   * Only when this argument or option certainly holds one of these strings (token.js's `provider: 'openrouter'`,
   * multi-llm-ts's `igniteEngine('openrouter', config)`), and no base URL option names another host.
   */
  | {
      readonly kind: 'value';
      readonly of: RequestPart;
      readonly values: readonly string[];
      /** The values are prefixes the text starts with (Mastra's `model: 'openrouter/…'`). */
      readonly prefix?: true;
      readonly unlessBaseUrl?: readonly string[];
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
   * The sites are calls of this method (a dotted path) of the constructed instance, not the construction:
   * `new OpenRouter().chatModel(options)`, `tokenjs.chat.completions.create(body)`, `xhr.open(method, url)` of
   * `const xhr = new XMLHttpRequest()`, on the instance itself or on a variable that always holds it. Options and
   * gate are read from that call.
   */
  readonly instanceMethod?: string;
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
  /** Where its headers go when no option of its own takes them (`the headers of \`http_client\``), for messages. */
  readonly headersPlace?: string;
  /** Options the client ignores although users put attribution there. */
  readonly ignoredOptions: readonly string[];
  /** Options that take the API key (dotted paths for nested options). */
  readonly apiKeyOptions: readonly string[];
  /** How the categories option takes its value: `'a,b'` or `['a', 'b']`. */
  readonly categoriesForm: 'comma-string' | 'array';
  /** The client sends no attribution and takes none: its use is itself the finding. */
  readonly attributionless?: true;
  /** The client sends another app's identity, which the user cannot replace: its use is itself the finding. */
  readonly foreignIdentity?: {
    readonly referer: string;
    /** Empty when the library sends a referer alone. */
    readonly title: string;
    /** The library sends it only when the app gives no referer of its own (LiteLLM, CrewAI): a referer the app gives replaces it. */
    readonly unlessGiven?: true;
  };
  /** What a finding on an attributionless or foreign-identity row tells the user to use instead (a sentence without its full stop). */
  readonly instead?: string;
  /**
   * Functions take the stored client as their first argument (`chatSend(core, request, options)`, the
   * SDK's standalone functions): their other arguments are requests, which may carry attribution.
   */
  readonly clientArgumentCalls?: true;
  /**
   * The client is handed to a call as a property of an object whose option of this name holds per-call
   * request options with `headers` (`chat({ adapter, request: { headers } })`, @tanstack/ai).
   */
  readonly siblingRequestOptions?: string;
  /**
   * Where the options of a request through the client take headers, when not in `headers` (Mastra's
   * `agent.generate(messages, { modelSettings: { headers } })`), the first found winning. An attributionless
   * row with them is reported only where no request may pass attribution.
   */
  readonly requestHeadersOptions?: readonly string[];
  /** Options through which the client may send headers the file cannot read (a function that transforms it): where set, nothing left out is certain. */
  readonly opaqueOptions?: readonly string[];
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

/** A client that takes no attribution from the user (none at all, or another app's fixed identity): its use is itself the finding. */
export function takesNoAttribution(row: ClientRow): boolean {
  return !!row.attributionless || !!row.foreignIdentity;
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

/** @openrouter/sdk's attribution options (1.3.19; `xTitle` up to 0.9), taken by the clients built on it too. */
const SDK_ATTRIBUTION = {
  options: { referer: ['httpReferer'], title: ['appTitle', 'xTitle'], categories: ['appCategories'] },
  ignoredOptions: ['defaultHeaders', 'headers'],
  apiKeyOptions: ['apiKey'],
} as const;

/**
 * @tanstack/ai-openrouter 0.19.6: adapters built on @openrouter/sdk, whose options they pass on (the image and video
 * adapters as `{ ...config, serverURL: config.baseURL }`). Per call, `chat({ adapter, request: { headers } })`.
 */
function tanstackRow(id: string, row: Pick<ClientRow, 'call' | 'optionsArgument'> & { exports: readonly string[]; docs: string }): ClientRow {
  return client({
    id,
    label: '@tanstack/ai-openrouter',
    sources: [{ module: '@tanstack/ai-openrouter', exports: row.exports }],
    call: row.call,
    gate: { kind: 'always', unlessBaseUrl: ['serverURL', 'baseURL'] },
    optionsArgument: row.optionsArgument,
    ...SDK_ATTRIBUTION,
    siblingRequestOptions: 'request',
    docs: row.docs,
  });
}

const TANSTACK_KINDS = ['Text', 'ResponsesText', 'Summarize', 'Image', 'Video', 'Rerank'];

const TANSTACK_ROWS: readonly ClientRow[] = [
  tanstackRow('tanstack-ai-openrouter', {
    call: 'call',
    exports: TANSTACK_KINDS.map((kind) => `openRouter${kind}`),
    optionsArgument: 1,
    docs: '`openRouterText(model, config)` and its siblings; a call without options sends no attribution',
  }),
  tanstackRow('tanstack-ai-openrouter-key', {
    call: 'call',
    exports: TANSTACK_KINDS.map((kind) => `createOpenRouter${kind}`),
    optionsArgument: 2,
    docs: '`createOpenRouterText(model, apiKey, config)` and its siblings',
  }),
  tanstackRow('tanstack-ai-openrouter-adapter', {
    call: 'new',
    // `OpenRouterSummarizeAdapter` is a class of the versions before 0.7 only.
    exports: TANSTACK_KINDS.map((kind) => `OpenRouter${kind}Adapter`),
    optionsArgument: 0,
    docs: 'the adapter classes, `new OpenRouterTextAdapter(config, model)`',
  }),
];

/** `import { OpenRouterClient } from '@effect/ai-openrouter'`, then `OpenRouterClient.layer({ ... })`. */
const EFFECT_SOURCES: readonly ClientSource[] = [{ module: '@effect/ai-openrouter', exports: ['OpenRouterClient'] }];

/** What to use instead of a library that cannot send the app's attribution (a finding's last sentence, without its full stop). */
const ATTRIBUTED_CLIENTS = "Call OpenRouter through @openrouter/sdk (`httpReferer`, `appTitle`) or the `openai` SDK with the app's `HTTP-Referer` in `defaultHeaders`";

/** multi-llm-ts 5.1.1: its OpenRouter engine makes `new OpenAI({ apiKey, baseURL })` and no option reaches the headers. */
function multiLlmRow(id: string, row: Pick<ClientRow, 'sources' | 'call' | 'gate' | 'optionsArgument'>): ClientRow {
  return client({ id, label: 'multi-llm-ts', ...row, attributionless: true, instead: ATTRIBUTED_CLIENTS, docs: '5.1.1: the OpenRouter engine takes no headers' });
}

const ADALINE_ATTRIBUTION = {
  options: { referer: ['openRouterReferer'], title: ['openRouterTitle'] },
  apiKeyOptions: ['apiKey'],
} as const;

/** openai 3's `new Configuration({ basePath, baseOptions: { headers } })`, handed to `new OpenAIApi()` (openai-edge copies it). */
const OPENAI_V3_CONFIGURATION = {
  call: 'new',
  gate: { kind: 'baseUrl', options: ['basePath'] },
  headersOption: 'baseOptions.headers',
  apiKeyOptions: ['apiKey'],
} as const satisfies Partial<ClientRow>;

/** A function handed the options of `new OpenAI()` (genkit's plugins): the base URL gates, `defaultHeaders` carry attribution. */
const OPENAI_OPTIONS_CALL = {
  call: 'call',
  gate: { kind: 'baseUrl', options: ['baseURL'] },
  headersOption: 'defaultHeaders',
  apiKeyOptions: ['apiKey'],
} as const satisfies Partial<ClientRow>;

/** `createOpenRouter(options)` of @openrouter/ai-sdk-provider, and of the packages that hand their options to it. */
const AI_SDK_PROVIDER_OPTIONS = {
  call: 'call',
  gate: { kind: 'always', unlessBaseUrl: ['baseURL', 'baseUrl'] },
  options: { referer: ['appUrl'], title: ['appName'] },
  headersOption: 'headers',
  apiKeyOptions: ['apiKey'],
} as const satisfies Partial<ClientRow>;

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
    // A request's options send `headers`, else `fetchOptions.headers` (`RequestOptions` in the SDK's lib/sdks.ts).
    requestHeadersOptions: ['headers', 'fetchOptions.headers'],
    // @openrouter/agent's `callModel(client, request, { headers })` takes this client too.
    clientArgumentCalls: true,
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
    ...OPENAI_V3_CONFIGURATION,
    docs: 'openai 3\'s `Configuration`, handed to `new OpenAIApi()`',
  }),
  client({
    id: 'ai-sdk-provider',
    label: '@openrouter/ai-sdk-provider',
    sources: [{ module: '@openrouter/ai-sdk-provider', exports: ['createOpenRouter'] }],
    ...AI_SDK_PROVIDER_OPTIONS,
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
  // Clients that take @openrouter/sdk's options or their own, and SDKs of other vendors pointed at OpenRouter,
  // each read from its published package (the version read is in the comment or docs).
  client({
    id: 'openrouter-sdk-core',
    label: '@openrouter/sdk',
    // `@openrouter/sdk` itself exports no `OpenRouterCore` (1.3.19): it comes from the `/core` subpath.
    sources: [
      { module: '@openrouter/sdk/core', exports: ['OpenRouterCore'] },
      { module: '@openrouter/sdk/core.js', exports: ['OpenRouterCore'] },
    ],
    call: 'new',
    gate: { kind: 'always', unlessBaseUrl: ['serverURL'] },
    ...SDK_ATTRIBUTION,
    clientArgumentCalls: true,
    docs: '`OpenRouterCore` (1.3.19), for the standalone functions: `chatSend(core, request, { headers })`',
  }),
  client({
    id: 'openrouter-agent',
    label: '@openrouter/agent',
    sources: [{ module: '@openrouter/agent', exports: ['OpenRouter'] }],
    call: 'new',
    gate: { kind: 'always', unlessBaseUrl: ['serverURL'] },
    ...SDK_ATTRIBUTION,
    // `callModel(client, request, options)` takes the client as its first argument.
    clientArgumentCalls: true,
    docs: '0.8.0: extends @openrouter/sdk\'s `OpenRouterCore` and takes its options',
  }),
  ...TANSTACK_ROWS,
  client({
    id: 'effect-ai-openrouter',
    label: '@effect/ai-openrouter',
    sources: EFFECT_SOURCES,
    call: 'call',
    methods: ['make', 'layer', 'layerConfig'],
    gate: { kind: 'always', unlessBaseUrl: ['apiUrl'] },
    // `referrer` and `title` up to 0.10.1 (sent as `HTTP-Referer` and `X-Title`); 4.x (Effect 4) reads `siteReferrer` and `siteTitle`.
    options: { referer: ['referrer', 'siteReferrer'], title: ['title', 'siteTitle'] },
    // A function over the HTTP client, which may set any header.
    opaqueOptions: ['transformClient'],
    apiKeyOptions: ['apiKey'],
    docs: '`referrer`/`title` up to 0.10, `siteReferrer`/`siteTitle` from 4.0; in `layerConfig`, `Config.string(\'ENV\')` and `Config.succeed(\'x\')` values',
  }),
  // The namespace form: `import * as OpenRouterClient from '@effect/ai-openrouter/OpenRouterClient'`.
  client({
    id: 'effect-ai-openrouter-module',
    label: '@effect/ai-openrouter',
    sources: [{ module: '@effect/ai-openrouter/OpenRouterClient', exports: ['make', 'layer', 'layerConfig'] }],
    call: 'call',
    gate: { kind: 'always', unlessBaseUrl: ['apiUrl'] },
    options: { referer: ['referrer', 'siteReferrer'], title: ['title', 'siteTitle'] },
    opaqueOptions: ['transformClient'],
    apiKeyOptions: ['apiKey'],
  }),
  client({
    id: 'anthropic',
    label: '@anthropic-ai/sdk',
    sources: [{ module: '@anthropic-ai/sdk', exports: ['Anthropic', 'default', 'module.exports'] }],
    call: 'new',
    // OpenRouter's Anthropic-compatible base is `https://openrouter.ai/api` (1.17.0 appends `/v1/messages`).
    gate: { kind: 'baseUrl', options: ['baseURL'] },
    headersOption: 'defaultHeaders',
    nullableRequestHeaders: { argument: 1 },
    apiKeyOptions: ['apiKey', 'authToken'],
    docs: 'pointed at `https://openrouter.ai/api` (1.17.0)',
  }),
  client({
    id: 'ai-sdk-anthropic',
    label: '@ai-sdk/anthropic',
    sources: [{ module: '@ai-sdk/anthropic', exports: ['createAnthropic'] }],
    call: 'call',
    gate: { kind: 'baseUrl', options: ['baseURL'] },
    headersOption: 'headers',
    ignoredOptions: ['defaultHeaders'],
    apiKeyOptions: ['apiKey', 'authToken'],
    docs: 'pointed at `https://openrouter.ai/api` (3.0.140)',
  }),
  // openai-edge 1.2.2 copies openai 3's `Configuration` and `OpenAIApi`: `baseOptions.headers` under each request's.
  client({
    id: 'openai-edge',
    label: 'openai-edge',
    sources: [{ module: 'openai-edge', exports: ['Configuration'] }],
    ...OPENAI_V3_CONFIGURATION,
    docs: '`Configuration` (1.2.2), handed to `new OpenAIApi()`',
  }),
  // ai-gateway-provider 4.0.1 only defaults the key before calling @openrouter/ai-sdk-provider's `createOpenRouter`.
  client({
    id: 'ai-gateway-provider-openrouter',
    label: 'ai-gateway-provider',
    sources: [{ module: 'ai-gateway-provider/providers/openrouter', exports: ['createOpenRouter'] }],
    ...AI_SDK_PROVIDER_OPTIONS,
    docs: '`createOpenRouter` of `/providers/openrouter` (4.0.1), as @openrouter/ai-sdk-provider\'s',
  }),
  // Both hand their options to `new OpenAI()` (compat-oai 1.42.0 without `apiKey`, genkitx-openai 0.30.0 whole).
  client({
    id: 'genkit-compat-oai',
    label: '@genkit-ai/compat-oai',
    sources: [{ module: '@genkit-ai/compat-oai', exports: ['openAICompatible', 'default'] }],
    ...OPENAI_OPTIONS_CALL,
    docs: '1.42.0: the options of `new OpenAI()`',
  }),
  client({
    id: 'genkitx-openai',
    label: 'genkitx-openai',
    sources: [{ module: 'genkitx-openai', exports: ['openAI', 'default'] }],
    ...OPENAI_OPTIONS_CALL,
    docs: '0.30.0: the options of `new OpenAI()`',
  }),
  // @aigne/open-router 0.7.62: @aigne/openai's chat model with OpenRouter's base URL; `clientOptions` spread last into `new OpenAI()`.
  client({
    id: 'aigne-open-router',
    label: '@aigne/open-router',
    sources: [{ module: '@aigne/open-router', exports: ['OpenRouterChatModel'] }],
    call: 'new',
    gate: { kind: 'always', unlessBaseUrl: ['baseURL', 'clientOptions.baseURL'] },
    headersOption: 'clientOptions.defaultHeaders',
    apiKeyOptions: ['apiKey', 'clientOptions.apiKey'],
    docs: '0.7.62: `clientOptions` are the options of `new OpenAI()`',
  }),
  // @adaline/open-router 1.8.0: the provider makes chat models, which send `openRouterReferer` and `openRouterTitle` (as `X-Title`).
  client({
    id: 'adaline-open-router',
    label: '@adaline/open-router',
    sources: [{ module: '@adaline/open-router', exports: ['OpenRouter'] }],
    call: 'new',
    instanceMethod: 'chatModel',
    gate: { kind: 'always' },
    ...ADALINE_ATTRIBUTION,
    docs: '1.8.0: options of the provider\'s `chatModel()`; the base URL is fixed',
  }),
  client({
    id: 'adaline-open-router-model',
    label: '@adaline/open-router',
    sources: [{ module: '@adaline/open-router', exports: ['BaseChatModel'] }],
    call: 'new',
    gate: { kind: 'always' },
    optionsArgument: 1,
    ...ADALINE_ATTRIBUTION,
  }),
  // Libraries that send another app's identity for OpenRouter: their use is the finding.
  client({
    id: 'token-js',
    label: 'token.js',
    sources: [{ module: 'token.js', exports: ['TokenJS'] }],
    call: 'new',
    instanceMethod: 'chat.completions.create',
    // 0.7.1 makes its own `new OpenAI()` for OpenRouter, with fixed headers and nothing of the caller's.
    gate: { kind: 'value', of: { option: 'provider' }, values: ['openrouter'] },
    foreignIdentity: { referer: 'docs.tokenjs.ai', title: 'Token.js' },
    instead: ATTRIBUTED_CLIENTS,
    docs: '0.7.1: `provider: \'openrouter\'` requests send token.js\'s own referer and title',
  }),
  // Libraries that send no attribution for OpenRouter and take none: their use is the finding.
  multiLlmRow('multi-llm-ts', {
    sources: [{ module: 'multi-llm-ts', exports: ['OpenRouter'] }],
    call: 'new',
    gate: { kind: 'always', unlessBaseUrl: ['baseURL'] },
    optionsArgument: 0,
  }),
  ...(['igniteEngine', 'igniteModel'] as const).map((name, index) =>
    multiLlmRow(`multi-llm-ts-${name}`, {
      sources: [{ module: 'multi-llm-ts', exports: [name] }],
      call: 'call',
      // `igniteEngine('openrouter', config)`, `igniteModel('openrouter', model, config)`.
      gate: { kind: 'value', of: { argument: 0 }, values: ['openrouter'], unlessBaseUrl: ['baseURL'] },
      optionsArgument: index + 1,
    }),
  ),
  // Mastra (@mastra/core 0.24.9 and 1.71.0): a model id string `openrouter/…` goes through its model router, which
  // calls @openrouter/ai-sdk-provider's `createOpenRouter({ apiKey, headers })` with headers only from a model config
  // object (`{ id, headers }`) or per call (`modelSettings.headers`); an agent's default options may hold those.
  client({
    id: 'mastra-agent',
    label: '@mastra/core',
    sources: [{ module: '@mastra/core/agent', exports: ['Agent'] }],
    call: 'new',
    gate: { kind: 'value', of: { option: 'model' }, values: ['openrouter/'], prefix: true },
    attributionless: true,
    requestHeadersOptions: ['modelSettings.headers'],
    opaqueOptions: [
      'defaultOptions',
      'defaultGenerateOptions',
      'defaultStreamOptions',
      'defaultVNextStreamOptions',
      'defaultGenerateOptionsLegacy',
      'defaultStreamOptionsLegacy',
      'defaultNetworkOptions',
    ],
    instead:
      "Give the model as `{ id: 'openrouter/…', headers: { 'HTTP-Referer': … } }`, or make it with @openrouter/ai-sdk-provider's `createOpenRouter({ appUrl, appName })`",
    docs: "0.24.9 and 1.71.0: a model id `'openrouter/…'` sends no attribution; a model config `{ id, headers }` does",
  }),
  // The Portkey gateway (@portkey-ai/gateway 1.15.2) sends its own referer and title to OpenRouter, unless the
  // request's headers named in `forwardHeaders` replace them; a `config` may set either.
  ...(['Portkey', 'createHeaders'] as const).map((name) =>
    client({
      id: `portkey-${name}`,
      label: 'portkey-ai',
      sources: [{ module: 'portkey-ai', exports: name === 'Portkey' ? ['Portkey', 'default'] : [name] }],
      call: name === 'Portkey' ? 'new' : 'call',
      gate: { kind: 'value', of: { option: 'provider' }, values: ['openrouter'] },
      foreignIdentity: { referer: 'https://portkey.ai/', title: 'portkey' },
      opaqueOptions: ['forwardHeaders', 'config'],
      instead: 'List `HTTP-Referer` and `X-Title` in `forwardHeaders` and send the app\'s own with each request, so the gateway passes them on',
      docs: '3.1.0, `provider: \'openrouter\'`: the gateway sends Portkey\'s referer and title unless `forwardHeaders` passes the app\'s on',
    }),
  ),
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
    instanceMethod: 'open',
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
