/**
 * The one edit `--fix` makes in Python: the attribution a call lacks, inserted as a keyword argument the
 * call does not pass at all (`default_headers={...}` on `OpenAI(...)`, `http_referer="..."` on the SDK's
 * `OpenRouter(...)`), with values from the project's identity. Only where every argument of the call is
 * visible (no `*args` or `**kwargs`, which may already carry it) and the keyword is a plain one of the call's
 * row, or into the headers dict literal the call already passes; the edited call is re-parsed alone before
 * the edit is offered.
 */
import type { SyntaxNode } from '@lezer/common';
import { HEADER_NAMES, type AttributionField } from '../domain/attribution-headers.js';
import type { OpenRouterSite } from '../sites/site.js';
import { syntaxErrorCount, type PythonParse } from './parse.js';
import { callArguments } from './tree.js';

/** What the insertion writes, field by field (a category list as the row takes it). */
export type InsertedValues = Partial<Record<AttributionField, string | readonly string[]>>;

export interface PythonInsertion {
  readonly at: number;
  readonly text: string;
}

/** A double-quoted Python string whose value is exactly `value`. */
export function pythonString(value: string): string {
  let out = '"';
  for (const character of value) {
    const code = character.codePointAt(0)!;
    if (character === '\\' || character === '"') out += `\\${character}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += character;
  }
  return `${out}"`;
}

/** The call expression at exactly this range, or null. */
function callAt(parse: PythonParse, range: readonly [number, number]): SyntaxNode | null {
  for (let node: SyntaxNode | null = parse.tree.resolveInner(range[0], 1); node; node = node.parent) {
    if (node.from < range[0]) return null;
    if (node.name === 'CallExpression' && node.from === range[0] && node.to === range[1]) return node;
  }
  return null;
}

/**
 * The headers added to the dict literal the call passes as its headers keyword (`default_headers={"X-Title":
 * "Acme"}` gains `"HTTP-Referer": ...`), after its last entry: only a plain literal of the call, with no `**`
 * merge that may hold the header already; the analysis read it whole, so the keys added are not in it.
 */
function intoDict(parse: PythonParse, call: SyntaxNode, value: SyntaxNode, headers: readonly string[]): PythonInsertion | null {
  if (value.name !== 'DictionaryExpression' || !/^\s*\{/.test(parse.text.slice(value.from, value.to))) return null;
  let last: SyntaxNode | null = null;
  for (let child = value.firstChild; child; child = child.nextSibling) {
    if (child.name === '**' || child.name === 'for') return null;
    if (child.name !== '{' && child.name !== '}' && child.name !== ',' && !child.type.isSkipped) last = child;
  }
  const insertion = last ? { at: last.to, text: `, ${headers.join(', ')}` } : { at: value.from + 1, text: headers.join(', ') };
  const edited = parse.text.slice(call.from, insertion.at) + insertion.text + parse.text.slice(insertion.at, call.to);
  return editParses(call, value, '}', edited) ? insertion : null;
}

/** Whether the text parses alone as an expression without errors. */
function parsesAlone(expression: string): boolean {
  return syntaxErrorCount(`(${expression})\n`) === 0;
}

/**
 * Whether the edited call parses: proven without a parse where the call and its bracket parsed whole (no error
 * node, the closing bracket there) and the text added is entries or keywords of quoted literals after its last
 * item (no generator argument, which a second argument would break); else the edited call is parsed alone.
 */
function editParses(call: SyntaxNode, bracket: SyntaxNode, closing: string, edited: string): boolean {
  if (bracket.lastChild?.name === closing && !bracket.getChild('for') && !hasErrorNode(call)) return true;
  return parsesAlone(edited);
}

function hasErrorNode(node: SyntaxNode): boolean {
  const cursor = node.cursor();
  const end = node.to;
  do {
    if (cursor.type.isError) return true;
  } while (cursor.next() && cursor.from < end);
  return false;
}

function rendered(field: AttributionField, value: string | readonly string[], asList: boolean): string {
  if (typeof value === 'string') return pythonString(value);
  return field === 'categories' && asList ? `[${value.map(pythonString).join(', ')}]` : pythonString(value.join(','));
}

/**
 * The insertion that gives the site's call `values` in its row's own keywords (or its headers keyword), or
 * null when there is no unambiguous place: the call is not a plain call, may pass more through `*`/`**`,
 * already passes the keyword, or takes its headers in a nested keyword.
 */
export function planPythonInsertion(parse: PythonParse, site: OpenRouterSite, values: InsertedValues): PythonInsertion | null {
  const call = callAt(parse, site.node.range as readonly [number, number]);
  const args = call?.getChild('ArgList');
  if (!call || !args) return null;
  const { keywords, starred, doubleStarred } = callArguments(parse.text, call);
  // `*args` or `**kwargs` may pass the keyword already.
  if (starred || doubleStarred.length > 0) return null;
  const options: string[] = [];
  const headers: string[] = [];
  for (const field of ['referer', 'title', 'categories'] as const) {
    const value = values[field];
    if (value === undefined) continue;
    const option = site.row.options[field]?.[0];
    if (option) options.push(`${option}=${rendered(field, value, site.row.categoriesForm === 'array')}`);
    else headers.push(`${pythonString(HEADER_NAMES[field][0]!)}: ${rendered(field, value, false)}`);
  }
  const headersKeyword = site.row.headersOption;
  if (headers.length > 0) {
    if (!headersKeyword || headersKeyword.includes('.')) return null;
    const passed = keywords.get(headersKeyword);
    if (passed) return options.length === 0 ? intoDict(parse, call, passed, headers) : null;
    options.push(`${headersKeyword}={${headers.join(', ')}}`);
  }
  if (options.length === 0 || options.some((option) => keywords.has(option.slice(0, option.indexOf('='))))) return null;
  // After the last argument (before a trailing comma), or right after `(` when there is none.
  let last: SyntaxNode | null = null;
  for (let child = args.firstChild; child; child = child.nextSibling) if (child.name !== '(' && child.name !== ')' && child.name !== ',' && !child.type.isSkipped) last = child;
  const insertion = last ? { at: last.to, text: `, ${options.join(', ')}` } : { at: args.from + 1, text: options.join(', ') };
  const edited = parse.text.slice(call.from, insertion.at) + insertion.text + parse.text.slice(insertion.at, call.to);
  return editParses(call, args, ')', edited) ? insertion : null;
}
