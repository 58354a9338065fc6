import { createRule, SHARED_MESSAGES, onAnalysis } from '../analysis/report/create-rule.js';
import { configureToFixHint, fieldLocation } from '../analysis/report/describe-site.js';
import { quoted } from '../analysis/text/quote.js';
import { fieldAlternatives, sendsNoTitle, type OpenRouterSite } from '../analysis/sites/site.js';
import { planAttributionFix } from '../analysis/fixes/plan.js';
import { isLocalhostUrl } from '../analysis/values/url-alternatives.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

/** Stands in for an unconfigured title, to learn whether a configured one could be inserted. */
const PROBE_TITLE = 'App';

export default createRule({
  name: 'require-title-for-localhost',
  meta: {
    type: 'problem',
    docs: {
      description: 'require a title wherever the `HTTP-Referer` may be a localhost URL, which OpenRouter tracks only with a title',
      recommended: 'error',
      url: ruleDocsUrl('require-title-for-localhost'),
    },
    fixable: 'code',
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      localhostWithoutTitle:
        'HTTP-Referer {{value}} is a localhost URL, and OpenRouter tracks a localhost app only when a title is sent too. Set {{where}}.{{fixHint}}',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      const fixed = new Set<OpenRouterSite>();
      const configuredTitle = analysis.config().attribution.title;
      // Each value with what its call sends: a request's own title, else the construction's.
      for (const { site, call, fields, alternative, text } of fieldAlternatives(analysis.sites, 'referer')) {
        if (!sendsNoTitle(fields) || !isLocalhostUrl(alternative)) continue;
        // Replacing an always-empty title is not an insertion, nor is a fix written into one request: report without a fix.
        const canFix = call === site.node && !fixed.has(site) && fields.title.state === 'absent';
        const plan = canFix ? planAttributionFix(site, context.sourceCode, { title: configuredTitle ?? PROBE_TITLE }) : null;
        const fix = configuredTitle ? plan : null;
        if (fix) fixed.add(site);
        report({
          node: alternative.node,
          messageId: 'localhostWithoutTitle',
          data: {
            value: quoted(text ?? context.sourceCode.getText(alternative.node)),
            where: fieldLocation(site.row, 'title'),
            fixHint: configureToFixHint('title', configuredTitle, plan !== null, context.settings, site.language),
          },
          fix,
        });
      }
    });
  },
});
