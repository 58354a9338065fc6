/**
 * Headers set by method calls on a request object: `req.setHeader(name, value)` on the `ClientRequest`
 * node's `https.request()` returns, `xhr.setRequestHeader(name, value)` after `xhr.open()`. Known only
 * where the object stays in one variable whose every use the file shows as a member of it: any other
 * use (handed to a function, returned, aliased) may set headers the file does not show.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable, stableDeclarator, staticKeyName, unwrap, type Node, type ParsedSource, type Variable } from '../syntax/ast.js';
import { currentBudget, LIMITS, memoised } from '../values/budget.js';
import type { HeaderContainer, HeaderEntry } from '../values/header-containers.js';
import { exactText, resolveString } from '../values/static-value.js';
import type { ClientCall } from './calls.js';
import type { HeadersState } from './options.js';
import type { ClientRow } from './rows.js';

type HeaderSetter = NonNullable<ClientRow['headerSetter']>;

/** No header set: the object is used only where the file shows it, and never with the setter. */
const NONE_SET: HeaderContainer = { entries: [], complete: true, literal: null, editable: false };

/**
 * The headers a request sends: those of its options, with those its setter calls add; for a client
 * without a headers option (`XMLHttpRequest`), the setter calls' alone. Unknown when either is.
 */
export function withSetterHeaders(sourceCode: ParsedSource, node: ClientCall, row: ClientRow, headers: HeadersState): HeadersState {
  if (!row.headerSetter) return headers;
  const set = setterHeaders(sourceCode, node, row.headerSetter);
  if (!set || (row.headersOption !== null && headers.kind === 'unknown')) return { kind: 'unknown' };
  if (row.headersOption === null || headers.kind !== 'container') return { kind: 'container', container: set };
  const own = headers.container;
  return { kind: 'container', container: { ...own, entries: [...own.entries, ...set.entries], complete: own.complete && set.complete } };
}

/**
 * The headers the setter calls of a request give: a container (complete when every use is in sight),
 * or null when the object reaches code the file does not show.
 */
export function setterHeaders(sourceCode: ParsedSource, node: ClientCall, setter: HeaderSetter): HeaderContainer | null {
  if (setter.object === 'receiver') {
    const callee = unwrap(node.callee);
    const object = callee.type === 'MemberExpression' ? unwrap(callee.object) : null;
    const variable = object?.type === 'Identifier' ? findVariable(sourceCode.getScope(object), object.name) : null;
    return variable ? variableSetterHeaders(variable, setter.method) : null;
  }
  const parent = node.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    const variable = sourceCode.scopeManager?.getDeclaredVariables(parent)[0];
    return variable ? variableSetterHeaders(variable, setter.method) : null;
  }
  return chainedSetterHeaders(node, setter.method);
}

/**
 * A request object never stored: `https.request(options, callback).end(body)`, or a statement of its
 * own. Its methods (`on`, `end`, `write`) return it, so a chain that ends anywhere else hands it on.
 */
function chainedSetterHeaders(node: ClientCall, method: string): HeaderContainer | null {
  let current: Node = node;
  for (let member = current.parent; member?.type === 'MemberExpression' && member.object === current; member = current.parent) {
    const call = member.parent;
    if (call?.type !== 'CallExpression' || call.callee !== member || staticKeyName(member) === method) return null;
    current = call;
  }
  return current.parent?.type === 'ExpressionStatement' ? NONE_SET : null;
}

/** The setter calls on a variable, once per variable (several `open()` calls share them). */
function variableSetterHeaders(variable: Variable, method: string): HeaderContainer | null {
  const declarator = stableDeclarator(variable);
  if (!declarator || declarator.id.type !== 'Identifier') return null;
  return memoised(`header-setters:${method}`, declarator, 0, null, () => computeSetterHeaders(variable, declarator, method));
}

function computeSetterHeaders(variable: Variable, declarator: TSESTree.VariableDeclarator, method: string): HeaderContainer | null {
  // An exported binding reaches code of other modules. (A script's top-level binding is taken as the
  // file's own: hosts disagree on which files are scripts, and a request object is not shared so.)
  if (declarator.parent?.parent?.type === 'ExportNamedDeclaration') return null;
  if (!currentBudget().charge(variable.references.length)) return null;
  const entries: HeaderEntry[] = [];
  let complete = true;
  for (const reference of variable.references) {
    if (reference.init) continue;
    const identifier = reference.identifier;
    const member = identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== identifier) return null;
    const name = staticKeyName(member);
    if (name === null) return null;
    if (name !== method) continue;
    const call = member.parent;
    // The setter read without being called (`const set = xhr.setRequestHeader.bind(xhr)`) may be called anywhere.
    if (call?.type !== 'CallExpression' || call.callee !== member) return null;
    const [key, value] = call.arguments;
    const names = key && key.type !== 'SpreadElement' ? resolveString(key, reference.from) : [];
    const text = names.length === 1 ? exactText(names[0]!) : null;
    if (text === null || !value || value.type === 'SpreadElement') {
      complete = false;
      continue;
    }
    if (entries.length >= LIMITS.entriesPerObject) return null;
    entries.push({ key: text, value, scope: reference.from });
  }
  return { entries, complete, literal: null, editable: false };
}
