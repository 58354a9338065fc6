/** How messages name a site and where a field goes for its client. */
import { HEADER_NAMES, type AttributionField, type ClientRow } from './clients.js';
import type { OpenRouterSite } from './find-sites.js';

/** "`httpReferer`" for SDK options, "an `HTTP-Referer` header in `defaultHeaders`" for free headers. */
export function fieldLocation(row: ClientRow, field: AttributionField): string {
  const option = row.options[field]?.[0];
  if (option) return `\`${option}\``;
  return `an \`${HEADER_NAMES[field][0]}\` header in \`${row.headersOption ?? 'headers'}\``;
}

/** "this @openrouter/sdk client", "this fetch request". */
export function siteLabel(site: OpenRouterSite): string {
  return site.row.gate.kind === 'tokenUrl' ? `this ${site.row.label} request` : `this ${site.row.label} client`;
}

/** Quotes a value for a message, shortened so messages stay one line. */
export function quoted(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}
