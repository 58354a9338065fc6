import { createRule, SHARED_MESSAGES, onAnalysis } from '../analysis/report/create-rule.js';
import { findClobberedAttribution, reportNode, type ClobberedAttribution } from '../analysis/checks/clobbered-attribution.js';
import { shortened } from '../analysis/text/quote.js';
import { removeListItem } from '../analysis/fixes/plan.js';
import type { TSESLint } from '@typescript-eslint/utils';
import type { Node } from '../analysis/syntax/ast.js';
import { ruleDocsUrl } from '../rule-docs-url.js';

type MessageIds =
  | 'cleared'
  | 'replaced'
  | 'duplicated'
  | 'headersSpread'
  | 'fallback'
  | 'removedDefault'
  | 'removeKey'
  | 'moveAfterSpread'
  | 'removeDuplicate'
  | 'spreadEntries'
  | 'mergeFallback';

type Descriptor = TSESLint.ReportDescriptor<MessageIds>;

/** Source text for a message: one line, shortened. */
function excerpt(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): string {
  return shortened(sourceCode.getText(node).replace(/\s+/g, ' '));
}

/** "HTTP-Referer", "HTTP-Referer and X-Title", "HTTP-Referer, X-Title and X-OpenRouter-Categories". */
function listed(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

function describe(finding: ClobberedAttribution, sourceCode: Readonly<TSESLint.SourceCode>): Descriptor {
  const node = reportNode(finding);
  const text = (target: Node): string => sourceCode.getText(target);
  switch (finding.kind) {
    case 'cleared': {
      const own = 'own' in finding.origin ? finding.origin.own : null;
      const where = own ? 'here' : `by \`${excerpt(sourceCode, 'spread' in finding.origin ? finding.origin.spread : node)}\``;
      return {
        node,
        messageId: 'cleared',
        data: { header: finding.header, value: finding.value, where },
        suggest: own ? [{ messageId: 'removeKey', data: { header: finding.header }, fix: (fixer) => removeListItem(fixer, sourceCode, own) }] : [],
      };
    }
    case 'replaced': {
      const { property, spread } = finding;
      return {
        node: property.key,
        messageId: 'replaced',
        data: { header: finding.header, value: finding.value, spread: excerpt(sourceCode, spread) },
        suggest: finding.movable
          ? [
              {
                messageId: 'moveAfterSpread',
                data: { header: finding.header },
                fix: (fixer) => [removeListItem(fixer, sourceCode, property), fixer.insertTextAfter(spread, `, ${text(property)}`)],
              },
            ]
          : [],
      };
    }
    case 'duplicated':
      return {
        node: node.type === 'Property' ? node.key : node,
        messageId: 'duplicated',
        data: { first: finding.first, second: finding.second },
        suggest: finding.removable.map((entry) => ({
          messageId: 'removeDuplicate' as const,
          data: { key: entry.key, value: excerpt(sourceCode, entry.value) },
          fix: (fixer: TSESLint.RuleFixer) => removeListItem(fixer, sourceCode, entry.node),
        })),
      };
    case 'headersSpread': {
      const argument = finding.spread.argument;
      return {
        node,
        messageId: 'headersSpread',
        data: { header: finding.header, headers: excerpt(sourceCode, argument) },
        suggest: finding.convertible
          ? [{ messageId: 'spreadEntries', fix: (fixer) => fixer.replaceText(argument, `Object.fromEntries(${text(argument)})`) }]
          : [],
      };
    }
    case 'removedDefault': {
      const { property } = finding;
      return {
        node,
        messageId: 'removedDefault',
        data: { header: finding.header, client: finding.client, line: String(finding.construction.loc.start.line) },
        suggest: property ? [{ messageId: 'removeKey', data: { header: finding.header }, fix: (fixer) => removeListItem(fixer, sourceCode, property) }] : [],
      };
    }
    case 'fallback': {
      const { left, right } = finding.node;
      return {
        node,
        messageId: 'fallback',
        data: { left: excerpt(sourceCode, left), right: excerpt(sourceCode, right), headers: listed(finding.headers), verb: finding.headers.length > 1 ? 'are' : 'is' },
        suggest: finding.mergeable
          ? [{ messageId: 'mergeFallback', fix: (fixer) => fixer.replaceText(finding.node, `{ ...${text(right)}, ...${text(left)} }`) }]
          : [],
      };
    }
  }
}

export default createRule({
  name: 'no-clobbered-attribution',
  meta: {
    type: 'problem',
    docs: {
      description: 'disallow attribution headers that are written and then lost: replaced by a later key or spread, joined with a case variant, spread from a `Headers` object, or dropped by a `??` fallback',
      recommended: 'error',
      url: ruleDocsUrl('no-clobbered-attribution'),
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      cleared: '{{header}} is set to {{value}} {{where}}, after an earlier value: the later key wins, so the attribution set before is lost.',
      replaced: '{{header}} set here is replaced by `{{spread}}` after it, which sets it to {{value}}: this value is never sent.',
      duplicated:
        '`{{first}}` and `{{second}}` are one header on the wire (names are case-insensitive): the request carries both values joined with a comma, or only one of them, depending on the client. Keep one.',
      headersSpread:
        'Spreading a Headers object copies none of its headers (they are not its own properties): the {{header}} in `{{headers}}` is lost. Pass the Headers object itself, or spread Object.fromEntries() of it.',
      fallback:
        'Whenever `{{left}}` is given, it replaces the whole headers object, and the {{headers}} of the fallback `{{right}}` {{verb}} not sent. Merge the two instead.',
      removedDefault:
        '{{header}}: null removes the {{header}} this {{client}} client sets by default (line {{line}}): this request carries none.',
      removeKey: 'Remove this {{header}} key, so the earlier value is sent.',
      moveAfterSpread: 'Move {{header}} after the spread, so this value wins.',
      removeDuplicate: 'Remove `{{key}}: {{value}}`.',
      spreadEntries: 'Spread Object.fromEntries() of the Headers object.',
      mergeFallback: 'Merge them: the fallback first, then the given headers over it.',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      for (const finding of findClobberedAttribution(analysis.sites, context.sourceCode)) report(describe(finding, context.sourceCode));
    });
  },
});
