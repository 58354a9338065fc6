/**
 * What a site sends as its identity, as an inventory lists it: per attribution field, the values it
 * may take (text when the file fixes it, an environment read, or unknown), or nothing sent.
 */
import { ATTRIBUTION_FIELDS, type AttributionField } from '../domain/attribution-headers.js';
import { shortened } from '../text/quote.js';
import { exactText, type StringAlternative } from '../values/static-value.js';
import type { FieldState, OpenRouterSite } from './site.js';

export type SentValue =
  | { readonly kind: 'text'; readonly text: string }
  /** Read from the environment (the variable's name when the file gives it), in whole or in part. */
  | { readonly kind: 'environment'; readonly name: string | null }
  | { readonly kind: 'unknown' };

export interface SiteIdentity {
  /** The client's label in the client table: `openai`, `@openrouter/sdk`, `fetch`. */
  readonly client: string;
  /** Whether the site sends a referer (what the audit counts as attributed); null when the file does not tell. */
  readonly attributed: boolean | null;
  /** Per field, what the site may send; null when it sends nothing for it. */
  readonly fields: Readonly<Record<AttributionField, readonly SentValue[] | null>>;
}

/** Values listed per field at most: an inventory line, not every branch of a long conditional. */
const MAX_VALUES = 8;

function sentValue(alternative: StringAlternative): SentValue {
  const text = exactText(alternative);
  // Shortened and masked as messages echo values: a referer may carry a password.
  if (text !== null) return { kind: 'text', text: shortened(text) };
  const holes = alternative.pieces.filter((piece) => typeof piece !== 'string');
  if (holes.every((hole) => hole.kind === 'env')) return { kind: 'environment', name: holes[0]?.name ?? null };
  return { kind: 'unknown' };
}

function sentValues(state: FieldState): SentValue[] | null {
  if (state.state === 'absent') return null;
  if (state.state === 'unknown') return [{ kind: 'unknown' }];
  const seen = new Set<string>();
  const values: SentValue[] = [];
  for (const alternative of state.values.flatMap((value) => value.alternatives)) {
    const value = sentValue(alternative);
    const key = JSON.stringify(value);
    if (seen.has(key)) continue;
    seen.add(key);
    values.push(value);
    if (values.length === MAX_VALUES) break;
  }
  return values.length > 0 ? values : [{ kind: 'unknown' }];
}

export function siteIdentity(site: OpenRouterSite): SiteIdentity {
  const fields = Object.fromEntries(ATTRIBUTION_FIELDS.map((field) => [field, sentValues(site.fields[field])])) as Record<AttributionField, SentValue[] | null>;
  const { state } = site.fields.referer;
  return { client: site.row.label, attributed: state === 'present' ? true : state === 'absent' ? false : null, fields };
}
