/** How messages name a site and where a field goes for its client. */
import { HEADER_NAMES, type AttributionField, type ClientRow } from '../clients/table.js';
import type { OpenRouterSite } from '../sites/find-sites.js';

/** "`httpReferer`" for SDK options, "an `HTTP-Referer` header in `defaultHeaders`" for free headers. */
export function fieldLocation(row: ClientRow, field: AttributionField): string {
  const option = row.options[field]?.[0];
  if (option) return `\`${option}\``;
  return `an \`${HEADER_NAMES[field][0]}\` header in \`${row.headersOption ?? 'headers'}\``;
}

/** "this @openrouter/sdk client", "this fetch request". */
export function siteLabel(site: OpenRouterSite): string {
  const label = site.row.gate.kind === 'tokenUrl' ? `${site.row.label} request` : `${site.row.label} client`;
  return site.wrapperCall ? `the ${label} this call makes` : `this ${label}`;
}

/** Characters of a value a message echoes: enough to recognise it, never a wall of text. */
const MAX_ECHOED = 48;

/** A value shortened for a message, so messages stay one line. */
export function shortened(value: string): string {
  return value.length > MAX_ECHOED ? `${value.slice(0, MAX_ECHOED - 3)}...` : value;
}

/** Quotes a value for a message, shortened. */
export function quoted(value: string): string {
  return JSON.stringify(shortened(value));
}

/** A config value as a message shows it: strings quoted and shortened, other values by their kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * What a finding that `--fix` could repair says when the project gives no value to insert: where
 * to configure it. Empty when a value is configured, or when there is nowhere safe to insert one.
 */
export function configureToFixHint(field: 'referer' | 'title', configured: string | null, fixable: boolean): string {
  if (configured || !fixable) return '';
  return ` To let --fix insert it, set "${field}" in settings.openrouter or in the "openrouter" field of package.json.`;
}
