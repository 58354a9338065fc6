/**
 * A project's own wrapper, declared in `settings.openrouter.clients`, gets every rule and fix the
 * built-in clients get: `createLlm()` from `@acme/llm`, in files that never say OpenRouter.
 */
import noGenericTitle from '../../src/rules/no-generic-title.js';
import requireReferer from '../../src/rules/require-referer.js';
import requireTitleForLocalhost from '../../src/rules/require-title-for-localhost.js';
import validCategories from '../../src/rules/valid-categories.js';
import { runRuleTests } from '../rule-tester.js';

const LLM = { module: '@acme/llm', export: 'createLlm', call: 'call', options: { referer: 'siteUrl', title: 'siteName', categories: 'appCategories' } };
/** A class whose options take free headers under `http.headers`, and count only with an OpenRouter base URL. */
const GATEWAY = { module: '@/lib/gateway', export: 'Gateway', call: 'new', argument: 1, headers: 'http.headers', baseUrl: 'endpoint', openRouter: 'when-base-url' };
const WITH_CLIENTS = { openrouter: { clients: [LLM, GATEWAY] } };
const WITH_IDENTITY = { openrouter: { referer: 'https://acme.dev', title: 'Acme Docs', categories: ['cli-agent'], clients: [LLM, GATEWAY] } };

const IMPORT_LLM = "import { createLlm } from '@acme/llm';\n";
const IMPORT_GATEWAY = "import { Gateway } from '@/lib/gateway';\n";
const OPENROUTER = "'https://openrouter.ai/api/v1'";

runRuleTests('require-referer', requireReferer, {
  valid: [
    // Attribution passed through the wrapper's own options, or its headers.
    { code: `${IMPORT_LLM}createLlm({ siteUrl: 'https://acme.dev', siteName: 'Acme' });`, settings: WITH_CLIENTS },
    { code: `${IMPORT_LLM}createLlm({ siteUrl: process.env.SITE_URL });`, settings: WITH_CLIENTS },
    { code: `${IMPORT_LLM}createLlm(options);`, settings: WITH_CLIENTS },
    { code: `${IMPORT_GATEWAY}new Gateway('m', { endpoint: ${OPENROUTER}, http: { headers: { 'HTTP-Referer': 'https://acme.dev' } } });`, settings: WITH_CLIENTS },
    // Another base URL: not OpenRouter traffic.
    { code: `${IMPORT_GATEWAY}new Gateway('m', { endpoint: 'https://api.example.com' });`, settings: WITH_CLIENTS },
    // The wrapper is not declared, or the binding is another module's, or the call form differs.
    `${IMPORT_LLM}createLlm({});`,
    { code: "import { createLlm } from '@acme/other';\ncreateLlm({});", settings: WITH_CLIENTS },
    { code: `${IMPORT_LLM}new createLlm({});`, settings: WITH_CLIENTS },
    { code: `${IMPORT_GATEWAY}Gateway('m', { endpoint: ${OPENROUTER} });`, settings: WITH_CLIENTS },
    // A client entry with a problem is dropped whole: its calls are not judged.
    { code: `${IMPORT_LLM}createLlm({});`, settings: { openrouter: { clients: [{ ...LLM, call: 'cal' }] } } },
  ],
  invalid: [
    {
      code: `${IMPORT_LLM}createLlm({ model: 'm' });`,
      settings: WITH_IDENTITY,
      output: `${IMPORT_LLM}createLlm({ model: 'm', siteUrl: 'https://acme.dev', siteName: 'Acme Docs', appCategories: 'cli-agent' });`,
      errors: [{ messageId: 'missingReferer', data: { site: 'this @acme/llm client', where: '`siteUrl`', fixHint: '' }, line: 2, column: 1 }],
    },
    {
      // No options argument yet; `require` finds it too.
      code: "const { createLlm } = require('@acme/llm');\ncreateLlm();",
      settings: WITH_IDENTITY,
      output: "const { createLlm } = require('@acme/llm');\ncreateLlm({ siteUrl: 'https://acme.dev', siteName: 'Acme Docs', appCategories: 'cli-agent' });",
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // Free headers nested in the options, written where the wrapper reads them.
      code: `${IMPORT_GATEWAY}new Gateway('m', { endpoint: ${OPENROUTER} });`,
      settings: WITH_IDENTITY,
      // Past the line's width, the new object breaks over lines.
      output: [
        `${IMPORT_GATEWAY}new Gateway('m', { endpoint: ${OPENROUTER}, http: {`,
        '  headers: {',
        "    'HTTP-Referer': 'https://acme.dev',",
        "    'X-OpenRouter-Title': 'Acme Docs',",
        "    'X-OpenRouter-Categories': 'cli-agent'",
        '  }',
        '} });',
      ].join('\n'),
      errors: [{ messageId: 'missingReferer', data: { site: 'this @/lib/gateway client', where: 'an `HTTP-Referer` header in `http.headers`', fixHint: '' } }],
    },
    {
      // Settings-free of identity: reported, no fix.
      code: `${IMPORT_LLM}createLlm({ siteName: 'Acme' });`,
      settings: WITH_CLIENTS,
      errors: [{ messageId: 'titleWithoutReferer' }],
    },
  ],
});

runRuleTests('require-title-for-localhost', requireTitleForLocalhost, {
  valid: [{ code: `${IMPORT_LLM}createLlm({ siteUrl: 'http://localhost:3000', siteName: 'Acme' });`, settings: WITH_CLIENTS }],
  invalid: [
    {
      code: `${IMPORT_LLM}createLlm({ siteUrl: 'http://localhost:3000' });`,
      settings: WITH_IDENTITY,
      output: `${IMPORT_LLM}createLlm({ siteUrl: 'http://localhost:3000', siteName: 'Acme Docs' });`,
      errors: [{ messageId: 'localhostWithoutTitle' }],
    },
  ],
});

runRuleTests('valid-categories', validCategories, {
  valid: [{ code: `${IMPORT_LLM}createLlm({ siteUrl: 'https://acme.dev', appCategories: 'cli-agent' });`, settings: WITH_CLIENTS }],
  invalid: [
    {
      code: `${IMPORT_LLM}createLlm({ siteUrl: 'https://acme.dev', appCategories: 'blockchain' });`,
      settings: WITH_CLIENTS,
      errors: [{ messageId: 'unknownCategory', data: { slug: 'blockchain', hint: '' }, suggestions: [] }],
    },
  ],
});

runRuleTests('no-generic-title', noGenericTitle, {
  valid: [{ code: `${IMPORT_LLM}createLlm({ siteUrl: 'https://acme.dev', siteName: 'Acme Chatbot' });`, settings: WITH_CLIENTS }],
  invalid: [
    {
      code: `${IMPORT_LLM}createLlm({ siteUrl: 'https://acme.dev', siteName: 'Chatbot' });`,
      settings: WITH_IDENTITY,
      errors: [
        {
          messageId: 'genericTitle',
          suggestions: [{ messageId: 'useConfiguredTitle', output: `${IMPORT_LLM}createLlm({ siteUrl: 'https://acme.dev', siteName: 'Acme Docs' });` }],
        },
      ],
    },
  ],
});
