/**
 * `audit --merge report-*.json`: JSON reports of separate runs read back and joined into the report
 * one run over all their repositories would have printed. Every field is checked; a report of
 * another version or config, or one that repeats a repository, is refused with its file named.
 */
import { version } from '../../version.js';
import { readSource } from './read-source.js';
import { REPORT_FORMAT_VERSION, summarise, type AuditFinding, type AuditParseError, type AuditReport, type RepositoryReport } from './report.js';
import { UsageError } from './usage-error.js';

/**
 * What `--merge` reads, refused past it rather than read: one report is read as one string, which
 * JavaScript holds up to about 512 MiB, and all of them stand in memory together until the merged
 * report is written (in pieces: json-pieces.ts).
 */
export interface MergeLimits {
  /** Bytes of one report. */
  readonly maxReportBytes: number;
  /** Bytes of all the reports together. */
  readonly maxTotalBytes: number;
}
export const MERGE_LIMITS: MergeLimits = { maxReportBytes: 500 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024 };

type Json = Record<string, unknown>;

class ShapeError extends Error {}

function field<T>(object: Json, key: string, where: string, check: (value: unknown) => value is T, expected: string): T {
  const value = object[key];
  if (!check(value)) throw new ShapeError(`${where}.${key}: expected ${expected}`);
  return value;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isArray = (value: unknown): value is unknown[] => Array.isArray(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isSeverity = (value: unknown): value is AuditFinding['severity'] => value === 'error' || value === 'warning';

function optionalCount(object: Json, key: string, where: string): number | undefined {
  return object[key] === undefined ? undefined : field(object, key, where, isCount, 'a non-negative integer');
}

function readFinding(value: unknown, where: string): AuditFinding {
  if (!isObject(value)) throw new ShapeError(`${where}: expected an object`);
  const endLine = optionalCount(value, 'endLine', where);
  const endColumn = optionalCount(value, 'endColumn', where);
  return {
    ruleId: field(value, 'ruleId', where, isString, 'a string'),
    file: field(value, 'file', where, isString, 'a string'),
    line: field(value, 'line', where, isCount, 'a non-negative integer'),
    column: field(value, 'column', where, isCount, 'a non-negative integer'),
    ...(endLine !== undefined ? { endLine } : {}),
    ...(endColumn !== undefined ? { endColumn } : {}),
    severity: field(value, 'severity', where, isSeverity, '"error" or "warning"'),
    message: field(value, 'message', where, isString, 'a string'),
    fixable: field(value, 'fixable', where, isBoolean, 'a boolean'),
  };
}

function readParseError(value: unknown, where: string): AuditParseError {
  if (!isObject(value)) throw new ShapeError(`${where}: expected an object`);
  return {
    file: field(value, 'file', where, isString, 'a string'),
    line: field(value, 'line', where, isCount, 'a non-negative integer'),
    column: field(value, 'column', where, isCount, 'a non-negative integer'),
  };
}

function readRepository(value: unknown, where: string): RepositoryReport {
  if (!isObject(value)) throw new ShapeError(`${where}: expected an object`);
  const repositoryPath = field(value, 'path', where, isString, 'a string');
  const filesScanned = field(value, 'filesScanned', where, isCount, 'a non-negative integer');
  const sites = field(value, 'sites', where, isCount, 'a non-negative integer');
  const attributed = field(value, 'attributed', where, isCount, 'a non-negative integer');
  const findings = field(value, 'findings', where, isArray, 'an array');
  const parseErrors = value.parseErrors === undefined ? undefined : field(value, 'parseErrors', where, isArray, 'an array');
  const filesSkipped = optionalCount(value, 'filesSkipped', where);
  const filesFixed = optionalCount(value, 'filesFixed', where);
  return {
    path: repositoryPath,
    filesScanned,
    sites,
    attributed,
    findings: findings.map((finding, index) => readFinding(finding, `${where}.findings[${index}]`)),
    ...(filesSkipped !== undefined ? { filesSkipped } : {}),
    ...(filesFixed !== undefined ? { filesFixed } : {}),
    ...(parseErrors ? { parseErrors: parseErrors.map((error, index) => readParseError(error, `${where}.parseErrors[${index}]`)) } : {}),
  };
}

function readReport(file: string, limits: MergeLimits, readSoFar: number): { config: string; repositories: RepositoryReport[]; bytes: number } {
  const read = readSource(file, limits.maxReportBytes, null);
  if ('skipped' in read) {
    const why = read.skipped === 'too-large' ? `is over ${limits.maxReportBytes} bytes, more than one merge reads` : read.skipped === 'not-a-regular-file' ? 'is not a regular file' : 'cannot be read (does it exist?)';
    throw new UsageError(`--merge: ${file} ${why}`);
  }
  const bytes = Buffer.byteLength(read.text);
  if (readSoFar + bytes > limits.maxTotalBytes) {
    throw new UsageError(`--merge: the reports up to ${file} hold over ${limits.maxTotalBytes} bytes, more than one merge reads; merge them in groups`);
  }
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch {
    throw new UsageError(`--merge: ${file} is not valid JSON (write it with --format json)`);
  }
  try {
    if (!isObject(json)) throw new ShapeError('report: expected an object');
    if (json.version !== REPORT_FORMAT_VERSION) {
      throw new ShapeError(`report.version: expected ${REPORT_FORMAT_VERSION}, got ${JSON.stringify(json.version)?.slice(0, 20) ?? 'nothing'}`);
    }
    const config = field(json, 'config', 'report', isString, 'a string');
    const repositories = field(json, 'repositories', 'report', isArray, 'an array');
    return { config, repositories: repositories.map((repository, index) => readRepository(repository, `report.repositories[${index}]`)), bytes };
  } catch (error) {
    if (error instanceof ShapeError) throw new UsageError(`--merge: ${file}: ${error.message}`);
    throw error;
  }
}

export function mergeReports(files: readonly string[], limits: MergeLimits = MERGE_LIMITS): AuditReport {
  let config: { name: string; file: string } | null = null;
  const byPath = new Map<string, { repository: RepositoryReport; file: string }>();
  let bytes = 0;
  for (const file of files) {
    const report = readReport(file, limits, bytes);
    bytes += report.bytes;
    if (config && config.name !== report.config) {
      throw new UsageError(`--merge: ${file} was written with --config ${report.config}, ${config.file} with --config ${config.name}; merge reports of one config`);
    }
    config ??= { name: report.config, file };
    for (const repository of report.repositories) {
      const earlier = byPath.get(repository.path);
      if (earlier) throw new UsageError(`--merge: ${repository.path} is in both ${earlier.file} and ${file}`);
      byPath.set(repository.path, { repository, file });
    }
  }
  const repositories = [...byPath.values()].map(({ repository }) => repository).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    version: REPORT_FORMAT_VERSION,
    tool: { name: 'eslint-plugin-openrouter', version },
    config: config?.name ?? 'recommended',
    repositories,
    summary: summarise(repositories),
  };
}
