/**
 * The doors into the Python front-end that JavaScript code passes through. Its modules (the value reader,
 * the scopes, the client table, the fix planner: a fifth of the plugin's code) are loaded on the first
 * Python file, so a process that lints only JavaScript (an `eslint` run, an editor's tsserver) never
 * compiles them. `tests/lazy-loading.test.ts` checks that the entry points leave them unloaded.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { FileAnalysis } from '../sites/find-sites.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface PythonFrontEnd {
  readonly analyse: typeof import('./analyse-python-file.js');
  readonly pretest: typeof import('./pretest.js');
  readonly fixPlan: typeof import('./fix-plan.js');
}

let frontEnd: PythonFrontEnd | undefined;

function loaded(): PythonFrontEnd {
  return (frontEnd ??= {
    analyse: require('./analyse-python-file.js') as PythonFrontEnd['analyse'],
    pretest: require('./pretest.js') as PythonFrontEnd['pretest'],
    fixPlan: require('./fix-plan.js') as PythonFrontEnd['fixPlan'],
  });
}

/**
 * The modules, given by whoever runs the sources as ES modules (the tests: there `require` finds no
 * `.ts` file, and a second copy of a module would keep caches of its own).
 */
export function providePythonFrontEnd(modules: PythonFrontEnd): void {
  frontEnd = modules;
}

/** Every OpenRouter site of a Python file, computed once per file whichever rule asks first. */
export function analysePythonFile(context: Context): FileAnalysis {
  return loaded().analyse.analysePythonFile(context);
}

/** Whether a Python file's text (or a project module it imports) may hold a site: see pretest.ts. */
export function mayHoldPythonSite(text: string, file: string | null = null): boolean {
  return loaded().pretest.mayHoldPythonSite(text, file);
}

/** A Python site's fix: see fix-plan.ts. */
export function planPythonInsertion(...args: Parameters<PythonFrontEnd['fixPlan']['planPythonInsertion']>) {
  return loaded().fixPlan.planPythonInsertion(...args);
}
