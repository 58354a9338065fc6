/**
 * What keeps the plugin from working as configured in a project (ESLint or the parser missing,
 * options it drops), shown in the editor and not only in the tsserver log: a diagnostic on the first
 * line of the first file checked once the problem is known. That file keeps the notice on every later
 * check, so it does not flicker from file to file; once it is closed, the next file checked takes it.
 * A problem that is gone (the options were corrected) is no longer shown anywhere.
 */
import type * as ts from 'typescript';
import { DIAGNOSTIC_SOURCE } from './diagnostics.js';
import type { TypeScript } from './typescript-module.js';

/** The code of a notice about the plugin's setup, apart from the rules' codes. It has no fix. */
export const SETUP_NOTICE_CODE = 940900;
const PREFIX = 'eslint-plugin-openrouter/ts-plugin: ';

export class SetupNotices {
  /** The file that shows each problem. */
  private readonly holders = new Map<string, string>();

  constructor(
    /** Whether the editor still has a file open (a notice in a closed file is seen by nobody). */
    private readonly isOpen: (fileName: string) => boolean,
  ) {}

  /** The problems among `problems` that `fileName` shows: those it holds, and those no open file holds. */
  claim(fileName: string, problems: readonly string[]): string[] {
    for (const problem of this.holders.keys()) if (!problems.includes(problem)) this.holders.delete(problem);
    return problems.filter((problem) => {
      const holder = this.holders.get(problem);
      if (holder !== undefined && holder !== fileName && this.isOpen(holder)) return false;
      this.holders.set(problem, fileName);
      return true;
    });
  }
}

export function noticeDiagnostics(typescript: TypeScript, sourceFile: ts.SourceFile, problems: readonly string[]): ts.Diagnostic[] {
  // The first line, from its first character: a zero-length span is hidden by some editors.
  const lineEnd = sourceFile.text.search(/[\r\n]/);
  const length = Math.max(0, Math.min(lineEnd < 0 ? sourceFile.text.length : lineEnd, 200));
  return problems.map((problem) => ({
    file: sourceFile,
    start: 0,
    length,
    messageText: PREFIX + problem,
    category: typescript.DiagnosticCategory.Warning,
    code: SETUP_NOTICE_CODE,
    source: DIAGNOSTIC_SOURCE,
  }));
}
