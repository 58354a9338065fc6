/**
 * String literals the fixes write, and the one edit that needs no re-parse: swapping a string
 * literal for another. `stringLiteral` writes a value as a single string literal token; a swap
 * replaces exactly the range of a string literal token (an ESTree `Literal` of the file's own tree,
 * which excludes parentheses) by such a token, in a position where the grammar takes any string
 * literal. Token for token, the file then parses as before: verification (verification.ts) takes a
 * swap without re-parsing. Positions where a string's value or quoting decides the syntax are not
 * swapped: a directive (`'use strict'`), a JSX attribute (no escapes there), a second `__proto__`
 * key, a module name, a literal type, an enum member, and any parent not listed here.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../syntax/ast.js';

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/**
 * Escapes a value into a string literal with the given quote, so the literal's value is exactly
 * `value`. `</script` and `<!--` are escaped too: a file embedded in an inline `<script>` must not
 * end the element or open an HTML comment. Nothing else needs escaping in a JavaScript string, and
 * no escape written here is a backslash before a digit (a legacy octal escape, refused in strict code).
 */
export function stringLiteral(value: string, quote: string): string {
  if (!NEEDS_ESCAPE.test(value) && !value.includes(quote)) return quote + value + quote;
  let out = quote;
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    const code = char.charCodeAt(0);
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16)}`;
    else if (char === '<' && HTML_BREAKOUT.test(value.slice(index, index + 8))) out += '\\x3C';
    else out += char;
  }
  return out + quote;
}

/** What ends an inline `<script>` or opens an HTML comment in it. */
const HTML_BREAKOUT = /^<(?:\/script|!--)/i;

/** Whatever `stringLiteral` escapes but the quote: most values have none and are written as they are. */
const NEEDS_ESCAPE = /[\\\0-\x1f\x7f\u2028\u2029]|<(?:\/script|!--)/i;

/** Parents whose every child slot that may hold a string literal takes any string literal. */
const EXPRESSION_PARENTS = new Set([
  'ArrayExpression',
  'AssignmentExpression',
  'AssignmentPattern',
  'AwaitExpression',
  'BinaryExpression',
  'ConditionalExpression',
  'LogicalExpression',
  'ReturnStatement',
  'SequenceExpression',
  'SpreadElement',
  'TemplateLiteral',
  'TSAsExpression',
  'TSNonNullExpression',
  'TSSatisfiesExpression',
  'VariableDeclarator',
]);

/** Whether swapping `node` for a string literal of `value` leaves a file that parses as before. */
export function isSwappable(node: Node, value: string, program: Node): boolean {
  if (node.type !== 'Literal' || typeof node.value !== 'string') return false;
  const parent = node.parent;
  if (!parent || !isWithin(node, program)) return false;
  if (EXPRESSION_PARENTS.has(parent.type)) return parent.type !== 'VariableDeclarator' || parent.init === node;
  switch (parent.type) {
    case 'CallExpression':
    case 'NewExpression':
      return parent.arguments.includes(node);
    case 'MemberExpression':
      return parent.object === node || (parent.computed && parent.property === node);
    case 'Property':
      if (parent.parent?.type !== 'ObjectExpression') return false;
      if (parent.value === node) return true;
      // Two `__proto__:` keys in one object literal are a syntax error.
      return parent.key === node && !parent.computed && value !== '__proto__';
    default:
      return false;
  }
}

/** Whether `node` hangs in `program` itself (not in a tree beside it, such as a Vue template's). */
export function isWithin(node: Node, program: Node): boolean {
  let current: Node | undefined = node;
  while (current?.parent) current = current.parent;
  return current === program;
}

/** The edits made by `swapLiteral`: verification knows them by identity. */
const swaps = new WeakSet<Fix>();

/** A fixer call replacing a string literal by a literal of `value` in `quote`; null where `isSwappable` refuses. */
export function swapLiteral(node: Node, value: string, quote: '"' | "'", program: Node): ((fixer: Fixer) => Fix) | null {
  if (!isSwappable(node, value, program)) return null;
  const text = stringLiteral(value, quote);
  const range = (node as TSESTree.StringLiteral).range;
  return (fixer) => {
    const fix = fixer.replaceTextRange(range, text);
    swaps.add(fix);
    return fix;
  };
}

/** Whether an edit is a literal swap (then it parses wherever the literal stood). */
export function isLiteralSwap(fix: Fix): boolean {
  return swaps.has(fix);
}
