/** The flat configs, derived from each rule's `meta.docs.recommended`. */
import type { ESLint, Linter } from 'eslint';
import type { OpenRouterRuleDocs } from '../analysis/index.js';

type RuleWithDocs = { meta?: { docs?: Partial<OpenRouterRuleDocs> } };

/**
 * `recommended`: each rule at the severity its docs give; `strict`: every rule but the opt-in ones, as an error;
 * `python`: `recommended`'s rules on `.py` files, read as the plugin's Python language.
 */
export function createConfigs(plugin: ESLint.Plugin, rules: Record<string, RuleWithDocs>): Record<'recommended' | 'strict' | 'python', Linter.Config> {
  const recommended: Linter.RulesRecord = {};
  const strict: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    const level = rule.meta?.docs?.recommended;
    if (level) recommended[`openrouter/${name}`] = level;
    if (!rule.meta?.docs?.optIn) strict[`openrouter/${name}`] = 'error';
  }
  return {
    recommended: { name: 'openrouter/recommended', plugins: { openrouter: plugin }, rules: recommended },
    strict: { name: 'openrouter/strict', plugins: { openrouter: plugin }, rules: strict },
    python: { name: 'openrouter/python', files: ['**/*.py'], plugins: { openrouter: plugin }, language: 'openrouter/python', rules: recommended },
  };
}
