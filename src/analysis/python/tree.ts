/** Reading @lezer/python's nodes: children without punctuation, call arguments, dotted names. */
import type { SyntaxNode } from '@lezer/common';

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '.', '=', '*', '**', 'AssignOp']);

/** A comment inside brackets (the docs' `"HTTP-Referer": "...",  # Optional.`) is a node of the tree, never a value. */
export function isComment(node: SyntaxNode): boolean {
  return node.name === 'Comment';
}

/** The children that are expressions or names, not brackets, commas or operators of the grammar. */
export function meaningfulChildren(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (!PUNCTUATION.has(child.name) && !isComment(child)) out.push(child);
  return out;
}

export function childNamed(node: SyntaxNode, name: string): SyntaxNode | null {
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name === name) return child;
  return null;
}

/** Parentheses around an expression say nothing of its value. */
export function unparenthesised(node: SyntaxNode): SyntaxNode {
  let current = node;
  for (let step = 0; current.name === 'ParenthesizedExpression' && step < 64; step++) {
    const inner = meaningfulChildren(current);
    if (inner.length !== 1) break;
    current = inner[0]!;
  }
  return current;
}

/** A call's arguments: positional ones, keyword ones, and whether `*args`/`**kwargs` may add more. */
export interface CallArguments {
  readonly positional: readonly SyntaxNode[];
  readonly keywords: ReadonlyMap<string, SyntaxNode>;
  /** `*args` (positions unknown past it). */
  readonly starred: boolean;
  /** `**kwargs`: the expressions unpacked, in order. */
  readonly doubleStarred: readonly SyntaxNode[];
  /** Keywords a `**d` passes with one of several values (a key written in a branch), when no single one is known. */
  readonly alternatives?: ReadonlyMap<string, readonly SyntaxNode[]>;
}

export function callArguments(source: string, call: SyntaxNode): CallArguments {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const doubleStarred: SyntaxNode[] = [];
  let starred = false;
  const list = childNamed(call, 'ArgList');
  let pending: 'star' | 'double' | null = null;
  let keyword: string | null = null;
  for (let child = list?.firstChild ?? null; child; child = child.nextSibling) {
    const name = child.name;
    if (name === '(' || name === ')' || name === ',' || isComment(child)) continue;
    if (name === '*') pending = 'star';
    else if (name === '**') pending = 'double';
    else if (name === 'AssignOp') {
      // `name=value`: the name was read as a positional argument just before.
      const last = positional.pop();
      keyword = last ? source.slice(last.from, last.to) : null;
    } else if (keyword !== null) {
      keywords.set(keyword, child);
      keyword = null;
    } else if (pending === 'star') {
      starred = true;
      pending = null;
    } else if (pending === 'double') {
      doubleStarred.push(child);
      pending = null;
    } else positional.push(child);
  }
  return { positional, keywords, starred, doubleStarred };
}

/** A positional argument before any `*args`, or a keyword: where a parameter is passed. */
export function argumentOf(args: CallArguments, keywords: readonly string[], position: number | null): SyntaxNode | null {
  for (const keyword of keywords) {
    const found = args.keywords.get(keyword);
    if (found) return found;
  }
  return position !== null ? (args.positional[position] ?? null) : null;
}

/** Every value the argument may be: `argumentOf`'s, or each of a keyword's alternatives. */
export function argumentValues(args: CallArguments, keywords: readonly string[], position: number | null): readonly SyntaxNode[] {
  const found = argumentOf(args, keywords, position);
  if (found) return [found];
  for (const keyword of keywords) {
    const values = args.alternatives?.get(keyword);
    if (values) return values;
  }
  return [];
}

/** `a.b.c` of a member chain of names, or null when a link is a call, subscript or other expression. */
export function dottedName(source: string, node: SyntaxNode): string[] | null {
  const names: string[] = [];
  let current: SyntaxNode | null = node;
  for (let step = 0; current && step < 64; step++) {
    if (current.name === 'VariableName') {
      names.unshift(source.slice(current.from, current.to));
      return names;
    }
    if (current.name !== 'MemberExpression') return null;
    const property = current.lastChild;
    if (!property || property.name !== 'PropertyName') return null;
    names.unshift(source.slice(property.from, property.to));
    current = current.firstChild;
  }
  return null;
}
