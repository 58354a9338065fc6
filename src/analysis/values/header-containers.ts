/** Header containers as clients take them: an object literal, `new Headers({...})`, or an array of pairs. */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable, isShared, unwrap, type Node, type Scope } from '../syntax/ast.js';
import { isAngularHttpHeaders } from './angular-headers.js';
import { valueBinding } from './bindings.js';
import { LIMITS, memoised } from './budget.js';
import { exactText, resolveObject, resolveString, writesThatMayHold, type ObjectShape, type StringAlternative } from './static-value.js';

export interface HeaderEntry {
  /** The header name as written. */
  readonly key: string;
  /** The value's expression; null for a header known only by type (see `typed`). */
  readonly value: Node | null;
  readonly typed?: readonly StringAlternative[];
  readonly scope: Scope;
  /**
   * The entry may not hold when the request is sent: a key written after creation (perhaps in an
   * `if`), or the object reaches code that may change it.
   */
  readonly uncertain?: true;
}

export interface HeaderContainer {
  readonly entries: readonly HeaderEntry[];
  /** False when entries the file does not show may exist (an unresolvable spread, a computed name). */
  readonly complete: boolean;
  /** The literal where new headers can be written (null for headers known by type), and whether a fix may write there (see ObjectShape). */
  readonly literal: TSESTree.ObjectExpression | TSESTree.ArrayExpression | null;
  readonly editable: boolean;
}

/** The headers an expression holds, or null when the file does not spell them out. Memoised and budgeted. */
export function resolveHeaders(node: Node, scope: Scope, depth = 0, editable = true): HeaderContainer | null {
  const target = unwrap(node);
  return memoised(editable ? 'headers' : 'headers-shared', target, depth, null, () => computeHeaders(target, scope, depth, editable));
}

/** `new Headers(...)` of the global `Headers`, or Angular's `new HttpHeaders({...})`. */
function isHeadersConstruction(target: Node, scope: Scope): target is TSESTree.NewExpression {
  if (isAngularHttpHeaders(target, scope)) return true;
  if (target.type !== 'NewExpression') return false;
  const callee = unwrap(target.callee);
  return callee.type === 'Identifier' && callee.name === 'Headers' && !findVariable(scope, 'Headers')?.defs.length;
}

/** Whether an expression is a `Headers` instance: `new Headers(...)`, directly or through a constant. */
export function isHeadersInstance(node: Node, scope: Scope): boolean {
  const target = unwrap(node);
  if (isHeadersConstruction(target, scope)) return true;
  const binding = target.type === 'Identifier' ? valueBinding(scope, target.name) : null;
  return !!binding && isHeadersConstruction(unwrap(binding.init), binding.scope);
}

function computeHeaders(target: Node, scope: Scope, depth: number, editable: boolean): HeaderContainer | null {
  if (target.type === 'NewExpression') {
    if (!isHeadersConstruction(target, scope)) return null;
    const init = target.arguments[0];
    // `new Headers()` starts empty and is filled by later writes; never complete, since it is often
    // filled where later writes are not followed (`init.headers.set(...)`).
    if (!init) return { entries: [], complete: false, literal: null, editable: false };
    return init.type !== 'SpreadElement' ? resolveHeaders(init, scope, depth + 1, editable) : null;
  }
  if (target.type === 'ArrayExpression') return resolvePairs(target, scope, editable);
  const binding = target.type === 'Identifier' ? valueBinding(scope, target.name) : null;
  if (binding) {
    const container = resolveHeaders(binding.init, binding.scope, depth + 1, editable && !isShared(binding.variable));
    const writes = writesThatMayHold(binding.variable, depth);
    if (!container || writes.length === 0) return container;
    // A header's value written into (`headers.x.y = v`) is no text a request can send as it is: unknown too.
    if (writes === 'unknown' || writes.some((write) => write.nested)) return { ...container, complete: false, entries: container.entries.map((entry) => ({ ...entry, uncertain: true as const })) };
    const written = writes.map((write) => ({ key: write.key, value: write.value, scope: binding.variable.scope, uncertain: true as const }));
    return container.entries.length + written.length > LIMITS.entriesPerObject ? null : { ...container, entries: [...container.entries, ...written] };
  }
  const shape = resolveObject(target, scope, depth, editable);
  return shape && headersOfShape(shape);
}

/** An object's keys as headers: those with a value the analysis can read, complete when all are. */
export function headersOfShape(shape: ObjectShape): HeaderContainer {
  return {
    entries: shape.entries.flatMap((entry) =>
      (entry.value || entry.typed) && !entry.mayBeOverridden
        ? [{ key: entry.key, value: entry.value, typed: entry.typed, scope: entry.scope, ...(entry.laterWrite && { uncertain: true as const }) }]
        : [],
    ),
    complete: shape.complete && shape.entries.every((entry) => (entry.value || entry.typed) && !entry.mayBeOverridden),
    literal: shape.literal,
    editable: shape.editable,
  };
}

/** `[['HTTP-Referer', url], ['X-Title', name]]`. */
function resolvePairs(array: TSESTree.ArrayExpression, scope: Scope, editable: boolean): HeaderContainer | null {
  const entries: HeaderEntry[] = [];
  let complete = true;
  for (const element of array.elements) {
    if (entries.length > LIMITS.entriesPerObject) return null;
    const pair = element && unwrap(element);
    if (pair?.type !== 'ArrayExpression' || pair.elements.length !== 2) {
      complete = false;
      continue;
    }
    const [name, value] = pair.elements;
    const names = name && name.type !== 'SpreadElement' ? resolveString(name, scope) : [];
    const key = names.length === 1 ? exactText(names[0]!) : null;
    if (key === null || !value || value.type === 'SpreadElement') {
      complete = false;
      continue;
    }
    entries.push({ key, value, scope });
  }
  return { entries, complete, literal: array, editable };
}
