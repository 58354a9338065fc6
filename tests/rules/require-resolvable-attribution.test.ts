import rule from '../../src/rules/require-resolvable-attribution.js';
import { runRuleTests } from '../rule-tester.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const OPENAI = "import OpenAI from 'openai';\n";
const PROVIDER = "import { createOpenRouter, openrouter } from '@openrouter/ai-sdk-provider';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const BASE = "baseURL: 'https://openrouter.ai/api/v1'";

runRuleTests('require-resolvable-attribution', rule, {
  valid: [
    // Provable: written in the file, from the environment, or with literal fallbacks.
    `${SDK}new OpenRouter({ apiKey: 'k', httpReferer: 'https://acme.dev' });`,
    `${SDK}new OpenRouter({ httpReferer: process.env.SITE_URL });`,
    `${OPENAI}new OpenAI({ ${BASE}, defaultHeaders: { 'HTTP-Referer': process.env.SITE_URL || 'https://acme.dev' } });`,
    `fetch(${URL}, { headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
    // A spread before the referer cannot take it away (the referer is written last).
    `fetch(${URL}, { headers: { ...common, 'HTTP-Referer': 'https://acme.dev' } });`,
    // Certainly missing: require-referer's finding, not this rule's.
    `${SDK}new OpenRouter({ apiKey: 'k' });`,
    `fetch(${URL}, { headers: { Authorization: 'Bearer k' } });`,
    `${PROVIDER}generateText({ model: openrouter('openai/gpt-4o'), prompt });`,
    // Misplaced: no-ignored-attribution's.
    `${SDK}new OpenRouter({ ...base, defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });`,
    // Attribution passed with each request, which the file shows there.
    `${OPENAI}const client = new OpenAI({ ${BASE} });\nclient.chat.completions.create(body, { headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
    // Not OpenRouter traffic.
    `${OPENAI}new OpenAI(getOptions());`,
    "fetch('https://example.com/api', { headers: buildHeaders() });",
    "function make(opts) { return fetch(opts.url, opts); }",
    // Headers set on a request object in sight.
    `const xhr = new XMLHttpRequest();\nxhr.open('POST', ${URL});\nxhr.setRequestHeader('HTTP-Referer', 'https://acme.dev');\nxhr.send(body);`,
    `import https from 'node:https';\nconst req = https.request(${URL}, { method: 'POST', headers: {} });\nreq.end(body);`,
  ],
  invalid: [
    {
      code: `${SDK}new OpenRouter(getOptions());`,
      errors: [
        {
          messageId: 'unresolvedReferer',
          data: { site: 'this @openrouter/sdk client', reason: 'its options are not spelled out here', where: '`httpReferer`' },
          line: 2,
          column: 5,
        },
      ],
    },
    {
      code: `${SDK}export function client(options) {\n  return new OpenRouter({ apiKey: 'k', ...options });\n}`,
      errors: [{ messageId: 'unresolvedReferer', data: { site: 'this @openrouter/sdk client', reason: 'its options may hold entries this file does not show', where: '`httpReferer`' } }],
    },
    {
      code: `${OPENAI}new OpenAI({ ${BASE}, defaultHeaders: buildHeaders() });`,
      errors: [{ messageId: 'unresolvedReferer', data: { site: 'this openai client', reason: 'its headers are not spelled out here', where: 'an `HTTP-Referer` header in `defaultHeaders`' } }],
    },
    {
      code: `fetch(${URL}, { method: 'POST', headers: { ...commonHeaders, 'X-Title': 'Acme' } });`,
      errors: [{ messageId: 'unresolvedReferer', data: { site: 'this fetch request', reason: 'its headers may hold entries this file does not show', where: 'an `HTTP-Referer` header in `headers`' } }],
    },
    {
      // A request object handed to code the file does not show, which may set headers on it.
      code: `import https from 'node:https';\nconst req = https.request(${URL}, { method: 'POST', headers: { Authorization: key } });\nsign(req);\nreq.end(body);`,
      errors: [
        {
          messageId: 'unresolvedReferer',
          data: { site: 'this node http(s) request', reason: 'its request object reaches code this file does not show, which may call `setHeader()`', where: 'an `HTTP-Referer` header in `headers`' },
        },
      ],
    },
    {
      code: `const xhr = new XMLHttpRequest();\nxhr.open('POST', ${URL});\nconfigure(xhr);\nxhr.send(body);`,
      errors: [
        {
          messageId: 'unresolvedReferer',
          data: { site: 'this XMLHttpRequest request', reason: 'its request object reaches code this file does not show, which may call `setRequestHeader()`', where: 'an `HTTP-Referer` header with `setRequestHeader()`' },
        },
      ],
    },
    {
      code: `const xhr = new XMLHttpRequest();\nxhr.open('POST', ${URL});\nfor (const [name, value] of entries) xhr.setRequestHeader(name, value);\nxhr.send(body);`,
      errors: [{ messageId: 'unresolvedReferer', data: { site: 'this XMLHttpRequest request', reason: 'its headers may hold entries this file does not show', where: 'an `HTTP-Referer` header with `setRequestHeader()`' } }],
    },
    {
      code: `${PROVIDER}createOpenRouter(config);`,
      errors: [{ messageId: 'unresolvedReferer', data: { site: 'this @openrouter/ai-sdk-provider client', reason: 'its options are not spelled out here', where: '`appUrl`' } }],
    },
  ],
});
