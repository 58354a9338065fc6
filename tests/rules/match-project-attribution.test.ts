import rule from '../../src/rules/match-project-attribution.js';
import { runRuleTests } from '../rule-tester.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const OPENAI = "import OpenAI from 'openai';\n";
const LANGCHAIN = "import { ChatOpenRouter } from '@langchain/openrouter';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const IDENTITY = { openrouter: { referer: 'https://acme.dev', title: 'Acme Docs', categories: ['programming-app', 'cli-agent'] } };
const REFERER_ONLY = { openrouter: { referer: 'https://acme.dev' } };

const sdk = (options: string): string => `${SDK}new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, ${options} });`;
const fetchWith = (headers: string): string => `fetch(${URL}, { method: 'POST', headers: { ${headers} } });`;

runRuleTests('match-project-attribution', rule, {
  valid: [
    // The configured identity, in every form a client takes it.
    { code: sdk("httpReferer: 'https://acme.dev', appTitle: 'Acme Docs', appCategories: 'programming-app,cli-agent'"), settings: IDENTITY },
    { code: fetchWith("'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme Docs', 'X-Title': 'Acme Docs'"), settings: IDENTITY },
    // Categories are a set: order and spaces do not matter.
    { code: fetchWith("'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Categories': 'cli-agent, programming-app'"), settings: IDENTITY },
    // Letter case and a trailing slash are not known to make another app.
    { code: fetchWith("'HTTP-Referer': 'https://acme.dev/'"), settings: IDENTITY },
    { code: fetchWith("'HTTP-Referer': 'https://Acme.dev'"), settings: IDENTITY },
    { code: fetchWith("'HTTP-Referer': ' https://acme.dev '"), settings: IDENTITY },
    // Only configured fields are compared.
    { code: sdk("httpReferer: 'https://acme.dev', appTitle: 'Anything Goes'"), settings: REFERER_ONLY },
    // Nothing configured: nothing to compare with.
    sdk("httpReferer: 'https://other.dev', appTitle: 'Other'"),
    // Env-driven and unknown values stay silent.
    { code: sdk('httpReferer: process.env.SITE_URL, appTitle: process.env.APP_TITLE'), settings: IDENTITY },
    { code: fetchWith("'HTTP-Referer': `https://${process.env.HOST}`, 'X-OpenRouter-Title': appTitle"), settings: IDENTITY },
    // A localhost referer is a development setup, `require-title-for-localhost`'s concern.
    { code: fetchWith("'HTTP-Referer': 'http://localhost:3000', 'X-Title': 'Acme Docs'"), settings: IDENTITY },
    // Values other rules report as broken get their finding there, not a second one here.
    { code: fetchWith("'HTTP-Referer': 'https://your-site.com'"), settings: IDENTITY },
    { code: fetchWith("'HTTP-Referer': ''"), settings: IDENTITY },
    { code: fetchWith("'HTTP-Referer': 'acme.dev'"), settings: IDENTITY },
    { code: fetchWith("'HTTP-Referer': 'https://acme.dev?ref=app'"), settings: IDENTITY },
    { code: fetchWith("'HTTP-Referer': 'https://www.acme.dev'"), settings: IDENTITY },
    { code: fetchWith("'X-OpenRouter-Title': 'Chatbot'"), settings: IDENTITY },
    { code: fetchWith("'X-OpenRouter-Title': 'Acme \u2014 Docs'"), settings: IDENTITY },
    { code: fetchWith("'X-OpenRouter-Categories': 'cli-agnet'"), settings: IDENTITY },
    { code: fetchWith("'X-OpenRouter-Categories': 'cli-agent,game,roleplay'"), settings: IDENTITY },
    // Not OpenRouter traffic.
    { code: "fetch('https://example.com/api', { headers: { 'HTTP-Referer': 'https://other.dev', 'X-Title': 'Other' } });", settings: IDENTITY },
  ],
  invalid: [
    {
      code: sdk("httpReferer: 'https://acme-docs.dev'"),
      settings: IDENTITY,
      errors: [
        {
          messageId: 'differs',
          data: { field: 'HTTP-Referer', value: '"https://acme-docs.dev"', configured: '"https://acme.dev"' },
          suggestions: [{ messageId: 'useConfigured', data: { configured: '"https://acme.dev"' }, output: sdk("httpReferer: 'https://acme.dev'") }],
        },
      ],
    },
    {
      // A repository URL is an identity of its own.
      code: fetchWith("'HTTP-Referer': 'https://github.com/acme/docs'"),
      settings: IDENTITY,
      errors: [{ messageId: 'differs', suggestions: [{ messageId: 'useConfigured', output: fetchWith("'HTTP-Referer': 'https://acme.dev'") }] }],
    },
    {
      code: fetchWith('"X-Title": "Acme"'),
      settings: IDENTITY,
      errors: [
        {
          messageId: 'differs',
          data: { field: 'Title', value: '"Acme"', configured: '"Acme Docs"' },
          suggestions: [{ messageId: 'useConfigured', output: fetchWith('"X-Title": "Acme Docs"') }],
        },
      ],
    },
    {
      // A constant is reported where it is written, and replaced there.
      code: `const TITLE = 'Acme Documentation';\n${sdk('appTitle: TITLE')}`,
      settings: IDENTITY,
      errors: [{ messageId: 'differs', suggestions: [{ messageId: 'useConfigured', output: `const TITLE = 'Acme Docs';\n${sdk('appTitle: TITLE')}` }] }],
    },
    {
      // The fallback of an env read ships when the variable is unset.
      code: sdk("appTitle: process.env.APP_TITLE ?? 'Acme Dev'"),
      settings: IDENTITY,
      errors: [{ messageId: 'differs', suggestions: [{ messageId: 'useConfigured', output: sdk("appTitle: process.env.APP_TITLE ?? 'Acme Docs'") }] }],
    },
    {
      code: fetchWith("'X-OpenRouter-Categories': 'programming-app'"),
      settings: IDENTITY,
      errors: [
        {
          messageId: 'differs',
          data: { field: 'Categories', value: '"programming-app"', configured: '"programming-app,cli-agent"' },
          suggestions: [{ messageId: 'useConfigured', output: fetchWith("'X-OpenRouter-Categories': 'programming-app,cli-agent'") }],
        },
      ],
    },
    {
      // An array of slugs has no string to replace: reported without a suggestion.
      code: `${LANGCHAIN}new ChatOpenRouter({ model: 'openai/gpt-5', siteUrl: 'https://acme.dev', appCategories: ['game'] });`,
      settings: IDENTITY,
      errors: [{ messageId: 'differs', data: { field: 'Categories', value: '"game"', configured: '"programming-app,cli-agent"' }, suggestions: [] }],
    },
    {
      // Each value that differs is its own finding.
      code: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.app', 'X-OpenRouter-Title': 'Acme' } });`,
      settings: IDENTITY,
      errors: [
        { messageId: 'differs', suggestions: [{ messageId: 'useConfigured', output: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme' } });` }] },
        { messageId: 'differs', suggestions: [{ messageId: 'useConfigured', output: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.app', 'X-OpenRouter-Title': 'Acme Docs' } });` }] },
      ],
    },
  ],
});
