/**
 * What the callers of a private function or method give one of its parameters: `self._post("/chat/completions",
 * payload)` makes `path` of `def _post(self, path, payload)` that text. A name with one leading underscore is the
 * module's or class's own, so its calls in the module are all its calls; a use of it as a value (handed on,
 * stored) or a call with `*args`/`**kwargs` leaves the parameter open. A class's `__init__`, and a public function
 * of the module, are given what the project's calls pass, when they are all known (project-calls.ts).
 */
import type { SyntaxNode } from '@lezer/common';
import { projectRoot, type PythonModule } from './module-files.js';
import { projectCalls } from './project-calls.js';
import { callArguments, childNamed } from './tree.js';

/** Callers read for one parameter: past this many, what the parameter holds is left open. */
const MAX_CALLERS = 16;

export interface CallerArguments {
  /** The expressions the calls pass, each in its caller's module. */
  readonly given: readonly { readonly module: PythonModule; readonly node: SyntaxNode }[];
  /** Whether some call passes nothing, so that the default is sent. */
  readonly defaulted: boolean;
}

/** The function a parameter list belongs to, its name, and whether it is a method (called on `self`). */
function owner(text: string, list: SyntaxNode): { fn: SyntaxNode; name: string; method: SyntaxNode | null; topLevel: boolean } | null {
  const fn = list.parent;
  const nameNode = fn?.name === 'FunctionDefinition' ? childNamed(fn, 'VariableName') : null;
  // A decorator (`@staticmethod`, `@lru_cache`) may change how it is called.
  if (!fn || !nameNode || fn.parent?.name === 'DecoratedStatement') return null;
  const name = text.slice(nameNode.from, nameNode.to);
  const body = fn.parent;
  const method = body?.name === 'Body' && body.parent?.name === 'ClassDefinition' ? body.parent : null;
  const topLevel = body?.name === 'Script';
  if (!/^_(?!_)\w*$/.test(name) && !(method && name === '__init__') && !topLevel) return null;
  return { fn, name, method, topLevel };
}

/** The parameter's place among the positional ones (the receiver of a method left out), or -1 when it is keyword-only. */
function positionOf(text: string, list: SyntaxNode, name: string, method: boolean): number | null {
  let index = 0;
  let keywordOnly = false;
  let defaultNext = false;
  for (let child = list.firstChild; child; child = child.nextSibling) {
    if (child.name === '*' || child.name === '**') keywordOnly = true;
    else if (child.name === 'AssignOp') defaultNext = true;
    else if (child.name === ',') defaultNext = false;
    else if (child.name === 'VariableName' && !defaultNext) {
      if (text.slice(child.from, child.to) === name) return keywordOnly ? -1 : index - (method ? 1 : 0);
      index++;
    }
  }
  return null;
}

/**
 * The arguments the calls of the function whose parameter list is `list` pass for its parameter `name`, or
 * null when they are not all known.
 */
export function callerArguments(module: PythonModule, list: SyntaxNode, name: string, charge: (cost: number) => boolean): CallerArguments | null {
  const found = owner(module.index.parse.text, list);
  const position = found && positionOf(module.index.parse.text, list, name, !!found.method);
  if (position === null || position === undefined) return null;
  const calls = callsOfFunction(module, list, charge);
  return calls && calls.length > 0 ? argumentsAt(calls, name, position) : null;
}

/**
 * Every call of the function whose parameter list is `list`, when they are all known: a private function's or
 * method's in its module (class), a class's constructions or a public function's calls across the project.
 */
export function callsOfFunction(module: PythonModule, list: SyntaxNode, charge: (cost: number) => boolean): readonly { module: PythonModule; call: SyntaxNode }[] | null {
  const text = module.index.parse.text;
  const found = owner(text, list);
  if (!found) return null;
  if (found.name === '__init__') {
    const className = childNamed(found.method!, 'VariableName');
    return className ? projectCallsOf(module, text.slice(className.from, className.to), charge) : null;
  }
  // A public function of the module is called by name wherever the project imports it.
  if (found.topLevel && !found.name.startsWith('_')) return projectCallsOf(module, found.name, charge);
  const region = found.method;
  const spelled = found.method ? new RegExp(String.raw`\b(?:self|cls)\s*\.\s*${found.name}\b`, 'g') : new RegExp(String.raw`(?<![\w.])${found.name}\b`, 'g');
  const scanned = region ? text.slice(region.from, region.to) : text;
  const offset = region ? region.from : 0;
  // Every mention is a call's callee (`name(`) or the definition itself; any other is a use as a value.
  const callees = new Set<number>();
  for (const { node: call } of module.index.calls) {
    const callee = call.firstChild;
    if (!callee) continue;
    const isCall = found.method
      ? callee.name === 'MemberExpression' && /^(?:self|cls)$/.test(text.slice(callee.firstChild!.from, callee.firstChild!.to)) && callee.lastChild?.name === 'PropertyName' && text.slice(callee.lastChild.from, callee.lastChild.to) === found.name
      : callee.name === 'VariableName' && text.slice(callee.from, callee.to) === found.name;
    if (isCall && (!region || (call.from >= region.from && call.to <= region.to))) callees.add(callee.from);
  }
  const nameAt = childNamed(found.fn, 'VariableName')!.from;
  for (const mention of scanned.matchAll(spelled)) {
    const at = offset + mention.index;
    if (!callees.has(at) && at !== nameAt) return null;
  }
  if (callees.size > MAX_CALLERS) return null;
  return module.index.calls.filter(({ node: call }) => callees.has(call.firstChild!.from)).map(({ node: call }) => ({ module, call }));
}

/** The project's calls of the class or function `callable`, defined in `module`. */
function projectCallsOf(module: PythonModule, callable: string, charge: (cost: number) => boolean): readonly { module: PythonModule; call: SyntaxNode }[] | null {
  return module.file ? projectCalls(module, projectRoot(module.file), callable, charge) : null;
}

/** The argument each call passes for a parameter, by keyword or position; null when a spread may pass it. */
function argumentsAt(calls: readonly { module: PythonModule; call: SyntaxNode }[], name: string, position: number): CallerArguments | null {
  const given: { module: PythonModule; node: SyntaxNode }[] = [];
  let defaulted = false;
  for (const { module, call } of calls) {
    const args = callArguments(module.index.parse.text, call);
    if (args.starred || args.doubleStarred.length > 0) return null;
    const value = args.keywords.get(name) ?? (position >= 0 ? args.positional[position] : undefined);
    if (value) given.push({ module, node: value });
    else defaulted = true;
  }
  return { given, defaulted };
}
