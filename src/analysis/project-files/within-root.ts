/**
 * Whether an open file lies inside a root (a repository, an audited folder): the one check every read
 * of a repository's files makes, on the descriptor it opened rather than on the path it asked for, so
 * a symlinked file or folder that leads outside is caught whenever it was swapped in. A path is only
 * ever a name; the descriptor is the file that is read or written.
 */
import { existsSync, fstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Linux names every open descriptor at `/proc/self/fd/<fd>`: its link text is the file's real path, and
 * a path below it resolves from the very folder the descriptor holds (what `openat` does elsewhere).
 */
export const DESCRIPTORS_FOLDER = existsSync('/proc/self/fd') ? '/proc/self/fd' : null;

/** `file` (a real path) is `root` (a real path) or below it. */
export function isWithin(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function realPathOrNull(file: string): string | null {
  try {
    return realpathSync.native(file);
  } catch {
    return null;
  }
}

/**
 * The real path of the file `fd` holds (opened as `file`), or null when it cannot be told. Without
 * `/proc`, the real path of `file` is taken only when it still names the very file the descriptor holds.
 */
export function realPathOfDescriptor(fd: number, file: string): string | null {
  try {
    if (DESCRIPTORS_FOLDER !== null) {
      const real = readlinkSync(`${DESCRIPTORS_FOLDER}/${fd}`);
      // A file unlinked since it was opened reads as "<path> (deleted)": no longer anywhere.
      return path.isAbsolute(real) && !real.endsWith(' (deleted)') ? real : null;
    }
    const real = realpathSync.native(file);
    const [held, named] = [fstatSync(fd), statSync(real)];
    return held.dev === named.dev && held.ino === named.ino ? real : null;
  } catch {
    return null;
  }
}

/** Whether the file `fd` holds lies inside `root` (any path; compared by real paths). */
export function isDescriptorWithin(fd: number, file: string, root: string): boolean {
  const realRoot = realPathOrNull(root);
  const real = realRoot === null ? null : realPathOfDescriptor(fd, file);
  return real !== null && isWithin(real, realRoot!);
}
