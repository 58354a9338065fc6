/**
 * `form.getHeaders()` of the `form-data` package: the multipart body's `content-type` (with its boundary) and
 * nothing else when it is given no headers to merge. Spread into a request's headers (`{ Authorization: key,
 * ...form.getHeaders() }`, the way Node code posts audio and images), it adds no attribution, and the headers
 * stay known.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable, scopeAt, unwrap, type Node, type Scope } from '../syntax/ast.js';
import { constantBinding } from './bindings.js';

/** The key `getHeaders()` gives. */
export const FORM_DATA_HEADER = 'content-type';

/** Whether `node` is `form.getHeaders()`, no arguments, of a constant `form = new FormData()` of the `form-data` package. */
export function isFormDataHeaders(node: Node, scope: Scope): boolean {
  const call = unwrap(node);
  if (call.type !== 'CallExpression' || call.arguments.length > 0) return false;
  const callee = unwrap(call.callee);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'getHeaders') return false;
  const object = unwrap(callee.object);
  const binding = object.type === 'Identifier' ? constantBinding(scope, object.name) : null;
  const built = binding ? unwrap(binding.init) : null;
  if (built?.type !== 'NewExpression') return false;
  const constructor = unwrap(built.callee);
  if (constructor.type !== 'Identifier') return false;
  const def = findVariable(scopeAt(binding!.variable.scope, constructor), constructor.name)?.defs[0];
  if (def?.type === 'ImportBinding') {
    return def.parent.type === 'ImportDeclaration' && def.parent.source.value === 'form-data' && def.node.type !== 'ImportSpecifier';
  }
  // `const FormData = require('form-data')`.
  const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : null;
  const required = init ? unwrap(init) : null;
  return (
    required?.type === 'CallExpression' &&
    unwrap(required.callee).type === 'Identifier' &&
    (unwrap(required.callee) as TSESTree.Identifier).name === 'require' &&
    required.arguments[0]?.type === 'Literal' &&
    required.arguments[0].value === 'form-data'
  );
}
