/**
 * The modules of a package that import a name from one of its files: where a client the file exports
 * is used (`export const openRouter = createOpenRouter({ apiKey })`, its requests in the route
 * handlers that import it). A per-file lint cannot see those requests any other way.
 *
 * Bounded like the import reader: the package's script files are listed once per `LISTING_TTL_MS`
 * (never through a symlink, never into a skipped folder or a nested package), and a package of more
 * than `MAX_LISTED_FILES` is not searched at all (its importers are unknown: null). A file's import
 * specifiers are read from its text once per version of it, and only a file whose specifiers may name
 * the exporting file is parsed, at most `MAX_IMPORTERS` of them per lookup.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ExpiringCache } from '../project-files/expiring-cache.js';
import { isSkippedFolder } from '../project-files/skipped-folders.js';
import { readRegularFile } from '../project-files/read-regular-file.js';
import { MAX_MODULE_BYTES } from '../syntax/module-parser.js';
import { ModuleCache } from './module-cache.js';

const MAX_LISTED_FILES = 5_000;
const MAX_FOLDER_DEPTH = 24;
const MAX_IMPORTERS = 24;
const LISTING_TTL_MS = 5_000;
const SCRIPT_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

const listings = new ExpiringCache<string, readonly string[] | null>(LISTING_TTL_MS, 64);
/** Each file's importers, as long as the listing: a package whose every file exports a client lists its files once per file, not per pair. */
const importers = new ExpiringCache<string, readonly string[] | null>(LISTING_TTL_MS, 1_024);
/** Each file's import specifiers, per version of it: a file is read once however many lookups pass it. */
const specifiers = new ModuleCache<readonly string[]>(16 * 1024 * 1024);

/** The package's script files (a nested package's left out), or null past the bound. */
function listPackage(root: string, now: number): readonly string[] | null {
  const cached = listings.get(root, now);
  if (cached !== undefined) return cached;
  const files: string[] = [];
  const walk = (folder: string, depth: number): boolean => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return true;
    }
    const besidePackageJson = entries.some((entry) => entry.name === 'package.json' && entry.isFile());
    if (depth > 0 && besidePackageJson) return true;
    for (const entry of entries) {
      if (entry.isFile() && SCRIPT_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        if (files.push(path.join(folder, entry.name)) > MAX_LISTED_FILES) return false;
      } else if (entry.isDirectory() && depth < MAX_FOLDER_DEPTH && !entry.name.startsWith('.') && !isSkippedFolder(entry.name, besidePackageJson)) {
        if (!walk(path.join(folder, entry.name), depth + 1)) return false;
      }
    }
    return true;
  };
  const listing = walk(root, 0) ? files : null;
  listings.set(root, listing, now);
  return listing;
}

const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\n]{1,300})\1/g;

/** The module specifiers a file's text names (`from '…'`, `import('…')`, `require('…')`), once per version. */
function specifiersOf(file: string, root: string): readonly string[] {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return [];
  }
  const cached = specifiers.get(file, stat.size, stat.mtimeMs);
  if (cached) return cached;
  const read = stat.size <= MAX_MODULE_BYTES ? readRegularFile(file, root, MAX_MODULE_BYTES) : null;
  const found = read && 'text' in read ? [...new Set(Array.from(read.text.matchAll(SPECIFIER), (match) => match[2]!))] : [];
  specifiers.set(file, stat.size, stat.mtimeMs, found, 0);
  return found;
}

/** `a/b/c.ts` → `a/b/c`; `a/b/index.ts` → `a/b` too. */
function stems(file: string): string[] {
  const stem = file.slice(0, -path.extname(file).length);
  return path.basename(stem) === 'index' ? [stem, path.dirname(stem)] : [stem];
}

/**
 * Whether a specifier of `importer` may name `target`: a relative one that resolves to it, or an
 * alias whose path ends with the target's path in the package (`~/utils/gateway`, `@/lib/client`).
 * Loose on purpose: the import itself is then read from the parsed importer, which decides.
 */
export function mayName(specifier: string, importer: string, target: string, root: string): boolean {
  const bare = specifier.replace(/\.(?:[cm]?[jt]s|[jt]sx)$/, '');
  const targets = stems(target);
  if (specifier.startsWith('./') || specifier.startsWith('../')) return targets.includes(path.resolve(path.dirname(importer), bare));
  if (!/^[~#@$]/.test(specifier) || /^@[a-z0-9-]+\/[a-z0-9-]/i.test(specifier) && !specifier.startsWith('@/')) return false;
  return targets.some((stem) => {
    const inPackage = path.relative(root, stem).split(path.sep).join('/');
    const withoutSrc = inPackage.startsWith('src/') ? inPackage.slice(4) : null;
    return [inPackage, withoutSrc].some((tail) => tail !== null && tail !== '' && (bare.endsWith(`/${tail}`) || bare === tail));
  });
}

/** The files of the package whose text imports something that may be `target`, or null when they cannot all be known. */
export function filesImporting(target: string, root: string, now = Date.now()): readonly string[] | null {
  const key = `${root}\0${target}`;
  const cached = importers.get(key, now);
  if (cached !== undefined) return cached;
  const found = searchImporters(target, root, now);
  importers.set(key, found, now);
  return found;
}

function searchImporters(target: string, root: string, now: number): readonly string[] | null {
  const listing = listPackage(root, now);
  if (!listing) return null;
  const found: string[] = [];
  for (const file of listing) {
    if (file === target) continue;
    if (!specifiersOf(file, root).some((specifier) => mayName(specifier, file, target, root))) continue;
    if (found.push(file) > MAX_IMPORTERS) return null;
  }
  return found;
}
