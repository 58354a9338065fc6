/**
 * A function's parameters bound to the arguments of one of its calls, while what it does is analysed
 * for that call: a wrapper `postJson(url, body, extra)` calling `fetch(url, { headers: { ...extra } })`
 * is checked with the values each caller gives, and a helper's returned object is read with them.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, Scope, Variable } from '../syntax/ast.js';

/** What a bound parameter holds: an argument (in the caller's scope) or its default (in the function's). */
export interface BoundValue {
  readonly init: TSESTree.Expression;
  readonly scope: Scope;
}

/** Each parameter of the wrapper: its value at this call, or null when the call does not tell. */
export type ParameterValues = ReadonlyMap<Variable, BoundValue | null>;

let active: { readonly key: number; readonly values: ParameterValues } | null = null;
let nextKey = 1;

/** Runs `analyse` with the parameters bound; every memoised resolution inside is kept apart from the unbound ones. */
export function withParameterBindings<T>(values: ParameterValues, analyse: () => T): T {
  const previous = active;
  // A helper called inside a wrapper: the wrapper's parameters stay bound beside the helper's.
  active = { key: nextKey++, values: previous ? new Map([...previous.values, ...values]) : values };
  try {
    return analyse();
  } finally {
    active = previous;
  }
}

/** The value of a parameter bound now: undefined when it is not bound, null when the call does not tell. */
export function boundParameter(variable: Variable): BoundValue | null | undefined {
  return active?.values.get(variable);
}

/** Tells memo tables apart: 0 outside any binding. */
export function bindingsKey(): number {
  return active?.key ?? 0;
}

/** The parameter a plain name (or a name with a default) binds, with its default. */
function plainParameter(parameter: TSESTree.Node): { name: TSESTree.Identifier; fallback: TSESTree.Expression | null } | null {
  if (parameter.type === 'Identifier') return { name: parameter, fallback: null };
  // `constructor(private baseUrl = DEFAULT)`: a parameter that is also a field.
  if (parameter.type === 'TSParameterProperty') return plainParameter(parameter.parameter);
  if (parameter.type === 'AssignmentPattern' && parameter.left.type === 'Identifier') return { name: parameter.left, fallback: parameter.right };
  return null;
}

/** A name a parameter binds: the argument itself (`key` null), or one key of it (`{ body, headers = {} }`), with its default. */
interface ParameterName {
  readonly name: TSESTree.Identifier;
  readonly fallback: TSESTree.Expression | null;
  readonly key: string | null;
}

/**
 * The names a parameter binds that a call can tell: a plain name, or the plain names of an object pattern
 * (whose own default, `{ headers } = {}`, stands for a missing argument). A rest element or a nested
 * pattern binds nothing followed.
 */
function parameterNames(parameter: TSESTree.Parameter): { names: ParameterName[]; objectDefault: TSESTree.Expression | null } {
  const plain = plainParameter(parameter);
  if (plain) return { names: [{ ...plain, key: null }], objectDefault: null };
  const pattern = parameter.type === 'AssignmentPattern' ? parameter.left : parameter;
  if (pattern.type !== 'ObjectPattern') return { names: [], objectDefault: null };
  const names: ParameterName[] = [];
  for (const property of pattern.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' && typeof property.key.value === 'string' ? property.key.value : null;
    const bound = plainParameter(property.value);
    if (key !== null && bound) names.push({ ...bound, key });
  }
  return { names, objectDefault: parameter.type === 'AssignmentPattern' ? parameter.right : null };
}


/**
 * Reads one key of the object a destructuring parameter is given: its value, null when the object does not
 * tell, undefined when the object certainly lacks the key (then the default applies). Given by the caller,
 * which resolves objects (this module sits below the resolution).
 */
export type KeyReader = (source: BoundValue, key: string) => BoundValue | null | undefined;

/** Whether the function reads any parameter a call can tell: only then do its calls tell more than it does. */
export function readsParameters(fn: FunctionNode, own: Scope): boolean {
  // A parameter property is read wherever its field is.
  return fn.params.some((parameter) => parameter.type === 'TSParameterProperty' || parameterNames(parameter).names.some(({ name }) => (own.set.get(name.name)?.references.length ?? 0) > 0));
}

/** Each parameter's value at one call: the argument (or its key), else the default, else unknown. */
export function parameterValues(fn: FunctionNode, own: Scope, call: TSESTree.CallExpression | TSESTree.NewExpression, callerScope: Scope, keyOf: KeyReader | null): ParameterValues {
  const values = new Map<Variable, BoundValue | null>();
  const spreadAt = call.arguments.findIndex((argument) => argument.type === 'SpreadElement');
  for (const [index, parameter] of fn.params.entries()) {
    const { names, objectDefault } = parameterNames(parameter);
    if (names.length === 0) continue;
    const argument = call.arguments[index];
    const spread = spreadAt !== -1 && spreadAt <= index;
    const given: BoundValue | null = !spread && argument && argument.type !== 'SpreadElement' ? { init: argument, scope: callerScope } : null;
    const source = given ?? (!spread && !argument && objectDefault ? { init: objectDefault, scope: own } : null);
    for (const name of names) {
      const variable = own.set.get(name.name.name);
      // A parameter written again in the function no longer holds what the caller passed.
      if (!variable || variable.references.some((reference) => reference.isWrite() && !reference.init)) continue;
      const fallback: BoundValue | null = name.fallback ? { init: name.fallback, scope: own } : null;
      if (spread) values.set(variable, null);
      else if (name.key === null) values.set(variable, given ?? fallback);
      else {
        const value = source && keyOf ? keyOf(source, name.key) : null;
        values.set(variable, value === undefined ? fallback : value);
      }
    }
  }
  return values;
}
