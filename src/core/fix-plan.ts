/**
 * Fix planning: where a site's missing attribution goes (the client's options, its headers object,
 * a new headers property, a new options argument) and the text to insert, in the file's quote
 * style and indentation. A plan that cannot be made safely is null: the finding is reported unfixed.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { fileKey, type Node } from './ast.js';
import { HEADER_NAMES, type AttributionField } from './clients.js';
import type { OpenRouterSite } from './find-sites.js';
import type { ObjectShape } from './static-value.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** What to add: one value per field, taken from the project's config. */
export type AttributionValues = Partial<Record<AttributionField, string | readonly string[]>>;

/**
 * Escapes a value into a string literal with the given quote, so the literal's value is exactly
 * `value`. `</script` and `<!--` are escaped too: a file embedded in an inline `<script>` must not
 * end the element or open an HTML comment.
 */
export function stringLiteral(value: string, quote: string): string {
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

/** The file's own quote style and line ending, found once per file. */
const fileStyles = new WeakMap<object, { quote: string; eol: string }>();

function fileStyle(sourceCode: SourceCode): { quote: string; eol: string } {
  let style = fileStyles.get(fileKey(sourceCode));
  if (!style) {
    const token = sourceCode.ast.tokens.find((candidate) => candidate.type === 'String');
    style = { quote: token?.value[0] === '"' ? '"' : "'", eol: sourceCode.text.includes('\r\n') ? '\r\n' : '\n' };
    fileStyles.set(fileKey(sourceCode), style);
  }
  return style;
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
  // The token before the closing bracket ends the last item (parentheses included) or is its trailing comma.
  const beforeClosing = sourceCode.getTokenBefore(closing)!;
  const trailingComma = beforeClosing.value === ',' ? beforeClosing : null;
  const lastEnd = trailingComma ? sourceCode.getTokenBefore(trailingComma)! : beforeClosing;
  const first = elements[0]!;
  const indent = first.loc.start.line !== opening.loc.start.line ? indentOf(sourceCode, first) : null;
  if (indent === null) {
    return [
      trailingComma
        ? fixer.insertTextAfter(trailingComma, ` ${items.join(', ')}`)
        : fixer.insertTextAfter(lastEnd, `, ${items.join(', ')}`),
    ];
  }
  const anchor = trailingComma ?? lastEnd;
  const lineComment = sourceCode
    .getCommentsAfter(anchor)
    .filter((comment) => comment.loc.start.line === anchor.loc.end.line)
    .at(-1);
  const { eol } = fileStyle(sourceCode);
  const text = items.map((item) => `${eol}${indent}${item}`).join(',') + (trailingComma ? ',' : '');
  const edits = [fixer.insertTextAfterRange((lineComment ?? anchor).range, text)];
  if (!trailingComma) edits.unshift(fixer.insertTextAfter(lastEnd, ','));
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

/** Adds an options argument where the call has none: `new OpenRouter()`, `fetch(url)`. */
function newOptionsArgument(site: OpenRouterSite, sourceCode: SourceCode, index: number, objectText: string): ((fixer: Fixer) => Fix) | null {
  const { node } = site;
  if (index < 0 || node.arguments.length !== index) return null;
  if (!argumentListOpening(sourceCode, node)) {
    // `new OpenRouter` without parentheses.
    return index === 0 && node.type === 'NewExpression' ? (fixer) => fixer.insertTextAfter(node, `(${objectText})`) : null;
  }
  const closing = sourceCode.getLastToken(node)!;
  if (closing.value !== ')') return null;
  if (node.arguments.length === 0) return (fixer) => fixer.insertTextBefore(closing, objectText);
  // The token before `)` ends the last argument, parentheses included, or is its trailing comma.
  const beforeClosing = sourceCode.getTokenBefore(closing)!;
  return beforeClosing.value === ','
    ? (fixer) => fixer.insertTextAfter(beforeClosing, ` ${objectText}`)
    : (fixer) => fixer.insertTextAfter(beforeClosing, `, ${objectText}`);
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
