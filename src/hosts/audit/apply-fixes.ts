/**
 * Writes a fixed file back, only where it is safe: the path is still a regular file (not a symlink),
 * its real path lies inside the real path of the audited root, and its content is what was linted.
 * The new text goes to a temporary file in the same directory, which is then renamed over it, so a
 * reader never sees half a file and a symlink put in its place is replaced, never written through.
 */
import { closeSync, constants, fchmodSync, lstatSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { readSource } from './read-source.js';

export type WriteOutcome = 'written' | 'outside-root' | 'not-a-regular-file' | 'changed-on-disk' | 'write-failed';

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export function writeFixedFile(root: string, file: string, linted: string, output: string, maxBytes: number): WriteOutcome {
  try {
    if (!lstatSync(file).isFile()) return 'not-a-regular-file';
    if (!isInside(realpathSync(file), realpathSync(root))) return 'outside-root';
  } catch {
    return 'not-a-regular-file';
  }
  const current = readSource(file, maxBytes);
  if (!('text' in current)) return 'not-a-regular-file';
  if (current.text !== linted) return 'changed-on-disk';
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.openrouter-fix`);
  let fd: number | null = null;
  try {
    // O_EXCL: never opens anything that already exists there (a planted symlink included).
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    fchmodSync(fd, current.mode & 0o7777);
    const bytes = Buffer.from(output, 'utf8');
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    closeSync(fd);
    fd = null;
    renameSync(temporary, file);
    return 'written';
  } catch {
    if (fd !== null) closeSync(fd);
    rmSync(temporary, { force: true });
    return 'write-failed';
  }
}
