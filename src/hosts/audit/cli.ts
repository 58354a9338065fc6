/**
 * `eslint-plugin-openrouter audit [options] <path...>`: the plugin's rules over whole folders and
 * repositories, with no ESLint config of theirs. Exit status as ESLint's: 0 when no error is found
 * (warnings alone pass, up to `--max-warnings`), 1 otherwise, 2 for a usage or configuration problem
 * (the message names it).
 */
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { version } from '../../version.js';
import { auditTargets } from './audit-targets.js';
import { formatGithub, formatJobSummary } from './format-github.js';
import { sarifDocument } from './format-sarif.js';
import { textPieces } from './format-text.js';
import { inertJson, inertLine } from '../../analysis/index.js';
import { jsonPieces, writePieces } from './json-pieces.js';
import type { AuditConfigName } from './lint-file.js';
import { formatSitesJson, formatSitesText, SiteCollector } from './list-sites.js';
import { mergeReports } from './merge-reports.js';
import { createPathFilter, GlobError } from './path-filter.js';
import { createProgress } from './progress.js';
import type { AuditReport } from './report.js';
import { defaultJobs, runAudit } from './run-audit.js';
import { countSeverities, errorsOnly, exitStatus, type SeverityCounts } from './severity.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: eslint-plugin-openrouter audit [options] <path...>
       eslint-plugin-openrouter audit --merge [--format <format>] <report.json...>
       eslint-plugin-openrouter audit --list-sites [--format text|json] <path...>
       eslint-plugin-openrouter init --referer <url> --title <name> [--categories <a,b>]

Audits every JavaScript and TypeScript file, and the scripts of every Vue, Svelte and Astro
component, below each path (a repository or folder; files may be named directly, and a named file
of another type is skipped with a note) with the plugin's rules. Nothing of the audited code is
executed: no ESLint config, plugin, parser or script of theirs is loaded. "init" writes the app's identity into package.json
(see "eslint-plugin-openrouter init --help").

Options:
  --config <name>         recommended (default) or strict
  --format <format>       text (default), json, sarif or github (workflow annotations, and a
                          Markdown job summary written to $GITHUB_STEP_SUMMARY when it is set)
  --quiet                 report errors only (and fix only errors)
  --max-warnings <n>      exit 1 when there are more than n warnings
  --fix                   apply the safe fixes in place, then report what remains
  --list-sites            list every OpenRouter site (file:line:column, client, attributed or not,
                          the identity it sends) instead of the findings; text or json
  --include <glob>        audit only files matching the glob (repeatable); as in .gitignore, a glob
                          without a slash matches at any depth and a trailing slash means a folder
  --exclude <glob>        skip files and folders matching the glob (repeatable; same syntax)
  --max-file-size <bytes> skip larger files (default 1048576)
  --jobs <n>              worker threads at most (default: one per core but one; 1 lints
                          in-process)
  --merge                 read JSON reports of separate runs and print them as one
  -h, --help              print this help
  -v, --version           print the version

Exit status: 0 no errors (warnings alone pass, unless over --max-warnings; --list-sites always),
1 errors or too many warnings, 2 usage or configuration error.
Docs: https://github.com/eslint-plugin-openrouter/eslint-plugin-openrouter/blob/main/docs/audit.md
`;

const CONFIGS: readonly AuditConfigName[] = ['recommended', 'strict'];
const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];
const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

function positiveInteger(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag}: expected a positive whole number, got ${JSON.stringify(value.slice(0, 40))}`);
  }
  return Number(value);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag}: unknown value ${JSON.stringify(value.slice(0, 40))}; expected ${allowed.join(', ')}`);
  }
  return value as T;
}

function nonNegativeInteger(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag}: expected a whole number, 0 or more, got ${JSON.stringify(value.slice(0, 40))}`);
  }
  return Number(value);
}

/** The report's text in pieces, written as they come: a merged report may be larger than one string can hold. */
function* formatted(report: AuditReport, as: Format, counts: SeverityCounts): Generator<string> {
  if (as === 'text') return yield* textPieces(report);
  if (as === 'github') {
    // The job summary goes where the runner says, beside the annotations on stdout.
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) appendFileSync(summaryFile, formatJobSummary(report, counts));
    return yield formatGithub(report, counts, process.env.GITHUB_WORKSPACE || process.cwd());
  }
  yield* jsonPieces(as === 'json' ? report : sarifDocument(report));
  yield '\n';
}

/** The exit status; the report goes to stdout, errors and progress to stderr. */
export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        format: { type: 'string' },
        fix: { type: 'boolean' },
        include: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        'max-file-size': { type: 'string' },
        jobs: { type: 'string' },
        merge: { type: 'boolean' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'list-sites': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'audit') {
    const commands = 'the command is "audit" (or "init", which writes the app\'s identity into package.json)';
    throw new UsageError(command === undefined ? `no command given; ${commands}` : `unknown command ${JSON.stringify(command.slice(0, 40))}; ${commands}`);
  }
  const as = oneOf(values.format ?? 'text', FORMATS, '--format');
  const maxWarnings = values['max-warnings'] !== undefined ? nonNegativeInteger(values['max-warnings'], '--max-warnings') : undefined;
  const listSites = values['list-sites'] ?? false;
  if (listSites) {
    if (as !== 'text' && as !== 'json') throw new UsageError(`--list-sites prints text or json; --format ${as} is for findings`);
    const notApplying = (['merge', 'fix', 'quiet', 'max-warnings'] as const).find((name) => values[name] !== undefined);
    if (notApplying) throw new UsageError(`--list-sites lists the sites of a run; --${notApplying} does not apply to it`);
  }
  if (paths.length === 0) throw new UsageError(values.merge ? '--merge: no report files given' : 'no path given; name the repositories or folders to audit');
  let report: AuditReport;
  if (values.merge) {
    const notApplying = (['config', 'fix', 'include', 'exclude', 'max-file-size', 'jobs'] as const).filter((name) => values[name] !== undefined);
    if (notApplying.length > 0) throw new UsageError(`--merge reads finished reports; --${notApplying[0]} does not apply to it`);
    report = mergeReports(paths.map((file) => file));
  } else {
    const config = oneOf(values.config ?? 'recommended', CONFIGS, '--config');
    let filter;
    try {
      filter = createPathFilter(values.include ?? [], values.exclude ?? []);
    } catch (error) {
      if (error instanceof GlobError) throw new UsageError(error.message);
      throw error;
    }
    const progress = createProgress(process.stderr);
    const collector = listSites ? new SiteCollector() : null;
    // Notes echo paths from argv: shown inert, as the reports are.
    const targets = auditTargets(paths, cwd, (note) => process.stderr.write(`eslint-plugin-openrouter: ${inertLine(note)}\n`));
    try {
      report = await runAudit(targets, {
        config,
        // As ESLint's --fix --quiet, only the errors' fixes are applied.
        fix: values.fix ? (values.quiet ? 'errors' : 'all') : false,
        maxFileSize: values['max-file-size'] !== undefined ? positiveInteger(values['max-file-size'], '--max-file-size') : DEFAULT_MAX_FILE_SIZE,
        jobs: values.jobs !== undefined ? positiveInteger(values.jobs, '--jobs') : defaultJobs(),
        filter,
        onProgress: (done, found, walked) => progress.update(done, found, walked),
        ...(collector ? { onSites: collector.add } : {}),
        onNote: (text) => {
          progress.clear();
          process.stderr.write(`eslint-plugin-openrouter: note: ${inertLine(text)}\n`);
        },
      });
    } finally {
      progress.clear();
    }
    // Files named one by one (a commit hook's) may all lie outside the include; a folder with none inside is a mistake.
    if (filter.includeMatchedNothing && targets.some((target) => target.files === null)) {
      throw new UsageError(`--include ${(values.include ?? []).map((glob) => JSON.stringify(glob.slice(0, 100))).join(', ')} matched no file to audit`);
    }
    if (collector) {
      const inventory = collector.inventory(report);
      process.stdout.write(as === 'json' ? formatSitesJson(inventory) : formatSitesText(inventory));
      return 0;
    }
  }
  // As ESLint: the exit status counts every finding, what is printed leaves warnings out with --quiet.
  const counts = countSeverities(report);
  const shown = values.quiet ? errorsOnly(report) : report;
  // Text and workflow-command lines are made inert one by one; JSON and SARIF pieces as they are written.
  await writePieces(formatted(shown, as, values.quiet ? { errors: counts.errors, warnings: 0 } : counts), process.stdout, as === 'json' || as === 'sarif' ? inertJson : undefined);
  const { status, note } = exitStatus(counts, maxWarnings);
  if (note !== null) process.stderr.write(`${note}\n`);
  return status;
}

/** Runs the CLI: a usage problem is one line on stderr and exit status 2, never a stack trace. */
export function run(): void {
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      const message = error instanceof UsageError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
      // Messages echo paths and values from argv and from reports: shown inert, as the reports are.
      process.stderr.write(`eslint-plugin-openrouter: ${inertLine(message)}\nRun "eslint-plugin-openrouter --help" for usage.\n`);
      process.exitCode = 2;
    },
  );
}
