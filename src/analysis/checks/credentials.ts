/**
 * Where a site carries its API key (the client's key options, an `Authorization` header) and
 * whether a value holds an OpenRouter key. Nothing here returns a key's text: messages must never
 * echo one, not even in part.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Node } from '../syntax/ast.js';
import { lookupOption } from '../clients/options.js';
import type { OpenRouterSite } from '../sites/site.js';
import { entryAlternatives, type StringAlternative } from '../values/static-value.js';
import { valueLeaves } from '../values/value-leaves.js';

/** One value a site's key may take, with where it is set, for messages: "`apiKey`", "the `Authorization` header". */
export interface CredentialValue {
  readonly site: OpenRouterSite;
  readonly where: string;
  readonly alternative: StringAlternative;
}

/** `sk-or-v1-` and the characters of the key that follow it. */
const KEY = /sk-or-v\d+-([A-Za-z\d]{6,})/g;
/** What docs and samples put after the prefix instead of a key: `xxxx`, `your-key`, `...`. */
const PLACEHOLDER_BODY = /x{4}|your|key|here|replace|example|placeholder|redacted|dummy|fake/i;

/** Whether a text holds an OpenRouter key (not a placeholder such as `sk-or-v1-xxxx` or `sk-or-v1-your-key`). */
export function holdsOpenRouterKey(text: string): boolean {
  for (const match of text.matchAll(KEY)) {
    const body = match[1]!;
    if (!PLACEHOLDER_BODY.test(body) && !/^(.)\1*$/.test(body)) return true;
  }
  return false;
}

/** Whether any part of the value the file spells out holds a key: `Bearer ${'sk-or-v1-...'}` and `'sk-or-v1-...' + rest` too. */
export function alternativeHoldsKey(alternative: StringAlternative): boolean {
  return alternative.pieces.some((piece) => typeof piece === 'string' && holdsOpenRouterKey(piece));
}

/** Every value the sites' keys may take, once per source expression (a key constant used twice is one finding). */
export function credentialValues(sites: readonly OpenRouterSite[]): CredentialValue[] {
  const seen = new Set<Node>();
  const found: CredentialValue[] = [];
  const add = (site: OpenRouterSite, where: string, alternatives: readonly StringAlternative[] | null): void => {
    for (const alternative of alternatives ?? []) {
      if (seen.has(alternative.node)) continue;
      seen.add(alternative.node);
      found.push({ site, where, alternative });
    }
  };
  for (const site of sites) {
    for (const name of site.row.apiKeyOptions) {
      const lookup = lookupOption(site.options, name);
      if (lookup.kind === 'found') add(site, `\`${name}\``, entryAlternatives(lookup.entry));
    }
    if (site.row.headersOption && site.headers.kind === 'container') {
      for (const entry of site.headers.container.entries) {
        if (entry.key.toLowerCase() === 'authorization') add(site, 'the `Authorization` header', entryAlternatives(entry));
      }
    }
  }
  return found;
}

/** The text a leaf writes itself: a string literal's value, a template literal's own text. */
function writtenText(leaf: Node): string {
  if (leaf.type === 'Literal') return typeof leaf.value === 'string' ? leaf.value : '';
  return leaf.type === 'TemplateLiteral' ? leaf.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ') : '';
}

/**
 * The expression where the key is written: the constant's literal in `` `Bearer ${KEY}` `` or
 * `'Bearer ' + KEY`, so that one key used by several requests is one finding, at the key.
 */
export function keySource(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): Node {
  return valueLeaves(sourceCode, node).find((leaf) => holdsOpenRouterKey(writtenText(leaf))) ?? node;
}
