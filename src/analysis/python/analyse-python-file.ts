/**
 * The analysis of a Python file, in the shape every rule reads (FileAnalysis): its sites come from the
 * Python front-end, and everything after (what a value means, how it is reported) is the one analysis's.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { fileAnalysis, projectConfigOf, type FileAnalysis } from '../sites/find-sites.js';
import type { OpenRouterSite } from '../sites/site.js';
import { ResolutionBudget } from '../values/budget.js';
import { findPythonSites } from './find-python-sites.js';
import type { PythonParse } from './parse.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What the Python language's SourceCode carries: the parse, or null for a file the text test skipped. */
export interface PythonSourceCodeLike {
  readonly python: PythonParse | null;
}

/** Whether a rule runs on a Python file (the plugin's Python language made its SourceCode). */
export function isPythonSource(sourceCode: unknown): sourceCode is PythonSourceCodeLike {
  return typeof sourceCode === 'object' && sourceCode !== null && 'python' in sourceCode;
}

const analyses = new WeakMap<object, FileAnalysis>();

/** Every OpenRouter site of a Python file, computed once per file whichever rule asks first. */
export function analysePythonFile(context: Context): FileAnalysis {
  const sourceCode = context.sourceCode as unknown as PythonSourceCodeLike & { readonly text: string };
  const cached = analyses.get(sourceCode);
  if (cached) return cached;
  let sites: OpenRouterSite[] = [];
  let failure: unknown = null;
  try {
    if (sourceCode.python) sites = findPythonSites(sourceCode.python, context.physicalFilename || context.filename);
  } catch (error) {
    failure = error;
  }
  const analysis = fileAnalysis(sites, failure, projectConfigOf(context), () => ResolutionBudget.forText(sourceCode.text.length, null));
  analyses.set(sourceCode, analysis);
  return analysis;
}
