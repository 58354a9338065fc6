/**
 * Fix planning: where a site's missing attribution goes (the client's options, its headers object,
 * a new headers property, a new options argument) and the text to insert, in the file's quote
 * style and indentation. A plan that cannot be made safely is null: the finding is reported unfixed.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Node } from './ast.js';
import { HEADER_NAMES, type AttributionField } from './clients.js';
import type { OpenRouterSite } from './find-sites.js';
import type { ObjectShape } from './static-value.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** What to add: one value per field, taken from the project's config. */
export type AttributionValues = Partial<Record<AttributionField, string | readonly string[]>>;

/** Escapes a value into a string literal with the given quote, so the literal's value is exactly `value`. */
export function stringLiteral(value: string, quote: string): string {
  let out = quote;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16)}`;
    else out += char;
  }
  return out + quote;
}

/** The quote the file uses: the first string literal near the site, then in the file; `'` by default. */
export function preferredQuote(sourceCode: SourceCode, near: Node): string {
  const local = sourceCode.getTokens(near).find((token) => token.type === 'String');
  const token = local ?? sourceCode.ast.tokens.find((candidate) => candidate.type === 'String');
  return token?.value[0] === '"' ? '"' : "'";
}

function indentOf(sourceCode: SourceCode, node: Node): string | null {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  const prefix = line.slice(0, node.loc.start.column);
  return /^\s*$/.test(prefix) ? prefix : null;
}

/**
 * Inserts items into an object or array literal, matching its layout (one line, or one item a
 * line). A comment closing the last item's line stays with that item.
 */
export function insertIntoList(
  fixer: Fixer,
  sourceCode: SourceCode,
  list: TSESTree.ObjectExpression | TSESTree.ArrayExpression,
  items: readonly string[],
): Fix[] {
  const elements: Node[] = list.type === 'ObjectExpression' ? list.properties : list.elements.filter((element): element is NonNullable<typeof element> => element !== null);
  const opening = sourceCode.getFirstToken(list)!;
  const closing = sourceCode.getLastToken(list)!;
  const pad = list.type === 'ObjectExpression' ? ' ' : '';
  const last = elements.at(-1);
  if (!last) {
    const inner = sourceCode.text.slice(opening.range[1], closing.range[0]);
    if (inner.trim() === '') return [fixer.replaceTextRange([opening.range[1], closing.range[0]], `${pad}${items.join(', ')}${pad}`)];
    return [fixer.insertTextBefore(closing, `${pad}${items.join(', ')}${pad}`)];
  }
  const afterLast = sourceCode.getTokenAfter(last)!;
  const trailingComma = afterLast.value === ',' ? afterLast : null;
  const first = elements[0]!;
  const indent = first.loc.start.line !== opening.loc.start.line ? indentOf(sourceCode, first) : null;
  if (indent === null) {
    return [
      trailingComma
        ? fixer.insertTextAfter(trailingComma, ` ${items.join(', ')}`)
        : fixer.insertTextAfter(last, `, ${items.join(', ')}`),
    ];
  }
  const anchor = trailingComma ?? last;
  const lineComment = sourceCode
    .getCommentsAfter(anchor)
    .filter((comment) => comment.loc.start.line === anchor.loc.end.line)
    .at(-1);
  const eol = sourceCode.text.includes('\r\n') ? '\r\n' : '\n';
  const text = items.map((item) => `${eol}${indent}${item}`).join(',') + (trailingComma ? ',' : '');
  const edits = [fixer.insertTextAfterRange((lineComment ?? anchor).range, text)];
  if (!trailingComma) edits.unshift(fixer.insertTextAfter(last, ','));
  return edits;
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
    else if (site.row.headersOption) items.headers.push([HEADER_NAMES[field][0]!, renderValue(value, site, quote, 'header')]);
    else return null;
  }
  return items;
}

/** `configuration: { defaultHeaders: {...} }` for the part of an option path that does not exist yet. */
function nested(path: readonly string[], value: string): string {
  return path.reduceRight((inner, segment, index) => (index === path.length - 1 ? `${segment}: ${inner}` : `${segment}: { ${inner} }`), value);
}

export type AttributionFix = (fixer: Fixer) => Fix[];

/**
 * A fix that adds the given attribution to a site in the client's own form, or null when there is
 * no safe place to write it (options from a function call, a headers object shared with other code).
 */
export function planAttributionFix(site: OpenRouterSite, sourceCode: SourceCode, values: AttributionValues): AttributionFix | null {
  if (site.row.attributionless) return null;
  const quote = preferredQuote(sourceCode, site.node);
  const items = planItems(site, values, quote);
  if (!items || (items.options.length === 0 && items.headers.length === 0)) return null;

  // Items to insert per literal; `null` stands for an options argument the call does not have yet.
  const inserts = new Map<TSESTree.ObjectExpression | TSESTree.ArrayExpression | null, string[]>();
  const add = (target: ObjectShape | null, text: string[]): boolean => {
    if (target && !target.editable) return false;
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
      if (!headers.container.editable) return null;
      const literal = headers.container.literal;
      inserts.set(
        literal,
        items.headers.map(([name, value]) =>
          literal.type === 'ObjectExpression' ? `${stringLiteral(name, quote)}: ${value}` : `[${stringLiteral(name, quote)}, ${value}]`,
        ),
      );
    } else {
      const object = `{ ${items.headers.map(([name, value]) => `${stringLiteral(name, quote)}: ${value}`).join(', ')} }`;
      if (!add(headers.parent, [nested(headers.remaining, object)])) return null;
    }
  }

  const edits: ((fixer: Fixer) => Fix | Fix[])[] = [];
  for (const [literal, text] of inserts) {
    if (literal) {
      edits.push((fixer) => insertIntoList(fixer, sourceCode, literal, text));
      continue;
    }
    const index = site.options.kind === 'missing' ? site.options.argumentIndex : -1;
    const insertion = newOptionsArgument(site, sourceCode, index, `{ ${text.join(', ')} }`);
    if (!insertion) return null;
    edits.push(insertion);
  }
  return (fixer) => edits.flatMap((edit) => edit(fixer));
}

/** Adds an options argument where the call has none: `new OpenRouter()`, `fetch(url)`. */
function newOptionsArgument(site: OpenRouterSite, sourceCode: SourceCode, index: number, objectText: string): ((fixer: Fixer) => Fix) | null {
  const { node } = site;
  if (index < 0 || node.arguments.length !== index) return null;
  const lastToken = sourceCode.getLastToken(node)!;
  if (lastToken.value !== ')') {
    // `new OpenRouter` without parentheses.
    return index === 0 && node.type === 'NewExpression' ? (fixer) => fixer.insertTextAfter(node, `(${objectText})`) : null;
  }
  const previous = node.arguments.at(-1);
  if (!previous) return (fixer) => fixer.insertTextBefore(lastToken, objectText);
  const afterPrevious = sourceCode.getTokenAfter(previous)!;
  return afterPrevious.value === ','
    ? (fixer) => fixer.insertTextAfter(afterPrevious, ` ${objectText}`)
    : (fixer) => fixer.insertTextAfter(previous, `, ${objectText}`);
}

/** A suggestion edit that replaces a string literal's value, keeping its quote; null for other nodes. */
export function replaceStringValue(sourceCode: SourceCode, node: Node, value: string): ((fixer: Fixer) => Fix) | null {
  if (node.type === 'Literal' && typeof node.value === 'string') {
    const quote = sourceCode.getText(node)[0] === '"' ? '"' : "'";
    return (fixer) => fixer.replaceText(node, stringLiteral(value, quote));
  }
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    return (fixer) => fixer.replaceText(node, stringLiteral(value, preferredQuote(sourceCode, node)));
  }
  return null;
}
