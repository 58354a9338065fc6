/** A field's values across a file's sites are gathered once per list of sites and field, whichever rule asks. */
import { describe, expect, it } from 'vitest';
import { fieldAlternatives, type OpenRouterSite } from '../src/analysis/sites/site.js';

/** A site whose referer is one literal (only what `fieldAlternatives` reads). */
function siteWithReferer(text: string): OpenRouterSite {
  const node = { type: 'Literal', value: text } as never;
  const present = { state: 'present', values: [{ alternatives: [{ pieces: [text], node }] }] } as const;
  return { node: {} as never, fields: { referer: present, title: { state: 'absent' }, categories: { state: 'absent' } }, requests: [] } as unknown as OpenRouterSite;
}

describe('field alternatives', () => {
  it('gives the same list to every rule that asks for a field of the same sites', () => {
    const sites = [siteWithReferer('https://acme.dev'), siteWithReferer('https://acme.dev/docs')];
    const first = fieldAlternatives(sites, 'referer');
    expect(first.map((found) => found.text)).toEqual(['https://acme.dev', 'https://acme.dev/docs']);
    expect(fieldAlternatives(sites, 'referer')).toBe(first);
    expect(fieldAlternatives(sites, 'title')).toEqual([]);
    // Another list of sites is gathered on its own.
    expect(fieldAlternatives([...sites], 'referer')).not.toBe(first);
  });
});
