/**
 * Other modules of a Python project, for the constants a file imports (`from .config import REFERER`):
 * found by the import's path inside the file's project root, read as text (never executed), at most
 * 128 KiB each, and cached by path, modification time and size.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { readRegularFile } from '../project-files/read-regular-file.js';
import { exists, repositoryRoot } from '../project-files/walk-up.js';
import { ExpiringCache } from '../project-files/expiring-cache.js';
import { sliceForNames } from './module-slice.js';
import { parsePython, type PythonParse } from './parse.js';
import { FileVersionCache } from '../project-files/file-version-cache.js';
import { indexModule, type PythonModuleIndex } from './scopes.js';

export const MAX_MODULE_BYTES = 128 * 1024;
/** Modules kept parsed across files: an audit of a repository reads the same config module many times. */
const CACHED_MODULES = 64;

export interface PythonModule {
  readonly index: PythonModuleIndex;
  /** The module's path, or null for text linted without one. */
  readonly file: string | null;
}

const PROJECT_MARKERS = ['pyproject.toml', 'setup.py', 'setup.cfg', '.git'];

/** Answers of `isFile`, briefly: every file of a folder asks whether `openai.py` lies beside it or at the root. */
const fileChecks = new ExpiringCache<string, boolean>(5_000, 8_192);

function isFile(file: string, now = Date.now()): boolean {
  const known = fileChecks.get(file, now);
  if (known !== undefined) return known;
  let found: boolean;
  try {
    found = statSync(file).isFile();
  } catch {
    found = false;
  }
  fileChecks.set(file, found, now);
  return found;
}


const roots = new Map<string, string>();

/** The folder holding pyproject.toml, setup.py or .git above the file, never above its repository's root. */
export function projectRoot(file: string): string {
  const start = path.dirname(path.resolve(file));
  const cached = roots.get(start);
  if (cached) return cached;
  const repository = repositoryRoot(start);
  let root = repository;
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (PROJECT_MARKERS.some((marker) => exists(path.join(directory, marker)))) {
      root = directory;
      break;
    }
    if (directory === repository || path.dirname(directory) === directory) break;
  }
  if (roots.size > 1024) roots.clear();
  roots.set(start, root);
  return root;
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** `a/b.py` or `a/b/__init__.py` under a folder. */
function moduleFileUnder(folder: string, parts: readonly string[]): string | null {
  const base = path.join(folder, ...parts);
  for (const candidate of [`${base}.py`, path.join(base, '__init__.py')]) if (isFile(candidate)) return candidate;
  return null;
}

/**
 * A module beside a script, never the file itself (`openrouter.py` importing the `openrouter` SDK). In a
 * package's folder only when asked: its modules are imported by their package path, unless the program runs
 * with that folder on its path (`from models import Recipe` in `app/`), which the caller must tell otherwise.
 */
function besideScript(fromFile: string, parts: readonly string[], inPackages: boolean): string | null {
  const folder = path.dirname(path.resolve(fromFile));
  if (!inPackages && isFile(path.join(folder, '__init__.py'))) return null;
  const found = moduleFileUnder(folder, parts);
  return found === path.resolve(fromFile) ? null : found;
}

/**
 * The file of a module as an import names it from `fromFile` (`.config`, `..settings`, `app.settings`),
 * when it lies in the project: relative imports from the file's folder, absolute ones from the project
 * root, its `src/`, or the folder of a script (Python puts a script's folder first on its path, so a
 * service's `main.py` imports the `config.py` beside it; in a package's folder with `besidePackages`).
 * Null for a package installed elsewhere.
 */
export function moduleFile(fromFile: string, module: string, root: string, besidePackages = false): string | null {
  const dots = /^\.*/.exec(module)![0].length;
  const parts = module.slice(dots).split('.').filter((part) => part !== '');
  if (parts.some((part) => !/^\w+$/.test(part))) return null;
  let found: string | null;
  if (dots > 0) {
    let folder = path.dirname(path.resolve(fromFile));
    for (let up = 1; up < dots; up++) folder = path.dirname(folder);
    found = parts.length === 0 ? moduleFileUnder(folder, []) : moduleFileUnder(folder, parts);
  } else {
    if (parts.length === 0) return null;
    found = moduleFileUnder(root, parts) ?? moduleFileUnder(path.join(root, 'src'), parts) ?? besideScript(fromFile, parts, besidePackages);
  }
  return found && isInside(found, root) ? found : null;
}

const cache = new FileVersionCache<PythonModule | null>(CACHED_MODULES);

/** The module at `file`, parsed and indexed, or null when it cannot be read (too large, outside the root, not a file). */
export function loadModule(file: string, root: string): PythonModule | null {
  return cache.get(
    file,
    () => {
      const read = readRegularFile(file, root, MAX_MODULE_BYTES);
      return 'text' in read ? { index: indexModule(parsePython(read.text)), file } : null;
    },
    null,
  );
}

const slices = new FileVersionCache<PythonModule | 'whole' | null>(CACHED_MODULES);

function hasSyntaxError(parse: PythonParse): boolean {
  let found = false;
  parse.tree.iterate({
    enter: (node) => {
      if (node.type.isError) found = true;
      return !found;
    },
  });
  return found;
}

/**
 * The module at `file` as a lint that follows `name` into it reads it: only the statements that may bear on
 * the name are parsed (module-slice.ts), at their own offsets; the whole module when the scan is unsure, little would
 * be left out, or the part kept does not parse cleanly.
 */
export function loadModuleFor(file: string, root: string, name: string): PythonModule | null {
  const sliced = slices.get(
    file,
    () => {
      const read = readRegularFile(file, root, MAX_MODULE_BYTES);
      if (!('text' in read)) return null;
      const ranges = sliceForNames(read.text, [name]);
      const parse = ranges === null ? null : parsePython(read.text, ranges);
      return parse && !hasSyntaxError(parse) ? { index: indexModule(parse), file } : 'whole';
    },
    null,
    `${file}\0${name}`,
  );
  return sliced === 'whole' ? loadModule(file, root) : sliced;
}
