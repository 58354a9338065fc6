/**
 * What a Python module binds, scope by scope, read in one walk of its tree (Lezer's `iterate` keeps no
 * recursion, so no nesting overflows the stack): assignments, imports, parameters, `with ... as`, the
 * keys written into names after their assignment, and every call.
 */
import type { SyntaxNode } from '@lezer/common';
import type { PythonParse } from './parse.js';
import { childNamed, meaningfulChildren } from './tree.js';

export type Binding =
  /** `name = value`; `inLoop` when it is written in a loop and reads the name itself, so it changes from pass to pass. */
  | { readonly kind: 'assign'; readonly value: SyntaxNode; readonly at: number; readonly inLoop: boolean }
  /** `import a.b` (`name` null, binding `a`), `import a.b as c`, `from m import n as c` (`module` with its leading dots). */
  | { readonly kind: 'import'; readonly module: string; readonly name: string | null; readonly at: number }
  /** A parameter of the function, with its default when it has one; `**kwargs` says so. */
  | { readonly kind: 'parameter'; readonly defaultValue: SyntaxNode | null; readonly at: number; readonly keywordsOf?: true }
  /** `with value as name`, `async with`. */
  | { readonly kind: 'with'; readonly value: SyntaxNode; readonly at: number }
  /** `def name(...)`: a helper whose returns are its value at a call. */
  | { readonly kind: 'def'; readonly node: SyntaxNode; readonly at: number }
  /** `class Name(...)`: its body's assignments are the class attributes. */
  | { readonly kind: 'class'; readonly node: SyntaxNode; readonly at: number }
  /** Anything else: `for` targets, unpacking, `+=`, `except ... as`, `:=`. */
  | { readonly kind: 'other'; readonly at: number };

/** `name[key] = value`, `name.update(value)`, `name.setdefault(key, value)` after a name is bound. */
export interface KeyWrite {
  readonly key: SyntaxNode | null;
  readonly value: SyntaxNode;
  readonly kind: 'set' | 'update' | 'setdefault';
  readonly at: number;
  /** Written inside an `if`, `try`, loop or `with` of its scope: maybe not done. */
  readonly conditional: boolean;
  /** The scope the write is made in: it writes the binding the name has there. */
  readonly scope: PythonScope;
}

export interface PythonScope {
  readonly kind: 'module' | 'function' | 'class' | 'lambda' | 'comprehension';
  readonly node: SyntaxNode;
  readonly parent: PythonScope | null;
  readonly bindings: Map<string, Binding[]>;
  /** The values a function's `return` statements give (a bare `return` is left out). */
  readonly returns: SyntaxNode[];
  /** Names a `global` or `nonlocal` statement hands to another scope: their assignments here bind there. */
  readonly declared: Map<string, PythonScope>;
}

/** `a.b = value` of a module's names (`openai.api_base = URL`, `litellm.headers = {...}`), and `os.environ["X"] = value`. */
export interface AttributeWrite {
  readonly target: SyntaxNode;
  readonly value: SyntaxNode;
  readonly scope: PythonScope;
}

export interface PythonModuleIndex {
  readonly parse: PythonParse;
  readonly module: PythonScope;
  /** The scope each scope-making node opens, by its start and end. */
  readonly scopes: ReadonlyMap<string, PythonScope>;
  readonly calls: readonly { readonly node: SyntaxNode; readonly scope: PythonScope }[];
  /** Keys written into a name (`headers["X-Title"] = ...`), by the name, in every scope. */
  readonly keyWrites: ReadonlyMap<string, readonly KeyWrite[]>;
  readonly attributeWrites: readonly AttributeWrite[];
  /** Every name an import binds somewhere in the module: a callee whose root is none of them is no client's. */
  readonly importedNames: ReadonlySet<string>;
  /** The modules the module imports everything from (`from config import *`), as written, in order. */
  readonly starImports: readonly string[];
}

const SCOPE_KINDS: Readonly<Record<string, PythonScope['kind']>> = {
  FunctionDefinition: 'function',
  ClassDefinition: 'class',
  LambdaExpression: 'lambda',
  ArrayComprehensionExpression: 'comprehension',
  DictionaryComprehensionExpression: 'comprehension',
  SetComprehensionExpression: 'comprehension',
  ComprehensionExpression: 'comprehension',
};
const LOOPS = new Set(['ForStatement', 'WhileStatement']);
const CONDITIONALS = new Set(['IfStatement', 'TryStatement', 'WithStatement', 'MatchStatement', 'ForStatement', 'WhileStatement']);

export function scopeKey(node: SyntaxNode): string {
  return `${node.from}:${node.to}:${node.name}`;
}

let importedNames = new Set<string>();

function bind(scope: PythonScope, name: string, binding: Binding): void {
  if (binding.kind === 'import') importedNames.add(name);
  const target = scope.declared.get(name) ?? scope;
  const list = target.bindings.get(name);
  if (list) list.push(binding);
  else target.bindings.set(name, [binding]);
}

function newScope(kind: PythonScope['kind'], node: SyntaxNode, parent: PythonScope | null): PythonScope {
  return { kind, node, parent, bindings: new Map(), returns: [], declared: new Map() };
}

/**
 * `global name` binds the name's later assignments in the module; `nonlocal name` in the nearest
 * enclosing function that binds it (any enclosing function when none does yet).
 */
function readScopeStatement(text: string, scope: PythonScope, module: PythonScope, node: SyntaxNode): void {
  const keyword = node.firstChild;
  if (!keyword || scope === module) return;
  for (let child = keyword.nextSibling; child; child = child.nextSibling) {
    if (child.name !== 'VariableName') continue;
    const name = text.slice(child.from, child.to);
    let owner: PythonScope | null = module;
    if (keyword.name === 'nonlocal') {
      owner = null;
      for (let current = scope.parent; current && current !== module; current = current.parent) {
        if (current.kind !== 'function') continue;
        owner ??= current;
        if (current.bindings.has(name)) {
          owner = current;
          break;
        }
      }
    }
    if (owner) scope.declared.set(name, owner);
  }
}

/** Every name an unpacking target binds (`a, (b, c) = ...`, `for k, v in ...`): bound to something unknown. */
function bindTargets(text: string, scope: PythonScope, target: SyntaxNode, at: number): void {
  if (target.name === 'VariableName') {
    bind(scope, text.slice(target.from, target.to), { kind: 'other', at });
    return;
  }
  if (!['TupleExpression', 'ParenthesizedExpression', 'ArrayExpression', 'StarExpression'].includes(target.name)) return;
  const stack = [target];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === 'VariableName') bind(scope, text.slice(child.from, child.to), { kind: 'other', at });
      else if (['TupleExpression', 'ParenthesizedExpression', 'ArrayExpression', 'StarExpression'].includes(child.name)) stack.push(child);
    }
  }
}

function readImport(text: string, scope: PythonScope, node: SyntaxNode, starImports: string[]): void {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  const at = node.from;
  if (children[0]?.name === 'from') {
    const importAt = children.findIndex((child) => child.name === 'import');
    if (importAt < 0) return;
    // The module as written, dots included: `..a.b`.
    const module = text.slice(children[0].to, children[importAt]!.from).replace(/\s+/g, '');
    if (children[importAt + 1]?.name === '*') {
      if (scope.kind === 'module') starImports.push(module);
      return;
    }
    for (let index = importAt + 1; index < children.length; index++) {
      const child = children[index]!;
      if (child.name !== 'VariableName') continue;
      const name = text.slice(child.from, child.to);
      const alias = children[index + 1]?.name === 'as' ? children[index + 2] : undefined;
      if (alias) index += 2;
      bind(scope, alias ? text.slice(alias.from, alias.to) : name, { kind: 'import', module, name, at });
    }
    return;
  }
  // `import a.b.c as d, e`: dotted names separated by commas.
  let dotted: string[] = [];
  const flush = (alias: string | null): void => {
    if (dotted.length === 0) return;
    if (alias) bind(scope, alias, { kind: 'import', module: dotted.join('.'), name: null, at });
    else bind(scope, dotted[0]!, { kind: 'import', module: dotted[0]!, name: null, at });
    dotted = [];
  };
  for (let index = 1; index < children.length; index++) {
    const child = children[index]!;
    if (child.name === 'VariableName') dotted.push(text.slice(child.from, child.to));
    else if (child.name === 'as') {
      const alias = children[++index];
      flush(alias ? text.slice(alias.from, alias.to) : null);
    } else if (child.name === ',') flush(null);
  }
  flush(null);
}

function readParameters(text: string, scope: PythonScope, list: SyntaxNode): void {
  let name: string | null = null;
  let defaultNext = false;
  let keywordsOf = false;
  const flush = (value: SyntaxNode | null): void => {
    if (name !== null) bind(scope, name, { kind: 'parameter', defaultValue: value, at: list.from, ...(keywordsOf ? { keywordsOf: true as const } : {}) });
    name = null;
    keywordsOf = false;
  };
  for (let child = list.firstChild; child; child = child.nextSibling) {
    if (child.name === '**') {
      flush(null);
      keywordsOf = true;
    } else if (child.name === 'VariableName' && !defaultNext) {
      const double: boolean = keywordsOf;
      flush(null);
      keywordsOf = double;
      name = text.slice(child.from, child.to);
    } else if (child.name === 'AssignOp') defaultNext = true;
    else if (defaultNext && child.name !== 'TypeDef' && child.name !== 'Comment') {
      flush(child);
      defaultNext = false;
    }
  }
  flush(null);
}

/** Whether an expression reads a name (anywhere in it, a nested function's too: it may run in the loop). */
function readsName(text: string, value: SyntaxNode, name: string): boolean {
  const cursor = value.cursor();
  do {
    if (cursor.name === 'VariableName' && cursor.to - cursor.from === name.length && text.slice(cursor.from, cursor.to) === name) return true;
  } while (cursor.next() && cursor.from < value.to);
  return false;
}

function readAssignment(text: string, scope: PythonScope, node: SyntaxNode, inLoop: boolean, conditional: boolean, writes: AttributeWrite[], keyWrites: Map<string, KeyWrite[]>): void {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  const lastOp = children.findLastIndex((child) => child.name === 'AssignOp');
  if (lastOp < 0) return;
  const valueNodes = children.slice(lastOp + 1).filter((child) => child.name !== ',');
  const tupleValue = children.slice(lastOp + 1).some((child) => child.name === ',');
  const value = valueNodes[0];
  // Each `targets =` group: one target, or several separated by commas (unpacking).
  let group: SyntaxNode[] = [];
  let unpacking = false;
  const flush = (): void => {
    const at = node.from;
    for (const target of group) {
      if (unpacking || tupleValue || !value) {
        bindTargets(text, scope, target, at);
        continue;
      }
      if (target.name === 'VariableName') {
        const name = text.slice(target.from, target.to);
        // A loop's `headers = {...}` holds that value on every pass; `s = s + part` grows from pass to pass.
        bind(scope, name, { kind: 'assign', value, at, inLoop: inLoop && readsName(text, value, name) });
      }
      else if (target.name === 'MemberExpression') {
        const object = target.firstChild;
        const opener = object?.nextSibling;
        if (object?.name === 'VariableName' && opener?.name === '[') {
          const key = meaningfulChildren(target)[1] ?? null;
          const name = text.slice(object.from, object.to);
          addKeyWrite(keyWrites, name, { key, value, kind: 'set', at, conditional, scope });
        }
        writes.push({ target, value, scope });
      } else bindTargets(text, scope, target, at);
    }
    group = [];
    unpacking = false;
  };
  for (let index = 0; index < lastOp + 1; index++) {
    const child = children[index]!;
    if (child.name === 'AssignOp') flush();
    else if (child.name === ',') unpacking = true;
    else if (child.name !== 'TypeDef') group.push(child);
  }
}

/** `name.update(value)`, `name.setdefault("key", value)`: keys written after the name was bound. */
function addKeyWrite(keyWrites: Map<string, KeyWrite[]>, name: string, write: KeyWrite): void {
  const list = keyWrites.get(name);
  if (list) list.push(write);
  else keyWrites.set(name, [write]);
}

function readMutation(text: string, scope: PythonScope, call: SyntaxNode, conditional: boolean, keyWrites: Map<string, KeyWrite[]>): void {
  const callee = call.firstChild;
  if (callee?.name !== 'MemberExpression') return;
  const object = callee.firstChild;
  const method = callee.lastChild;
  if (object?.name !== 'VariableName' || method?.name !== 'PropertyName') return;
  const kind = text.slice(method.from, method.to);
  if (kind !== 'update' && kind !== 'setdefault') return;
  const args = meaningfulChildren(childNamed(call, 'ArgList') ?? call).filter((child) => child !== callee);
  const name = text.slice(object.from, object.to);
  if (kind === 'update' && args.length === 1) addKeyWrite(keyWrites, name, { key: null, value: args[0]!, kind, at: call.from, conditional, scope });
  else if (kind === 'setdefault' && args.length === 2) addKeyWrite(keyWrites, name, { key: args[0]!, value: args[1]!, kind, at: call.from, conditional: true, scope });
  // `update(k=v)` and other forms: keys the file does not spell out.
  else addKeyWrite(keyWrites, name, { key: null, value: call, kind: 'update', at: call.from, conditional, scope });
}

/** Indexes a module in one iterative walk of its tree. */
export function indexModule(parse: PythonParse): PythonModuleIndex {
  const { text, tree } = parse;
  const module = newScope('module', tree.topNode, null);
  const scopes = new Map<string, PythonScope>([[scopeKey(tree.topNode), module]]);
  const calls: { node: SyntaxNode; scope: PythonScope }[] = [];
  const attributeWrites: AttributeWrite[] = [];
  const keyWrites = new Map<string, KeyWrite[]>();
  importedNames = new Set();
  const starImports: string[] = [];
  // Per open node: the scope it opened, and whether it is a loop or a conditional block.
  const stack: { scope: PythonScope; loops: number; conditionals: number }[] = [{ scope: module, loops: 0, conditionals: 0 }];
  tree.iterate({
    enter(ref) {
      const frame = stack.at(-1)!;
      let { scope, loops, conditionals } = frame;
      const name = ref.name;
      const kind = SCOPE_KINDS[name];
      if (kind) {
        const node = ref.node;
        // `def f` and `class C` bind their names where they are written.
        if (kind === 'function' || kind === 'class') {
          const nameNode = childNamed(node, 'VariableName');
          if (nameNode) bind(scope, text.slice(nameNode.from, nameNode.to), kind === 'function' ? { kind: 'def', node, at: node.from } : { kind: 'class', node, at: node.from });
        }
        scope = newScope(kind, node, scope);
        scopes.set(scopeKey(node), scope);
        // A new scope starts outside the enclosing one's loops and conditions.
        loops = 0;
        conditionals = 0;
        const parameters = childNamed(node, 'ParamList');
        if (parameters && (kind === 'function' || kind === 'lambda')) readParameters(text, scope, parameters);
      } else if (LOOPS.has(name) || CONDITIONALS.has(name)) {
        if (LOOPS.has(name)) loops++;
        if (CONDITIONALS.has(name)) conditionals++;
        const node = ref.node;
        if (name === 'ForStatement') {
          // The targets between `for` and `in`.
          for (let child = node.firstChild?.nextSibling ?? null; child && child.name !== 'in'; child = child.nextSibling) bindTargets(text, scope, child, node.from);
        } else if (name === 'WithStatement' || name === 'TryStatement') {
          for (let child = node.firstChild; child; child = child.nextSibling) {
            if (child.name !== 'as') continue;
            const target = child.nextSibling;
            const value = child.prevSibling;
            if (!target) continue;
            if (name === 'WithStatement' && target.name === 'VariableName' && value) {
              bind(scope, text.slice(target.from, target.to), { kind: 'with', value, at: node.from });
            } else bindTargets(text, scope, target, node.from);
          }
        }
      } else if (name === 'AssignStatement') readAssignment(text, scope, ref.node, loops > 0, conditionals > 0, attributeWrites, keyWrites);
      else if (name === 'UpdateStatement') {
        const target = ref.node.firstChild;
        if (target?.name === 'VariableName') bind(scope, text.slice(target.from, target.to), { kind: 'other', at: ref.from });
        else if (target?.name === 'MemberExpression') {
          // `self.url += path`: a write whose value is the statement itself, which nothing resolves.
          attributeWrites.push({ target, value: ref.node, scope });
          // `h["k"] += ...`: the name's value changes in a way not followed.
          if (target.firstChild?.name === 'VariableName' && target.firstChild.nextSibling?.name === '[') {
            bind(scope, text.slice(target.firstChild.from, target.firstChild.to), { kind: 'other', at: ref.from });
          }
        }
      } else if (name === 'ImportStatement') readImport(text, scope, ref.node, starImports);
      else if (name === 'ScopeStatement') readScopeStatement(text, scope, module, ref.node);
      else if (name === 'ReturnStatement') {
        const value = ref.node.firstChild?.nextSibling;
        if (value && scope.kind === 'function') scope.returns.push(value);
      }
      else if (name === 'NamedExpression' || name === 'AssignmentExpression') {
        const target = ref.node.firstChild;
        if (target?.name === 'VariableName') bind(scope, text.slice(target.from, target.to), { kind: 'other', at: ref.from });
      } else if (name === 'CallExpression') {
        const node = ref.node;
        calls.push({ node, scope });
        readMutation(text, scope, node, conditionals > 0, keyWrites);
      }
      // A frame only where the scope, loop or condition changes: most nodes open none.
      if (kind || LOOPS.has(name) || CONDITIONALS.has(name)) stack.push({ scope, loops, conditionals });
    },
    leave(ref) {
      const name = ref.name;
      if (SCOPE_KINDS[name] || LOOPS.has(name) || CONDITIONALS.has(name)) stack.pop();
    },
  });
  return { parse, module, scopes, calls, keyWrites, attributeWrites, importedNames, starImports };
}

const scopeCaches = new WeakMap<PythonModuleIndex, Map<string, PythonScope>>();

/**
 * The scope an expression is evaluated in: a parameter's default, a decorator and a base class belong
 * to the scope around the function or class. Each node passed caches its answer, so deep trees are
 * climbed once, not once per expression in them.
 */
export function scopeOf(index: PythonModuleIndex, node: SyntaxNode): PythonScope {
  let cache = scopeCaches.get(index);
  if (!cache) {
    cache = new Map();
    scopeCaches.set(index, cache);
  }
  const passed: string[] = [];
  let found: PythonScope = index.module;
  let previous = node;
  for (let current: SyntaxNode | null = node.parent; current; previous = current, current = current.parent) {
    const key = scopeKey(current);
    const scope = index.scopes.get(key);
    if (scope && !((scope.kind === 'function' || scope.kind === 'class') && previous.name !== 'Body') && !(scope.kind === 'lambda' && previous.name === 'ParamList')) {
      found = scope;
      break;
    }
    const cached = cache.get(key);
    if (cached) {
      found = cached;
      break;
    }
    // A scope node entered from its header answers for itself as an expression of the scope around it.
    passed.push(key);
  }
  for (const key of passed) cache.set(key, found);
  return found;
}

/** The scope a name used in `scope` is bound in, and its bindings there; class bodies are not seen from their methods. */
export function lookupName(scope: PythonScope, name: string): { scope: PythonScope; bindings: readonly Binding[] } | null {
  for (let current: PythonScope | null = scope; current; current = current.parent) {
    if (current.kind === 'class' && current !== scope) continue;
    const bindings = current.bindings.get(name);
    if (bindings) return { scope: current, bindings };
  }
  return null;
}

/** Nodes walked up from a use to the block of the assignment that reaches it: past that, not followed. */
const MAX_BLOCK_STEPS = 256;

/** Per module: every name a `global` or `nonlocal` statement declares somewhere in it. */
const declaredNames = new WeakMap<PythonModuleIndex, ReadonlySet<string>>();

function namesDeclaredAnywhere(index: PythonModuleIndex): ReadonlySet<string> {
  let names = declaredNames.get(index);
  if (!names) {
    const found = new Set<string>();
    for (const scope of index.scopes.values()) for (const name of scope.declared.keys()) found.add(name);
    declaredNames.set(index, (names = found));
  }
  return names;
}

/**
 * The assignment that certainly gave a name its value where `use` reads it, when the name is bound
 * several times in its scope (`headers = {...}` in each branch of an `if`): the nearest `name = value`
 * before the use in a block around it, with no other binding of the name between them, and none after
 * the use inside a loop around it that the assignment is outside of. Null when the use is in another
 * scope than the bindings (a closure reads the last value), or when a `global` or `nonlocal` anywhere
 * in the module names it (another function may write it between the two).
 */
export function reachingAssignment(index: PythonModuleIndex, use: SyntaxNode, name: string, found: { scope: PythonScope; bindings: readonly Binding[] }): Extract<Binding, { kind: 'assign' }> | null {
  const { bindings } = found;
  if (bindings.length < 2 || scopeOf(index, use) !== found.scope || namesDeclaredAnywhere(index).has(name)) return null;
  // Bindings are recorded in the order of the text: the nearest before the use is found by halves.
  let low = 0;
  let high = bindings.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (bindings[middle]!.at < use.from) low = middle + 1;
    else high = middle;
  }
  const nearest = bindings[low - 1];
  const next = bindings[low];
  if (nearest?.kind !== 'assign' || nearest.inLoop) return null;
  // The assignment's statement must sit in a block that holds the use: then every way to the use runs it.
  let statement: SyntaxNode | null = nearest.value;
  while (statement && statement.name !== 'AssignStatement') statement = statement.parent;
  const block = statement?.parent;
  // `headers = merge(headers)` reads the value before it.
  if (!statement || !block || use.from < statement.to) return null;
  let outermostLoop: SyntaxNode | null = null;
  let holder: SyntaxNode | null = use.parent;
  for (let steps = 0; holder && !(holder.from === block.from && holder.to === block.to && holder.name === block.name); steps++) {
    if (steps === MAX_BLOCK_STEPS) return null;
    if (LOOPS.has(holder.name)) outermostLoop = holder;
    holder = holder.parent;
  }
  if (!holder) return null;
  // A later binding inside a loop around the use reaches it from the loop's next pass.
  return next && outermostLoop && next.at < outermostLoop.to ? null : nearest;
}

