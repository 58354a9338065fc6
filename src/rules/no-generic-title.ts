import { createRule, SHARED_MESSAGES, onAnalysis } from '../analysis/report/create-rule.js';
import { quoted } from '../analysis/text/quote.js';
import { replaceStringValue } from '../analysis/fixes/plan.js';
import { fieldAlternatives } from '../analysis/sites/site.js';
import { checkTitle } from '../analysis/domain/titles.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

export default createRule({
  name: 'no-generic-title',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'disallow generic or placeholder app titles ("Chatbot", "My AI App", `<YOUR_SITE_NAME>`) that tell users nothing in OpenRouter\'s rankings',
      recommended: 'warn',
      url: ruleDocsUrl('no-generic-title'),
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      genericTitle: 'Title {{title}} is generic: it does not say which app this is. Use the name users know the app by.',
      placeholderTitle: 'Title {{title}} is a placeholder copied from the docs. Use the name users know the app by.',
      useConfiguredTitle: 'Use the configured title {{title}}.',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      const config = analysis.config().attribution;
      for (const { alternative, text } of fieldAlternatives(analysis.sites, 'title')) {
        // An empty alternative is a missing title (`process.env.APP_NAME || ''`), not a generic one.
        const problem = text === null || text.trim() === '' ? null : checkTitle(text, config.genericTitleWords);
        if (text === null || !problem) continue;
        const replace = config.title ? replaceStringValue(context.sourceCode, alternative.node, config.title) : null;
        report({
          node: alternative.node,
          messageId: problem.kind === 'placeholder' ? 'placeholderTitle' : 'genericTitle',
          data: { title: quoted(text) },
          suggest: replace && config.title ? [{ messageId: 'useConfiguredTitle', data: { title: quoted(config.title) }, fix: replace }] : [],
        });
      }
    });
  },
});
