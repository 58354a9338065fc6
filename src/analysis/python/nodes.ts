/** The objects rules report on in a Python file: ESTree-shaped enough for ESLint to locate them, one per (range, kind). */
import type { PythonParse } from './parse.js';

export interface PythonPosition {
  readonly line: number;
  readonly column: number;
}

export interface PythonNode {
  /** `PythonCall`, `PythonString`, ...: what the node is, for messages and for ESLint's selectors. */
  readonly type: string;
  readonly range: readonly [number, number];
  readonly loc: { readonly start: PythonPosition; readonly end: PythonPosition };
  parent: null;
}

const nodesByParse = new WeakMap<PythonParse, Map<string, PythonNode>>();

/** Line 1-based and column 0-based, as ESTree: the last line start at or before the offset. */
export function position(lineStarts: readonly number[], offset: number): PythonPosition {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! };
}

/** The one node of this range and kind in this parse: rules dedupe alternatives by node identity. */
export function pythonNode(parse: PythonParse, from: number, to: number, kind: string): PythonNode {
  let nodes = nodesByParse.get(parse);
  if (!nodes) {
    nodes = new Map();
    nodesByParse.set(parse, nodes);
  }
  const key = `${from}:${to}:${kind}`;
  let node = nodes.get(key);
  if (!node) {
    node = { type: kind, range: [from, to], loc: { start: position(parse.lineStarts, from), end: position(parse.lineStarts, to) }, parent: null };
    nodes.set(key, node);
  }
  return node;
}

/** Whether a node was made for this parse (and not for another module's). */
export function isNodeOf(parse: PythonParse, node: object): boolean {
  const candidate = node as PythonNode;
  if (!Array.isArray(candidate.range)) return false;
  return nodesByParse.get(parse)?.get(`${candidate.range[0]}:${candidate.range[1]}:${candidate.type}`) === candidate;
}
