/**
 * Local wrappers of a client call: a function of the file whose client call takes its values from
 * the function's parameters (`postJson(url, body, extra)` calling `fetch(url, { headers: { ...extra } })`).
 * Each call of the wrapper is a request of its own, checked with the arguments given there.
 * Plain names and the plain names of an object pattern (`{ body, headers }`) are followed; a rest
 * element or a nested pattern stays unknown, so what flows through it keeps the rules silent.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, exportNames, findVariable, functionHolder, staticKeyName, unwrap, type FunctionNode, type Node, type ParsedSource, type Scope, type Variable } from '../syntax/ast.js';
import { importingBindings } from '../values/imported-values.js';
import { parameterValues, readsParameters, type ParameterValues } from '../values/parameter-bindings.js';
import { inheritedMethodCalls, methodCalls, subclassBodies } from '../values/class-fields.js';
import { keyValue } from '../values/static-value.js';


export interface WrapperCall {
  /** A call of the wrapper, or a construction of the class whose method makes the request (class-constructions.ts). */
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly parameters: ParameterValues;
}

/** Calls of one wrapper followed: past that, its calls are left unchecked (silence, never a guess). */
const MAX_CALLS_PER_WRAPPER = 64;

/**
 * A wrapper's calls in the file: through the variable it is declared as (`function f`, `const f = () => ...`),
 * or `this.f(...)` in its class for a method (see class-fields.ts).
 */
function callsOfWrapper(sourceCode: ParsedSource, fn: FunctionNode): { call: TSESTree.CallExpression; from: Scope }[] | null {
  const viaThis = methodCalls(fn, sourceCode.getScope(fn)) ?? subclassCalls(sourceCode, fn);
  if (viaThis) return viaThis.map((call) => ({ call, from: sourceCode.getScope(call) }));
  return objectMethodCalls(sourceCode, fn) ?? declaredFunctionCalls(sourceCode, fn);
}

/** `class Api extends Base { send() { this.post(url, headers) } }` in the file, for Base's method `post`; null for any other function. */
function subclassCalls(sourceCode: ParsedSource, fn: FunctionNode): TSESTree.CallExpression[] | null {
  const method = fn.parent;
  const declaration = method?.parent?.parent;
  if (method?.type !== 'MethodDefinition' || method.kind !== 'method' || method.static || method.computed || method.key.type !== 'Identifier') return null;
  if (declaration?.type !== 'ClassDeclaration' || !declaration.id) return null;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(declaration)[0];
  const name = method.key.name;
  const calls = variable ? subclassBodies(variable).flatMap((subclass) => inheritedMethodCalls(subclass, name) ?? []) : [];
  return calls.length > 0 ? calls : null;
}

/** The function a client call is made in, past a promise's executor, which runs at once in the function that creates it (`return new Promise((resolve) => https.request(...))`). */
function wrapperAround(sourceCode: ParsedSource, node: Node): FunctionNode | null {
  let fn = enclosingFunction(node);
  while (fn && isPromiseExecutor(sourceCode, fn)) fn = enclosingFunction(fn);
  return fn;
}

/** The calls of a function the file declares once (`function f`, `const f = () => ...`), each with the scope it is made from; null for any other function. */
export function declaredFunctionCalls(sourceCode: ParsedSource, fn: FunctionNode): { call: TSESTree.CallExpression; from: Scope }[] | null {
  const variable = declaredWrapper(sourceCode, fn);
  if (!variable) return null;
  return variable.references.flatMap((reference) => {
    const call = reference.identifier.parent;
    return call?.type === 'CallExpression' && unwrap(call.callee) === reference.identifier ? [{ call, from: reference.from }] : [];
  });
}

/** The function handed to the global `Promise`'s constructor. */
function isPromiseExecutor(sourceCode: ParsedSource, fn: FunctionNode): boolean {
  const construction = fn.parent;
  if (construction?.type !== 'NewExpression' || construction.arguments[0] !== fn) return false;
  const callee = unwrap(construction.callee);
  return callee.type === 'Identifier' && callee.name === 'Promise' && !findVariable(sourceCode.getScope(callee), 'Promise')?.defs.length;
}

/**
 * `const api = { post(path, body) { ... } }` (or `post: (path, body) => ...`): the `api.post(...)` calls.
 * Null where `api.post` may be another function by then: the object spreads others in, names `post`
 * twice, or is used other than by its members and exported; `api.post` is written, or `api` given away.
 */
function objectMethodCalls(sourceCode: ParsedSource, fn: FunctionNode): { call: TSESTree.CallExpression; from: Scope }[] | null {
  const property = fn.parent;
  if (property?.type !== 'Property' || property.value !== fn || property.kind !== 'init') return null;
  const name = staticKeyName(property);
  const object = property.parent;
  const declarator = object?.parent;
  if (name === null || object?.type !== 'ObjectExpression' || declarator?.type !== 'VariableDeclarator' || declarator.init !== object || declarator.parent.kind !== 'const') return null;
  if (object.properties.some((other) => other.type === 'SpreadElement' || (other !== property && staticKeyName(other) === name))) return null;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
  if (!variable) return null;
  const calls: { call: TSESTree.CallExpression; from: Scope }[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    const use = reference.identifier.parent;
    if (use?.type === 'ExportSpecifier' || use?.type === 'ExportDefaultDeclaration') continue;
    if (use?.type !== 'MemberExpression' || use.object !== reference.identifier) return null;
    const parent = use.parent;
    const written = (parent?.type === 'AssignmentExpression' && parent.left === use) || parent?.type === 'UpdateExpression' || (parent?.type === 'UnaryExpression' && parent.operator === 'delete');
    if (written && (use.computed || staticKeyName(use) === name)) return null;
    if (staticKeyName(use) === name && parent?.type === 'CallExpression' && parent.callee === use) calls.push({ call: parent, from: reference.from });
  }
  return calls;
}

/** The variable a function is declared as: `function f` or `const f = () => ...`, declared once. */
function declaredWrapper(sourceCode: ParsedSource, current: FunctionNode): Variable | null {
  const holder = functionHolder(current);
  // A `let` or `var` may hold another function by the time it is called.
  const declared = holder?.type === 'VariableDeclarator' && holder.parent.kind !== 'const' ? null : holder;
  const variable = declared ? sourceCode.scopeManager?.getDeclaredVariables(declared)[0] : undefined;
  return variable && variable.defs.length === 1 ? variable : null;
}

function isWithin(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}


/**
 * The calls of the wrapper around a client call, each with its arguments bound, when the wrapper
 * reads any of its parameters; none otherwise. Calls inside the wrapper itself (recursion) are not followed.
 */
export function wrapperCalls(sourceCode: ParsedSource, inner: Node): WrapperCall[] {
  // Every request of a wrapper asks for the same calls: they are found, and bound, once per wrapper.
  const fn = wrapperAround(sourceCode, inner);
  if (!fn) return [];
  let calls = boundCalls.get(fn);
  if (!calls) boundCalls.set(fn, (calls = computeWrapperCalls(sourceCode, fn)));
  return calls;
}

const boundCalls = new WeakMap<FunctionNode, WrapperCall[]>();

function computeWrapperCalls(sourceCode: ParsedSource, fn: FunctionNode): WrapperCall[] {
  const found = callsOfWrapper(sourceCode, fn);
  if (!found) return [];
  const own = sourceCode.scopeManager?.acquire(fn) ?? null;
  if (!own) return [];
  if (!readsParameters(fn, own)) return [];
  const calls: WrapperCall[] = [];
  for (const { call, from } of found) {
    if (isWithin(call, fn)) continue;
    if (calls.length === MAX_CALLS_PER_WRAPPER) break;
    calls.push({ call, parameters: parameterValues(fn, own, call, from, keyValue) });
  }
  return calls;
}

/** The calls one reference of an importing module makes (none for a use that calls nothing), or null for a use not followed. */
export type ImporterUse = (reference: Variable['references'][number], source: ParsedSource) => readonly { call: TSESTree.CallExpression | TSESTree.NewExpression; from: Scope }[] | null;

/**
 * The calls the package's modules that import `variable`'s exports make through it (see package-importers.ts),
 * as `callsAt` finds them at each reference, with `fn`'s parameters bound where each is made and the calling
 * module's text. Null when not every call is known: an importer cannot be read, a reference is a use
 * `callsAt` does not follow, or there are more than `max`.
 */
export function importerCalls(sourceCode: ParsedSource, variable: Variable, fn: FunctionNode, own: Scope, callsAt: ImporterUse, max: number): (WrapperCall & { readonly text: string })[] | null {
  const calls: (WrapperCall & { readonly text: string })[] = [];
  for (const name of exportNames(variable)) {
    const bindings = importingBindings(sourceCode.ast as TSESTree.Program, name);
    if (!bindings) return null;
    for (const { variable: binding, source, text } of bindings) {
      for (const reference of binding.references) {
        const found = callsAt(reference, source);
        if (!found) return null;
        for (const { call, from } of found) {
          if (calls.length === max) return null;
          calls.push({ call, parameters: parameterValues(fn, own, call, from, keyValue), text });
        }
      }
    }
  }
  return calls;
}

/**
 * The calls of an exported wrapper in the package's modules that import it, each with its arguments bound
 * where it is made. Null unless every importer can be read and uses the wrapper only by calling it: a
 * wrapper handed on may be called anywhere.
 */
export function importerWrapperCalls(sourceCode: ParsedSource, inner: Node): (WrapperCall & { readonly text: string })[] | null {
  const fn = wrapperAround(sourceCode, inner);
  const variable = fn && declaredWrapper(sourceCode, fn);
  const own = fn && sourceCode.scopeManager?.acquire(fn);
  if (!variable || !own || !readsParameters(fn, own)) return null;
  return importerCalls(sourceCode, variable, fn, own, (reference) => {
    if (reference.init) return [];
    const call = reference.identifier.parent;
    return call?.type === 'CallExpression' && unwrap(call.callee) === reference.identifier ? [{ call, from: reference.from }] : null;
  }, MAX_CALLS_PER_WRAPPER);
}
