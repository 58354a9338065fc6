/** How the analysis tells a Python file's SourceCode from JavaScript's, without loading the Python front-end. */
import type { PythonParse } from './parse.js';

/** What the Python language's SourceCode carries: the parse, or null for a file the text test skipped. */
export interface PythonSourceCodeLike {
  readonly python: PythonParse | null;
}

/** Whether a rule runs on a Python file (the plugin's Python language made its SourceCode). */
export function isPythonSource(sourceCode: unknown): sourceCode is PythonSourceCodeLike {
  return typeof sourceCode === 'object' && sourceCode !== null && 'python' in sourceCode;
}
