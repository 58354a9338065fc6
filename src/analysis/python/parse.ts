/** A Python file's syntax tree: @lezer/python is synchronous (ESLint's `Language.parse` must be) and error-tolerant. */
import type { Tree } from '@lezer/common';

/** What is read of @lezer/python's parser. */
interface PythonParser {
  parse(text: string, fragments?: undefined, ranges?: readonly { from: number; to: number }[]): Tree;
}

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

let loaded: PythonParser | undefined;

/**
 * @lezer/python, loaded when a Python file is first parsed: hosts that never meet one (the tsserver plugin,
 * JavaScript-only projects) never load it.
 */
export function pythonParser(): PythonParser {
  return (loaded ??= (require('@lezer/python') as { parser: PythonParser }).parser);
}

/** The text's tree; given `ranges`, of those parts of it only (the rest is not read), at their offsets. */
export function parsePython(text: string, ranges?: readonly { from: number; to: number }[]): PythonParse {
  return { text, tree: pythonParser().parse(text, undefined, ranges), lineStarts: lineStartsOf(text) };
}

/** How many places of the text the parser had to recover from: an edit that adds one breaks the file. */
export function syntaxErrorCount(text: string): number {
  let errors = 0;
  pythonParser().parse(text).iterate({
    enter: (node) => {
      if (node.type.isError) errors++;
    },
  });
  return errors;
}
