/**
 * Reports and logs carry text from repositories nobody here wrote (file and folder names, values the
 * messages echo, fields of reports given to `--merge`, options of an editor's project). Printed raw, a
 * control character could set the terminal's title, clear the screen or forge report lines, and a
 * bidirectional control could make a line read other than it is. Every output shows them escaped
 * instead, as `git` and ESLint's formatters do: `\n`, `\r`, `\t` by name, the others as `\uXXXX`.
 */

/** C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional controls. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escape = (char: string): string => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line of a text report: every unsafe character shown as `\uXXXX`. */
export function inertLine(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** What JSON.stringify leaves raw in strings: DEL, C1 controls, U+2028/2029 and the bidirectional controls (C0 it escapes). */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A JSON or SARIF document with the characters JSON.stringify leaves raw written as `\uXXXX` escapes: the
 * same document, inert wherever it is shown. They can only stand inside strings, where the escape means
 * the same character.
 */
export function inertJson(json: string): string {
  return json.replace(RAW_IN_JSON, escape);
}
