/**
 * Fix verification parses each edited expression's text once per file: thousands of findings fixed
 * the same way (the same call given the same options) cost one parse of that expression, and a text
 * that does not parse is still refused every time it comes.
 */
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const SETTINGS = { openrouter: { referer: 'https://acme.dev', title: 'Acme Docs' } };

/** Lints and fixes `code` with `require-referer`, recording every text the parser is given. */
function lintCounting(code: string): { messages: Linter.LintMessage[]; parsed: string[] } {
  const parsed: string[] = [];
  const parser = {
    meta: { name: 'counting-espree' },
    parse(text: string, options: espree.Options) {
      parsed.push(text);
      return espree.parse(text, { ...options, ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true, tokens: true, comment: true });
    },
  };
  const config: Linter.Config[] = [
    { files: ['**/*.js'], languageOptions: { parser: parser as Linter.Parser }, plugins: { openrouter: plugin }, rules: { 'openrouter/require-referer': 'error' }, settings: SETTINGS },
  ];
  const messages = new Linter({ configType: 'flat' }).verify(code, config, 'client.js');
  return { messages, parsed };
}

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
/** The texts verification parses: each edited expression, wrapped as a statement. */
const expressionChecks = (parsed: readonly string[]) => parsed.filter((text) => text.startsWith('(\n'));

describe('fix verification', () => {
  it('parses an edited expression once for every finding fixed the same way', () => {
    const { messages, parsed } = lintCounting(`${SDK}${'new OpenRouter({ apiKey: key });\n'.repeat(200)}`);
    expect(messages.filter((message) => message.fix)).toHaveLength(200);
    expect(expressionChecks(parsed)).toHaveLength(1);
  });

  it('parses each different edited expression', () => {
    const { messages, parsed } = lintCounting(`${SDK}${Array.from({ length: 50 }, (_, index) => `new OpenRouter({ apiKey: key${index} });\n`).join('')}`);
    expect(messages.filter((message) => message.fix)).toHaveLength(50);
    expect(new Set(expressionChecks(parsed)).size).toBe(50);
    expect(expressionChecks(parsed)).toHaveLength(50);
  });
});
