/** Small AST and scope helpers shared by the analysis. Parser-neutral: espree and typescript-eslint trees. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;
export type Scope = TSESLint.Scope.Scope;
export type Variable = TSESLint.Scope.Variable;
const scopesAtNodes = new WeakMap<Node, Scope>();

/**
 * The innermost scope around `node`, found from any scope of the same file: up to the file's root scope,
 * then down through the scopes whose block holds the node. For a value stored where it is not read
 * (a class field's initialiser, `this.x = v` in the constructor), whose names resolve where it is written.
 */
export function scopeAt(from: Scope, node: Node): Scope {
  const known = scopesAtNodes.get(node);
  if (known) return known;
  let scope = from;
  while (scope.upper) scope = scope.upper;
  const holds = (candidate: Scope) => candidate.block.range[0] <= node.range[0] && node.range[1] <= candidate.block.range[1];
  for (let inner = scope.childScopes.find(holds); inner; inner = inner.childScopes.find(holds)) scope = inner;
  scopesAtNodes.set(node, scope);
  return scope;
}

/** The scope `block` opens, found walking up from a scope inside it (`from`); null when `from` is not inside it. */
export function scopeOfBlock(from: Scope, block: Node): Scope | null {
  let scope: Scope | null = from;
  while (scope && scope.block !== block) scope = scope.upper;
  return scope;
}

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunction(node: Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** The node that names a function: `function f`, or the declarator of `const f = () => ...` (any kind); null for others. */
export function functionHolder(fn: FunctionNode): TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator | null {
  if (fn.type === 'FunctionDeclaration') return fn.id ? fn : null;
  const holder = fn.parent;
  return holder?.type === 'VariableDeclarator' && holder.init === fn && holder.id.type === 'Identifier' ? holder : null;
}

/** The innermost function around a node, or null at the top level. */
export function enclosingFunction(node: Node): FunctionNode | null {
  let current = node.parent;
  while (current && !isFunction(current)) current = current.parent;
  return current ?? null;
}

/** What the analysis reads of a parsed file: ESLint's SourceCode, or a module read from disk (imported-values.ts). */
export type ParsedSource = Pick<TSESLint.SourceCode, 'ast' | 'scopeManager' | 'getScope'>;

/**
 * The key of a per-file cache. Oxlint hands every rule of every file one and the same `sourceCode`
 * object, and patches `WeakMap` for that key only when the plugin is loaded after its patch (not
 * when an `oxlint.config.*` file imports the plugin first); the tree is a new object per file in
 * both ESLint and Oxlint.
 */
export function fileKey(sourceCode: Readonly<TSESLint.SourceCode>): object {
  return sourceCode.ast;
}

/**
 * A file's top-level statements. svelte-eslint-parser nests each `<script>` block's statements in a
 * `SvelteScriptElement` of the program; vue-eslint-parser and astro-eslint-parser put them in the
 * program itself. Imports are read here, so a component's are found whatever its parser.
 */
export function topLevelStatements(program: TSESTree.Program): readonly TSESTree.ProgramStatement[] {
  if (!program.body.some((statement) => (statement.type as string) === 'SvelteScriptElement')) return program.body;
  return program.body.flatMap((statement) => {
    if ((statement.type as string) !== 'SvelteScriptElement') return [statement];
    const body = (statement as unknown as { body?: unknown }).body;
    return Array.isArray(body) ? (body as TSESTree.ProgramStatement[]) : [];
  });
}

/** Strips what does not change a value at run time: TS type wrappers and optional chains. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The child nodes of a node, in no particular order: for the iterative walks over a subtree. */
export function childNodes(node: Node): Node[] {
  const children: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || !value || typeof value !== 'object') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof (child as Node).type === 'string') children.push(child as Node);
    }
  }
  return children;
}

/**
 * The innermost node whose range holds `index`, found by descending from `root`: children are in
 * source order, so each level is a binary search and the cost is the depth, not the file's size.
 */
export function nodeAt(root: Node, index: number): Node {
  let node = root;
  for (;;) {
    let next: Node | null = null;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || !value || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        let low = 0;
        let high = value.length - 1;
        while (low <= high && !next) {
          const middle = (low + high) >> 1;
          const child = value[middle] as Node | null;
          if (!child?.range) break;
          if (index < child.range[0]) high = middle - 1;
          else if (index >= child.range[1]) low = middle + 1;
          else next = child;
        }
      } else if (typeof (value as Node).type === 'string' && (value as Node).range && (value as Node).range[0] <= index && index < (value as Node).range[1]) {
        next = value as Node;
      }
      if (next) break;
    }
    if (!next) return node;
    node = next;
  }
}

/** The static name of a property key (`a`, `'a'`, `1`); null for computed keys. */
export function staticKeyName(property: TSESTree.Property | TSESTree.MemberExpression): string | null {
  const key = property.type === 'Property' ? property.key : property.property;
  if (!property.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? null;
  return null;
}

/** The name of a plain member access (`a.b` gives `b`); null for computed ones (`a[b]`) and other nodes. */
export function memberName(node: Node | null | undefined): string | null {
  return node?.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' ? node.property.name : null;
}

/** `JSON.stringify`, `Object.assign`: a plain member of an object named by an identifier. */
export function isNamedMember(node: Node, object: string, property: string): boolean {
  return memberName(node) === property && node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === object;
}

/** A name a module imports or exports: `x`, or `"x"` as a string (`export { a as "x" }`). */
export function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

/** The export an import specifier names: its name, `default`, or `*` for a namespace. */
export function importedName(specifier: TSESTree.ImportClause): string {
  if (specifier.type === 'ImportDefaultSpecifier') return 'default';
  if (specifier.type === 'ImportNamespaceSpecifier') return '*';
  return moduleExportName(specifier.imported);
}

/** Finds the variable a name refers to from `scope`, walking outwards. */
export function findVariable(scope: Scope, name: string): Variable | null {
  for (let current: Scope | null = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return null;
}

/** What the analysis asks of a variable, computed once per variable: each is a scan of all its references. */
interface VariableFacts {
  readonly stable: TSESTree.VariableDeclarator | null;
  readonly shared: boolean;
  readonly writes: readonly LaterWrite[] | 'unknown';
}

const variableFacts = new WeakMap<Variable, VariableFacts>();

function factsOf(variable: Variable): VariableFacts {
  let facts = variableFacts.get(variable);
  if (!facts) {
    facts = { stable: computeStableDeclarator(variable), shared: computeShared(variable), writes: computeWrites(variable) };
    variableFacts.set(variable, facts);
  }
  return facts;
}

/**
 * The initialiser of a variable that always holds it: a `const`, or a `let`/`var` that is never
 * written again. Returns the declarator so callers can tell destructuring from plain bindings.
 */
export function stableDeclarator(variable: Variable): TSESTree.VariableDeclarator | null {
  return factsOf(variable).stable;
}

function computeStableDeclarator(variable: Variable): TSESTree.VariableDeclarator | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable' || def.node.type !== 'VariableDeclarator' || !def.node.init) return null;
  const declaration = def.parent;
  if (declaration?.type !== 'VariableDeclaration') return null;
  if (declaration.kind !== 'const') {
    const writes = variable.references.filter((reference) => reference.isWrite());
    if (writes.length !== 1 || writes[0]!.init !== true) return null;
  }
  return def.node;
}

/**
 * Whether code other than one read can reach the object a variable holds: it is read in more than
 * one place, or exported (other modules import it). Editing such an object changes them too.
 */
export function isShared(variable: Variable): boolean {
  return factsOf(variable).shared;
}

/** Whether a declaration is written inside an `export` (named or default): other modules may import it. */
export function isExported(declaration: Node | null | undefined): boolean {
  return declaration?.parent?.type === 'ExportNamedDeclaration' || declaration?.parent?.type === 'ExportDefaultDeclaration';
}

function computeShared(variable: Variable): boolean {
  let reads = 0;
  for (const reference of variable.references) if (reference.isRead()) reads++;
  if (reads !== 1) return true;
  return variable.defs.some((def) => {
    const declaration = def.type === 'Variable' ? def.parent : def.node;
    return isExported(declaration);
  });
}

/** A global that the file does not shadow: either undeclared or declared only by configuration. */
export function globalReferences(globalScope: Scope, name: string): TSESTree.Identifier[] {
  const found: TSESTree.Identifier[] = [];
  const declared = globalScope.set.get(name);
  if (declared) {
    if (declared.defs.length > 0) return found;
    for (const reference of declared.references) found.push(reference.identifier as TSESTree.Identifier);
  }
  for (const reference of globalScope.through) {
    if (reference.identifier.name === name && reference.identifier.type === 'Identifier') {
      found.push(reference.identifier);
    }
  }
  return found;
}

/** A key written to an object after its creation, with the value written. */
export interface LaterWrite {
  readonly key: string;
  readonly value: TSESTree.Expression;
  /** `Object.assign(headers, value)` from something other than an object literal: every key of `value`, unknown here. */
  readonly keysOf?: true;
  /** `config.tavily.enabled = false`: a write into the object under `key`, which is changed in place, not replaced. */
  readonly nested?: true;
}

/**
 * What code writes to the object a variable holds after creating it: `headers['X'] = v`,
 * `headers.X = v` (inside an `if` too), `headers.set('X', v)`, `Object.assign(headers, { X: v })`.
 * Each such key may be present, with that value. `unknown` when some write cannot be read: a computed
 * key, `delete`, or an operator other than `=`. A write deeper in (`options.headers.X = v`) changes the object
 * under its first key (`nested`). `Object.assign` from an object the file does not spell out is a write of its
 * keys (`keysOf`), for the values to read. An empty list: never written.
 */
export function laterWrites(variable: Variable): readonly LaterWrite[] | 'unknown' {
  return factsOf(variable).writes;
}

const HEADER_SETTERS = new Set(['set', 'append']);

/**
 * Calls that read an object without adding keys to it: requests and client methods (which is where
 * headers and options objects go), serialisation and logging. Any other call may add keys.
 */
const NON_MUTATING_CALLS = new Set([
  'fetch', '$fetch', 'ofetch', 'ky', 'got', 'axios', 'post', 'put', 'patch', 'get', 'request', 'create', 'extend', 'send', 'stream',
  'stringify', 'log', 'info', 'warn', 'error', 'debug', 'keys', 'values', 'entries', 'freeze', 'isArray', 'String', 'Boolean', 'structuredClone',
]);

/** Calls the analysis found to send the objects they are given (a client call, a request found by its URL): sending adds no key before it. */
const requestCalls = new WeakSet<Node>();

/** Marks a call as the request its arguments are sent with; before the file's values are read. */
export function markRequestCall(call: Node): void {
  requestCalls.add(call);
}

function isNonMutatingCall(call: TSESTree.CallExpression): boolean {
  if (requestCalls.has(call)) return true;
  const callee = unwrap(call.callee);
  const name = callee.type === 'Identifier' ? callee.name : memberName(callee);
  return name !== null && NON_MUTATING_CALLS.has(name);
}

/**
 * A function handing its own parameter back to itself at the same place (`return retry(url, options, n + 1)`):
 * the same body runs on the same object, so what it writes is what the parameter's own references show.
 */
function isSameParameterRecursion(call: TSESTree.CallExpression, identifier: TSESTree.Identifier, from: Scope): boolean {
  const fn = enclosingFunction(call);
  const index = call.arguments.indexOf(identifier);
  const parameter = fn?.params[index];
  if (!fn || parameter?.type !== 'Identifier' || parameter.name !== identifier.name) return false;
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') {
    const def = findVariable(from, callee.name)?.defs[0];
    return !!def && (def.node === fn || (def.type === 'Variable' && def.node.init === fn));
  }
  // `this.retry(...)` inside the method `retry` of a class.
  const method = fn.parent;
  return (
    callee.type === 'MemberExpression' &&
    unwrap(callee.object).type === 'ThisExpression' &&
    method?.type === 'MethodDefinition' &&
    !method.computed &&
    method.key.type === 'Identifier' &&
    memberName(callee) === method.key.name
  );
}

/** Parameters whose writes are being read, through calls that hand an object on: a cycle or a long chain is unknown. */
const readingParameters: Variable[] = [];
const MAX_HANDED_ON = 4;

/**
 * A function of the file, declared once, that neither writes into nor hands on the parameter this call gives
 * the object to (`buildHeaders(options)` reading `options.siteUrl`): the call adds no key to it.
 */
function onlyReadsArgument(call: TSESTree.CallExpression, argument: TSESTree.Identifier, from: Scope): boolean {
  const callee = unwrap(call.callee);
  const declared = callee.type === 'Identifier' ? findVariable(from, callee.name) : null;
  const def = declared?.defs.length === 1 ? declared.defs[0]! : null;
  const init = def?.type === 'Variable' && def.node.type === 'VariableDeclarator' && def.parent?.type === 'VariableDeclaration' && def.parent.kind === 'const' ? def.node.init : null;
  const fn = def?.type === 'FunctionName' && def.node.type === 'FunctionDeclaration' ? def.node : init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression' ? init : null;
  const given = fn?.params[call.arguments.indexOf(argument)];
  // `headers = {}`: a default stands only for a missing argument.
  const parameter = given?.type === 'AssignmentPattern' ? given.left : given;
  if (!fn || parameter?.type !== 'Identifier' || call.arguments.some((each) => each.type === 'SpreadElement')) return false;
  const own = declared!.scope.childScopes.find((child) => child.block === fn);
  const variable = own?.set.get(parameter.name);
  if (!variable || readingParameters.includes(variable) || readingParameters.length >= MAX_HANDED_ON) return false;
  readingParameters.push(variable);
  try {
    const writes = laterWrites(variable);
    return writes !== 'unknown' && writes.length === 0;
  } finally {
    readingParameters.pop();
  }
}

function computeWrites(variable: Variable): readonly LaterWrite[] | 'unknown' {
  const writes: LaterWrite[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    const parent = identifier.parent;
    if (!parent) continue;
    if (parent.type === 'MemberExpression' && parent.object === identifier) {
      const user = parent.parent;
      if (user?.type === 'AssignmentExpression' && user.left === parent) {
        const key = staticKeyName(parent);
        if (key === null || user.operator !== '=') return 'unknown';
        writes.push({ key, value: user.right });
      } else if ((user?.type === 'UnaryExpression' && user.operator === 'delete') || user?.type === 'UpdateExpression') {
        return 'unknown';
      } else if (user?.type === 'CallExpression' && user.callee === parent) {
        const method = memberName(parent);
        if (method === 'delete') return 'unknown';
        if (method !== null && HEADER_SETTERS.has(method)) {
          const [name, value] = user.arguments;
          if (name?.type !== 'Literal' || typeof name.value !== 'string' || !value || value.type === 'SpreadElement') return 'unknown';
          writes.push({ key: name.value, value });
        }
      } else if (user?.type === 'MemberExpression' && user.object === parent) {
        // `options.headers['X'] = v`, `config.a.b.c++`: a write into the object under the first key.
        let top: Node = user;
        while (top.parent?.type === 'MemberExpression' && top.parent.object === top) top = top.parent;
        const above = top.parent;
        const assigned = above?.type === 'AssignmentExpression' && above.left === top;
        if (assigned || (above?.type === 'UnaryExpression' && above.operator === 'delete') || above?.type === 'UpdateExpression') {
          const key = staticKeyName(parent);
          if (key === null) return 'unknown';
          writes.push({ key, value: assigned ? above.right : (top as TSESTree.Expression), nested: true });
        }
      }
    } else if (parent.type === 'CallExpression' && parent.arguments.includes(identifier as TSESTree.Expression) && !isNamedMember(parent.callee, 'Object', 'assign')) {
      // Handed to a function that may add keys the file does not show (`addAttribution(headers)`).
      if (!isNonMutatingCall(parent) && !isSameParameterRecursion(parent, identifier as TSESTree.Identifier, reference.from) && !onlyReadsArgument(parent, identifier as TSESTree.Identifier, reference.from)) return 'unknown';
    } else if (parent.type === 'CallExpression' && parent.arguments[0] === identifier && isNamedMember(parent.callee, 'Object', 'assign')) {
      for (const source of parent.arguments.slice(1)) {
        if (source.type === 'SpreadElement') return 'unknown';
        if (source.type !== 'ObjectExpression') {
          writes.push({ key: '*', value: source, keysOf: true });
          continue;
        }
        for (const property of source.properties) {
          const key = property.type === 'Property' && property.kind === 'init' ? staticKeyName(property) : null;
          if (key === null || property.type !== 'Property') return 'unknown';
          writes.push({ key, value: property.value as TSESTree.Expression });
        }
      }
    }
  }
  return writes;
}

/** The names other modules import a variable by: its exported declaration, `export { x as y }`, `export default x`. */
export function exportNames(variable: Variable): string[] {
  const names: string[] = [];
  for (const def of variable.defs) {
    const declaration = def.type === 'Variable' ? def.parent : def.node;
    if (declaration?.parent?.type === 'ExportNamedDeclaration') names.push(variable.name);
    if (declaration?.parent?.type === 'ExportDefaultDeclaration') names.push('default');
  }
  for (const reference of variable.references) {
    const parent = reference.identifier.parent;
    if (parent?.type === 'ExportSpecifier' && parent.local === reference.identifier) {
      names.push(parent.exported.type === 'Identifier' ? parent.exported.name : String(parent.exported.value));
    } else if (parent?.type === 'ExportDefaultDeclaration') names.push('default');
  }
  return names;
}

/** The root of the tree a node belongs to: which module's it is. */
export function programOf(node: Node): Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}
