import rule from '../../src/rules/require-title-for-localhost.js';
import { runRuleTests } from '../rule-tester.js';

/** What a fixable finding says when no title is configured. */
const FIX_HINT = ' To let --fix insert it, set "title" in settings.openrouter or in the "openrouter" field of package.json.';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const OPENAI = "import OpenAI from 'openai';\n";
const PROVIDER = "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const TITLE = { openrouter: { title: 'Acme Docs' } };

runRuleTests('require-title-for-localhost', rule, {
  valid: [
    // A request that sends a localhost referer with a title, or whose headers may hold one.
    `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait client.chat.completions.create(body, { headers: { 'HTTP-Referer': 'http://localhost:3000', 'X-OpenRouter-Title': 'Acme' } });`,
    `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'X-Title': 'Acme' } });\nawait client.chat.completions.create(body, { headers: { 'HTTP-Referer': 'http://localhost:3000' } });`,
    `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait client.chat.completions.create(body, { headers: { 'HTTP-Referer': 'http://localhost:3000', ...extra } });`,
    `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait client.chat.completions.create(body, { headers: { 'HTTP-Referer': 'http://localhost:3000' }, ...options });`,
    `${SDK}new OpenRouter({ httpReferer: 'http://localhost:3000', appTitle: 'Acme' });`,
    // A title written after creation makes the localhost app tracked.
    `const headers = { 'HTTP-Referer': 'http://localhost:3000' };\nif (name) headers['X-Title'] = name;\nfetch(${URL}, { headers });`,
    `${SDK}new OpenRouter({ httpReferer: 'http://localhost:3000', xTitle: 'Acme' });`,
    `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev' });`,
    `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'http://localhost:3000', 'X-Title': 'Acme' } });`,
    `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'http://localhost:3000', 'x-openrouter-title': 'Acme' } });`,
    // The title may come from the environment.
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'http://localhost:5173', 'X-Title': process.env.APP_NAME } });`,
    // The title may be hidden in an unresolvable spread: silent.
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'http://localhost:5173', ...extra } });`,
    // Environment only: the value is unknown.
    `fetch(${URL}, { headers: { 'HTTP-Referer': process.env.SITE_URL } });`,
    // Hosts that only look local.
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://localhost.acme.dev' } });`,
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://mylocalhost.com' } });`,
    `${PROVIDER}createOpenRouter({ appUrl: 'http://localhost:3000', appName: 'Acme' });`,
    `${PROVIDER}createOpenRouter({ appUrl: 'http://localhost:3000', headers: { 'X-Title': 'Acme' } });`,
  ],
  invalid: [
    {
      // \`dev && url\`: the URL when the test holds.
      code: `fetch(${URL}, { method: 'POST', headers: { 'HTTP-Referer': process.env.DEV && 'http://localhost:3000' } });`,
      errors: [{ messageId: 'localhostWithoutTitle' }],
    },
    {
      // A configuration read's default is one of its values.
      code: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': getEnv('SITE_URL', 'http://localhost:3000') } });`,
      errors: [{ messageId: 'localhostWithoutTitle', line: 2 }],
    },
    {
      // A helper's returned headers, read with the referer each call passes.
      code: `${OPENAI}function attribution(site) {\n  return { 'HTTP-Referer': site };\n}\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: attribution('http://localhost:3000') });\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: attribution('https://acme.dev') });`,
      errors: [{ messageId: 'localhostWithoutTitle', line: 5 }],
    },
    {
      // Through a local wrapper: reported at the caller's value, without a fix.
      code: "function postJson(url, payload, extra) {\n  return fetch(url, { method: 'POST', headers: { ...extra }, body: JSON.stringify(payload) });\n}\npostJson('https://openrouter.ai/api/v1/chat/completions', { model, messages }, { 'HTTP-Referer': 'http://localhost:3000' });",
      settings: TITLE,
      errors: [{ messageId: 'localhostWithoutTitle', line: 4 }],
    },
    {
      // Per request: reported where the request sends it, without a fix (the identity belongs at construction).
      code: `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait client.chat.completions.create(body, { headers: { 'HTTP-Referer': 'http://localhost:3000' } });`,
      settings: TITLE,
      errors: [{ messageId: 'localhostWithoutTitle', line: 3 }],
    },
    {
      code: `${SDK}const client = new OpenRouter({ apiKey: 'k' });\nawait client.chat.send({ model: 'x', messages, httpReferer: 'http://localhost:5173' });`,
      errors: [{ messageId: 'localhostWithoutTitle', line: 3 }],
    },
    {
      code: `const headers = { 'HTTP-Referer': 'http://localhost:3000' };\nheaders.Authorization = \`Bearer \${key}\`;\nfetch(${URL}, { headers });`,
      errors: [{ messageId: 'localhostWithoutTitle', line: 1 }],
    },
    {
      code: `${SDK}new OpenRouter({ apiKey: 'k', httpReferer: 'http://localhost:3000' });`,
      errors: [{ messageId: 'localhostWithoutTitle', data: { value: '"http://localhost:3000"', where: '`appTitle`', fixHint: FIX_HINT }, line: 2, column: 44 }],
    },
    {
      code: `${SDK}new OpenRouter({ apiKey: 'k', httpReferer: 'http://localhost:3000' });`,
      settings: TITLE,
      output: `${SDK}new OpenRouter({ apiKey: 'k', httpReferer: 'http://localhost:3000', appTitle: 'Acme Docs' });`,
      errors: [{ messageId: 'localhostWithoutTitle' }],
    },
    {
      // The commonest miss: an environment variable with a localhost fallback.
      code: `${OPENAI}const client = new OpenAI({\n  baseURL: 'https://openrouter.ai/api/v1',\n  defaultHeaders: {\n    'HTTP-Referer': process.env.SITE_URL || 'http://localhost:3000',\n  },\n});`,
      settings: TITLE,
      output: `${OPENAI}const client = new OpenAI({\n  baseURL: 'https://openrouter.ai/api/v1',\n  defaultHeaders: {\n    'HTTP-Referer': process.env.SITE_URL || 'http://localhost:3000',\n    'X-OpenRouter-Title': 'Acme Docs',\n  },\n});`,
      errors: [{ messageId: 'localhostWithoutTitle', line: 5, column: 45 }],
    },
    {
      code: `const SITE_URL = process.env.NEXT_PUBLIC_SITE_URL ?? 'http://127.0.0.1:8080';\nfetch(${URL}, { method: 'POST', headers: { 'HTTP-Referer': SITE_URL } });`,
      errors: [{ messageId: 'localhostWithoutTitle', line: 1 }],
    },
    {
      code: `const { SITE_URL = 'http://localhost:3000' } = process.env;\nfetch(${URL}, { headers: { 'HTTP-Referer': SITE_URL } });`,
      errors: [{ messageId: 'localhostWithoutTitle', line: 1 }],
    },
    {
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': isDev ? 'http://[::1]:3000' : 'https://acme.dev' } });`,
      errors: [{ messageId: 'localhostWithoutTitle' }],
    },
    {
      code: `fetch(${URL}, { headers: { 'HTTP-Referer': \`http://localhost:\${PORT}\` } });`,
      errors: [{ messageId: 'localhostWithoutTitle' }],
    },
    {
      code: `fetch(${URL}, { headers: { 'http-referer': 'http://app.localhost' } });\nfetch(${URL}, { headers: { 'HTTP-Referer': 'http://0.0.0.0:8000/' } });`,
      errors: [{ messageId: 'localhostWithoutTitle', line: 1 }, { messageId: 'localhostWithoutTitle', line: 2 }],
    },
    {
      code: `${PROVIDER}createOpenRouter({ appUrl: 'http://localhost:3000' });`,
      settings: TITLE,
      output: `${PROVIDER}createOpenRouter({ appUrl: 'http://localhost:3000', appName: 'Acme Docs' });`,
      errors: [{ messageId: 'localhostWithoutTitle', data: { value: '"http://localhost:3000"', where: '`appName`', fixHint: '' } }],
    },
    {
      // An always-empty title is no title; it is reported without a fix.
      code: `${SDK}new OpenRouter({ httpReferer: 'http://localhost:3000', appTitle: '' });`,
      settings: TITLE,
      errors: [{ messageId: 'localhostWithoutTitle' }],
    },
    {
      // The same constant used twice is reported once.
      code: `const REFERER = 'http://localhost:3000';\nfetch(${URL}, { headers: { 'HTTP-Referer': REFERER } });\nfetch(${URL}, { headers: { 'HTTP-Referer': REFERER } });`,
      errors: [{ messageId: 'localhostWithoutTitle', line: 1 }],
    },
  ],
  tsInvalid: [
    {
      code: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': (process.env.SITE_URL ?? 'http://localhost:3000') as string } });`,
      settings: TITLE,
      output: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': (process.env.SITE_URL ?? 'http://localhost:3000') as string, 'X-OpenRouter-Title': 'Acme Docs' } });`,
      errors: [{ messageId: 'localhostWithoutTitle' }],
    },
  ],
});
