import { checkCategories, splitCategories } from '../analysis/domain/categories.js';
import type { AttributionField } from '../analysis/domain/attribution-headers.js';
import { createRule, SHARED_MESSAGES, onAnalysis } from '../analysis/report/create-rule.js';
import { quoted } from '../analysis/text/quote.js';
import { replaceStringValue } from '../analysis/fixes/plan.js';
import { fieldAlternatives, type FieldAlternative } from '../analysis/sites/site.js';
import { unsendableCharacter } from '../analysis/domain/header-values.js';
import type { ProjectAttribution } from '../analysis/identity/project-config.js';
import { checkReferer, subdomainOfConfigured } from '../analysis/domain/referer-checks.js';
import { checkTitle } from '../analysis/domain/titles.js';
import { isLocalhostUrl } from '../analysis/values/url-alternatives.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

/** How a field is named in messages. */
const FIELD_LABELS: Readonly<Record<AttributionField, string>> = { referer: 'HTTP-Referer', title: 'Title', categories: 'Categories' };

/**
 * Whether another rule already reports this value as broken (`require-referer`, `valid-referer`,
 * `no-generic-title`, `valid-categories`, `sendable-header-values`): each mistake gets one finding.
 */
function reportedElsewhere(field: AttributionField, text: string, config: ProjectAttribution, configured: string): boolean {
  if (text === '' || unsendableCharacter(text)) return true;
  if (field === 'referer') return checkReferer(text) !== null || subdomainOfConfigured(text, configured) !== null;
  if (field === 'title') return checkTitle(text, config.genericTitleWords) !== null;
  return checkCategories(text, config.knownCategories).length > 0;
}

/**
 * A referer as far as it is known to identify an app: whether letter case or a trailing slash
 * matters is not documented, so neither counts as a difference.
 */
function refererIdentity(text: string): string {
  return text.toLowerCase().replace(/\/+$/, '');
}

/** Whether a value says the same as the configured one; categories are a set of slugs, in any order. */
function sameValue(field: AttributionField, text: string, configured: string): boolean {
  if (field === 'referer') return refererIdentity(text) === refererIdentity(configured);
  if (field === 'title') return text === configured;
  const slugs = new Set(splitCategories(text));
  const wanted = new Set(splitCategories(configured));
  return slugs.size === wanted.size && [...slugs].every((slug) => wanted.has(slug));
}

function configuredText(config: ProjectAttribution, field: AttributionField): string | null {
  if (field === 'categories') return config.categories && config.categories.length > 0 ? config.categories.join(',') : null;
  return config[field];
}

export default createRule({
  name: 'match-project-attribution',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        "enforce that a referer, title or categories written in code match the project's configured identity, so one app keeps one identity everywhere",
      recommended: false,
      url: ruleDocsUrl('match-project-attribution'),
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      differs:
        "{{field}} {{value}} differs from the project's configured {{configured}}: a different value splits one app's usage across identities.",
      useConfigured: 'Use the configured {{configured}}.',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      const config = analysis.config().attribution;
      for (const field of ['referer', 'title', 'categories'] as const) {
        const configured = configuredText(config, field);
        if (configured === null) continue;
        for (const found of fieldAlternatives(analysis.sites, field)) check(field, found, configured);
      }

      function check(field: AttributionField, { alternative, text }: FieldAlternative, configured: string): void {
        // Clients strip the spaces around a header value, so they are no difference.
        const trimmed = text?.trim();
        if (trimmed === undefined || reportedElsewhere(field, trimmed, config, configured)) return;
        // A localhost referer is a development setup, not a second identity of the app.
        if (field === 'referer' && isLocalhostUrl(alternative)) return;
        if (sameValue(field, trimmed, configured)) return;
        const replace = replaceStringValue(context.sourceCode, alternative.node, configured);
        report({
          node: alternative.node,
          messageId: 'differs',
          data: { field: FIELD_LABELS[field], value: quoted(trimmed), configured: quoted(configured) },
          suggest: replace ? [{ messageId: 'useConfigured', data: { configured: quoted(configured) }, fix: replace }] : [],
        });
      }
    });
  },
});
