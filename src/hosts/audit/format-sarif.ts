/**
 * `--format sarif`: the report as SARIF 2.1.0, for GitHub code scanning and SARIF viewers.
 *
 * One run per repository. Each run's file URIs are relative to its repository under the base id
 * `%SRCROOT%`, which is what code scanning resolves against the checkout, and `originalUriBaseIds`
 * gives the repository's absolute `file://` URI for viewers (only for an absolute path: a relative one,
 * from a merged report, is never resolved here, so the URIs stay relative to `%SRCROOT%`). A single repository's run carries no
 * `automationDetails`, so the upload's `category` applies; with several, each run is named by
 * `automationDetails.id`, because code scanning rejects an upload holding two runs of the same tool
 * and category. No source text is written (no snippets): only the rules' messages, which mask keys.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Linter } from 'eslint';
import type { Artifact, Log, Notification, Region, Result, Run } from 'sarif';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import plugin from '../../index.js';
import { REPOSITORY_URL } from '../../rule-docs-url.js';
import { rules } from '../../rules/index.js';
import { jsonPieces, StreamedArray } from './json-pieces.js';
import type { AuditFinding, AuditParseError, AuditReport, RepositoryReport } from './report.js';
import { ruleHelp } from './rule-help.js';

const SCHEMA_URL = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';
const RULE_PREFIX = 'openrouter/';

type RuleName = keyof typeof rules;

export function formatSarif(report: AuditReport): string {
  return [...jsonPieces(sarifDocument(report))].join('');
}

/**
 * The SARIF log of a report, each run's results made as they are written (json-pieces.ts): a merged
 * report's millions of findings never stand as SARIF objects all at once.
 */
export function sarifDocument(report: AuditReport): Log {
  const builder = new SarifBuilder({ $schema: SCHEMA_URL });
  const names = runNames(report.repositories);
  if (report.repositories.length === 0) builder.addRun(createRun(report, null, null));
  report.repositories.forEach((repository, index) => {
    builder.addRun(createRun(report, repository, report.repositories.length > 1 ? names[index]! : null));
  });
  const log = builder.buildSarifOutput();
  report.repositories.forEach((repository, index) => {
    const run = log.runs[index]!;
    (run as { results: unknown }).results = new StreamedArray(() => resultsOf(run, repository.findings));
  });
  return log;
}

/** A run's results, with the rule and artifact indexes the builder would give them. */
function* resultsOf(run: Run, findings: readonly AuditFinding[]): Generator<Result> {
  const ruleIndexes = new Map((run.tool.driver.rules ?? []).map((rule, index) => [rule.id, index]));
  const artifactIndexes = new Map((run.artifacts ?? []).map((artifact, index) => [artifact.location?.uri, index]));
  const uris = fileUris(findings);
  for (const finding of findings) {
    const { result } = createResult(finding, uris.get(finding.file)!);
    const ruleIndex = result.ruleId === undefined ? undefined : ruleIndexes.get(result.ruleId);
    if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
    for (const location of result.locations ?? []) {
      const artifact = location.physicalLocation?.artifactLocation;
      const artifactIndex = artifact?.uri === undefined ? undefined : artifactIndexes.get(artifact.uri);
      if (artifact && artifactIndex !== undefined) artifact.index = artifactIndex;
    }
    yield result;
  }
}

function createRun(report: AuditReport, repository: RepositoryReport | null, name: string | null): SarifRunBuilder {
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: report.tool.name,
    toolDriverVersion: report.tool.version,
    url: REPOSITORY_URL,
  });
  const ruleIds = ruleIdsOf(report.config, repository?.findings ?? []);
  for (const ruleId of ruleIds) run.addRule(createRule(ruleId, report.config));
  if (repository === null) return run;

  if (isFullPath(repository.path)) run.run.originalUriBaseIds = { [SOURCE_ROOT]: { uri: directoryUri(repository.path) } };
  if (name !== null) run.run.automationDetails = { id: `${report.tool.name}/${name}/` };
  // Listed here with their base id; the builder would otherwise list them without it. The results are made as they are written (`sarifDocument`).
  const artifacts = new Map<string, Artifact>();
  const uris = fileUris(repository.findings);
  for (const uri of uris.values()) {
    if (!artifacts.has(uri)) artifacts.set(uri, { location: { uri, uriBaseId: SOURCE_ROOT }, sourceLanguage: sourceLanguageOf(uri) });
  }
  run.run.artifacts = [...artifacts.values()];
  const parseErrors = repository.parseErrors ?? [];
  if (parseErrors.length > 0) run.run.invocations = [{ executionSuccessful: true, toolExecutionNotifications: parseErrors.map(notParsed) }];
  return run;
}

/** A file the audit could not parse: a notification on the run, since no rule found anything there. */
function notParsed(error: AuditParseError): Notification {
  const region = regionOf(error);
  return {
    level: 'warning',
    message: { text: 'This file could not be parsed, so its OpenRouter calls were not checked.' },
    locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(error.file), uriBaseId: SOURCE_ROOT }, ...(region !== null ? { region } : {}) } }],
  };
}

/** The config's rules, then any other rule a finding names (a merged report's). */
function ruleIdsOf(config: string, findings: readonly AuditFinding[]): string[] {
  const ids = Object.keys(configRules(config)).filter((ruleId) => defaultLevel(ruleId, config) !== null);
  const known = new Set(ids);
  for (const finding of findings) {
    if (!known.has(finding.ruleId)) {
      known.add(finding.ruleId);
      ids.push(finding.ruleId);
    }
  }
  return ids;
}

function createRule(ruleId: string, config: string): SarifRuleBuilder {
  const name = ruleId.startsWith(RULE_PREFIX) ? ruleId.slice(RULE_PREFIX.length) : '';
  const docs = isRuleName(name) ? rules[name].meta.docs : undefined;
  const builder = new SarifRuleBuilder().initSimple({ ruleId, shortDescriptionText: docs?.description ?? ruleId, helpUri: docs?.url });
  // Code scanning shows `fullDescription` and `help` on each alert: the rule's own doc.
  const help = isRuleName(name) ? ruleHelp(name) : null;
  if (help !== null) {
    builder.rule.fullDescription = { text: help.fullDescription };
    builder.rule.help = { text: help.text, markdown: help.markdown };
  }
  const level = defaultLevel(ruleId, config);
  if (level !== null) builder.rule.defaultConfiguration = { level };
  return builder;
}

function configRules(config: string): Partial<Linter.RulesRecord> {
  return (config === 'strict' || config === 'recommended' ? plugin.configs[config].rules : undefined) ?? {};
}

/** The level the audited config (the plugin's own, as the audit ran it) gives a rule, or null when off. */
function defaultLevel(ruleId: string, config: string): 'error' | 'warning' | null {
  const entry = configRules(config)[ruleId];
  const severity = Array.isArray(entry) ? entry[0] : entry;
  if (severity === 'error' || severity === 2) return 'error';
  return severity === 'warn' || severity === 1 ? 'warning' : null;
}

function isRuleName(name: string): name is RuleName {
  return Object.hasOwn(rules, name);
}

function createResult(finding: AuditFinding, uri: string): SarifResultBuilder {
  const result = new SarifResultBuilder().initSimple({
    level: finding.severity satisfies Result.level,
    messageText: finding.message,
    ruleId: finding.ruleId,
  });
  result.setLocationArtifactUri({ uri, uriBaseId: SOURCE_ROOT });
  const region = regionOf(finding);
  if (region !== null) result.setLocationRegion(region);
  return result;
}

/** ESLint's positions are 1-based with an exclusive end column, as SARIF's are. */
function regionOf(finding: Pick<AuditFinding, 'line' | 'column' | 'endLine' | 'endColumn'>): Region | null {
  if (!isPosition(finding.line)) return null;
  const region: Region = { startLine: finding.line };
  if (isPosition(finding.column)) region.startColumn = finding.column;
  if (isPosition(finding.endLine) && finding.endLine >= finding.line) {
    region.endLine = finding.endLine;
    if (isPosition(finding.endColumn)) region.endColumn = finding.endColumn;
  }
  return region;
}

function isPosition(value: number | undefined): value is number {
  return Number.isSafeInteger(value) && value! >= 1;
}

/** SARIF's language names for the files the audit reads; JSX is part of each. */
function sourceLanguageOf(uri: string): string {
  return /\.[cm]?tsx?$/i.test(uri) ? 'typescript' : 'javascript';
}

/** Each file the findings name, by its URI: a run's findings name few files, each many times. */
function fileUris(findings: readonly AuditFinding[]): Map<string, string> {
  const uris = new Map<string, string>();
  for (const { file } of findings) if (!uris.has(file)) uris.set(file, relativeUri(file));
  return uris;
}

/** A repository-relative path as a URI reference: `/`-separated, each segment percent-encoded. */
function relativeUri(file: string): string {
  return file.split(/[\\/]/).filter((segment) => segment !== '' && segment !== '.').map(encodeURIComponent).join('/');
}

/** An absolute path, POSIX or Windows (a drive or a share): anything else would resolve against this process's folder. */
function isFullPath(directory: string): boolean {
  return path.posix.isAbsolute(directory) || /^(?:[a-z]:[\\/]|[\\/]{2}[^\\/])/i.test(directory);
}

/** The repository's absolute `file://` URI; SARIF requires a base URI to end with `/`. */
function directoryUri(directory: string): string {
  const href = path.win32.isAbsolute(directory) && !path.posix.isAbsolute(directory)
    ? `file:///${directory.replace(/\\/g, '/').split('/').map((segment, index) => (index === 0 ? segment : encodeURIComponent(segment))).join('/')}`
    : pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Each repository's name in `automationDetails.id`: its folder's name, numbered when two share one. */
function runNames(repositories: readonly RepositoryReport[]): string[] {
  const used = new Set<string>();
  return repositories.map((repository) => {
    const base = path.posix.basename(repository.path.replace(/\\/g, '/').replace(/\/+$/, '')) || 'repository';
    let name = base;
    for (let count = 2; used.has(name); count++) name = `${base}-${count}`;
    used.add(name);
    return name;
  });
}
