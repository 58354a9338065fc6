/**
 * Reads an audited file as text: a regular file only (a symlink is not followed, a FIFO or device
 * cannot block the run), of bounded size, inside the audited root, checked on the open descriptor.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { isDescriptorWithin } from '../../analysis/index.js';

// O_NOFOLLOW: a file swapped for a symlink after the walk saw it is refused, not read through.
export const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

export type SourceRead =
  | { readonly text: string; readonly mode: number }
  | { readonly skipped: 'too-large' | 'not-a-regular-file' | 'outside-root' | 'unreadable' };

/**
 * `file` as text, when the file opened lies inside `root` by real path (a folder on the way swapped for
 * a symlink leads nowhere); `root` null for a file the user named to be read as it is (a report to merge).
 */
export function readSource(file: string, maxBytes: number, root: string | null): SourceRead {
  let fd: number;
  try {
    fd = openSync(file, READ_FLAGS);
  } catch (error) {
    return { skipped: (error as { code?: string }).code === 'ELOOP' ? 'not-a-regular-file' : 'unreadable' };
  }
  try {
    if (root !== null && !isDescriptorWithin(fd, file, root)) return { skipped: 'outside-root' };
    return readDescriptor(fd, fstatSync(fd), maxBytes);
  } catch {
    return { skipped: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

/** The text of an open file (`stat` its fstat), when it is a regular file of at most `maxBytes`. */
export function readDescriptor(fd: number, stat: Stats, maxBytes: number): SourceRead {
  if (!stat.isFile()) return { skipped: 'not-a-regular-file' };
  if (stat.size > maxBytes) return { skipped: 'too-large' };
  // One byte more than fstat said: a file that grew past the bound since is noticed.
  const buffer = Buffer.allocUnsafe(stat.size + 1);
  let length = 0;
  for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
  if (length > maxBytes) return { skipped: 'too-large' };
  return { text: buffer.toString('utf8', 0, length), mode: stat.mode };
}
