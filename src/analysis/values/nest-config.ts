/**
 * NestJS configuration namespaces: a parameter typed `ConfigType<typeof openRouterConfig>` (injected with
 * `@Inject(openRouterConfig.KEY)`) holds what the factory given to `registerAs('openRouter', () => ({ ... }))`
 * returns. The factory is found where the type names it: a constant of the file, or another module's export.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable, unwrap, type Variable } from '../syntax/ast.js';
import { importedBinding, valueBinding } from './bindings.js';
import { importedDefaultExpression } from './imported-values.js';
import { functionReturns, type Returns } from './local-functions.js';

/** The name `ConfigType<typeof name>` annotates a parameter with, or null. */
function configTypeOf(variable: Variable): string | null {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.name.type !== 'Identifier') return null;
  const annotation = def.name.typeAnnotation?.typeAnnotation;
  if (annotation?.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier' || annotation.typeName.name !== 'ConfigType') return null;
  const query = annotation.typeArguments?.params.length === 1 ? annotation.typeArguments.params[0] : undefined;
  return query?.type === 'TSTypeQuery' && query.exprName.type === 'Identifier' ? query.exprName.name : null;
}

/** What a name holds: a constant of the file, an imported constant, or another module's default export. */
function heldValue(variable: Variable): { init: TSESTree.Expression; scope: Variable['scope'] } | null {
  return valueBinding(variable.scope, variable.name) ?? importedBinding(variable) ?? importedDefaultExpression(variable);
}

/**
 * The returns of the `registerAs` factory whose `ConfigType` a parameter is typed with, and whether they are
 * another module's; null for any other parameter.
 */
export function configFactoryReturns(variable: Variable): { returns: Returns; otherModule: boolean } | null {
  const name = configTypeOf(variable);
  const namespace = name === null ? null : findVariable(variable.scope, name);
  const held = namespace && heldValue(namespace);
  const call = held && unwrap(held.init);
  const callee = call?.type === 'CallExpression' ? unwrap(call.callee) : null;
  if (call?.type !== 'CallExpression' || callee?.type !== 'Identifier' || callee.name !== 'registerAs') return null;
  const factory = call.arguments[1] && unwrap(call.arguments[1]);
  if (factory?.type !== 'ArrowFunctionExpression' && factory?.type !== 'FunctionExpression') return null;
  const returns = functionReturns(factory, held!.scope);
  return returns && { returns, otherModule: namespace!.defs[0]?.type === 'ImportBinding' };
}
