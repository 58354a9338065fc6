/**
 * Fix verification under a host whose `languageOptions.parser` cannot parse (Oxlint's throws "not
 * implemented yet"): a fix that parses is kept rather than every fix being dropped, while a working
 * host parser still drops an edit that breaks the file.
 */
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { verifyFixes } from '../../src/analysis/fixes/verification.js';

const TEXT = 'const options = { a: 1 };\n';
/** Inserts a property before the closing brace: parses. */
const GOOD_FIX = () => ({ range: [23, 23] as [number, number], text: ', b: 2' });
/** Inserts an unbalanced brace: does not parse. */
const BAD_FIX = () => ({ range: [23, 23] as [number, number], text: ', b: {' });

function contextWith(parser: object): Parameters<typeof verifyFixes>[0] {
  return {
    languageOptions: { parser, ecmaVersion: 'latest', sourceType: 'module' },
    // A new tree per call: the per-file allowance is keyed on it.
    sourceCode: { text: TEXT, ast: { type: 'Program' } },
    filename: '/project/file.js',
  } as unknown as Parameters<typeof verifyFixes>[0];
}

const descriptors = [
  { loc: { line: 1, column: 0 }, messageId: 'good', fix: GOOD_FIX },
  { loc: { line: 1, column: 0 }, messageId: 'bad', fix: BAD_FIX },
];

describe('fix verification and the host parser', () => {
  it('keeps a fix that parses when the host parser cannot parse at all (Oxlint)', () => {
    const oxlintParser = Object.freeze({
      name: 'oxlint',
      parse() {
        throw new Error('`context.languageOptions.parser.parse` not implemented yet.');
      },
    });
    const verified = verifyFixes(contextWith(oxlintParser), descriptors);
    // Taken for a failed re-parse, the stub's throw would drop this fix too. (Whether the broken
    // edit is caught depends on a parser installed beside the plugin, not on the host's.)
    expect(typeof verified[0]!.fix).toBe('function');
    expect(verified[0]!.fix!(undefined as never)).toEqual([GOOD_FIX()]);
  });

  it('drops an edit that does not parse when the parser works (ESLint)', () => {
    const verified = verifyFixes(contextWith(espree), descriptors);
    expect(verified.map((descriptor) => typeof descriptor.fix)).toEqual(['function', 'object']);
    expect(verified[1]!.fix).toBeNull();
  });
});
