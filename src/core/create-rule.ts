/**
 * How rules are made: `createRule` adds the shared pieces of meta, and `onAnalysis` hands a rule the
 * file's shared analysis once, at `Program`, so no rule walks the tree itself. Project config
 * problems are reported there, once per file.
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
  create(context: RuleContext<MessageIds>): TSESLint.RuleListener;
}): OpenRouterRule<MessageIds> {
  return { ...rule, defaultOptions: [] };
}

/** The listeners of a rule that checks the file's OpenRouter sites. */
export function onAnalysis<MessageIds extends string>(
  context: RuleContext<MessageIds>,
  check: (analysis: FileAnalysis) => void,
): TSESLint.RuleListener {
  return {
    Program() {
      const analysis = analyseFile(context);
      if (analysis.sites.length === 0) return;
      if (analysis.claimConfigReport()) {
        for (const problem of analysis.config().problems) {
          context.report({ loc: { line: 1, column: 0 }, messageId: 'invalidConfig', data: { problem } });
        }
      }
      check(analysis);
    },
  };
}
