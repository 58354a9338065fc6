/**
 * The audit's report: what `--format json` prints (versioned), what `--merge` reads back, and what
 * the text and SARIF formats are written from. One model, so every output says the same thing.
 */

/** Bumped on any incompatible change to the JSON shape; `--merge` refuses other versions. */
export const REPORT_FORMAT_VERSION = 1;

export interface AuditFinding {
  /** `openrouter/<rule>`. */
  readonly ruleId: string;
  /** Relative to the repository's `path`, with `/` separators. */
  readonly file: string;
  /** 1-based, as ESLint reports them. */
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Whether `--fix` would change the code for this finding. */
  readonly fixable: boolean;
}

/** A file that could not be parsed: its OpenRouter calls were not checked. No message, which may quote the source. */
export interface AuditParseError {
  /** Relative to the repository's `path`, with `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface RepositoryReport {
  /** The audited path as given on the command line, made absolute. */
  readonly path: string;
  readonly filesScanned: number;
  /** OpenRouter sites found (client constructions and requests). */
  readonly sites: number;
  /** Sites that send a referer (attributed). */
  readonly attributed: number;
  readonly findings: readonly AuditFinding[];
  /** Files not read: over the size bound, or not a regular file by the time they were opened. */
  readonly filesSkipped?: number;
  /** Files `--fix` wrote. */
  readonly filesFixed?: number;
  readonly parseErrors?: readonly AuditParseError[];
}

export interface AuditSummary {
  readonly repositories: number;
  readonly filesScanned: number;
  readonly sites: number;
  readonly attributed: number;
  readonly findings: number;
  /** Repositories with at least one finding. */
  readonly repositoriesWithFindings: number;
  readonly filesSkipped?: number;
  readonly filesFixed?: number;
  readonly parseErrors?: number;
}

export interface AuditReport {
  readonly version: typeof REPORT_FORMAT_VERSION;
  /** The package version that wrote the report. */
  readonly tool: { readonly name: 'eslint-plugin-openrouter'; readonly version: string };
  /** `recommended` or `strict`. */
  readonly config: string;
  readonly repositories: readonly RepositoryReport[];
  readonly summary: AuditSummary;
}

/** The summary of a set of repositories: the same sums for one run and for merged runs. */
export function summarise(repositories: readonly RepositoryReport[]): AuditSummary {
  let filesScanned = 0;
  let sites = 0;
  let attributed = 0;
  let findings = 0;
  let repositoriesWithFindings = 0;
  let filesSkipped = 0;
  let filesFixed = 0;
  let parseErrors = 0;
  for (const repository of repositories) {
    filesSkipped += repository.filesSkipped ?? 0;
    filesFixed += repository.filesFixed ?? 0;
    parseErrors += repository.parseErrors?.length ?? 0;
    filesScanned += repository.filesScanned;
    sites += repository.sites;
    attributed += repository.attributed;
    findings += repository.findings.length;
    if (repository.findings.length > 0) repositoriesWithFindings++;
  }
  return { repositories: repositories.length, filesScanned, sites, attributed, findings, repositoriesWithFindings, filesSkipped, filesFixed, parseErrors };
}
