/**
 * A literal swap (one string literal replaced by one `stringLiteral` writes) parses wherever the
 * literal stood, so fix verification takes it without a re-parse. Checked here for any value in
 * every position `isSwappable` accepts, with typescript-eslint's parser and espree (module and
 * script code, strict and sloppy); the positions it refuses are refused; and verification parses
 * no edited expression for a swap while it still parses one for another edit.
 */
import { parse as parseTypeScript } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import * as espree from 'espree';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { expressionChecks, lintCounting } from './counting-parser.js';
import { isLiteralSwap, swapLiteral } from '../src/analysis/fixes/literal-swap.js';

type Node = TSESTree.Node;
const MARK = 'MARK';

/** The tree with its parents linked (typescript-estree's `parse` leaves them out). */
function linked(root: Node): Node {
  const visit = (node: Node, parent: Node | undefined): void => {
    (node as { parent?: Node }).parent = parent;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || !value || typeof value !== 'object') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child.type === 'string') visit(child as Node, node);
      }
    }
  };
  visit(root, undefined);
  return root;
}

function findMark(root: Node): TSESTree.StringLiteral {
  let found: TSESTree.StringLiteral | null = null;
  const visit = (node: Node): void => {
    if (node.type === 'Literal' && node.value === MARK) found = node as TSESTree.StringLiteral;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || !value || typeof value !== 'object') continue;
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') visit(child as Node);
    }
  };
  visit(root);
  if (!found) throw new Error('no MARK literal');
  return found;
}

/** Parses as TypeScript; JavaScript snippets also with espree as a module and as a script. */
function parses(text: string, typescriptOnly: boolean): Node[] {
  const trees: Node[] = [parseTypeScript(text, { range: true, jsx: false }) as Node];
  if (!typescriptOnly) {
    trees.push(espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true }) as unknown as Node);
    trees.push(espree.parse(text, { ecmaVersion: 'latest', sourceType: 'script', range: true }) as unknown as Node);
  }
  return trees;
}

/** Code around a `'MARK'` literal in each position a swap is accepted in. */
const ACCEPTED: readonly { code: string; typescriptOnly?: true }[] = [
  { code: "const a = 'MARK';" },
  { code: "let b; b = 'MARK';" },
  { code: "function f(p = 'MARK') { return p; }" },
  { code: "async function g() { await 'MARK'; }" },
  { code: "x + 'MARK';" },
  { code: "'MARK' in x;" },
  { code: "c ? 'MARK' : 1;" },
  { code: "c || 'MARK';" },
  { code: "function h() { 'use strict'; return 'MARK'; }" },
  { code: "(1, 'MARK');" },
  { code: "[...'MARK'];" },
  { code: "['MARK', 1];" },
  { code: '`a${\'MARK\'}b`;' },
  { code: "call('MARK');" },
  { code: "new C(1, 'MARK');" },
  { code: "'MARK'.length;" },
  { code: "o['MARK'];" },
  { code: "({ 'MARK': 1 });" },
  { code: "({ k: 'MARK' });" },
  { code: "({ __proto__: null, 'MARK': 2 });" },
  { code: "({ 'MARK'() {} });" },
  { code: "({ get 'MARK'() { return 1; } });" },
  { code: "'use strict';\nconst d = { headers: { 'X-Title': 'MARK' } };" },
  { code: "const e = 'MARK' as string;", typescriptOnly: true },
  { code: "const g = 'MARK' satisfies string;", typescriptOnly: true },
];

/** Positions where a string's value or quoting decides the syntax, or that are not listed. */
const REFUSED: readonly { code: string; jsx?: true }[] = [
  { code: "'MARK';" },
  { code: "function d() { 'MARK'; }" },
  { code: "import x from 'MARK';" },
  { code: "export * from 'MARK';" },
  { code: "type T = 'MARK';" },
  { code: "enum E { 'MARK' = 1 }" },
  { code: "declare module 'MARK' {}" },
  { code: "({ ['MARK']: 1 });" },
  { code: "class K { 'MARK'() {} }" },
  { code: "const j = <a b='MARK' />;", jsx: true },
];

const pieces = fc.constantFrom('a', ' ', "'", '"', '\\', '\n', '\r', '\0', '\x1f', '\x7f', '\u2028', '\u2029', '\u2014', '\uD83D\uDE00', '\uD83D', '${', '`', '</script', '<!--', '1', '\\1', '__proto__');
const values = fc.oneof(fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 24 }), fc.constant('__proto__'));

describe('literal swaps', () => {
  it('parse wherever the literal stood, and give the literal the value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACCEPTED), values, fc.constantFrom<'"' | "'">('"', "'"), ({ code, typescriptOnly }, value, quote) => {
        const program = linked(parseTypeScript(code, { range: true, jsx: false }) as Node);
        const mark = findMark(program);
        const swap = swapLiteral(mark, value, quote, program);
        // A key is never swapped for `__proto__` (a second one is a syntax error).
        if (value === '__proto__' && mark.parent.type === 'Property' && mark.parent.key === mark) {
          expect(swap).toBeNull();
          return;
        }
        expect(swap).not.toBeNull();
        const edit = swap!({ replaceTextRange: (range: [number, number], text: string) => ({ range, text }) } as never);
        expect(isLiteralSwap(edit)).toBe(true);
        const swapped = code.slice(0, edit.range[0]) + edit.text + code.slice(edit.range[1]);
        for (const tree of parses(swapped, !!typescriptOnly)) {
          const literal = (function find(node: Node): TSESTree.StringLiteral | null {
            if (node.type === 'Literal' && node.range[0] === edit.range[0]) return node as TSESTree.StringLiteral;
            for (const [key, child] of Object.entries(node)) {
              if (key === 'parent' || !child || typeof child !== 'object') continue;
              for (const item of Array.isArray(child) ? child : [child]) {
                const hit = item && typeof item.type === 'string' ? find(item as Node) : null;
                if (hit) return hit;
              }
            }
            return null;
          })(tree);
          expect(literal?.value).toBe(value);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it.each(REFUSED)('are refused in $code', ({ code, jsx }) => {
    const program = linked(parseTypeScript(code, { range: true, jsx: !!jsx }) as Node);
    expect(swapLiteral(findMark(program), 'Acme', "'", program)).toBeNull();
  });

  it('are refused for a literal of another tree', () => {
    const program = linked(parseTypeScript("const a = 'MARK';", { range: true }) as Node);
    const other = linked(parseTypeScript("const a = 'MARK';", { range: true }) as Node);
    expect(swapLiteral(findMark(other), 'Acme', "'", program)).toBeNull();
  });
});

describe('fix verification of literal swaps', () => {
  /** Lints with every rule, recording every text the parser is given. */
  const lintStrict = (code: string) => lintCounting(code, plugin.configs.strict);
  const URL = "'https://openrouter.ai/api/v1/chat/completions'";

  it('parses no edited expression for a suggestion that swaps a literal', () => {
    const { messages, parsed } = lintStrict(`fetch(${URL}, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme \u2014 Docs' } });\n`);
    const unsendable = messages.find((message) => message.ruleId === 'openrouter/sendable-header-values');
    expect(unsendable?.suggestions?.[0]?.fix.text).toBe("'Acme - Docs'");
    expect(expressionChecks(parsed)).toEqual([]);
  });

  it('still parses the edited expression of a suggestion that replaces a template', () => {
    const { messages, parsed } = lintStrict(`fetch(${URL}, { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': \`Acme \u2014 Docs\` } });\n`);
    const unsendable = messages.find((message) => message.ruleId === 'openrouter/sendable-header-values');
    expect(unsendable?.suggestions?.[0]?.fix.text).toBe("'Acme - Docs'");
    expect(expressionChecks(parsed)).toEqual(["(\n'Acme - Docs'\n);\n"]);
  });
});
