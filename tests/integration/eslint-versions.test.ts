/** The plugin supports ESLint 9.15+ and 10: both give the same findings and fixes on the same project. */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { FIXTURES, relative } from './lint-project.js';

const SETTINGS = { openrouter: { referer: 'https://acme.dev', title: 'Acme Chat', categories: ['general-chat'] } };

type AnyESLint = typeof ESLint10 | typeof ESLint9;

async function lintWith(ESLint: AnyESLint, cwd: string, fix: boolean) {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
      plugin.configs.strict as never,
      { settings: SETTINGS },
    ],
    fix,
  });
  const results = await eslint.lintFiles(['.']);
  return results
    .map((result) => ({
      file: relative(cwd, result.filePath),
      messages: result.messages.map((message) => [message.ruleId, message.messageId, message.line, message.column]),
      output: result.output ?? null,
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

describe('ESLint 9 and 10', () => {
  for (const fixture of ['settings-identity', 'package-identity', 'monorepo']) {
    it(`${fixture}: the same findings and fixes`, async () => {
      const cwd = path.join(FIXTURES, fixture);
      expect(ESLint9.version.startsWith('9.')).toBe(true);
      const [ten, nine] = await Promise.all([lintWith(ESLint10, cwd, false), lintWith(ESLint9, cwd, false)]);
      expect(ten.some((result) => result.messages.length > 0)).toBe(true);
      expect(nine).toEqual(ten);
      const [tenFixed, nineFixed] = await Promise.all([lintWith(ESLint10, cwd, true), lintWith(ESLint9, cwd, true)]);
      expect(tenFixed.some((result) => result.output !== null)).toBe(true);
      expect(nineFixed).toEqual(tenFixed);
    });
  }
});
