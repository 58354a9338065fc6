/**
 * Attribution a site writes where nothing reads it: in an option its client ignores
 * (`defaultHeaders` on @openrouter/sdk), in a `Referer` header, or under a near miss of an
 * attribution header's name (`HTTP-Referrer`). Found during the analysis, under its budget.
 */
import type { Node } from '../syntax/ast.js';
import { lookupOption, type HeadersState, type OptionsState } from '../clients/options.js';
import { takesNoAttribution, type ClientRow } from '../clients/rows.js';
import { ATTRIBUTION_FIELDS, HEADER_FIELDS, type AttributionField } from '../domain/attribution-headers.js';
import { closest } from '../text/edit-distance.js';
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


/** The standard header (browsers refuse to set it, and OpenRouter reads `HTTP-Referer`) and its dictionary spelling. */
const REFERER_HEADERS = new Set(['referer', 'referrer']);

/**
 * Misspellings edit distance does not catch: swapped letters in `X-Title`, too short to take any
 * two edits (`X-Time` is a header of its own).
 */
const KNOWN_NEAR_MISSES: ReadonlyMap<string, AttributionField> = new Map([
  ['x-titel', 'title'],
  ['x-tittle', 'title'],
]);

/** The last word of a header name that says which attribution it was meant to carry. */
const ATTRIBUTION_WORDS: ReadonlyMap<string, AttributionField> = new Map([
  ['referer', 'referer'],
  ['referrer', 'referer'],
  ['title', 'title'],
  ['name', 'title'],
  ['category', 'categories'],
  ['categories', 'categories'],
]);

/** Words that may stand between `OpenRouter` and the attribution word: `X-OpenRouter-App-Name`. */
const QUALIFIERS = new Set(['app', 'site']);

/** Names longer than this are no header anyone meant for attribution; nothing longer is split into words. */
const MAX_NAME_LENGTH = 64;

/** Names long enough that two edits from one of them is a typo, never another header. */
const DISTANCE_CANDIDATES = new Map<string, AttributionField>([...HEADER_FIELDS].filter(([name]) => name.length >= 12));
const MAX_EDITS = 2;
const LONGEST_CANDIDATE = Math.max(...[...DISTANCE_CANDIDATES.keys()].map((name) => name.length));

/**
 * The field a name's words say, whatever their spelling around them: any name ending in the word
 * `Referer` or `Referrer` (`OpenRouter-Referer`, `X-Referer`), and `OpenRouter` followed by an
 * attribution word (`OpenRouter-Title`, `X-OpenRouter-App-Name`, `X-Open-Router-Category`).
 */
function fieldByWords(normalised: string): AttributionField | null {
  const words = normalised.replace(/open-router/g, 'openrouter').split('-').filter((word) => word !== '');
  const field = ATTRIBUTION_WORDS.get(words.at(-1) ?? '');
  if (!field || words.length < 2) return null;
  if (field === 'referer') return field;
  const at = words.lastIndexOf('openrouter');
  if (at < 0) return null;
  const between = words.slice(at + 1, -1);
  return between.length === 0 || (between.length === 1 && QUALIFIERS.has(between[0]!)) ? field : null;
}

/**
 * The field a header name misspells: `HTTP_REFERER` (CGI's spelling), `HTTP-Referrer`,
 * `OpenRouter-Referer`, `X-OpenRouter-Category`, `X-Openrouter-Titel`. Null for the right names
 * and for anything else.
 */
export function nearMissField(name: string): AttributionField | null {
  const lower = name.toLowerCase();
  if (HEADER_FIELDS.has(lower) || lower.length > MAX_NAME_LENGTH) return null;
  // A file sends the same few header names from every request: each name's answer is worked out once.
  const known = nearMisses.get(lower);
  if (known !== undefined) return known;
  if (nearMisses.size >= MAX_NEAR_MISSES_KEPT) nearMisses.clear();
  const field = nearMissOf(lower);
  nearMisses.set(lower, field);
  return field;
}

/** Header names answered, by lower-case name: short names only (`MAX_NAME_LENGTH`), so a bounded memory. */
const nearMisses = new Map<string, AttributionField | null>();
const MAX_NEAR_MISSES_KEPT = 4_096;

function nearMissOf(lower: string): AttributionField | null {
  const normalised = lower.replace(/[_\s]/g, '-');
  const field = HEADER_FIELDS.get(normalised) ?? KNOWN_NEAR_MISSES.get(normalised) ?? fieldByWords(normalised);
  if (field) return field;
  if (normalised.length > LONGEST_CANDIDATE + MAX_EDITS) return null;
  const candidate = closest(normalised, DISTANCE_CANDIDATES.keys(), MAX_EDITS);
  return candidate ? DISTANCE_CANDIDATES.get(candidate)! : null;
}

/** The field a header carries as written (right name, `Referer`, or near miss), for headers in an ignored option. */
function intendedField(name: string): AttributionField | null {
  const lower = name.toLowerCase();
  return HEADER_FIELDS.get(lower) ?? (REFERER_HEADERS.has(lower) ? 'referer' : nearMissField(name));
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
    if (REFERER_HEADERS.has(lower)) {
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
