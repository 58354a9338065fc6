/**
 * The `"openrouter"` field of the nearest package.json above a file, cached per directory for a
 * few seconds (editors see edits) and bounded in size (long CI runs do not grow without end).
 *
 * The files read may belong to a repository nobody here wrote, so the lookup reads only regular
 * files of bounded size, opens them without blocking (a FIFO or device named package.json cannot
 * hang the run), never quotes their contents, and stops at the repository root (a `.git` folder or
 * file), at a change of file system, below the home directory, and at any ceiling a host sets (the
 * audit sets the folders it audits): a package's identity is never taken from outside its repository.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { quoted } from '../report/describe-site.js';
import { NAMESPACE, namespaceLookalike } from './settings.js';

const CACHE_TTL_MS = 5_000;
const CACHE_MAX_ENTRIES = 2_000;
/** A package.json larger than this is not a real one: it is reported, not read. */
export const MAX_PACKAGE_JSON_BYTES = 1024 * 1024;

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

/** What one package.json holds for us: its `"openrouter"` field, or why it could not be read. */
interface PackageFile {
  readonly file: string;
  readonly field: unknown;
  readonly error: string | null;
}

/**
 * The package identity for a directory: the `"openrouter"` field of the nearest package.json that
 * has one. A package.json that cannot be read (malformed, unreadable, not a regular file, too large)
 * or that holds a misspelt field (`"openRouter"`) ends the search: its package's identity is unknown, and borrowing an outer package's identity
 * would credit its traffic to another app.
 */
export interface PackageLookup {
  readonly file: string | null;
  readonly field: unknown;
  readonly error: string | null;
}

const NONE: PackageLookup = { file: null, field: undefined, error: null };
/** Directories the lookup never climbs above; none unless a host sets them. */
let ceilings: ReadonlySet<string> = new Set();
const fileCache = new ExpiringCache<string, PackageFile | null>(CACHE_TTL_MS, CACHE_MAX_ENTRIES);
const directoryCache = new ExpiringCache<string, PackageLookup>(CACHE_TTL_MS, CACHE_MAX_ENTRIES);

// Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function errorCode(error: unknown): string {
  return typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'unknown error';
}

/** Where a JSON syntax error is, from the parser's message, without quoting any of the text. */
function syntaxErrorPlace(error: unknown, text: string): string {
  const position = /\bposition (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** The text of a regular file of at most `maxBytes` (a package.json's bound unless given), or why it is not one. */
export function readRegularFile(file: string, maxBytes = MAX_PACKAGE_JSON_BYTES): { text: string } | { missing: true } | { error: string } {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return { error: `cannot be read (${code})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { error: 'is not a regular file' };
    if (stat.size > maxBytes) return { error: `is ${stat.size} bytes; a ${maxBytes === MAX_PACKAGE_JSON_BYTES ? 'package.json' : 'file'} over ${maxBytes} bytes is not read` };
    // One byte more than `fstat` said: a file that grew since is noticed rather than cut short.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > stat.size) return { error: 'changed while it was read' };
    return { text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { error: `cannot be read (${errorCode(error)})` };
  } finally {
    closeSync(fd);
  }
}

function readPackage(file: string, now: number): PackageFile | null {
  const cached = fileCache.get(file, now);
  if (cached !== undefined) return cached;
  const read = readRegularFile(file);
  let result: PackageFile | null = null;
  if ('error' in read) {
    result = { file, field: undefined, error: `${file}: ${read.error}; no attribution is read for this package` };
  } else if ('text' in read) {
    // npm and Node accept a UTF-8 byte order mark.
    const text = read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
    try {
      const json: unknown = JSON.parse(text);
      const fields = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
      // A misspelt field means the package meant to have its own identity: the lookup ends here.
      const lookalike = namespaceLookalike(Object.keys(fields));
      result = lookalike
        ? { file, field: undefined, error: `${file}: field ${quoted(lookalike)} is not read (did you mean "${NAMESPACE}"?); no attribution is read for this package` }
        : { file, field: fields[NAMESPACE], error: null };
    } catch (error) {
      result = { file, field: undefined, error: `${file}: is not valid JSON${syntaxErrorPlace(error, text)}; no attribution is read for this package` };
    }
  }
  fileCache.set(file, result, now);
  return result;
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function deviceOf(directory: string): number | null {
  try {
    return statSync(directory).dev;
  } catch {
    return null;
  }
}

/** The lookup ends above this directory: the repository's root, a mount point, or just below the home directory. */
function isBoundary(directory: string, parent: string, home: string): boolean {
  if (parent === directory || parent === home || directory === home || ceilings.has(directory)) return true;
  if (exists(path.join(directory, '.git'))) return true;
  const device = deviceOf(directory);
  return device === null || device !== deviceOf(parent);
}

/**
 * The answer of the nearest directory from `start` upward that has one: `probe` reads a directory
 * and answers, or returns undefined to go on to its parent; at a boundary the walk ends with
 * `fallback`. Each directory passed caches the answer, under `keyOf(directory)`. The one walk of
 * every lookup that climbs from a file: identity, installed packages, the file's own package.
 */
export function walkUp<T>(
  start: string,
  cache: ExpiringCache<string, T>,
  probe: (directory: string) => T | undefined,
  fallback: T,
  now = Date.now(),
  keyOf: (directory: string) => string = (directory) => directory,
): T {
  const home = path.resolve(homedir());
  const passed: string[] = [];
  let result: T | undefined;
  for (let directory = path.resolve(start); result === undefined; ) {
    const key = keyOf(directory);
    const cached = cache.get(key, now);
    if (cached !== undefined) {
      result = cached;
      break;
    }
    passed.push(key);
    const answer = probe(directory);
    const parent = path.dirname(directory);
    if (answer !== undefined) result = answer;
    else if (isBoundary(directory, parent, home)) result = fallback;
    else directory = parent;
  }
  for (const key of passed) cache.set(key, result, now);
  return result;
}

export function lookupPackageIdentity(start: string, now = Date.now()): PackageLookup {
  const home = path.resolve(homedir());
  return walkUp(
    start,
    directoryCache,
    (directory) => {
      const pkg = directory === home ? null : readPackage(path.join(directory, 'package.json'), now);
      if (pkg?.error) return { file: pkg.file, field: undefined, error: pkg.error };
      return pkg?.field !== undefined ? { file: pkg.file, field: pkg.field, error: null } : undefined;
    },
    NONE,
    now,
  );
}

/**
 * Makes the lookup stop at these directories, for the rest of the process: a folder holding an
 * organisation's checkouts must not lend its package.json identity to the repositories below it.
 */
export function setLookupCeilings(directories: readonly string[]): void {
  ceilings = new Set(directories.map((directory) => path.resolve(directory)));
  // Answers cached under other ceilings may have climbed past a new one.
  directoryCache.clear();
}

/** Drops cached package.json reads (tests; editors rely on the expiry). */
export function clearPackageCache(): void {
  fileCache.clear();
  directoryCache.clear();
}

export function packageCacheSize(): number {
  return fileCache.size + directoryCache.size;
}
