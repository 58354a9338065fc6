/**
 * The one write of a `let` or `var` that certainly reaches a read: `var base = option || DEFAULT;
 * base = base.replace(/\/+$/, '');` then `return base + '/v1'` reads the second write only, not every
 * value the variable is ever given. Straight-line code only: the write is a whole statement of a block
 * the read lies in, before it, with no other write of the variable in between, none in a loop around the
 * read, and none in another function. Anywhere else the read may see several writes: null, and the
 * caller takes every value written.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunction, type Node, type Variable } from '../syntax/ast.js';
import { currentBudget, LIMITS } from './budget.js';

/** A write of the variable: where it is, the statement it is the whole of (or null), and the value it writes. */
interface Write {
  readonly node: TSESTree.AssignmentExpression | TSESTree.VariableDeclarator;
  readonly statement: Node | null;
  readonly value: TSESTree.Expression;
}

/** A variable's writes in source order, all in one function (`fn`, null at the top level). */
interface Writes {
  readonly writes: readonly Write[];
  readonly fn: Node | null;
}

/** Each variable's writes, read once; null when one is not a plain `=` or initializer, or they lie in several functions. */
const writesCache = new WeakMap<Variable, Writes | null>();

function writesOf(variable: Variable): Writes | null {
  let writes = writesCache.get(variable);
  if (writes === undefined) writesCache.set(variable, (writes = computeWrites(variable)));
  return writes;
}

function computeWrites(variable: Variable): Writes | null {
  currentBudget().charge(variable.references.length);
  const writes: Write[] = [];
  for (const reference of variable.references) {
    if (!reference.isWrite()) continue;
    const parent = reference.identifier.parent;
    if (parent?.type === 'VariableDeclarator' && parent.id === reference.identifier && parent.init) {
      const declaration = parent.parent;
      const whole = declaration.type === 'VariableDeclaration' && declaration.declarations.length === 1;
      writes.push({ node: parent, statement: whole ? declaration : null, value: parent.init });
    } else if (parent?.type === 'AssignmentExpression' && parent.left === reference.identifier && parent.operator === '=') {
      writes.push({ node: parent, statement: parent.parent?.type === 'ExpressionStatement' ? parent.parent : null, value: parent.right });
    } else {
      return null;
    }
    if (writes.length > LIMITS.alternativesPerValue) return null;
  }
  const fn = writes[0] ? enclosingFunction(writes[0].node) : null;
  if (writes.some((write) => enclosingFunction(write.node) !== fn)) return null;
  return { writes: writes.sort((a, b) => a.node.range[0] - b.node.range[0]), fn };
}

const contains = (outer: Node, inner: Node) => outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
const isLoop = (node: Node) =>
  node.type === 'ForStatement' || node.type === 'ForInStatement' || node.type === 'ForOfStatement' || node.type === 'WhileStatement' || node.type === 'DoWhileStatement';

/** The value of the write that certainly reaches `read`, a read of `variable`; null when none is certain. */
export function reachingWrite(variable: Variable, read: TSESTree.Identifier): TSESTree.Expression | null {
  const known = writesOf(variable);
  if (!known || known.writes.length < 2 || enclosingFunction(read) !== known.fn) return null;
  const { writes } = known;
  // The last write before the read that is not the assignment the read is part of (`base = base.trim()`).
  let index = upperBound(writes, read.range[0]) - 1;
  while (index >= 0 && contains(writes[index]!.node, read)) index--;
  const write = writes[index];
  const statement = write?.statement;
  const block = statement?.parent;
  if (!write || !statement || !block || statement.range[1] > read.range[0] || !contains(block, read)) return null;
  if (block.type !== 'BlockStatement' && block.type !== 'Program' && block.type !== 'StaticBlock') return null;
  // A loop between the block and the read runs again with whatever a later write of it left.
  const budget = currentBudget();
  for (let node: Node | undefined = read.parent; node && node !== block; node = node.parent) {
    if (!budget.charge()) return null;
    if (isFunction(node)) return null;
    if (isLoop(node) && writes.some((other) => other !== write && contains(node, other.node) && !contains(other.node, read))) return null;
  }
  return write.value;
}

/** The number of writes that start before `position`. */
function upperBound(writes: readonly Write[], position: number): number {
  let low = 0;
  let high = writes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (writes[middle]!.node.range[0] < position) low = middle + 1;
    else high = middle;
  }
  return low;
}
