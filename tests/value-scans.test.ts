/**
 * The scans over header values that run once per finding are single regular expressions: each gives
 * what a character-by-character reading gives (kept here as the reference), on any string,
 * surrogate pairs, lone surrogates and controls included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainSpelling, unsendableCharacter } from '../src/analysis/domain/header-values.js';
import { stringLiteral } from '../src/analysis/fixes/literal-swap.js';
import { masked } from '../src/analysis/text/quote.js';

function unsendableByCharacters(value: string): { char: string; code: number } | null {
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code > 0xff || code === 0x7f || (code < 0x20 && code !== 0x09)) return { char, code };
  }
  return null;
}

const SPELLINGS: Record<string, string> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201C': '"', '\u201D': '"', '\u201E': '"',
  '\u2026': '...', '\u2022': '\u00B7', '\u2122': '(TM)', '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ',
};

function plainByCharacters(value: string): string | null {
  const plain = [...value].map((char) => SPELLINGS[char] ?? char).join('');
  return unsendableByCharacters(plain) ? null : plain;
}

const SECRET = /\bsk-(?:or-v\d+-)?[A-Za-z\d_-]{8,}|\bgh[pousr]_[A-Za-z\d]{16,}|\bxox[abposr]-[A-Za-z\d-]{10,}|\bAKIA[A-Z\d]{12,}|(?<=:\/\/[^/\s:@]{0,64}:)[^/\s@]+(?=@)/g;

function stringLiteralByCharacters(value: string, quote: string): string {
  let out = quote;
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    const code = char.charCodeAt(0);
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16)}`;
    else if (char === '<' && /^<(?:\/script|!--)/i.test(value.slice(index, index + 8))) out += '\\x3C';
    else out += char;
  }
  return out + quote;
}

/** Strings made of the characters these scans tell apart, and of any UTF-16 unit. */
const pieces = fc.constantFrom(
  'a', 'Z', ' ', '\t', '\n', '\r', '\0', '\x1f', '\x7f', '\x80', '\xff', '\u0100', '\u2014', '\u2026', '\u2122', '\u00A0', '\u2028', '\u2029',
  '\uD83D\uDE00', '\uD83D', '\uDE00', "'", '"', '\\', '</script', '<!--', '</SCRIPT', '<', 'sk-', 'sk-or-v1-abcdefgh1234', 'ghp_', 'xoxb-', 'AKIA', '@', '://', ':', '/', 'https://user', ':pass', '://u:p@',
);
const values = fc.oneof(fc.array(pieces, { maxLength: 24 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary-ascii', maxLength: 40 }));

describe('header value scans', () => {
  it('finds the same unsendable character as reading the value code point by code point', () => {
    fc.assert(fc.property(values, (value) => {
      expect(unsendableCharacter(value)).toEqual(unsendableByCharacters(value));
    }), { numRuns: 2000 });
  });

  it('spells the same plain value as replacing character by character', () => {
    fc.assert(fc.property(values, (value) => {
      expect(plainSpelling(value)).toBe(plainByCharacters(value));
    }), { numRuns: 2000 });
  });

  it('masks the same parts as the secret pattern alone', () => {
    fc.assert(fc.property(values, (value) => {
      expect(masked(value)).toBe(value.replace(SECRET, '[secret]'));
    }), { numRuns: 2000 });
  });

  it('quotes a value as escaping it character by character does', () => {
    fc.assert(
      fc.property(values, fc.constantFrom("'", '"'), (value, quote) => {
        expect(stringLiteral(value, quote)).toBe(stringLiteralByCharacters(value, quote));
      }),
      { numRuns: 2000 },
    );
  });
});
