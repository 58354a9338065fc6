import rule from '../../src/rules/valid-categories.js';
import { runRuleTests } from '../rule-tester.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const fetchWith = (value: string): string => `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Categories': ${value} } });`;

runRuleTests('valid-categories', rule, {
  valid: [
    `import { OpenRouter } from '@openrouter/sdk';\nconst client = new OpenRouter({ apiKey: 'k' });\nawait client.chat.send({ model: 'x', messages, httpReferer: 'https://acme.dev', appCategories: 'cli-agent' });`,
    fetchWith("'cli-agent'"),
    fetchWith("'cli-agent,ide-extension'"),
    fetchWith("'cli-agent, coding-assistant'"),
    fetchWith('process.env.APP_CATEGORIES'),
    fetchWith("['programming-app', 'general-chat'].join(',')"),
    `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appCategories: 'roleplay,game' });`,
    // A project's own slug.
    { code: fetchWith("'space-sim'"), settings: { openrouter: { additionalCategories: ['space-sim'] } } },
    // Not OpenRouter traffic.
    "fetch('https://example.com/chat/completions', { headers: { 'X-OpenRouter-Categories': 'nope' } });",
  ],
  invalid: [
    {
      // Per-request categories are checked like construction categories.
      code: `import { OpenRouter } from '@openrouter/sdk';\nconst client = new OpenRouter({ apiKey: 'k' });\nawait client.chat.send({ model: 'x', messages, httpReferer: 'https://acme.dev', appCategories: 'blockchain' });`,
      errors: [{ messageId: 'unknownCategory', data: { slug: 'blockchain', hint: '' }, line: 3, suggestions: [] }],
    },
    {
      code: fetchWith("'cli-agnet'"),
      errors: [
        {
          messageId: 'unknownCategory',
          data: { slug: 'cli-agnet', hint: ' Did you mean "cli-agent"?' },
          suggestions: [{ messageId: 'replaceSlug', data: { slug: 'cli-agnet', replacement: 'cli-agent' }, output: fetchWith("'cli-agent'") }],
        },
      ],
    },
    {
      // An inflected or lengthened slug suggests its known form, whatever the ending.
      code: fetchWith("'roleplaying'"),
      errors: [
        {
          messageId: 'unknownCategory',
          data: { slug: 'roleplaying', hint: ' Did you mean "roleplay"?' },
          suggestions: [{ messageId: 'replaceSlug', data: { slug: 'roleplaying', replacement: 'roleplay' }, output: fetchWith("'roleplay'") }],
        },
      ],
    },
    {
      code: fetchWith("'gaming,cli-agents'"),
      errors: [
        { messageId: 'unknownCategory', data: { slug: 'gaming', hint: ' Did you mean "game"?' }, suggestions: [{ messageId: 'replaceSlug', output: fetchWith("'game,cli-agents'") }] },
        {
          messageId: 'unknownCategory',
          data: { slug: 'cli-agents', hint: ' Did you mean "cli-agent"?' },
          suggestions: [{ messageId: 'replaceSlug', output: fetchWith("'gaming,cli-agent'") }],
        },
      ],
    },
    {
      code: fetchWith("'image-generation,role-playing'"),
      errors: [
        {
          messageId: 'unknownCategory',
          data: { slug: 'image-generation', hint: ' Did you mean "image-gen"?' },
          suggestions: [{ messageId: 'replaceSlug', output: fetchWith("'image-gen,role-playing'") }],
        },
        {
          messageId: 'unknownCategory',
          data: { slug: 'role-playing', hint: ' Did you mean "roleplay"?' },
          suggestions: [{ messageId: 'replaceSlug', output: fetchWith("'image-generation,roleplay'") }],
        },
      ],
    },
    {
      // Words that share no stem with a known slug's: no suggestion.
      code: fetchWith("'finance,agents'"),
      errors: [
        { messageId: 'unknownCategory', data: { slug: 'finance', hint: '' }, suggestions: [] },
        { messageId: 'unknownCategory', data: { slug: 'agents', hint: '' }, suggestions: [] },
      ],
    },
    {
      code: fetchWith("'blockchain'"),
      errors: [{ messageId: 'unknownCategory', data: { slug: 'blockchain', hint: '' }, suggestions: [] }],
    },
    {
      code: fetchWith("'coding'"),
      errors: [{ messageId: 'groupName' }],
    },
    {
      code: fetchWith("'Creative Writing'"),
      errors: [
        {
          messageId: 'badFormat',
          suggestions: [{ messageId: 'replaceSlug', data: { slug: 'Creative Writing', replacement: 'creative-writing' }, output: fetchWith("'creative-writing'") }],
        },
      ],
    },
    {
      code: fetchWith('"image_gen,game"'),
      errors: [{ messageId: 'badFormat', suggestions: [{ messageId: 'replaceSlug', output: fetchWith('"image-gen,game"') }] }],
    },
    {
      code: fetchWith("'game,roleplay,general-chat'"),
      errors: [{ messageId: 'tooMany', data: { count: 3, max: 2 } }],
    },
    {
      code: fetchWith("'game,game'"),
      errors: [{ messageId: 'duplicate', suggestions: [{ messageId: 'removeDuplicate', output: fetchWith("'game'") }] }],
    },
    {
      // Every literal alternative is checked.
      code: fetchWith("process.env.CATEGORIES || 'chatbot'"),
      errors: [{ messageId: 'unknownCategory' }],
    },
    {
      code: `${SDK}const CATEGORIES = ['cli-agent', 'ide-extnsion'].join(',');\nnew OpenRouter({ httpReferer: 'https://acme.dev', appCategories: CATEGORIES });`,
      errors: [{ messageId: 'unknownCategory', line: 2, suggestions: [] }],
    },
    {
      // Arrays, as LangChain's ChatOpenRouter takes them.
      code: "import { ChatOpenRouter } from '@langchain/openrouter';\nnew ChatOpenRouter('m', { siteUrl: 'https://acme.dev', appCategories: ['codng-agent', 'cli-agent'] });",
      errors: [{ messageId: 'unknownCategory', suggestions: [] }],
    },
    {
      // Elements of a constant array are read where the array is written, not where it is used.
      code: `const SLUG = 'cli-agnet';\nconst SLUGS = [SLUG];\nfunction send() {\n  const SLUG = 'game';\n  return fetch(${URL}, { headers: { 'X-OpenRouter-Categories': SLUGS.join(',') } });\n}`,
      errors: [{ messageId: 'unknownCategory', line: 5 }],
    },
    {
      // Header names compare case-insensitively.
      code: `fetch(${URL}, { headers: { 'x-openrouter-categories': 'writing' } });`,
      errors: [
        {
          messageId: 'unknownCategory',
          suggestions: [{ messageId: 'replaceSlug', output: `fetch(${URL}, { headers: { 'x-openrouter-categories': 'writing-assistant' } });` }],
        },
      ],
    },
  ],
});
