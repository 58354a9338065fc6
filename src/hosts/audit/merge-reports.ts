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

/** A report's shape is wrong at `place` (`.findings[3].line`), spelled out only once something is wrong. */
class ShapeError extends Error {
  constructor(readonly place: string, readonly expected: string) {
    super(`${place}: expected ${expected}`);
  }
}

function field<T>(object: Json, key: string, check: (value: unknown) => value is T, expected: string): T {
  const value = object[key];
  if (!check(value)) throw new ShapeError(`.${key}`, expected);
  return value;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isArray = (value: unknown): value is unknown[] => Array.isArray(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isSeverity = (value: unknown): value is AuditFinding['severity'] => value === 'error' || value === 'warning';

function optionalCount(object: Json, key: string): number | undefined {
  return object[key] === undefined ? undefined : field(object, key, isCount, 'a non-negative integer');
}

function objectAt(value: unknown): Json {
  if (!isObject(value)) throw new ShapeError('', 'an object');
  return value;
}

/** Each element read by `read`; a wrong one is named by its index within `key`. */
function readEach<T>(values: readonly unknown[], key: string, readOne: (value: unknown) => T): T[] {
  const elements: T[] = new Array(values.length);
  for (let index = 0; index < values.length; index++) {
    try {
      elements[index] = readOne(values[index]);
    } catch (error) {
      if (error instanceof ShapeError) throw new ShapeError(`.${key}[${index}]${error.place}`, error.expected);
      throw error;
    }
  }
  return elements;
}

function readFinding(value: unknown): AuditFinding {
  const object = objectAt(value);
  const endLine = optionalCount(object, 'endLine');
  const endColumn = optionalCount(object, 'endColumn');
  return {
    ruleId: field(object, 'ruleId', isString, 'a string'),
    file: field(object, 'file', isString, 'a string'),
    line: field(object, 'line', isCount, 'a non-negative integer'),
    column: field(object, 'column', isCount, 'a non-negative integer'),
    ...(endLine !== undefined ? { endLine } : {}),
    ...(endColumn !== undefined ? { endColumn } : {}),
    severity: field(object, 'severity', isSeverity, '"error" or "warning"'),
    message: field(object, 'message', isString, 'a string'),
    fixable: field(object, 'fixable', isBoolean, 'a boolean'),
  };
}

function readParseError(value: unknown): AuditParseError {
  const object = objectAt(value);
  return {
    file: field(object, 'file', isString, 'a string'),
    line: field(object, 'line', isCount, 'a non-negative integer'),
    column: field(object, 'column', isCount, 'a non-negative integer'),
  };
}

function readRepository(value: unknown): RepositoryReport {
  const object = objectAt(value);
  const repositoryPath = field(object, 'path', isString, 'a string');
  const filesScanned = field(object, 'filesScanned', isCount, 'a non-negative integer');
  const sites = field(object, 'sites', isCount, 'a non-negative integer');
  const attributed = field(object, 'attributed', isCount, 'a non-negative integer');
  const findings = field(object, 'findings', isArray, 'an array');
  const parseErrors = object.parseErrors === undefined ? undefined : field(object, 'parseErrors', isArray, 'an array');
  const filesSkipped = optionalCount(object, 'filesSkipped');
  const filesFixed = optionalCount(object, 'filesFixed');
  return {
    path: repositoryPath,
    filesScanned,
    sites,
    attributed,
    findings: readEach(findings, 'findings', readFinding),
    ...(filesSkipped !== undefined ? { filesSkipped } : {}),
    ...(filesFixed !== undefined ? { filesFixed } : {}),
    ...(parseErrors ? { parseErrors: readEach(parseErrors, 'parseErrors', readParseError) } : {}),
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
    const report = objectAt(json);
    if (report.version !== REPORT_FORMAT_VERSION) {
      throw new ShapeError('.version', `${REPORT_FORMAT_VERSION}, got ${JSON.stringify(report.version)?.slice(0, 20) ?? 'nothing'}`);
    }
    const config = field(report, 'config', isString, 'a string');
    const repositories = field(report, 'repositories', isArray, 'an array');
    return { config, repositories: readEach(repositories, 'repositories', readRepository), bytes };
  } catch (error) {
    if (error instanceof ShapeError) throw new UsageError(`--merge: ${file}: report${error.place}: expected ${error.expected}`);
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
