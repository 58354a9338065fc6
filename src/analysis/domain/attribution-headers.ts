/** The attribution fields and the headers that carry them: what OpenRouter reads, whatever the client. */

export type AttributionField = 'referer' | 'title' | 'categories';

/** Every attribution field, in the order messages and fixes name them. */
export const ATTRIBUTION_FIELDS: readonly AttributionField[] = ['referer', 'title', 'categories'];

/** Header names for each field; the first is the one a fix writes. */
export const HEADER_NAMES: Readonly<Record<AttributionField, readonly string[]>> = {
  referer: ['HTTP-Referer'],
  title: ['X-OpenRouter-Title', 'X-Title'],
  categories: ['X-OpenRouter-Categories'],
};

/** Every attribution header name, lowercase (headers are matched case-insensitively), with its field. */
export const HEADER_FIELDS: ReadonlyMap<string, AttributionField> = new Map(
  ATTRIBUTION_FIELDS.flatMap((field) => HEADER_NAMES[field].map((name) => [name.toLowerCase(), field] as const)),
);
