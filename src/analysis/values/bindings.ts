/**
 * What a name holds where values are resolved: a constant's initialiser, a parameter bound to one
 * call's argument while a wrapper or helper is read for that call, or an import's value read from
 * the exporting module.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable, laterWrites, stableDeclarator, type Scope, type Variable } from '../syntax/ast.js';
import { importedDeclaration } from './imported-values.js';
import { boundParameter } from './parameter-bindings.js';

/** What a name holds where values are resolved: the constant's init, or a bound parameter's value, and the scope to read it in. */
export interface ValueBinding {
  readonly variable: Variable;
  readonly init: TSESTree.Expression;
  readonly scope: Scope;
}

/** `constantBinding`, and while a wrapper's call is analysed, its parameters bound to that call's arguments. */
export function valueBinding(scope: Scope, name: string): ValueBinding | null {
  const variable = findVariable(scope, name);
  if (!variable) return null;
  const bound = boundParameter(variable);
  if (bound !== undefined) return bound && { variable, init: bound.init, scope: bound.scope };
  const declarator = stableDeclarator(variable);
  return declarator?.init && declarator.id.type === 'Identifier' ? { variable, init: declarator.init, scope: variable.scope } : null;
}

/**
 * What an import binding holds, read from the exporting module (imported-values.ts), or null. Not
 * when this file writes to the imported object: those writes are not the exporting module's to see.
 * Its nodes are another file's: a caller anchors what it reports to its own node.
 */
export function importedBinding(variable: Variable): ValueBinding | null {
  if (variable.defs[0]?.type !== 'ImportBinding') return null;
  const writes = laterWrites(variable);
  if (writes === 'unknown' || writes.length > 0) return null;
  const declared = importedDeclaration(variable);
  return declared && valueBinding(declared.scope, declared.name);
}

/** The variable a name refers to and the expression it always holds (`const x = init`), or null. */
export function constantBinding(scope: Scope, name: string): { variable: Variable; init: TSESTree.Expression } | null {
  const variable = findVariable(scope, name);
  const declarator = variable && stableDeclarator(variable);
  return variable && declarator?.init && declarator.id.type === 'Identifier' ? { variable, init: declarator.init } : null;
}
