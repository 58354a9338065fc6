/**
 * The rules under the component frameworks' own ESLint parsers: vue-eslint-parser (`<script>` and
 * `<script setup>`), svelte-eslint-parser (`<script>` and `<script module>`) and astro-eslint-parser
 * (the frontmatter), each with typescript-eslint's parser for `lang="ts"`, as their flat configs set
 * them up. Findings are placed in the component file and fixes written into its script. Then the
 * README's flat-config snippet for each framework is loaded by the real `ESLint` class and lints and
 * fixes a component.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { ESLint, Linter } from 'eslint';
import * as astroParser from 'astro-eslint-parser';
import * as svelteParser from 'svelte-eslint-parser';
import * as vueParser from 'vue-eslint-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import requireReferer from '../src/rules/require-referer.js';
import { ensureBuilt, REPO } from './built-package.js';
import { README_BLOCKS } from './readme-blocks.js';
import { SETTINGS } from './rule-tester.js';

const CLIENT = "const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: key });";
const FIXED_CLIENT = [
  "const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: key, defaultHeaders: {",
  "  'HTTP-Referer': 'https://acme.dev',",
  "  'X-OpenRouter-Title': 'Acme Docs',",
  "  'X-OpenRouter-Categories': 'cli-agent'",
  '} });',
].join('\n');
const ATTRIBUTED = "const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: key, defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } });";

interface Framework {
  readonly name: string;
  readonly extension: string;
  readonly parser: Linter.Parser;
  /** A component whose script holds `script` (its statements at the start of a line), TypeScript or not. */
  component(script: string, typescript: boolean): string;
  /** Where the client of `component(CLIENT, ...)` starts: its line. */
  readonly clientLine: number;
}

const FRAMEWORKS: readonly Framework[] = [
  {
    name: 'vue-eslint-parser',
    extension: '.vue',
    parser: vueParser as unknown as Linter.Parser,
    component: (script, typescript) =>
      `<template>\n  <p>{{ title }}</p>\n</template>\n\n<script${typescript ? ' lang="ts"' : ''}>\nexport default { name: 'Chat' };\n</script>\n\n<script setup${typescript ? ' lang="ts"' : ''}>\nimport OpenAI from 'openai';\nconst title${typescript ? ': string' : ''} = 'Chat';\n${script}\n</script>\n`,
    clientLine: 12,
  },
  {
    name: 'svelte-eslint-parser',
    extension: '.svelte',
    parser: svelteParser as unknown as Linter.Parser,
    component: (script, typescript) =>
      `<script module${typescript ? ' lang="ts"' : ''}>\nexport const prerender = false;\n</script>\n\n<script${typescript ? ' lang="ts"' : ''}>\nimport OpenAI from 'openai';\nlet title${typescript ? ': string' : ''} = 'Chat';\n${script}\n</script>\n\n<p>{title}</p>\n`,
    clientLine: 8,
  },
  {
    name: 'astro-eslint-parser',
    extension: '.astro',
    parser: astroParser as unknown as Linter.Parser,
    component: (script, typescript) => `---\nimport OpenAI from 'openai';\nconst title${typescript ? ': string' : ''} = 'Chat';\n${script}\n---\n<p>{title}</p>\n`,
    clientLine: 4,
  },
];

// require-referer reports at the client's name.
const COLUMN = CLIENT.indexOf('OpenAI(') + 1;

for (const framework of FRAMEWORKS) {
  for (const typescript of [false, true]) {
    const tester = new RuleTester({
      languageOptions: {
        parser: framework.parser,
        // typescript-eslint's parser for `lang="ts"`, as each framework's docs set it; JavaScript scripts parse with it too.
        parserOptions: typescript ? { parser: tsParser, sourceType: 'module' } : { sourceType: 'module' },
      },
    });
    const filename = `Chat${framework.extension}`;
    tester.run(`require-referer under ${framework.name}${typescript ? ' (lang="ts")' : ''}`, requireReferer, {
      valid: [
        { code: framework.component(ATTRIBUTED, typescript), filename },
        // Markup that names OpenRouter is not a call.
        { code: framework.component("const link = 'https://openrouter.ai/docs';", typescript), filename },
      ],
      invalid: [
        {
          code: framework.component(CLIENT, typescript),
          filename,
          settings: SETTINGS,
          errors: [{ messageId: 'missingReferer', line: framework.clientLine, column: COLUMN }],
          output: framework.component(FIXED_CLIENT, typescript),
        },
      ],
    });
  }
}

describe('fixed components', () => {
  it.each(FRAMEWORKS.map((framework) => [framework.name, framework] as const))('%s: the fixed file parses and has no finding left', (_name, framework) => {
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [
      {
        files: [`**/*${framework.extension}`],
        languageOptions: { parser: framework.parser, parserOptions: { parser: tsParser, sourceType: 'module' } },
        plugins: { openrouter: plugin },
        rules: plugin.configs.recommended.rules,
        settings: SETTINGS,
      },
    ];
    const filename = `Chat${framework.extension}`;
    const fixed = linter.verifyAndFix(framework.component(CLIENT, true), config, filename);
    expect(fixed.fixed).toBe(true);
    expect(fixed.output).toBe(framework.component(FIXED_CLIENT, true));
    expect(linter.verify(fixed.output, config, filename)).toEqual([]);
  });
});

describe('the README flat config of each framework', () => {
  let temp: string;
  beforeAll(() => {
    // The snippets import the package by name, through dist/.
    ensureBuilt();
    temp = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-openrouter-frontend-'));
    const modules = path.join(temp, 'node_modules');
    mkdirSync(path.join(modules, '@typescript-eslint'), { recursive: true });
    symlinkSync(REPO, path.join(modules, 'eslint-plugin-openrouter'), 'dir');
    for (const name of ['eslint', '@typescript-eslint/parser', ...FRAMEWORKS.map((framework) => framework.name)]) {
      symlinkSync(path.join(REPO, 'node_modules', name), path.join(modules, name), 'dir');
    }
  }, 300_000);
  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it.each(FRAMEWORKS.map((framework) => [framework.name, framework] as const))('%s: the snippet lints and fixes a component', async (_name, framework) => {
    const snippets = README_BLOCKS.filter((block) => block.file === 'eslint.config.js' && block.code.includes(`from '${framework.name}'`));
    expect(snippets, `one README snippet imports ${framework.name}`).toHaveLength(1);
    const directory = path.join(temp, framework.name);
    mkdirSync(path.join(directory, 'src'), { recursive: true });
    writeFileSync(path.join(directory, 'package.json'), '{ "name": "frontend-snippet", "private": true, "type": "module", "openrouter": { "referer": "https://acme.dev", "title": "Acme Docs" } }\n');
    writeFileSync(path.join(directory, 'eslint.config.js'), snippets[0]!.code);
    writeFileSync(path.join(directory, `src/Chat${framework.extension}`), framework.component(CLIENT, true));
    const eslint = new ESLint({ cwd: directory });
    const [result] = await eslint.lintFiles([`src/Chat${framework.extension}`]);
    expect(result!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? message.message}`)).toEqual([
      `${framework.clientLine}:${COLUMN} openrouter/require-referer`,
    ]);
    const [fixed] = await new ESLint({ cwd: directory, fix: true }).lintFiles([`src/Chat${framework.extension}`]);
    expect(fixed!.messages).toEqual([]);
    expect(fixed!.output).toContain("defaultHeaders: {\n  'HTTP-Referer': 'https://acme.dev',\n  'X-OpenRouter-Title': 'Acme Docs'\n}");
  });
});
