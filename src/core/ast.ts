/** Small AST and scope helpers shared by the analysis. Parser-neutral: espree and typescript-eslint trees. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;
export type Scope = TSESLint.Scope.Scope;
export type Variable = TSESLint.Scope.Variable;

/**
 * The key of a per-file cache. Oxlint hands every rule of every file one and the same `sourceCode`
 * object, and patches `WeakMap` for that key only when the plugin is loaded after its patch (not
 * when an `oxlint.config.*` file imports the plugin first); the tree is a new object per file in
 * both ESLint and Oxlint.
 */
export function fileKey(sourceCode: Readonly<TSESLint.SourceCode>): object {
  return sourceCode.ast;
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
  readonly mutated: boolean;
}

const variableFacts = new WeakMap<Variable, VariableFacts>();

function factsOf(variable: Variable): VariableFacts {
  let facts = variableFacts.get(variable);
  if (!facts) {
    facts = { stable: computeStableDeclarator(variable), shared: computeShared(variable), mutated: computeMutated(variable) };
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

/** The variable a name refers to and the expression it always holds (`const x = init`), or null. */
export function constantBinding(scope: Scope, name: string): { variable: Variable; init: TSESTree.Expression } | null {
  const variable = findVariable(scope, name);
  const declarator = variable && stableDeclarator(variable);
  return variable && declarator?.init && declarator.id.type === 'Identifier' ? { variable, init: declarator.init } : null;
}

/**
 * Whether code other than one read can reach the object a variable holds: it is read in more than
 * one place, or exported (other modules import it). Editing such an object changes them too.
 */
export function isShared(variable: Variable): boolean {
  return factsOf(variable).shared;
}

function computeShared(variable: Variable): boolean {
  let reads = 0;
  for (const reference of variable.references) if (reference.isRead()) reads++;
  if (reads !== 1) return true;
  return variable.defs.some((def) => {
    const declaration = def.type === 'Variable' ? def.parent : def.node;
    return declaration?.parent?.type === 'ExportNamedDeclaration' || declaration?.parent?.type === 'ExportDefaultDeclaration';
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

/** Names that say a value is OpenRouter's (`OPENROUTER_BASE_URL`, `openRouterBaseUrl`, `open_router_url`). */
export const OPENROUTER_NAME = /open[-_]?router/i;

const MUTATING_METHODS = new Set(['set', 'append', 'delete']);

/**
 * Whether code changes the object a variable holds after creating it: `headers['X'] = v`,
 * `headers.set('X', v)`, `Object.assign(headers, more)`, `delete headers.X`. Such an object's
 * keys are not known from its literal alone.
 */
export function isMutated(variable: Variable): boolean {
  return factsOf(variable).mutated;
}

function computeMutated(variable: Variable): boolean {
  return variable.references.some((reference) => {
    const identifier = reference.identifier;
    const parent = identifier.parent;
    if (!parent) return false;
    if (parent.type === 'MemberExpression' && parent.object === identifier) {
      const user = parent.parent;
      if (user?.type === 'AssignmentExpression' && user.left === parent) return true;
      if (user?.type === 'UnaryExpression' && user.operator === 'delete') return true;
      const method = memberName(parent);
      if (user?.type === 'CallExpression' && user.callee === parent && method !== null) return MUTATING_METHODS.has(method);
      // `options.headers['X'] = v` mutates a nested object.
      return user?.type === 'MemberExpression' && user.object === parent && user.parent?.type === 'AssignmentExpression' && user.parent.left === user;
    }
    if (parent.type === 'CallExpression' && parent.arguments[0] === identifier) return isNamedMember(parent.callee, 'Object', 'assign');
    return false;
  });
}
