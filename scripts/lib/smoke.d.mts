import type { ESLint } from 'eslint';
import type { SourceFile } from './corpus-files.mjs';

export interface SmokeReport {
  files: number;
  runs: number;
  sites: number;
  /** Plugin reports by rule. */
  reports: Record<string, number>;
  notParsed: { filename: string; variant: string; error: string }[];
  crashes: { filename: string; variant: string; error: string }[];
  attributedReports: { filename: string; variant: string; line: number; message: string }[];
  siteMismatches: { filename: string; variant: string; expected: number; found: number }[];
}

export declare const REAL_SHAPES_DIRECTORY: string;
export declare const MAX_FILE_BYTES: number;
export declare function openRouterModuleFiles(nodeModules: string, options?: { maxBytes?: number }): SourceFile[];
export declare function readmeExamples(nodeModules: string, options?: { maxBytes?: number }): SourceFile[];
export declare function realShapeFiles(root: string): SourceFile[];
export declare function smoke(
  files: readonly SourceFile[],
  options: { plugin: ESLint.Plugin & { configs: Record<string, unknown> }; sitePlugin: { meta: { name: string } }; cwd?: string; attributed?: boolean },
): SmokeReport;
export declare function smokeFailed(report: SmokeReport): boolean;
export declare function formatSmokeReport(report: SmokeReport, root?: string): string;
