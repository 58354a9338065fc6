/**
 * Fix planning: where a site's missing attribution goes (the client's options, its headers object,
 * a new headers property, a new options argument) and the text to insert, in the file's quote
 * style and indentation. A plan that cannot be made safely is null: the finding is reported unfixed.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { fileKey, unwrap, type Node } from '../syntax/ast.js';
import { HEADER_NAMES, type AttributionField } from '../domain/attribution-headers.js';
import type { OpenRouterSite } from '../sites/site.js';
import type { ObjectShape } from '../values/static-value.js';
import { takesNoAttribution } from '../clients/rows.js';
import { planPythonInsertion } from '../python/front-end.js';
import type { PythonSourceCodeLike } from '../python/python-source.js';
import { stringLiteral, swapLiteral } from './literal-swap.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** What to add: one value per field, taken from the project's config. */
export type AttributionValues = Partial<Record<AttributionField, string | readonly string[]>>;

/** The file's own conventions, found once per file. */
interface FileStyle {
  readonly quote: string;
  readonly eol: string;
  /** One level of indentation: the first indented line's tab, or its spaces; two spaces by default. */
  readonly indentUnit: string;
  /** Whether a multi-line list in the file ends with a comma, for a new multi-line options argument. */
  readonly trailingComma: boolean;
  /** The line width past which a new object is broken over lines (see `apparentWidth`). */
  readonly width: number;
}

const fileStyles = new WeakMap<object, FileStyle>();

function fileStyle(sourceCode: SourceCode): FileStyle {
  let style = fileStyles.get(fileKey(sourceCode));
  if (!style) {
    const token = sourceCode.ast.tokens.find((candidate) => candidate.type === 'String');
    style = {
      quote: token?.value[0] === '"' ? '"' : "'",
      eol: sourceCode.text.includes('\r\n') ? '\r\n' : '\n',
      indentUnit: indentUnitOf(sourceCode.lines),
      trailingComma: /,[ \t]*\r?\n[ \t]*[}\]]/.test(sourceCode.text),
      width: apparentWidth(sourceCode.lines),
    };
    fileStyles.set(fileKey(sourceCode), style);
  }
  return style;
}

/** Lines a file needs before its longest one says how wide it is written. */
const WIDTH_SAMPLE_LINES = 20;

/**
 * The line width the file appears to be written to: its longest line, clamped to [80, 160] so one
 * long URL or a generated line does not decide alone; 100 for a file too short to tell.
 */
function apparentWidth(lines: readonly string[]): number {
  if (lines.length < WIDTH_SAMPLE_LINES) return 100;
  const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  return Math.min(160, Math.max(80, longest));
}

/** The first indentation the file uses, skipping ` * ` lines inside block comments. */
function indentUnitOf(lines: readonly string[]): string {
  for (const line of lines) {
    const match = /^([ \t]+)[^\s*]/.exec(line);
    if (match) return match[1]!.includes('\t') ? '\t' : match[1]!;
  }
  return '  ';
}

/** Tokens of a site looked at for its quote style: the start of a call holds its first strings. */
const LOCAL_QUOTE_TOKENS = 64;

/** The quote the file uses: the first string literal near the site, then in the file; `'` by default. */
export function preferredQuote(sourceCode: SourceCode, near: Node): string {
  const local = sourceCode.getFirstTokens(near, { count: LOCAL_QUOTE_TOKENS }).find((token) => token.type === 'String');
  if (local) return local.value[0] === '"' ? '"' : "'";
  return fileStyle(sourceCode).quote;
}

function indentOf(sourceCode: SourceCode, node: Node): string | null {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  const prefix = line.slice(0, node.loc.start.column);
  return /^\s*$/.test(prefix) ? prefix : null;
}

/** The leading whitespace of a line (1-based). */
function lineIndent(sourceCode: SourceCode, line: number): string {
  return /^[ \t]*/.exec(sourceCode.lines[line - 1] ?? '')![0];
}

/** An entry to insert: finished text, or a key whose value is an object the fix creates. */
export type ListItem = string | { readonly key: string; readonly entries: readonly ListItem[] };

/** How a new object is written: on one line, or one entry a line below `indent`. */
type Layout = { readonly multiline: false } | { readonly multiline: true; readonly indent: string; readonly unit: string; readonly eol: string; readonly comma: boolean };

const ONE_LINE: Layout = { multiline: false };

/** An item's text; a new object in a multi-line layout puts its entries one level below `layout.indent`. */
function renderItem(item: ListItem, layout: Layout): string {
  if (typeof item === 'string') return item;
  return `${item.key}: ${renderObject(item.entries, layout)}`;
}

/** A new object: `{ a, b }` on one line, or one entry a line with the closing brace at `layout.indent`. */
function renderObject(entries: readonly ListItem[], layout: Layout): string {
  if (!layout.multiline) return `{ ${entries.map((entry) => renderItem(entry, layout)).join(', ')} }`;
  const inner = { ...layout, indent: layout.indent + layout.unit };
  const lines = entries.map((entry) => `${layout.eol}${inner.indent}${renderItem(entry, inner)}`);
  return `{${lines.join(',')}${layout.comma ? ',' : ''}${layout.eol}${layout.indent}}`;
}

/**
 * Whether text inserted on a line would make it longer than the file is written to, the point
 * where a person would break a new object over lines.
 */
function overflows(sourceCode: SourceCode, line: number, inserted: string): boolean {
  return (sourceCode.lines[line - 1] ?? '').length + inserted.length > fileStyle(sourceCode).width;
}

/**
 * The layout for new objects inserted on a one-line list's line: one line, unless that would make
 * the line too long; then multi-line, indented from the line's own indentation.
 */
function layoutOnLine(sourceCode: SourceCode, line: number, inserted: string, comma: boolean): Layout {
  if (!overflows(sourceCode, line, inserted)) return ONE_LINE;
  const { eol, indentUnit } = fileStyle(sourceCode);
  return { multiline: true, indent: lineIndent(sourceCode, line), unit: indentUnit, eol, comma };
}

/**
 * Inserts items into an object or array literal, matching its layout (one line, or one item a
 * line). A comment closing the last item's line stays with that item. Items already written stay
 * as they are: only the objects the fix creates take the list's layout, or break over lines when
 * one line would be too long.
 */
export function insertIntoList(
  fixer: Fixer,
  sourceCode: SourceCode,
  list: TSESTree.ObjectExpression | TSESTree.ArrayExpression,
  items: readonly ListItem[],
): Fix[] {
  const elements: Node[] = list.type === 'ObjectExpression' ? list.properties : list.elements.filter((element): element is NonNullable<typeof element> => element !== null);
  const opening = sourceCode.getFirstToken(list)!;
  const closing = sourceCode.getLastToken(list)!;
  const pad = list.type === 'ObjectExpression' ? ' ' : '';
  const last = elements.at(-1);
  const oneLineText = (line: number, comma: boolean, wrap: (text: string) => string): string => {
    const inline = wrap(items.map((item) => renderItem(item, ONE_LINE)).join(', '));
    const layout = layoutOnLine(sourceCode, line, inline, comma);
    return layout.multiline ? wrap(items.map((item) => renderItem(item, layout)).join(', ')) : inline;
  };
  if (!last) {
    const inner = sourceCode.text.slice(opening.range[1], closing.range[0]);
    const text = oneLineText(closing.loc.start.line, false, (joined) => `${pad}${joined}${pad}`);
    if (inner.trim() === '') return [fixer.replaceTextRange([opening.range[1], closing.range[0]], text)];
    return [fixer.insertTextBefore(closing, text)];
  }
  // The token before the closing bracket ends the last item (parentheses included) or is its trailing comma.
  const beforeClosing = sourceCode.getTokenBefore(closing)!;
  const trailingComma = beforeClosing.value === ',' ? beforeClosing : null;
  const lastEnd = trailingComma ? sourceCode.getTokenBefore(trailingComma)! : beforeClosing;
  const first = elements[0]!;
  const indent = first.loc.start.line !== opening.loc.start.line ? indentOf(sourceCode, first) : null;
  if (indent === null) {
    const anchor = trailingComma ?? lastEnd;
    return [
      trailingComma
        ? fixer.insertTextAfter(trailingComma, oneLineText(anchor.loc.end.line, true, (joined) => ` ${joined}`))
        : fixer.insertTextAfter(lastEnd, oneLineText(anchor.loc.end.line, false, (joined) => `, ${joined}`)),
    ];
  }
  const anchor = trailingComma ?? lastEnd;
  const lineComment = sourceCode
    .getCommentsAfter(anchor)
    .filter((comment) => comment.loc.start.line === anchor.loc.end.line)
    .at(-1);
  const { eol } = fileStyle(sourceCode);
  const layout: Layout = { multiline: true, indent, unit: indentStep(sourceCode, opening, indent), eol, comma: trailingComma !== null };
  const text = items.map((item) => `${eol}${indent}${renderItem(item, layout)}`).join(',') + (trailingComma ? ',' : '');
  const edits = [fixer.insertTextAfterRange((lineComment ?? anchor).range, text)];
  if (!trailingComma) edits.unshift(fixer.insertTextAfter(lastEnd, ','));
  return edits;
}

/**
 * One level of indentation as a multi-line list uses it: its entries' indent less that of the
 * line that opens it; the file's own unit when that says nothing (entries not indented further).
 */
function indentStep(sourceCode: SourceCode, opening: TSESLint.AST.Token, entryIndent: string): string {
  const openingIndent = lineIndent(sourceCode, opening.loc.start.line);
  if (entryIndent.length > openingIndent.length && entryIndent.startsWith(openingIndent)) return entryIndent.slice(openingIndent.length);
  return fileStyle(sourceCode).indentUnit;
}

interface PlannedItems {
  /** `httpReferer: '...'` entries for the client's own options. */
  readonly options: string[];
  /** `['HTTP-Referer', '...']` name/value pairs for its headers. */
  readonly headers: [string, string][];
}

function renderValue(value: string | readonly string[], site: OpenRouterSite, quote: string, via: 'option' | 'header'): string {
  if (typeof value === 'string') return stringLiteral(value, quote);
  if (via === 'option' && site.row.categoriesForm === 'array') return `[${value.map((item) => stringLiteral(item, quote)).join(', ')}]`;
  return stringLiteral(value.join(','), quote);
}

function planItems(site: OpenRouterSite, values: AttributionValues, quote: string): PlannedItems | null {
  const items: PlannedItems = { options: [], headers: [] };
  for (const field of ['referer', 'title', 'categories'] as const) {
    const value = values[field];
    if (value === undefined) continue;
    const option = site.row.options[field]?.[0];
    if (option) items.options.push(`${option}: ${renderValue(value, site, quote, 'option')}`);
    else if (site.row.headersOption || site.row.headerSetter) items.headers.push([HEADER_NAMES[field][0]!, renderValue(value, site, quote, 'header')]);
    // Only a project's own client may take no field (a wrapper that sets its title itself): nothing to write for it.
  }
  return items;
}

/** `configuration: { defaultHeaders: {...} }` for the part of an option path that does not exist yet. */
function nested(path: readonly string[], entries: readonly ListItem[]): ListItem {
  return path.reduceRight<readonly ListItem[]>((inner, segment) => [{ key: segment, entries: inner }], entries)[0]!;
}

export type AttributionFix = (fixer: Fixer) => Fix[];

/** A Python site's fix: one keyword inserted into its call (python/fix-plan.ts). */
function pythonAttributionFix(site: OpenRouterSite, sourceCode: SourceCode, values: AttributionValues): AttributionFix | null {
  const parse = (sourceCode as unknown as Partial<PythonSourceCodeLike>).python;
  const insertion = parse ? planPythonInsertion(parse, site, values) : null;
  return insertion ? (fixer) => [fixer.insertTextAfterRange([insertion.at, insertion.at], insertion.text)] : null;
}

/**
 * A fix that adds the given attribution to a site in the client's own form, or null when there is
 * no safe place to write it (options from a function call, a headers object shared with other code).
 */
export function planAttributionFix(site: OpenRouterSite, sourceCode: SourceCode, values: AttributionValues): AttributionFix | null {
  // A wrapper's call reaches the client through parameters: which object to edit is not unambiguous.
  if (takesNoAttribution(site.row) || site.wrapperCall) return null;
  if (site.language === 'python') return pythonAttributionFix(site, sourceCode, values);
  const quote = preferredQuote(sourceCode, site.node);
  const items = planItems(site, values, quote);
  if (!items || (items.options.length === 0 && items.headers.length === 0)) return null;
  if (!site.row.headersOption && site.row.headerSetter) return items.options.length === 0 ? setterCallsFix(site, sourceCode, items.headers, quote) : null;

  // Items to insert per literal; `null` stands for an options argument the call does not have yet.
  const inserts = new Map<TSESTree.ObjectExpression | TSESTree.ArrayExpression | null, ListItem[]>();
  const add = (target: ObjectShape | null, text: ListItem[]): boolean => {
    if (target && (!target.editable || !target.literal)) return false;
    const key = target?.literal ?? null;
    inserts.set(key, [...(inserts.get(key) ?? []), ...text]);
    return true;
  };
  if (items.options.length > 0) {
    if (site.options.kind === 'unknown') return null;
    if (!add(site.options.kind === 'object' ? site.options.shape : null, items.options)) return null;
  }
  if (items.headers.length > 0) {
    const headers = site.headers;
    if (headers.kind === 'unknown') return null;
    if (headers.kind === 'container') {
      const literal = headers.container.literal;
      if (!headers.container.editable || !literal) return null;
      inserts.set(
        literal,
        items.headers.map(([name, value]) =>
          literal.type === 'ObjectExpression' ? `${stringLiteral(name, quote)}: ${value}` : `[${stringLiteral(name, quote)}, ${value}]`,
        ),
      );
    } else {
      const entries = items.headers.map(([name, value]) => `${stringLiteral(name, quote)}: ${value}`);
      if (!add(headers.parent, [nested(headers.remaining, entries)])) return null;
    }
  }

  const edits: ((fixer: Fixer) => Fix | Fix[])[] = [];
  for (const [literal, text] of inserts) {
    if (literal) {
      edits.push((fixer) => insertIntoList(fixer, sourceCode, literal, text));
      continue;
    }
    const index = site.options.kind === 'missing' ? site.options.argumentIndex : -1;
    const insertion = newOptionsArgument(site, sourceCode, index, text);
    if (!insertion) return null;
    edits.push(insertion);
  }
  return (fixer) => edits.flatMap((edit) => edit(fixer));
}

/** Kinds of node whose body is a list of statements, where a statement can be added after another. */
const STATEMENT_LISTS = new Set(['Program', 'BlockStatement', 'StaticBlock', 'SwitchCase']);

/**
 * For a client whose headers are set by calls on the request object (`xhr.setRequestHeader()`), one
 * such call per header as statements right after the request's own (`xhr.open(...);`), which come
 * before it is sent. Only where every header the request sends is known and the request is a
 * statement of a list: elsewhere (`if (x) xhr.open(...)`) where a statement goes is not unambiguous.
 */
function setterCallsFix(site: OpenRouterSite, sourceCode: SourceCode, headers: readonly [string, string][], quote: string): AttributionFix | null {
  const setter = site.row.headerSetter;
  const statement = site.node.parent;
  const callee = unwrap(site.node.callee);
  if (setter?.object !== 'receiver' || site.headers.kind !== 'container' || callee.type !== 'MemberExpression') return null;
  if (statement?.type !== 'ExpressionStatement' || statement.expression !== site.node || !STATEMENT_LISTS.has(statement.parent?.type ?? '')) return null;
  const receiver = unwrap(callee.object);
  if (receiver.type !== 'Identifier') return null;
  const indent = indentOf(sourceCode, statement);
  const end = sourceCode.getLastToken(statement)?.value === ';' ? ';' : '';
  // Without a semicolon, a statement is ended only by a line break.
  if (indent === null && end === '') return null;
  const separator = indent === null ? ' ' : `${fileStyle(sourceCode).eol}${indent}`;
  const text = headers.map(([name, value]) => `${separator}${receiver.name}.${setter.method}(${stringLiteral(name, quote)}, ${value})${end}`).join('');
  return (fixer) => [fixer.insertTextAfter(statement, text)];
}

/**
 * The `(` that opens a call's argument list, or null for `new X` without one. The callee may be
 * wrapped in parentheses (`new (OpenRouter)`, `(0, fetch)(url)`), whose `)` is not the list's.
 */
function argumentListOpening(sourceCode: SourceCode, node: OpenRouterSite['node']): TSESLint.AST.Token | null {
  let token = sourceCode.getTokenAfter(node.callee);
  let open = 0;
  for (let before = sourceCode.getTokenBefore(node.callee); before && before.range[0] >= node.range[0] && before.value === '('; before = sourceCode.getTokenBefore(before)) {
    open++;
  }
  for (; token && open > 0 && token.value === ')'; open--) token = sourceCode.getTokenAfter(token);
  if (token?.value === '?.') token = sourceCode.getTokenAfter(token);
  // Type arguments (`new OpenAI<T>()`) sit between the callee and the list.
  if (token?.value === '<' && node.typeArguments) token = sourceCode.getTokenAfter(node.typeArguments);
  return token && token.value === '(' && token.range[1] <= node.range[1] ? token : null;
}

/**
 * The text of a new options argument inserted after `anchor`: one line, or one entry a line when
 * one line would be too long.
 */
function optionsArgumentText(sourceCode: SourceCode, anchor: Node | TSESLint.AST.Token, entries: readonly ListItem[], before: string, after: string): string {
  const inline = `${before}${renderObject(entries, ONE_LINE)}${after}`;
  const line = anchor.loc.end.line;
  if (!overflows(sourceCode, line, inline)) return inline;
  const { eol, indentUnit, trailingComma } = fileStyle(sourceCode);
  return `${before}${renderObject(entries, { multiline: true, indent: lineIndent(sourceCode, line), unit: indentUnit, eol, comma: trailingComma })}${after}`;
}

/** Adds an options argument where the call has none: `new OpenRouter()`, `fetch(url)`. */
function newOptionsArgument(site: OpenRouterSite, sourceCode: SourceCode, index: number, entries: readonly ListItem[]): ((fixer: Fixer) => Fix) | null {
  const { node } = site;
  if (index < 0 || node.arguments.length !== index) return null;
  if (!argumentListOpening(sourceCode, node)) {
    // `new OpenRouter` without parentheses.
    return index === 0 && node.type === 'NewExpression' ? (fixer) => fixer.insertTextAfter(node, optionsArgumentText(sourceCode, node, entries, '(', ')')) : null;
  }
  const closing = sourceCode.getLastToken(node)!;
  if (closing.value !== ')') return null;
  if (node.arguments.length === 0) return (fixer) => fixer.insertTextBefore(closing, optionsArgumentText(sourceCode, closing, entries, '', ''));
  // The token before `)` ends the last argument, parentheses included, or is its trailing comma.
  const beforeClosing = sourceCode.getTokenBefore(closing)!;
  return beforeClosing.value === ','
    ? (fixer) => fixer.insertTextAfter(beforeClosing, optionsArgumentText(sourceCode, beforeClosing, entries, ' ', ''))
    : (fixer) => fixer.insertTextAfter(beforeClosing, optionsArgumentText(sourceCode, beforeClosing, entries, ', ', ''));
}

/** A suggestion edit that replaces a string literal's value, keeping its quote; null for other nodes. */
export function replaceStringValue(sourceCode: SourceCode, node: Node, value: string): ((fixer: Fixer) => Fix) | null {
  if (node.type === 'Literal' && typeof node.value === 'string') {
    const quote = sourceCode.getText(node)[0] === '"' ? '"' : "'";
    return swapLiteral(node, value, quote, sourceCode.ast) ?? ((fixer) => fixer.replaceText(node, stringLiteral(value, quote)));
  }
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    return (fixer) => fixer.replaceText(node, stringLiteral(value, preferredQuote(sourceCode, node)));
  }
  return null;
}

/** Removes an item of an object or array literal with its comma, leaving the items around it as written. */
export function removeListItem(fixer: Fixer, sourceCode: SourceCode, item: Node): Fix {
  const before = sourceCode.getTokenBefore(item);
  const after = sourceCode.getTokenAfter(item);
  const next = after?.value === ',' ? sourceCode.getTokenAfter(after, { includeComments: true }) : null;
  // The only item: the brackets are left empty.
  if (before && after && (before.value === '{' || before.value === '[') && (next ?? after).value === (before.value === '{' ? '}' : ']')) {
    return fixer.removeRange([before.range[1], (next ?? after).range[0]]);
  }
  // The last item: its comma goes with the one before it, so the closing bracket keeps its line.
  if (before?.value === ',' && (!next || next.value === '}' || next.value === ']')) {
    return fixer.removeRange(next ? [before.range[1], after!.range[1]] : [before.range[0], item.range[1]]);
  }
  return fixer.removeRange([item.range[0], next ? next.range[0] : item.range[1]]);
}
