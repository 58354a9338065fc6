/** How messages name a site and where a field goes for its client. */
import { type ClientRow } from '../clients/rows.js';
import { HEADER_NAMES, type AttributionField } from '../domain/attribution-headers.js';
import type { OpenRouterSite } from '../sites/site.js';
import { NAMESPACE, NO_SETTINGS_SOURCE, settingsSource } from '../identity/settings.js';

/** "`httpReferer`" for SDK options, "an `HTTP-Referer` header in `defaultHeaders`" for free headers. */
export function fieldLocation(row: ClientRow, field: AttributionField): string {
  const option = row.options[field]?.[0];
  if (option) return `\`${option}\``;
  if (!row.headersOption && row.headerSetter) return `an \`${HEADER_NAMES[field][0]}\` header with \`${row.headerSetter.method}()\``;
  if (!row.headersOption && row.headersPlace) return `an \`${HEADER_NAMES[field][0]}\` header in ${row.headersPlace}`;
  return `an \`${HEADER_NAMES[field][0]}\` header in \`${row.headersOption ?? 'headers'}\``;
}

/** "this @openrouter/sdk client", "this fetch request". */
export function siteLabel(site: OpenRouterSite): string {
  const label = site.row.gate.kind === 'tokenUrl' ? `${site.row.label} request` : `${site.row.label} client`;
  if (!site.wrapperCall) return `this ${label}`;
  return site.wrapperCall.type === 'NewExpression' ? `the ${label} this instance makes` : `the ${label} this call makes`;
}

/**
 * What a finding that `--fix` could repair says when the project gives no value to insert: where
 * to configure it, as the host reads it (`settings` names the host's settings source). Empty when a
 * value is configured, or when there is nowhere safe to insert one.
 */
export function configureToFixHint(field: 'referer' | 'title', configured: string | null, fixable: boolean, settings: unknown, language?: OpenRouterSite['language']): string {
  if (configured || !fixable) return '';
  const source = settingsSource(settings);
  // A Python project keeps its identity in pyproject.toml.
  const packageField = language === 'python' ? `[tool.${NAMESPACE}] of pyproject.toml` : `the "${NAMESPACE}" field of package.json`;
  return ` To let --fix insert it, set "${field}" in ${source === NO_SETTINGS_SOURCE ? packageField : `${source} or in ${packageField}`}.`;
}
