/** require-referer: base URLs with alternatives (`env ?? 'https://openrouter.ai/api/v1'`) and SDKs pointed at another host. */
import type rule from '../../../src/rules/require-referer.js';
import type { CasesFor } from '../../rule-tester.js';

const OPENAI = "import OpenAI from 'openai';\n";
const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const PROVIDER = "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\n";

/** A helper returning one of two settings objects, the OpenRouter one last or first. */
const settings = (first: string, second: string) =>
  `const A = 'https://api.vendor.example/v1/chat/completions';\nconst B = 'https://openrouter.ai/api/v1/chat/completions';\nfunction resolve(env) {\n  if (env.VENDOR_KEY) return { key: env.VENDOR_KEY, url: ${first} };\n  return { key: env.OPENROUTER_KEY, url: ${second} };\n}\n`;

const CONFIG = "class Config {\n  base() {\n    return process.env.LLM_BASE_URL || 'https://openrouter.ai/api/v1';\n  }\n}\n";

export const baseUrlCases: CasesFor<typeof rule> = {
  valid: [
    // A provider table's entry, or its OpenRouter one: its headers are any entry's, and OpenRouter's sends a referer.
    "const PROVIDERS = {\n  openrouter: { url: 'https://openrouter.ai/api/v1/chat/completions', extra: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' } },\n  other: { url: 'https://api.vendor.example/v1/chat/completions', extra: {} },\n};\nfunction pick(name) {\n  return PROVIDERS[name] || PROVIDERS.openrouter;\n}\nfunction send(key, name) {\n  const cfg = pick(name);\n  return fetch(cfg.url, { method: 'POST', headers: { Authorization: key, ...cfg.extra }, body });\n}\nsend(key, provider);",
    // A helper whose every return names another host.
    `${settings('A', 'env.BASE_URL || A')}const { key, url } = resolve(process.env);\nfetch(url, { method: 'POST', headers: { Authorization: key }, body });`,
    // An OpenRouter SDK pointed at a vendor's own gateway, with an environment override: not certainly OpenRouter traffic.
    `${PROVIDER}createOpenRouter({ baseURL: \`\${process.env.GATEWAY_URL || 'https://api.vendor.example'}/v1\`, apiKey });`,
    `${SDK}new OpenRouter({ serverURL: \`\${process.env.GATEWAY_URL || 'https://api.vendor.example'}/v1\`, apiKey });`,
    `${SDK}new OpenRouter({ serverURL: 'https://llm-proxy.acme.dev/api/v1', apiKey });`,
    // A setting named for OpenRouter down a chain of other vendors' settings, ending in another vendor's URL: one option among several.
    `${OPENAI}new OpenAI({ baseURL: process.env.SUMMARY_BASE_URL || process.env.OPENROUTER_BASE_URL || 'https://api.vendor.example/v1' });`,
    // A general client whose base URL is another host's, or unknown.
    `${OPENAI}new OpenAI({ baseURL: process.env.LLM_BASE_URL ?? 'https://api.together.xyz/v1' });`,
    `${OPENAI}new OpenAI({ baseURL: process.env.LLM_BASE_URL });`,
    // Cloudflare AI Gateway's route to another provider.
    `${OPENAI}new OpenAI({ baseURL: \`https://gateway.ai.cloudflare.com/v1/\${ACCOUNT}/\${GATEWAY}/openai\` });`,
    // An instance whose method may not be the class's: held by a \`let\`, or the name also written as a field.
    `${OPENAI}${CONFIG}let config = new Config();\nconfig = other;\nnew OpenAI({ baseURL: config.base() });`,
    `${OPENAI}${CONFIG.replace('class Config {', 'class Config {\n  constructor(base) {\n    this.base = base;\n  }')}const config = new Config(() => 'https://api.openai.com/v1');\nnew OpenAI({ baseURL: config.base() });`,
  ],
  invalid: [
    // A setting named for OpenRouter read first, whatever its fallback: where the code sends.
    { code: `${OPENAI}new OpenAI({ baseURL: process.env.OPENROUTER_BASE_URL || 'https://api.vendor.example/v1' });`, errors: [{ messageId: 'missingReferer' }] },
    // A key of a helper's result is any of its returns' values for that key, read by name or destructured.
    {
      code: `${settings('A', 'env.BASE_URL || B')}const { key, url } = resolve(process.env);\nfetch(url, { method: 'POST', headers: { Authorization: key }, body });`,
      errors: [{ messageId: 'missingReferer', line: 8 }],
    },
    {
      code: `${settings('B', 'A')}const c = resolve(process.env);\nfetch(c.url, { method: 'POST', headers: { Authorization: c.key }, body });`,
      errors: [{ messageId: 'missingReferer', line: 8 }],
    },
    {
      // Cloudflare AI Gateway's OpenRouter route forwards to OpenRouter, with the headers it is sent.
      code: `${OPENAI}new OpenAI({ baseURL: \`https://gateway.ai.cloudflare.com/v1/\${ACCOUNT}/\${GATEWAY}/openrouter\`, apiKey });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      // A chain of environment fallbacks ending in OpenRouter's base URL.
      code: `${OPENAI}new OpenAI({ baseURL: process.env.LLM_BASE_URL ?? 'https://openrouter.ai/api/v1' });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: `${OPENAI}new OpenAI({ baseURL: process.env.A || process.env.B || 'https://openrouter.ai/api/v1' });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: `${OPENAI}new OpenAI({ baseURL: \`\${process.env.LLM_HOST || 'https://openrouter.ai/api'}/v1\` });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      // The SDK's own server, or an override that may be it.
      code: `${SDK}new OpenRouter({ serverURL: process.env.OPENROUTER_SERVER_URL ?? 'https://openrouter.ai/api/v1', apiKey });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      code: `${PROVIDER}createOpenRouter({ baseURL: process.env.PROXY_URL || 'https://openrouter.ai/api/v1', apiKey });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      // A method of an instance of the project's class: what it returns is the base URL.
      code: `${OPENAI}${CONFIG}const config = new Config();\nnew OpenAI({ baseURL: config.base() });`,
      errors: [{ messageId: 'missingReferer', line: 8 }],
    },
  ],
  tsValid: [
    // A parameter declared with a type whose argument is a generic: not one class.
    `${OPENAI}${CONFIG}export function make(config: Partial<Config>) {\n  return new OpenAI({ baseURL: config.base!() });\n}`,
  ],
  tsInvalid: [
    {
      // A parameter declared as an instance of the project's class.
      code: `${OPENAI}${CONFIG}export function make(config: Config) {\n  return new OpenAI({ baseURL: config.base() });\n}`,
      errors: [{ messageId: 'missingReferer', line: 8 }],
    },
  ],
};
