/**
 * `--format github`: one GitHub Actions workflow command per finding (`::error file=…,line=…::message`),
 * which the runner turns into annotations on the pull request's files, and a Markdown job summary.
 *
 * Everything written comes from audited repositories or merged reports, so it is shown inert (control
 * characters escaped) and then escaped as GitHub's workflow commands require: `%`, CR and LF in the
 * message, and `:` and `,` too in properties, so no text can end a command or start another.
 */
import path from 'node:path';
import { ruleDocsUrl } from '../../rule-docs-url.js';
import { rules } from '../../rules/index.js';
import { inertLine } from '../../analysis/index.js';
import type { AuditParseError, AuditReport, RepositoryReport } from './report.js';
import type { SeverityCounts } from './severity.js';

const RULE_PREFIX = 'openrouter/';
/** Rows of the summary's findings table at most: GitHub takes 1 MiB of summary per step. */
const MAX_SUMMARY_ROWS = 1000;
const NOT_PARSED = 'This file could not be parsed, so its OpenRouter calls were not checked.';

/** A workflow command's message: GitHub's escapes for `%`, CR and LF, then every other control shown inert. */
export function escapeData(text: string): string {
  return inertLine(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A workflow command's property value: the message's escapes, and `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A file as GitHub places annotations: relative to the workspace (the repository's checkout). A file
 * outside it (a report merged from other runs) keeps its path relative to its own repository.
 */
function annotationPath(repository: RepositoryReport, file: string, workspace: string): string {
  const relative = path.relative(workspace, path.resolve(repository.path, file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}

interface Annotation {
  readonly command: 'error' | 'warning';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number | undefined;
  readonly endColumn?: number | undefined;
  readonly title: string;
  readonly message: string;
}

function command(annotation: Annotation): string {
  const properties: [string, string | number | undefined][] = [
    ['file', annotation.file],
    ['line', annotation.line],
    ['col', annotation.column],
    ['endLine', annotation.endLine],
    ['endColumn', annotation.endColumn],
    ['title', annotation.title],
  ];
  const written = properties.flatMap(([name, value]) => (value === undefined || value === '' || (typeof value === 'number' && !(value >= 1)) ? [] : [`${name}=${escapeProperty(String(value))}`]));
  return `::${annotation.command} ${written.join(',')}::${escapeData(annotation.message)}`;
}

function annotationsOf(repository: RepositoryReport, workspace: string): Annotation[] {
  const annotations: Annotation[] = repository.findings.map((finding) => ({
    command: finding.severity,
    file: annotationPath(repository, finding.file, workspace),
    line: finding.line,
    column: finding.column,
    // GitHub takes columns only on a one-line range.
    ...(finding.endLine === finding.line ? { endLine: finding.endLine, endColumn: finding.endColumn } : { endLine: finding.endLine }),
    title: finding.ruleId,
    message: finding.message,
  }));
  const parseErrors: readonly AuditParseError[] = repository.parseErrors ?? [];
  for (const error of parseErrors) {
    annotations.push({ command: 'warning', file: annotationPath(repository, error.file, workspace), line: error.line, column: error.column, title: 'not parsed', message: NOT_PARSED });
  }
  return annotations;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The workflow commands, then one plain line with the counts (shown as is in the job's log). */
export function formatGithub(report: AuditReport, counts: SeverityCounts, workspace: string): string {
  const lines = report.repositories.flatMap((repository) => annotationsOf(repository, workspace).map(command));
  const { summary } = report;
  lines.push(
    inertLine(`OpenRouter attribution audit (${report.config}): ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(summary.sites, 'OpenRouter site')} (${summary.attributed} attributed) in ${plural(summary.filesScanned, 'file')} scanned`),
  );
  return `${lines.join('\n')}\n`;
}

/** Text for a Markdown table cell or line: inert, and with every character Markdown or HTML acts on written as an entity. */
function markdownText(text: string): string {
  return inertLine(text).replace(/[\\`*_[\]<>|~!&:#]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A rule's id, linked to its docs when it is one of this plugin's rules (a merged report may name others). */
function ruleCell(ruleId: string): string {
  const name = ruleId.startsWith(RULE_PREFIX) ? ruleId.slice(RULE_PREFIX.length) : '';
  return Object.hasOwn(rules, name) ? `[${markdownText(ruleId)}](${ruleDocsUrl(name)})` : markdownText(ruleId);
}

/** The job summary: counts per repository, then every finding (up to a bound) with its place and rule. */
export function formatJobSummary(report: AuditReport, counts: SeverityCounts): string {
  const { summary } = report;
  const lines = [
    '## OpenRouter attribution audit',
    '',
    `**${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}** in ${plural(summary.repositoriesWithFindings, 'repository', 'repositories')} of ${summary.repositories} · ${plural(summary.filesScanned, 'file')} scanned · ${plural(summary.sites, 'OpenRouter site')}, ${summary.attributed} attributed · config \`${markdownText(report.config)}\``,
    '',
    '| Repository | Files scanned | Sites | Attributed | Errors | Warnings | Not parsed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const repository of report.repositories) {
    const errors = repository.findings.filter((finding) => finding.severity === 'error').length;
    const cells = [markdownText(repository.path), repository.filesScanned, repository.sites, repository.attributed, errors, repository.findings.length - errors, repository.parseErrors?.length ?? 0];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const findings = report.repositories.flatMap((repository) => repository.findings.map((finding) => ({ repository, finding })));
  if (findings.length > 0) {
    lines.push('', '| Severity | File | Rule | Message |', '| --- | --- | --- | --- |');
    for (const { repository, finding } of findings.slice(0, MAX_SUMMARY_ROWS)) {
      const place = `${report.repositories.length > 1 ? `${path.basename(repository.path)}/` : ''}${finding.file}:${finding.line}:${finding.column}`;
      lines.push(`| ${finding.severity} | ${markdownText(place)} | ${ruleCell(finding.ruleId)} | ${markdownText(finding.message)} |`);
    }
    if (findings.length > MAX_SUMMARY_ROWS) lines.push('', `… and ${findings.length - MAX_SUMMARY_ROWS} more findings: see the JSON or SARIF report.`);
  }
  return `${lines.join('\n')}\n`;
}
