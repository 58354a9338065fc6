/**
 * What of another module a lint reads when it follows one imported name (`from .config import HEADERS`):
 * the module's top-level statements that mention the name, then those that mention a name they mention,
 * and so on, and every import. The parser reads those ranges of the text alone (@lezer's `ranges`), so each
 * node keeps its offsets and a statement reads as in the whole module; a name's bindings, the calls of a
 * helper, the writes into a dict all mention its name and stay. A module of 3,000 assignments whose first
 * binds the imported name parses as one line.
 *
 * The statements are found by a scan of lines (brackets, strings, comments, continuations): where it is
 * unsure (a string or bracket left open, a statement that would be read in part), the whole module is read.
 */

/** Words that never name anything: a statement that mentions them mentions no name by them. */
const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

/** A line that goes on the compound statement above it rather than starting one. */
const CONTINUES = /^(?:else|elif|except|finally)\b/;

/** Only a module this much smaller is read in part: below it, the scan's saving is not worth a second reading. */
const MAX_KEPT_SHARE = 0.5;

/** The top-level statements of `text`, as [from, to) offsets covering it; null where the scan is unsure. */
export function topLevelStatements(text: string): [number, number][] | null {
  const starts: number[] = [];
  let depth = 0;
  /** The quote of the string the scan is in (`'`, `"`, `'''`, `"""`), or ''. */
  let quote = '';
  let continued = false;
  let decorated = false;
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const first = text.charCodeAt(lineStart);
    if (depth === 0 && quote === '' && !continued && first !== 0x20 && first !== 0x09 && first !== 0x0d && first !== 0x0a && first !== 0x23 && first !== 0x0c) {
      const head = text.slice(lineStart, Math.min(lineEnd, lineStart + 16));
      if (!decorated && !CONTINUES.test(head)) starts.push(lineStart);
      decorated = first === 0x40;
    }
    continued = false;
    for (let index = lineStart; index < lineEnd; index++) {
      const code = text.charCodeAt(index);
      if (quote !== '') {
        if (code === 0x5c) {
          index++;
          // A backslash at the end of a line goes on with the string on the next.
          if (index >= lineEnd) continued = quote.length === 1;
        } else if (text.startsWith(quote, index)) {
          index += quote.length - 1;
          quote = '';
        }
        continue;
      }
      if (code === 0x23) break;
      if (code === 0x27 || code === 0x22) {
        const triple = text.startsWith(text[index]!.repeat(3), index);
        quote = triple ? text[index]!.repeat(3) : text[index]!;
        if (triple) index += 2;
      } else if (code === 0x28 || code === 0x5b || code === 0x7b) depth++;
      else if (code === 0x29 || code === 0x5d || code === 0x7d) {
        if (--depth < 0) return null;
      } else if (code === 0x5c && index + 1 >= lineEnd - (text.charCodeAt(lineEnd - 1) === 0x0d ? 1 : 0)) continued = true;
    }
    // A one-quote string does not cross a line unless a backslash ends it.
    if (quote.length === 1 && !continued) return null;
    lineStart = lineEnd + 1;
  }
  if (depth !== 0 || quote !== '' || decorated) return null;
  if (starts[0] !== 0) starts.unshift(0);
  return starts.map((from, index) => [from, starts[index + 1] ?? text.length]);
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;

/**
 * The ranges of `text` that hold the statements that may bear on `names`, in order, for the parser to read
 * alone; null when the whole module is to be read (the scan is unsure, or too much would be kept to gain anything).
 */
export function sliceForNames(text: string, names: readonly string[]): { from: number; to: number }[] | null {
  const statements = topLevelStatements(text);
  if (!statements) return null;
  const wordsOf = statements.map(([from, to]) => new Set(text.slice(from, to).match(WORD) ?? []));
  const mentioning = new Map<string, number[]>();
  wordsOf.forEach((words, statement) => {
    for (const word of words) if (!KEYWORDS.has(word)) (mentioning.get(word) ?? mentioning.set(word, []).get(word)!).push(statement);
  });
  // Every import is kept, for a name it may bind unseen (`from .base import *`); what it names is followed only when mentioned.
  const kept = new Set<number>();
  statements.forEach(([from], statement) => {
    if (/^(?:from|import)\b/.test(text.slice(from, from + 7))) kept.add(statement);
  });
  const seen = new Set(names);
  const wanted = [...names];
  while (wanted.length > 0) {
    for (const statement of mentioning.get(wanted.pop()!) ?? []) {
      if (kept.has(statement)) continue;
      kept.add(statement);
      for (const word of wordsOf[statement]!) {
        if (KEYWORDS.has(word) || seen.has(word)) continue;
        seen.add(word);
        wanted.push(word);
      }
    }
  }
  let keptLength = 0;
  for (const statement of kept) keptLength += statements[statement]![1] - statements[statement]![0];
  if (keptLength > text.length * MAX_KEPT_SHARE) return null;
  // Statements in a row make one range.
  const ranges: { from: number; to: number }[] = [];
  statements.forEach(([from, to], statement) => {
    if (!kept.has(statement)) return;
    const last = ranges.at(-1);
    if (last?.to === from) last.to = to;
    else ranges.push({ from, to });
  });
  // Nothing mentions the names: an empty range, which the parser reads as an empty module.
  return ranges.length > 0 ? ranges : [{ from: 0, to: 0 }];
}
