/**
 * The Python clients: one row per client, read from their published packages (REFERENCE §2c). A row
 * says where the client is imported from, when a call is OpenRouter traffic, and where it takes
 * attribution; adding a client is adding a row. The rows are ClientRows, so the rules read them as
 * they read JavaScript's.
 */
import type { AttributionField } from '../domain/attribution-headers.js';
import type { ClientGate, ClientRow } from '../clients/rows.js';

/** When a Python call is OpenRouter traffic. */
export type PythonGate =
  | { readonly kind: 'always' }
  /** One of these keywords holds an OpenRouter base URL. */
  | { readonly kind: 'baseUrl'; readonly keywords: readonly string[] }
  /** The model (a keyword, or a positional argument) always starts with one of these prefixes. */
  | { readonly kind: 'model'; readonly keywords: readonly string[]; readonly position: number | null; readonly prefixes: readonly string[] }
  /** The URL (joined to the session's base URL) is an OpenRouter endpoint that consumes tokens. */
  | {
      readonly kind: 'tokenUrl';
      readonly keywords: readonly string[];
      readonly position: number;
      readonly methodPosition: number | null;
      /** The argument without which the call sends no body (urllib's `data`): a call without it is a GET. */
      readonly body?: { readonly keyword: string; readonly position: number };
    };

export interface PythonCallShape {
  /** Callables by their module and names: `from openai import OpenAI`, `import openai; openai.OpenAI(...)`; submodules match too. */
  readonly imports: readonly { readonly module: string; readonly names: readonly string[] }[];
  readonly gate: PythonGate;
  /** Keywords holding a dict of free headers, in the order a later one wins; dotted for a nested dict (`client_kwargs.default_headers`). */
  readonly headersKeywords: readonly string[];
  /** Keywords of calls through the stored client that pass attribution per request. */
  readonly requestKeywords: readonly string[];
  /** Where the first of `headersKeywords` may be given positionally instead (urllib's `Request(url, data, headers)`). */
  readonly headersPosition?: number;
  /** The row's instances are sessions: their request methods are the sites, with the session's headers beneath theirs. */
  readonly session?: { readonly baseUrlKeywords: readonly string[]; readonly methods: readonly string[] };
  /**
   * Keywords taking the HTTP client it sends with (`http_client=httpx.Client(headers=...)`): that client's
   * own headers go out beneath the row's.
   */
  readonly httpClientKeywords?: readonly string[];
  /**
   * Header keywords that carry no headers when the project pins a package to a major (`extra_headers`
   * under openai 0.x, which sends it in the request's body): then they are options the client ignores.
   */
  readonly pinned?: { readonly package: string; readonly major: number; readonly ignoredHeaders: readonly string[] };
  /** Its requests go through LiteLLM, which sends `litellm.headers` and `OR_SITE_URL`/`OR_APP_NAME` beneath the call's own. */
  readonly viaLiteLlm?: true;
}

export type PythonClientRow = ClientRow & { readonly python: PythonCallShape };

type Attribution = Readonly<Partial<Record<AttributionField, readonly string[]>>>;

const LITELLM_IDENTITY = { referer: 'https://litellm.ai', title: 'liteLLM', unlessGiven: true } as const;
const ATTRIBUTE_INSTEAD = 'Send the app\'s own `HTTP-Referer` and `X-OpenRouter-Title` in `extra_headers`';

function row(
  id: string,
  label: string,
  python: PythonCallShape,
  extra: { options?: Attribution; categoriesForm?: ClientRow['categoriesForm']; ignoredOptions?: readonly string[]; apiKeyOptions?: readonly string[]; foreignIdentity?: ClientRow['foreignIdentity']; instead?: string } = {},
): PythonClientRow {
  return {
    id,
    label,
    sources: [],
    call: 'call',
    gate: clientGate(python.gate),
    optionsArgument: -1,
    options: extra.options ?? {},
    headersOption: python.headersKeywords[0] ?? null,
    ignoredOptions: extra.ignoredOptions ?? [],
    apiKeyOptions: extra.apiKeyOptions ?? ['api_key'],
    categoriesForm: extra.categoriesForm ?? 'comma-string',
    ...(extra.foreignIdentity ? { foreignIdentity: extra.foreignIdentity } : {}),
    ...(extra.instead ? { instead: extra.instead } : {}),
    ...(python.headersKeywords.length === 0 && python.httpClientKeywords?.[0] ? { headersPlace: `the headers of \`${python.httpClientKeywords[0]}\`` } : {}),
    python,
  };
}

/** The JavaScript table's gate for the same condition, for the rules that name a site by its gate. */
function clientGate(gate: PythonGate): ClientGate {
  switch (gate.kind) {
    case 'always':
      return { kind: 'always' };
    case 'baseUrl':
      return { kind: 'baseUrl', options: gate.keywords };
    case 'model':
      return { kind: 'value', of: gate.keywords[0] ? { option: gate.keywords[0] } : { argument: gate.position ?? 0 }, values: gate.prefixes, prefix: true };
    case 'tokenUrl':
      return { kind: 'tokenUrl', url: { argument: gate.position } };
  }
}

const OPENROUTER_MODEL = ['openrouter/'];
/** LiteLLM's functions that send a request. */
const LITELLM_FUNCTIONS = ['completion', 'acompletion', 'text_completion', 'atext_completion', 'embedding', 'aembedding', 'responses', 'aresponses'];

/** An HTTP library: module-level requests (`requests.post(url)`) and sessions (`requests.Session()` then `s.post(url)`). */
function httpLibrary(label: string, module: string, functions: readonly string[], sessions: readonly string[], baseUrlKeywords: readonly string[]): PythonClientRow[] {
  const methods = ['post', 'request', 'stream'];
  const requestGate: PythonGate = { kind: 'tokenUrl', keywords: ['url'], position: 0, methodPosition: null };
  const rows = [
    row(`${label}-session`, label, {
      imports: [{ module, names: sessions }],
      gate: requestGate,
      headersKeywords: ['headers'],
      requestKeywords: [],
      session: { baseUrlKeywords, methods },
    }, { apiKeyOptions: [] }),
  ];
  if (functions.length > 0) {
    rows.unshift(row(`${label}-request`, label, { imports: [{ module, names: functions }], gate: requestGate, headersKeywords: ['headers'], requestKeywords: [] }, { apiKeyOptions: [] }));
  }
  return rows;
}

/**
 * A session the request's function is handed (`async def ask(session, prompt): session.post(url, headers=h)`):
 * no import names it, so it is found by its call alone (find-python-sites.ts, `handedSessionRequests`).
 */
export const HANDED_SESSION_ROW: PythonClientRow = row('python-handed-session', 'HTTP session', {
  imports: [],
  gate: { kind: 'tokenUrl', keywords: ['url'], position: 0, methodPosition: null },
  headersKeywords: ['headers'],
  requestKeywords: [],
}, { apiKeyOptions: [] });

export const PYTHON_ROWS: readonly PythonClientRow[] = [
  row('python-openai', 'openai', {
    // `Client` and `AsyncClient` are openai's own aliases; the Agents SDK re-exports `AsyncOpenAI` (`from agents import AsyncOpenAI`).
    imports: [{ module: 'openai', names: ['OpenAI', 'AsyncOpenAI', 'Client', 'AsyncClient'] }, { module: 'agents', names: ['AsyncOpenAI'] }],
    gate: { kind: 'baseUrl', keywords: ['base_url'] },
    headersKeywords: ['default_headers'],
    requestKeywords: ['extra_headers', 'default_headers'],
    httpClientKeywords: ['http_client'],
  }),
  ...httpLibrary('requests', 'requests', ['post', 'request'], ['Session', 'session'], []),
  ...httpLibrary('httpx', 'httpx', ['post', 'request', 'stream'], ['Client', 'AsyncClient'], ['base_url']),
  ...httpLibrary('aiohttp', 'aiohttp', [], ['ClientSession'], ['base_url']),
  // The standard library: `urllib.request.Request(url, data=..., headers=...)`, sent by `urlopen`; without data a GET.
  row('python-urllib', 'urllib', {
    imports: [{ module: 'urllib.request', names: ['Request'] }],
    gate: { kind: 'tokenUrl', keywords: ['url'], position: 0, methodPosition: null, body: { keyword: 'data', position: 1 } },
    headersKeywords: ['headers'],
    headersPosition: 2,
    requestKeywords: [],
  }, { apiKeyOptions: [] }),
  row('python-litellm', 'LiteLLM', {
    imports: [{ module: 'litellm', names: LITELLM_FUNCTIONS }],
    gate: { kind: 'model', keywords: ['model'], position: 0, prefixes: OPENROUTER_MODEL },
    headersKeywords: ['headers', 'extra_headers'],
    requestKeywords: [],
    viaLiteLlm: true,
  }, { foreignIdentity: LITELLM_IDENTITY, instead: ATTRIBUTE_INSTEAD }),
  // Another provider's model (`openai/…`) sent to an OpenRouter `api_base`: LiteLLM adds its own identity only
  // for its `openrouter/` provider, so these requests carry whatever the call gives.
  row('python-litellm-base-url', 'LiteLLM', {
    imports: [{ module: 'litellm', names: LITELLM_FUNCTIONS }],
    gate: { kind: 'baseUrl', keywords: ['api_base', 'base_url'] },
    headersKeywords: ['headers', 'extra_headers'],
    requestKeywords: [],
    viaLiteLlm: true,
  }),
  row('python-langchain-openai', 'langchain-openai', {
    // The older module paths hold the same classes: `langchain_community` 0.4.2 read (its `OpenAIEmbeddings`
    // takes `openai_api_base`, alias `base_url`, and `default_headers`), which `langchain` re-exported before 1.0.
    imports: [
      { module: 'langchain_openai', names: ['ChatOpenAI', 'OpenAI', 'OpenAIEmbeddings'] },
      { module: 'langchain_community.chat_models', names: ['ChatOpenAI'] },
      { module: 'langchain_community.llms', names: ['OpenAI'] },
      { module: 'langchain_community.embeddings', names: ['OpenAIEmbeddings'] },
      { module: 'langchain.chat_models', names: ['ChatOpenAI'] },
      { module: 'langchain.llms', names: ['OpenAI'] },
      { module: 'langchain.embeddings', names: ['OpenAIEmbeddings'] },
    ],
    gate: { kind: 'baseUrl', keywords: ['base_url', 'openai_api_base'] },
    // Keywords ChatOpenAI does not declare go into `model_kwargs`, which every version hands to openai's
    // `create()`: `extra_headers` are headers there from openai 1.0, `headers` before it (0.x). Under openai
    // 1.x `headers` fails the call before any request, so it is read as headers whatever the pins; under a
    // pinned openai 0.x `extra_headers` is sent in the body, and is an option the client ignores.
    headersKeywords: ['default_headers', 'model_kwargs.headers', 'model_kwargs.extra_headers', 'headers', 'extra_headers'],
    pinned: { package: 'openai', major: 0, ignoredHeaders: ['model_kwargs.extra_headers', 'extra_headers'] },
    requestKeywords: [],
    httpClientKeywords: ['http_client', 'http_async_client'],
  }, { apiKeyOptions: ['api_key', 'openai_api_key'] }),
  row('python-langchain-openrouter', 'langchain-openrouter', {
    imports: [{ module: 'langchain_openrouter', names: ['ChatOpenRouter', 'OpenRouterEmbeddings'] }],
    gate: { kind: 'always' },
    headersKeywords: ['default_headers'],
    requestKeywords: [],
  }, {
    options: { referer: ['app_url'], title: ['app_title'], categories: ['app_categories'] },
    categoriesForm: 'array',
    foreignIdentity: { referer: 'https://docs.langchain.com', title: 'LangChain', unlessGiven: true },
    instead: 'Pass the app\'s own URL as `app_url` (and its name as `app_title`)',
  }),
  row('python-openrouter', 'openrouter', {
    imports: [{ module: 'openrouter', names: ['OpenRouter'] }],
    gate: { kind: 'always' },
    headersKeywords: [],
    requestKeywords: ['http_headers', 'http_referer', 'x_open_router_title', 'x_title', 'x_open_router_categories'],
  }, {
    options: { referer: ['http_referer'], title: ['x_open_router_title', 'x_title'], categories: ['x_open_router_categories'] },
    ignoredOptions: ['default_headers'],
  }),
  row('python-dspy', 'DSPy', {
    imports: [{ module: 'dspy', names: ['LM'] }],
    gate: { kind: 'model', keywords: ['model'], position: 0, prefixes: OPENROUTER_MODEL },
    headersKeywords: ['headers', 'extra_headers'],
    requestKeywords: [],
    viaLiteLlm: true,
  }, { foreignIdentity: LITELLM_IDENTITY, instead: ATTRIBUTE_INSTEAD }),
  row('python-dspy-base-url', 'DSPy', {
    imports: [{ module: 'dspy', names: ['LM'] }],
    gate: { kind: 'baseUrl', keywords: ['api_base', 'base_url'] },
    headersKeywords: ['headers', 'extra_headers'],
    requestKeywords: [],
    viaLiteLlm: true,
  }),
  // langchain-community's ChatLiteLLM (0.3.23 read) calls `litellm.completion(**params)` with its own fields and
  // `model_kwargs` spread among them: headers go through `model_kwargs`, and LiteLLM adds its identity.
  row('python-langchain-litellm', 'langchain-community', {
    imports: [{ module: 'langchain_community.chat_models', names: ['ChatLiteLLM'] }],
    gate: { kind: 'model', keywords: ['model_name', 'model'], position: null, prefixes: OPENROUTER_MODEL },
    headersKeywords: ['model_kwargs.headers', 'model_kwargs.extra_headers'],
    requestKeywords: [],
    viaLiteLlm: true,
  }, { foreignIdentity: LITELLM_IDENTITY, instead: 'Send the app\'s own `HTTP-Referer` and `X-OpenRouter-Title` in `model_kwargs={"extra_headers": ...}`' }),
  row('python-langchain-litellm-base-url', 'langchain-community', {
    imports: [{ module: 'langchain_community.chat_models', names: ['ChatLiteLLM'] }],
    gate: { kind: 'baseUrl', keywords: ['api_base'] },
    headersKeywords: ['model_kwargs.headers', 'model_kwargs.extra_headers'],
    requestKeywords: [],
    viaLiteLlm: true,
  }),
  row('python-crewai', 'CrewAI', {
    imports: [{ module: 'crewai', names: ['LLM'] }],
    gate: { kind: 'model', keywords: ['model'], position: 0, prefixes: OPENROUTER_MODEL },
    headersKeywords: ['default_headers', 'extra_headers'],
    requestKeywords: [],
  }, {
    // CrewAI sends headers from `default_headers` alone: a headers dict inside `model_kwargs` never becomes headers.
    ignoredOptions: ['model_kwargs.extra_headers', 'model_kwargs.default_headers', 'model_kwargs.headers'],
    // CrewAI sends its own referer and no title.
    foreignIdentity: { referer: 'https://crewai.com', title: '', unlessGiven: true },
    instead: 'Send the app\'s own `HTTP-Referer` and `X-OpenRouter-Title` in `default_headers`',
  }),
  row('python-pydantic-ai', 'pydantic-ai', {
    imports: [{ module: 'pydantic_ai.providers.openrouter', names: ['OpenRouterProvider'] }],
    gate: { kind: 'always' },
    headersKeywords: [],
    requestKeywords: [],
  }, { options: { referer: ['app_url'], title: ['app_title'] } }),
  // pydantic-ai's OpenAI provider (1.x; `OpenAIModel(base_url=...)` before 0.0.40) builds its own AsyncOpenAI with
  // no default headers: only an `http_client` carrying them sends attribution.
  row('python-pydantic-ai-openai', 'pydantic-ai', {
    imports: [{ module: 'pydantic_ai.providers.openai', names: ['OpenAIProvider'] }, { module: 'pydantic_ai.models.openai', names: ['OpenAIModel'] }],
    gate: { kind: 'baseUrl', keywords: ['base_url'] },
    headersKeywords: [],
    requestKeywords: [],
    httpClientKeywords: ['http_client'],
  }),
  // Its OpenRouter provider named rather than built (`OpenAIChatModel(m, provider="openrouter")`, `Agent("openrouter:m")`):
  // pydantic-ai builds it with no app URL or title, so only its environment variables, read outside the code, attribute.
  row('python-pydantic-ai-by-name', 'pydantic-ai', {
    imports: [{ module: 'pydantic_ai.models.openai', names: ['OpenAIModel', 'OpenAIChatModel', 'OpenAIResponsesModel'] }],
    gate: { kind: 'model', keywords: ['provider'], position: null, prefixes: ['openrouter'] },
    headersKeywords: ['settings.extra_headers'],
    requestKeywords: [],
  }),
  row('python-pydantic-ai-agent', 'pydantic-ai', {
    imports: [{ module: 'pydantic_ai', names: ['Agent'] }, { module: 'pydantic_ai.agent', names: ['Agent'] }],
    gate: { kind: 'model', keywords: ['model'], position: 0, prefixes: ['openrouter:'] },
    headersKeywords: ['model_settings.extra_headers'],
    requestKeywords: ['model_settings'],
  }),
  row('python-llama-index', 'llama-index-llms-openrouter', {
    imports: [{ module: 'llama_index.llms.openrouter', names: ['OpenRouter'] }],
    gate: { kind: 'always' },
    headersKeywords: ['default_headers'],
    requestKeywords: [],
  }),
  row('python-agno', 'agno', {
    imports: [{ module: 'agno.models.openrouter', names: ['OpenRouter'] }],
    gate: { kind: 'always' },
    headersKeywords: ['default_headers', 'extra_headers'],
    requestKeywords: [],
  }),
  // Instructor builds the OpenAI client itself for an `openrouter/` provider string and takes no headers for it;
  // its requests pass `extra_headers` on to that client.
  row('python-instructor', 'instructor', {
    imports: [{ module: 'instructor', names: ['from_provider'] }],
    gate: { kind: 'model', keywords: ['model'], position: 0, prefixes: OPENROUTER_MODEL },
    headersKeywords: [],
    requestKeywords: ['extra_headers'],
  }),
  row('python-autogen', 'autogen-ext', {
    imports: [{ module: 'autogen_ext.models.openai', names: ['OpenAIChatCompletionClient'] }],
    gate: { kind: 'baseUrl', keywords: ['base_url'] },
    headersKeywords: ['default_headers'],
    requestKeywords: [],
  }),
  // AG2's config entries are found where the code lists them (`ag2-config.ts`), not by a call: no import names them.
  row('python-ag2', 'ag2', {
    imports: [],
    gate: { kind: 'baseUrl', keywords: ['base_url'] },
    headersKeywords: ['default_headers', 'extra_headers'],
    requestKeywords: [],
  }, { ignoredOptions: ['headers'], instead: 'Put the app\'s `HTTP-Referer` and `X-OpenRouter-Title` in the entry\'s `default_headers`' }),
  row('python-smolagents-openai', 'smolagents', {
    imports: [{ module: 'smolagents', names: ['OpenAIModel', 'OpenAIServerModel'] }],
    gate: { kind: 'baseUrl', keywords: ['api_base'] },
    headersKeywords: ['client_kwargs.default_headers'],
    requestKeywords: [],
  }),
  row('python-smolagents-litellm', 'smolagents', {
    imports: [{ module: 'smolagents', names: ['LiteLLMModel'] }],
    gate: { kind: 'model', keywords: ['model_id'], position: 0, prefixes: OPENROUTER_MODEL },
    headersKeywords: ['extra_headers', 'headers'],
    requestKeywords: [],
    viaLiteLlm: true,
  }, { foreignIdentity: LITELLM_IDENTITY, instead: ATTRIBUTE_INSTEAD }),
];

/**
 * The rows a callable's dotted name belongs to (`openai.OpenAI`, `langchain_openai.chat_models.ChatOpenAI`),
 * in the table's order: a call is the first whose gate it passes (`dspy.LM("openrouter/…")` before
 * `dspy.LM("openai/…", api_base=<OpenRouter>)`).
 */
export function pythonRowsFor(qualified: string): PythonClientRow[] {
  const name = qualified.slice(qualified.lastIndexOf('.') + 1);
  return PYTHON_ROWS.filter((candidate) =>
    candidate.python.imports.some(({ module, names }) => (qualified === module || qualified.startsWith(`${module}.`)) && names.includes(name)),
  );
}
