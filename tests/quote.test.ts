/** Values as messages echo them: shortened, quoted, and with every secret-shaped part masked. */
import { describe, expect, it } from 'vitest';
import { masked, quoted } from '../src/analysis/text/quote.js';

describe('quoted values', () => {
  it.each([
    ['sk-or-v1-0123456789abcdef0123456789abcdef', '"[secret]"'],
    ['Bearer sk-or-v1-0123456789abcdef', '"Bearer [secret]"'],
    ['https://app:sk-or-v1-0123456789@acme.dev', '"https://app:[secret]@acme.dev"'],
    ['https://user:hunter2@acme.dev/x', '"https://user:[secret]@acme.dev/x"'],
    ['token ghp_0123456789abcdefghijKLMN', '"token [secret]"'],
    ['AKIAABCDEFGHIJKLMNOP', '"[secret]"'],
  ])('masks %s', (value, expected) => {
    expect(quoted(value)).toBe(expected);
  });

  it.each(['Desk-organizer-app', 'https://acme.dev/path', 'https://user@acme.dev', 'Acme Docs', 'risk-assessment-tool'])('leaves %s as it is', (value) => {
    expect(masked(value)).toBe(value);
  });

  it('masks a secret that starts where a long value is cut, and stays linear on long values', () => {
    expect(quoted(`${'a'.repeat(40)} sk-or-v1-0123456789abcdef`)).not.toContain('sk-');
    const long = `https://x:${'a'.repeat(100_000)}`;
    expect(quoted(long)).toMatch(/\.\.\."$/);
  });
});
