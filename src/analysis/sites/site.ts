/** What the analysis finds: an OpenRouter site, what it sends for each attribution field, and the values those fields may take. */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Node, Scope } from '../syntax/ast.js';
import type { AttributionField } from '../domain/attribution-headers.js';
import type { ClientCall } from '../clients/calls.js';
import type { HeadersState, OptionsState } from '../clients/options.js';
import type { ClientRow } from '../clients/rows.js';
import { exactText, type StringAlternative } from '../values/static-value.js';
import type { MisplacedAttribution } from './misplaced-attribution.js';

/** A value a site gives a field (an option or a header): everything it may be at run time. */
export interface FieldValue {
  readonly alternatives: readonly StringAlternative[];
}

export type FieldState =
  | { readonly state: 'absent' }
  /** The file does not tell (an unresolvable spread, options from a function call, ...). */
  | { readonly state: 'unknown' }
  | { readonly state: 'present'; readonly values: readonly FieldValue[] };

/** A call through a site's stored client that passes attribution of its own. */
export interface RequestSite {
  readonly node: Node;
  /** A short node to underline, where `node` is no call of JavaScript's (a Python call's callee). */
  readonly reportNode?: Node;
  /** What the request sends: its own values, else the construction's. */
  readonly fields: Readonly<Record<AttributionField, FieldState>>;
}

export interface OpenRouterSite {
  /** The language the site is written in, when not JavaScript or TypeScript: its nodes are that front-end's. */
  readonly language?: 'python';
  readonly row: ClientRow;
  readonly node: ClientCall;
  /** A short node to underline: the callee. */
  readonly reportNode: Node;
  readonly scope: Scope;
  readonly options: OptionsState;
  readonly headers: HeadersState;
  readonly fields: Readonly<Record<AttributionField, FieldState>>;
  /** Calls through the stored client that may pass attribution per request. */
  readonly requests: readonly RequestSite[];
  /** The call of a local wrapper this site is checked for, with its arguments bound; null for the client call itself. */
  readonly wrapperCall: TSESTree.CallExpression | TSESTree.NewExpression | null;
  /** Options the client ignores although users put attribution there (`defaultHeaders` on @openrouter/sdk). */
  readonly ignoredOptions: readonly string[];
  /** Attribution written where neither the client nor OpenRouter reads it (see misplaced-attribution.ts). */
  readonly misplaced: readonly MisplacedAttribution[];
}

/** One value a field may take at some site, with its text when the file fixes it. */
export interface FieldAlternative {
  readonly site: OpenRouterSite;
  /** The call the value is sent with: the site's construction or request, or one of its requests. */
  readonly call: Node;
  /** Everything that call sends, which the value is part of. */
  readonly fields: Readonly<Record<AttributionField, FieldState>>;
  readonly alternative: StringAlternative;
  readonly text: string | null;
  /** Every alternative of the value this one is part of (`a ? b : ''` has two), itself included. */
  readonly siblings: readonly StringAlternative[];
}

/** What `fieldAlternatives` found, per sites list and field: most rules of a file ask for the same ones. */
const alternativesOfSites = new WeakMap<readonly OpenRouterSite[], Map<AttributionField, readonly FieldAlternative[]>>();

/**
 * Every value the given field may take across these sites and their requests, once per source
 * expression: a constant shared by several sites is checked (and reported) once. Worked out once
 * per list of sites (a file's analysis) and field.
 */
export function fieldAlternatives(sites: readonly OpenRouterSite[], field: AttributionField): readonly FieldAlternative[] {
  let byField = alternativesOfSites.get(sites);
  if (!byField) alternativesOfSites.set(sites, (byField = new Map()));
  let found = byField.get(field);
  if (!found) byField.set(field, (found = collectFieldAlternatives(sites, field)));
  return found;
}

function collectFieldAlternatives(sites: readonly OpenRouterSite[], field: AttributionField): FieldAlternative[] {
  // By node and text: another module's values are all told at the one name that imports them.
  const seen = new Map<Node, Set<string | null>>();
  const found: FieldAlternative[] = [];
  for (const site of sites) {
    for (const { node: call, fields } of [{ node: site.node as Node, fields: site.fields }, ...site.requests]) {
      const state = fields[field];
      if (state.state !== 'present') continue;
      for (const value of state.values) {
        // `IMPORTED || ''` where the import is itself `env || ''`: one value's same text is one finding.
        const inValue = new Set<string>();
        for (const alternative of value.alternatives) {
          const text = exactText(alternative);
          if (text !== null && inValue.has(text)) continue;
          if (text !== null) inValue.add(text);
          let texts = seen.get(alternative.node);
          if (!texts) seen.set(alternative.node, (texts = new Set()));
          if (texts.has(text)) continue;
          texts.add(text);
          found.push({ site, call, fields, alternative, text, siblings: value.alternatives });
        }
      }
    }
  }
  return found;
}

/** Whether a call certainly sends no title: none is written, or the one written is always empty. Unknown is not "none". */
export function sendsNoTitle(fields: Readonly<Record<AttributionField, FieldState>>): boolean {
  const title = fields.title;
  if (title.state === 'absent') return true;
  return title.state === 'present' && title.values.every((value) => value.alternatives.every((alternative) => exactText(alternative)?.trim() === ''));
}
