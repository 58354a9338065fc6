import rule from '../../src/rules/no-generic-title.js';
import { runRuleTests } from '../rule-tester.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const OPENAI = "import OpenAI from 'openai';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const fetchWith = (value: string, name = 'X-Title'): string =>
  `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://acme.dev', '${name}': ${value} } });`;

runRuleTests('no-generic-title', rule, {
  valid: [
    fetchWith("'Acme Chatbot'"),
    fetchWith("'Acme'"),
    fetchWith("'Your Money Coach'"),
    fetchWith("'Aider'"),
    fetchWith('process.env.APP_NAME'),
    fetchWith("process.env.APP_NAME || ''"),
    fetchWith("`${BRAND} Assistant`"),
    `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: 'Docs Copilot by Acme' });`,
    // Not an OpenRouter request.
    "fetch('https://example.com/v1/chat/completions', { headers: { 'X-Title': 'Chatbot' } });",
  ],
  invalid: [
    { code: fetchWith("'Chatbot'"), errors: [{ messageId: 'genericTitle', data: { title: '"Chatbot"' } }] },
    { code: fetchWith("'My AI Assistant'", 'X-OpenRouter-Title'), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'AI App'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'Test App'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'my-ai-app'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'<YOUR_SITE_NAME>'"), errors: [{ messageId: 'placeholderTitle' }] },
    { code: fetchWith("'YOUR_APP_NAME'"), errors: [{ messageId: 'placeholderTitle' }] },
    { code: fetchWith("'Your Site Name'"), errors: [{ messageId: 'placeholderTitle' }] },
    { code: fetchWith("'Your App Name'"), errors: [{ messageId: 'placeholderTitle' }] },
    {
      code: fetchWith("'Chatbot'"),
      settings: { openrouter: { title: 'Acme Docs' } },
      errors: [
        {
          messageId: 'genericTitle',
          suggestions: [{ messageId: 'useConfiguredTitle', data: { title: '"Acme Docs"' }, output: fetchWith("'Acme Docs'") }],
        },
      ],
    },
    {
      code: `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: process.env.APP_TITLE ?? 'AI Assistant' });`,
      errors: [{ messageId: 'genericTitle' }],
    },
    {
      code: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Demo' } });`,
      errors: [{ messageId: 'genericTitle' }],
    },
    {
      // Project words extend the list.
      code: fetchWith("'Widget Helper'"),
      settings: { openrouter: { additionalGenericTitleWords: ['widget'] } },
      errors: [{ messageId: 'genericTitle' }],
    },
  ],
});
