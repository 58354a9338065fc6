import rule from '../../src/rules/no-unstable-referer.js';
import { runRuleTests } from '../rule-tester.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const OPENAI = "import OpenAI from 'openai';\n";
const PROVIDER = "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const IDENTITY = { openrouter: { referer: 'https://acme.dev', title: 'Acme Docs' } };

const headers = (referer: string): string => `fetch(${URL}, { method: 'POST', headers: { 'HTTP-Referer': ${referer} } });`;
/** A helper whose callers' headers are spread over its own: `options.headers` is absent when a call passes none. */
const sendWith = (callOptions: string): string =>
  "const BASE = 'https://openrouter.ai/api/v1';\n" +
  'async function send(path, options = {}) {\n' +
  "  return fetch(`${BASE}${path}`, { ...options, headers: { 'HTTP-Referer': window.location.origin, 'X-Title': 'Acme', ...options.headers } });\n" +
  '}\n' +
  `export const ask = (body) => send('/chat/completions', ${callOptions});\n`;
/** The same helper as a static method of a class others may import, its base URL a private static field. */
const STATIC_SERVICE =
  'export class Llm {\n' +
  "  private static readonly BASE = 'https://openrouter.ai/api/v1';\n" +
  '  private static async send(path: string, options: RequestInit = {}) {\n' +
  "    return fetch(`${this.BASE}${path}`, { ...options, headers: { 'HTTP-Referer': window.location.origin, 'X-Title': 'Acme' } });\n" +
  '  }\n' +
  "  static chat(body: object) {\n    return Llm.send('/chat/completions', { method: 'POST', body: JSON.stringify(body) });\n  }\n" +
  '}\n';

runRuleTests('no-unstable-referer', rule, {
  valid: [
    headers("'https://acme.dev'"),
    headers('process.env.SITE_URL'),
    headers("process.env.NEXT_PUBLIC_SITE_URL ?? 'https://acme.dev'"),
    // Production URLs are stable.
    headers('`https://${process.env.VERCEL_PROJECT_PRODUCTION_URL}`'),
    headers('process.env.URL'),
    headers('siteUrl'),
    headers('config.origin'),
    // Another header of the incoming request is not its host.
    `export default defineEventHandler((event) => {\n  ${headers("getHeader(event, 'x-site') || 'https://acme.dev'")}\n});`,
    // A call that passes headers of its own may replace the referer.
    sendWith("{ method: 'POST', body, headers: { 'HTTP-Referer': 'https://acme.dev' } }"),
    sendWith('{ method: "POST", body, ...extra }'),
    // A local variable named `location` is not the page's.
    `const location = { origin: 'https://acme.dev' };\n${headers('location.origin')}`,
    `function send(window) { ${headers('window.location.origin')} }`,
    // The page's location used elsewhere, not in the referer.
    `const page = window.location.href;\n${headers("'https://acme.dev'")}`,
    `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: document.title });`,
    // Not OpenRouter traffic.
    `fetch('https://api.example.org/v1/chat/completions', { headers: { 'HTTP-Referer': window.location.origin } });`,
    `${OPENAI}new OpenAI({ baseURL: 'https://api.openai.com/v1', defaultHeaders: { 'HTTP-Referer': \`https://\${process.env.VERCEL_URL}\` } });`,
    // A map's `get('host')` is no request header.
    `const settings = new Map();\n${headers("settings.get('host')")}`,
  ],
  invalid: [
    {
      // Two reads of the request in one value are one mistake: reported at the first.
      code: `export default async function handler(req) {\n  return ${headers("req.headers.referer || req.headers.origin || ''")}\n}`,
      errors: [{ messageId: 'unstableReferer', data: { source: '`req.headers.referer`', scope: 'request' } }],
    },
    {
      // A test in front of the page's origin: the origin, or the fallback when the test fails.
      code: headers("(typeof location !== 'undefined' && location.origin) || 'https://acme.dev'"),
      errors: [{ messageId: 'unstableReferer', data: { source: '`location.origin`', scope: 'page' } }],
    },
    {
      // h3 (Nuxt, Nitro) reads the incoming request's host.
      code: `export default defineEventHandler((event) => {\n  const host = getHeader(event, 'host') || 'acme.dev';\n  return ${headers('`https://${host}`')}\n});`,
      errors: [{ messageId: 'unstableReferer', data: { source: "`getHeader(event, 'host')`", scope: 'request' } }],
    },
    {
      code: `import { getRequestURL } from 'h3';\nexport default defineEventHandler((event) => {\n  ${headers('getRequestURL(event).origin')}\n});`,
      errors: [{ messageId: 'unstableReferer' }],
    },
    {
      // Per request: the suggestion replaces the value written in that request.
      code: `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait client.chat.completions.create(body, { headers: { 'HTTP-Referer': window.location.origin } });`,
      settings: IDENTITY,
      errors: [
        {
          messageId: 'unstableReferer',
          line: 3,
          suggestions: [
            {
              messageId: 'useConfiguredReferer',
              output: `${OPENAI}const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nawait client.chat.completions.create(body, { headers: { 'HTTP-Referer': 'https://acme.dev' } });`,
            },
          ],
        },
      ],
    },
    {
      code: headers('`https://${process.env.VERCEL_URL}`'),
      errors: [{ messageId: 'unstableReferer', data: { source: '`process.env.VERCEL_URL`', scope: 'deployment' } }],
    },
    {
      code: headers('`https://${process.env.VERCEL_URL}`'),
      settings: IDENTITY,
      errors: [{ messageId: 'unstableReferer', suggestions: [{ messageId: 'useConfiguredReferer', output: headers("'https://acme.dev'") }] }],
    },
    {
      code: `${SDK}new OpenRouter({ httpReferer: process.env.VERCEL_URL ? \`https://\${process.env.VERCEL_URL}\` : 'http://localhost:3000', appTitle: 'Acme' });`,
      errors: [{ messageId: 'unstableReferer', line: 2 }],
    },
    {
      code: `const { NEXT_PUBLIC_VERCEL_URL } = process.env;\nconst SITE = \`https://\${NEXT_PUBLIC_VERCEL_URL}\`;\n${headers('SITE')}\n${headers('SITE')}`,
      settings: IDENTITY,
      // Reported once, at the read; the constant is not replaced (other code may use it).
      errors: [{ messageId: 'unstableReferer', line: 2, suggestions: [] }],
    },
    { code: headers('process.env.DEPLOY_PRIME_URL'), errors: [{ messageId: 'unstableReferer', data: { source: '`process.env.DEPLOY_PRIME_URL`', scope: 'deployment' } }] },
    { code: headers("import.meta.env.CF_PAGES_URL ?? 'https://acme.dev'"), errors: [{ messageId: 'unstableReferer' }] },
    { code: headers('process.env.RENDER_EXTERNAL_URL'), errors: [{ messageId: 'unstableReferer' }] },
    {
      code: `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', dangerouslyAllowBrowser: true, defaultHeaders: { 'HTTP-Referer': window.location.origin, 'X-Title': 'Acme' } });`,
      errors: [{ messageId: 'unstableReferer', data: { source: '`window.location.origin`', scope: 'page' } }],
    },
    { code: headers("typeof window !== 'undefined' ? window.location.origin : ''"), errors: [{ messageId: 'unstableReferer', data: { source: '`window.location.origin`', scope: 'page' } }] },
    { code: headers('location.href'), errors: [{ messageId: 'unstableReferer', data: { source: '`location.href`', scope: 'page' } }] },
    { code: headers('document.referrer'), errors: [{ messageId: 'unstableReferer', data: { source: '`document.referrer`', scope: 'page' } }] },
    { code: headers('window.location.toString()'), errors: [{ messageId: 'unstableReferer', data: { source: '`window.location`', scope: 'page' } }] },
    { code: headers('String(location)'), errors: [{ messageId: 'unstableReferer', data: { source: '`location`', scope: 'page' } }] },
    // One value built from two reads of the page: one finding, at the first.
    { code: headers('`${window.location.protocol}//${window.location.host}`'), errors: [{ messageId: 'unstableReferer', data: { source: '`window.location.protocol`', scope: 'page' } }] },
    {
      code: `const origin = typeof window !== 'undefined' ? window.location.origin : 'https://acme.dev';\n${PROVIDER}createOpenRouter({ appUrl: origin });`,
      errors: [{ messageId: 'unstableReferer', line: 1, suggestions: [] }],
    },
    {
      code: `export async function POST(req) {\n  ${headers('req.headers.origin')}\n}`,
      errors: [{ messageId: 'unstableReferer', data: { source: '`req.headers.origin`', scope: 'request' } }],
    },
    {
      code: `export async function POST(request) {\n  ${headers("request.headers.get('host')")}\n}`,
      errors: [{ messageId: 'unstableReferer', data: { source: "`request.headers.get('host')`", scope: 'request' } }],
    },
    {
      code: `app.post('/chat', (req, res) => {\n  ${headers("`${req.protocol}://${req.get('host')}`")}\n});`,
      errors: [{ messageId: 'unstableReferer', data: { source: "`req.get('host')`", scope: 'request' } }],
    },
    // The call passes options without headers: the spread of `options.headers` adds nothing.
    { code: sendWith("{ method: 'POST', body }"), errors: [{ messageId: 'unstableReferer', line: 3 }] },
    {
      code: `export async function POST(req) {\n  ${headers('new URL(req.url).origin')}\n}`,
      errors: [{ messageId: 'unstableReferer', data: { source: '`new URL(req.url).origin`', scope: 'request' } }],
    },
  ],
  tsValid: [
    // A public static field of an exported class: a subclass may declare another base URL.
    STATIC_SERVICE.replace('private static readonly BASE', 'static BASE'),
  ],
  tsInvalid: [
    { code: STATIC_SERVICE, errors: [{ messageId: 'unstableReferer', line: 4 }] },
    // `this.send(...)` from a static method, `Llm.BASE` read by the class's name.
    { code: STATIC_SERVICE.replace('Llm.send(', 'this.send(').replace('${this.BASE}', '${Llm.BASE}'), errors: [{ messageId: 'unstableReferer', line: 4 }] },
    {
      code: headers('window.location.origin as string'),
      errors: [{ messageId: 'unstableReferer' }],
    },
  ],
});
