/**
 * Every place a project class is built or a project function called, across the project:
 * `LModelAccess(app_name, app_dns, key)` in the Streamlit entry point gives `def __init__(self, app_name, app_dns,
 * api_key=None)` its values. Known only when the search can see them all: one definition of that name in the
 * project, never subclassed, never used as a value (a registry, a callback), never built by `cls(...)`, in a
 * project small enough to list, with few files naming it. Otherwise null, and the parameters stay open.
 */
import type { SyntaxNode } from '@lezer/common';
import path from 'node:path';
import { ExpiringCache } from '../project-files/expiring-cache.js';
import type { PythonModule } from './module-files.js';
import { insideClass } from './project-callers.js';
import { modulesNaming, pythonFiles } from './project-texts.js';
import { calledAt, nameNodes } from './name-nodes.js';
import { childNamed } from './tree.js';

/** Calls read per search (files parsed are bounded by `modulesNaming`): past it, the arguments are not all known. */
const MAX_CALLS = 16;

export interface ProjectCall {
  readonly module: PythonModule;
  readonly call: SyntaxNode;
}

const searches = new ExpiringCache<string, readonly ProjectCall[] | null>(30_000, 64);

/** Whether `member` is `module.attribute` on a module the file imports. */
function onImportedModule(module: PythonModule, member: SyntaxNode | null): boolean {
  const object = member?.name === 'MemberExpression' ? member.firstChild : null;
  return object?.name === 'VariableName' && module.index.importedNames.has(module.index.parse.text.slice(object.from, object.to));
}

/** The call `node` is the callee of: `name(...)`, or `module.name(...)` on an imported module (a method of that name on an object is another callable). */
function callOf(module: PythonModule, node: SyntaxNode): SyntaxNode | null {
  return node.name === 'PropertyName' && !onImportedModule(module, node.parent) ? null : calledAt(node);
}

/**
 * A module's calls of `name`, or null when it uses the name otherwise: as a value, as a base class, through
 * `cls(...)`, or by defining another class or function of that name (`defines` says whether one definition is
 * expected here).
 */
function callsIn(module: PythonModule, name: string, defines: boolean): SyntaxNode[] | null {
  const text = module.index.parse.text;
  for (const node of nameNodes(module.index, 'cls')) {
    if (node.name === 'VariableName' && callOf(module, node) && insideClass(text, node, name)) return null;
  }
  const calls: SyntaxNode[] = [];
  let definitions = 0;
  for (const node of nameNodes(module.index, name)) {
    const call = callOf(module, node);
    if (call) {
      calls.push(call);
      continue;
    }
    const parent = node.parent;
    if (parent?.name === 'ImportStatement') continue;
    // `obj.name` on anything but an imported module is another object's attribute.
    if (node.name === 'PropertyName' && !onImportedModule(module, parent)) continue;
    if ((parent?.name === 'ClassDefinition' || parent?.name === 'FunctionDefinition') && childNamed(parent, 'VariableName')?.from === node.from) {
      definitions++;
      continue;
    }
    // Annotations name the type, not a construction.
    if (parent?.name === 'TypeDef' || parent?.parent?.name === 'TypeDef') continue;
    return null;
  }
  return definitions === (defines ? 1 : 0) ? calls : null;
}

/**
 * The calls of the class or function `name` defined in `linted`, across its project, or null when they are not
 * all known. A search tests the project's file texts: `charge` pays for it from the linted file's budget, so a
 * file asking about many callables stops asking; an answer is kept for the files linted after it.
 */
export function projectCalls(linted: PythonModule, root: string, name: string, charge: (cost: number) => boolean, now = Date.now()): readonly ProjectCall[] | null {
  if (!linted.file) return null;
  const key = `${root}\0${path.resolve(linted.file)}\0${name}`;
  const cached = searches.get(key, now);
  if (cached !== undefined) return cached;
  const files = pythonFiles(root, now);
  // A search tests each file's text (kept between searches): a step per file.
  if (!files || !charge(files.length)) return null;
  const found = search(linted, root, name, files, now);
  searches.set(key, found, now);
  return found;
}

function search(linted: PythonModule, root: string, name: string, files: readonly string[], now: number): readonly ProjectCall[] | null {
  const own = callsIn(linted, name, true);
  if (!own) return null;
  const found: ProjectCall[] = own.map((call) => ({ module: linted, call }));
  for (const module of modulesNaming(linted, root, files, name, now)) {
    const calls = module === 'unknown' ? null : callsIn(module, name, false);
    if (!calls) return null;
    found.push(...calls.map((call) => ({ module: module as PythonModule, call })));
    if (found.length > MAX_CALLS) return null;
  }
  return found;
}
