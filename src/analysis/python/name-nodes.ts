/**
 * A module's names and attribute names by their text, collected in one walk the first time a search asks:
 * a file that asks about each of its 300 functions reads its tree once, not 300 times.
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
