/** A parser for lint tests that records every text it is given: what fix verification re-parses is then visible. */
import { Linter } from 'eslint';
import * as espree from 'espree';

/** Lints `code` as client.js with `config`'s rules and settings under the recording parser. */
export function lintCounting(code: string, config: Omit<Linter.Config, 'files' | 'languageOptions'>): { messages: Linter.LintMessage[]; parsed: string[] } {
  const parsed: string[] = [];
  const parser = {
    meta: { name: 'counting-espree' },
    parse(text: string, options: espree.Options) {
      parsed.push(text);
      return espree.parse(text, { ...options, ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true, tokens: true, comment: true });
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(code, [{ files: ['**/*.js'], languageOptions: { parser: parser as Linter.Parser }, ...config }], 'client.js');
  return { messages, parsed };
}

/** The texts verification parses: each edited expression, wrapped as a statement. */
export const expressionChecks = (parsed: readonly string[]): string[] => parsed.filter((text) => text.startsWith('(\n'));
