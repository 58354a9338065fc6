/**
 * How rules are made: `createRule` adds the shared pieces of meta, and `onAnalysis` hands a rule the
 * file's shared analysis once, at `Program`, so no rule walks the tree itself. Unexpected failures
 * are reported there, once per file. Rules report through the
 * `report` it hands them, which re-parses every fix and suggestion before passing it to ESLint.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { FileAnalysis } from '../sites/find-sites.js';
import { analyseSource } from './analyse-source.js';
import { verifyFixes } from '../fixes/verification.js';
import { withBudget } from '../values/budget.js';
import { LintSuperseded, throwIfSuperseded } from '../sites/superseded.js';

export interface OpenRouterRuleDocs {
  description: string;
  /** Severity in `configs.recommended`; every rule is an error in `configs.strict` unless it is opt-in. */
  recommended: 'error' | 'warn' | false;
  /** A rule for teams that ask more than correct attribution (every site provable): in no config, `strict` included. */
  optIn?: true;
  /** `ruleDocsUrl(name)`: the rule's doc at this version's tag. */
  url: string;
}

type SharedMessageIds = keyof typeof SHARED_MESSAGES;

export type RuleContext<MessageIds extends string> = Readonly<TSESLint.RuleContext<MessageIds | SharedMessageIds, []>>;

export interface OpenRouterRule<MessageIds extends string> extends TSESLint.RuleModule<MessageIds | SharedMessageIds, [], OpenRouterRuleDocs> {
  readonly name: string;
}

/** The message every rule carries: a file the analysis could not handle. Config problems are `valid-config`'s alone. */
export const SHARED_MESSAGES = {
  internalError:
    'eslint-plugin-openrouter could not check this file ({{error}}); its OpenRouter calls were not checked. Please report this with the code.',
} as const;

export function createRule<MessageIds extends string>(rule: {
  name: string;
  meta: TSESLint.RuleMetaData<MessageIds | SharedMessageIds, OpenRouterRuleDocs, []>;
  create(context: RuleContext<MessageIds>): TSESLint.RuleListener;
}): OpenRouterRule<MessageIds> {
  // No rule takes options (each declares `schema: []`). ESLint validates a schema with ajv, whose first use
  // in a process loads and compiles it (about 40 ms cold): a process whose only rules are these (the audit,
  // the editor's tsserver plugin) would pay it on every start. The same refusal is made here instead.
  const meta = { ...rule.meta, schema: false } as unknown as typeof rule.meta;
  return {
    ...rule,
    meta,
    defaultOptions: [],
    create(context) {
      const given = context.options as readonly unknown[];
      if (given.length > 0) {
        throw new Error(`${context.id} takes no options: give it a severity alone ("error", "warn" or "off"), not ${given.length === 1 ? 'an option' : `${given.length} options`} after it`);
      }
      return rule.create(context);
    },
  };
}

export type Report<MessageIds extends string> = (descriptor: TSESLint.ReportDescriptor<MessageIds | SharedMessageIds>) => void;

/** The listeners of a rule that checks the file's OpenRouter sites. */
export function onAnalysis<MessageIds extends string>(
  context: RuleContext<MessageIds>,
  check: (analysis: FileAnalysis, report: Report<MessageIds>) => void,
): TSESLint.RuleListener {
  const reportError = (error: unknown): void => {
    const text = error instanceof Error ? error.message : String(error);
    context.report({ loc: { line: 1, column: 0 }, messageId: 'internalError', data: { error: text.split('\n')[0]!.slice(0, 200) } });
  };
  return {
    Program() {
      // An unexpected failure is reported on the file rather than thrown: a throw would stop the
      // whole ESLint run (or the editor's linting) for every other file and rule.
      let analysis: FileAnalysis | null = null;
      try {
        // Between rules: a lint a newer version of the file has superseded stops before the next.
        throwIfSuperseded();
        analysis = analyseSource(context);
        if (analysis.failure !== null) {
          if (analysis.claimFailureReport()) reportError(analysis.failure);
          return;
        }
        if (analysis.sites.length === 0) return;
        const descriptors: TSESLint.ReportDescriptor<MessageIds | SharedMessageIds>[] = [];
        const current = analysis;
        withBudget(current.checksBudget(), () => check(current, (descriptor) => descriptors.push(descriptor)));
        for (const descriptor of verifyFixes(context, descriptors)) context.report(descriptor as typeof descriptors[number]);
      } catch (error) {
        if (error instanceof LintSuperseded) throw error;
        if (!analysis || analysis.claimFailureReport()) reportError(error);
      }
    },
  };
}
