import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap, type Node } from '../analysis/syntax/ast.js';
import { constantBinding } from '../analysis/values/bindings.js';
import { createRule, SHARED_MESSAGES, onAnalysis } from '../analysis/report/create-rule.js';
import { insertIntoList, preferredQuote } from '../analysis/fixes/plan.js';
import { insertCopiedProperty } from '../analysis/fixes/property-insertion.js';
import { stringLiteral, swapLiteral } from '../analysis/fixes/literal-swap.js';
import type { HeaderContainer, HeaderEntry } from '../analysis/values/header-containers.js';
import { ruleDocsUrl } from '../rule-docs-url.js';
import { takesNoAttribution } from '../analysis/clients/rows.js';

const LEGACY = 'x-title';
const CANONICAL = 'X-OpenRouter-Title';

/** The entry's key and value as written in the container's own literal, or null for an entry from a spread or a later write. */
function writtenIn(container: HeaderContainer, entry: HeaderEntry): { key: Node; value: Node } | null {
  const literal = container.literal;
  const value = entry.value;
  const parent = value?.parent;
  if (!literal || !value || !parent) return null;
  if (parent.type === 'Property' && parent.value === value && parent.parent === literal) return { key: parent.key, value };
  if (parent.type === 'ArrayExpression' && parent.parent === literal && parent.elements[1] === value && parent.elements[0]) {
    return { key: parent.elements[0], value };
  }
  return null;
}

/** Whether a value's text can be written a second time with the same meaning: a string literal or a constant, nothing evaluated twice. */
function isCopyable(value: Node, entry: HeaderEntry): boolean {
  const target = unwrap(value);
  if (target.type === 'Literal') return typeof target.value === 'string';
  if (target.type === 'TemplateLiteral') return target.expressions.length === 0;
  return target.type === 'Identifier' && constantBinding(entry.scope, target.name) !== null;
}

/** A value that sends no title at all (`undefined`, `null`, `''`) is not a legacy title to copy. */
function sendsNothing(value: Node): boolean {
  const target = unwrap(value);
  if (target.type === 'Identifier') return target.name === 'undefined';
  if (target.type === 'Literal') return target.value === null || target.value === '';
  return false;
}

function isStringKey(key: Node): key is TSESTree.StringLiteral {
  return key.type === 'Literal' && typeof key.value === 'string';
}

export default createRule({
  name: 'prefer-openrouter-title-header',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'require `X-OpenRouter-Title` beside a legacy `X-Title` header, with the same value: sending both is the safe form',
      recommended: false,
      url: ruleDocsUrl('prefer-openrouter-title-header'),
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      ...SHARED_MESSAGES,
      legacyOnly:
        'The title is sent only as the legacy X-Title header. Send X-OpenRouter-Title with the same value beside it: both together is the safe form.',
      renameToCanonical: 'Rename X-Title to X-OpenRouter-Title (drops the legacy header).',
    },
  },
  create(context) {
    return onAnalysis(context, (analysis, report) => {
      const sourceCode = context.sourceCode;
      const seen = new Set<Node>();
      for (const site of analysis.sites) {
        // Only headers: `xTitle` on @openrouter/sdk is an option the client turns into headers itself.
        if (site.headers.kind !== 'container' || takesNoAttribution(site.row)) continue;
        const container = site.headers.container;
        // Headers the file does not show may hold X-OpenRouter-Title already.
        if (!container.complete) continue;
        const keys = container.entries.map((entry) => entry.key.toLowerCase());
        if (keys.includes(CANONICAL.toLowerCase())) continue;
        const legacy = container.entries.findLast((entry) => entry.key.toLowerCase() === LEGACY);
        if (!legacy?.value || sendsNothing(legacy.value) || seen.has(legacy.value)) continue;
        seen.add(legacy.value);
        const written = writtenIn(container, legacy);
        const literal = container.literal;
        const quote = written && isStringKey(written.key) ? sourceCode.getText(written.key)[0]! : preferredQuote(sourceCode, legacy.value);
        const nameQuote = quote === '"' ? '"' : "'";
        const name = stringLiteral(CANONICAL, nameQuote);
        const canFix = written !== null && literal !== null && container.editable && isCopyable(written.value, legacy);
        const valueText = sourceCode.getText(legacy.value);
        const item = literal?.type === 'ArrayExpression' ? `[${name}, ${valueText}]` : `${name}: ${valueText}`;
        const renameKey = written && isStringKey(written.key) ? written.key : null;
        report({
          node: written?.key ?? legacy.value,
          messageId: 'legacyOnly',
          fix:
            canFix && literal
              ? literal.type === 'ObjectExpression'
                ? (fixer) => insertCopiedProperty(fixer, sourceCode, literal, CANONICAL, nameQuote, legacy.value!)
                : (fixer) => insertIntoList(fixer, sourceCode, literal, [item])
              : null,
          suggest: renameKey
            ? [{ messageId: 'renameToCanonical', fix: swapLiteral(renameKey, CANONICAL, nameQuote, sourceCode.ast) ?? ((fixer) => fixer.replaceText(renameKey, name)) }]
            : [],
        });
      }
    });
  },
});
