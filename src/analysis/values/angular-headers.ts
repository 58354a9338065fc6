/**
 * Angular's `HttpHeaders` (`@angular/common/http`): immutable, built from an object of headers, so `new
 * HttpHeaders({ ... })` holds that object's headers wherever it goes (a helper's return, an options object).
 */
import { findVariable, unwrap, type Node, type Scope } from '../syntax/ast.js';
import { keyName } from './class-fields.js';

/** Whether `target` is `new HttpHeaders(...)` of the class imported from `@angular/common/http`. */
export function isAngularHttpHeaders(target: Node, scope: Scope): boolean {
  if (target.type !== 'NewExpression') return false;
  const callee = unwrap(target.callee);
  const def = callee.type === 'Identifier' ? findVariable(scope, callee.name)?.defs[0] : undefined;
  return (
    def?.type === 'ImportBinding' &&
    def.parent.type === 'ImportDeclaration' &&
    def.parent.source.value === '@angular/common/http' &&
    def.node.type === 'ImportSpecifier' &&
    keyName(def.node.imported) === 'HttpHeaders'
  );
}
