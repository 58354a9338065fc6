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
const FIX_HINT = ' To let --fix insert it, set "referer" in settings.openrouter or in the "openrouter" field of package.json.';

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
    // Another export of the module, or a local of the same name, is not the wrapper.
    { code: "import { createEmbedder } from '@acme/llm';\ncreateEmbedder({});", settings: WITH_CLIENTS },
    { code: `${IMPORT_LLM}function make(createLlm) { return createLlm({}); }`, settings: WITH_CLIENTS },
    // A default export is only the declared one when the entry says so.
    { code: "import createLlm from '@acme/llm';\ncreateLlm({});", settings: WITH_CLIENTS },
    { code: "import llm from '@acme/llm';\nllm({ siteUrl: 'https://acme.dev' });", settings: { openrouter: { clients: [{ ...LLM, export: 'default' }] } } },
    // Attribution the wrapper's options may hold: a spread, or a headers object it cannot see.
    { code: `${IMPORT_LLM}createLlm({ model: 'm', ...defaults });`, settings: WITH_CLIENTS },
    { code: `${IMPORT_GATEWAY}new Gateway('m', { endpoint: ${OPENROUTER}, http: { headers: buildHeaders() } });`, settings: WITH_CLIENTS },
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
      // Through a namespace import, a dynamic import and a default export.
      code: "import * as llm from '@acme/llm';\nllm.createLlm({ model: 'm' });",
      settings: WITH_CLIENTS,
      errors: [{ messageId: 'missingReferer', data: { site: 'this @acme/llm client', where: '`siteUrl`', fixHint: FIX_HINT } }],
    },
    {
      code: "const { createLlm } = await import('@acme/llm');\ncreateLlm({ model: 'm' });",
      settings: WITH_CLIENTS,
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      code: "import llm from '@acme/llm';\nllm({ model: 'm' });",
      settings: { openrouter: { clients: [{ ...LLM, export: 'default' }] } },
      errors: [{ messageId: 'missingReferer' }],
    },
    {
      // The same entry from package.json's field would do; here an entry that lists two names takes either.
      code: `${IMPORT_LLM}createLlm({ model: 'm', appName: 'Acme' });`,
      settings: { openrouter: { clients: [{ ...LLM, options: { referer: ['siteUrl', 'appUrl'], title: ['siteName', 'appName'] } }] } },
      errors: [{ messageId: 'titleWithoutReferer' }],
    },
    {
      // A wrapper that takes no categories: the fix writes what it takes.
      code: `${IMPORT_LLM}createLlm({ model: 'm' });`,
      settings: { openrouter: { ...WITH_IDENTITY.openrouter, clients: [{ ...LLM, options: { referer: 'siteUrl', title: 'siteName' } }] } },
      output: `${IMPORT_LLM}createLlm({ model: 'm', siteUrl: 'https://acme.dev', siteName: 'Acme Docs' });`,
      errors: [{ messageId: 'missingReferer' }],
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
