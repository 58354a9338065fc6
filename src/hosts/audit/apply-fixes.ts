/**
 * Writes a fixed file back, only where it is safe: the file is a regular file inside the audited root,
 * reached without following a symlink, and its content is what was linted. No path is trusted between
 * the check and the write: a repository that swaps a folder for a symlink meanwhile cannot redirect it.
 *
 * With `/proc` (Linux), each folder from the root down is opened without following a symlink, relative
 * to the descriptor of the one above (`/proc/self/fd/<fd>/<name>` resolves from the folder the
 * descriptor holds, as `openat` does); the file is read, its temporary file created and renamed over it,
 * all through the descriptor of its folder. A reader never sees half a file, and a symlink put in the
 * file's place is replaced, never written through.
 *
 * Elsewhere Node offers no such call, so the file itself is opened (O_NOFOLLOW), confirmed by inode to be
 * the file its real path names inside the root, and rewritten in place through that descriptor: nothing
 * can be redirected, at the cost that the write is not atomic (a crash midway leaves a partial file).
 */
import { closeSync, constants, fchmodSync, fstatSync, ftruncateSync, lstatSync, openSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DESCRIPTORS_FOLDER, isWithin, realPathOfDescriptor, realPathOrNull } from '../../analysis/index.js';
import { READ_FLAGS, readDescriptor } from './read-source.js';

export type WriteOutcome = 'written' | 'outside-root' | 'not-a-regular-file' | 'changed-on-disk' | 'write-failed';

const FOLDER_FLAGS = constants.O_RDONLY | (constants.O_DIRECTORY ?? 0) | (constants.O_NOFOLLOW ?? 0);
const REWRITE_FLAGS = constants.O_RDWR | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** The folders from `root` down to `file`'s, and its name; null when `file` is not below `root`. */
function stepsBelow(root: string, file: string): { folders: string[]; name: string } | null {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const parts = relative.split(path.sep);
  return { folders: parts.slice(0, -1), name: parts.at(-1)! };
}

/** `output` written over `file` (absolute, below `root`), when the file on disk still holds `linted`. */
export function writeFixedFile(root: string, file: string, linted: string, output: string, maxBytes: number, descriptors = DESCRIPTORS_FOLDER): WriteOutcome {
  const steps = stepsBelow(root, file);
  const realRoot = realPathOrNull(root);
  if (steps === null || realRoot === null) return 'outside-root';
  try {
    return descriptors !== null ? writeThroughFolder(realRoot, steps, linted, output, maxBytes, descriptors) : writeInPlace(realRoot, file, linted, output, maxBytes);
  } catch {
    return 'write-failed';
  }
}

/** The folder holding the file, opened step by step from the root without following a symlink; null when a step is not a plain folder. */
function openFolder(realRoot: string, folders: readonly string[], descriptors: string): number | null {
  let fd = openSync(realRoot, FOLDER_FLAGS);
  for (const folder of folders) {
    let next: number;
    try {
      next = openSync(`${descriptors}/${fd}/${folder}`, FOLDER_FLAGS);
    } catch {
      closeSync(fd);
      return null;
    }
    closeSync(fd);
    fd = next;
  }
  return fd;
}

function writeThroughFolder(realRoot: string, { folders, name }: { folders: string[]; name: string }, linted: string, output: string, maxBytes: number, descriptors: string): WriteOutcome {
  const folderFd = openFolder(realRoot, folders, descriptors);
  if (folderFd === null) return 'outside-root';
  const inFolder = (entry: string) => `${descriptors}/${folderFd}/${entry}`;
  let temporary: string | null = null;
  try {
    // Every step refused symlinks; the folder's real path is checked all the same (a bind mount, a moved folder).
    const realFolder = realPathOfDescriptor(folderFd, realRoot);
    if (realFolder === null || !isWithin(realFolder, realRoot)) return 'outside-root';
    const read = readChecked(inFolder(name), linted, maxBytes);
    if (typeof read === 'string') return read;
    temporary = inFolder(`.${name}.${randomBytes(6).toString('hex')}.openrouter-fix`);
    // O_EXCL with O_NOFOLLOW: never opens anything that already exists there (a planted symlink included).
    const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    try {
      fchmodSync(fd, read.mode & 0o7777);
      writeAll(fd, output);
    } finally {
      closeSync(fd);
    }
    // The file linted is still the one there (not replaced by another file or a link) when it is replaced.
    const current = lstatSync(inFolder(name));
    if (current.dev !== read.dev || current.ino !== read.ino) return 'changed-on-disk';
    renameSync(temporary, inFolder(name));
    temporary = null;
    return 'written';
  } finally {
    if (temporary !== null) unlinkQuietly(temporary);
    closeSync(folderFd);
  }
}

function writeInPlace(realRoot: string, file: string, linted: string, output: string, maxBytes: number): WriteOutcome {
  let fd: number;
  try {
    fd = openSync(file, REWRITE_FLAGS);
  } catch {
    return 'not-a-regular-file';
  }
  try {
    const stat = fstatSync(fd);
    // A second name elsewhere (a hard link) would be rewritten too.
    if (stat.isFile() && stat.nlink !== 1) return 'outside-root';
    const real = realPathOfDescriptor(fd, file);
    if (real === null || !isWithin(real, realRoot)) return 'outside-root';
    const read = readDescriptor(fd, stat, maxBytes);
    if (!('text' in read)) return 'not-a-regular-file';
    if (read.text !== linted) return 'changed-on-disk';
    const length = writeAll(fd, output, 0);
    ftruncateSync(fd, length);
    return 'written';
  } finally {
    closeSync(fd);
  }
}

/** The file in the pinned folder, read through its own descriptor: its mode and inode when it holds `linted`, else why not. */
function readChecked(file: string, linted: string, maxBytes: number): { mode: number; dev: number; ino: number } | WriteOutcome {
  let fd: number;
  try {
    fd = openSync(file, READ_FLAGS);
  } catch {
    return 'not-a-regular-file';
  }
  try {
    const stat: Stats = fstatSync(fd);
    const read = readDescriptor(fd, stat, maxBytes);
    if (!('text' in read)) return 'not-a-regular-file';
    return read.text === linted ? { mode: read.mode, dev: stat.dev, ino: stat.ino } : 'changed-on-disk';
  } finally {
    closeSync(fd);
  }
}

/** Writes all of `text` (from `position`, or where the descriptor is); the bytes written. */
function writeAll(fd: number, text: string, position: number | null = null): number {
  const bytes = Buffer.from(text, 'utf8');
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written, position === null ? null : position + written);
  return bytes.length;
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}
