import { createRule, SHARED_MESSAGES, onAnalysis } from '../analysis/report/create-rule.js';
import { quoted, shortened } from '../analysis/text/quote.js';
import { preferredQuote } from '../analysis/fixes/plan.js';
import { stringLiteral } from '../analysis/fixes/literal-swap.js';
import { fieldAlternatives } from '../analysis/sites/site.js';
import { unstableParts } from '../analysis/checks/unstable-referers.js';
import type { Node } from '../analysis/syntax/ast.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

export default createRule({
  name: 'no-unstable-referer',
  meta: {
    type: 'problem',
    docs: {
      description:
        'disallow an `HTTP-Referer` built from values that change per deployment, page or request (`VERCEL_URL`, `window.location`, the request\'s `Host`), each of which becomes a separate app',
      recommended: 'error',
      url: ruleDocsUrl('no-unstable-referer'),
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      unstableReferer:
        'HTTP-Referer is built from {{source}}, which changes per {{scope}}: OpenRouter counts each value as a separate app. Send the app\'s one public URL.',
      useConfiguredReferer: 'Use the configured referer {{value}}.',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      const configured = analysis.config().attribution.referer;
      const sourceCode = context.sourceCode;
      const reported = new Set<Node>();
      // One value is one mistake: `req.headers.referer || req.headers.origin` is reported at its first read.
      const reportedValues = new Set<object>();
      for (const { site, call, alternative, siblings } of fieldAlternatives(analysis.sites, 'referer')) {
        for (const { leaf, changesPer } of unstableParts(sourceCode, site.language, alternative)) {
          if (reported.has(leaf) || reportedValues.has(siblings)) continue;
          reported.add(leaf);
          reportedValues.add(siblings);
          // Only a value written in the call itself is replaced: a constant may serve other code too.
          const value = alternative.node;
          const inCall = value.range[0] >= call.range[0] && value.range[1] <= call.range[1];
          const replacement = configured && inCall ? stringLiteral(configured, preferredQuote(sourceCode, call)) : null;
          report({
            node: leaf,
            messageId: 'unstableReferer',
            data: { source: `\`${shortened(sourceCode.getText(leaf))}\``, scope: changesPer },
            suggest:
              replacement && configured
                ? [{ messageId: 'useConfiguredReferer', data: { value: quoted(configured) }, fix: (fixer) => fixer.replaceText(value, replacement) }]
                : [],
          });
        }
      }
    });
  },
});
