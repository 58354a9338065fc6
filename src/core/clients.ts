/**
 * The clients this plugin knows: one row per way of sending a request to OpenRouter. Adding a
 * client is adding a row; the analysis reads nothing client-specific from anywhere else.
 */

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
  /** Only when the URL argument is an OpenRouter endpoint that consumes tokens. */
  | { readonly kind: 'tokenUrl'; readonly argument: number };

export type AttributionField = 'referer' | 'title' | 'categories';

export interface ClientRow {
  readonly id: string;
  /** How messages name the client. */
  readonly label: string;
  readonly sources: readonly ClientSource[];
  /** `new X()`, `x()`, or any call through the binding (`x('model')`, `x.chat('model')`). */
  readonly call: 'new' | 'call' | 'any-use';
  readonly gate: ClientGate;
  /** Which argument holds the options (or the `init` of fetch). */
  readonly optionsArgument: number;
  /** Options that carry attribution directly; the first name of each is the one a fix writes. */
  readonly options: Readonly<Partial<Record<AttributionField, readonly string[]>>>;
  /** The option holding free-form headers, where the client has one. */
  readonly headersOption: string | null;
  /** Options the client ignores although users put attribution there. */
  readonly ignoredOptions: readonly string[];
  /** How the categories option takes its value. */
  readonly categoriesForm: 'comma-string' | 'array';
  /** The client sends no attribution and takes none: its use is itself the finding. */
  readonly attributionless?: true;
}

const OPENAI_GATE: ClientGate = { kind: 'baseUrl', options: ['baseURL'] };

export const CLIENTS: readonly ClientRow[] = [
  {
    id: 'openrouter-sdk',
    label: '@openrouter/sdk',
    sources: [{ module: '@openrouter/sdk', exports: ['OpenRouter'] }],
    call: 'new',
    gate: { kind: 'always' },
    optionsArgument: 0,
    options: { referer: ['httpReferer'], title: ['appTitle', 'xTitle'], categories: ['appCategories'] },
    headersOption: null,
    ignoredOptions: ['defaultHeaders', 'headers'],
    categoriesForm: 'comma-string',
  },
  {
    id: 'openai',
    label: 'openai',
    sources: [{ module: 'openai', exports: ['OpenAI', 'default', 'module.exports'] }],
    call: 'new',
    gate: OPENAI_GATE,
    optionsArgument: 0,
    options: {},
    headersOption: 'defaultHeaders',
    ignoredOptions: [],
    categoriesForm: 'comma-string',
  },
  {
    id: 'ai-sdk-provider',
    label: '@openrouter/ai-sdk-provider',
    sources: [{ module: '@openrouter/ai-sdk-provider', exports: ['createOpenRouter'] }],
    call: 'call',
    gate: { kind: 'always', unlessBaseUrl: ['baseURL', 'baseUrl'] },
    optionsArgument: 0,
    options: { referer: ['appUrl'], title: ['appName'] },
    headersOption: 'headers',
    ignoredOptions: [],
    categoriesForm: 'comma-string',
  },
  {
    id: 'ai-sdk-provider-default',
    label: '@openrouter/ai-sdk-provider',
    sources: [{ module: '@openrouter/ai-sdk-provider', exports: ['openrouter'] }],
    call: 'any-use',
    gate: { kind: 'always' },
    optionsArgument: -1,
    options: {},
    headersOption: null,
    ignoredOptions: [],
    categoriesForm: 'comma-string',
    attributionless: true,
  },
  {
    id: 'fetch',
    label: 'fetch',
    sources: [
      { global: 'fetch' },
      { module: 'node-fetch', exports: ['default', 'module.exports'] },
      { module: 'cross-fetch', exports: ['default', 'fetch', 'module.exports'] },
      { module: 'undici', exports: ['fetch'] },
    ],
    call: 'call',
    gate: { kind: 'tokenUrl', argument: 0 },
    optionsArgument: 1,
    options: {},
    headersOption: 'headers',
    ignoredOptions: [],
    categoriesForm: 'comma-string',
  },
];

/** Header names (lowercase) for each field; the first is the one a fix writes. */
export const HEADER_NAMES: Readonly<Record<AttributionField, readonly string[]>> = {
  referer: ['HTTP-Referer'],
  title: ['X-OpenRouter-Title', 'X-Title'],
  categories: ['X-OpenRouter-Categories'],
};

/** The module names of every row, to decide quickly whether a file can hold a site. */
export const CLIENT_MODULES: ReadonlySet<string> = new Set(
  CLIENTS.flatMap((row) => row.sources.flatMap((source) => ('module' in source ? [source.module] : []))),
);
