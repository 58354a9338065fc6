/**
 * require-referer: a wrapper that sends the referer its caller gives is judged at each call, where the value
 * is written: a placeholder or a value that may be empty is reported at the argument, once per value.
 */
import type rule from '../../../src/rules/require-referer.js';
import type { CasesFor } from '../../rule-tester.js';

const WRAPPER =
  "function callOpenRouter(key, referer) {\n  return fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: { Authorization: key, 'HTTP-Referer': referer, 'X-Title': 'Acme' }, body });\n}\n";

export const wrapperValueCases: CasesFor<typeof rule> = {
  valid: [
    `${WRAPPER}callOpenRouter(key, 'https://acme.dev');`,
    `${WRAPPER}callOpenRouter(key, process.env.SITE_URL);`,
    // What a caller gives that the file cannot read stays unknown: silence.
    `${WRAPPER}export function run(site) {\n  return callOpenRouter(key, site);\n}`,
  ],
  invalid: [
    {
      code: `${WRAPPER}callOpenRouter(key, 'https://acme.dev');\ncallOpenRouter(key, 'https://example.com');`,
      errors: [{ messageId: 'placeholderReferer', line: 5, column: 21 }],
    },
    {
      code: `${WRAPPER}callOpenRouter(key, process.env.SITE_URL || '');`,
      errors: [{ messageId: 'emptyReferer', line: 4 }],
    },
    {
      // Two calls passing one constant: one value, one finding.
      code: `const SITE = 'https://example.com';\n${WRAPPER}callOpenRouter(key, SITE);\ncallOpenRouter(other, SITE);`,
      errors: [{ messageId: 'placeholderReferer', line: 1 }],
    },
  ],
};
