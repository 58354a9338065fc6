import { checkCategories, KNOWN_CATEGORIES, MAX_CATEGORIES_PER_REQUEST, splitCategories, type CategoryProblem } from '../analysis/domain/categories.js';
import { createRule, SHARED_MESSAGES, onAnalysis } from '../analysis/report/create-rule.js';
import { replaceStringValue } from '../analysis/fixes/plan.js';
import { shortened } from '../analysis/text/quote.js';
import { fieldAlternatives } from '../analysis/sites/site.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

/** The header value with one slug replaced (or removed, when `replacement` is null). */
function rewrite(value: string, slug: string, replacement: string | null, occurrence: 'first' | 'last'): string {
  const slugs = splitCategories(value);
  const index = occurrence === 'first' ? slugs.indexOf(slug) : slugs.lastIndexOf(slug);
  if (replacement === null) slugs.splice(index, 1);
  else slugs[index] = replacement;
  return slugs.join(',');
}

export default createRule({
  name: 'valid-categories',
  meta: {
    type: 'problem',
    docs: {
      description: 'enforce that `X-OpenRouter-Categories` holds at most two known category slugs, which OpenRouter otherwise drops silently',
      recommended: 'error',
      url: ruleDocsUrl('valid-categories'),
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      unknownCategory:
        'Unknown category "{{slug}}": OpenRouter drops it silently.{{hint}} A slug OpenRouter added after this plugin\'s list goes in `additionalCategories` in the project config.',
      groupName: '"{{slug}}" is a category group, not a category; use one of its slugs: {{slugs}}.',
      badFormat: 'Category "{{slug}}" is not a slug (lowercase words joined by hyphens, at most 30 characters); OpenRouter drops it.',
      duplicate: 'Category "{{slug}}" is listed twice.',
      tooMany: '{{count}} categories in one request; OpenRouter takes at most {{max}}.',
      replaceSlug: 'Replace "{{slug}}" with "{{replacement}}".',
      removeDuplicate: 'Remove the second "{{slug}}".',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      const known = analysis.config().attribution.knownCategories;
      for (const { alternative, text } of fieldAlternatives(analysis.sites, 'categories')) {
        if (text === null) continue;
        for (const problem of checkCategories(text, known)) reportProblem(problem, text, alternative.node);
      }

      function reportProblem(problem: CategoryProblem, text: string, node: Parameters<typeof replaceStringValue>[1]): void {
        const suggestion = (messageId: 'replaceSlug' | 'removeDuplicate', next: string, data: Record<string, string>) => {
          const fix = replaceStringValue(context.sourceCode, node, next);
          return fix ? [{ messageId, data, fix }] : [];
        };
        switch (problem.kind) {
          case 'tooMany':
            report({ node, messageId: 'tooMany', data: { count: problem.count, max: MAX_CATEGORIES_PER_REQUEST } });
            return;
          case 'duplicate':
            report({
              node,
              messageId: 'duplicate',
              data: { slug: shortened(problem.slug) },
              suggest: suggestion('removeDuplicate', rewrite(text, problem.slug, null, 'last'), { slug: shortened(problem.slug) }),
            });
            return;
          case 'group':
            report({ node, messageId: 'groupName', data: { slug: shortened(problem.slug), slugs: (KNOWN_CATEGORIES[problem.slug] ?? []).join(', ') } });
            return;
          case 'format': {
            const replacement = problem.normalised;
            const usable = replacement !== '' && known.has(replacement);
            report({
              node,
              messageId: 'badFormat',
              data: { slug: shortened(problem.slug) },
              suggest: usable ? suggestion('replaceSlug', rewrite(text, problem.slug, replacement, 'first'), { slug: shortened(problem.slug), replacement }) : [],
            });
            return;
          }
          case 'unknown':
            report({
              node,
              messageId: 'unknownCategory',
              data: { slug: shortened(problem.slug), hint: problem.nearest ? ` Did you mean "${problem.nearest}"?` : '' },
              suggest: problem.nearest
                ? suggestion('replaceSlug', rewrite(text, problem.slug, problem.nearest, 'first'), { slug: shortened(problem.slug), replacement: problem.nearest })
                : [],
            });
        }
      }
    });
  },
});
