/**
 * The files an audit reads below a folder: JavaScript and TypeScript files, found by an iterative
 * walk that never follows a symlink, skips dependency, VCS and build-output folders, and honours
 * every `.gitignore` (each relative to its own folder, negations included) and `.git/info/exclude`,
 * with the `ignore` package's matcher: the rules git applies, not a hand-written approximation. What
 * one ignore file may hold is bounded (ignore-file.ts); one that is not honoured in full is noted.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isSkippedFolder } from '../../analysis/index.js';
import { IgnoreFile, MAX_IGNORE_PATTERNS } from './ignore-file.js';
import { isAuditedFile } from './lint-file.js';
import type { PathFilter } from './path-filter.js';
import { readSource } from './read-source.js';

/** An ignore file larger than this is not read (a real one is a few KiB). */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

/** The patterns of one ignore file, applied to paths relative to its folder (`base`, from the root, `/`-separated). */
interface IgnoreLayer {
  readonly base: string;
  readonly matcher: IgnoreFile;
}

/** Told once per ignore file that is not honoured in full, naming it: the run goes on without what it could not read. */
export type DiscoveryNote = (text: string) => void;

interface PendingDirectory {
  readonly directory: string;
  /** From the root, `/`-separated; '' for the root. */
  readonly relative: string;
  /** Shallowest first: a deeper file's patterns take precedence. */
  readonly layers: readonly IgnoreLayer[];
}

/** An ignore file inside `root` (by real path: a `.git` linked to a folder outside is not honoured). */
function readIgnoreFile(file: string, base: string, root: string, note: DiscoveryNote): IgnoreLayer | null {
  const read = readSource(file, MAX_IGNORE_FILE_BYTES, root);
  if ('skipped' in read) {
    if (read.skipped === 'too-large') note(`${file} is over ${MAX_IGNORE_FILE_BYTES} bytes: none of its patterns are honoured`);
    return null;
  }
  const matcher = new IgnoreFile(read.text);
  if (matcher.dropped > 0) note(`${file} holds ${MAX_IGNORE_PATTERNS + matcher.dropped} patterns: only the first ${MAX_IGNORE_PATTERNS} are honoured`);
  return { base, matcher };
}

/** Whether git ignores `relative` (a directory ends in `/`): the deepest file with a matching pattern decides. */
function isIgnored(relative: string, layers: readonly IgnoreLayer[]): boolean {
  for (let index = layers.length - 1; index >= 0; index--) {
    const { base, matcher } = layers[index]!;
    const result = matcher.test(base === '' ? relative : relative.slice(base.length + 1));
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

/** Every audited file below `root` (absolute paths), each folder's entries in sorted order. */
export async function* discoverFiles(root: string, filter: PathFilter, note: DiscoveryNote = () => {}): AsyncGenerator<string> {
  const stack: PendingDirectory[] = [{ directory: root, relative: '', layers: [] }];
  while (stack.length > 0) {
    const { directory, relative, layers: inherited } = stack.pop()!;
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      continue; // unreadable or gone: nothing to audit there
    }
    const names = new Set(entries.map((entry) => entry.name));
    const layers = [...inherited];
    // A folder holding `.git` is a repository root: its exclude file ranks below its .gitignore files.
    if (names.has('.git')) {
      const exclude = readIgnoreFile(path.join(directory, '.git', 'info', 'exclude'), relative, root, note);
      if (exclude) layers.push(exclude);
    }
    if (names.has('.gitignore')) {
      const own = readIgnoreFile(path.join(directory, '.gitignore'), relative, root, note);
      if (own) layers.push(own);
    }
    const subdirectories: PendingDirectory[] = [];
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const entryRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
      // Dirent types come from the directory itself: a symlink is reported as one and never followed.
      if (entry.isDirectory()) {
        if (isSkippedFolder(entry.name, names.has('package.json')) || isIgnored(`${entryRelative}/`, layers) || filter.excludesDirectory(entryRelative)) continue;
        subdirectories.push({ directory: path.join(directory, entry.name), relative: entryRelative, layers });
      } else if (entry.isFile() && isAuditedFile(entry.name) && !isIgnored(entryRelative, layers) && filter.includesFile(entryRelative)) {
        yield path.join(directory, entry.name);
      }
    }
    // Reversed onto the stack, so folders are entered in sorted order.
    for (let index = subdirectories.length - 1; index >= 0; index--) stack.push(subdirectories[index]!);
  }
}
