/**
 * Oxlint's and ESLint's reports in one comparable shape: rule id, message, severity and the
 * reported range as UTF-16 offsets into the file (ESLint counts UTF-16 columns, Oxlint's JSON
 * output counts UTF-8 bytes).
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import type { OxlintDiagnostic } from './consumer-project.js';

export interface Report {
  /** `openrouter/require-referer` */
  ruleId: string;
  message: string;
  severity: 'error' | 'warning';
  start: number;
  end: number;
}

/** Reports by file path relative to the project, `/`-separated, each list sorted by position. */
export type ReportsByFile = Record<string, Report[]>;

const byPosition = (a: Report, b: Report): number => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);

function toRelative(root: string, file: string): string {
  return (path.isAbsolute(file) ? path.relative(root, file) : file).split(path.sep).join('/');
}

/** The UTF-16 index of a UTF-8 byte offset. */
function utf16Index(text: string, byteOffset: number): number {
  return Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8').length;
}

/** Offsets where each line starts, for ESLint's 1-based line and column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n|\u2028|\u2029/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** Oxlint's diagnostics of the plugin's rules; `readFile` gives a file's text by its relative path. */
export function oxlintReports(root: string, diagnostics: readonly OxlintDiagnostic[], readFile: (file: string) => string): ReportsByFile {
  const reports: ReportsByFile = {};
  for (const diagnostic of diagnostics) {
    const rule = /^openrouter\((.+)\)$/.exec(diagnostic.code);
    if (!rule) continue;
    const file = toRelative(root, diagnostic.filename);
    const text = readFile(file);
    const span = diagnostic.labels[0]!.span;
    (reports[file] ??= []).push({
      ruleId: `openrouter/${rule[1]}`,
      message: diagnostic.message,
      severity: diagnostic.severity,
      start: utf16Index(text, span.offset),
      end: utf16Index(text, span.offset + span.length),
    });
  }
  for (const list of Object.values(reports)) list.sort(byPosition);
  return reports;
}

/** ESLint's messages, fatal ones included (a parse error must not pass as "no findings"). */
export function eslintReports(root: string, results: readonly ESLint.LintResult[]): ReportsByFile {
  const reports: ReportsByFile = {};
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const starts = lineStarts(result.source ?? result.output ?? '');
    const offset = (line: number, column: number): number => starts[line - 1]! + column - 1;
    reports[toRelative(root, result.filePath)] = result.messages
      .map((message) => {
        const start = offset(message.line, message.column);
        return {
          ruleId: message.ruleId ?? `fatal: ${message.message}`,
          message: message.message,
          severity: message.severity === 2 ? ('error' as const) : ('warning' as const),
          start,
          end: message.endLine === undefined ? start : offset(message.endLine, message.endColumn!),
        };
      })
      .sort(byPosition);
  }
  return reports;
}

/** A config block: the rules and settings for some files of the project. */
export interface RuleBlock {
  files?: string[];
  rules: Record<string, 'error' | 'warn'>;
  settings?: Record<string, unknown>;
}

/**
 * An ESLint instance configured as a user of ESLint would be for the same project: the
 * typescript-eslint parser for TypeScript, espree for the rest, and the same rules and settings.
 */
export function createESLint(root: string, plugin: ESLint.Plugin, blocks: readonly RuleBlock[], fix = false): ESLint {
  const overrideConfig: Linter.Config[] = [
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser as Linter.Parser } },
    ...blocks.map((block) => ({
      ...(block.files ? { files: block.files } : {}),
      plugins: { openrouter: plugin },
      rules: block.rules,
      settings: block.settings ?? {},
    })),
  ];
  return new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig, fix });
}

/** Config problems start with these words, whichever rule reports them. */
const CONFIG_PROBLEM = /^Invalid OpenRouter attribution config: /;

/**
 * The reports split in two: findings in the code, by file, and config problems without their file.
 * Which file carries a config problem depends on the order files are linted in (Oxlint lints in
 * parallel), so only what is reported, and how often, is compared for them.
 */
export function splitConfigProblems(reports: ReportsByFile): { findings: ReportsByFile; configProblems: string[] } {
  const findings: ReportsByFile = {};
  const configProblems: string[] = [];
  for (const [file, list] of Object.entries(reports)) {
    const inCode = list.filter((report) => !CONFIG_PROBLEM.test(report.message));
    for (const report of list) {
      if (CONFIG_PROBLEM.test(report.message)) configProblems.push(`${report.ruleId} ${report.severity} ${report.start}-${report.end}: ${report.message}`);
    }
    if (inCode.length > 0) findings[file] = inCode;
  }
  return { findings, configProblems: configProblems.sort() };
}
