/**
 * Where a constructed client is read, for the requests made through it (per-request.ts): the
 * references of the variable that stores it, the `this.client` reads of a class field holding it,
 * the stored results of a factory that returns it (`function makeClient() { return new OpenAI(...) }`),
 * and the same in the package's other modules when the file exports the client or its factory
 * (`export const gateway = createOpenRouter(...)`, its requests in the modules that import it).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { exportNames, isFunction, type FunctionNode, type Node, type ParsedSource, type Variable } from '../syntax/ast.js';
import { classFieldReads } from '../values/class-fields.js';
import { importingBindings } from '../values/imported-values.js';

/** The reads of a client in one parsed module: the linted file's, or another module's of its package. */
export interface ClientReads {
  readonly source: ParsedSource;
  readonly reads: readonly Node[];
}

/** The node that holds a construction's value: past casts and `await`. */
export function holder(node: Node): Node {
  let current: Node = node;
  while (current.parent && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'AwaitExpression'].includes(current.parent.type)) {
    current = current.parent;
  }
  return current;
}

function declaredVariable(sourceCode: ParsedSource, node: Node): Variable | null {
  return sourceCode.scopeManager?.getDeclaredVariables(node)[0] ?? null;
}

/** The variable a `const x = value` declarator stores `value` in. */
function storingVariable(sourceCode: ParsedSource, value: Node): Variable | null {
  const declarator = value.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== value || declarator.id.type !== 'Identifier') return null;
  return declaredVariable(sourceCode, declarator);
}

/** Where a variable is read. */
function readsOf(variable: Variable): Node[] {
  return variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
}

/**
 * Where a stored client is read: the references of `const client = new OpenAI(...)`, or the
 * `this.client` reads of a class field holding it. Null when it is not stored where we can see.
 */
export function readsOfStoredClient(sourceCode: ParsedSource, node: Node): Node[] | null {
  const current = holder(node);
  if (current.parent?.type === 'VariableDeclarator') {
    const variable = storingVariable(sourceCode, current);
    return variable ? readsOf(variable) : null;
  }
  return classFieldReads(current);
}

/** The function whose returned value `value` is: `return value`, or an arrow's expression body. */
function returningFunction(value: Node): FunctionNode | null {
  const parent = value.parent;
  if (parent && isFunction(parent) && parent.body === value) return parent;
  if (parent?.type !== 'ReturnStatement') return null;
  let current: Node | undefined = parent.parent;
  while (current && !isFunction(current)) current = current.parent;
  return current ?? null;
}

/** The variable a function is declared as: `function f`, `const f = () => ...`. */
function functionVariable(sourceCode: ParsedSource, fn: FunctionNode): Variable | null {
  if (fn.type === 'FunctionDeclaration') return fn.id ? declaredVariable(sourceCode, fn) : null;
  return storingVariable(sourceCode, fn);
}

/** The reads of an exported value in the modules that import it: `null` when the package's importers cannot all be read. */
function importedReads(sourceCode: ParsedSource, names: readonly string[], read: (binding: Variable, source: ParsedSource) => Node[]): ClientReads[] | null {
  const groups: ClientReads[] = [];
  for (const name of names) {
    const bindings = importingBindings(sourceCode.ast as TSESTree.Program, name);
    if (!bindings) return null;
    for (const { variable: binding, source } of bindings) groups.push({ source, reads: read(binding, source) });
  }
  return groups;
}

/** The stored results of a function's calls: `const client = makeClient()` and its reads. */
function factoryResultReads(binding: Variable, source: ParsedSource): Node[] {
  const reads: Node[] = [];
  for (const reference of binding.references) {
    const call = reference.identifier.parent;
    if (call?.type === 'CallExpression' && call.callee === reference.identifier) reads.push(...(readsOfStoredClient(source, call) ?? []));
  }
  return reads;
}

/**
 * The reads of a client beyond the variable or field that stores it: the stored results of the
 * factory that returns it, and, when the client or its factory is exported, its reads in the modules
 * of the package that import it. Null when those modules cannot all be read.
 */
export function readsBeyondFile(sourceCode: ParsedSource, node: Node): ClientReads[] | null {
  const current = holder(node);
  if (current.parent?.type === 'ExportDefaultDeclaration') return importedReads(sourceCode, ['default'], readsOf);
  const stored = current.parent?.type === 'VariableDeclarator' ? storingVariable(sourceCode, current) : null;
  if (stored) return importedReads(sourceCode, exportNames(stored), readsOf);
  const fn = returningFunction(current);
  const factory = fn && functionVariable(sourceCode, fn);
  if (!factory) return [];
  const elsewhere = importedReads(sourceCode, exportNames(factory), factoryResultReads);
  return elsewhere && [{ source: sourceCode, reads: factoryResultReads(factory, sourceCode) }, ...elsewhere];
}
