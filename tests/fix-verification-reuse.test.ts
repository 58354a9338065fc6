/**
 * Fix verification parses each edited expression's text once per file: thousands of findings fixed
 * the same way (the same call given the same options) cost one parse of that expression, and a text
 * that does not parse is still refused every time it comes.
 */
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { expressionChecks, lintCounting } from './counting-parser.js';

const SETTINGS = { openrouter: { referer: 'https://acme.dev', title: 'Acme Docs' } };

/** Lints `code` with `require-referer`, recording every text the parser is given. */
const lintReferer = (code: string) => lintCounting(code, { plugins: { openrouter: plugin }, rules: { 'openrouter/require-referer': 'error' }, settings: SETTINGS });

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";

describe('fix verification', () => {
  it('parses an edited expression once for every finding fixed the same way', () => {
    const { messages, parsed } = lintReferer(`${SDK}${'new OpenRouter({ apiKey: key });\n'.repeat(200)}`);
    expect(messages.filter((message) => message.fix)).toHaveLength(200);
    expect(expressionChecks(parsed)).toHaveLength(1);
  });

  it('parses each different edited expression', () => {
    const { messages, parsed } = lintReferer(`${SDK}${Array.from({ length: 50 }, (_, index) => `new OpenRouter({ apiKey: key${index} });\n`).join('')}`);
    expect(messages.filter((message) => message.fix)).toHaveLength(50);
    expect(new Set(expressionChecks(parsed)).size).toBe(50);
    expect(expressionChecks(parsed)).toHaveLength(50);
  });
});
