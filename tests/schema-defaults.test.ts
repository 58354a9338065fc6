/**
 * Config schemas that declare defaults: a config a zod schema parses, or a Koishi plugin's config parameter
 * typed by the schema's name, holds the value given for a key or the default the schema declares.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { tempPackage } from './temp-package.js';

const config: Linter.Config[] = [plugin.configs.recommended, { files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } } }];
const lint = (file: string, code: string) => ({ messages: new Linter({ cwd: path.dirname(file) }).verify(code, config, file) });

const project = (files: Record<string, string>): string => tempPackage(files, { name: 'schema-app', private: true });
const ids = (messages: Linter.LintMessage[]) => messages.map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

const ZOD_CONFIG = (base: string, schemaModule = 'zod') =>
  `import { z } from '${schemaModule}';\n` +
  `export const Config = z.object({\n  apiKey: z.string(),\n  baseUrl: z.string().url().default(${base}),\n});\n` +
  'export const getConfig = () => Config.parse({ apiKey: process.env.API_KEY, baseUrl: process.env.BASE_URL });\n';
const CLIENT = "// OpenRouter proxy\nimport OpenAI from 'openai';\nimport { getConfig } from './config';\nconst config = getConfig();\nexport const openai = new OpenAI({ baseURL: config.baseUrl, apiKey: config.apiKey });\n";

describe('config schemas that declare defaults', () => {
  it("reads a zod schema's default as one value of the parsed config, through a helper of another module", () => {
    const src = project({ 'config.ts': ZOD_CONFIG("'https://openrouter.ai/api/v1'") });
    expect(ids(lint(path.join(src, 'client.ts'), CLIENT).messages)).toEqual(['5:openrouter/require-referer:missingReferer']);
    expect(ids(lint(path.join(src, 'client.ts'), CLIENT.replace('apiKey: config.apiKey', "apiKey: config.apiKey, defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' }")).messages)).toEqual([]);
    // Another vendor's default, or a schema of a package that is no schema library: nothing.
    expect(ids(lint(path.join(project({ 'config.ts': ZOD_CONFIG("'https://api.openai.com/v1'") }), 'client.ts'), CLIENT).messages)).toEqual([]);
    expect(ids(lint(path.join(project({ 'config.ts': ZOD_CONFIG("'https://openrouter.ai/api/v1'", './my-schema') }), 'client.ts'), CLIENT).messages)).toEqual([]);
  });

  it('takes the value the parsed input gives when the file shows it whole, the default when it gives none', () => {
    const parsed = (input: string) =>
      `import OpenAI from 'openai';\nimport { z } from 'zod';\nconst Config = z.object({ baseUrl: z.string().default('https://openrouter.ai/api/v1') });\n` +
      `const config = Config.parse(${input});\nexport const openai = new OpenAI({ baseURL: config.baseUrl });\n`;
    expect(ids(lint('/tmp/schema-a.ts', parsed('{}')).messages)).toEqual(['5:openrouter/require-referer:missingReferer']);
    expect(ids(lint('/tmp/schema-b.ts', parsed("{ baseUrl: 'https://api.vendor.example/v1' }")).messages)).toEqual([]);
  });

  it("reads a Koishi plugin's config parameter, typed by the schema's name, with the schema's defaults", () => {
    const plugin = (base: string) =>
      "import { Context, Schema } from 'koishi';\nimport { Configuration, OpenAIApi } from 'openai';\n" +
      'export interface Config {\n  apiKey: string;\n  apiAddress: string;\n}\n' +
      `export const Config: Schema<Config> = Schema.object({\n  apiKey: Schema.string().required(),\n  apiAddress: Schema.string().default(${base}).description('API address'),\n});\n` +
      'export function apply(ctx: Context, config: Config) {\n  const openai = new OpenAIApi(new Configuration({ apiKey: config.apiKey, basePath: config.apiAddress }));\n}\n';
    expect(ids(lint('/tmp/koishi-a.ts', plugin("'https://openrouter.ai/api/v1'")).messages)).toEqual(['12:openrouter/require-referer:missingReferer']);
    expect(ids(lint('/tmp/koishi-b.ts', `// openrouter\n${plugin("'https://api.openai.com/v1'")}`).messages)).toEqual([]);
  });
});
