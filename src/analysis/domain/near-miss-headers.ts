/**
 * Header names that were meant to carry attribution but are not the ones OpenRouter reads: the standard
 * `Referer`, and near misses of an attribution header's name (`HTTP-Referrer`, `X-Titel`). One place
 * decides for every language.
 */
import { closest } from '../text/edit-distance.js';
import { HEADER_FIELDS, type AttributionField } from './attribution-headers.js';

/** The standard header (browsers refuse to set it, and OpenRouter reads `HTTP-Referer`) and its dictionary spelling. */
const REFERER_HEADERS = new Set(['referer', 'referrer']);

/** `Referer` or `Referrer`, in any case: a header OpenRouter does not read for attribution. */
export function isRefererHeader(name: string): boolean {
  return REFERER_HEADERS.has(name.toLowerCase());
}

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
