/**
 * Local wrappers of a client call: a function of the file whose client call takes its values from
 * the function's parameters (`postJson(url, body, extra)` calling `fetch(url, { headers: { ...extra } })`).
 * Each call of the wrapper is a request of its own, checked with the arguments given there.
 * Parameters that are not plain names (destructuring, rest) stay unknown, so what flows through
 * them keeps the rules silent.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap, type Node, type Scope, type Variable } from './ast.js';
import type { BoundValue, ParameterValues } from './parameter-bindings.js';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export interface WrapperCall {
  readonly call: TSESTree.CallExpression;
  readonly parameters: ParameterValues;
}

/** Calls of one wrapper followed: past that, its calls are left unchecked (silence, never a guess). */
const MAX_CALLS_PER_WRAPPER = 64;

function isFunction(node: Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** The function that holds the node, and the variable it is called through: `function f` or `const f = () => ...`. */
function enclosingWrapper(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): { fn: FunctionNode; variable: Variable } | null {
  let current = node.parent;
  while (current && !isFunction(current)) current = current.parent;
  if (!current) return null;
  let declared: Node | null = null;
  if (current.type === 'FunctionDeclaration' && current.id) declared = current;
  const holder = current.parent;
  if (current.type !== 'FunctionDeclaration' && holder?.type === 'VariableDeclarator' && holder.init === current && holder.id.type === 'Identifier') {
    if (holder.parent.type === 'VariableDeclaration' && holder.parent.kind === 'const') declared = holder;
  }
  const variable = declared ? sourceCode.scopeManager?.getDeclaredVariables(declared)[0] : undefined;
  return variable && variable.defs.length === 1 ? { fn: current, variable } : null;
}

/** The parameter a plain name (or a name with a default) binds, with its default. */
function plainParameter(parameter: TSESTree.Parameter): { name: TSESTree.Identifier; fallback: TSESTree.Expression | null } | null {
  if (parameter.type === 'Identifier') return { name: parameter, fallback: null };
  if (parameter.type === 'AssignmentPattern' && parameter.left.type === 'Identifier') return { name: parameter.left, fallback: parameter.right };
  return null;
}

function isWithin(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** Each parameter's value at one call: the argument, else the default, else unknown. */
function parameterValues(fn: FunctionNode, own: Scope, call: TSESTree.CallExpression, callerScope: Scope): ParameterValues {
  const values = new Map<Variable, BoundValue | null>();
  const spreadAt = call.arguments.findIndex((argument) => argument.type === 'SpreadElement');
  for (const [index, parameter] of fn.params.entries()) {
    const plain = plainParameter(parameter);
    const variable = plain && own.set.get(plain.name.name);
    if (!plain || !variable) continue;
    // A parameter written again in the function no longer holds what the caller passed.
    if (variable.references.some((reference) => reference.isWrite() && !reference.init)) continue;
    const argument = call.arguments[index];
    if (spreadAt !== -1 && spreadAt <= index) values.set(variable, null);
    else if (argument && argument.type !== 'SpreadElement') values.set(variable, { init: argument, scope: callerScope });
    else values.set(variable, plain.fallback ? { init: plain.fallback, scope: own } : null);
  }
  return values;
}

/**
 * The calls of the wrapper around a client call, each with its arguments bound, when the wrapper
 * reads any of its parameters; none otherwise. Calls inside the wrapper itself (recursion) are not followed.
 */
export function wrapperCalls(sourceCode: Readonly<TSESLint.SourceCode>, inner: Node): WrapperCall[] {
  const wrapper = enclosingWrapper(sourceCode, inner);
  if (!wrapper) return [];
  const own = sourceCode.scopeManager?.acquire(wrapper.fn) ?? null;
  if (!own) return [];
  const readsParameter = wrapper.fn.params.some((parameter) => {
    const plain = plainParameter(parameter);
    return !!plain && (own.set.get(plain.name.name)?.references.length ?? 0) > 0;
  });
  if (!readsParameter) return [];
  const calls: WrapperCall[] = [];
  for (const reference of wrapper.variable.references) {
    const identifier = reference.identifier;
    const call = identifier.parent;
    if (call?.type !== 'CallExpression' || unwrap(call.callee) !== identifier || isWithin(call, wrapper.fn)) continue;
    if (calls.length === MAX_CALLS_PER_WRAPPER) break;
    calls.push({ call, parameters: parameterValues(wrapper.fn, own, call, reference.from) });
  }
  return calls;
}
