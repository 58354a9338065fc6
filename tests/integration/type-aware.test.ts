/**
 * With type information (`parserOptions.projectService`), values imported from another file of the
 * project resolve through the type checker: a base URL makes a client OpenRouter's, imported headers
 * and titles are checked. Without it, the same file gives no finding: the rules stay silent on what
 * they cannot see. The tsserver plugin hands its Program to the same code path.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { FIXTURES } from './lint-project.js';

const cwd = path.join(FIXTURES, 'type-aware');
const file = path.join(cwd, 'src', 'client.ts');

function eslint(typed: boolean, fix = false): ESLint {
  const overrideConfig: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser, parserOptions: typed ? { projectService: true, tsconfigRootDir: cwd } : {} },
    },
    plugin.configs.recommended,
  ];
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig, fix });
}

const findings = (messages: Linter.LintMessage[]) => messages.map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

describe('type-aware values (parserOptions.projectService)', () => {
  it('resolve imported base URLs, headers and titles through the checker', async () => {
    const [result] = await eslint(true).lintFiles([file]);
    expect(findings(result!.messages)).toEqual([
      '6:openrouter/require-referer:missingReferer',
      '10:openrouter/valid-categories:unknownCategory',
      '12:openrouter/no-generic-title:genericTitle',
      // A helper's body is read from its module's source (the checker's `Record<string, string>` tells no keys).
      '14:openrouter/require-referer:missingReferer',
    ]);
    expect(result!.messages[1]!.message).toContain('"gmae"');
  });

  it('fix the client whose base URL is known only by type, from the project identity', async () => {
    const [result] = await eslint(true, true).lintFiles([file]);
    expect(result!.output).toContain(
      [
        'export const bare = new OpenAI({ baseURL: BASE, defaultHeaders: {',
        "  'HTTP-Referer': 'https://acme.dev',",
        "  'X-OpenRouter-Title': 'Acme Docs'",
        '} });',
      ].join('\n'),
    );
    // Imported objects are never edited, and nothing else changed.
    expect(result!.output!.split('\n').filter((line) => line.includes('Acme Docs'))).toHaveLength(1);
  });

  it('reach a file whose own text never names OpenRouter, with or without type information (a module it imports names it)', async () => {
    const plain = path.join(cwd, 'src', 'plain.ts');
    const [typed] = await eslint(true).lintFiles([plain]);
    expect(findings(typed!.messages)).toEqual(['5:openrouter/require-referer:missingReferer']);
    const [untyped] = await eslint(false).lintFiles([plain]);
    expect(findings(untyped!.messages)).toEqual(['5:openrouter/require-referer:missingReferer']);
  });

  it('follow a wrapper imported from another module, with or without type information, reported at its calls', async () => {
    const requests = path.join(cwd, 'src', 'requests.ts');
    for (const typed of [true, false]) {
      const [result] = await eslint(typed).lintFiles([requests]);
      expect(findings(result!.messages)).toEqual(['5:openrouter/require-referer:missingReferer', '6:openrouter/no-generic-title:genericTitle']);
      // Told at the call; the helper's module is never edited.
      const [fixed] = await eslint(typed, true).lintFiles([requests]);
      expect(fixed!.output).toBeUndefined();
    }
  });

  it('without type information, come from the imported module\'s source: the same findings', async () => {
    const [typed] = await eslint(true).lintFiles([file]);
    const [untyped] = await eslint(false).lintFiles([file]);
    expect(findings(untyped!.messages)).toEqual(findings(typed!.messages));
    expect(untyped!.messages.map((message) => message.message)).toEqual(typed!.messages.map((message) => message.message));
    // The same fixes, in this file only.
    const [typedFix] = await eslint(true, true).lintFiles([file]);
    const [untypedFix] = await eslint(false, true).lintFiles([file]);
    expect(untypedFix!.output).toBe(typedFix!.output);
  });
});
