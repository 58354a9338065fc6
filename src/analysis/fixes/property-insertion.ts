/**
 * The second edit verification takes without a re-parse: a property `'Name': <value>` appended to an
 * object literal of the file's own tree, where the value is a copy of a node that parses wherever it
 * is copied to. The proof reads the edits as made, against the file's tokens, not the planner's intent:
 *
 * - every edit is an insertion between the object's last property and its closing `}`, at a token's or
 *   comment's end or in whitespace, and one made at a line comment's end starts a new line;
 * - what that stretch becomes, comments read as spaces, is exactly `, KEY: VALUE` with an optional
 *   trailing comma and any whitespace, KEY being one string literal token `stringLiteral` wrote (never
 *   `__proto__`, which may appear once) and VALUE the copied node's text;
 * - the copied node is a string literal without escapes or line breaks, not a JSX attribute's (the same token anywhere), or an identifier or
 *   literal that is a property value of the same object (the same token in the same context: strict or
 *   sloppy, async or not).
 *
 * A property after the last one of an object literal is always a valid object literal: the file then
 * parses as before, with one more property. Anything else (arrays, other values, other layouts) is
 * re-parsed as every other edit is.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../syntax/ast.js';
import { isWithin, stringLiteral } from './literal-swap.js';
import { insertIntoList } from './plan.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** The edits proven here: verification knows them by identity. */
const proven = new WeakSet<Fix>();

/** Whether an edit is part of a proven property insertion. */
export function isProvenInsertion(fix: Fix): boolean {
  return proven.has(fix);
}

/**
 * Appends `'name': <copy of value>` to an object literal through `insertIntoList` (its layout and
 * separator), and marks the edits when they are proven to parse.
 */
export function insertCopiedProperty(fixer: Fixer, sourceCode: SourceCode, list: TSESTree.ObjectExpression, name: string, quote: '"' | "'", value: Node): Fix[] {
  const key = stringLiteral(name, quote);
  const valueText = sourceCode.getText(value);
  const edits = insertIntoList(fixer, sourceCode, list, [`${key}: ${valueText}`]);
  if (name !== '__proto__' && isCopyableInto(value, list, sourceCode.ast as Node) && appendsProperty(sourceCode, list, edits, key, valueText)) {
    for (const edit of edits) proven.add(edit);
  }
  return edits;
}

/** Whether `value`'s text is a token that parses as a property value of `list`. */
function isCopyableInto(value: Node, list: TSESTree.ObjectExpression, program: Node): boolean {
  if (!isWithin(list, program) || !isWithin(value, program)) return false;
  // A JSX attribute's string may hold a line break, which no JavaScript string literal may.
  if (value.type === 'Literal' && typeof value.value === 'string' && value.parent?.type !== 'JSXAttribute' && !/[\\\n\r]/.test(value.raw)) return true;
  const parent = value.parent;
  if (parent?.type !== 'Property' || parent.parent !== list || parent.value !== value) return false;
  if (value.type === 'Literal') return true;
  return value.type === 'Identifier' && !value.typeAnnotation && !value.optional && value.range[1] - value.range[0] === value.name.length;
}

const LINE_TERMINATOR = /^[\n\r\u2028\u2029]/;

/** Whether the edits turn the stretch after the last property into `, KEY: VALUE` (see above). */
export function appendsProperty(sourceCode: SourceCode, list: TSESTree.ObjectExpression, edits: readonly Fix[], key: string, valueText: string): boolean {
  if (list.properties.length === 0 || edits.length === 0) return false;
  const opening = sourceCode.getFirstToken(list);
  const closing = sourceCode.getLastToken(list);
  if (opening?.value !== '{' || closing?.value !== '}') return false;
  const last = list.properties.at(-1)!;
  // The last property's last token; parentheses around its value are tokens of it.
  let end = sourceCode.getTokenBefore(closing)!;
  if (end.value === ',' && end.type === 'Punctuator') end = sourceCode.getTokenBefore(end)!;
  if (end.range[1] < last.range[1]) return false;
  const between = sourceCode.getTokensBetween(end, closing, { includeComments: true });
  if (between.some((token) => token.type !== 'Line' && token.type !== 'Block' && !(token.type === 'Punctuator' && token.value === ','))) return false;
  const from = end.range[1];
  const to = closing.range[0];
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  for (const edit of sorted) {
    const at = edit.range[0];
    if (edit.range[1] !== at || at < from || at > to) return false;
    if (between.some((token) => token.range[0] < at && at < token.range[1])) return false;
    if (between.some((token) => token.type === 'Line' && token.range[1] === at) && !LINE_TERMINATOR.test(edit.text)) return false;
  }
  // The stretch as it reads after the edits, each original comment read as a space.
  let text = '';
  let position = from;
  const copy = (until: number): void => {
    for (const token of between) {
      if (token.range[1] <= position || token.range[0] >= until) continue;
      text += sourceCode.text.slice(position, token.range[0]) + (token.type === 'Punctuator' ? token.value : ' ');
      position = token.range[1];
    }
    text += sourceCode.text.slice(position, until);
    position = until;
  };
  for (const edit of sorted) {
    copy(edit.range[0]);
    text += edit.text;
  }
  copy(to);
  const start = /^\s*,\s*/.exec(text)?.[0].length;
  if (start === undefined || !text.startsWith(key, start)) return false;
  const colon = /^\s*:\s*/.exec(text.slice(start + key.length))?.[0].length;
  if (colon === undefined) return false;
  const rest = start + key.length + colon;
  return text.startsWith(valueText, rest) && /^\s*(?:,\s*)?$/.test(text.slice(rest + valueText.length));
}
