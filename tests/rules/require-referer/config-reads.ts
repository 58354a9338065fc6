/** require-referer: values read from configuration by a variable's name (`Env.string('OPENROUTER_BASE_URL')`, `getEnv('SITE_URL')`). */
import type rule from '../../../src/rules/require-referer.js';
import type { CasesFor } from '../../rule-tester.js';

const LANGCHAIN = "import { ChatOpenAI } from '@langchain/openai';\nimport { Env } from '@acme/config';\n";
const OPENAI = "import OpenAI from 'openai';\n";
const CONFIG = "const config = {\n  openrouter: { baseUrl: process.env.OPENROUTER_BASE_URL || 'https://openrouter.ai/api/v1', headers: {} },\n  search: { apiKey: process.env.SEARCH_KEY, limits: { daily: 0 } },\n};\n";
const SEND = "fetch(`${config.openrouter.baseUrl}/chat/completions`, { method: 'POST', headers: { Authorization: 'Bearer k' } });";

export const configReadCases: CasesFor<typeof rule> = {
  valid: [
    // A referer read from configuration counts as present, as `process.env.X` does.
    `${OPENAI}new OpenAI({ baseURL: getEnv('OPENROUTER_BASE_URL'), defaultHeaders: { 'HTTP-Referer': getEnv('SITE_URL') } });`,
    `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': configService.get('APP_URL') } });`,
    // A name that says nothing of OpenRouter is no OpenRouter base URL.
    `${LANGCHAIN}new ChatOpenAI({ configuration: { baseURL: Env.string('LLM_BASE_URL') } });`,
    // Not a configuration read: lower-case keys, other functions.
    `${OPENAI}new OpenAI({ baseURL: lookup('openrouter_base_url') });`,
    `${OPENAI}new OpenAI({ baseURL: translate('OPENROUTER_BASE_URL') });`,
    // A config object written into under the key that is read: that value is not the literal's any more.
    `${CONFIG}config.openrouter.baseUrl = process.argv[2];\nconfig.openrouter.headers.X = 1;\n${SEND}`,
    `${CONFIG}delete config.openrouter.baseUrl;\n${SEND}`,
  ],
  invalid: [
    {
      // The base URL read by name from the project's config helper: the name says OpenRouter.
      code: `${LANGCHAIN}export const llm = new ChatOpenAI({\n  apiKey: Env.string('OPENROUTER_API_KEY'),\n  configuration: { baseURL: Env.string('OPENROUTER_BASE_URL') },\n});`,
      errors: [{ messageId: 'missingReferer', line: 3 }],
    },
    {
      code: `${OPENAI}const client = new OpenAI({ baseURL: getEnv('OPENROUTER_BASE_URL'), apiKey });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      // A default given to the read is one of its values.
      code: `${OPENAI}const client = new OpenAI({ baseURL: env('LLM_BASE_URL', 'https://openrouter.ai/api/v1'), apiKey });`,
      errors: [{ messageId: 'missingReferer', line: 2 }],
    },
    {
      // A write into another key's object (`config.search.enabled = false`) leaves the key read as the literal has it.
      code: `${CONFIG}if (!config.search.apiKey) config.search.enabled = false;\nconfig.search.limits.daily++;\n${SEND}`,
      errors: [{ messageId: 'missingReferer', line: 7 }],
    },
  ],
};
