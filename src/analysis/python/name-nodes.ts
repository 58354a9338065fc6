/**
 * A module's names and attribute names by their text, collected in one walk the first time a search asks:
 * a file that asks about each of its 300 functions reads its tree once, not 300 times. And the call a name
 * is the callee of.
 */
import type { SyntaxNode } from '@lezer/common';
import type { PythonModuleIndex } from './scopes.js';

const occurrences = new WeakMap<PythonModuleIndex, ReadonlyMap<string, readonly SyntaxNode[]>>();

/** Every `VariableName` and `PropertyName` node spelling `name`, in the order of the text. */
export function nameNodes(index: PythonModuleIndex, name: string): readonly SyntaxNode[] {
  let byName = occurrences.get(index);
  if (!byName) {
    const found = new Map<string, SyntaxNode[]>();
    const { text, tree } = index.parse;
    const cursor = tree.cursor();
    do {
      if (cursor.name !== 'VariableName' && cursor.name !== 'PropertyName') continue;
      const spelt = text.slice(cursor.from, cursor.to);
      const list = found.get(spelt);
      if (list) list.push(cursor.node);
      else found.set(spelt, [cursor.node]);
    } while (cursor.next());
    occurrences.set(index, (byName = found));
  }
  return byName.get(name) ?? [];
}

/** The call whose callee is `node` (`name(...)`) or the member it ends (`obj.name(...)`), or null when it is not called there. */
export function calledAt(node: SyntaxNode): SyntaxNode | null {
  const parent = node.parent;
  const callee = node.name === 'PropertyName' && parent?.name === 'MemberExpression' && parent.lastChild?.from === node.from ? parent : node;
  const call = callee.parent;
  return call?.name === 'CallExpression' && call.firstChild?.from === callee.from && call.firstChild.to === callee.to ? call : null;
}
