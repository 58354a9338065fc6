/** require-referer: Clients that take the SDK's options or their own (@openrouter/agent, @tanstack/ai-openrouter, @effect/ai-openrouter, Anthropic's, genkit's, ...). */
import type rule from '../../../src/rules/require-referer.js';
import { SETTINGS, type CasesFor } from '../../rule-tester.js';

const REFERER = { openrouter: { referer: 'https://acme.dev' } };
const AGENT = "import { OpenRouter } from '@openrouter/agent';\n";
const CORE = "import { OpenRouterCore } from '@openrouter/sdk/core';\nimport { chatSend } from '@openrouter/sdk/funcs/chatSend';\n";
const TANSTACK = "import { openRouterText, createOpenRouterText, openRouterImage, createOpenRouterVideo, OpenRouterTextAdapter, openRouterRerank } from '@tanstack/ai-openrouter';\nimport { chat } from '@tanstack/ai';\n";
const EFFECT = "import { OpenRouterClient } from '@effect/ai-openrouter';\nimport { Config } from 'effect';\n";
const ANTHROPIC = "import Anthropic from '@anthropic-ai/sdk';\n";
const AI_SDK_ANTHROPIC = "import { createAnthropic } from '@ai-sdk/anthropic';\n";
const EDGE = "import { Configuration, OpenAIApi } from 'openai-edge';\n";
const GATEWAY = "import { createOpenRouter } from 'ai-gateway-provider/providers/openrouter';\n";
const GENKIT = "import { openAICompatible } from '@genkit-ai/compat-oai';\n";
const GENKITX = "import { openAI } from 'genkitx-openai';\n";
const AIGNE = "import { OpenRouterChatModel } from '@aigne/open-router';\n";
const ADALINE = "import { OpenRouter } from '@adaline/open-router';\n";
const TOKENJS = "import { TokenJS } from 'token.js';\n";
const MULTI_LLM = "import { OpenRouter, igniteEngine, igniteModel } from 'multi-llm-ts';\n";
const ATTRIBUTED_CLIENTS = "Call OpenRouter through @openrouter/sdk (`httpReferer`, `appTitle`) or the `openai` SDK with the app's `HTTP-Referer` in `defaultHeaders`";
const MASTRA = "import { Agent } from '@mastra/core/agent';\n";
const PORTKEY = "import Portkey, { createHeaders } from 'portkey-ai';\n";
/** A missing-referer finding's data where the project's referer is configured (no hint to configure one). */
const missing = (site: string, where: string): Record<string, string> => ({ site, where, fixHint: '' });
const BASE = "baseURL: 'https://openrouter.ai/api/v1'";
const ANTHROPIC_BASE = "baseURL: 'https://openrouter.ai/api'";

const SDK_MAIN = "import { OpenRouter } from '@openrouter/sdk';\nimport OpenAI from 'openai';\n";

export const sdkClientCases: CasesFor<typeof rule> = {
  valid: [
    // A client built only to read listings sends nothing that consumes tokens.
    `${SDK_MAIN}const sdk = new OpenRouter({ apiKey });\nexport async function models() {\n  const list = await sdk.models.list();\n  const credits = await sdk.credits.getCredits();\n  return [list, credits];\n}`,
    `${SDK_MAIN}const client = new OpenAI({ ${"baseURL: 'https://openrouter.ai/api/v1'"}, apiKey });\nexport const models = () => client.models.list();`,
    // @openrouter/agent (0.8.0) and OpenRouterCore take @openrouter/sdk's options.
    `${AGENT}const agent = new OpenRouter({ apiKey: key, httpReferer: 'https://acme.dev', appTitle: 'Acme' });`,
    `${AGENT}new OpenRouter({ apiKey: key, ...options });`,
    `${AGENT}new OpenRouter(options);`,
    // A base URL of another host is not OpenRouter traffic.
    `${AGENT}new OpenRouter({ serverURL: 'https://gateway.example.com/v1' });`,
    // Per request: the options of `callModel`, or of a function taking the client.
    `${AGENT}const client = new OpenRouter({ apiKey: key });\nclient.callModel({ model, input }, { headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
    `${AGENT}import { callModel } from '@openrouter/agent';\nconst client = new OpenRouter({ apiKey: key });\ncallModel(client, { model, input }, requestOptions);`,
    "import { OpenRouter } from '@openrouter/sdk';\nimport { callModel } from '@openrouter/agent';\nconst client = new OpenRouter({ apiKey: key });\ncallModel(client, { model, input }, { headers: { 'HTTP-Referer': 'https://acme.dev' } });",
    `${CORE}const core = new OpenRouterCore({ apiKey: key, httpReferer: 'https://acme.dev' });\nawait chatSend(core, { chatRequest: { model, messages } });`,
    `${CORE}const core = new OpenRouterCore({ apiKey: key });\nawait chatSend(core, { httpReferer: 'https://acme.dev', chatRequest: { model, messages } });`,
    `${CORE}const core = new OpenRouterCore({ apiKey: key });\nawait chatSend(core, request);`,
    `${CORE}const core = new OpenRouterCore({ apiKey: key });\nawait chatSend(core, { chatRequest: { model, messages } }, { headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
    // @openrouter/sdk's root module exports no OpenRouterCore: a local one of that name is nothing of ours.
    "import { OpenRouterCore } from './core';\nnew OpenRouterCore({ apiKey: key });",
    // @tanstack/ai-openrouter (0.19.6): options in argument 1, 2 or 0.
    `${TANSTACK}const adapter = openRouterText('openai/gpt-4o', { httpReferer: 'https://acme.dev', appTitle: 'Acme' });`,
    `${TANSTACK}createOpenRouterText('openai/gpt-4o', key, { httpReferer: process.env.SITE_URL });`,
    `${TANSTACK}new OpenRouterTextAdapter({ apiKey: key, httpReferer: 'https://acme.dev' }, 'openai/gpt-4o');`,
    `${TANSTACK}openRouterImage('google/gemini-2.5-flash-image', { httpReferer: 'https://acme.dev', appTitle: 'Acme' });`,
    `${TANSTACK}openRouterText('openai/gpt-4o', config);`,
    `${TANSTACK}openRouterText(...args);`,
    `${TANSTACK}createOpenRouterVideo('m', key, { baseURL: 'https://proxy.example.com/v1' });`,
    // Per call: `chat({ adapter, request: { headers } })`, inline or through a stored adapter.
    `${TANSTACK}await chat({ adapter: openRouterText('openai/gpt-4o'), messages, request: { headers: { 'HTTP-Referer': 'https://acme.dev' } } });`,
    `${TANSTACK}const adapter = openRouterText('openai/gpt-4o');\nawait chat({ adapter, messages, request: { headers: attribution } });`,
    `${TANSTACK}const adapter = openRouterText('openai/gpt-4o');\nawait chat({ adapter, messages, request });`,
    `${TANSTACK}await chat({ adapter: openRouterText('openai/gpt-4o'), ...options });`,
    // @effect/ai-openrouter: `referrer` and `title` (0.10.1), `siteReferrer` and `siteTitle` (4.x).
    `${EFFECT}OpenRouterClient.layer({ apiKey, referrer: 'https://acme.dev', title: 'Acme' });`,
    `${EFFECT}OpenRouterClient.make({ apiKey, siteReferrer: 'https://acme.dev', siteTitle: 'Acme' });`,
    `${EFFECT}OpenRouterClient.layerConfig({ apiKey: Config.redacted('OPENROUTER_API_KEY'), referrer: Config.string('APP_URL') });`,
    `${EFFECT}OpenRouterClient.layerConfig({ referrer: Config.string('APP_URL').pipe(Config.withDefault('https://acme.dev')), title: Config.succeed('Acme') });`,
    `${EFFECT}OpenRouterClient.layerConfig({ referrer: Config.succeed('https://acme.dev') });`,
    "import * as OpenRouterClient from '@effect/ai-openrouter/OpenRouterClient';\nOpenRouterClient.layer({ apiKey, referrer: 'https://acme.dev' });",
    // A client transform may set any header.
    `${EFFECT}OpenRouterClient.layer({ apiKey, transformClient: HttpClient.mapRequest(HttpClientRequest.setHeader('HTTP-Referer', 'https://acme.dev')) });`,
    `${EFFECT}OpenRouterClient.layer({ apiKey, apiUrl: 'https://gateway.example.com/v1' });`,
    `${EFFECT}OpenRouterClient.layer(options);`,
    // Anthropic's SDKs count only pointed at OpenRouter.
    `${ANTHROPIC}new Anthropic({ ${ANTHROPIC_BASE}, apiKey: key, defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } });`,
    `${ANTHROPIC}new Anthropic({ apiKey: key });`,
    `${ANTHROPIC}new Anthropic({ baseURL: 'https://api.anthropic.com', apiKey: key });`,
    `${ANTHROPIC}const client = new Anthropic({ ${ANTHROPIC_BASE}, apiKey: key });\nawait client.messages.create(body, { headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
    "const Anthropic = require('@anthropic-ai/sdk');\nnew Anthropic({ baseURL: 'https://openrouter.ai/api', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });",
    `${AI_SDK_ANTHROPIC}createAnthropic({ ${ANTHROPIC_BASE}, headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
    `${AI_SDK_ANTHROPIC}createAnthropic({ apiKey: key });`,
    `${AI_SDK_ANTHROPIC}createAnthropic({ ${ANTHROPIC_BASE}, headers });`,
    // openai-edge's Configuration: openai 3's shape.
    `${EDGE}const configuration = new Configuration({ apiKey: key, basePath: 'https://openrouter.ai/api/v1', baseOptions: { headers: { 'HTTP-Referer': 'https://acme.dev' } } });\nconst openai = new OpenAIApi(configuration);`,
    `${EDGE}const configuration = new Configuration({ apiKey: key });\nconst openai = new OpenAIApi(configuration);`,
    `${EDGE}const configuration = new Configuration({ apiKey: key, basePath: 'https://openrouter.ai/api/v1' });\nconst openai = new OpenAIApi(configuration);\nawait openai.createChatCompletion({ model, messages }, { headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
    // ai-gateway-provider: @openrouter/ai-sdk-provider's options.
    `${GATEWAY}createOpenRouter({ appUrl: 'https://acme.dev', appName: 'Acme' });`,
    `${GATEWAY}createOpenRouter({ headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
    `${GATEWAY}createOpenRouter({ baseURL: 'https://gateway.example.com/v1' });`,
    // genkit's OpenAI plugins: the options of `new OpenAI()`.
    `${GENKIT}openAICompatible({ name: 'openrouter', ${BASE}, defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });`,
    `${GENKIT}openAICompatible({ name: 'local', baseURL: 'http://localhost:11434/v1' });`,
    `${GENKITX}openAI({ ${BASE}, defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });`,
    `${GENKITX}openAI({ apiKey: key });`,
    // @aigne/open-router: headers in `clientOptions.defaultHeaders`.
    `${AIGNE}new OpenRouterChatModel({ apiKey: key, model: 'openai/gpt-4o', clientOptions: { defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } } });`,
    `${AIGNE}new OpenRouterChatModel({ apiKey: key, clientOptions });`,
    `${AIGNE}new OpenRouterChatModel({ apiKey: key, baseURL: 'https://proxy.example.com/v1' });`,
    // @adaline/open-router: the options of the provider's `chatModel()`.
    `${ADALINE}const openrouter = new OpenRouter();\nconst model = openrouter.chatModel({ modelName: 'openai/gpt-4o', apiKey: key, openRouterReferer: 'https://acme.dev', openRouterTitle: 'Acme' });`,
    `${ADALINE}new OpenRouter().chatModel(options);`,
    // The provider alone sends nothing: only its models do.
    `${ADALINE}const openrouter = new OpenRouter();`,
    `${ADALINE}new OpenRouter().embeddingModel({ modelName: 'm', apiKey: key });`,
    // token.js: only requests certain to go to OpenRouter.
    `${TOKENJS}const tokenjs = new TokenJS();\nawait tokenjs.chat.completions.create({ provider: 'openai', model: 'gpt-4o', messages });`,
    `${TOKENJS}const tokenjs = new TokenJS();\nawait tokenjs.chat.completions.create({ provider, model, messages });`,
    `${TOKENJS}const tokenjs = new TokenJS();\nawait tokenjs.chat.completions.create({ provider: useRouter ? 'openrouter' : 'openai', model, messages });`,
    // Portkey: `forwardHeaders` may pass the app's own headers on; a `config` may set anything.
    `${PORTKEY}new Portkey({ apiKey: key, provider: 'openrouter', forwardHeaders: ['HTTP-Referer', 'X-Title'] });`,
    `${PORTKEY}new Portkey({ apiKey: key, provider: 'openrouter', config: 'pc-openrouter' });`,
    `${PORTKEY}new Portkey({ apiKey: key, provider: 'openai' });`,
    `${PORTKEY}new Portkey({ apiKey: key, provider: 'openrouter', ...rest });`,
    `${PORTKEY}createHeaders({ apiKey: key, provider: 'anthropic' });`,
    // multi-llm-ts: other engines, an engine the file does not name, or an OpenRouter engine pointed elsewhere.
    `${MULTI_LLM}igniteEngine('openai', { apiKey: key });`,
    `${MULTI_LLM}igniteEngine(engineId, { apiKey: key });`,
    `${MULTI_LLM}igniteModel('openrouter', 'openai/gpt-4o', { apiKey: key, baseURL: 'http://localhost:8080/v1' });`,
    `${MULTI_LLM}new OpenRouter({ apiKey: key, baseURL: 'https://proxy.example.com/v1' });`,
    "import { OpenRouter } from 'somewhere-else';\nnew OpenRouter({ apiKey: key });",
    // Mastra: a model config with headers, a model made elsewhere, another provider's id, an id the file does not show.
    `${MASTRA}new Agent({ name: 'a', instructions, model: { id: 'openrouter/openai/gpt-4o', headers: { 'HTTP-Referer': 'https://acme.dev' } } });`,
    `${MASTRA}new Agent({ name: 'a', instructions, model: openrouter('openai/gpt-4o') });`,
    `${MASTRA}new Agent({ name: 'a', instructions, model: 'openai/gpt-4o' });`,
    `${MASTRA}new Agent({ name: 'a', instructions, model: process.env.MODEL });`,
    `${MASTRA}new Agent({ name: 'a', instructions, model: process.env.MODEL || 'openai/gpt-4o' });`,
    `${MASTRA}new Agent({ name: 'a', instructions, model: useRouter ? 'openrouter/openai/gpt-4o' : 'openai/gpt-4o' });`,
    `${MASTRA}new Agent({ name: 'a', instructions, model: 'openrouter/openai/gpt-4o', ...shared });`,
    // Headers per call, or default options that may hold them.
    `${MASTRA}const agent = new Agent({ name: 'a', instructions, model: 'openrouter/openai/gpt-4o' });\nawait agent.generate(messages, { modelSettings: { headers: { 'HTTP-Referer': 'https://acme.dev' } } });`,
    `${MASTRA}const agent = new Agent({ name: 'a', instructions, model: 'openrouter/openai/gpt-4o' });\nawait agent.stream(messages, options);`,
    `${MASTRA}new Agent({ name: 'a', instructions, model: 'openrouter/openai/gpt-4o', defaultOptions: { modelSettings } });`,
  ],
  invalid: [
    // Any other use keeps it a site: a generation, handed on, exported.
    { code: `${SDK_MAIN}const sdk = new OpenRouter({ apiKey });\nawait sdk.models.list();\nawait sdk.chat.send({ model, messages });`, errors: [{ messageId: 'missingReferer' }] },
    { code: `${SDK_MAIN}const sdk = new OpenRouter({ apiKey });\nawait sdk.models.list();\nrun(sdk);`, errors: [{ messageId: 'missingReferer' }] },
    { code: `${SDK_MAIN}export const sdk = new OpenRouter({ apiKey });\nawait sdk.models.list();`, errors: [{ messageId: 'missingReferer' }] },
    {
      // OpenRouter's agent templates construct it bare.
      code: `${AGENT}const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });`,
      settings: SETTINGS,
      output: `${AGENT}const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, httpReferer: 'https://acme.dev', appTitle: 'Acme Docs', appCategories: 'cli-agent' });`,
      errors: [{ messageId: 'missingReferer', data: missing('this @openrouter/agent client', '`httpReferer`') }],
    },
    {
      code: `${AGENT}new OpenRouter();`,
      settings: REFERER,
      output: `${AGENT}new OpenRouter({ httpReferer: 'https://acme.dev' });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // `defaultHeaders` is not an SDK option: no-ignored-attribution's finding is the one about the header in it.
      code: `${AGENT}new OpenRouter({ apiKey: key, appTitle: 'Acme', defaultHeaders: custom });`,
      settings: REFERER,
      output: `${AGENT}new OpenRouter({ apiKey: key, appTitle: 'Acme', defaultHeaders: custom, httpReferer: 'https://acme.dev' });`,
      errors: [{ messageId: 'ignoredOption', data: { client: '@openrouter/agent', option: 'defaultHeaders', where: '`httpReferer`', fixHint: '' } }],
    },
    {
      // A request through the client that passes options without a referer.
      code: `${AGENT}const client = new OpenRouter({ apiKey: key });\nclient.callModel({ model, input }, { headers: { 'X-Title': 'Acme' } });`,
      errors: [{ messageId: 'titleWithoutReferer', line: 3 }],
    },
    {
      code: `${CORE}const core = new OpenRouterCore({ apiKey: key });\nawait chatSend(core, { chatRequest: { model, messages } });`,
      settings: REFERER,
      output: `${CORE}const core = new OpenRouterCore({ apiKey: key, httpReferer: 'https://acme.dev' });\nawait chatSend(core, { chatRequest: { model, messages } });`,
      errors: [{ messageId: 'missingReferer', line: 3, data: missing('this @openrouter/sdk client', '`httpReferer`') }],
    },
    {
      code: "import { OpenRouterCore } from '@openrouter/sdk/core.js';\nnew OpenRouterCore({ apiKey: key, appTitle: 'Acme' });",
      errors: [{ messageId: 'titleWithoutReferer' }],
    },
    {
      // A function taking the client with nothing that may be request options is no request.
      code: `${AGENT}const client = new OpenRouter({ apiKey: key });\nregistry.register(client, 'openrouter', () => client);`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: `${CORE}const core = new OpenRouterCore({ apiKey: key });\nawait chatSend(core, { appTitle: 'Acme', chatRequest: { model, messages } });`,
      errors: [{ messageId: 'titleWithoutReferer', line: 4 }],
    },
    {
      // A factory without options sends no attribution: they go in argument 1, 2 or 0.
      code: `${TANSTACK}const adapter = openRouterText('openai/gpt-4o');`,
      settings: REFERER,
      output: `${TANSTACK}const adapter = openRouterText('openai/gpt-4o', { httpReferer: 'https://acme.dev' });`,
      errors: [{ messageId: 'missingReferer', line: 3, data: missing('this @tanstack/ai-openrouter client', '`httpReferer`') }],
    },
    {
      code: `${TANSTACK}createOpenRouterText('openai/gpt-4o', process.env.OPENROUTER_API_KEY);`,
      settings: REFERER,
      output: `${TANSTACK}createOpenRouterText('openai/gpt-4o', process.env.OPENROUTER_API_KEY, {\n  httpReferer: 'https://acme.dev'\n});`,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      // Without the key argument there is nowhere unambiguous for the options: reported, not fixed.
      code: `${TANSTACK}createOpenRouterVideo('m');`,
      settings: REFERER,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: `${TANSTACK}new OpenRouterTextAdapter({ apiKey: key }, 'openai/gpt-4o');`,
      settings: REFERER,
      output: `${TANSTACK}new OpenRouterTextAdapter({ apiKey: key, httpReferer: 'https://acme.dev' }, 'openai/gpt-4o');`,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: `${TANSTACK}openRouterRerank('cohere/rerank-v3.5', { appTitle: 'Acme' });`,
      errors: [{ messageId: 'titleWithoutReferer', line: 3 }],
    },
    {
      // Per-call request options that the file shows without a referer.
      code: `${TANSTACK}await chat({ adapter: openRouterText('openai/gpt-4o'), messages, request: { signal } });`,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: `${TANSTACK}const adapter = openRouterText('openai/gpt-4o');\nawait chat({ adapter, messages, request: { headers: { 'X-Request-Id': id } } });`,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: `${EFFECT}const OpenRouter = OpenRouterClient.layer({ apiKey: Redacted.make(key) });`,
      settings: REFERER,
      output: `${EFFECT}const OpenRouter = OpenRouterClient.layer({ apiKey: Redacted.make(key), referrer: 'https://acme.dev' });`,
      errors: [{ messageId: 'missingReferer', line: 3, data: missing('this @effect/ai-openrouter client', '`referrer`') }],
    },
    {
      code: `${EFFECT}OpenRouterClient.layerConfig({ apiKey: Config.redacted('OPENROUTER_API_KEY'), title: Config.string('APP_NAME') });`,
      errors: [{ messageId: 'titleWithoutReferer', line: 3 }],
    },
    {
      code: "import * as OpenRouterClient from '@effect/ai-openrouter/OpenRouterClient';\nOpenRouterClient.make({ apiKey });",
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `${ANTHROPIC}const client = new Anthropic({ ${ANTHROPIC_BASE}, apiKey: process.env.OPENROUTER_API_KEY });`,
      settings: REFERER,
      output: `${ANTHROPIC}const client = new Anthropic({ ${ANTHROPIC_BASE}, apiKey: process.env.OPENROUTER_API_KEY, defaultHeaders: {\n  'HTTP-Referer': 'https://acme.dev'\n} });`,
      errors: [{ messageId: 'missingReferer', data: missing('this @anthropic-ai/sdk client', 'an `HTTP-Referer` header in `defaultHeaders`') }],
    },
    {
      code: `${ANTHROPIC}new Anthropic({ baseURL: process.env.OPENROUTER_BASE_URL, authToken: key, defaultHeaders: { 'X-Title': 'Acme' } });`,
      errors: [{ messageId: 'titleWithoutReferer' }],
    },
    {
      code: `${AI_SDK_ANTHROPIC}const anthropic = createAnthropic({ ${ANTHROPIC_BASE}, apiKey: key });`,
      settings: REFERER,
      output: `${AI_SDK_ANTHROPIC}const anthropic = createAnthropic({ ${ANTHROPIC_BASE}, apiKey: key, headers: {\n  'HTTP-Referer': 'https://acme.dev'\n} });`,
      errors: [{ messageId: 'missingReferer', data: missing('this @ai-sdk/anthropic client', 'an `HTTP-Referer` header in `headers`') }],
    },
    {
      code: `${EDGE}const configuration = new Configuration({ apiKey: key, basePath: 'https://openrouter.ai/api/v1' });\nconst openai = new OpenAIApi(configuration);`,
      settings: REFERER,
      output: `${EDGE}const configuration = new Configuration({ apiKey: key, basePath: 'https://openrouter.ai/api/v1', baseOptions: {\n  headers: {\n    'HTTP-Referer': 'https://acme.dev'\n  }\n} });\nconst openai = new OpenAIApi(configuration);`,
      errors: [{ messageId: 'missingReferer', data: missing('this openai-edge client', 'an `HTTP-Referer` header in `baseOptions.headers`') }],
    },
    {
      code: `${GATEWAY}const openrouter = createOpenRouter({ apiKey: key });`,
      settings: SETTINGS,
      output: `${GATEWAY}const openrouter = createOpenRouter({ apiKey: key, appUrl: 'https://acme.dev', appName: 'Acme Docs', headers: {\n  'X-OpenRouter-Categories': 'cli-agent'\n} });`,
      errors: [{ messageId: 'missingReferer', data: missing('this ai-gateway-provider client', '`appUrl`') }],
    },
    {
      code: `${GATEWAY}createOpenRouter();`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `${GENKIT}openAICompatible({ name: 'openrouter', apiKey: key, ${BASE} });`,
      settings: REFERER,
      output: `${GENKIT}openAICompatible({ name: 'openrouter', apiKey: key, ${BASE}, defaultHeaders: {\n  'HTTP-Referer': 'https://acme.dev'\n} });`,
      errors: [{ messageId: 'missingReferer', data: missing('this @genkit-ai/compat-oai client', 'an `HTTP-Referer` header in `defaultHeaders`') }],
    },
    {
      code: `import openAICompatible from '@genkit-ai/compat-oai';\nopenAICompatible({ name: 'openrouter', ${BASE}, defaultHeaders: { 'X-Title': 'Acme' } });`,
      errors: [{ messageId: 'titleWithoutReferer' }],
    },
    {
      code: `${GENKITX}genkit({ plugins: [openAI({ apiKey: key, ${BASE} })] });`,
      settings: REFERER,
      output: `${GENKITX}genkit({ plugins: [openAI({ apiKey: key, ${BASE}, defaultHeaders: {\n  'HTTP-Referer': 'https://acme.dev'\n} })] });`,
      errors: [{ messageId: 'missingReferer', data: missing('this genkitx-openai client', 'an `HTTP-Referer` header in `defaultHeaders`') }],
    },
    {
      code: `${AIGNE}const model = new OpenRouterChatModel({ apiKey: key, model: 'openai/gpt-4o' });`,
      settings: REFERER,
      output: `${AIGNE}const model = new OpenRouterChatModel({ apiKey: key, model: 'openai/gpt-4o', clientOptions: {\n  defaultHeaders: {\n    'HTTP-Referer': 'https://acme.dev'\n  }\n} });`,
      errors: [{ messageId: 'missingReferer', data: missing('this @aigne/open-router client', 'an `HTTP-Referer` header in `clientOptions.defaultHeaders`') }],
    },
    {
      code: `${AIGNE}new OpenRouterChatModel();`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: `${ADALINE}const openrouter = new OpenRouter();\nconst model = openrouter.chatModel({ modelName: 'openai/gpt-4o', apiKey: key });`,
      settings: REFERER,
      output: `${ADALINE}const openrouter = new OpenRouter();\nconst model = openrouter.chatModel({ modelName: 'openai/gpt-4o', apiKey: key, openRouterReferer: 'https://acme.dev' });`,
      errors: [{ messageId: 'missingReferer', line: 3, data: missing('this @adaline/open-router client', '`openRouterReferer`') }],
    },
    {
      code: `${ADALINE}new OpenRouter().chatModel({ modelName: 'openai/gpt-4o', apiKey: key, openRouterTitle: 'Acme' });`,
      errors: [{ messageId: 'titleWithoutReferer' }],
    },
    {
      code: `import { BaseChatModel, OpenRouterChatModelConfigs } from '@adaline/open-router';\nnew BaseChatModel(schema, { modelName: 'm', apiKey: key });`,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // token.js sends its own referer and title for OpenRouter, whatever the caller passes.
      code: `${TOKENJS}const tokenjs = new TokenJS();\nconst completion = await tokenjs.chat.completions.create({ provider: 'openrouter', model: 'openai/gpt-4o', messages });`,
      errors: [
        {
          messageId: 'foreignIdentity',
          line: 3,
          data: {
            client: 'token.js',
            referer: 'docs.tokenjs.ai',
            title: 'Token.js',
            instead: ATTRIBUTED_CLIENTS,
          },
        },
      ],
    },
    {
      code: `${TOKENJS}await new TokenJS({ apiKey: key }).chat.completions.create({ provider: 'openrouter', model, messages, stream: true });`,
      errors: [{ messageId: 'foreignIdentity' }],
    },
    {
      code: `${PORTKEY}const portkey = new Portkey({ apiKey: key, provider: 'openrouter', Authorization: 'Bearer sk-or-x' });`,
      errors: [
        {
          messageId: 'foreignIdentity',
          data: {
            client: 'portkey-ai',
            referer: 'https://portkey.ai/',
            title: 'portkey',
            instead: "List `HTTP-Referer` and `X-Title` in `forwardHeaders` and send the app's own with each request, so the gateway passes them on",
          },
        },
      ],
    },
    {
      code: `import OpenAI from 'openai';\nimport { createHeaders, PORTKEY_GATEWAY_URL } from 'portkey-ai';\nnew OpenAI({ baseURL: PORTKEY_GATEWAY_URL, defaultHeaders: createHeaders({ provider: 'openrouter', apiKey: key }) });`,
      errors: [{ messageId: 'foreignIdentity', line: 3 }],
    },
    {
      // Mastra's model router sends no attribution for an `openrouter/…` id.
      code: `${MASTRA}export const agent = new Agent({ name: 'assistant', instructions: 'Be brief.', model: 'openrouter/anthropic/claude-sonnet-4' });`,
      errors: [
        {
          messageId: 'attributionlessClient',
          data: {
            client: '@mastra/core',
            instead: "Give the model as `{ id: 'openrouter/…', headers: { 'HTTP-Referer': … } }`, or make it with @openrouter/ai-sdk-provider's `createOpenRouter({ appUrl, appName })`",
          },
        },
      ],
    },
    {
      // An environment variable with an `openrouter/…` fallback is judged by the fallback, as a base URL is.
      code: `${MASTRA}export const agent = new Agent({ name: 'a', instructions, model: process.env.MODEL || 'openrouter/openai/gpt-4o' });`,
      errors: [{ messageId: 'attributionlessClient', line: 2 }],
    },
    {
      code: `${MASTRA}const MODEL = 'openrouter/' + modelName;\nconst agent = new Agent({ name: 'a', instructions, model: MODEL });\nawait agent.generate(messages, { maxSteps: 3, modelSettings: { temperature: 0 } });`,
      errors: [{ messageId: 'attributionlessClient', line: 3 }],
    },
    {
      // multi-llm-ts sends no attribution for OpenRouter and takes none.
      code: `${MULTI_LLM}const engine = igniteEngine('openrouter', { apiKey: process.env.OPENROUTER_API_KEY });`,
      errors: [{ messageId: 'attributionlessClient', line: 2, data: { client: 'multi-llm-ts', instead: ATTRIBUTED_CLIENTS } }],
    },
    {
      code: `${MULTI_LLM}const model = igniteModel('openrouter', 'openai/gpt-4o', config);`,
      errors: [{ messageId: 'attributionlessClient', line: 2 }],
    },
    {
      code: `${MULTI_LLM}const engine = new OpenRouter({ apiKey: key });\nawait engine.complete(model, thread, { headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
      errors: [{ messageId: 'attributionlessClient', line: 2 }],
    },
  ],
};
