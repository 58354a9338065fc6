/**
 * The analysis of a Python file, in the shape every rule reads (FileAnalysis): its sites come from the
 * Python front-end, and everything after (what a value means, how it is reported) is the one analysis's.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { fileAnalysis, projectConfigOf, type FileAnalysis } from '../sites/find-sites.js';
import type { OpenRouterSite } from '../sites/site.js';
import { ResolutionBudget } from '../values/budget.js';
import { findPythonSites } from './find-python-sites.js';
import type { PythonSourceCodeLike } from './python-source.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

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
