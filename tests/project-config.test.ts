/**
 * Every settings key against bad input: wrong types, empty strings, non-http URLs, very long
 * values, unsendable characters. Each gives a problem that names the key, drops only that key, and
 * never throws. Package.json problems name the file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearProjectConfigCache, loadProjectAttribution } from '../src/analysis/identity/project-config.js';
import { temporaryFolder } from './temporary-folders.js';

const VALID = { referer: 'https://acme.dev', title: 'Acme Docs', categories: ['cli-agent'] };
const VIRTUAL = '<input>';

beforeEach(() => clearProjectConfigCache());

/** [key, bad value, text the problem must contain] */
const CASES: [string, unknown, string][] = [
  ['referer', 42, 'settings.openrouter.referer: must be the app\'s URL as a non-empty string, got number 42'],
  ['referer', '', 'settings.openrouter.referer: must be the app\'s URL as a non-empty string, got ""'],
  ['referer', '   ', 'settings.openrouter.referer: must be the app\'s URL'],
  ['referer', null, 'got null'],
  ['referer', ['https://acme.dev'], 'got an array'],
  ['referer', 'acme.dev', '"acme.dev" is not an absolute http(s) URL'],
  ['referer', 'ftp://acme.dev', 'is not an absolute http(s) URL'],
  ['referer', 'javascript:alert(1)', 'is not an absolute http(s) URL'],
  ['referer', '/relative/path', 'is not an absolute http(s) URL'],
  ['referer', `https://acme.dev/${'a'.repeat(3000)}`, 'is 3017 characters long; at most 2048 are allowed'],
  ['referer', 'https://acme.dev/?utm=x', 'has a query string or fragment'],
  ['referer', 'https://acme.dev/#top', 'has a query string or fragment'],
  ['referer', 'https://github.com/acme/app.git', 'ends in ".git"'],
  ['referer', 'https://your-site.com', 'is a placeholder'],
  ['referer', '<YOUR_SITE_URL>', 'is a placeholder'],
  ['referer', 'https://github.com/', 'is the home page of a site that hosts apps'],
  ['referer', 'https://acme.test', 'names a reserved host'],
  ['referer', 'http://192.168.1.20:3000', 'names a private network host'],
  ['referer', 'http://backend:8080', 'names a private network host'],
  ['referer', 'https://acme.dev/\u2014', 'header values above U+00FF'],
  ['referer', 'https://acme.dev/\n', 'line break'],
  ['referer', 'https://acme.dev\\@evil.dev/', 'holds a backslash, which URL parsers read differently'],
  ['referer', 'https://acme.dev/\u0085', 'invisible control character U+0085'],
  ['title', 7, 'settings.openrouter.title: must be the app\'s name as a non-empty string, got number 7'],
  ['title', '', 'must be the app\'s name as a non-empty string, got ""'],
  ['title', { name: 'x' }, 'got an object'],
  ['title', 'x'.repeat(300), 'is 300 characters long; at most 256 are allowed'],
  ['title', 'Acme \u2014 Docs', 'contains "\u2014" (U+2014)'],
  ['title', 'Acme 文档', 'header values above U+00FF'],
  ['title', 'Acme\r\nDocs', 'line break'],
  ['title', 'Acme\u0000', 'control character U+0000'],
  ['title', 'Acme\u009b2J Docs', 'invisible control character U+009B'],
  ['title', 'Ac\u00adme', 'invisible control character U+00AD'],
  ['title', ' Acme', 'leading or trailing white space'],
  ['title', 'Chatbot', 'is a generic name'],
  ['title', '<YOUR_SITE_NAME>', 'is a placeholder'],
  ['categories', 'cli-agnet', 'unknown category "cli-agnet" (did you mean "cli-agent"?)'],
  ['categories', ['game', 'roleplay', 'legal'], '3 categories given; OpenRouter takes at most 2'],
  ['categories', ['game', 'game'], '"game" is listed twice'],
  ['categories', 5, 'must be an array of slugs or a comma-separated string, got number 5'],
  ['categories', [1, 2], 'must be an array of slugs or a comma-separated string, got an array'],
  ['categories', ['coding'], 'unknown category "coding"'],
  ['additionalCategories', ['Space Sim'], '"Space Sim" is not a slug'],
  ['additionalCategories', 'x'.repeat(40), 'is not a slug'],
  ['additionalCategories', { a: 1 }, 'must be an array of slugs or a comma-separated string'],
  ['additionalGenericTitleWords', 3, 'must be an array of words or a comma-separated string'],
  ['titel', 'Acme', 'settings.openrouter.titel: unknown key (did you mean "title"?)'],
  ['referrer', 'https://acme.dev', 'unknown key (did you mean "referer"?)'],
  ['additionalGenericWords', ['x'], 'unknown key (did you mean "additionalGenericTitleWords"?)'],
];

describe('settings.openrouter validation', () => {
  it.each(CASES)('%s = %j', (key, value, expected) => {
    const settings = { ...VALID, [key]: value };
    let loaded: ReturnType<typeof loadProjectAttribution> | undefined;
    expect(() => (loaded = loadProjectAttribution(settings, VIRTUAL))).not.toThrow();
    expect(loaded!.problems.join('\n')).toContain(expected);
    // Only the bad key is dropped.
    const { attribution } = loaded!;
    if (key !== 'referer') expect(attribution.referer).toBe(VALID.referer);
    if (key !== 'title') expect(attribution.title).toBe(VALID.title);
    if (key === 'referer') expect(attribution.referer).toBeNull();
    if (key === 'title') expect(attribution.title).toBeNull();
    if (key === 'categories') expect(attribution.categories).toBeNull();
  });

  it('refuses a referer carrying credentials without echoing them', () => {
    const loaded = loadProjectAttribution({ ...VALID, referer: 'https://app:sk-or-v1-0123456789abcdef@acme.dev' }, VIRTUAL);
    const text = loaded.problems.join('\n');
    expect(text).toContain('settings.openrouter.referer: the URL carries a user name or password');
    expect(text).not.toContain('sk-or');
    expect(loaded.attribution.referer).toBeNull();
  });

  it('accepts a valid identity without problems', () => {
    const loaded = loadProjectAttribution({ ...VALID, categories: 'cli-agent, ide-extension', additionalCategories: ['space-sim'] }, VIRTUAL);
    expect(loaded.problems).toEqual([]);
    expect(loaded.attribution.categories).toEqual(['cli-agent', 'ide-extension']);
    expect(loaded.attribution.knownCategories.has('space-sim')).toBe(true);
  });

  it.each([42, 'acme', null, ['x'], true])('rejects settings.openrouter = %j', (settings) => {
    const loaded = loadProjectAttribution(settings, VIRTUAL);
    expect(loaded.problems).toEqual([expect.stringContaining('settings.openrouter: must be an object')]);
  });
});

describe('package.json "openrouter" validation', () => {
  function project(packageJson: string): string {
    const dir = temporaryFolder('openrouter-config-');
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'package.json'), packageJson);
    return path.join(dir, 'src', 'client.ts');
  }

  it.each([
    ['{ "name": "x", ', 'is not valid JSON'],
    ['{ "name": "x", "openrouter": 42 }', 'openrouter: must be an object'],
    ['{ "name": "x", "openrouter": "https://acme.dev" }', 'openrouter: must be an object'],
    ['{ "name": "x", "openrouter": { "referer": "acme.dev" } }', 'openrouter.referer: "acme.dev" is not an absolute http(s) URL'],
    ['{ "name": "x", "openrouter": { "title": "" } }', 'openrouter.title: must be the app\'s name'],
    ['{ "name": "x", "openrouter": { "categorys": ["game"] } }', 'openrouter.categorys: unknown key (did you mean "categories"?)'],
  ])('%s', (text, expected) => {
    const file = project(text);
    const loaded = loadProjectAttribution(undefined, file);
    const problem = loaded.problems.join('\n');
    expect(problem).toContain(path.join(path.dirname(path.dirname(file)), 'package.json'));
    expect(problem).toContain(expected);
    expect(loaded.attribution.referer).toBeNull();
  });

  it('sees an edited package.json once the cache expires or is cleared', () => {
    const file = project('{ "openrouter": { "referer": "https://one.example.org" } }');
    const first = loadProjectAttribution(undefined, file);
    expect(first.problems).toEqual([expect.stringContaining('is a placeholder')]);
    writeFileSync(path.join(path.dirname(path.dirname(file)), 'package.json'), '{ "openrouter": { "referer": "https://acme.dev" } }');
    clearProjectConfigCache();
    expect(loadProjectAttribution(undefined, file).attribution.referer).toBe('https://acme.dev');
  });
});

describe('the package.json cache', () => {
  it('is bounded and expires entries', async () => {
    const { ExpiringCache } = await import('../src/analysis/project-files/expiring-cache.js');
    const cache = new ExpiringCache<number, string>(1000, 3);
    for (let key = 0; key < 10; key++) cache.set(key, `v${key}`, 0);
    expect(cache.size).toBe(3);
    expect(cache.get(0, 0)).toBeUndefined();
    expect(cache.get(9, 999)).toBe('v9');
    expect(cache.get(9, 1000)).toBeUndefined();
  });
});
