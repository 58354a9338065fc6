/**
 * The rule layer re-parses every fix and suggestion before ESLint sees it: one whose result would
 * not parse is dropped, its finding stays. Checked with a rule made the way every rule is made
 * (`createRule` + `onAnalysis`), and with a host that gives no working parser (as Oxlint does).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { createRule, onAnalysis, SHARED_MESSAGES } from '../src/analysis/report/create-rule.js';
import { verifyFixes, WRAPPED_PARSER } from '../src/analysis/fixes/verification.js';
import * as typescriptParser from '@typescript-eslint/parser';

const CODE = "import { OpenRouter } from '@openrouter/sdk';\nnew OpenRouter({ apiKey: key });\n";

/** A rule that offers, on every site, the edit it is given as an autofix and as a suggestion. */
function ruleOffering(text: string) {
  return createRule({
    name: 'offers',
    meta: {
      type: 'problem',
      docs: { description: 'test rule', recommended: false, url: 'https://example.invalid' },
      fixable: 'code',
      hasSuggestions: true,
      schema: [],
      messages: { ...SHARED_MESSAGES, found: 'found', edit: 'edit' },
    },
    create(context) {
      return onAnalysis(context, (analysis, report) => {
        for (const site of analysis.sites) {
          report({
            node: site.reportNode,
            messageId: 'found',
            fix: (fixer) => fixer.insertTextAfter(site.node, text),
            suggest: [{ messageId: 'edit', fix: (fixer) => fixer.insertTextAfter(site.node, text) }],
          });
        }
      });
    },
  });
}

function lint(text: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(CODE, [{ plugins: { test: { rules: { offers: ruleOffering(text) as never } } }, rules: { 'test/offers': 'error' } }], 'file.js');
}

describe('fixes re-parsed in the rule layer', () => {
  it('keeps an edit whose result parses', () => {
    const [message] = lint(';');
    expect(message?.fix).toEqual({ range: [expect.any(Number), expect.any(Number)], text: ';' });
    expect(message?.suggestions).toHaveLength(1);
  });

  it('drops an edit whose result does not parse, and keeps the finding', () => {
    const messages = lint('{ httpReferer: ');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.messageId).toBe('found');
    expect(messages[0]!.fix).toBeUndefined();
    expect(messages[0]!.suggestions ?? []).toEqual([]);
  });
});

describe('a host without a working parser', () => {
  /** What a host like Oxlint hands a rule: a parser whose `parse` always throws. */
  function hostContext(text: string, filename: string): Readonly<TSESLint.RuleContext<string, readonly unknown[]>> {
    const ast = espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true });
    return {
      filename,
      languageOptions: { parser: { parse: () => { throw new Error('not implemented'); } } },
      sourceCode: { text, ast },
    } as never;
  }
  const descriptor = (text: string, at: number): TSESLint.ReportDescriptor<string> => ({
    loc: { line: 1, column: 0 },
    messageId: 'found',
    fix: (fixer) => fixer.insertTextAfterRange([at, at], text),
  });

  it('checks edits with the fallback parser when it accepts the file as it is', () => {
    const text = 'call(a);\n';
    const [good, bad] = verifyFixes(hostContext(text, 'file.js'), [descriptor(', b', 6), descriptor('{', 6)]);
    expect(good!.fix).toBeTypeOf('function');
    expect(bad!.fix).toBeNull();
  });

  it('leaves edits unchecked rather than dropping them all when no parser it has accepts the file', () => {
    // `#!` after the first line is no JavaScript espree knows; the host parsed it, so the file is fine.
    const text = 'call(a);\n#!strange\n';
    const context = { ...hostContext('call(a);\n', 'file.js'), sourceCode: { text, ast: {} } } as never;
    const [edit] = verifyFixes(context, [descriptor(', b', 6)]);
    expect(edit!.fix).toBeTypeOf('function');
  });
});

describe('a host parser that wraps another', () => {
  it('checks edits with the wrapped parser, never through the wrapper', () => {
    const text = 'call(a);\n';
    const wrapperCalls: string[] = [];
    // As the tsserver host's: it hands the file's own text a Program, and says what it wraps.
    const wrapper = {
      meta: { name: 'host-wrapper' },
      parseForESLint(code: string, options: object) {
        wrapperCalls.push(code);
        return typescriptParser.parseForESLint(code, options as never);
      },
      [WRAPPED_PARSER]: typescriptParser,
    };
    const context = { filename: 'file.ts', languageOptions: { parser: wrapper }, sourceCode: { text, ast: {} } } as never;
    const edit = (inserted: string): TSESLint.ReportDescriptor<string> => ({ loc: { line: 1, column: 0 }, messageId: 'found', fix: (fixer) => fixer.insertTextAfterRange([6, 6], inserted) });
    const [good, bad] = verifyFixes(context, [edit(', b'), edit('{')]);
    expect(good!.fix).toBeTypeOf('function');
    expect(bad!.fix).toBeNull();
    expect(wrapperCalls).toEqual([]);
  });
});
