/**
 * An audit-only rule that reports each OpenRouter site of a file, from the same cached analysis the
 * plugin's rules use: the audit counts sites from these reports and drops them from the findings.
 */
import type { Rule } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { analyseFile } from '../../analysis/index.js';

export const SITE_PLUGIN_NAME = 'openrouter-audit';
export const SITE_RULE_ID = `${SITE_PLUGIN_NAME}/site`;
/** The message of a site that sends a referer. */
export const ATTRIBUTED_MESSAGE = 'attributed';

const siteRule: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    schema: [],
    messages: { attributed: ATTRIBUTED_MESSAGE, unattributed: 'unattributed' },
  },
  create(context) {
    return {
      Program() {
        const analysis = analyseFile(context as unknown as Readonly<TSESLint.RuleContext<string, readonly unknown[]>>);
        // A failure is reported by the plugin's rules; its sites are unknown, so none are counted.
        if (analysis.failure !== null) return;
        for (const site of analysis.sites) {
          const messageId = site.fields.referer.state === 'present' ? 'attributed' : 'unattributed';
          context.report({ node: site.reportNode as unknown as Rule.Node, messageId });
        }
      },
    };
  },
};

export const sitePlugin = { meta: { name: SITE_PLUGIN_NAME }, rules: { site: siteRule } };
