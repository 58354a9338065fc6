/** The analysis of whatever file a rule runs on: JavaScript and TypeScript, or Python through its own front-end. */
import type { TSESLint } from '@typescript-eslint/utils';
import { analyseFile, type FileAnalysis } from '../sites/find-sites.js';
import { analysePythonFile } from '../python/front-end.js';
import { isPythonSource } from '../python/python-source.js';

export function analyseSource(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileAnalysis {
  return isPythonSource(context.sourceCode) ? analysePythonFile(context) : analyseFile(context);
}
