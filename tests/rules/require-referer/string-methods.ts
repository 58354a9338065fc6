/**
 * require-referer: a referer cut to a length, cleaned of characters a header cannot carry or changed in case
 * is still the value it was made from; `value ?? ''` of a value that is never nullish is that value.
 */
import type rule from '../../../src/rules/require-referer.js';
import type { CasesFor } from '../../rule-tester.js';

/** A request sending `referer` (source text) with a title. */
const send = (referer: string) =>
  `fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: { Authorization: key, 'HTTP-Referer': ${referer}, 'X-Title': 'Acme' }, body });`;
const placeholder = { messageId: 'placeholderReferer' as const, data: { value: '"https://example.com"' } };
/** The sanitiser seen in real code: a nullish fallback, a character class replaced, a length cut. */
const SAFE_HEADER = "function safeHeader(val, fallback = '') {\n  const s = String(val ?? fallback);\n  return s.replace(/[^\\x20-\\x7E]/g, '-').slice(0, 200);\n}\n";

export const stringMethodCases: CasesFor<typeof rule> = {
  valid: [
    // What the methods make of a real URL is a real URL.
    send("(process.env.SITE || 'https://acme.dev').slice(0, 200)"),
    `${SAFE_HEADER}${send("safeHeader(process.env.SITE || 'https://acme.dev')")}`,
    send("'https://Acme.dev'.toLowerCase()"),
    // A cut or pattern this module does not follow leaves the value unknown: silence.
    send("'https://example.com'.slice(8)"),
    send("'https://example.com'.replace(/example/g, 'acme')"),
    send("'https://example.com'.replace(/(a+)+$/g, '')"),
    // A run replaced by text could span an unknown part: not followed.
    send("'https://example.com'.replace(/[^a-z:/.]+/g, '-')"),
  ],
  invalid: [
    { code: send("(process.env.SITE || 'https://example.com').slice(0, 200)"), errors: [placeholder] },
    { code: send("(process.env.SITE || 'https://example.com').substring(0, 200).trim()"), errors: [placeholder] },
    { code: send("(process.env.SITE || 'https://EXAMPLE.com').toLowerCase()"), errors: [placeholder] },
    { code: send("(process.env.SITE || 'https://example.com\\u2013').replace(/[^\\x20-\\x7E]/g, '')"), errors: [placeholder] },
    // Through a helper: the placeholder once, and no "may be empty" from a fallback the argument never leaves to.
    { code: `${SAFE_HEADER}${send("safeHeader(process.env.SITE || 'https://example.com')")}`, errors: [placeholder] },
    // A cut that leaves nothing is an empty referer.
    { code: send("'https://acme.dev'.slice(0, 0)"), errors: [{ messageId: 'emptyReferer' }] },
  ],
};
