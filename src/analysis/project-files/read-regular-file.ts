/**
 * Reading a file of a repository nobody here wrote: regular files only (never a FIFO, device or
 * folder), of bounded size, opened without blocking, read whole or not at all, and only when the file
 * opened lies inside the repository (a symlinked file or folder leading outside is not read).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isDescriptorWithin } from './within-root.js';

/** A package.json larger than this is not a real one: it is reported, not read. */
export const MAX_PACKAGE_JSON_BYTES = 1024 * 1024;

// Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function errorCode(error: unknown): string {
  return typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'unknown error';
}

/**
 * The text of a regular file inside `root` (by real path: the repository whose lookup reads it, see
 * `repositoryRoot`) of at most `maxBytes` (a package.json's bound unless given), or why it is not one.
 */
export function readRegularFile(file: string, root: string, maxBytes = MAX_PACKAGE_JSON_BYTES): { text: string } | { missing: true } | { error: string } {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return { error: `cannot be read (${code})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { error: 'is not a regular file' };
    if (stat.size > maxBytes) return { error: `is ${stat.size} bytes; a ${maxBytes === MAX_PACKAGE_JSON_BYTES ? 'package.json' : 'file'} over ${maxBytes} bytes is not read` };
    // Checked on the descriptor: whatever the path led through, this is the file that would be read.
    if (!isDescriptorWithin(fd, file, root)) return { error: 'leads outside the repository' };
    // One byte more than `fstat` said: a file that grew since is noticed rather than cut short.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > stat.size) return { error: 'changed while it was read' };
    return { text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { error: `cannot be read (${errorCode(error)})` };
  } finally {
    closeSync(fd);
  }
}

