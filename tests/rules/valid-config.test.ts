import rule from '../../src/rules/valid-config.js';
import { runRuleTests } from '../rule-tester.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const CLIENT = `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: 'Acme' });`;
const KEYS = 'referer, title, categories, additionalCategories, additionalGenericTitleWords, clients';

runRuleTests('valid-config', rule, {
  valid: [
    CLIENT,
    { code: CLIENT, settings: { openrouter: { referer: 'https://acme.dev', title: 'Acme Docs', categories: 'cli-agent' } } },
    // Other plugins' settings are not this plugin's to judge.
    { code: CLIENT, settings: { react: { version: 'detect' }, openai: {}, 'import/resolver': {} } },
    // The namespace is there: a second spelling beside it is not read as a typo of it.
    { code: CLIENT, settings: { openrouter: { title: 'Acme Docs' }, OpenRouterLegacy: {} } },
    // No OpenRouter call in the file: the config is not used here, so not judged here.
    { code: 'export const answer = 42;', settings: { openrouter: { titel: 'Acme' } } },
    // Where a host says the settings are written changes no verdict on a valid config.
    { code: CLIENT, settings: { openrouter: { referer: 'https://acme.dev' }, 'openrouter/settings-source': '/app/tsconfig.json: compilerOptions.plugins[0].openrouter' } },
  ],
  invalid: [
    // A host whose users write the settings elsewhere (the tsserver plugin: its tsconfig entry) is named instead of settings.openrouter.
    {
      code: CLIENT,
      settings: { openrouter: { titel: 'Acme' }, 'openrouter/settings-source': '/app/tsconfig.json: compilerOptions.plugins[0].openrouter' },
      errors: [
        {
          messageId: 'invalidConfig',
          data: { problem: `/app/tsconfig.json: compilerOptions.plugins[0].openrouter.titel: unknown key (did you mean "title"?); known keys: ${KEYS}` },
        },
      ],
    },
    // Not a string: the default name.
    {
      code: CLIENT,
      settings: { openrouter: { titel: 'Acme' }, 'openrouter/settings-source': 42 },
      errors: [{ messageId: 'invalidConfig', data: { problem: `settings.openrouter.titel: unknown key (did you mean "title"?); known keys: ${KEYS}` } }],
    },
    {
      code: CLIENT,
      settings: { openrouter: { referer: 'acme.dev', titel: 'Acme' } },
      errors: [
        {
          messageId: 'invalidConfig',
          line: 1,
          column: 1,
          data: { problem: `settings.openrouter.titel: unknown key (did you mean "title"?); known keys: ${KEYS}` },
        },
        {
          messageId: 'invalidConfig',
          line: 1,
          column: 1,
          data: { problem: 'settings.openrouter.referer: "acme.dev" is not an absolute http(s) URL such as "https://myapp.example"' },
        },
      ],
    },
    {
      code: CLIENT,
      settings: { openRouter: { referer: 'https://acme.dev' } },
      errors: [
        {
          messageId: 'invalidConfig',
          data: { problem: 'settings.openRouter: is not read (did you mean settings.openrouter?); no attribution is read from it' },
        },
      ],
    },
    {
      code: CLIENT,
      settings: { 'open-router': { referer: 'https://acme.dev' } },
      errors: [
        {
          messageId: 'invalidConfig',
          data: { problem: 'settings["open-router"]: is not read (did you mean settings.openrouter?); no attribution is read from it' },
        },
      ],
    },
    {
      code: CLIENT,
      settings: { openrouter: 'https://acme.dev' },
      errors: [
        {
          messageId: 'invalidConfig',
          data: { problem: 'settings.openrouter: must be an object like { "referer": "https://myapp.example", "title": "My App" }, got "https://acme.dev"' },
        },
      ],
    },
    {
      code: CLIENT,
      settings: { openrouter: { categories: { primary: 'roleplay' } } },
      errors: [
        {
          messageId: 'invalidConfig',
          data: { problem: 'settings.openrouter.categories: must be an array of slugs or a comma-separated string, got an object' },
        },
      ],
    },
    {
      // A wrapper entry: a misspelt key and a misspelt call form, each with did-you-mean.
      code: CLIENT,
      settings: { openrouter: { clients: [{ module: '@acme/llm', exprot: 'createLlm', call: 'cal', options: { referer: 'siteUrl', title: 'siteName' } }] } },
      errors: [
        {
          messageId: 'invalidConfig',
          data: {
            problem:
              'settings.openrouter.clients[0].exprot: unknown key (did you mean "export"?); known keys: module, export, call, argument, options, categoriesForm, headers, baseUrl, openRouter',
          },
        },
        { messageId: 'invalidConfig', data: { problem: 'settings.openrouter.clients[0].export: must be an export name such as "createLlm", or "default", got nothing' } },
        { messageId: 'invalidConfig', data: { problem: 'settings.openrouter.clients[0].call: must be "new" or "call", got "cal" (did you mean "call"?)' } },
      ],
    },
    {
      code: CLIENT,
      settings: { openrouter: { clients: [{ module: 42, export: 'createLlm', call: 'call', headers: 'headers' }] } },
      errors: [
        {
          messageId: 'invalidConfig',
          data: { problem: 'settings.openrouter.clients[0].module: must be a package name such as "@acme/llm" or a path alias such as "@/lib/llm", got number 42' },
        },
      ],
    },
    {
      code: CLIENT,
      settings: { openrouter: { clients: Array.from({ length: 65 }, (_, index) => ({ module: '@acme/llm', export: `create${index}`, call: 'call', headers: 'headers' })) } },
      errors: [{ messageId: 'invalidConfig', data: { problem: 'settings.openrouter.clients: 65 clients given; at most 64 are read, the rest are dropped' } }],
    },
    {
      // Reported in a file with any OpenRouter call, attributed or not.
      code: `fetch('https://openrouter.ai/api/v1/chat/completions', { headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
      settings: { openrouter: { title: 'Chatbot' } },
      errors: [{ messageId: 'invalidConfig', data: { problem: 'settings.openrouter.title: "Chatbot" is a generic name; use the name users know the app by' } }],
    },
  ],
});
