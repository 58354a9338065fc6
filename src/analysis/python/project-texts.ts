/**
 * A Python project's files as its searches read them: the listing (Python modules, data files, notebooks, each
 * bounded), the texts kept while the listing is fresh, and which files name a word.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ExpiringCache } from '../project-files/expiring-cache.js';
import { readRegularFile } from '../project-files/read-regular-file.js';
import { isSkippedFolder } from '../project-files/skipped-folders.js';
import { loadModule, MAX_MODULE_BYTES, type PythonModule } from './module-files.js';

/** Python files listed per project; a larger project is not searched (its callers may pass anything). */
const MAX_FILES = 2_000;
/** Files parsed per search: those whose text names the callable. */
const MAX_NAMING_FILES = 32;
/** Folders of installed packages and caches a Python project keeps beside its source. */
const PYTHON_SKIPPED = new Set(['__pycache__', 'site-packages', '.venv', 'venv', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.eggs']);

/** A project's files a search reads: its Python modules, and the data and notebooks its code may load or call it from. */
export interface ProjectListing {
  readonly python: readonly string[];
  readonly other: readonly string[];
}
/** Data a program may load into keyword arguments (`**yaml.safe_load(f)["llm"]`), and notebooks that may call its functions. */
const DATA_FILE = /\.(?:json|ya?ml|toml|ipynb)$/i;

const listings = new ExpiringCache<string, ProjectListing | null>(30_000, 16);

/** The project's `.py` files, or null past the bound. */
export function pythonFiles(root: string, now: number): readonly string[] | null {
  return projectListing(root, now)?.python ?? null;
}

/** The project's Python files and data files, each kind bounded; null past a bound. */
export function projectListing(root: string, now: number): ProjectListing | null {
  const cached = listings.get(root, now);
  if (cached !== undefined) return cached;
  const python: string[] = [];
  const other: string[] = [];
  const folders = [root];
  let complete = true;
  for (let folder = folders.pop(); folder !== undefined && complete; folder = folders.pop()) {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    const besidePackageJson = entries.some((entry) => entry.name === 'package.json' && entry.isFile());
    for (const entry of entries) {
      if (entry.isDirectory() && !isSkippedFolder(entry.name, besidePackageJson) && !PYTHON_SKIPPED.has(entry.name)) folders.push(path.join(folder, entry.name));
      else if (!entry.isFile()) continue;
      else if (entry.name.endsWith('.py')) python.push(path.join(folder, entry.name));
      else if (DATA_FILE.test(entry.name)) other.push(path.join(folder, entry.name));
      if (python.length > MAX_FILES || other.length > MAX_FILES) complete = false;
    }
  }
  const result = complete ? { python, other } : null;
  listings.set(root, result, now);
  return result;
}

/** Bytes of a project's Python text kept between searches; past them, files are read again per search. */
const MAX_KEPT_BYTES = 32 * 1024 * 1024;
export type ReadText = ReturnType<typeof readRegularFile>;
const projectTexts = new ExpiringCache<string, { readonly texts: Map<string, ReadText>; bytes: number }>(30_000, 4);

/**
 * A project file's text, read once while the project's listing is fresh: a search for one callable's calls
 * tests every file's text for its name, and a file asks about many callables.
 */
export function projectFileText(root: string, file: string, now: number): ReadText {
  let kept = projectTexts.get(root, now);
  if (!kept) projectTexts.set(root, (kept = { texts: new Map(), bytes: 0 }), now);
  const known = kept.texts.get(file);
  if (known) return known;
  const read = readRegularFile(file, root, MAX_MODULE_BYTES);
  const size = 'text' in read ? read.text.length : 0;
  if (kept.bytes + size <= MAX_KEPT_BYTES) {
    kept.texts.set(file, read);
    kept.bytes += size;
  }
  return read;
}

/**
 * Where each word of the project's kept texts is written: the positions, in the listing, of the files whose
 * text has it. Built once per listing, so that a file asking about each of its 300 functions reads the
 * project's texts once, not 300 times. A file whose text is not kept (past the bytes kept) is tested per search.
 * A module too large to parse (a generated test of 200 KiB) is still read for its words, up to a bound: a search
 * for a name it does not spell passes it by; one for a name it spells cannot read it, and is unknown.
 */
interface ProjectWords {
  readonly files: readonly string[];
  readonly byWord: ReadonlyMap<string, readonly number[]>;
  readonly unkept: readonly number[];
  /** Files that cannot be read: any of them may name anything. */
  readonly unreadable: readonly number[];
}

const projectWords = new ExpiringCache<string, ProjectWords>(30_000, 4);
/** Bytes of a module too large to parse read for its words, and of all such modules of a project; past either, it may name anything. */
const MAX_SCANNED_BYTES = 2 * 1024 * 1024;
const MAX_SCANNED_TOTAL_BYTES = 16 * 1024 * 1024;

function indexWords(byWord: Map<string, number[]>, text: string, position: number): void {
  for (const [word] of text.matchAll(/\w+/g)) {
    const positions = byWord.get(word);
    if (!positions) byWord.set(word, [position]);
    else if (positions.at(-1) !== position) positions.push(position);
  }
}

function wordsOf(root: string, files: readonly string[], now: number): ProjectWords {
  const cached = projectWords.get(root, now);
  if (cached?.files === files) return cached;
  const byWord = new Map<string, number[]>();
  const unkept: number[] = [];
  const unreadable: number[] = [];
  let scanned = 0;
  for (let position = 0; position < files.length; position++) {
    const file = files[position]!;
    const read = projectFileText(root, file, now);
    if ('error' in read) {
      // Too large to parse, perhaps: its words still tell which searches it may answer (`loadModule` will not read it).
      const large = scanned < MAX_SCANNED_TOTAL_BYTES ? readRegularFile(file, root, MAX_SCANNED_BYTES) : read;
      if ('text' in large && (scanned += large.text.length) <= MAX_SCANNED_TOTAL_BYTES) indexWords(byWord, large.text, position);
      else unreadable.push(position);
      continue;
    }
    if (!('text' in read)) continue;
    if (!projectTexts.get(root, now)?.texts.has(file)) {
      unkept.push(position);
      continue;
    }
    indexWords(byWord, read.text, position);
  }
  const words = { files, byWord, unkept, unreadable };
  projectWords.set(root, words, now);
  return words;
}

/** Positions of the files whose text names `word`, in the listing's order. */
function positionsNaming(root: string, words: ProjectWords, word: string, now: number): number[] {
  const naming = new RegExp(`\\b${word}\\b`);
  const tested = words.unkept.filter((position) => {
    const read = projectFileText(root, words.files[position]!, now);
    return 'text' in read && naming.test(read.text);
  });
  return [...(words.byWord.get(word) ?? []), ...tested].sort((a, b) => a - b);
}

/**
 * The project's other Python files whose text names `name`, parsed, in the listing's order; `'unknown'` (and
 * nothing after it) for a file that cannot be read or parsed, or past `MAX_NAMING_FILES` of them. The file list
 * is `pythonFiles`'s; null is the caller's to handle.
 */
export function* modulesNaming(linted: PythonModule, root: string, files: readonly string[], name: string, now: number): Generator<PythonModule | 'unknown'> {
  const word = name.replace(/[^\w]/g, '');
  if (!word) return yield 'unknown';
  const own = path.resolve(linted.file!);
  const isOwn = (position: number) => path.resolve(files[position]!) === own;
  const words = wordsOf(root, files, now);
  const unreadable = words.unreadable.find((position) => !isOwn(position)) ?? files.length;
  let parsed = 0;
  for (const position of positionsNaming(root, words, word, now)) {
    if (position > unreadable) break;
    if (isOwn(position)) continue;
    const module = ++parsed <= MAX_NAMING_FILES ? loadModule(files[position]!, root) : null;
    if (!module) return yield 'unknown';
    yield module;
  }
  if (unreadable < files.length) yield 'unknown';
}
