/** Runs a rule's cases under both parsers users have: typescript-eslint (TS, TSX) and ESLint's default (espree). */
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import * as espree from 'espree';

export const tsTester = new RuleTester();
export const jsTester = new RuleTester({
  languageOptions: { parser: espree as never, sourceType: 'module', ecmaVersion: 'latest' },
});

export interface RuleCases<MessageIds extends string> {
  /** Plain JavaScript: run under both parsers. */
  valid: (string | ValidTestCase<[]>)[];
  invalid: InvalidTestCase<MessageIds, []>[];
  /** TypeScript syntax: run under typescript-eslint only. */
  tsValid?: (string | ValidTestCase<[]>)[];
  tsInvalid?: InvalidTestCase<MessageIds, []>[];
}

export function runRuleTests<MessageIds extends string>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, []>,
  cases: RuleCases<MessageIds>,
): void {
  tsTester.run(`${name} (typescript-eslint parser)`, rule, {
    valid: [...cases.valid, ...(cases.tsValid ?? [])],
    invalid: [...cases.invalid, ...(cases.tsInvalid ?? [])],
  });
  const asJs = <T extends object>(item: string | T): string | T =>
    typeof item === 'string' ? item : { ...item, filename: ((item as { filename?: string }).filename ?? 'file.ts').replace(/\.tsx?$/, '.js') };
  jsTester.run(`${name} (espree)`, rule, {
    valid: cases.valid.map(asJs),
    invalid: cases.invalid.map((item) => asJs(item) as InvalidTestCase<MessageIds, []>),
  });
}

/** Project settings used by fix tests. */
export const SETTINGS = {
  openrouter: { referer: 'https://acme.dev', title: 'Acme Docs', categories: ['cli-agent'] },
};
