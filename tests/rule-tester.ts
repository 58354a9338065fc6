/** Runs a rule's cases under both parsers users have: typescript-eslint (TS, TSX) and ESLint's default (espree). */
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';

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

/** The cases type of a rule module: `CasesFor<typeof rule>`. */
export type CasesFor<Rule> = Rule extends TSESLint.RuleModule<infer MessageIds, []> ? RuleCases<MessageIds> : never;

/** One rule's cases kept in several files (by client family, by mechanism), run as one suite. */
export function mergeCases<MessageIds extends string>(...parts: RuleCases<MessageIds>[]): RuleCases<MessageIds> {
  return {
    valid: parts.flatMap((part) => part.valid),
    invalid: parts.flatMap((part) => part.invalid),
    tsValid: parts.flatMap((part) => part.tsValid ?? []),
    tsInvalid: parts.flatMap((part) => part.tsInvalid ?? []),
  };
}

/** A rule's cases as its test file gives them, for other hosts' parity tests. */
export interface CollectedRuleCases {
  readonly name: string;
  readonly rule: TSESLint.RuleModule<string, []>;
  readonly cases: RuleCases<string>;
}

let collecting: CollectedRuleCases[] | null = null;

/**
 * Imports rule test files and returns their cases without defining their tests: `runRuleTests`
 * records instead of running while the imports are in progress.
 */
export async function collectRuleCases(importTestFiles: () => Promise<unknown>): Promise<CollectedRuleCases[]> {
  const collected: CollectedRuleCases[] = [];
  collecting = collected;
  try {
    await importTestFiles();
  } finally {
    collecting = null;
  }
  return collected;
}

export function runRuleTests<MessageIds extends string>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, []>,
  cases: RuleCases<MessageIds>,
): void {
  if (collecting) {
    collecting.push({ name, rule: rule as TSESLint.RuleModule<string, []>, cases: cases as RuleCases<string> });
    return;
  }
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
  checkFixedOutputs(name, rule, [...cases.invalid, ...(cases.tsInvalid ?? [])]);
}

/**
 * Every fixed output must parse, carry no finding of the rule, and be left alone by a second fix:
 * what `eslint --fix` users see after one run.
 */
function checkFixedOutputs<MessageIds extends string>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, []>,
  cases: InvalidTestCase<MessageIds, []>[],
): void {
  const withOutput = cases.filter((item) => typeof item.output === 'string' && item.output !== item.code);
  if (withOutput.length === 0) return;
  describe(`${name}: fixed outputs are clean and stable`, () => {
    it.each(withOutput.map((item) => [item.code, item] as const))('%s', (_code, item) => {
      const linter = new Linter({ configType: 'flat' });
      const config: Linter.Config[] = [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser as Linter.Parser },
          plugins: { openrouter: { rules: { [name]: rule as never } } },
          rules: { [`openrouter/${name}`]: 'error' },
          settings: (item.settings ?? {}) as Record<string, unknown>,
        },
      ];
      const output = item.output as string;
      const messages = linter.verify(output, config, 'file.ts');
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      expect(messages.filter((message) => message.ruleId === `openrouter/${name}`)).toEqual([]);
      expect(linter.verifyAndFix(output, config, 'file.ts').fixed).toBe(false);
    });
  });
}

/** Project settings used by fix tests. */
export const SETTINGS = {
  openrouter: { referer: 'https://acme.dev', title: 'Acme Docs', categories: ['cli-agent'] },
};
