/**
 * The patterns of one ignore file (`.gitignore`, `.git/info/exclude`), read as git reads them with the
 * `ignore` package's matcher, within a bound: a repository nobody here wrote may hold a megabyte of them.
 *
 * Most lines of a large ignore file name a file or folder outright (`dist`, `secrets.json`, `cache/`).
 * Those after the file's last negation go into a set of names, one lookup per path: the last pattern to
 * match decides, and every pattern after the last negation ignores, so a name listed there ignores
 * whatever the other patterns say. The other patterns are tested in order by the matcher, each path once
 * (the walk never enters an ignored folder, so a path's folders are never ignored when it is tested).
 */
import ignore, { type Ignore } from 'ignore';

/** Patterns honoured per ignore file; past it the rest are not (a real file holds a few hundred at most). */
export const MAX_IGNORE_PATTERNS = 10_000;

/** A name and nothing else: printable ASCII without wildcards, escapes or a slash before the end, not a comment or a negation. */
const LITERAL_NAME = /^[^\s#!*?[\]\\/][^\s*?[\]\\/]*\/?$/;
const ASCII_PRINTABLE = /^[\x21-\x7e]+$/;

export interface IgnoreTest {
  readonly ignored: boolean;
  readonly unignored: boolean;
}

export class IgnoreFile {
  /** Names ignored as a file or a folder, and those ignored only as a folder (`cache/`); lower case, as the matcher compares. */
  private readonly names = new Set<string>();
  private readonly folderNames = new Set<string>();
  private readonly matcher: Ignore | null;
  /** How many patterns the file held past `MAX_IGNORE_PATTERNS` (not honoured). */
  readonly dropped: number;

  constructor(text: string) {
    // Lines as the matcher splits them: one CR dropped at the end of the text, then at each line end.
    const lines = (text.endsWith('\r') ? text.slice(0, -1) : text).split(/\r?\n/);
    let patterns = 0;
    let kept = lines.length;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (line.trim() === '' || line.startsWith('#')) continue;
      if (++patterns > MAX_IGNORE_PATTERNS && kept === lines.length) kept = index;
    }
    this.dropped = Math.max(0, patterns - MAX_IGNORE_PATTERNS);
    const honoured = lines.slice(0, kept);
    let lastNegation = -1;
    honoured.forEach((line, index) => {
      if (line.startsWith('!')) lastNegation = index;
    });
    const matched: string[] = [];
    honoured.forEach((line, index) => {
      if (index > lastNegation && LITERAL_NAME.test(line) && ASCII_PRINTABLE.test(line) && line !== '.' && line !== '..' && line !== './' && line !== '../') {
        if (line.endsWith('/')) this.folderNames.add(line.slice(0, -1).toLowerCase());
        else this.names.add(line.toLowerCase());
      } else matched.push(line);
    });
    this.matcher = matched.some((line) => line.trim() !== '') ? ignore().add(matched.join('\n')) : null;
  }

  /** What the file says of `relative` (from its folder, `/`-separated; a folder ends in `/`). */
  test(relative: string): IgnoreTest {
    const isFolder = relative.endsWith('/');
    const trimmed = isFolder ? relative.slice(0, -1) : relative;
    const name = trimmed.slice(trimmed.lastIndexOf('/') + 1).toLowerCase();
    if (this.names.has(name) || (isFolder && this.folderNames.has(name))) return { ignored: true, unignored: false };
    return this.matcher?.test(relative) ?? { ignored: false, unignored: false };
  }
}
