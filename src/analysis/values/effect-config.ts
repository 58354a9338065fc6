/**
 * Effect's `Config` values, which options such as @effect/ai-openrouter's `layerConfig` take instead of
 * strings: `Config.string('X')` reads the environment variable X, `Config.succeed('x')` is the text, and
 * `Config.withDefault` adds its text as an alternative (`Config.string('X').pipe(Config.withDefault('x'))`).
 * Read only where `Config` is imported from `effect` or `effect/Config` (Effect 3.21 and 4 spell these alike).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable, importedName, memberName, unwrap, type Node, type Scope } from '../syntax/ast.js';
import { LIMITS } from './budget.js';
import { resolveString, type StringAlternative } from './static-value.js';

/** Whether an identifier is Effect's `Config` module: `import { Config } from 'effect'`, `import * as Config from 'effect/Config'`. */
function isEffectConfig(node: Node, scope: Scope): boolean {
  if (node.type !== 'Identifier') return false;
  const def = findVariable(scope, node.name)?.defs[0];
  if (def?.type !== 'ImportBinding' || def.parent?.type !== 'ImportDeclaration') return false;
  const source = def.parent.source.value;
  const imported = importedName(def.node as TSESTree.ImportClause);
  return (source === 'effect' && imported === 'Config') || (source === 'effect/Config' && imported === '*');
}

/** `Config.<name>(...)`: the function's name when the callee is a function of Effect's `Config`, else null. */
function configFunction(call: TSESTree.CallExpression, scope: Scope): string | null {
  const callee = unwrap(call.callee);
  return callee.type === 'MemberExpression' && isEffectConfig(unwrap(callee.object), scope) ? memberName(callee) : null;
}

/** A call of a function of `Config`, or a `.pipe()` of one step of it: a `Config` whose text may be read. */
function isConfigCall(node: Node, scope: Scope): boolean {
  const call = unwrap(node);
  if (call.type !== 'CallExpression') return false;
  if (configFunction(call, scope) !== null) return true;
  const callee = unwrap(call.callee);
  const step = onlyArgument(call);
  return callee.type === 'MemberExpression' && memberName(callee) === 'pipe' && step?.type === 'CallExpression' && configFunction(step, scope) !== null;
}

/** The one plain argument of a call, or null. */
function onlyArgument(call: TSESTree.CallExpression): TSESTree.Expression | null {
  const [argument, ...rest] = call.arguments;
  return argument && argument.type !== 'SpreadElement' && rest.length === 0 ? argument : null;
}

/** Both sides' alternatives, or null (unknown) past the per-value limit. */
function either(a: readonly StringAlternative[], b: readonly StringAlternative[]): StringAlternative[] | null {
  return a.length + b.length > LIMITS.alternativesPerValue ? null : [...a, ...b];
}

/** What a `Config` value may hold as text, or null when the call is not one of the shapes above. */
export function effectConfigString(call: TSESTree.CallExpression, scope: Scope, depth: number): StringAlternative[] | null {
  const name = configFunction(call, scope);
  if (name === 'string' || name === 'nonEmptyString') {
    const variable = onlyArgument(call);
    const text = variable?.type === 'Literal' && typeof variable.value === 'string' ? variable.value : null;
    return text === null ? null : [{ pieces: [{ kind: 'env', name: text }], node: call }];
  }
  if (name === 'succeed') {
    const value = onlyArgument(call);
    return value && resolveString(value, scope, depth + 1);
  }
  if (name === 'withDefault' && call.arguments.length === 2) {
    // Data-first: `Config.withDefault(config, 'x')`.
    const [config, fallback] = call.arguments;
    if (config?.type === 'SpreadElement' || fallback?.type === 'SpreadElement' || !isConfigCall(config!, scope)) return null;
    return either(resolveString(config!, scope, depth + 1), resolveString(fallback!, scope, depth + 1));
  }
  // `config.pipe(Config.withDefault('x'))`.
  const callee = unwrap(call.callee);
  const step = onlyArgument(call);
  const piped = callee.type === 'MemberExpression' && memberName(callee) === 'pipe' ? unwrap(callee.object) : null;
  if (!piped || !isConfigCall(piped, scope) || step?.type !== 'CallExpression' || configFunction(step, scope) !== 'withDefault') return null;
  const fallback = onlyArgument(step);
  // Through `resolveString`, which memoises, charges the budget and bounds the depth of a long chain.
  return fallback && either(resolveString(piped, scope, depth + 1), resolveString(fallback, scope, depth + 1));
}
