/**
 * One file of an audit, in two steps. `readCandidate` (on the thread that walks) reads the text
 * and drops, at the cost of one regex test, the files that cannot hold an OpenRouter site;
 * `lintCandidate` (in a worker or in-process alike) lints the rest and, with `--fix`, writes the
 * fixed text back where that is safe.
 */
import { importsMayGiveOpenRouter, mayHoldOpenRouterSite, mayHoldPythonSite, projectClientTable } from '../../analysis/index.js';
import { writeFixedFile } from './apply-fixes.js';
import { isPythonFile, type FileFinding, type FileLinter, type FileSite, type FixScope } from './lint-file.js';
import { readSource } from './read-source.js';

export interface FileTask {
  /** The repository root (absolute). */
  readonly root: string;
  /** The file (absolute, below `root`). */
  readonly file: string;
}

/** A file that may hold a site, with the text read from disk (what `--fix` checks the disk against). */
export interface Candidate extends FileTask {
  readonly text: string;
}

export interface LintOptions {
  readonly fix: FixScope;
  readonly maxFileSize: number;
}

export interface ScannedFile {
  readonly sites: readonly FileSite[];
  readonly findings: readonly FileFinding[];
  readonly parseError: { readonly line: number; readonly column: number } | null;
  readonly fixed: boolean;
}

export type ReadOutcome =
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'no-site' }
  | { readonly kind: 'candidate'; readonly candidate: Candidate };

export function readCandidate(task: FileTask, maxFileSize: number): ReadOutcome {
  const read = readSource(task.file, maxFileSize, task.root);
  if ('skipped' in read) return { kind: 'skipped', reason: read.skipped };
  // Without type information the rules find nothing in a file that fails this test (see prefilter.ts); a
  // Python file takes the Python language's own test, as ESLint's Python language does.
  const mayHoldSite = isPythonFile(task.file)
    ? mayHoldPythonSite(read.text, task.file)
    : mayHoldOpenRouterSite(read.text, false) || mayHoldOpenRouterSite(read.text, false, projectClientTable(undefined, task.file)) || importsMayGiveOpenRouter(read.text, task.file);
  if (!mayHoldSite) return { kind: 'no-site' };
  return { kind: 'candidate', candidate: { ...task, text: read.text } };
}

/** A file ESLint threw on (rather than reporting a parse error): counted as not parsed, and the run goes on. */
const UNLINTABLE: ScannedFile = { sites: [], findings: [], parseError: { line: 1, column: 1 }, fixed: false };

export async function lintCandidate(linter: FileLinter, candidate: Candidate, options: LintOptions): Promise<ScannedFile> {
  try {
    await linter.prepare(candidate.file);
    return lintAndFix(linter, candidate, options);
  } catch {
    return UNLINTABLE;
  }
}

function lintAndFix(linter: FileLinter, { root, file, text }: Candidate, options: LintOptions): ScannedFile {
  // Only findings and counts leave this function: no text or AST is kept beyond the file being linted.
  const { output, ...linted } = linter.lint(text, file, root, options.fix);
  if (options.fix && output !== text) {
    if (writeFixedFile(root, file, text, output, options.maxFileSize) === 'written') return { ...linted, fixed: true };
    // Not written: what remains is what the file on disk holds.
    const { output: _unchanged, ...onDisk } = linter.lint(text, file, root, false);
    return { ...onDisk, fixed: false };
  }
  return { ...linted, fixed: false };
}
