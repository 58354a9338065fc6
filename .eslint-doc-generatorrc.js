/**
 * eslint-doc-generator settings: the rules table in README.md and the header of each
 * docs/rules/<rule>.md come from the built plugin (`npm run update:docs`); `npm run lint:docs`
 * fails when they drift.
 * @type {import('eslint-doc-generator').GenerateOptions}
 */
const config = {
  pathRuleDoc: 'docs/rules/{name}.md',
  pathRuleList: 'README.md',
  ruleDocTitleFormat: 'prefix-name',
  // Every rule doc explains what it checks and when to turn it off.
  ruleDocSectionInclude: ['Rule details', 'When not to use it'],
  // `python` is `recommended`'s rules on Python files: no rule set of its own to mark (README, "Python").
  ignoreConfig: ['python'],
};

module.exports = config;
