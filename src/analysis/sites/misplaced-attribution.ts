/**
 * Attribution a site writes where nothing reads it: in an option its client ignores
 * (`defaultHeaders` on @openrouter/sdk), in a `Referer` header, or under a near miss of an
 * attribution header's name (`HTTP-Referrer`). Found during the analysis, under its budget.
 */
import type { Node } from '../syntax/ast.js';
import { lookupOption, type HeadersState, type OptionsState } from '../clients/options.js';
import { takesNoAttribution, type ClientRow } from '../clients/rows.js';
import { ATTRIBUTION_FIELDS, HEADER_FIELDS, type AttributionField } from '../domain/attribution-headers.js';
import { isRefererHeader, nearMissField } from '../domain/near-miss-headers.js';
import { resolveHeaders, type HeaderContainer, type HeaderEntry } from '../values/header-containers.js';
import type { ObjectEntry } from '../values/static-value.js';

type FieldStates = Readonly<Record<AttributionField, { readonly state: 'absent' | 'unknown' | 'present' }>>;

export type MisplacedAttribution =
  /** An ignored option holding attribution: the fields it carries that the site sends nowhere else. */
  | {
      readonly kind: 'ignoredOption';
      readonly option: string;
      readonly fields: readonly AttributionField[];
      readonly entry: ObjectEntry;
      /** What the option holds when it is a headers object; null for a value option (`referer` on openrouter-kit). */
      readonly container: HeaderContainer | null;
    }
  /** A header of the client's own headers that OpenRouter does not read: `Referer`, or a near miss. */
  | {
      readonly kind: 'refererHeader' | 'nearMiss';
      readonly header: string;
      readonly field: AttributionField;
      readonly entry: HeaderEntry & { readonly value: Node };
      readonly container: HeaderContainer;
    };

/** Ignored options that are attribution values themselves, not headers objects: openrouter-kit's. */
const VALUE_OPTIONS: Readonly<Record<string, AttributionField>> = { referer: 'referer', title: 'title' };


/** The field a header carries as written (right name, `Referer`, or near miss), for headers in an ignored option. */
function intendedField(name: string): AttributionField | null {
  const lower = name.toLowerCase();
  return HEADER_FIELDS.get(lower) ?? (isRefererHeader(lower) ? 'referer' : nearMissField(name));
}

function ignoredOptionFinding(name: string, options: OptionsState, fields: FieldStates): MisplacedAttribution | null {
  const lookup = lookupOption(options, name);
  if (lookup.kind !== 'found' || !lookup.entry.value || lookup.entry.mayBeOverridden) return null;
  const { entry } = lookup;
  const lost = (field: AttributionField): boolean => fields[field].state !== 'present';
  const valueField = VALUE_OPTIONS[name];
  if (valueField) return lost(valueField) ? { kind: 'ignoredOption', option: name, fields: [valueField], entry, container: null } : null;
  const container = resolveHeaders(entry.value!, entry.scope, 0, entry.editable);
  if (!container) return null;
  const carried = new Set(container.entries.map((header) => intendedField(header.key)));
  const found = ATTRIBUTION_FIELDS.filter((field) => carried.has(field) && lost(field));
  return found.length > 0 ? { kind: 'ignoredOption', option: name, fields: found, entry, container } : null;
}

/** Headers of the client's own headers option that OpenRouter does not read, for fields the site does not send. */
function misplacedHeaders(headers: HeadersState, fields: FieldStates): MisplacedAttribution[] {
  if (headers.kind !== 'container') return [];
  const { container } = headers;
  const found: MisplacedAttribution[] = [];
  for (const entry of container.entries) {
    // A header known only by type lives in another file: nothing here to point at.
    if (!entry.value) continue;
    const located = { ...entry, value: entry.value };
    const lower = entry.key.toLowerCase();
    if (isRefererHeader(lower)) {
      if (fields.referer.state === 'absent') found.push({ kind: 'refererHeader', header: entry.key, field: 'referer', entry: located, container });
      continue;
    }
    const field = nearMissField(entry.key);
    if (field && fields[field].state === 'absent') found.push({ kind: 'nearMiss', header: entry.key, field, entry: located, container });
  }
  return found;
}

/** Everything a site writes where its client or OpenRouter does not read it. */
export function findMisplacedAttribution(row: ClientRow, options: OptionsState, headers: HeadersState, fields: FieldStates, ignoredOptions: readonly string[]): MisplacedAttribution[] {
  if (takesNoAttribution(row)) return [];
  const found: MisplacedAttribution[] = [];
  for (const name of ignoredOptions) {
    const finding = ignoredOptionFinding(name, options, fields);
    if (finding) found.push(finding);
  }
  if (row.headersOption) found.push(...misplacedHeaders(headers, fields));
  return found;
}

/** The fields a site's misplaced attribution was meant to send. */
export function misplacedFields(misplaced: readonly MisplacedAttribution[]): Set<AttributionField> {
  return new Set(misplaced.flatMap((finding) => (finding.kind === 'ignoredOption' ? finding.fields : [finding.field])));
}
