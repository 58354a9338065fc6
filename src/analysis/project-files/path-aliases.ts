/**
 * tsconfig `paths` aliases (`import { SITE } from '@/lib/site'`), read so that values imported
 * through an alias resolve without type information as relative imports do (imported-values.ts).
 *
 * Read only: the nearest tsconfig.json (else jsconfig.json) from the importing file's folder up to
 * its package's folder, and the configs it `extends` by a relative path, at most `MAX_CONFIGS` in
 * all, each a regular file of at most `MAX_CONFIG_BYTES` inside the repository (a config outside it,
 * symlinked or `extends`ed, is not read: its `paths` decide nothing), parsed as JSON with comments (never run).
 * At most `MAX_PATTERNS` aliases of `MAX_TARGETS` substitutions each. A config that cannot be read or parsed gives no aliases. Cached per folder for a few seconds, as
 * the package lookups are. A config's `baseUrl` also resolves a bare name from it (`src/config/site` beside
 * `"baseUrl": "./"`), after its `paths`, as TypeScript does.
 */
import path from 'node:path';
import { repositoryRoot, walkUp } from './walk-up.js';
import { readRegularFile } from './read-regular-file.js';
import { ExpiringCache } from './expiring-cache.js';

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const MAX_CONFIG_BYTES = 64 * 1024;
const MAX_CONFIGS = 4;
const MAX_PATTERNS = 256;
const MAX_TARGETS = 8;

interface AliasPattern {
  /** The pattern before and after its `*` (the whole pattern, and no `*`, for an exact alias). */
  readonly prefix: string;
  readonly suffix: string;
  readonly wildcard: boolean;
  /** Absolute substitutions, `*` kept where the matched text goes. */
  readonly targets: readonly string[];
}

/** A config's aliases, and the folder bare names resolve from (`baseUrl`), if it sets one. */
interface Aliases {
  readonly patterns: readonly AliasPattern[];
  readonly baseUrl: string | null;
}

const cache = new ExpiringCache<string, Aliases>(5_000, 2_000);
const NONE: Aliases = { patterns: [], baseUrl: null };

/**
 * JSON with `//` and `/* *\/` comments and trailing commas, as tsconfig files are written, or
 * undefined when it is not that. One pass: strings are copied whole, so nothing inside one is touched.
 */
export function parseJsonWithComments(text: string): unknown {
  const out: string[] = [];
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lastSignificant = '';
  let commaAt = -1;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out.push(text.slice(index, end + 1));
      index = end + 1;
      lastSignificant = '"';
    } else if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      index = end < 0 ? text.length : end;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      if (end < 0) return undefined;
      out.push(' ');
      index = end + 2;
    } else {
      // A comma followed (past blanks and comments) by a closing bracket is dropped.
      if ((char === '}' || char === ']') && lastSignificant === ',') out[commaAt] = ' ';
      if (char === ',') commaAt = out.length;
      out.push(char);
      if (!/\s/.test(char)) lastSignificant = char;
      index++;
    }
  }
  try {
    return JSON.parse(out.join(''));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface ConfigOptions {
  /** `paths`, and the folder its substitutions are relative to (the config's own, or `baseUrl`). */
  paths: { readonly entries: Record<string, unknown>; readonly base: string } | null;
  baseUrl: string | null;
}

/** The `paths` and `baseUrl` a config gives, its relative `extends` inside `repository` read first (later configs win). */
function readConfig(file: string, repository: string, seen: Set<string>, read = readRegularFile(file, repository, MAX_CONFIG_BYTES)): ConfigOptions | null {
  if (seen.size >= MAX_CONFIGS || seen.has(file)) return null;
  seen.add(file);
  const json = 'text' in read ? parseJsonWithComments(read.text) : undefined;
  if (!isRecord(json)) return null;
  const directory = path.dirname(file);
  let options: ConfigOptions = { paths: null, baseUrl: null };
  const parents = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends : [];
  for (const parent of parents) {
    // A shared config from a package (`@tsconfig/next`) holds no project paths.
    if (typeof parent !== 'string' || !(parent.startsWith('./') || parent.startsWith('../'))) continue;
    const target = path.resolve(directory, parent);
    const inherited = readConfig(target.endsWith('.json') ? target : `${target}.json`, repository, seen);
    if (inherited) options = { paths: inherited.paths ?? options.paths, baseUrl: inherited.baseUrl ?? options.baseUrl };
  }
  const compilerOptions = isRecord(json.compilerOptions) ? json.compilerOptions : {};
  if (typeof compilerOptions.baseUrl === 'string') options.baseUrl = path.resolve(directory, compilerOptions.baseUrl);
  if (isRecord(compilerOptions.paths)) options.paths = { entries: compilerOptions.paths, base: directory };
  return options;
}

function aliasesOf(options: ConfigOptions | null): Aliases {
  if (!options) return NONE;
  if (!options.paths) return { patterns: [], baseUrl: options.baseUrl };
  const base = options.baseUrl ?? options.paths.base;
  const patterns: AliasPattern[] = [];
  for (const [pattern, targets] of Object.entries(options.paths.entries).slice(0, MAX_PATTERNS)) {
    const star = pattern.indexOf('*');
    if (!Array.isArray(targets) || star !== pattern.lastIndexOf('*')) continue;
    const resolved = targets.filter((target): target is string => typeof target === 'string' && target.split('*').length <= 2).slice(0, MAX_TARGETS).map((target) => path.resolve(base, target));
    patterns.push(star < 0 ? { prefix: pattern, suffix: '', wildcard: false, targets: resolved } : { prefix: pattern.slice(0, star), suffix: pattern.slice(star + 1), wildcard: true, targets: resolved });
  }
  return { patterns, baseUrl: options.baseUrl };
}

/** The aliases of the nearest config from `directory` up to `root` (the package's folder). */
function aliasesFor(directory: string, root: string): Aliases {
  return walkUp(directory, cache, (folder) => {
    for (const name of CONFIG_NAMES) {
      const file = path.join(folder, name);
      const repository = repositoryRoot(folder);
      const read = readRegularFile(file, repository, MAX_CONFIG_BYTES);
      if (!('missing' in read)) return aliasesOf(readConfig(file, repository, new Set(), read));
    }
    return folder === root || !folder.startsWith(root + path.sep) ? NONE : undefined;
  }, NONE);
}

/**
 * The files a non-relative specifier of `file` may name through its config's `paths`, in the order
 * TypeScript tries them (an exact alias, else the wildcard with the longest prefix), without extensions
 * resolved; empty when no alias matches.
 */
export function aliasTargets(specifier: string, file: string, root: string): readonly string[] {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) return [];
  const { patterns } = aliasesFor(path.dirname(file), root);
  if (patterns.length === 0) return [];
  const exact = patterns.find((pattern) => !pattern.wildcard && pattern.prefix === specifier);
  if (exact) return exact.targets;
  let best: AliasPattern | null = null;
  for (const pattern of patterns) {
    const fits = pattern.wildcard && specifier.length >= pattern.prefix.length + pattern.suffix.length && specifier.startsWith(pattern.prefix) && specifier.endsWith(pattern.suffix);
    if (fits && (!best || pattern.prefix.length > best.prefix.length)) best = pattern;
  }
  if (!best) return [];
  const matched = specifier.slice(best.prefix.length, specifier.length - best.suffix.length);
  return best.targets.map((target) => target.replace('*', () => matched));
}

/**
 * The file a bare specifier of `file` names from its config's `baseUrl` (`src/config/site`), without extensions
 * resolved; null when the config sets none. Tried after `paths`: a package of that name is looked up only where
 * no such file exists.
 */
export function baseUrlTarget(specifier: string, file: string, root: string): string | null {
  if (specifier.startsWith('.') || path.isAbsolute(specifier) || specifier.startsWith('@') || specifier.includes('\0')) return null;
  const { baseUrl } = aliasesFor(path.dirname(file), root);
  return baseUrl && path.resolve(baseUrl, specifier);
}
