/**
 * `settings.openrouter` is read once per settings object (src/analysis/identity/project-config.ts):
 * files under other package.json files, and lookups made again after the cache expires, reuse that
 * reading, and give the same config as a reading from scratch. Lists longer than any project needs
 * are refused unread.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearProjectConfigCache, loadProjectAttribution, MAX_LIST_ENTRIES } from '../src/analysis/identity/project-config.js';
import { temporaryFolder } from './temporary-folders.js';

beforeEach(() => clearProjectConfigCache());

/** A file in a package whose package.json holds `field` as its "openrouter" field (none when undefined). */
function fileUnder(field: unknown): string {
  const dir = temporaryFolder('openrouter-settings-');
  mkdirSync(path.join(dir, '.git'));
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'app', ...(field === undefined ? {} : { openrouter: field }) }));
  return path.join(dir, 'src', 'client.ts');
}

/** Settings whose keys count how often they are read. */
function countedSettings(values: Record<string, unknown>): { settings: object; reads: () => number } {
  let reads = 0;
  const settings = {};
  for (const [key, value] of Object.entries(values)) {
    Object.defineProperty(settings, key, {
      enumerable: true,
      get: () => {
        reads++;
        return value;
      },
    });
  }
  return { settings, reads: () => reads };
}

const VALUES = { referer: 'https://acme.dev', title: 'Acme Docs', categories: ['cli-agent'], additionalGenericTitleWords: ['Widget'], titel: 'x' };

describe('reading settings.openrouter', () => {
  it('reads the settings once, whichever package.json each file takes the rest from and however often its lookup is made again', () => {
    const { settings, reads } = countedSettings(VALUES);
    const first = loadProjectAttribution(settings, fileUnder(undefined));
    const afterFirst = reads();
    expect(afterFirst).toBeGreaterThan(0);
    const others = [fileUnder({ categories: ['game'] }), fileUnder({ referer: 'https://other.dev' })].map((file) => loadProjectAttribution(settings, file));
    clearProjectConfigCache();
    const again = loadProjectAttribution(settings, fileUnder(undefined));
    expect(reads()).toBe(afterFirst);
    for (const loaded of [...others, again]) expect(loaded.attribution).toMatchObject({ referer: 'https://acme.dev', title: 'Acme Docs', categories: ['cli-agent'] });
    expect(again).toEqual(first);
    expect(first.problems).toEqual([expect.stringContaining('settings.openrouter.titel: unknown key')]);
  });

  it('gives what a reading from scratch gives, where a package.json adds to the lists the settings are checked against', () => {
    const file = fileUnder({ additionalCategories: ['space-sim'], additionalGenericTitleWords: ['docs'] });
    const shared = { ...VALUES, title: 'Widget Docs', categories: ['space-sim'] };
    // Read first under a package that adds nothing, then under one that adds a slug and a word.
    expect(loadProjectAttribution(shared, fileUnder(undefined)).attribution.title).toBe('Widget Docs');
    const reused = loadProjectAttribution(shared, file);
    const fresh = loadProjectAttribution({ ...shared }, file);
    expect(reused).toEqual(fresh);
    // The package's slug makes the settings' category known; its word makes the title generic.
    expect(reused.attribution.categories).toEqual(['space-sim']);
    expect(reused.attribution.title).toBeNull();
    expect(reused.problems).toContainEqual(expect.stringContaining('settings.openrouter.title: "Widget Docs" is a generic name'));
  });

  it('counts unknown keys past the ones it names', () => {
    const settings = { ...Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`extra${index}`, 1])), referer: 'https://acme.dev' };
    const { problems } = loadProjectAttribution(settings, '<input>');
    expect(problems.filter((problem) => problem.includes(': unknown key'))).toHaveLength(5);
    expect(problems).toContain('settings.openrouter: 15 more unknown keys');
  });

  it.each(['additionalCategories', 'additionalGenericTitleWords'])('refuses %s longer than any project needs, and reads one of the greatest length', (key) => {
    const entries = (count: number) => Array.from({ length: count }, (_, index) => `word-${index}`);
    const over = loadProjectAttribution({ [key]: entries(MAX_LIST_ENTRIES + 1) }, '<input>');
    expect(over.problems).toEqual([`settings.openrouter.${key}: ${MAX_LIST_ENTRIES + 1} ${key === 'additionalCategories' ? 'slugs' : 'words'} given; at most ${MAX_LIST_ENTRIES} are read`]);
    const set = key === 'additionalCategories' ? 'knownCategories' : 'genericTitleWords';
    expect(over.attribution[set].has('word-0')).toBe(false);
    const within = loadProjectAttribution({ [key]: entries(MAX_LIST_ENTRIES) }, '<input>');
    expect(within.problems).toEqual([]);
    expect(within.attribution[set].has(`word-${MAX_LIST_ENTRIES - 1}`)).toBe(true);
  });

  it('refuses a comma-separated list longer than that too', () => {
    const { problems } = loadProjectAttribution({ additionalCategories: Array.from({ length: MAX_LIST_ENTRIES + 5 }, (_, index) => `s${index}`).join(',') }, '<input>');
    expect(problems).toEqual([`settings.openrouter.additionalCategories: ${MAX_LIST_ENTRIES + 5} slugs given; at most ${MAX_LIST_ENTRIES} are read`]);
  });
});
