import rule from '../../src/rules/no-generic-title.js';
import { runRuleTests } from '../rule-tester.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const OPENAI = "import OpenAI from 'openai';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const fetchWith = (value: string, name = 'X-Title'): string =>
  `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://acme.dev', '${name}': ${value} } });`;

runRuleTests('no-generic-title', rule, {
  valid: [
    // Per-request titles are checked like construction titles.
    `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait client.chat.completions.create(body, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme Docs' } });`,
    `${SDK}const client = new OpenRouter({ apiKey: 'k' });\nawait client.chat.send({ model: 'x', messages, httpReferer: 'https://acme.dev', appTitle: process.env.APP_TITLE });`,
    fetchWith("'Acme Chatbot'"),
    // A word that says what the app is about names it, beside a generic one.
    fetchWith("'RAG Document System'"),
    fetchWith("'Acme Knowledge Base'"),
    // A platform's name beside a kind of add-on is a name.
    fetchWith("'Obsidian Plugin'"),
    fetchWith("'Raycast Extension'"),
    // The platform a bot runs on says which kind of bot it is.
    fetchWith("'Discord Bot'"),
    fetchWith("'OpenRouter CLI'"),
    // One word that names the app makes a kind of app its name.
    fetchWith("'Acme Code Reviewer'"),
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
    // Words that say what kind of app, or which part of one, it is.
    { code: fetchWith("'Backend Chat'"), errors: [{ messageId: 'genericTitle', data: { title: '"Backend Chat"' } }] },
    { code: fetchWith("'AI Code Reviewer'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'Agent SDK Demo'"), errors: [{ messageId: 'genericTitle' }] },
    {
      // Headers set on the request object are checked like those of an options object.
      code: `const xhr = new XMLHttpRequest();\nxhr.open('POST', ${URL});\nxhr.setRequestHeader('HTTP-Referer', 'https://acme.dev');\nxhr.setRequestHeader('X-Title', 'Chatbot');\nxhr.send(body);`,
      errors: [{ messageId: 'genericTitle', data: { title: '"Chatbot"' }, line: 4 }],
    },
    {
      code: `import https from 'node:https';\nconst req = https.request(${URL}, { method: 'POST', headers: { 'HTTP-Referer': 'https://acme.dev' } });\nreq.setHeader('X-OpenRouter-Title', 'AI App');\nreq.end(body);`,
      errors: [{ messageId: 'genericTitle', data: { title: '"AI App"' }, line: 3 }],
    },
    {
      // Through a local wrapper: reported at the caller's value.
      code: "function postJson(url, payload, extra) {\n  return fetch(url, { method: 'POST', headers: { ...extra }, body: JSON.stringify(payload) });\n}\npostJson('https://openrouter.ai/api/v1/chat/completions', { model, messages }, { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Chatbot' });",
      errors: [{ messageId: 'genericTitle', line: 4 }],
    },
    {
      code: `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });\nawait client.chat.completions.create(body, { headers: { 'X-OpenRouter-Title': 'Chatbot' } });`,
      errors: [{ messageId: 'genericTitle', data: { title: '"Chatbot"' }, line: 3 }],
    },
    {
      code: `${SDK}const client = new OpenRouter({ apiKey: 'k' });\nawait client.chat.send({ model: 'x', messages, httpReferer: 'https://acme.dev', appTitle: 'AI Assistant' });`,
      errors: [{ messageId: 'genericTitle', line: 3 }],
    },
    {
      code: "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\nconst provider = createOpenRouter({ apiKey: 'k' });\nawait generateText({ model: provider('m'), prompt, headers: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Test App' } });",
      errors: [{ messageId: 'genericTitle', line: 3 }],
    },
    { code: fetchWith("'Chatbot'"), errors: [{ messageId: 'genericTitle', data: { title: '"Chatbot"' } }] },
    { code: fetchWith("'My AI Assistant'", 'X-OpenRouter-Title'), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'AI App'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'OpenRouter Playground'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'ai-platform'"), errors: [{ messageId: 'genericTitle' }] },
    // RAG names a technique, as LLM does, not an app.
    { code: fetchWith("'OpenRouterRAG'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'RAG Chat'"), errors: [{ messageId: 'genericTitle' }] },
    // A system is a kind of program, as a platform or a tool is.
    { code: fetchWith("'RAG System'"), errors: [{ messageId: 'genericTitle' }] },
    // Frameworks, languages and kinds of add-on name no app.
    { code: fetchWith("'OpenRouter Chat App Vue'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'Next.js AI Chatbot'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'LangChain Test'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'FastAPI LLM Chatbot'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'AI Sidebar'"), errors: [{ messageId: 'genericTitle' }] },
    // Whom or what it is for, said of any program, names none.
    { code: fetchWith("'Personal Assistant Bot'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'Enterprise AI Chatbot'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'AI Knowledge Assistant'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'AI Digest'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'CodeAssist AI'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'AI Code Explainer'"), errors: [{ messageId: 'genericTitle' }] },
    // Kinds of code, and what it costs, name no app either.
    { code: fetchWith("'AI LLM Library'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'Free AI'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'ChatGPT Clone Starter'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'Test App'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'my-ai-app'"), errors: [{ messageId: 'genericTitle' }] },
    { code: fetchWith("'<YOUR_SITE_NAME>'"), errors: [{ messageId: 'placeholderTitle' }] },
    // A docs marker emptied of its name is still no name, as `<>` is no referer.
    { code: fetchWith("'<>'"), errors: [{ messageId: 'placeholderTitle', data: { title: '"<>"' } }] },
    { code: fetchWith("'{{}}'"), errors: [{ messageId: 'placeholderTitle' }] },
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
