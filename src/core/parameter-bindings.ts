/**
 * A local wrapper's parameters bound to the arguments of one of its calls, while the client call
 * inside it is analysed for that call: `postJson(url, body, extra)` calling
 * `fetch(url, { headers: { ...extra } })` is checked with the values each caller gives.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope, Variable } from './ast.js';

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
  active = { key: nextKey++, values };
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
