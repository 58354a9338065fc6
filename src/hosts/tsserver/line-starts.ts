/** Where the lines of a text start, as ESLint counts them. */

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/gu;

/** Offsets where ESLint's lines start (ESLint counts the same line breaks as TypeScript). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length);
  return starts;
}
