import { lookupOption } from '../analysis/clients/options.js';
import { createRule, SHARED_MESSAGES, onAnalysis } from '../analysis/report/create-rule.js';
import { fieldLocation, siteLabel } from '../analysis/report/describe-site.js';
import type { OpenRouterSite } from '../analysis/sites/site.js';
import { misplacedFields } from '../analysis/sites/misplaced-attribution.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

/**
 * What keeps the file from telling whether the site sends a referer, in the order a reader would
 * look; null when only its requests may pass one, which the file shows at each request.
 */
function unresolvedPart(site: OpenRouterSite): string | null {
  // A negative options argument: the client takes no options (`xhr.open(method, url)`).
  if (site.options.kind === 'unknown' && site.row.optionsArgument !== -1) return 'its options are not spelled out here';
  if ((site.row.options.referer ?? []).some((name) => lookupOption(site.options, name).kind === 'unknown')) {
    return 'its options may hold entries this file does not show';
  }
  if (site.row.headersOption && site.headers.kind === 'unknown') return 'its headers are not spelled out here';
  if (site.headers.kind === 'container' && !site.headers.container.complete) return 'its headers may hold entries this file does not show';
  // A request object (`req`, `xhr`) that leaves the file's sight may be given headers there.
  if (site.row.headerSetter) return `its request object reaches code this file does not show, which may call \`${site.row.headerSetter.method}()\``;
  return null;
}

export default createRule({
  name: 'require-resolvable-attribution',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'require every OpenRouter site\'s referer to be provable from its own file (opt-in: in no config)',
      recommended: false,
      optIn: true,
      url: ruleDocsUrl('require-resolvable-attribution'),
    },
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      unresolvedReferer:
        'Whether {{site}} sends an HTTP-Referer cannot be told from this file: {{reason}}. Set {{where}} where it is created (this opt-in rule asks every site to be provable).',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      for (const site of analysis.sites) {
        if (site.fields.referer.state !== 'unknown') continue;
        // A referer written where it is not read is no-ignored-attribution's finding.
        if (misplacedFields(site.misplaced).has('referer')) continue;
        const reason = unresolvedPart(site);
        if (reason === null) continue;
        report({ node: site.reportNode, messageId: 'unresolvedReferer', data: { site: siteLabel(site), reason, where: fieldLocation(site.row, 'referer') } });
      }
    });
  },
});
