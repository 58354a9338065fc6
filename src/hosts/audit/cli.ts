/**
 * `eslint-plugin-openrouter audit [options] <path...>`: the plugin's rules over whole folders and
 * repositories, with no ESLint config of theirs. Exit status 0 when clean, 1 with findings, 2 for a
 * usage or configuration problem (the message names it).
 */
import { parseArgs } from 'node:util';
import { version } from '../../version.js';
import { auditTargets } from './audit-targets.js';
import { sarifDocument } from './format-sarif.js';
import { textPieces } from './format-text.js';
import { inertJson, inertLine } from './inert-text.js';
import { jsonPieces, writePieces } from './json-pieces.js';
import type { AuditConfigName } from './lint-file.js';
import { mergeReports } from './merge-reports.js';
import { createPathFilter, GlobError } from './path-filter.js';
import { createProgress } from './progress.js';
import type { AuditReport } from './report.js';
import { defaultJobs, runAudit } from './run-audit.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: eslint-plugin-openrouter audit [options] <path...>
       eslint-plugin-openrouter audit --merge [--format <format>] <report.json...>

Audits every JavaScript and TypeScript file below each path (a repository or folder; files may be
named directly) with the plugin's rules. Nothing of the audited code is executed: no ESLint config,
plugin, parser or script of theirs is loaded.

Options:
  --config <name>         recommended (default) or strict
  --format <format>       text (default), json or sarif
  --fix                   apply the safe fixes in place, then report what remains
  --include <glob>        audit only files matching the glob (relative to the path; repeatable)
  --exclude <glob>        skip files and folders matching the glob (repeatable)
  --max-file-size <bytes> skip larger files (default 1048576)
  --jobs <n>              worker threads at most (default: one per core)
  --merge                 read JSON reports of separate runs and print them as one
  -h, --help              print this help
  -v, --version           print the version

Exit status: 0 no findings, 1 findings, 2 usage or configuration error.
Docs: https://github.com/eslint-plugin-openrouter/eslint-plugin-openrouter/blob/main/docs/audit.md
`;

const CONFIGS: readonly AuditConfigName[] = ['recommended', 'strict'];
const FORMATS = ['text', 'json', 'sarif'] as const;
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

/** The report's text in pieces, written as they come: a merged report may be larger than one string can hold. */
function* formatted(report: AuditReport, as: Format): Generator<string> {
  if (as === 'text') return yield* textPieces(report);
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
    throw new UsageError(command === undefined ? 'no command given; the command is "audit"' : `unknown command ${JSON.stringify(command.slice(0, 40))}; the command is "audit"`);
  }
  const as = oneOf(values.format ?? 'text', FORMATS, '--format');
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
    try {
      report = await runAudit(auditTargets(paths, cwd), {
        config,
        fix: values.fix ?? false,
        maxFileSize: values['max-file-size'] !== undefined ? positiveInteger(values['max-file-size'], '--max-file-size') : DEFAULT_MAX_FILE_SIZE,
        jobs: values.jobs !== undefined ? positiveInteger(values.jobs, '--jobs') : defaultJobs(),
        filter,
        onProgress: (done, found) => progress.update(done, found),
        onNote: (text) => {
          progress.clear();
          process.stderr.write(`eslint-plugin-openrouter: note: ${inertLine(text)}\n`);
        },
      });
    } finally {
      progress.clear();
    }
  }
  // Text lines are made inert one by one; JSON and SARIF pieces as they are written.
  await writePieces(formatted(report, as), process.stdout, as === 'text' ? undefined : inertJson);
  return report.summary.findings > 0 ? 1 : 0;
}

/** Runs the CLI: a usage problem is one line on stderr and exit status 2, never a stack trace. */
export function run(): void {
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      const message = error instanceof UsageError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
      process.stderr.write(`eslint-plugin-openrouter: ${message}\nRun "eslint-plugin-openrouter --help" for usage.\n`);
      process.exitCode = 2;
    },
  );
}
