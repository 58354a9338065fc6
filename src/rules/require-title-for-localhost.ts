import { createRule, INVALID_CONFIG_MESSAGE, onAnalysis } from '../core/create-rule.js';
import { fieldLocation, quoted } from '../core/describe-site.js';
import { planAttributionFix, type AttributionFix } from '../core/fix-plan.js';
import { exactText } from '../core/static-value.js';
import { isLocalhostUrl } from '../core/urls.js';

export default createRule({
  name: 'require-title-for-localhost',
  meta: {
    type: 'problem',
    docs: {
      description: 'require a title wherever the `HTTP-Referer` may be a localhost URL, which OpenRouter tracks only with a title',
      recommended: 'error',
    },
    fixable: 'code',
    schema: [],
    messages: {
      ...INVALID_CONFIG_MESSAGE,
      localhostWithoutTitle:
        'HTTP-Referer {{value}} is a localhost URL, and OpenRouter tracks a localhost app only when a title is sent too. Set {{where}}.',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis) => {
      const reported = new Set<unknown>();
      for (const site of analysis.sites) {
        const { referer, title } = site.fields;
        // A title that is always empty is no title, but replacing it is not an insertion: no fix then.
        const emptyTitle = title.state === 'present' && title.values.every((value) => value.alternatives.every((alternative) => exactText(alternative)?.trim() === ''));
        if (referer.state !== 'present' || (title.state !== 'absent' && !emptyTitle)) continue;
        let fixOffered = false;
        for (const value of referer.values) {
          for (const alternative of value.alternatives) {
            if (!isLocalhostUrl(alternative) || reported.has(alternative.node)) continue;
            reported.add(alternative.node);
            const configuredTitle = analysis.config().attribution.title;
            const fix: AttributionFix | null = configuredTitle && !fixOffered && !emptyTitle ? planAttributionFix(site, context.sourceCode, { title: configuredTitle }) : null;
            fixOffered ||= fix !== null;
            const text = exactText(alternative) ?? context.sourceCode.getText(alternative.node);
            context.report({
              node: alternative.node,
              messageId: 'localhostWithoutTitle',
              data: { value: quoted(text), where: fieldLocation(site.row, 'title') },
              fix,
            });
          }
        }
      }
    });
  },
});
