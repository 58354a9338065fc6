/**
 * The expressions a string value is built from: through template literals, `+`, `||`, `??`,
 * `? :` and constants, down to the literals, reads and calls that supply its text. Rules use it to
 * point at the part of a value that is wrong (the key in `` `Bearer ${KEY}` ``, the
 * `window.location.origin` in a referer) rather than at the whole value.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { memberName, unwrap, type Node } from '../syntax/ast.js';
import { resolveString } from './static-value.js';

/** Deeper than any real value is written; a bound, not a resolution limit. */
const MAX_DEPTH = 8;
const MAX_LEAVES = 32;

function parts(target: Node): Node[] {
  switch (target.type) {
    case 'TemplateLiteral':
      return target.expressions;
    case 'BinaryExpression':
      return target.operator === '+' ? [target.left, target.right] : [];
    case 'LogicalExpression':
      return target.operator === '&&' ? [] : [target.left, target.right];
    case 'ConditionalExpression':
      return [target.consequent, target.alternate];
    case 'CallExpression': {
      // `x.toString()` and `String(x)` are `x`, whether or not type information resolves the call.
      const callee = unwrap(target.callee);
      const argument = target.arguments[0];
      if (callee.type === 'MemberExpression' && memberName(callee) === 'toString' && target.arguments.length === 0) return [callee.object];
      return callee.type === 'Identifier' && callee.name === 'String' && argument && argument.type !== 'SpreadElement' ? [argument] : [];
    }
    default:
      return [];
  }
}

/** The leaves of a value, in source order, at most `MAX_LEAVES`; a template's own text is the template itself. */
export function valueLeaves(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): Node[] {
  const leaves: Node[] = [];
  const seen = new Set<Node>();
  const visit = (current: Node, depth: number): void => {
    const target = unwrap(current);
    if (seen.has(target) || leaves.length >= MAX_LEAVES) return;
    seen.add(target);
    const inner = depth < MAX_DEPTH ? parts(target) : [];
    if (target.type === 'TemplateLiteral' || inner.length === 0) leaves.push(target);
    for (const part of inner) {
      // A part resolves to the expressions its alternatives were read from (a constant's initialiser).
      for (const alternative of resolveString(part, sourceCode.getScope(part))) {
        const next = unwrap(alternative.node);
        if (next === unwrap(part) && parts(next).length === 0) {
          if (!seen.has(next)) {
            seen.add(next);
            leaves.push(next);
          }
        } else visit(next, depth + 1);
      }
    }
  };
  visit(node, 0);
  return leaves;
}
