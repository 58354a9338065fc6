/**
 * String methods whose result the analysis can tell from the value's known pieces: a base URL tidied
 * (`.trim()`, `.replace(/\/+$/, '')`), a header value cut to a length (`.slice(0, 200)`) or cleaned of
 * characters a header cannot carry (`.replace(/[^\x20-\x7E]/g, '-')`), a case change. Only patterns this
 * module recognises run, so no pattern of the linted file is executed at large.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Piece } from './static-value.js';

/** A method applied to an alternative's pieces: known text changes as the method would change it, holes stay unknown. */
export type PieceTransform = (pieces: readonly Piece[]) => Piece[];

/** The end-anchored patterns a base URL is tidied with, by their source. */
const TRAILING_PATTERNS = new Map([['\\/+$', /\/+$/], ['\\/$', /\/$/], ['\\/*$', /\/*$/], ['\\s+$', /\s+$/]]);
/** One character class, once or in runs (`[^\x20-\x7E]`, `[\r\n]+`): matched a character at a time, in linear time. */
const CHARACTER_CLASS = /^\[\^?(?:\\.|[^\\\]])+\]\+?$/;
/** Flags that keep a character class's meaning per character. */
const CLASS_FLAGS = /^g[iu]{0,2}$/;

function numberArgument(node: TSESTree.CallExpressionArgument | undefined): number | null {
  return node?.type === 'Literal' && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 0 ? node.value : null;
}

/** The pieces with the ends' known text changed. A hole at an end stays what it was, unknown. */
function atEnds(start: RegExp | null, end: RegExp): PieceTransform {
  return (pieces) => {
    const out = [...pieces];
    const last = out[out.length - 1];
    if (typeof last === 'string') out[out.length - 1] = last.replace(end, '');
    const first = out[0];
    if (start && typeof first === 'string') out[0] = first.replace(start, '');
    return out;
  };
}

/** The first `length` characters: exact while the text before them is known; from the first hole on, that hole stands for the rest. */
function prefix(length: number): PieceTransform {
  return (pieces) => {
    const out: Piece[] = [];
    let left = length;
    for (const piece of pieces) {
      if (left === 0) break;
      if (typeof piece !== 'string') {
        out.push(piece);
        break;
      }
      out.push(piece.slice(0, left));
      left -= Math.min(left, piece.length);
    }
    return out;
  };
}

/** Each piece of known text changed alone: exact for a change made a character at a time. */
function perPiece(change: (text: string) => string): PieceTransform {
  return (pieces) => pieces.map((piece) => (typeof piece === 'string' ? change(piece) : piece));
}

/** `.replace(/[class]/g, 'text')`: a character class replaced by literal text with no `$` patterns. */
function classReplacement(pattern: TSESTree.CallExpressionArgument | undefined, replacement: TSESTree.CallExpressionArgument | undefined): PieceTransform | null {
  if (pattern?.type !== 'Literal' || !('regex' in pattern) || !pattern.regex) return null;
  const { pattern: source, flags } = pattern.regex;
  if (!CHARACTER_CLASS.test(source) || !CLASS_FLAGS.test(flags)) return null;
  if (replacement?.type !== 'Literal' || typeof replacement.value !== 'string' || replacement.value.includes('$')) return null;
  // A run (`+`) replaced by text other than nothing may span a hole: per piece, that is not exact.
  if (source.endsWith('+') && replacement.value !== '') return null;
  let expression: RegExp;
  try {
    expression = new RegExp(source, flags);
  } catch {
    return null;
  }
  const text = replacement.value;
  return perPiece((piece) => piece.replace(expression, text));
}

/** What `value.method(...args)` does to a value's pieces, or null for a method this module does not follow. */
export function stringMethod(method: string, args: readonly TSESTree.CallExpressionArgument[]): PieceTransform | null {
  if ((method === 'trim' || method === 'trimEnd') && args.length === 0) return atEnds(method === 'trim' ? /^\s+/ : null, /\s+$/);
  if ((method === 'toLowerCase' || method === 'toUpperCase') && args.length === 0) return perPiece((piece) => (method === 'toLowerCase' ? piece.toLowerCase() : piece.toUpperCase()));
  if ((method === 'slice' || method === 'substring') && args.length === 2 && numberArgument(args[0]) === 0) {
    const length = numberArgument(args[1]);
    return length === null ? null : prefix(length);
  }
  if (method !== 'replace' || args.length !== 2) return null;
  const [pattern, replacement] = args;
  const end = pattern?.type === 'Literal' && 'regex' in pattern && pattern.regex.flags === '' ? TRAILING_PATTERNS.get(pattern.regex.pattern) : undefined;
  if (end) return replacement?.type === 'Literal' && replacement.value === '' ? atEnds(null, end) : null;
  return classReplacement(pattern, replacement);
}
