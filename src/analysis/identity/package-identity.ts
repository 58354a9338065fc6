/**
 * The `"openrouter"` field of the nearest package.json above a file (or the `[tool.openrouter]` table of
 * a Python project's pyproject.toml), cached per directory for a
 * few seconds (editors see edits) and bounded in size (long CI runs do not grow without end).
 *
 * The files read may belong to a repository nobody here wrote, so the lookup reads only regular
 * files of bounded size, opens them without blocking (a FIFO or device named package.json cannot
 * hang the run), never quotes their contents, and stops at the repository root (a `.git` folder or
 * file), at a change of file system, below the home directory, and at any ceiling a host sets (the
 * audit sets the folders it audits): a package's identity is never taken from outside its repository.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { ExpiringCache } from '../project-files/expiring-cache.js';
import { readRegularFile } from '../project-files/read-regular-file.js';
import { repositoryRoot, walkUp } from '../project-files/walk-up.js';
import { quoted } from '../text/quote.js';
import { NAMESPACE, namespaceLookalike } from './settings.js';

const CACHE_TTL_MS = 5_000;
const CACHE_MAX_ENTRIES = 2_000;
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
  /** How problems name the field: `openrouter` in a package.json, `tool.openrouter` in a pyproject.toml. */
  readonly fieldName?: string;
}

const NONE: PackageLookup = { file: null, field: undefined, error: null };
const fileCache = new ExpiringCache<string, PackageFile | null>(CACHE_TTL_MS, CACHE_MAX_ENTRIES);
const directoryCache = new ExpiringCache<string, PackageLookup>(CACHE_TTL_MS, CACHE_MAX_ENTRIES);

/** Where a JSON syntax error is, from the parser's message, without quoting any of the text. */
function syntaxErrorPlace(error: unknown, text: string): string {
  const position = /\bposition (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/**
 * A read file's field, or the problem that ends the lookup at it (`unit` names what loses its identity), cached
 * by path for a few seconds; null when there is no such file.
 */
function readIdentityFile(file: string, now: number, unit: 'package' | 'project', interpret: (text: string) => { field: unknown } | { problem: string }): PackageFile | null {
  const cached = fileCache.get(file, now);
  if (cached !== undefined) return cached;
  const read = readRegularFile(file, repositoryRoot(path.dirname(file), now));
  let result: PackageFile | null = null;
  const refused = (problem: string): PackageFile => ({ file, field: undefined, error: `${file}: ${problem}; no attribution is read for this ${unit}` });
  if ('error' in read) result = refused(read.error);
  else if ('text' in read) {
    const interpreted = interpret(read.text);
    result = 'problem' in interpreted ? refused(interpreted.problem) : { file, field: interpreted.field, error: null };
  }
  fileCache.set(file, result, now);
  return result;
}

function readPackage(file: string, now: number): PackageFile | null {
  return readIdentityFile(file, now, 'package', (raw) => {
    // npm and Node accept a UTF-8 byte order mark.
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    try {
      const json: unknown = JSON.parse(text);
      const fields = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
      // A misspelt field means the package meant to have its own identity: the lookup ends here.
      const lookalike = namespaceLookalike(Object.keys(fields));
      return lookalike ? { problem: `field ${quoted(lookalike)} is not read (did you mean "${NAMESPACE}"?)` } : { field: fields[NAMESPACE] };
    } catch (error) {
      return { problem: `is not valid JSON${syntaxErrorPlace(error, text)}` };
    }
  });
}

/** A Python project's `[tool.openrouter]` table in its pyproject.toml: the same keys as the package.json field. */
function readPyproject(file: string, now: number): PackageFile | null {
  return readIdentityFile(file, now, 'project', (text) => {
    try {
      // Loaded when a pyproject.toml is first read: JavaScript-only projects never load it.
      const { parse } = require('smol-toml') as { parse(text: string): Record<string, unknown> };
      const tool = parse(text).tool;
      return { field: typeof tool === 'object' && tool !== null ? (tool as Record<string, unknown>)[NAMESPACE] : undefined };
    } catch (error) {
      // Only smol-toml's line and column: its message quotes the text.
      const { line, column } = error as { line?: unknown; column?: unknown };
      return { problem: `is not valid TOML${typeof line === 'number' && typeof column === 'number' ? ` at line ${line}, column ${column}` : ''}` };
    }
  });
}

/** What a read file gives the lookup: its field, or why it cannot be read; undefined when it holds no field (the lookup climbs on). */
function lookupOf(found: PackageFile | null, fieldName?: string): PackageLookup | undefined {
  const named = fieldName === undefined ? {} : { fieldName };
  if (found?.error) return { file: found.file, field: undefined, error: found.error, ...named };
  return found?.field !== undefined ? { file: found.file, field: found.field, error: null, ...named } : undefined;
}

export function lookupPackageIdentity(start: string, now = Date.now()): PackageLookup {
  const home = path.resolve(homedir());
  return walkUp(
    start,
    directoryCache,
    (directory) => {
      if (directory === home) return undefined;
      // A folder's package.json speaks for it first; a Python project's pyproject.toml otherwise.
      return (
        lookupOf(readPackage(path.join(directory, 'package.json'), now)) ??
        lookupOf(readPyproject(path.join(directory, 'pyproject.toml'), now), `tool.${NAMESPACE}`)
      );
    },
    NONE,
    now,
  );
}

/** Drops cached package.json reads (tests; editors rely on the expiry). */
export function clearPackageCache(): void {
  fileCache.clear();
  directoryCache.clear();
}

export function packageCacheSize(): number {
  return fileCache.size + directoryCache.size;
}
