/**
 * Where each rule's documentation lives: `docs/rules/<name>.md` in the repository at the tag of
 * this version (`v<version>`), so the link an editor shows matches the installed rule.
 */
import { version } from './version.js';

/** Kept equal to package.json's `repository`, `homepage` and `bugs` by a test. */
export const REPOSITORY_URL = 'https://github.com/eslint-plugin-openrouter/eslint-plugin-openrouter';

export function ruleDocsUrl(ruleName: string): string {
  return `${REPOSITORY_URL}/blob/v${version}/docs/rules/${ruleName}.md`;
}
