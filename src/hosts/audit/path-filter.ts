/** `--include` and `--exclude`: globs (picomatch) matched against paths relative to the repository root. */
import picomatch from 'picomatch';

export interface PathFilter {
  includesFile(relative: string): boolean;
  /** An excluded folder is not entered at all. */
  excludesDirectory(relative: string): boolean;
}

export class GlobError extends Error {}

function compile(globs: readonly string[], flag: string): ((relative: string) => boolean) | null {
  if (globs.length === 0) return null;
  const matchers = globs.map((glob) => {
    if (glob.trim() === '') throw new GlobError(`${flag}: the glob is empty`);
    if (glob.includes('\0')) throw new GlobError(`${flag}: the glob ${JSON.stringify(glob.slice(0, 100))} holds a NUL character`);
    try {
      // Compiled now, so an invalid glob is a usage error before any file is read.
      return picomatch(glob, { dot: true, strictBrackets: true });
    } catch (error) {
      throw new GlobError(`${flag}: invalid glob ${JSON.stringify(glob.slice(0, 100))} (${error instanceof Error ? error.message : String(error)})`);
    }
  });
  return (relative) => matchers.some((matches) => matches(relative));
}

export function createPathFilter(include: readonly string[], exclude: readonly string[]): PathFilter {
  const included = compile(include, '--include');
  const excluded = compile(exclude, '--exclude');
  return {
    includesFile: (relative) => (included === null || included(relative)) && !(excluded?.(relative) ?? false),
    excludesDirectory: (relative) => excluded?.(relative) ?? false,
  };
}
