/** A Python file's syntax tree: @lezer/python is synchronous (ESLint's `Language.parse` must be) and error-tolerant. */
import type { Tree } from '@lezer/common';
import { parser } from '@lezer/python';

export interface PythonParse {
  readonly text: string;
  readonly tree: Tree;
  /** The offset each line starts at, for ESTree-style locations. */
  readonly lineStarts: readonly number[];
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

export function parsePython(text: string): PythonParse {
  return { text, tree: parser.parse(text), lineStarts: lineStartsOf(text) };
}

/** How many places of the text the parser had to recover from: an edit that adds one breaks the file. */
export function syntaxErrorCount(text: string): number {
  let errors = 0;
  parser.parse(text).iterate({
    enter: (node) => {
      if (node.type.isError) errors++;
    },
  });
  return errors;
}
