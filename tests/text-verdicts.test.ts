/** Verdicts kept by text: a repeated text is checked once, within bounds of entries and length. */
import { describe, expect, it, vi } from 'vitest';
import { byText } from '../src/analysis/domain/text-verdicts.js';
import { checkReferer } from '../src/analysis/domain/referer-checks.js';

describe('verdicts by text', () => {
  it('checks a repeated text once and gives the same verdict', () => {
    const check = vi.fn((text: string) => ({ length: text.length }));
    const cached = byText(check);
    const first = cached('https://acme.dev');
    expect(cached('https://acme.dev')).toBe(first);
    expect(cached('https://other.dev')).toEqual({ length: 17 });
    expect(check.mock.calls).toEqual([['https://acme.dev'], ['https://other.dev']]);
  });

  it('keeps 256 texts, the oldest leaving first', () => {
    const check = vi.fn((text: string) => text.length);
    const cached = byText(check);
    for (let index = 0; index <= 256; index++) cached(`t${index}`);
    check.mockClear();
    cached('t256');
    cached('t1');
    expect(check.mock.calls).toEqual([]);
    cached('t0');
    expect(check.mock.calls).toEqual([['t0']]);
  });

  it('checks a long text every time', () => {
    const check = vi.fn((text: string) => text.length);
    const cached = byText(check);
    const long = 'x'.repeat(2_049);
    cached(long);
    cached(long);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('leaves the referer checks as they were', () => {
    expect(checkReferer('https://your-site.com')).toEqual({ kind: 'placeholder' });
    expect(checkReferer('https://your-site.com')).toEqual({ kind: 'placeholder' });
    expect(checkReferer('https://acme.dev')).toBeNull();
    expect(checkReferer('acme.dev')).toEqual({ kind: 'notAbsolute' });
  });
});
