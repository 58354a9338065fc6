/**
 * An audit-only rule that reports each OpenRouter site of a file, from the same cached analysis the
 * plugin's rules use: the audit counts (and, with `--list-sites`, lists) sites from these reports and
 * drops them from the findings. Each report's message is the site's identity as JSON, the one way a
 * rule's result reaches the audit (from a worker thread too).
 */
import type { Rule } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { analyseSource, siteIdentity, type SiteIdentity } from '../../analysis/index.js';

export const SITE_PLUGIN_NAME = 'openrouter-audit';
export const SITE_RULE_ID = `${SITE_PLUGIN_NAME}/site`;

const siteRule: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    schema: [],
    messages: { site: '{{identity}}' },
  },
  create(context) {
    return {
      Program() {
        const analysis = analyseSource(context as unknown as Readonly<TSESLint.RuleContext<string, readonly unknown[]>>);
        // A failure is reported by the plugin's rules; its sites are unknown, so none are counted.
        if (analysis.failure !== null) return;
        for (const site of analysis.sites) {
          context.report({ node: site.reportNode as unknown as Rule.Node, messageId: 'site', data: { identity: JSON.stringify(siteIdentity(site)) } });
        }
      },
    };
  },
};

/** The identity a site report carries. */
export function reportedIdentity(message: string): SiteIdentity {
  return JSON.parse(message) as SiteIdentity;
}

export const sitePlugin = { meta: { name: SITE_PLUGIN_NAME }, rules: { site: siteRule } };
