/**
 * How deep a text nests, read in one pass over its characters without parsing it: the module reader
 * (module-parser.ts) refuses a module nested deeper than any tree it would read before handing it to
 * a parser, whose work on such a text (tens of thousands of levels, a worker's deep stack, a tree
 * serialised level by level) would be thrown away.
 *
 * Counted are the brackets that each open a level of the tree: `[`, `{`, `${` and a `<` that follows
 * an operand (type arguments, a comparison, a JSX tag), never `(` (a parenthesised expression adds
 * no node). Strings, comments, template text and regular expressions are skipped. What is inside an
 * open bracket is a descendant of a node that starts there, so the count is never more than the
 * tree's depth: a `<` is dropped at a comma, a semicolon, a line break, a `>` or a closing bracket,
 * where it may have been a comparison that holds nothing more. Where the scan reads the text
 * otherwise than a parser (a regular expression taken for a division), it counts fewer.
 */

const enum Open {
  /** `(`: matched, not counted. */
  Paren,
  /** `[`, `{`: one level each. */
  Square,
  Curly,
  /** `${` of a template literal: one level; its `}` returns to the template's text. */
  Substitution,
  /** `<` after an operand: one level while it lasts. */
  Angle,
}

const isWordCode = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x24 || code === 0x5f || code > 0x7f;

/** Where a line comment ends: searched natively, as a long comment would cost a step per character. */
const LINE_BREAK = /[\n\r\u2028\u2029]/g;
const isLineBreak = (code: number): boolean => code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;

/** Words after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/**
 * The deepest count of open levels in `text`, or `limit` as soon as it reaches `limit` (the rest is
 * not read).
 */
export function nestingDepth(text: string, limit: number): number {
  const stack: Open[] = [];
  /** How many of each kind are open: a closer whose kind is not open closes nothing. */
  const counts = [0, 0, 0, 0, 0];
  let depth = 0;
  let deepest = 0;
  /** The last character of code that is not blank, and the word it ends, for what a `<` or `/` means. */
  let previous = 0;
  let previousWord = '';
  const open = (kind: Open): void => {
    stack.push(kind);
    counts[kind]!++;
    if (kind !== Open.Paren) deepest = Math.max(deepest, ++depth);
  };
  const pop = (): Open => {
    const kind = stack.pop()!;
    counts[kind]!--;
    if (kind !== Open.Paren) depth--;
    return kind;
  };
  /** Closes up to the innermost open bracket of `kinds`, and returns its kind; null when none is open. */
  const close = (...kinds: Open[]): Open | null => {
    if (!kinds.some((kind) => counts[kind]! > 0)) return null;
    for (;;) {
      const kind = pop();
      if (kinds.includes(kind)) return kind;
    }
  };
  /** Drops the `<`s on top: they held nothing past here. */
  const dropAngles = (): void => {
    while (stack.at(-1) === Open.Angle) pop();
  };
  let index = 0;
  /** Skips template text from `index` (just past a backtick or a substitution's `}`) to the closing backtick or the next `${`. */
  const templateText = (): void => {
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 0x5c) index++;
      else if (code === 0x60) return;
      else if (code === 0x24 && text.charCodeAt(index + 1) === 0x7b) {
        index++;
        open(Open.Substitution);
        return;
      }
    }
  };
  for (; index < text.length && deepest < limit; index++) {
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) {
      dropAngles();
      continue;
    }
    if (code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0xfeff) continue;
    if (code === 0x2f && next === 0x2f) {
      // A line comment: up to the line break, which the loop then reads.
      LINE_BREAK.lastIndex = index + 2;
      index = LINE_BREAK.test(text) ? LINE_BREAK.lastIndex - 2 : text.length - 1;
      continue;
    }
    if (code === 0x2f && next === 0x2a) {
      const end = text.indexOf('*/', index + 2);
      const stop = end < 0 ? text.length : end;
      for (let inner = index + 2; inner < stop; inner++) {
        if (isLineBreak(text.charCodeAt(inner))) {
          dropAngles();
          break;
        }
      }
      index = end < 0 ? text.length : end + 1;
      continue;
    }
    if (code === 0x27 || code === 0x22) {
      // A string ends at its quote, or at a line break (then it was no string).
      for (index++; index < text.length; index++) {
        const inner = text.charCodeAt(index);
        if (inner === 0x5c) index++;
        else if (inner === code) break;
        else if (inner === 0x0a || inner === 0x0d) {
          dropAngles();
          break;
        }
      }
    } else if (code === 0x60) {
      index++;
      templateText();
    } else if (code === 0x2f && startsRegex(previous, previousWord)) {
      // A regular expression ends on its line; one that does not was a division after all.
      const end = regexEnd(text, index);
      if (end >= 0) index = end;
    } else if (code === 0x28) open(Open.Paren);
    else if (code === 0x5b) open(Open.Square);
    else if (code === 0x7b) open(Open.Curly);
    else if (code === 0x3c) {
      if (isWordCode(previous) || previous === 0x29 || previous === 0x5d || previous === 0x3e) open(Open.Angle);
    } else if (code === 0x3e) {
      // Not the `>` of `=>`.
      if (previous !== 0x3d && stack.at(-1) === Open.Angle) pop();
    } else if (code === 0x2c || code === 0x3b) dropAngles();
    else if (code === 0x29 || code === 0x5d || code === 0x7d) {
      dropAngles();
      const kind = code === 0x29 ? close(Open.Paren) : code === 0x5d ? close(Open.Square) : close(Open.Curly, Open.Substitution);
      if (kind === Open.Substitution) {
        index++;
        templateText();
        previous = 0x60;
        previousWord = '';
        continue;
      }
    }
    if (isWordCode(code)) {
      previousWord = isWordCode(previous) ? previousWord + text[index] : text[index]!;
    } else previousWord = '';
    previous = code;
  }
  return Math.min(deepest, limit);
}

/** The index of the `/` that ends the regular expression starting at `start`, or -1 when none does on its line. */
function regexEnd(text: string, start: number): number {
  let inClass = false;
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5c) index++;
    else if (code === 0x5b) inClass = true;
    else if (code === 0x5d) inClass = false;
    else if (code === 0x2f && !inClass) return index;
    else if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) return -1;
  }
  return -1;
}

/** Whether a `/` after `previous` (the last character of code) starts a regular expression. */
function startsRegex(previous: number, previousWord: string): boolean {
  if (previous === 0) return true;
  // `</` closes a JSX element.
  if (previous === 0x3c) return false;
  if (isWordCode(previous)) return BEFORE_REGEX.has(previousWord);
  // After an operand's end (`)`, `]`, `}`, a literal's quote) it is a division.
  return !(previous === 0x29 || previous === 0x5d || previous === 0x7d || previous === 0x27 || previous === 0x22 || previous === 0x60);
}
