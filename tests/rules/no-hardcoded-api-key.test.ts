import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-hardcoded-api-key.js';
import { holdsOpenRouterKey } from '../../src/analysis/checks/credentials.js';
import { runRuleTests } from '../rule-tester.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const OPENAI = "import OpenAI from 'openai';\n";
const PROVIDER = "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\n";
const LANGCHAIN = "import { ChatOpenAI } from '@langchain/openai';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
/** A key of the real shape; not a live key. */
const KEY = `sk-or-v1-${'0123456789abcdef'.repeat(4)}`;
const BASE = "baseURL: 'https://openrouter.ai/api/v1'";

runRuleTests('no-hardcoded-api-key', rule, {
  valid: [
    `${SDK}new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, httpReferer: 'https://acme.dev' });`,
    `${OPENAI}new OpenAI({ ${BASE}, apiKey: process.env.OPENROUTER_API_KEY });`,
    `fetch(${URL}, { method: 'POST', headers: { Authorization: \`Bearer \${process.env.OPENROUTER_API_KEY}\` } });`,
    `fetch(${URL}, { headers: { Authorization: 'Bearer ' + apiKey } });`,
    `${PROVIDER}createOpenRouter({ apiKey: Deno.env.get('OPENROUTER_API_KEY') });`,
    // Placeholders copied from the docs are no key.
    `${SDK}new OpenRouter({ apiKey: 'sk-or-v1-xxxxxxxxxxxxxxxxxxxxxxxx' });`,
    `${SDK}new OpenRouter({ apiKey: 'sk-or-v1-your-key-here' });`,
    `${SDK}new OpenRouter({ apiKey: 'sk-or-v1-...' });`,
    `${SDK}new OpenRouter({ apiKey: '<OPENROUTER_API_KEY>' });`,
    `fetch(${URL}, { headers: { Authorization: 'Bearer sk-or-v1-0000000000000000' } });`,
    // A key that is not OpenRouter's, or a key sent to another host, is not this rule's.
    `${OPENAI}new OpenAI({ ${BASE}, apiKey: 'sk-proj-abcdef0123456789' });`,
    `${OPENAI}new OpenAI({ apiKey: '${KEY}' });`,
    `fetch('https://api.example.org/v1/chat/completions', { headers: { Authorization: 'Bearer ${KEY}' } });`,
    // The key text elsewhere (a test fixture, a log filter) reaches no client.
    `const redact = (text) => text.replace('${KEY}', '***');\nfetch(${URL}, { headers: { Authorization: \`Bearer \${process.env.KEY}\` } });`,
    `${SDK}new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, httpReferer: '${KEY}' });`,
  ],
  invalid: [
    {
      // The key options of clients that take the SDK's, and of Anthropic's SDK pointed at OpenRouter.
      code: `import { OpenRouterTextAdapter } from '@tanstack/ai-openrouter';\nnew OpenRouterTextAdapter({ apiKey: '${KEY}', httpReferer: 'https://acme.dev' }, 'm');`,
      errors: [{ messageId: 'hardcodedKey', data: { where: '`apiKey`' }, line: 2 }],
    },
    {
      code: `import Anthropic from '@anthropic-ai/sdk';\nnew Anthropic({ baseURL: 'https://openrouter.ai/api', authToken: '${KEY}', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });`,
      errors: [{ messageId: 'hardcodedKey', data: { where: '`authToken`' }, line: 2 }],
    },
    {
      code: `${SDK}new OpenRouter({ apiKey: '${KEY}', httpReferer: 'https://acme.dev' });`,
      errors: [{ messageId: 'hardcodedKey', data: { where: '`apiKey`' }, line: 2, column: 26 }],
    },
    {
      code: `${OPENAI}const client = new OpenAI({ ${BASE}, apiKey: "${KEY}" });`,
      errors: [{ messageId: 'hardcodedKey' }],
    },
    {
      code: `fetch(${URL}, { method: 'POST', headers: { Authorization: 'Bearer ${KEY}', 'HTTP-Referer': 'https://acme.dev' } });`,
      errors: [{ messageId: 'hardcodedKey', data: { where: 'the `Authorization` header' } }],
    },
    {
      // Through a constant: reported where the key is written, once for both sites.
      code: `const OPENROUTER_KEY = '${KEY}';\nfetch(${URL}, { headers: { authorization: \`Bearer \${OPENROUTER_KEY}\` } });\nfetch(${URL}, { headers: { authorization: \`Bearer \${OPENROUTER_KEY}\` } });`,
      errors: [{ messageId: 'hardcodedKey', line: 1 }],
    },
    {
      code: `const KEY = '${KEY}';\n${SDK}new OpenRouter({ apiKey: KEY });\nnew OpenRouter({ apiKey: KEY });`,
      errors: [{ messageId: 'hardcodedKey', line: 1 }],
    },
    {
      // An environment variable with a key as its fallback ships the key.
      code: `${PROVIDER}createOpenRouter({ apiKey: process.env.OPENROUTER_API_KEY ?? '${KEY}' });`,
      errors: [{ messageId: 'hardcodedKey', line: 2 }],
    },
    {
      code: `${LANGCHAIN}new ChatOpenAI({ openAIApiKey: '${KEY}', configuration: { ${BASE} } });`,
      errors: [{ messageId: 'hardcodedKey', data: { where: '`openAIApiKey`' } }],
    },
    {
      code: `${LANGCHAIN}new ChatOpenAI({ configuration: { ${BASE}, apiKey: '${KEY}' } });`,
      errors: [{ messageId: 'hardcodedKey', data: { where: '`configuration.apiKey`' } }],
    },
    {
      code: `${OPENAI}new OpenAI({ ${BASE}, apiKey: 'unused', defaultHeaders: { Authorization: 'Bearer ${KEY}' } });`,
      errors: [{ messageId: 'hardcodedKey', data: { where: 'the `Authorization` header' } }],
    },
    {
      code: `const PREFIX = 'Bearer ';\nconst SECRET = '${KEY}';\nfetch(${URL}, { headers: { Authorization: PREFIX + SECRET } });`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 16 }],
    },
    {
      // A short test key is still a key.
      code: `${SDK}new OpenRouter({ apiKey: 'sk-or-v1-abc123' });`,
      errors: [{ messageId: 'hardcodedKey' }],
    },
  ],
  tsInvalid: [
    {
      code: `${SDK}new OpenRouter({ apiKey: '${KEY}' as string });`,
      errors: [{ messageId: 'hardcodedKey' }],
    },
  ],
});

describe('no-hardcoded-api-key messages', () => {
  it('never echo the key, not even a part of it beyond the prefix', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = `const KEY = '${KEY}';\nfetch(${URL}, { headers: { Authorization: 'Bearer ${KEY}' } });\n${SDK}new OpenRouter({ apiKey: KEY });`;
    const messages = linter.verify(code, [{ plugins: { openrouter: { rules: { 'no-hardcoded-api-key': rule as never } } }, rules: { 'openrouter/no-hardcoded-api-key': 'error' } }]);
    expect(messages.map((message) => message.ruleId)).toEqual(['openrouter/no-hardcoded-api-key', 'openrouter/no-hardcoded-api-key']);
    for (const message of messages) {
      expect(message.message).not.toMatch(/sk-or-v1-[\da-f]/i);
      expect(message.message).not.toContain('0123456');
      expect(JSON.stringify(message)).not.toContain('0123456');
    }
  });

  it('tells keys from placeholders', () => {
    expect(holdsOpenRouterKey(KEY)).toBe(true);
    expect(holdsOpenRouterKey(`Bearer ${KEY}`)).toBe(true);
    expect(holdsOpenRouterKey('sk-or-v1-XXXXXXXXXXXXXXXX')).toBe(false);
    expect(holdsOpenRouterKey('sk-or-v1-<your-key>')).toBe(false);
    expect(holdsOpenRouterKey('sk-or-v1-abc')).toBe(false);
    expect(holdsOpenRouterKey('sk-proj-0123456789abcdef')).toBe(false);
  });
});
