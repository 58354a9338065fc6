/**
 * Whether the project modules a file imports, or theirs in turn, name OpenRouter: the pre-test of a file
 * that names a client but not OpenRouter, whose URL may come from a settings module. Each language tells
 * what a module imports and where an import leads; the walk is the same, bounded, and cached per folder.
 */
import path from 'node:path';
import { ExpiringCache } from './expiring-cache.js';

/** What a module tells the walk: whether it names OpenRouter, and what it imports; null when it cannot be read. */
export interface ModuleFacts {
  readonly namesOpenRouter: boolean;
  readonly imports: readonly string[];
}

export interface ImportWalk {
  /** The facts of a module of the project (cached per version of the file). */
  readonly facts: (file: string) => ModuleFacts | null;
  /** The project file an import of `from` leads to, or null (a package, or nothing there). */
  readonly resolve: (from: string, specifier: string) => string | null;
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
    const facts = walk.facts(file);
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

/** Whether a module the file imports (`specifiers`), or one those reach, may name OpenRouter; `language` keeps the answers apart. */
export function importsMayName(file: string, specifiers: readonly string[], walk: ImportWalk, language: string): boolean {
  if (specifiers.length > MAX_MODULES_REACHED) return true;
  const folder = path.dirname(path.resolve(file));
  const now = Date.now();
  for (const specifier of specifiers) {
    const key = `${language}\0${folder}\0${specifier}`;
    let answer = answers.get(key, now);
    if (answer === undefined) answers.set(key, (answer = reached(file, specifier, walk)), now);
    if (answer !== 'clean') return true;
  }
  return false;
}
