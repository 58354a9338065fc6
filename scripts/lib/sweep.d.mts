import type { ESLint } from 'eslint';
import type { SourceFile } from './corpus-files.mjs';

export type { SourceFile };

export interface SweepProblem {
  filename: string;
  variant: string;
  error?: string;
  stack?: string;
  output?: string;
}

export interface SweepReport {
  files: number;
  byLanguage: Record<string, number>;
  runs: number;
  inputNotParsed: SweepProblem[];
  exceptions: SweepProblem[];
  /** Plugin findings in the original files, by `ruleId:messageId`. */
  findings: Record<string, number>;
  filesWithFindings: number;
  fixableFindings: number;
  filesFixed: number;
  /** Suggestions applied one at a time to the original text. */
  suggestionsApplied: number;
  unparsableFixes: SweepProblem[];
  unparsableSuggestions: SweepProblem[];
  unconvergedFixes: SweepProblem[];
}

export declare const GENERATED_DIRECTORY: string;
export declare function nodeModulesFiles(root: string, options?: { sample?: number; maxBytes?: number }): SourceFile[];
export declare function fixtureFiles(root: string): SourceFile[];
export declare function generatedFiles(root: string, options?: { count?: number; seed?: number }): SourceFile[];
export declare function sweep(
  files: readonly SourceFile[],
  options: { plugin: ESLint.Plugin & { configs: Record<string, unknown> }; cwd?: string; onProgress?: (done: number, total: number) => void },
): SweepReport;
export declare function formatSweepReport(report: SweepReport): string;
