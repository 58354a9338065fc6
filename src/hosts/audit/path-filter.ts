/**
 * `--include` and `--exclude`, matched against paths relative to the repository root as `.gitignore`
 * patterns are: a pattern without a slash (`*.js`, `generated`) matches a name at any depth; one with a
 * slash inside or at the start (`src/*.ts`, `/lib`) is anchored at the root; a trailing slash (`lib/`)
 * matches folders only. A pattern that matches a folder matches everything in it. Globs are picomatch's.
 */
import picomatch from 'picomatch';

export interface PathFilter {
  includesFile(relative: string): boolean;
  /** An excluded folder is not entered at all. */
  excludesDirectory(relative: string): boolean;
  /** Whether `--include` was given and has matched a file yet: an include that matches nothing is a mistake. */
  readonly includeMatchedNothing: boolean;
}

export class GlobError extends Error {}

interface Pattern {
  readonly matches: (relative: string) => boolean;
  readonly foldersOnly: boolean;
}

function compilePattern(glob: string, flag: string): Pattern {
  if (glob.trim() === '') throw new GlobError(`${flag}: the glob is empty`);
  if (glob.includes('\0')) throw new GlobError(`${flag}: the glob ${JSON.stringify(glob.slice(0, 100))} holds a NUL character`);
  const foldersOnly = glob.endsWith('/');
  let body = foldersOnly ? glob.replace(/\/+$/, '') : glob;
  if (body.startsWith('./')) body = body.slice(2);
  // As in .gitignore: a slash at the start or inside anchors the pattern; without one it matches at any depth.
  const anchored = body.includes('/');
  body = body.replace(/^\/+/, '');
  if (body === '') throw new GlobError(`${flag}: the glob ${JSON.stringify(glob.slice(0, 100))} names no path`);
  try {
    // Compiled now, so an invalid glob is a usage error before any file is read.
    const matches = picomatch(anchored ? body : `**/${body}`, { dot: true, strictBrackets: true });
    return { matches, foldersOnly };
  } catch (error) {
    throw new GlobError(`${flag}: invalid glob ${JSON.stringify(glob.slice(0, 100))} (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Whether a pattern matches the path itself (a folder's path, or a file's unless folders only) or a folder above it. */
function matchesPath(pattern: Pattern, relative: string, isFolder: boolean): boolean {
  if ((isFolder || !pattern.foldersOnly) && pattern.matches(relative)) return true;
  for (let slash = relative.indexOf('/'); slash !== -1; slash = relative.indexOf('/', slash + 1)) {
    if (pattern.matches(relative.slice(0, slash))) return true;
  }
  return false;
}

function compile(globs: readonly string[], flag: string): ((relative: string, isFolder: boolean) => boolean) | null {
  if (globs.length === 0) return null;
  const patterns = globs.map((glob) => compilePattern(glob, flag));
  return (relative, isFolder) => patterns.some((pattern) => matchesPath(pattern, relative, isFolder));
}

export function createPathFilter(include: readonly string[], exclude: readonly string[]): PathFilter {
  const included = compile(include, '--include');
  const excluded = compile(exclude, '--exclude');
  let includedAny = false;
  return {
    includesFile(relative) {
      if (excluded?.(relative, false)) return false;
      if (included === null) return true;
      const matched = included(relative, false);
      includedAny ||= matched;
      return matched;
    },
    excludesDirectory: (relative) => excluded?.(relative, true) ?? false,
    get includeMatchedNothing() {
      return included !== null && !includedAny;
    },
  };
}
