/**
 * The modules of a package that import a name from one of its files: where a client the file exports
 * is used (`export const openRouter = createOpenRouter({ apiKey })`, its requests in the route
 * handlers that import it). A per-file lint cannot see those requests any other way.
 *
 * Bounded like the import reader: the package's script files are listed and indexed once per `LISTING_TTL_MS`
 * (never through a symlink, never into a skipped folder or a nested package), and a package of more
 * than `MAX_LISTED_FILES` is not searched at all (its importers are unknown: null). A file's import
 * specifiers are read from its text once per version of it and indexed by the paths they may name, so a
 * lookup costs what the file's importers do; only those are parsed, at most
 * `MAX_IMPORTERS` of them (more: unknown).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ExpiringCache } from '../project-files/expiring-cache.js';
import { isSkippedFolder } from '../project-files/skipped-folders.js';
import { readRegularFile } from '../project-files/read-regular-file.js';
import { isRelativeSpecifier } from '../project-files/specifiers.js';
import { MAX_MODULE_BYTES } from '../syntax/module-parser.js';
import { ModuleCache } from './module-cache.js';

const MAX_LISTED_FILES = 5_000;
const MAX_FOLDER_DEPTH = 24;
const MAX_IMPORTERS = 24;
const LISTING_TTL_MS = 5_000;
const SCRIPT_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

/** Each file's import specifiers, per version of it: a file is read once however many lookups pass it. */
const specifiers = new ModuleCache<readonly string[]>(16 * 1024 * 1024);

/** The package's script files (a nested package's left out), or null past the bound. */
function listPackage(root: string): readonly string[] | null {
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
      if (entry.isFile() && SCRIPT_EXTENSION.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        if (files.push(path.join(folder, entry.name)) > MAX_LISTED_FILES) return false;
      } else if (entry.isDirectory() && depth < MAX_FOLDER_DEPTH && !entry.name.startsWith('.') && !isSkippedFolder(entry.name, besidePackageJson)) {
        if (!walk(path.join(folder, entry.name), depth + 1)) return false;
      }
    }
    return true;
  };
  return walk(root, 0) ? files : null;
}

const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\n]{1,300})\1/g;

/** The module specifiers a text names (`from '…'`, `import('…')`, `require('…')`), each once. */
export function importSpecifiers(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(SPECIFIER), (match) => match[2]!))];
}

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
  const found = read && 'text' in read ? importSpecifiers(read.text) : [];
  specifiers.set(file, stat.size, stat.mtimeMs, found, 0);
  return found;
}

/** `a/b/c.ts` → `a/b/c`; `a/b/index.ts` → `a/b` too. */
function stems(file: string): string[] {
  const stem = file.slice(0, -path.extname(file).length);
  return path.basename(stem) === 'index' ? [stem, path.dirname(stem)] : [stem];
}

/** The same extensions as a specifier spells them: the import names the file exactly. */
const SPECIFIER_EXTENSION = new RegExp(SCRIPT_EXTENSION.source);
/** A specifier that names a path of the project through an alias (`~/lib/x`, `@/lib/x`, `#lib/x`), not a package (`@scope/name`). */
const ALIAS = /^(?:[~#$]|@\/)/;

/**
 * The paths (without extension) a specifier of `importer` may name: a relative one's own, and for an
 * alias every path of the package its tail may be (`~/lib/gateway` is `lib/gateway` or `src/lib/gateway`
 * under the package, or any shorter tail of it). Loose on purpose: the parsed importer's import decides.
 */
export function namedPaths(specifier: string, importer: string, root: string): string[] {
  const bare = specifier.replace(SPECIFIER_EXTENSION, '');
  if (isRelativeSpecifier(specifier)) return [path.resolve(path.dirname(importer), bare)];
  if (!ALIAS.test(specifier)) return [];
  const segments = bare.split('/').slice(1).filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  const paths: string[] = [];
  for (let start = 0; start < segments.length; start++) {
    const tail = segments.slice(start).join('/');
    paths.push(path.join(root, tail), path.join(root, 'src', tail));
  }
  return paths;
}

/** Whether a specifier of `importer` may name `target` (see namedPaths). */
export function mayName(specifier: string, importer: string, target: string, root: string): boolean {
  const named = namedPaths(specifier, importer, root);
  return stems(target).some((stem) => named.includes(stem));
}

/** The package's files by each path their specifiers may name, built from one listing per `LISTING_TTL_MS`: a lookup is then one per file, not a pass over the package. */
const indexes = new ExpiringCache<string, ReadonlyMap<string, readonly string[]> | null>(LISTING_TTL_MS, 64);

function packageIndex(root: string, now: number): ReadonlyMap<string, readonly string[]> | null {
  const cached = indexes.get(root, now);
  if (cached !== undefined) return cached;
  const listing = listPackage(root);
  let index: Map<string, string[]> | null = null;
  if (listing) {
    index = new Map();
    for (const file of listing) {
      for (const specifier of specifiersOf(file, root)) {
        for (const named of namedPaths(specifier, file, root)) {
          const files = index.get(named);
          if (!files) index.set(named, [file]);
          else if (files.at(-1) !== file) files.push(file);
        }
      }
    }
  }
  indexes.set(root, index, now);
  return index;
}

/** The files of the package whose text imports something that may be `target`, or null when they cannot all be known. */
export function filesImporting(target: string, root: string, now = Date.now()): readonly string[] | null {
  const index = packageIndex(root, now);
  if (!index) return null;
  const found = new Set<string>();
  for (const stem of stems(target)) for (const file of index.get(stem) ?? []) if (file !== target) found.add(file);
  return found.size > MAX_IMPORTERS ? null : [...found];
}
