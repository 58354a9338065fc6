import { listedCompanion } from '../analysis/domain/categories.js';
import { createRule, SHARED_MESSAGES, onAnalysis } from '../analysis/report/create-rule.js';
import { replaceStringValue } from '../analysis/fixes/plan.js';
import { fieldAlternatives } from '../analysis/sites/site.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

export default createRule({
  name: 'prefer-listed-categories',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'require a category slug that OpenRouter\'s own sources list beside one they do not (`ide-extension` beside `coding-assistant`), so the app is credited whichever list is right',
      recommended: false,
      url: ruleDocsUrl('prefer-listed-categories'),
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      unlistedOnly:
        'Category "{{slug}}" is in none of OpenRouter\'s own category lists (its API spec, SDK and docs list "{{companion}}"), and OpenRouter drops unknown slugs silently. Send "{{companion}}" beside it: two slugs fit one request.',
      addCompanion: 'Send "{{slug}},{{companion}}".',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      for (const { alternative, text } of fieldAlternatives(analysis.sites, 'categories')) {
        const unlisted = text === null ? null : listedCompanion(text);
        if (!unlisted) continue;
        const { slug, companion } = unlisted;
        // A choice of category is the author's: offered, never applied by --fix.
        const fix = replaceStringValue(context.sourceCode, alternative.node, `${slug},${companion}`);
        report({
          node: alternative.node,
          messageId: 'unlistedOnly',
          data: { slug, companion },
          suggest: fix ? [{ messageId: 'addCompanion', data: { slug, companion }, fix }] : [],
        });
      }
    });
  },
});
