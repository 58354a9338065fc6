/**
 * The patterns of one ignore file (`.gitignore`, `.git/info/exclude`), read as git reads them with the
 * `ignore` package's matcher, within a bound: a repository nobody here wrote may hold a megabyte of them.
 *
 * Most lines of a large ignore file name a file or folder outright (`dist`, `secrets.json`, `cache/`).
 * Those after the file's last negation go into a set of names, one lookup per path: the last pattern to
 * match decides, and every pattern after the last negation ignores, so a name listed there ignores
 * whatever the other patterns say. The other patterns are tested in order by the matcher, each path once
 * (the walk never enters an ignored folder, so a path's folders are never ignored when it is tested).
 *
 * The other patterns after the last negation also ignore whatever comes before, so their order does not
 * matter: each is filed under one of its literal folder or file names (`generated` in
 * `**​/generated/*.tmp`), and a path is tested only against the patterns filed under one of its own
 * names. Such a pattern cannot match a path, nor a folder above it, that lacks the name: a literal
 * segment of a pattern matches one whole segment of the path, and printable ASCII compares in the
 * matcher (case-insensitive) as it does in lower case. The matcher still decides every match.
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
  /** The patterns up to the last negation, and those after it without a literal name: tested in order. */
  private readonly matcher: Ignore | null;
  /** The other patterns after the last negation, by one literal segment (lower case); their matchers made on first use. */
  private readonly byName = new Map<string, string[]>();
  private readonly byNameMatchers = new Map<string, Ignore>();
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
        return;
      }
      const name = index > lastNegation ? literalSegment(line) : null;
      if (name === null) matched.push(line);
      else if (this.byName.has(name)) this.byName.get(name)!.push(line);
      else this.byName.set(name, [line]);
    });
    this.matcher = matched.some((line) => line.trim() !== '') ? ignore().add(matched.join('\n')) : null;
  }

  /** What the file says of `relative` (from its folder, `/`-separated; a folder ends in `/`). */
  test(relative: string): IgnoreTest {
    const isFolder = relative.endsWith('/');
    const trimmed = isFolder ? relative.slice(0, -1) : relative;
    const name = trimmed.slice(trimmed.lastIndexOf('/') + 1).toLowerCase();
    if (this.names.has(name) || (isFolder && this.folderNames.has(name))) return { ignored: true, unignored: false };
    if (this.byName.size > 0) {
      for (const segment of trimmed.toLowerCase().split('/')) {
        if (this.matcherFor(segment)?.ignores(relative)) return { ignored: true, unignored: false };
      }
    }
    return this.matcher?.test(relative) ?? { ignored: false, unignored: false };
  }

  private matcherFor(segment: string): Ignore | null {
    let matcher = this.byNameMatchers.get(segment);
    if (!matcher) {
      const lines = this.byName.get(segment);
      if (!lines) return null;
      this.byNameMatchers.set(segment, (matcher = ignore().add(lines.join('\n'))));
    }
    return matcher;
  }
}

/** Characters a literal segment has none of: wildcards, ranges, escapes. */
const GLOB_CHARACTER = /[*?[\]\\]/;

/**
 * The longest segment of a pattern that names a file or folder literally (lower case), or null when it
 * has none or is not printable ASCII throughout (where the matcher's case folding and trimming would
 * need reading twice), or is a comment.
 */
function literalSegment(line: string): string | null {
  if (!ASCII_PRINTABLE.test(line) || line.startsWith('#')) return null;
  let longest: string | null = null;
  for (const segment of line.split('/')) {
    if (segment === '' || segment === '.' || segment === '..' || GLOB_CHARACTER.test(segment)) continue;
    if (longest === null || segment.length > longest.length) longest = segment;
  }
  return longest?.toLowerCase() ?? null;
}
