/**
 * Reads an audited file as text: a regular file only (a symlink is not followed, a FIFO or device
 * cannot block the run), of bounded size, checked on the open descriptor.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

// O_NOFOLLOW: a file swapped for a symlink after the walk saw it is refused, not read through.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

export type SourceRead =
  | { readonly text: string; readonly mode: number }
  | { readonly skipped: 'too-large' | 'not-a-regular-file' | 'unreadable' };

export function readSource(file: string, maxBytes: number): SourceRead {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    return { skipped: (error as { code?: string }).code === 'ELOOP' ? 'not-a-regular-file' : 'unreadable' };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { skipped: 'not-a-regular-file' };
    if (stat.size > maxBytes) return { skipped: 'too-large' };
    // One byte more than fstat said: a file that grew past the bound since is noticed.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { skipped: 'too-large' };
    return { text: buffer.toString('utf8', 0, length), mode: stat.mode };
  } catch {
    return { skipped: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}
