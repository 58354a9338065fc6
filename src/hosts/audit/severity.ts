/**
 * ESLint's severity semantics for the audit's exit status: errors fail the run, warnings alone do not,
 * unless there are more than `--max-warnings`; `--quiet` reports errors only. Counted before `--quiet`
 * filters the report, as ESLint counts them.
 */
import { summarise, type AuditReport } from './report.js';

export interface SeverityCounts {
  readonly errors: number;
  readonly warnings: number;
}

export function countSeverities(report: AuditReport): SeverityCounts {
  let errors = 0;
  let warnings = 0;
  for (const repository of report.repositories) {
    for (const finding of repository.findings) {
      if (finding.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

/** `--quiet`: the report with its warnings left out, its summary counted again. */
export function errorsOnly(report: AuditReport): AuditReport {
  const repositories = report.repositories.map((repository) => ({ ...repository, findings: repository.findings.filter((finding) => finding.severity === 'error') }));
  return { ...report, repositories, summary: summarise(repositories) };
}

/** The exit status, and the note ESLint prints (to stderr) when warnings alone fail the run. */
export function exitStatus(counts: SeverityCounts, maxWarnings: number | undefined): { status: 0 | 1; note: string | null } {
  if (counts.errors > 0) return { status: 1, note: null };
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
    return { status: 1, note: `eslint-plugin-openrouter found too many warnings (maximum: ${maxWarnings}).` };
  }
  return { status: 0, note: null };
}
