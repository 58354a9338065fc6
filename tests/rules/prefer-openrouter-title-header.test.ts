import rule from '../../src/rules/prefer-openrouter-title-header.js';
import { runRuleTests } from '../rule-tester.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const OPENAI = "import OpenAI from 'openai';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const fetchWith = (headers: string): string => `fetch(${URL}, { method: 'POST', headers: ${headers} });`;
const rename = (output: string) => ({ messageId: 'renameToCanonical' as const, output });

runRuleTests('prefer-openrouter-title-header', rule, {
  valid: [
    // Both headers: the safe form.
    fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme', 'X-Title': 'Acme' }"),
    fetchWith("{ 'x-title': 'Acme', 'x-openrouter-title': 'Acme' }"),
    fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme' }"),
    fetchWith("[['X-Title', 'Acme'], ['X-OpenRouter-Title', 'Acme']]"),
    // Env-driven headers with both names.
    fetchWith("{ 'X-Title': process.env.APP_TITLE, 'X-OpenRouter-Title': process.env.APP_TITLE }"),
    // Headers the file does not show may already hold X-OpenRouter-Title.
    fetchWith("{ ...commonHeaders, 'X-Title': 'Acme' }"),
    fetchWith('headers'),
    // No title sent at all.
    fetchWith("{ 'X-Title': undefined }"),
    // The SDK's own option, not a header.
    `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', xTitle: 'Acme' });`,
    `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: 'Acme' });`,
    // Not OpenRouter traffic.
    "fetch('https://example.com/api', { headers: { 'X-Title': 'Acme' } });",
    "const page = { 'X-Title': 'Acme' };",
  ],
  invalid: [
    {
      code: fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' }"),
      output: fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme', 'X-OpenRouter-Title': 'Acme' }"),
      errors: [
        {
          messageId: 'legacyOnly',
          suggestions: [{ messageId: 'renameToCanonical', output: fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme' }") }],
        },
      ],
    },
    {
      // Any case; the new header takes the key's quote.
      code: fetchWith('{ "x-title": "Acme" }'),
      output: fetchWith('{ "x-title": "Acme", "X-OpenRouter-Title": "Acme" }'),
      errors: [{ messageId: 'legacyOnly', suggestions: [{ messageId: 'renameToCanonical', output: fetchWith('{ "X-OpenRouter-Title": "Acme" }') }] }],
    },
    {
      // A constant is copied as written.
      code: `const APP_NAME = 'Acme';\n${fetchWith("{\n  'HTTP-Referer': 'https://acme.dev',\n  'X-Title': APP_NAME,\n}")}`,
      output: `const APP_NAME = 'Acme';\n${fetchWith("{\n  'HTTP-Referer': 'https://acme.dev',\n  'X-Title': APP_NAME,\n  'X-OpenRouter-Title': APP_NAME,\n}")}`,
      errors: [{ messageId: 'legacyOnly', suggestions: [rename(`const APP_NAME = 'Acme';\n${fetchWith("{\n  'HTTP-Referer': 'https://acme.dev',\n  'X-OpenRouter-Title': APP_NAME,\n}")}`)] }],
    },
    {
      code: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } });`,
      output: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme', 'X-OpenRouter-Title': 'Acme' } });`,
      errors: [
        {
          messageId: 'legacyOnly',
          suggestions: [rename(`${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme' } });`)],
        },
      ],
    },
    {
      code: fetchWith("new Headers([['X-Title', 'Acme']])"),
      output: fetchWith("new Headers([['X-Title', 'Acme'], ['X-OpenRouter-Title', 'Acme']])"),
      errors: [{ messageId: 'legacyOnly', suggestions: [rename(fetchWith("new Headers([['X-OpenRouter-Title', 'Acme']])"))] }],
    },
    {
      // An env read may be evaluated differently twice: reported, not fixed.
      code: fetchWith("{ 'X-Title': process.env.APP_TITLE }"),
      output: null,
      errors: [{ messageId: 'legacyOnly', suggestions: [rename(fetchWith("{ 'X-OpenRouter-Title': process.env.APP_TITLE }"))] }],
    },
    {
      // A headers object shared by two requests is not edited by --fix, and reported once.
      code: `const headers = { 'X-Title': 'Acme' };\n${fetchWith('headers')}\n${fetchWith('headers')}`,
      output: null,
      errors: [{ messageId: 'legacyOnly', suggestions: [rename(`const headers = { 'X-OpenRouter-Title': 'Acme' };\n${fetchWith('headers')}\n${fetchWith('headers')}`)] }],
    },
  ],
});
