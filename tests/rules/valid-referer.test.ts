import rule from '../../src/rules/valid-referer.js';
import { runRuleTests } from '../rule-tester.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const OPENAI = "import OpenAI from 'openai';\n";
const PROVIDER = "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const IDENTITY = { openrouter: { referer: 'https://acme.dev', title: 'Acme Docs' } };
const REPO_IDENTITY = { openrouter: { referer: 'https://github.com/acme/app' } };

const headers = (referer: string): string => `fetch(${URL}, { method: 'POST', headers: { 'HTTP-Referer': ${referer} } });`;

runRuleTests('valid-referer', rule, {
  valid: [
    `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev' });`,
    `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev/' });`,
    // A path is part of the identity: a repository URL names one app on a shared host.
    `${SDK}new OpenRouter({ httpReferer: 'https://github.com/acme/app' });`,
    `${SDK}new OpenRouter({ httpReferer: 'https://huggingface.co/spaces/acme/demo' });`,
    headers("'https://acme.github.io/tool'"),
    headers("'http://acme.dev:8080'"),
    // Localhost is tracked with a title: `require-title-for-localhost` decides.
    headers("'http://localhost:3000'"),
    headers("'http://127.0.0.1:8000'"),
    // Placeholders and empty values are `require-referer`'s findings.
    headers("'https://your-site.com'"),
    headers("''"),
    // ... whatever their form: not also an unabsolute URL or a query string at the same spot.
    headers("'<YOUR_SITE_URL>'"),
    headers("'YOUR_SITE_URL'"),
    headers("'your-site.com'"),
    headers("'https://your-site.com/?ref=app'"),
    { code: headers("'<YOUR_SITE_URL>'"), settings: IDENTITY },
    // Unsendable values are `sendable-header-values`' findings.
    headers("'https://acme.dev/\u2014'"),
    // Leading or trailing spaces are stripped by the client.
    headers("' https://acme.dev '"),
    // A host only a private network knows, sent with a title: the title names the app, as for localhost.
    `fetch(${URL}, { method: 'POST', headers: { 'HTTP-Referer': 'https://lighttavern.local', 'X-Title': 'Light Tavern' } });`,
    `fetch(${URL}, { method: 'POST', headers: { 'HTTP-Referer': 'http://192.168.1.20:3000', 'X-OpenRouter-Title': 'Acme Desk' } });`,
    `${SDK}new OpenRouter({ httpReferer: 'http://backend:8080', appTitle: 'Acme Desk' });`,
    // ... or with a title the file does not tell: not certainly missing.
    `fetch(${URL}, { method: 'POST', headers: { 'HTTP-Referer': 'https://acme.internal', ...titleHeaders() } });`,
    // Env-driven and unknown values stay silent.
    headers('process.env.SITE_URL'),
    headers('process.env.SITE_URL || "https://acme.dev"'),
    headers('`https://${process.env.HOST}`'),
    headers('`${origin}?ref=app`'),
    headers('siteUrl'),
    `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } });`,
    `${PROVIDER}createOpenRouter({ appUrl: 'https://acme.dev' });`,
    // Not OpenRouter traffic.
    `fetch('https://api.example.org/v1/chat', { headers: { 'HTTP-Referer': 'acme.dev?x=1' } });`,
    `${OPENAI}new OpenAI({ baseURL: 'https://api.openai.com/v1', defaultHeaders: { 'HTTP-Referer': 'acme.dev' } });`,
    // A subdomain is reported only against a project identity that names the main domain.
    headers("'https://www.acme.dev'"),
    { code: headers("'https://acme.dev/docs'"), settings: IDENTITY },
    { code: headers("'https://gist.github.com/acme'"), settings: REPO_IDENTITY },
    { code: headers("'https://other.dev'"), settings: IDENTITY },
    { code: headers("'https://notacme.dev'"), settings: IDENTITY },
  ],
  invalid: [
    {
      // Per request, checked like a construction value.
      code: `${SDK}const client = new OpenRouter({ apiKey: 'k' });\nawait client.chat.send({ model: 'x', messages, httpReferer: 'acme.dev' });`,
      errors: [
        {
          messageId: 'notAbsolute',
          line: 3,
          suggestions: [
            {
              messageId: 'useNormalised',
              output: `${SDK}const client = new OpenRouter({ apiKey: 'k' });\nawait client.chat.send({ model: 'x', messages, httpReferer: 'https://acme.dev' });`,
            },
          ],
        },
      ],
    },
    {
      code: headers("'acme.dev'"),
      errors: [{ messageId: 'notAbsolute', data: { value: '"acme.dev"' }, line: 1, suggestions: [{ messageId: 'useNormalised', data: { value: '"https://acme.dev"' }, output: headers("'https://acme.dev'") }] }],
    },
    {
      code: `${SDK}new OpenRouter({ httpReferer: "www.acme.dev/app" });`,
      errors: [{ messageId: 'notAbsolute', suggestions: [{ messageId: 'useNormalised', output: `${SDK}new OpenRouter({ httpReferer: "https://www.acme.dev/app" });` }] }],
    },
    {
      code: headers("'//acme.dev'"),
      errors: [{ messageId: 'notAbsolute', suggestions: [{ messageId: 'useNormalised', output: headers("'https://acme.dev'") }] }],
    },
    {
      // Not a URL at all (a title put in the wrong field): reported without a guess.
      code: headers("'Acme Docs'"),
      errors: [{ messageId: 'notAbsolute', suggestions: [] }],
    },
    { code: headers("'ftp://acme.dev'"), errors: [{ messageId: 'notAbsolute', suggestions: [] }] },
    {
      code: headers("'https://acme.dev/?utm_source=openrouter'"),
      errors: [{ messageId: 'queryOrFragment', suggestions: [{ messageId: 'useNormalised', data: { value: '"https://acme.dev/"' }, output: headers("'https://acme.dev/'") }] }],
    },
    {
      code: headers("'https://acme.dev#pricing'"),
      errors: [{ messageId: 'queryOrFragment', suggestions: [{ messageId: 'useNormalised', output: headers("'https://acme.dev'") }] }],
    },
    {
      code: `${PROVIDER}createOpenRouter({ appUrl: 'https://github.com/acme/app.git' });`,
      errors: [{ messageId: 'gitSuffix', suggestions: [{ messageId: 'useNormalised', output: `${PROVIDER}createOpenRouter({ appUrl: 'https://github.com/acme/app' });` }] }],
    },
    {
      code: headers("'https://acme.test'"),
      errors: [{ messageId: 'reservedHost', data: { value: '"https://acme.test"', host: '"acme.test"' }, suggestions: [] }],
    },
    { code: headers("'http://printer.local'"), errors: [{ messageId: 'reservedHost' }] },
    // A title that is always empty is no title.
    {
      code: `fetch(${URL}, { method: 'POST', headers: { 'HTTP-Referer': 'https://chat.internal', 'X-Title': '' } });`,
      errors: [{ messageId: 'reservedHost' }],
    },
    // Credentials in the URL: never echoed, never suggested back.
    { code: headers("'https://app:sk-or-v1-0123@acme.dev'"), errors: [{ messageId: 'userinfo', suggestions: [] }] },
    { code: headers("'https://acme.dev\\\\@evil.dev/'"), errors: [{ messageId: 'ambiguous', suggestions: [] }] },
    {
      code: headers("'http://192.168.1.20:3000'"),
      errors: [{ messageId: 'privateHost', data: { value: '"http://192.168.1.20:3000"', host: '"192.168.1.20"' } }],
    },
    { code: headers("'http://10.0.0.5'"), errors: [{ messageId: 'privateHost' }] },
    { code: headers("'http://[fd00::1]:8080'"), errors: [{ messageId: 'privateHost' }] },
    { code: headers("'http://backend:8080'"), errors: [{ messageId: 'privateHost', data: { value: '"http://backend:8080"', host: '"backend"' } }] },
    {
      // Every alternative is checked: the fallback of an environment variable too.
      code: `const SITE = process.env.SITE_URL ?? 'acme.dev';\n${headers('SITE')}`,
      errors: [{ messageId: 'notAbsolute', line: 1, suggestions: [{ messageId: 'useNormalised', output: `const SITE = process.env.SITE_URL ?? 'https://acme.dev';\n${headers('SITE')}` }] }],
    },
    {
      // A constant shared by two sites is reported once.
      code: `const REFERER = 'https://acme.dev?ref=1';\n${headers('REFERER')}\n${headers('REFERER')}`,
      errors: [{ messageId: 'queryOrFragment', line: 1, suggestions: [{ messageId: 'useNormalised', output: `const REFERER = 'https://acme.dev';\n${headers('REFERER')}\n${headers('REFERER')}` }] }],
    },
    {
      code: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'http-referer': 'https://www.acme.dev' } });`,
      settings: IDENTITY,
      errors: [
        {
          messageId: 'subdomain',
          data: { value: '"https://www.acme.dev"', host: '"www.acme.dev"', configured: '"https://acme.dev"' },
          suggestions: [{ messageId: 'useNormalised', output: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'http-referer': 'https://acme.dev' } });` }],
        },
      ],
    },
    {
      code: headers("'https://app.acme.dev/chat'"),
      settings: IDENTITY,
      errors: [{ messageId: 'subdomain', suggestions: [{ messageId: 'useNormalised', output: headers("'https://acme.dev/chat'") }] }],
    },
    {
      // Both at once: one finding, one suggestion that mends both.
      code: headers("'www.acme.dev?src=x'"),
      settings: IDENTITY,
      errors: [{ messageId: 'notAbsolute', suggestions: [{ messageId: 'useNormalised', output: headers("'https://acme.dev'") }] }],
    },
  ],
  tsInvalid: [
    {
      code: `${SDK}new OpenRouter({ httpReferer: 'acme.dev' as const });`,
      errors: [{ messageId: 'notAbsolute', suggestions: [{ messageId: 'useNormalised', output: `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev' as const });` }] }],
    },
  ],
});
