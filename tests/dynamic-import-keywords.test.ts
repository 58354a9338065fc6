/**
 * The client finder looks for `import(...)` from each occurrence of the word in the text when it has the
 * text, and through every token otherwise: both find the same clients, whatever else spells `import`.
 */
import parser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { findClientCalls } from '../src/analysis/clients/calls.js';
import type { ParsedSource } from '../src/analysis/syntax/ast.js';

function parsed(text: string): { withText: ParsedSource; withoutText: ParsedSource } {
  const { ast, scopeManager, visitorKeys } = parser.parseForESLint(text, { range: true, loc: true, tokens: true, comment: true, sourceType: 'module', ecmaVersion: 'latest' });
  const link = (node: Record<string, unknown>, parent: unknown): void => {
    node.parent = parent;
    for (const key of visitorKeys![node.type as string] ?? []) {
      const value = node[key];
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child === 'object') link(child, node);
    }
  };
  link(ast as never, undefined);
  const base = { ast, scopeManager, getScope: () => scopeManager!.globalScope! } as unknown as ParsedSource;
  return { withText: Object.assign(Object.create(null), base, { text }), withoutText: base };
}

const CASES = [
  "async function make() {\n  const { OpenRouter } = await import('@openrouter/sdk');\n  return new OpenRouter({});\n}",
  "import { importer } from 'x';\nconst s = 'import(\"@openrouter/sdk\")'; // import('@openrouter/sdk')\nconst m = import.meta;\nasync function f() {\n  const sdk = await import /* import */ ('@openrouter/sdk');\n  return new sdk.OpenRouter({});\n}",
  "const fetch = (...args) => import('node-fetch').then(({ default: fetch }) => fetch(...args));\nfetch('https://openrouter.ai/api/v1/chat/completions', {});\nconst importimport = 1;",
  "/* importimportimport */ const text = `${'import'}`;",
];

describe('dynamic imports found from the text', () => {
  it.each(CASES)('give the same clients as a pass over the tokens: %#', (code) => {
    const { withText, withoutText } = parsed(code);
    const ranges = (source: ParsedSource) => findClientCalls(source).map((call) => [call.row.id, ...call.node.range]);
    expect(ranges(withText)).toEqual(ranges(withoutText));
  });

  it('finds the client of an `import(...)` written between comments and beside other uses of the word', () => {
    const { withText } = parsed(CASES[1]!);
    expect(findClientCalls(withText).map((call) => call.node.type)).toEqual(['NewExpression']);
  });
});
