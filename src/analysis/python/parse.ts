/** Python source parsed with @lezer/python: synchronous, error-tolerant, with an explicit stack. */
import { parser } from '@lezer/python';
import type { Tree } from '@lezer/common';

export interface PythonParse {
  readonly text: string;
  readonly tree: Tree;
  readonly lineStarts: readonly number[];
}

export function parsePython(text: string): PythonParse {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  return { text, tree: parser.parse(text), lineStarts };
}
