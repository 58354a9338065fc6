/**
 * The command line's paths as audit targets. A folder is a target of its own; files named directly
 * (as pre-commit hooks and lint-staged pass them) are grouped by repository: the nearest folder
 * above holding `.git` (a folder reached through a symlink is passed: the repository is where the path
 * leads from, not a target it links to), else the current directory when they lie below it, else their
 * own folder. Each file is read only when its real path lies inside its root's (read-source.ts). A
 * named file of a type the audit does not read (a `.md` or `.png` a lint-staged glob passed) is
 * skipped with a note, as ESLint passes over a file no config matches.
 */
import { existsSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { AUDITED_EXTENSIONS_TEXT, isAuditedFile } from './lint-file.js';
import type { AuditTarget } from './run-audit.js';
import { UsageError } from './usage-error.js';

function isSymlink(directory: string): boolean {
  try {
    return lstatSync(directory).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Whether a folder is reached through a symlink: it, or a folder above it, is one (from the working
 * directory down, or from the file system's root for a folder elsewhere).
 */
function reachedThroughSymlink(directory: string, cwd: string): boolean {
  const relative = path.relative(cwd, directory);
  const top = relative.startsWith('..') || path.isAbsolute(relative) ? path.parse(directory).root : cwd;
  for (let current = directory; current !== top && path.dirname(current) !== current; current = path.dirname(current)) {
    if (isSymlink(current)) return true;
  }
  return false;
}

function repositoryOf(file: string, cwd: string): string {
  for (let directory = path.dirname(file); ; directory = path.dirname(directory)) {
    if (!reachedThroughSymlink(directory, cwd) && existsSync(path.join(directory, '.git'))) return directory;
    if (path.dirname(directory) === directory) break;
  }
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.dirname(file) : cwd;
}

/** The targets of `paths`; `onSkipped` hears of each named file of a type the audit does not read. */
export function auditTargets(paths: readonly string[], cwd: string, onSkipped: (note: string) => void = () => {}): AuditTarget[] {
  const folders = new Map<string, AuditTarget>();
  const filesByRoot = new Map<string, Set<string>>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat;
    try {
      // A path the user typed may be a symlink; below it, none is followed.
      stat = lstatSync(absolute).isSymbolicLink() ? statSync(absolute) : lstatSync(absolute);
    } catch {
      throw new UsageError(`path not found: ${given}`);
    }
    if (stat.isDirectory()) folders.set(absolute, { path: absolute, root: absolute, files: null });
    else if (stat.isFile()) {
      // A symlink to a file is listed but never read through: it is counted as skipped.
      if (!isAuditedFile(absolute)) {
        onSkipped(`skipped ${given}: not a file the audit reads (${AUDITED_EXTENSIONS_TEXT})`);
        continue;
      }
      const root = repositoryOf(absolute, cwd);
      let files = filesByRoot.get(root);
      if (!files) filesByRoot.set(root, (files = new Set()));
      files.add(absolute);
    } else throw new UsageError(`${given} is not a regular file or a folder`);
  }
  const targets = [...folders.values()];
  for (const [root, files] of filesByRoot) {
    // A folder given as well is walked whole.
    if (!folders.has(root)) targets.push({ path: root, root, files: [...files].sort() });
  }
  return targets;
}
