/** require-referer: base URLs with alternatives (`env ?? 'https://openrouter.ai/api/v1'`) and SDKs pointed at another host. */
import type rule from '../../../src/rules/require-referer.js';
import type { CasesFor } from '../../rule-tester.js';

const OPENAI = "import OpenAI from 'openai';\n";
const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const PROVIDER = "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\n";

const CONFIG = "class Config {\n  base() {\n    return process.env.LLM_BASE_URL || 'https://openrouter.ai/api/v1';\n  }\n}\n";

export const baseUrlCases: CasesFor<typeof rule> = {
  valid: [
    // An OpenRouter SDK pointed at a vendor's own gateway, with an environment override: not certainly OpenRouter traffic.
    `${PROVIDER}createOpenRouter({ baseURL: \`\${process.env.GATEWAY_URL || 'https://api.vendor.example'}/v1\`, apiKey });`,
    `${SDK}new OpenRouter({ serverURL: \`\${process.env.GATEWAY_URL || 'https://api.vendor.example'}/v1\`, apiKey });`,
    `${SDK}new OpenRouter({ serverURL: 'https://llm-proxy.acme.dev/api/v1', apiKey });`,
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
