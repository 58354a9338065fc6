import rule from '../../src/rules/prefer-listed-categories.js';
import { runRuleTests } from '../rule-tester.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const LANGCHAIN = "import { ChatOpenRouter } from '@langchain/openrouter';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const fetchWith = (value: string): string => `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Categories': ${value} } });`;

const unlisted = { messageId: 'unlistedOnly' as const, data: { slug: 'coding-assistant', companion: 'ide-extension' } };

runRuleTests('prefer-listed-categories', rule, {
  valid: [
    // The listed slug is sent beside it, or the request's two slugs are taken.
    fetchWith("'coding-assistant,ide-extension'"),
    fetchWith("'ide-extension, coding-assistant'"),
    fetchWith("'coding-assistant,cli-agent'"),
    `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appCategories: 'coding-assistant,programming-app' });`,
    // Listed slugs alone.
    fetchWith("'ide-extension'"),
    fetchWith("'cli-agent'"),
    // Values the file does not show, and misspellings (valid-categories' findings).
    fetchWith('process.env.APP_CATEGORIES'),
    fetchWith('`${category}`'),
    fetchWith("'coding-assistants'"),
    fetchWith("'Coding-Assistant'"),
    // Not OpenRouter traffic.
    "fetch('https://api.example.com/v1/chat/completions', { headers: { 'X-OpenRouter-Categories': 'coding-assistant' } });",
  ],
  invalid: [
    {
      code: fetchWith("'coding-assistant'"),
      errors: [{ ...unlisted, suggestions: [{ messageId: 'addCompanion', output: fetchWith("'coding-assistant,ide-extension'") }] }],
    },
    {
      code: `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appCategories: " coding-assistant " });`,
      errors: [
        {
          ...unlisted,
          line: 2,
          suggestions: [{ messageId: 'addCompanion', output: `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appCategories: "coding-assistant,ide-extension" });` }],
        },
      ],
    },
    {
      // A constant is edited where it is written.
      code: `const CATEGORY = 'coding-assistant';\n${fetchWith('CATEGORY')}`,
      errors: [{ ...unlisted, line: 1, suggestions: [{ messageId: 'addCompanion', output: `const CATEGORY = 'coding-assistant,ide-extension';\n${fetchWith('CATEGORY')}` }] }],
    },
    {
      // One alternative of several: the one that sends the unlisted slug alone.
      code: fetchWith("pro ? 'coding-assistant' : 'cli-agent,ide-extension'"),
      errors: [{ ...unlisted, suggestions: [{ messageId: 'addCompanion', output: fetchWith("pro ? 'coding-assistant,ide-extension' : 'cli-agent,ide-extension'") }] }],
    },
    {
      // An array of slugs: reported, no string to edit.
      code: `${LANGCHAIN}new ChatOpenRouter({ model: 'openai/gpt-5', siteUrl: 'https://acme.dev', appCategories: ['coding-assistant'] });`,
      errors: [{ ...unlisted, line: 2 }],
    },
  ],
});
