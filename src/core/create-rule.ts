/**
 * The one way rules are made: each rule gets the file's shared analysis once, at `Program`, and
 * never walks the tree itself. Project config problems are reported once per file here.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { analyseFile, type FileAnalysis } from './find-sites.js';

export interface OpenRouterRuleDocs {
  description: string;
  /** Severity in `configs.recommended`; every rule is an error in `configs.strict`. */
  recommended: 'error' | 'warn' | false;
}

export type RuleContext<MessageIds extends string> = Readonly<TSESLint.RuleContext<MessageIds | 'invalidConfig', []>>;

export interface OpenRouterRule<MessageIds extends string> extends TSESLint.RuleModule<MessageIds | 'invalidConfig', [], OpenRouterRuleDocs> {
  readonly name: string;
}

/** The message every rule carries for a bad project config. */
export const INVALID_CONFIG_MESSAGE = {
  invalidConfig: 'Invalid OpenRouter attribution config: {{problem}}',
} as const;

export function createRule<MessageIds extends string>(rule: {
  name: string;
  meta: TSESLint.RuleMetaData<MessageIds | 'invalidConfig', OpenRouterRuleDocs, []>;
  check(context: RuleContext<MessageIds>, analysis: FileAnalysis): void;
}): OpenRouterRule<MessageIds> {
  return {
    name: rule.name,
    meta: rule.meta,
    defaultOptions: [],
    create(context) {
      return {
        Program() {
          const analysis = analyseFile(context);
          if (analysis.sites.length === 0) return;
          if (analysis.claimConfigReport()) {
            for (const problem of analysis.config().problems) {
              context.report({ loc: { line: 1, column: 0 }, messageId: 'invalidConfig', data: { problem } });
            }
          }
          rule.check(context, analysis);
        },
      };
    },
  };
}
