/**
 * The one walk of every lookup that climbs from a file (identity, installed packages, the file's own
 * package, path aliases). It stops at the repository root (a `.git` folder or file), at a change of
 * file system, below the home directory, and at any ceiling a host sets (the audit sets the folders
 * it audits): nothing is taken from outside a file's repository.
 */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { ExpiringCache } from './expiring-cache.js';

/** Directories no walk climbs above; none unless a host sets them. */
let ceilings: ReadonlySet<string> = new Set();
/** The caches walks have filled, emptied when the ceilings change. */
const walkedCaches = new Set<ExpiringCache<string, unknown>>();

/** Whether anything is at the path (a file, a folder, a special file). */
export function exists(file: string): boolean {
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
  walkedCaches.add(cache as ExpiringCache<string, unknown>);
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

const roots = new ExpiringCache<string, string>(5_000, 2_000);

/**
 * The directory a walk from `start` ends at: its repository's root (or the ceiling, mount point or home
 * boundary before it). Every file a lookup reads must lie inside it by real path (read-regular-file.ts),
 * so a symlinked file or folder cannot lead a read outside.
 */
export function repositoryRoot(start: string, now = Date.now()): string {
  const home = path.resolve(homedir());
  walkedCaches.add(roots as ExpiringCache<string, unknown>);
  const passed: string[] = [];
  let directory = path.resolve(start);
  let root: string | undefined;
  for (;;) {
    root = roots.get(directory, now);
    if (root !== undefined) break;
    passed.push(directory);
    const parent = path.dirname(directory);
    if (isBoundary(directory, parent, home)) {
      root = directory;
      break;
    }
    directory = parent;
  }
  for (const key of passed) roots.set(key, root, now);
  return root;
}

/**
 * The repository a file in `start` belongs to, where the walk ends at one: a folder holding `.git`, or a
 * ceiling a host set (a folder the audit audits). Null where it ends at a mount point or the home
 * directory: a loose file belongs to no repository.
 */
export function knownRepositoryRoot(start: string, now = Date.now()): string | null {
  const root = repositoryRoot(start, now);
  return ceilings.has(root) || exists(path.join(root, '.git')) ? root : null;
}

/**
 * Makes every walk stop at these directories, for the rest of the process: a folder holding an
 * organisation's checkouts must not lend its package.json identity to the repositories below it.
 */
export function setLookupCeilings(directories: readonly string[]): void {
  ceilings = new Set(directories.map((directory) => path.resolve(directory)));
  // Answers cached under other ceilings may have climbed past a new one.
  for (const cache of walkedCaches) cache.clear();
}

