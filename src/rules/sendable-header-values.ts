import { createRule, onAnalysis, SHARED_MESSAGES } from '../analysis/report/create-rule.js';
import { quoted } from '../analysis/text/quote.js';
import { fieldAlternatives } from '../analysis/sites/site.js';
import { replaceStringValue } from '../analysis/fixes/plan.js';
import { codePoint, plainSpelling, unsendableCharacter } from '../analysis/domain/header-values.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

const FIELD_NAMES = { referer: 'HTTP-Referer', title: 'title', categories: 'categories' } as const;

export default createRule({
  name: 'sendable-header-values',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow attribution values that HTTP clients refuse to send (characters above U+00FF, line breaks), which make every request throw',
      recommended: 'error',
      url: ruleDocsUrl('sendable-header-values'),
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      unsendable:
        'The {{field}} {{value}} contains {{char}}, which HTTP clients refuse in a header: every request of this client throws. Use Latin-1 characters only.',
      usePlainSpelling: 'Spell it {{value}}.',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      for (const field of ['referer', 'title', 'categories'] as const) {
        for (const { alternative, text } of fieldAlternatives(analysis.sites, field)) {
          const bad = text === null ? null : unsendableCharacter(text);
          if (text === null || !bad) continue;
          const plain = plainSpelling(text);
          const replace = plain === null ? null : replaceStringValue(context.sourceCode, alternative.node, plain);
          const described = bad.code > 0xff ? `"${bad.char}" (${codePoint(bad.code)})` : bad.code === 0x0a || bad.code === 0x0d ? 'a line break' : 'a control character';
          report({
            node: alternative.node,
            messageId: 'unsendable',
            data: { field: FIELD_NAMES[field], value: quoted(text), char: described },
            suggest: replace && plain !== null ? [{ messageId: 'usePlainSpelling', data: { value: quoted(plain) }, fix: replace }] : [],
          });
        }
      }
    });
  },
});
