import rule from '../../src/rules/no-ignored-attribution.js';
import { runRuleTests } from '../rule-tester.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const OPENAI = "import OpenAI from 'openai';\n";
const KIT = "import { OpenRouterClient } from 'openrouter-kit';\n";
const AI_SDK = "import { createOpenAI } from '@ai-sdk/openai';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const BASE = "baseURL: 'https://openrouter.ai/api/v1'";
const fetchWith = (headers: string): string => `fetch(${URL}, { method: 'POST', headers: ${headers} });`;

runRuleTests('no-ignored-attribution', rule, {
  valid: [
    // Attribution where each client reads it.
    `${SDK}new OpenRouter({ apiKey: 'k', httpReferer: 'https://acme.dev', appTitle: 'Acme', appCategories: 'cli-agent' });`,
    `${OPENAI}new OpenAI({ ${BASE}, defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme' } });`,
    `${AI_SDK}createOpenAI({ ${BASE}, headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
    `${KIT}new OpenRouterClient({ apiKey: 'k', axiosConfig: { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } } });`,
    fetchWith("{ 'http-referer': 'https://acme.dev', 'x-title': 'Acme', 'x-openrouter-categories': 'cli-agent' }"),
    // Env-driven attribution in the right places.
    `${SDK}new OpenRouter({ httpReferer: process.env.SITE_URL, appTitle: process.env.APP_TITLE });`,
    fetchWith("{ 'HTTP-Referer': process.env.SITE_URL, 'X-Title': process.env.SITE_NAME }"),
    // An ignored option without attribution in it, or whose contents the file does not show: require-referer's.
    `${SDK}new OpenRouter({ apiKey: 'k', defaultHeaders: { 'X-Custom': '1' } });`,
    `${SDK}new OpenRouter({ apiKey: 'k', defaultHeaders: buildHeaders() });`,
    // The field is sent in the right place too: the copy in the ignored option loses nothing.
    `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });`,
    `${KIT}new OpenRouterClient({ referer: 'https://acme.dev', axiosConfig: { headers: { 'HTTP-Referer': 'https://acme.dev' } } });`,
    // A Referer beside HTTP-Referer: the attribution is sent.
    fetchWith("{ Referer: 'https://acme.dev', 'HTTP-Referer': 'https://acme.dev' }"),
    // Headers the file does not show may hold the right name.
    fetchWith("{ ...common, Referer: 'https://acme.dev' }"),
    fetchWith("{ ...common, 'HTTP-Referrer': 'https://acme.dev' }"),
    // Real, different headers, and headers near no attribution name.
    fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-Time': '1', 'X-Tile': 'a', 'X-Request-Id': 'r', 'Referrer-Policy': 'no-referrer', Origin: 'https://acme.dev' }"),
    fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-App-Visibility': 'hidden', 'X-OpenRouter-Cache': '1' }"),
    // A near miss of a field the site sends under its right name.
    fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme', 'X-Openrouter-Titel': 'Acme' }"),
    fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'OpenRouter-Referer': 'https://acme.dev' }"),
    // Names whose words say OpenRouter and something other than attribution, or attribution without OpenRouter.
    fetchWith("{ 'X-OpenRouter-Provider-Name': 'p', 'X-OpenRouter-Title-Prefix': 't', 'X-App-Name': 'Acme', 'X-Category': 'c', 'Referrer-Policy': 'no-referrer' }"),
    fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Referer-Policy': 'strict' }"),
    // Not OpenRouter traffic, whatever the names say.
    "fetch('https://example.com/api', { method: 'POST', headers: { 'OpenRouter-Referer': 'https://acme.dev', 'X-OpenRouter-App-Name': 'Acme' } });",
    // Not OpenRouter traffic.
    "fetch('https://example.com/api', { headers: { Referer: 'https://acme.dev', 'HTTP-Referrer': 'x' } });",
    `${OPENAI}new OpenAI({ baseURL: 'https://api.openai.com/v1', defaultHeaders: { Referer: 'https://acme.dev' } });`,
    "const headers = { HTTP_REFERER: 'https://acme.dev' };",
    // A local class of the same name is not the SDK.
    "class OpenRouter { constructor(o) {} }\nnew OpenRouter({ defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });",
    // Clients built on @openrouter/sdk take its options, where attribution is read.
    "import { openRouterImage } from '@tanstack/ai-openrouter';\nopenRouterImage('m', { httpReferer: 'https://acme.dev', appTitle: 'Acme' });",
    "import { OpenRouter } from '@openrouter/agent';\nnew OpenRouter({ apiKey: key, httpReferer: 'https://acme.dev', defaultHeaders: { 'X-Request-Id': id } });",
    // Anthropic's SDK takes `defaultHeaders`; @ai-sdk/anthropic with no base URL of OpenRouter's is not OpenRouter traffic.
    "import Anthropic from '@anthropic-ai/sdk';\nnew Anthropic({ baseURL: 'https://openrouter.ai/api', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });",
    "import { createAnthropic } from '@ai-sdk/anthropic';\ncreateAnthropic({ defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });",
  ],
  invalid: [
    {
      // Moved from require-referer: the SDK ignores defaultHeaders (older docs showed it).
      code: `${SDK}new OpenRouter({ apiKey: 'k', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } });`,
      output: `${SDK}new OpenRouter({ apiKey: 'k', httpReferer: 'https://acme.dev', appTitle: 'Acme' });`,
      errors: [
        {
          messageId: 'ignoredOption',
          data: { client: '@openrouter/sdk', option: 'defaultHeaders', fields: 'referer and title', verb: 'are', where: '`httpReferer` and `appTitle`' },
          line: 2,
          column: 31,
        },
      ],
    },
    {
      // The example, over lines: each option on its own line.
      code: `${SDK}const client = new OpenRouter({\n  apiKey: process.env.OPENROUTER_API_KEY,\n  defaultHeaders: {\n    'HTTP-Referer': SITE_URL,\n    'X-OpenRouter-Title': 'Acme',\n    'X-OpenRouter-Categories': 'cli-agent',\n  },\n});`,
      output: `${SDK}const client = new OpenRouter({\n  apiKey: process.env.OPENROUTER_API_KEY,\n  httpReferer: SITE_URL,\n  appTitle: 'Acme',\n  appCategories: 'cli-agent',\n});`,
      errors: [{ messageId: 'ignoredOption', data: { client: '@openrouter/sdk', option: 'defaultHeaders', fields: 'referer, title and categories', verb: 'are', where: '`httpReferer` and `appTitle` and `appCategories`' } }],
    },
    {
      // A value is moved as written, parentheses included.
      code: `${SDK}new OpenRouter({ defaultHeaders: { 'HTTP-Referer': (log(), 'https://acme.dev') } });`,
      output: `${SDK}new OpenRouter({ httpReferer: (log(), 'https://acme.dev') });`,
      errors: [{ messageId: 'ignoredOption' }],
    },
    {
      // `headers` is ignored at construction too.
      code: `${SDK}new OpenRouter({ headers: { 'http-referer': process.env.SITE_URL } });`,
      output: `${SDK}new OpenRouter({ httpReferer: process.env.SITE_URL });`,
      errors: [{ messageId: 'ignoredOption', data: { client: '@openrouter/sdk', option: 'headers', fields: 'referer', verb: 'is', where: '`httpReferer`' } }],
    },
    {
      // Shorthand: reported; the headers object is elsewhere, so nothing is moved.
      code: `${SDK}const defaultHeaders = { 'HTTP-Referer': 'https://acme.dev' };\nnew OpenRouter({ apiKey: 'k', defaultHeaders });`,
      errors: [{ messageId: 'ignoredOption', line: 3 }],
    },
    {
      // Other headers in it: the SDK has no option for them, so nothing is moved.
      code: `${SDK}new OpenRouter({ defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Custom': '1' } });`,
      errors: [{ messageId: 'ignoredOption' }],
    },
    {
      // The target option is already set: moving would write it twice.
      code: `${SDK}new OpenRouter({ appTitle: 'Acme', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } });`,
      errors: [{ messageId: 'ignoredOption', data: { client: '@openrouter/sdk', option: 'defaultHeaders', fields: 'referer', verb: 'is', where: '`httpReferer`' } }],
    },
    {
      // Two title headers for one option: not one-to-one.
      code: `${SDK}new OpenRouter({ defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme', 'X-OpenRouter-Title': 'Acme' } });`,
      errors: [{ messageId: 'ignoredOption' }],
    },
    {
      // A comment would be lost.
      code: `${SDK}new OpenRouter({ defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' /* prod */ } });`,
      errors: [{ messageId: 'ignoredOption' }],
    },
    {
      // Both ignored options carry the referer: neither is moved.
      code: `${SDK}new OpenRouter({ headers: { 'HTTP-Referer': 'https://a.dev' }, defaultHeaders: { 'HTTP-Referer': 'https://a.dev' } });`,
      errors: [{ messageId: 'ignoredOption' }, { messageId: 'ignoredOption' }],
    },
    {
      // Options the file does not fully show: reported, not moved (the spread may set httpReferer).
      code: `${SDK}new OpenRouter({ ...base, defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });`,
      errors: [{ messageId: 'ignoredOption' }],
    },
    {
      // Moved from require-referer: openrouter-kit ignores `referer` and `title`; it reads axiosConfig.headers.
      code: `${KIT}new OpenRouterClient({ apiKey: 'k', referer: 'https://acme.dev', title: 'Acme' });`,
      errors: [
        { messageId: 'ignoredOption', data: { client: 'openrouter-kit', option: 'referer', fields: 'referer', verb: 'is', where: 'an `HTTP-Referer` header in `axiosConfig.headers`' } },
        { messageId: 'ignoredOption', data: { client: 'openrouter-kit', option: 'title', fields: 'title', verb: 'is', where: 'an `X-OpenRouter-Title` header in `axiosConfig.headers`' } },
      ],
    },
    {
      code: `${KIT}new OpenRouterClient({\n  apiKey: 'k',\n  referer: 'https://acme.dev',\n});`,
      errors: [{ messageId: 'ignoredOption', line: 4 }],
    },
    {
      // Moved from require-referer: @ai-sdk/openai takes `headers`; the key is renamed.
      code: `${AI_SDK}createOpenAI({ ${BASE}, defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } });`,
      output: `${AI_SDK}createOpenAI({ ${BASE}, headers: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } });`,
      errors: [{ messageId: 'ignoredOption', data: { client: '@ai-sdk/openai', option: 'defaultHeaders', fields: 'referer and title', verb: 'are', where: 'an `HTTP-Referer` header in `headers` and an `X-OpenRouter-Title` header in `headers`' } }],
    },
    {
      code: `${AI_SDK}const defaultHeaders = { 'HTTP-Referer': 'https://acme.dev' };\ncreateOpenAI({ ${BASE}, defaultHeaders });`,
      output: `${AI_SDK}const defaultHeaders = { 'HTTP-Referer': 'https://acme.dev' };\ncreateOpenAI({ ${BASE}, headers: defaultHeaders });`,
      errors: [{ messageId: 'ignoredOption' }],
    },
    {
      // Near misses: renamed when every header is in view and the right name is absent.
      code: fetchWith("{ 'HTTP-Referrer': 'https://acme.dev', 'X-Title': 'Acme' }"),
      output: fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' }"),
      errors: [{ messageId: 'nearMiss', data: { header: 'HTTP-Referrer', target: 'HTTP-Referer', field: 'referer' } }],
    },
    {
      code: fetchWith("{ HTTP_REFERER: 'https://acme.dev', 'X-OpenRouter-Category': 'cli-agent', \"X-Openrouter-Titel\": 'Acme' }"),
      output: fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Categories': 'cli-agent', \"X-OpenRouter-Title\": 'Acme' }"),
      errors: [
        { messageId: 'nearMiss', data: { header: 'HTTP_REFERER', target: 'HTTP-Referer', field: 'referer' } },
        { messageId: 'nearMiss', data: { header: 'X-OpenRouter-Category', target: 'X-OpenRouter-Categories', field: 'categories' } },
        { messageId: 'nearMiss', data: { header: 'X-Openrouter-Titel', target: 'X-OpenRouter-Title', field: 'title' } },
      ],
    },
    {
      // Misspelt names found by their words, not one by one: `OpenRouter-Referer` is seen in real code.
      code: fetchWith("{ 'OpenRouter-Referer': 'https://acme.dev', 'X-OpenRouter-App-Name': 'Acme', 'OpenRouter-Categories': 'cli-agent' }"),
      output: fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme', 'X-OpenRouter-Categories': 'cli-agent' }"),
      errors: [
        { messageId: 'nearMiss', data: { header: 'OpenRouter-Referer', target: 'HTTP-Referer', field: 'referer' } },
        { messageId: 'nearMiss', data: { header: 'X-OpenRouter-App-Name', target: 'X-OpenRouter-Title', field: 'title' } },
        { messageId: 'nearMiss', data: { header: 'OpenRouter-Categories', target: 'X-OpenRouter-Categories', field: 'categories' } },
      ],
    },
    {
      code: fetchWith("{ X_OPENROUTER_REFERRER: 'https://acme.dev', 'X-Open-Router-Site-Title': 'Acme' }"),
      output: fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme' }"),
      errors: [
        { messageId: 'nearMiss', data: { header: 'X_OPENROUTER_REFERRER', target: 'HTTP-Referer', field: 'referer' } },
        { messageId: 'nearMiss', data: { header: 'X-Open-Router-Site-Title', target: 'X-OpenRouter-Title', field: 'title' } },
      ],
    },
    {
      // Any name ending in the word Referer, on a site that sends no referer.
      code: fetchWith("{ 'X-App-Referer': 'https://acme.dev', 'X-Title': 'Acme' }"),
      output: fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' }"),
      errors: [{ messageId: 'nearMiss', data: { header: 'X-App-Referer', target: 'HTTP-Referer', field: 'referer' } }],
    },
    {
      // In headers shared by other code: reported, not renamed.
      code: `export const headers = { 'OpenRouter-Referer': 'https://acme.dev' };\n${fetchWith('headers')}`,
      errors: [{ messageId: 'nearMiss', data: { header: 'OpenRouter-Referer', target: 'HTTP-Referer', field: 'referer' } }],
    },
    {
      code: `${OPENAI}new OpenAI({ ${BASE}, defaultHeaders: { 'x_title': 'Acme', 'HTTP-Referer': 'https://acme.dev' } });`,
      output: `${OPENAI}new OpenAI({ ${BASE}, defaultHeaders: { 'X-OpenRouter-Title': 'Acme', 'HTTP-Referer': 'https://acme.dev' } });`,
      errors: [{ messageId: 'nearMiss', data: { header: 'x_title', target: 'X-OpenRouter-Title', field: 'title' } }],
    },
    {
      code: fetchWith("[['HTTP-Referrer', 'https://acme.dev']]"),
      output: fetchWith("[['HTTP-Referer', 'https://acme.dev']]"),
      errors: [{ messageId: 'nearMiss' }],
    },
    {
      // A near miss in headers shared by other code: reported, not renamed.
      code: `const headers = { 'HTTP-Referrer': 'https://acme.dev' };\nexport { headers };\n${fetchWith('headers')}`,
      errors: [{ messageId: 'nearMiss' }],
    },
    {
      // A plain Referer: a suggestion, never an autofix.
      code: fetchWith("{ Referer: 'https://acme.dev', 'X-Title': 'Acme' }"),
      errors: [
        {
          messageId: 'refererHeader',
          data: { header: 'Referer' },
          suggestions: [{ messageId: 'renameHeader', data: { header: 'Referer', target: 'HTTP-Referer', field: 'referer' }, output: fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' }") }],
        },
      ],
    },
    {
      code: `import axios from 'axios';\naxios.post(${URL}, body, { headers: { "referer": 'https://acme.dev' } });`,
      errors: [
        {
          messageId: 'refererHeader',
          suggestions: [{ messageId: 'renameHeader', output: `import axios from 'axios';\naxios.post(${URL}, body, { headers: { "HTTP-Referer": 'https://acme.dev' } });` }],
        },
      ],
    },
    {
      // One constant shared by two requests: one finding.
      code: `const headers = { Referer: 'https://acme.dev' };\n${fetchWith('headers')}\n${fetchWith('headers')}`,
      errors: [{ messageId: 'refererHeader', line: 1 }],
    },
    {
      // @tanstack/ai-openrouter passes its options to @openrouter/sdk, which has no `defaultHeaders`.
      code: "import { openRouterImage } from '@tanstack/ai-openrouter';\nopenRouterImage('m', { defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } });",
      output: "import { openRouterImage } from '@tanstack/ai-openrouter';\nopenRouterImage('m', { httpReferer: 'https://acme.dev', appTitle: 'Acme' });",
      errors: [
        {
          messageId: 'ignoredOption',
          data: { client: '@tanstack/ai-openrouter', option: 'defaultHeaders', fields: 'referer and title', verb: 'are', where: '`httpReferer` and `appTitle`' },
          line: 2,
        },
      ],
    },
    {
      code: "import { OpenRouter } from '@openrouter/agent';\nnew OpenRouter({ apiKey: key, headers: { 'HTTP-Referer': 'https://acme.dev' } });",
      output: "import { OpenRouter } from '@openrouter/agent';\nnew OpenRouter({ apiKey: key, httpReferer: 'https://acme.dev' });",
      errors: [{ messageId: 'ignoredOption', data: { client: '@openrouter/agent', option: 'headers', fields: 'referer', verb: 'is', where: '`httpReferer`' } }],
    },
    {
      // @ai-sdk/anthropic takes `headers`: the key is renamed.
      code: "import { createAnthropic } from '@ai-sdk/anthropic';\ncreateAnthropic({ baseURL: 'https://openrouter.ai/api', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });",
      output: "import { createAnthropic } from '@ai-sdk/anthropic';\ncreateAnthropic({ baseURL: 'https://openrouter.ai/api', headers: { 'HTTP-Referer': 'https://acme.dev' } });",
      errors: [{ messageId: 'ignoredOption', data: { client: '@ai-sdk/anthropic', option: 'defaultHeaders', fields: 'referer', verb: 'is', where: 'an `HTTP-Referer` header in `headers`' } }],
    },
    {
      // A misspelt header in the headers of an OpenRouter-bound Anthropic client.
      code: "import Anthropic from '@anthropic-ai/sdk';\nnew Anthropic({ baseURL: 'https://openrouter.ai/api', defaultHeaders: { 'HTTP-Referrer': 'https://acme.dev' } });",
      output: "import Anthropic from '@anthropic-ai/sdk';\nnew Anthropic({ baseURL: 'https://openrouter.ai/api', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });",
      errors: [{ messageId: 'nearMiss' }],
    },
  ],
  tsInvalid: [
    {
      // Behind a cast, and under @ts-expect-error: the SDK's types lack defaultHeaders.
      code: `${SDK}new OpenRouter({ apiKey: 'k', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } } as any);`,
      output: `${SDK}new OpenRouter({ apiKey: 'k', httpReferer: 'https://acme.dev' } as any);`,
      errors: [{ messageId: 'ignoredOption' }],
    },
    {
      code: `${SDK}new OpenRouter({\n  apiKey: 'k',\n  // @ts-expect-error older docs showed this option\n  defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } as Record<string, string>,\n});`,
      // Moving leaves the directive unused, which TypeScript reports: it goes too, as a suggestion only.
      errors: [
        {
          messageId: 'ignoredOption',
          line: 5,
          suggestions: [{ messageId: 'moveWithDirective', data: { where: '`httpReferer`' }, output: `${SDK}new OpenRouter({\n  apiKey: 'k',\n  httpReferer: 'https://acme.dev',\n});` }],
        },
      ],
    },
  ],
});
