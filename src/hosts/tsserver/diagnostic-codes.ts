/**
 * The diagnostic code of each rule in tsserver. Codes are part of the public surface (editors and
 * users filter on them): never renumber one, only add. The block 940000–940999 is clear of
 * TypeScript's own codes, so TypeScript's quick fixes never answer for ours.
 */
import type { rules } from '../../rules/index.js';

export type RuleName = keyof typeof rules;

export const DIAGNOSTIC_CODES: Readonly<Record<RuleName, number>> = {
  'require-referer': 940001,
  'require-title-for-localhost': 940002,
  'valid-categories': 940003,
  'no-generic-title': 940004,
  'sendable-header-values': 940005,
  'valid-referer': 940006,
  'no-hardcoded-api-key': 940007,
  'no-unstable-referer': 940008,
  'prefer-openrouter-title-header': 940009,
  'match-project-attribution': 940010,
  'no-ignored-attribution': 940011,
  'no-clobbered-attribution': 940012,
  'require-resolvable-attribution': 940013,
  'prefer-listed-categories': 940014,
  // Apart from the rules on code, which take the next numbers in turn.
  'valid-config': 940100,
};

/** Every code, for `getSupportedCodeFixes`. */
export const ALL_DIAGNOSTIC_CODES: readonly number[] = Object.values(DIAGNOSTIC_CODES);

const RULE_BY_CODE = new Map<number, RuleName>(Object.entries(DIAGNOSTIC_CODES).map(([name, code]) => [code, name as RuleName]));

export function ruleOfCode(code: number): RuleName | undefined {
  return RULE_BY_CODE.get(code);
}
