/**
 * Near misses of an attribution header's name are worked out once per name (src/analysis/sites/
 * misplaced-attribution.ts): a file sends the same few names from every request. The answer kept
 * for a name must be the one it has in any letter case, and stay right past the bound on what is kept.
 */
import { describe, expect, it } from 'vitest';
import { nearMissField } from '../src/analysis/domain/near-miss-headers.js';

const NAMES: [string, string | null][] = [
  ['HTTP-Referrer', 'referer'],
  ['HTTP_REFERER', 'referer'],
  ['X-Openrouter-Titel', 'title'],
  ['X-OpenRouter-Category', 'categories'],
  ['X-Titel', 'title'],
  ['HTTP-Referer', null],
  ['X-Request', null],
  ['Authorization', null],
];

describe('near misses of attribution header names', () => {
  it('gives each name the same answer in every letter case and every time it is asked', () => {
    for (let round = 0; round < 3; round++) {
      for (const [name, field] of NAMES) {
        for (const spelling of [name, name.toLowerCase(), name.toUpperCase()]) expect([spelling, nearMissField(spelling)]).toEqual([spelling, field]);
      }
    }
  });

  it('still answers right after more names than it keeps', () => {
    for (let index = 0; index < 10_000; index++) expect(nearMissField(`X-Custom-${index}`)).toBeNull();
    for (const [name, field] of NAMES) expect([name, nearMissField(name)]).toEqual([name, field]);
  });
});
