/**
 * The classes of a project written on a class: `class OpenRouterLlm(OpenAiLlm): base_url = "https://openrouter.ai/…"`
 * gives `self.base_url` read in `OpenAiLlm`'s methods that value for its instances. Found by their text (a class
 * whose bases name it), here and in the project's files that name it, bounded as the other project searches are;
 * which of them derive from the very class is the caller's to confirm (values.ts resolves each base).
 */
import type { SyntaxNode } from '@lezer/common';
import path from 'node:path';
import { OPENROUTER_NAME } from '../domain/urls.js';
import { ExpiringCache } from '../project-files/expiring-cache.js';
import type { PythonModule } from './module-files.js';
import { modulesNaming, projectFileText, pythonFiles } from './project-texts.js';
import { childNamed, meaningfulChildren } from './tree.js';

/** Candidate subclasses read per search: past it, the subclasses are not all known. */
const MAX_SUBCLASSES = 16;

export interface ProjectClass {
  readonly module: PythonModule;
  /** The `ClassDefinition`. */
  readonly node: SyntaxNode;
}

const searches = new ExpiringCache<string, readonly ProjectClass[] | null>(30_000, 64);

/** A module's class definitions one of whose bases is written `name` or `something.name`. */
function classesOn(module: PythonModule, name: string): SyntaxNode[] {
  const text = module.index.parse.text;
  const found: SyntaxNode[] = [];
  for (const scope of module.index.scopes.values()) {
    if (scope.kind !== 'class') continue;
    const bases = childNamed(scope.node, 'ArgList');
    const named = (bases ? meaningfulChildren(bases) : []).some((base) => {
      const last = base.name === 'MemberExpression' ? base.lastChild : base;
      return (last?.name === 'VariableName' || last?.name === 'PropertyName') && text.slice(last.from, last.to) === name;
    });
    if (named) found.push(scope.node);
  }
  return found;
}

/**
 * The classes of the project (the linted module's own included) whose bases name `name`, or null when they
 * cannot all be read: a project too large to list, a file that cannot be parsed, too many of them. A search
 * tests the project's file texts: `charge` pays a step per file from the linted file's budget.
 */
export function projectSubclasses(linted: PythonModule, root: string | null, name: string, charge: (cost: number) => boolean, now = Date.now()): readonly ProjectClass[] | null {
  // The linted module's own are read from this reading of it; the other files' answer is kept.
  const own = classesOn(linted, name).map((node) => ({ module: linted, node }));
  if (!linted.file || !root) return own;
  const key = `${root}\0${path.resolve(linted.file)}\0${name}`;
  let others = searches.get(key, now);
  if (others === undefined) {
    const files = pythonFiles(root, now);
    if (!files || !charge(files.length)) return null;
    searches.set(key, (others = othersOn(linted, root, files, name, now)), now);
  }
  return others && own.length + others.length <= MAX_SUBCLASSES ? [...own, ...others] : null;
}

/** The other files' classes whose bases name `name`, or null when they cannot all be read. */
function othersOn(linted: PythonModule, root: string, files: readonly string[], name: string, now: number): ProjectClass[] | null {
  const found: ProjectClass[] = [];
  for (const module of modulesNaming(linted, root, files, name, now)) {
    if (module === 'unknown') return null;
    found.push(...classesOn(module, name).map((node) => ({ module, node })));
    if (found.length > MAX_SUBCLASSES) return null;
  }
  return found;
}

const openRouterBases = new ExpiringCache<string, ReadonlySet<string> | null>(30_000, 16);

/** `class OpenRouterLlm(base.OpenAiLlm, Mixin):` → `OpenAiLlm`, `Mixin`. */
const CLASS_BASES = /^[ \t]*class[ \t]+\w+[ \t]*\(([^)]*)\)/gm;

/**
 * The names of the classes that classes of the project's files naming OpenRouter are written on: a module
 * defining one may build a client whose base URL a subclass there sets (`base_url = "https://openrouter.ai/…"`),
 * and is read though it never names OpenRouter itself. Null when the project cannot be listed.
 */
export function openRouterSubclassedNames(root: string, now = Date.now()): ReadonlySet<string> | null {
  const cached = openRouterBases.get(root, now);
  if (cached !== undefined) return cached;
  const files = pythonFiles(root, now);
  const names = files && new Set<string>();
  for (const file of files ?? []) {
    const read = projectFileText(root, file, now);
    if (!('text' in read) || !OPENROUTER_NAME.test(read.text)) continue;
    for (const match of read.text.matchAll(CLASS_BASES)) {
      for (const base of match[1]!.split(',')) {
        const name = /(\w+)\s*$/.exec(base.split('[')[0]!)?.[1];
        if (name) names!.add(name);
      }
    }
  }
  openRouterBases.set(root, names, now);
  return names;
}
