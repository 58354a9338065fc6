/**
 * Edits that put misplaced attribution where it is read: headers from an ignored option moved to
 * the client's own options, an ignored option renamed to the client's headers option, a header
 * renamed. Each returns null unless the edit is certain to keep every value's meaning.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap, type Node } from '../syntax/ast.js';
import { lookupOption } from '../clients/options.js';
import { HEADER_FIELDS, HEADER_NAMES, type AttributionField } from '../domain/attribution-headers.js';
import { preferredQuote } from './plan.js';
import { stringLiteral, swapLiteral } from './literal-swap.js';
import type { OpenRouterSite } from '../sites/site.js';
import type { HeaderContainer } from '../values/header-containers.js';
import type { MisplacedAttribution } from '../sites/misplaced-attribution.js';
import type { ObjectEntry } from '../values/static-value.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
export type Edit = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
type IgnoredOption = Extract<MisplacedAttribution, { kind: 'ignoredOption' }>;

/** A plain `key: value` property written in the given literal, or null (shorthand, computed, method, accessor). */
function plainProperty(value: Node | null, literal: TSESTree.ObjectExpression | null): TSESTree.Property | null {
  const parent = value?.parent;
  if (!literal || parent?.type !== 'Property' || parent.parent !== literal || parent.value !== value) return null;
  return parent.kind === 'init' && !parent.method && !parent.computed && !parent.shorthand ? parent : null;
}

function keyName(key: TSESTree.Property['key']): string | null {
  if (key.type === 'Identifier') return key.name;
  return key.type === 'Literal' && typeof key.value === 'string' ? key.value : null;
}

/** A property's value as written, parentheses included (`(a, b)` must stay one value). */
function valueText(sourceCode: SourceCode, property: TSESTree.Property): string {
  const colon = sourceCode.getTokenAfter(property.key, { filter: (token) => token.value === ':' })!;
  return sourceCode.text.slice(colon.range[1], property.range[1]).trim();
}

/** Options that may be written in the site's options literal: it is inline or reached only through constants read once. */
function writableOptions(site: OpenRouterSite): TSESTree.ObjectExpression | null {
  return site.options.kind === 'object' && site.options.shape.editable ? site.options.shape.literal : null;
}

/**
 * `defaultHeaders: { 'HTTP-Referer': x, 'X-OpenRouter-Title': y }` → `httpReferer: x, appTitle: y`
 * on a client that reads those options: only when the headers are a literal written right there,
 * every header in it maps to one absent option, and no comment would be lost.
 */
export function moveHeadersToOptions(site: OpenRouterSite, finding: IgnoredOption, sourceCode: SourceCode): MoveEdit | null {
  const literal = writableOptions(site);
  const property = plainProperty(finding.entry.value, literal);
  const headers = finding.entry.value && unwrap(finding.entry.value);
  const container = finding.container;
  if (!property || headers?.type !== 'ObjectExpression' || !container || !isWholeLiteral(container, headers)) return null;
  if (sourceCode.getCommentsInside(property).length > 0) return null;
  const moved: string[] = [];
  const fields = new Set<AttributionField>();
  for (const header of headers.properties) {
    if (header.type !== 'Property' || plainProperty(header.value, headers) !== header) return null;
    const name = keyName(header.key);
    const field = name === null ? undefined : HEADER_FIELDS.get(name.toLowerCase());
    const option = field && site.row.options[field]?.[0];
    if (!field || !option || fields.has(field)) return null;
    if (site.row.options[field]!.some((other) => lookupOption(site.options, other).kind !== 'missing')) return null;
    fields.add(field);
    moved.push(`${option}: ${valueText(sourceCode, header)}`);
  }
  const indent = ownLineIndent(sourceCode, property);
  const multiline = headers.loc.start.line !== headers.loc.end.line && indent !== null;
  const eol = sourceCode.text.includes('\r\n') ? '\r\n' : '\n';
  const text = moved.join(multiline ? `,${eol}${indent}` : ', ');
  // A directive that hid the unknown option would be left unused, which TypeScript reports: it goes too.
  const directive = sourceCode.getCommentsBefore(property).findLast((comment) => TS_DIRECTIVE.test(comment.value));
  if (directive) return { edit: (fixer) => fixer.replaceTextRange([directive.range[0], property.range[1]], text), dropsDirective: true };
  return { edit: (fixer) => fixer.replaceText(property, text), dropsDirective: false };
}

export interface MoveEdit {
  readonly edit: Edit;
  /** Whether the edit also removes a `@ts-expect-error` or `@ts-ignore` comment: a person should look. */
  readonly dropsDirective: boolean;
}

const TS_DIRECTIVE = /^\s*\/?\s*@ts-(?:expect-error|ignore)\b/;

/** The container is exactly the literal's entries: nothing spread in, nothing written later. */
function isWholeLiteral(container: HeaderContainer, literal: TSESTree.ObjectExpression): boolean {
  return container.complete && container.editable && container.literal === literal && container.entries.length === literal.properties.length;
}

/** The indentation of a node that starts its line, or null. */
function ownLineIndent(sourceCode: SourceCode, node: Node): string | null {
  const prefix = (sourceCode.lines[node.loc.start.line - 1] ?? '').slice(0, node.loc.start.column);
  return /^\s*$/.test(prefix) ? prefix : null;
}

/** `defaultHeaders: {...}` → `headers: {...}` on a client whose headers option is `headers` and is not set. */
export function renameToHeadersOption(site: OpenRouterSite, finding: IgnoredOption): Edit | null {
  const target = site.row.headersOption;
  if (!target || target.includes('.') || !finding.container) return null;
  return renameOption(site, finding.entry, target);
}

/** Renames an option written in the site's options literal to `target` (a plain name), when `target` is certainly not set. */
export function renameOption(site: OpenRouterSite, entry: ObjectEntry, target: string): Edit | null {
  if (lookupOption(site.options, target).kind !== 'missing') return null;
  const literal = writableOptions(site);
  const property = entry.value?.parent;
  if (!literal || property?.type !== 'Property' || property.parent !== literal || property.kind !== 'init' || property.method || property.computed) return null;
  if (property.shorthand) return (fixer) => fixer.insertTextBefore(property, `${target}: `);
  return (fixer) => fixer.replaceText(property.key, target);
}

/** Renames a header to the attribution header of its field, where its name is written in the container's own literal. */
export function renameHeader(finding: Extract<MisplacedAttribution, { kind: 'refererHeader' | 'nearMiss' }>, sourceCode: SourceCode): Edit | null {
  const { container, entry } = finding;
  const literal = container.literal;
  if (!literal || !container.editable) return null;
  const parent = entry.value.parent;
  let key: Node | null = null;
  if (parent?.type === 'Property' && parent.parent === literal && parent.value === entry.value && !parent.shorthand && !parent.computed) key = parent.key;
  else if (parent?.type === 'ArrayExpression' && parent.parent === literal && parent.elements[1] === entry.value) key = parent.elements[0] ?? null;
  // An identifier names the header only as an object key; in a pair it is a variable.
  const isName = key?.type === 'Literal' ? typeof key.value === 'string' : key?.type === 'Identifier' && parent?.type === 'Property';
  if (!key || !isName) return null;
  const written = sourceCode.getText(key)[0];
  const quote = written === '"' || written === "'" ? written : preferredQuote(sourceCode, key) === '"' ? '"' : "'";
  const header = HEADER_NAMES[finding.field][0]!;
  const name = stringLiteral(header, quote);
  return swapLiteral(key, header, quote, sourceCode.ast) ?? ((fixer) => fixer.replaceText(key, name));
}
