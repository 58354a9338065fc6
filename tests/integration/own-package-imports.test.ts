/**
 * Inside a client's own repository its examples and tests import it by a relative path
 * (`../src/index.js`) or a tsconfig alias (`@/index.js`): such a file's client calls are sites, as through the package name.
 * Repositories written to temp folders, linted by path as a user's files are.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { temporaryFolder } from '../temporary-folders.js';

/** A repository whose package.json says `name`: the path of `file` in it. */
function repository(name: string | null, file: string): string {
  const root = temporaryFolder('openrouter-own-package-');
  mkdirSync(path.join(root, '.git'));
  writeFileSync(path.join(root, 'package.json'), JSON.stringify(name === null ? { private: true } : { name, version: '1.0.0' }));
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  return path.join(root, file);
}

const config: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { openrouter: plugin }, rules: { 'openrouter/require-referer': 'error' } },
];

const lint = (code: string, filename: string): (string | undefined)[] =>
  new Linter({ configType: 'flat', cwd: tmpdir() }).verify(code, config, { filename }).map((message) => message.messageId);

const EXAMPLE = "import { OpenRouter } from '../src/index.js';\nconst client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });\n";

describe("a client's own repository", () => {
  it('takes a relative import into the package for the package itself', () => {
    expect(lint(EXAMPLE, repository('@openrouter/sdk', 'examples/chat.ts'))).toEqual(['missingReferer']);
    expect(lint(EXAMPLE.replace("'../src/index.js'", "'../src/sdk/sdk'"), repository('@openrouter/sdk', 'examples/chat.ts'))).toEqual(['missingReferer']);
    const required = "const { OpenRouter } = require('../src/index.js');\nnew OpenRouter({ apiKey: k });\n";
    expect(lint(required, repository('@openrouter/sdk', 'examples/chat.ts'))).toEqual(['missingReferer']);
  });

  it('takes an import through a tsconfig `paths` alias into the package for the package itself', () => {
    const file = repository('@openrouter/sdk', 'examples/chat.ts');
    const root = path.dirname(path.dirname(file));
    writeFileSync(path.join(root, 'tsconfig.json'), '{\n  "compilerOptions": {\n    // the SDK\'s own sources\n    "paths": { "@/*": ["./src/*"], "outside/*": ["../*"] },\n  },\n}\n');
    expect(lint(EXAMPLE.replace("'../src/index.js'", "'@/index.js'"), file)).toEqual(['missingReferer']);
    expect(lint(EXAMPLE.replace("'../src/index.js'", "'outside/index.js'"), file)).toEqual([]);
    expect(lint(EXAMPLE.replace("'../src/index.js'", "'@other/index.js'"), file)).toEqual([]);
  });

  it('is silent in other packages, for imports that leave the package, and where attribution is given', () => {
    expect(lint(EXAMPLE, repository('acme-app', 'examples/chat.ts'))).toEqual([]);
    expect(lint(EXAMPLE, repository(null, 'examples/chat.ts'))).toEqual([]);
    expect(lint(EXAMPLE.replace("'../src/index.js'", "'../../elsewhere/index.js'"), repository('@openrouter/sdk', 'examples/chat.ts'))).toEqual([]);
    expect(lint(EXAMPLE.replace('apiKey:', "httpReferer: 'https://acme.dev', apiKey:"), repository('@openrouter/sdk', 'examples/chat.ts'))).toEqual([]);
  });

  it('keeps the gate of a general client: its own examples count only with an OpenRouter base URL', () => {
    const example = "import OpenAI from '../src/index';\nnew OpenAI({ apiKey: k });\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\n";
    expect(lint(example, repository('openai', 'examples/demo.ts'))).toEqual(['missingReferer']);
  });
});
