/**
 * The project's attribution identity: `settings.openrouter` in the ESLint config, then the
 * `"openrouter"` field of the nearest package.json above the linted file that has one. Every value
 * is validated; a problem names the file and key and drops only that key.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  BUILT_IN_CATEGORIES,
  isWellFormedSlug,
  MAX_CATEGORIES_PER_REQUEST,
  nearestSlug,
  splitCategories,
} from './categories.js';
import { checkTitle, GENERIC_TITLE_WORDS } from './titles.js';
import { isLocalhostHost, isPlaceholderReferer, parseHttpUrl } from './urls.js';

export interface ProjectAttribution {
  readonly referer: string | null;
  readonly title: string | null;
  readonly categories: readonly string[] | null;
  /** Built-in slugs plus the project's additional ones. */
  readonly knownCategories: ReadonlySet<string>;
  /** Built-in generic title words plus the project's additional ones. */
  readonly genericTitleWords: ReadonlySet<string>;
}

export interface LoadedProjectConfig {
  readonly attribution: ProjectAttribution;
  /** Human-readable problems, each naming where it is: `settings.openrouter.title: ...`. */
  readonly problems: readonly string[];
}

interface RawConfig {
  referer?: string;
  title?: string;
  categories?: string[];
  additionalCategories?: string[];
  additionalGenericTitleWords?: string[];
}

const KEYS = ['referer', 'title', 'categories', 'additionalCategories', 'additionalGenericTitleWords'] as const;
const MAX_REFERER_LENGTH = 2048;
const MAX_TITLE_LENGTH = 256;

/** Why a header value would make `fetch`/`Headers` throw or be altered, or null when it is sendable. */
export function unsendableReason(value: string): string | null {
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code === 0x0a || code === 0x0d) return 'contains a line break, which HTTP clients refuse in a header';
    if (code < 0x20 && code !== 0x09) return `contains the control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
    if (code > 0xff) {
      return `contains "${char}" (U+${code.toString(16).toUpperCase().padStart(4, '0')}); header values above U+00FF make fetch throw on every request`;
    }
  }
  if (value !== value.trim()) return 'has leading or trailing white space, which HTTP clients strip';
  return null;
}

function closestKey(key: string): string | null {
  const lower = key.toLowerCase();
  return KEYS.find((known) => known.toLowerCase() === lower || known.toLowerCase().startsWith(lower.slice(0, 4))) ?? null;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function stringList(value: unknown, where: string, problems: string[]): string[] | undefined {
  const list = typeof value === 'string' ? splitCategories(value) : value;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
    problems.push(`${where}: must be an array of strings, got ${describe(value)}`);
    return undefined;
  }
  return list as string[];
}

/** Checks one config object (from settings or a package.json) against the schema. */
function validateRaw(
  value: unknown,
  where: string,
  problems: string[],
  inherited: { knownCategories: ReadonlySet<string>; genericTitleWords: ReadonlySet<string> },
): RawConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${where}: must be an object like { "referer": "https://myapp.example", "title": "My App" }, got ${describe(value)}`);
    return {};
  }
  const raw: RawConfig = {};
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      const hint = closestKey(key);
      problems.push(`${where}.${key}: unknown key${hint ? ` (did you mean "${hint}"?)` : ''}; known keys: ${KEYS.join(', ')}`);
    }
  }

  if (input.additionalCategories !== undefined) {
    const list = stringList(input.additionalCategories, `${where}.additionalCategories`, problems);
    const bad = list?.find((slug) => !isWellFormedSlug(slug));
    if (bad !== undefined) {
      problems.push(`${where}.additionalCategories: ${describe(bad)} is not a slug (lowercase words joined by hyphens, at most 30 characters)`);
    } else if (list) raw.additionalCategories = list;
  }
  if (input.additionalGenericTitleWords !== undefined) {
    const list = stringList(input.additionalGenericTitleWords, `${where}.additionalGenericTitleWords`, problems);
    if (list) raw.additionalGenericTitleWords = list.map((word) => word.toLowerCase());
  }
  const knownCategories = new Set([...inherited.knownCategories, ...(raw.additionalCategories ?? [])]);
  const genericWords = new Set([...inherited.genericTitleWords, ...(raw.additionalGenericTitleWords ?? [])]);

  if (input.referer !== undefined) {
    const referer = input.referer;
    const url = typeof referer === 'string' ? parseHttpUrl(referer) : null;
    const unsendable = typeof referer === 'string' ? unsendableReason(referer) : null;
    if (typeof referer !== 'string' || referer.trim() === '') {
      problems.push(`${where}.referer: must be the app's URL as a non-empty string, got ${describe(referer)}`);
    } else if (referer.length > MAX_REFERER_LENGTH) {
      problems.push(`${where}.referer: is ${referer.length} characters long; at most ${MAX_REFERER_LENGTH} are allowed`);
    } else if (unsendable) {
      problems.push(`${where}.referer: ${describe(referer)} ${unsendable}`);
    } else if (!url) {
      problems.push(`${where}.referer: ${describe(referer)} is not an absolute http(s) URL such as "https://myapp.example"`);
    } else if (url.search || url.hash || referer.includes('#')) {
      problems.push(`${where}.referer: ${describe(referer)} has a query string or fragment, which splits one app into several`);
    } else if (isPlaceholderReferer(referer)) {
      problems.push(`${where}.referer: ${describe(referer)} is a placeholder from the docs, not the app's URL`);
    } else raw.referer = referer;
  }

  if (input.title !== undefined) {
    const title = input.title;
    const unsendable = typeof title === 'string' ? unsendableReason(title) : null;
    const titleProblem = typeof title === 'string' ? checkTitle(title, genericWords) : null;
    if (typeof title !== 'string' || title.trim() === '') {
      problems.push(`${where}.title: must be the app's name as a non-empty string, got ${describe(title)}`);
    } else if (title.length > MAX_TITLE_LENGTH) {
      problems.push(`${where}.title: is ${title.length} characters long; at most ${MAX_TITLE_LENGTH} are allowed`);
    } else if (unsendable) {
      problems.push(`${where}.title: ${describe(title)} ${unsendable}`);
    } else if (titleProblem) {
      problems.push(`${where}.title: ${describe(title)} is ${titleProblem.kind === 'placeholder' ? 'a placeholder' : 'a generic name'}; use the name users know the app by`);
    } else raw.title = title;
  }

  if (input.categories !== undefined) {
    const list = stringList(input.categories, `${where}.categories`, problems);
    if (list) {
      const unknown = list.filter((slug) => !knownCategories.has(slug));
      const duplicate = list.find((slug, index) => list.indexOf(slug) !== index);
      if (unknown.length > 0) {
        const hints = unknown.map((slug) => {
          const nearest = nearestSlug(slug, knownCategories);
          return nearest ? `${describe(slug)} (did you mean "${nearest}"?)` : describe(slug);
        });
        problems.push(`${where}.categories: unknown categor${unknown.length > 1 ? 'ies' : 'y'} ${hints.join(', ')}; add custom slugs to additionalCategories`);
      } else if (duplicate !== undefined) {
        problems.push(`${where}.categories: ${describe(duplicate)} is listed twice`);
      } else if (list.length > MAX_CATEGORIES_PER_REQUEST) {
        problems.push(`${where}.categories: ${list.length} categories given; OpenRouter takes at most ${MAX_CATEGORIES_PER_REQUEST} per request`);
      } else if (list.length > 0) raw.categories = list;
    }
  }
  return raw;
}

const BUILT_IN = { knownCategories: BUILT_IN_CATEGORIES, genericTitleWords: new Set(GENERIC_TITLE_WORDS) };

function finish(settings: RawConfig, pkg: RawConfig, pkgWhere: string | null, problems: string[]): LoadedProjectConfig {
  const knownCategories = new Set([...BUILT_IN.knownCategories, ...(settings.additionalCategories ?? []), ...(pkg.additionalCategories ?? [])]);
  const genericTitleWords = new Set([
    ...BUILT_IN.genericTitleWords,
    ...(settings.additionalGenericTitleWords ?? []),
    ...(pkg.additionalGenericTitleWords ?? []),
  ]);
  const attribution: ProjectAttribution = {
    referer: settings.referer ?? pkg.referer ?? null,
    title: settings.title ?? pkg.title ?? null,
    categories: settings.categories ?? pkg.categories ?? null,
    knownCategories,
    genericTitleWords,
  };
  // A localhost referer is tracked only with a title: inserting one without the other would be flagged.
  const refererHost = attribution.referer ? parseHttpUrl(attribution.referer)?.hostname : undefined;
  if (refererHost && isLocalhostHost(refererHost) && !attribution.title) {
    const where = settings.referer ? 'settings.openrouter' : (pkgWhere ?? 'settings.openrouter');
    problems.push(`${where}.referer: ${describe(attribution.referer)} is a localhost URL, which OpenRouter tracks only with a title; set "title" too`);
    return { attribution: { ...attribution, referer: null }, problems };
  }
  return { attribution, problems };
}

// ---- package.json lookup, cached per directory for a few seconds so editors see edits ----

const CACHE_TTL_MS = 5_000;
const CACHE_MAX_ENTRIES = 2_000;

/** A map whose entries expire, bounded in size (oldest entries go first). */
export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}
  get(key: K, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }
  set(key: K, value: V, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
  }
  get size(): number {
    return this.entries.size;
  }
  clear(): void {
    this.entries.clear();
  }
}

interface PackageIdentity {
  readonly file: string;
  /** The `"openrouter"` field, or the JSON error of a malformed file. */
  readonly field: unknown;
  readonly error: string | null;
}

/** The nearest package.json with an `"openrouter"` field, plus malformed package.json files on the way. */
interface PackageLookup {
  readonly identity: PackageIdentity | null;
  readonly malformed: readonly string[];
}

const packageFileCache = new ExpiringCache<string, PackageIdentity | null>(CACHE_TTL_MS, CACHE_MAX_ENTRIES);
const directoryCache = new ExpiringCache<string, PackageLookup>(CACHE_TTL_MS, CACHE_MAX_ENTRIES);

function readPackage(file: string, now: number): PackageIdentity | null {
  const cached = packageFileCache.get(file, now);
  if (cached !== undefined) return cached;
  let result: PackageIdentity | null;
  try {
    const text = readFileSync(file, 'utf8');
    try {
      const json: unknown = JSON.parse(text);
      const field = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).openrouter : undefined;
      result = { file, field, error: null };
    } catch (error) {
      result = { file, field: undefined, error: `${file}: is not valid JSON (${(error as Error).message}); its "openrouter" field was not read` };
    }
  } catch {
    result = null;
  }
  packageFileCache.set(file, result, now);
  return result;
}

function lookupPackage(directory: string, now: number): PackageLookup {
  const cached = directoryCache.get(directory, now);
  if (cached) return cached;
  const pkg = readPackage(path.join(directory, 'package.json'), now);
  const parent = path.dirname(directory);
  let result: PackageLookup;
  if (pkg?.field !== undefined) result = { identity: pkg, malformed: [] };
  else {
    const above = parent === directory ? { identity: null, malformed: [] } : lookupPackage(parent, now);
    result = pkg?.error ? { identity: above.identity, malformed: [pkg.error, ...above.malformed] } : above;
  }
  directoryCache.set(directory, result, now);
  return result;
}

/** Drops cached package.json reads (tests; editors rely on the expiry). */
export function clearProjectConfigCache(): void {
  packageFileCache.clear();
  directoryCache.clear();
  settingsCache = new WeakMap();
}

export function projectConfigCacheSize(): number {
  return packageFileCache.size + directoryCache.size;
}

let settingsCache = new WeakMap<object, { raw: RawConfig; problems: string[] }>();

function validateSettings(settings: unknown): { raw: RawConfig; problems: string[] } {
  if (settings === undefined) return { raw: {}, problems: [] };
  const key = typeof settings === 'object' && settings !== null ? settings : null;
  const cached = key && settingsCache.get(key);
  if (cached) return cached;
  const problems: string[] = [];
  const raw = validateRaw(settings, 'settings.openrouter', problems, BUILT_IN);
  const result = { raw, problems };
  if (key) settingsCache.set(key, result);
  return result;
}

/**
 * The attribution a linted file should carry. `filename` is the physical file on disk; virtual
 * names (`<input>`) skip the package.json lookup.
 */
export function loadProjectAttribution(settings: unknown, filename: string): LoadedProjectConfig {
  const fromSettings = validateSettings(settings);
  const problems = [...fromSettings.problems];
  let pkgRaw: RawConfig = {};
  let pkgWhere: string | null = null;
  if (path.isAbsolute(filename)) {
    const lookup = lookupPackage(path.dirname(filename), Date.now());
    problems.push(...lookup.malformed);
    if (lookup.identity) {
      pkgWhere = `${lookup.identity.file}: "openrouter"`;
      const inherited = {
        knownCategories: new Set([...BUILT_IN.knownCategories, ...(fromSettings.raw.additionalCategories ?? [])]),
        genericTitleWords: new Set([...BUILT_IN.genericTitleWords, ...(fromSettings.raw.additionalGenericTitleWords ?? [])]),
      };
      pkgRaw = validateRaw(lookup.identity.field, pkgWhere, problems, inherited);
    }
  }
  return finish(fromSettings.raw, pkgRaw, pkgWhere, problems);
}
