/**
 * `--format text`: per repository a header with its counts, then its findings grouped by rule as
 * `file:line:column  message`, then one summary line for all of them. Messages are the rules' own
 * (an API key is masked there); no source text is printed.
 */
import { inertLine } from '../../analysis/index.js';
import type { AuditFinding, AuditReport, RepositoryReport } from './report.js';

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function repositoryHeader(repository: RepositoryReport): string {
  const counts = [
    `${plural(repository.filesScanned, 'file')} scanned`,
    plural(repository.sites, 'OpenRouter site'),
    `${repository.attributed} attributed`,
  ];
  if (repository.filesSkipped) counts.push(`${repository.filesSkipped} skipped`);
  if (repository.filesFixed) counts.push(`${repository.filesFixed} fixed`);
  counts.push(plural(repository.findings.length, 'finding'));
  return `${repository.path}: ${counts.join(', ')}`;
}

function repositoryLines(repository: RepositoryReport): string[] {
  const lines = [repositoryHeader(repository)];
  const byRule = new Map<string, AuditFinding[]>();
  for (const finding of repository.findings) {
    const list = byRule.get(finding.ruleId);
    if (list) list.push(finding);
    else byRule.set(finding.ruleId, [finding]);
  }
  for (const ruleId of [...byRule.keys()].sort()) {
    const findings = byRule.get(ruleId)!;
    lines.push(`  ${ruleId} (${findings.length})`);
    for (const finding of findings) {
      const fixable = finding.fixable ? '  [fixable]' : '';
      lines.push(`    ${finding.file}:${finding.line}:${finding.column}  ${finding.severity}  ${finding.message}${fixable}`);
    }
  }
  const parseErrors = repository.parseErrors ?? [];
  if (parseErrors.length > 0) {
    lines.push(`  not parsed, so not checked (${parseErrors.length})`);
    for (const error of parseErrors) lines.push(`    ${error.file}:${error.line}:${error.column}`);
  }
  return lines;
}

export function formatText(report: AuditReport): string {
  return [...textPieces(report)].join('');
}

/** The text report in pieces of one line each (a merged report may hold millions), each shown inert. */
export function* textPieces(report: AuditReport): Generator<string> {
  const { summary } = report;
  // Every line carries text from the audited repositories (or merged reports): shown inert.
  for (const repository of report.repositories) for (const line of [...repositoryLines(repository), '']) yield `${inertLine(line)}\n`;
  const parts = [
    plural(summary.repositories, 'repository', 'repositories'),
    `${plural(summary.filesScanned, 'file')} scanned`,
    plural(summary.sites, 'OpenRouter site'),
    `${summary.attributed} attributed`,
    `${plural(summary.findings, 'finding')} in ${plural(summary.repositoriesWithFindings, 'repository', 'repositories')}`,
  ];
  if (summary.filesFixed) parts.push(`${plural(summary.filesFixed, 'file')} fixed`);
  if (summary.parseErrors) parts.push(`${plural(summary.parseErrors, 'file')} not parsed`);
  yield `${inertLine(`Summary (${report.config}): ${parts.join(', ')}`)}\n`;
}
