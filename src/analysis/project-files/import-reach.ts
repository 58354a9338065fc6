/**
 * Whether the project modules a file imports, or theirs in turn, name OpenRouter: the pre-test of a file
 * that names a client but not OpenRouter, whose URL may come from a settings module. Each language tells
 * what a module imports and where an import leads; the walk is the same, bounded, and cached per folder.
 */
import path from 'node:path';
import { OPENROUTER_NAME } from '../domain/urls.js';
import { ExpiringCache } from './expiring-cache.js';
import { FileVersionCache } from './file-version-cache.js';
import { readRegularFile } from './read-regular-file.js';

/** How one language's modules are walked from a file: what a module imports, and where an import leads. */
export interface ImportWalk {
  readonly language: string;
  /** The package or repository: no module outside it is read. */
  readonly root: string;
  /** Bytes of a module read; a larger one is not read (and gives the analysis nothing either). */
  readonly maxBytes: number;
  /** The modules a module's text imports. */
  readonly importsOf: (text: string) => readonly string[];
  /** The project file an import of `from` leads to, or null (a package, or nothing there). */
  readonly resolve: (from: string, specifier: string) => string | null;
}

/** A module's own word and its imports, per language, by path and the file's modification time and size. */
const moduleFacts = new FileVersionCache<{ readonly namesOpenRouter: boolean; readonly imports: readonly string[] } | null>(2048);

function factsOf(file: string, walk: ImportWalk) {
  return moduleFacts.get(
    file,
    () => {
      const read = readRegularFile(file, walk.root, walk.maxBytes);
      return 'text' in read ? { namesOpenRouter: OPENROUTER_NAME.test(read.text), imports: walk.importsOf(read.text) } : null;
    },
    null,
    `${walk.language}\0${file}`,
  );
}

/** Project modules looked at from one file, its imports' imports included; past it the file is read. */
export const MAX_MODULES_REACHED = 32;

/**
 * The answer per folder, language and import (`names`, `clean`, or `unsure` past the bound): the files of a
 * folder import the same few modules, so an audit walks them once per folder; answers expire, so an editor
 * sees an edit.
 */
const answers = new ExpiringCache<string, 'names' | 'clean' | 'unsure'>(5_000, 4_096);

function reached(fromFile: string, specifier: string, walk: ImportWalk): 'names' | 'clean' | 'unsure' {
  const first = walk.resolve(fromFile, specifier);
  if (!first) return 'clean';
  const seen = new Set([first]);
  const queue = [first];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const facts = factsOf(file, walk);
    if (!facts) continue;
    if (facts.namesOpenRouter) return 'names';
    for (const imported of facts.imports) {
      const next = walk.resolve(file, imported);
      if (!next || seen.has(next)) continue;
      if (seen.size >= MAX_MODULES_REACHED) return 'unsure';
      seen.add(next);
      queue.push(next);
    }
  }
  return 'clean';
}

/** Whether a module the file imports (`specifiers`), or one those reach, may name OpenRouter. */
export function importsMayName(file: string, specifiers: readonly string[], walk: ImportWalk): boolean {
  if (specifiers.length > MAX_MODULES_REACHED) return true;
  const folder = path.dirname(path.resolve(file));
  const now = Date.now();
  for (const specifier of specifiers) {
    const key = `${walk.language}\0${folder}\0${specifier}`;
    let answer = answers.get(key, now);
    if (answer === undefined) answers.set(key, (answer = reached(file, specifier, walk)), now);
    if (answer !== 'clean') return true;
  }
  return false;
}
