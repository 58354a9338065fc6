/**
 * An audit run: walks each target, reads and pre-filters files on this thread, lints the
 * candidates in-process or in workers, and keeps only counts and findings per repository.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { setLookupCeilings } from '../../analysis/index.js';
import { version } from '../../version.js';
import { readCandidate, type Candidate, type ScannedFile } from './audit-file.js';
import { componentKindOf, needsTypeScriptParser } from './component-scripts.js';
import { discoverFiles } from './discover-files.js';
import { isTypeScriptFile, type AuditConfigName, type FileSite, type FixScope } from './lint-file.js';
import { typeScriptParserProblem } from './lint-packages.js';
import type { WorkerSetup } from './lint-worker.js';
import type { PathFilter } from './path-filter.js';
import { REPORT_FORMAT_VERSION, summarise, type AuditFinding, type AuditParseError, type AuditReport, type RepositoryReport } from './report.js';
import { UsageError } from './usage-error.js';
import { InProcessLinter, WorkerPool, type CandidateLinter } from './worker-pool.js';

export interface AuditTarget {
  /** The path the report names (absolute). */
  readonly path: string;
  /** The repository root: ESLint's cwd, where identity lookups stop, what `--fix` stays inside. */
  readonly root: string;
  /** Files named on the command line, or null to walk `root`. */
  readonly files: readonly string[] | null;
}

export interface AuditOptions {
  readonly config: AuditConfigName;
  readonly fix: FixScope;
  readonly maxFileSize: number;
  /** Worker threads at most; 1 lints in-process. */
  readonly jobs: number;
  readonly filter: PathFilter;
  /** `walked` once every file is found: only then is `found` the total. */
  readonly onProgress?: (done: number, found: number, walked: boolean) => void;
  /** Each file's sites (file relative to the target's root, `/`-separated), for `--list-sites`. */
  readonly onSites?: (target: AuditTarget, file: string, sites: readonly FileSite[]) => void;
  /** Something the run could not honour in full (an ignore file past its bounds), told as it goes on. */
  readonly onNote?: (text: string) => void;
}

/** Below this many candidates a run lints in-process: starting workers would cost more than they save. */
const WORKER_THRESHOLD = 128;

/**
 * One worker per core but the one the walking thread keeps busy (it reads and pre-filters every
 * file): measured with `npm run bench:audit -- --jobs-only --rounds 5` on 2 cores (8 repositories,
 * 4,000 files, 5% with OpenRouter code), `--jobs 1` took 5.28 s and `--jobs 2` 5.52 s (medians);
 * with 25% of files linted, 11.83 s and 11.07 s. So 2 cores lint in-process, 4 cores use 3 workers.
 */
export function defaultJobs(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

class RepositoryTally {
  filesScanned = 0;
  filesSkipped = 0;
  filesFixed = 0;
  sites = 0;
  attributed = 0;
  readonly findings: AuditFinding[] = [];
  readonly parseErrors: AuditParseError[] = [];
  constructor(
    readonly target: AuditTarget,
    private readonly onSites: AuditOptions['onSites'],
  ) {}

  relative(file: string): string {
    return path.relative(this.target.root, file).split(path.sep).join('/');
  }

  add(file: string, scanned: ScannedFile): void {
    const relative = this.relative(file);
    this.sites += scanned.sites.length;
    this.attributed += scanned.sites.filter((site) => site.attributed === true).length;
    if (scanned.sites.length > 0) this.onSites?.(this.target, relative, scanned.sites);
    if (scanned.fixed) this.filesFixed++;
    if (scanned.parseError) this.parseErrors.push({ file: relative, ...scanned.parseError });
    for (const { ruleId, ...finding } of scanned.findings) this.findings.push({ ruleId, file: relative, ...finding });
  }

  report(): RepositoryReport {
    return {
      path: this.target.path,
      filesScanned: this.filesScanned,
      sites: this.sites,
      attributed: this.attributed,
      findings: oncePerConfigProblem(this.findings.sort(byPlace)),
      filesSkipped: this.filesSkipped,
      filesFixed: this.filesFixed,
      parseErrors: this.parseErrors.sort(byPlace),
    };
  }
}

function byPlace(a: AuditFinding | AuditParseError, b: AuditFinding | AuditParseError): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if ('ruleId' in a && 'ruleId' in b) {
    if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
    if (a.message !== b.message) return a.message < b.message ? -1 : 1;
  }
  return 0;
}

/**
 * `valid-config` reports each config problem once per run, in the first file that meets it; each
 * worker is a run of its own, so the sorted-first report of each problem is the one kept.
 */
function oncePerConfigProblem(findings: readonly AuditFinding[]): AuditFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (finding.ruleId !== 'openrouter/valid-config') return true;
    return seen.size !== seen.add(finding.message).size;
  });
}

async function* filesOf(target: AuditTarget, filter: PathFilter, note?: (text: string) => void): AsyncGenerator<string> {
  if (target.files === null) yield* discoverFiles(target.root, filter, note);
  else for (const file of target.files) if (filter.includesFile(path.relative(target.root, file).split(path.sep).join('/'))) yield file;
}

export async function runAudit(targets: readonly AuditTarget[], options: AuditOptions): Promise<AuditReport> {
  const setup: WorkerSetup = {
    config: options.config,
    ceilings: [...new Set(targets.map((target) => target.root))],
    options: { fix: options.fix, maxFileSize: options.maxFileSize },
  };
  // On this thread too: the pre-filter reads each file's package.json for the project's own clients.
  setLookupCeilings(setup.ceilings);
  const parserProblem = typeScriptParserProblem();
  const tallies = targets.map((target) => new RepositoryTally(target, options.onSites));
  let linter: CandidateLinter | null = null;
  let buffered: { candidate: Candidate; tally: RepositoryTally }[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let found = 0;
  let done = 0;
  let walked = false;
  const progress = (): void => options.onProgress?.(done, found, walked);
  const submit = (candidate: Candidate, tally: RepositoryTally): void => {
    const linting = linter!
      .lint(candidate)
      .then(
        (scanned) => tally.add(candidate.file, scanned),
        (error: unknown) => {
          failure ??= error;
        },
      )
      .finally(() => {
        inFlight.delete(linting);
        done++;
        progress();
      });
    inFlight.add(linting);
  };
  try {
    for (const tally of tallies) {
      for await (const file of filesOf(tally.target, options.filter, options.onNote)) {
        found++;
        if (parserProblem !== null && isTypeScriptFile(file)) throw new UsageError(`${tally.relative(file)} in ${tally.target.path} is TypeScript: ${parserProblem}`);
        const read = readCandidate({ root: tally.target.root, file }, options.maxFileSize);
        // A component is parsed only when it may hold a site: only then may its scripts' language stop the run.
        const component = read.kind === 'candidate' ? componentKindOf(file) : null;
        if (parserProblem !== null && component !== null && read.kind === 'candidate' && needsTypeScriptParser(component, read.candidate.text)) {
          throw new UsageError(`${tally.relative(file)} in ${tally.target.path} has TypeScript scripts: ${parserProblem}`);
        }
        if (read.kind === 'skipped') tally.filesSkipped++;
        else tally.filesScanned++;
        if (read.kind !== 'candidate') {
          done++;
          progress();
          continue;
        }
        if (linter === null) {
          buffered.push({ candidate: read.candidate, tally });
          if (options.jobs <= 1 || buffered.length >= WORKER_THRESHOLD) {
            linter = options.jobs <= 1 ? new InProcessLinter(setup) : new WorkerPool(setup, options.jobs);
            for (const item of buffered) submit(item.candidate, item.tally);
            buffered = [];
          }
        } else submit(read.candidate, tally);
        while (linter !== null && inFlight.size >= linter.capacity && failure === null) await Promise.race(inFlight);
        if (failure !== null) throw failure;
      }
    }
    walked = true;
    progress();
    if (linter === null && buffered.length > 0) {
      linter = new InProcessLinter(setup);
      for (const item of buffered) submit(item.candidate, item.tally);
      buffered = [];
    }
    await Promise.all(inFlight);
    if (failure !== null) throw failure;
  } finally {
    await linter?.close();
  }
  const repositories = tallies.map((tally) => tally.report()).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    version: REPORT_FORMAT_VERSION,
    tool: { name: 'eslint-plugin-openrouter', version },
    config: options.config,
    repositories,
    summary: summarise(repositories),
  };
}
