/**
 * A property appended to an object literal with a copied value (`'X-OpenRouter-Title': <X-Title's value>`)
 * parses wherever the object stands, so fix verification takes it without a re-parse. Checked here for
 * arbitrary names and the layouts `insertIntoList` writes (one line or one property a line, trailing
 * comma or not, comments after the last property, CRLF), in several contexts, by parsing the result with
 * typescript-eslint and espree (module and script); the copies it refuses are refused; and verification
 * parses no edited expression for such an insertion while it still parses one for other insertions.
 */
import { parse as parseTypeScript } from '@typescript-eslint/typescript-estree';
import parserTs from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import * as espree from 'espree';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { expressionChecks, lintCounting } from './counting-parser.js';
import { insertCopiedProperty, isProvenInsertion } from '../src/analysis/fixes/property-insertion.js';

type Node = TSESTree.Node;
type Fix = TSESLint.RuleFix;

const RECORDING = {
  insertTextAfter: (node: { range: [number, number] }, text: string) => ({ range: [node.range[1], node.range[1]], text }),
  insertTextAfterRange: (range: [number, number], text: string) => ({ range: [range[1], range[1]], text }),
  insertTextBefore: (node: { range: [number, number] }, text: string) => ({ range: [node.range[0], node.range[0]], text }),
  replaceTextRange: (range: [number, number], text: string) => ({ range, text }),
} as unknown as TSESLint.RuleFixer;

/**
 * Runs `insertCopiedProperty` on the object holding a `mark` property, copying the value of its `copy`
 * property or, when there is none, the initialiser of `const far`.
 */
function insertion(code: string, name: string, quote: '"' | "'"): { edits: Fix[]; proven: boolean } {
  let result: { edits: Fix[]; proven: boolean } | null = null;
  const rule: Rule.RuleModule = {
    create(context) {
      let far: Node | null = null;
      return {
        VariableDeclarator(node: Rule.Node) {
          const declarator = node as unknown as TSESTree.VariableDeclarator;
          if (declarator.id.type === 'Identifier' && declarator.id.name === 'far') far = declarator.init;
        },
        'ObjectExpression:exit'(node: Rule.Node) {
          const list = node as unknown as TSESTree.ObjectExpression;
          const named = (key: string) => list.properties.find((property) => property.type === 'Property' && property.key.type === 'Identifier' && property.key.name === key) as TSESTree.Property | undefined;
          if (!named('mark')) return;
          const value = named('copy')?.value ?? far;
          const edits = insertCopiedProperty(RECORDING, context.sourceCode as never, list, name, quote, value as Node);
          result = { edits, proven: edits.every(isProvenInsertion) };
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(code, [
    { files: ['**/*.ts'], languageOptions: { parser: parserTs as Linter.Parser }, plugins: { t: { rules: { insert: rule } } }, rules: { 't/insert': 'error' } },
  ], 'file.ts');
  if (messages.some((message) => message.fatal)) throw new Error(`does not parse: ${code}\n${messages[0]!.message}`);
  if (!result) throw new Error('no marked object');
  return result;
}

/** The edits applied as ESLint merges them: in order of position, edits at one position in the order given. */
function apply(code: string, edits: readonly Fix[]): string {
  let out = '';
  let position = 0;
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
    out += code.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
  }
  return out + code.slice(position);
}

/** The last property of the object holding `mark`, in each tree the text parses to. */
function appendedKeys(text: string): unknown[] {
  const trees: Node[] = [
    parseTypeScript(text, { range: true }) as Node,
    espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true }) as unknown as Node,
    espree.parse(text, { ecmaVersion: 'latest', sourceType: 'script', range: true }) as unknown as Node,
  ];
  return trees.map((tree) => {
    let key: unknown;
    const visit = (node: Node): void => {
      if (node.type === 'ObjectExpression' && node.properties.some((property) => property.type === 'Property' && property.key.type === 'Identifier' && property.key.name === 'mark')) {
        const last = node.properties.at(-1);
        key = last?.type === 'Property' && last.key.type === 'Literal' ? last.key.value : null;
      }
      for (const [name, value] of Object.entries(node)) {
        if (name === 'parent' || !value || typeof value !== 'object') continue;
        for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') visit(child as Node);
      }
    };
    visit(tree);
    return key;
  });
}

const pieces = fc.constantFrom('a', ' ', "'", '"', '\\', '\n', '\r', '\0', '\u2028', '\uD83D\uDE00', '\uD83D', '${', '`', '</script', '<!--', '1', '\\1', '__proto__', 'X-OpenRouter-Title');
const names = fc.oneof(fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 16 }));
/** Values copied from the same object (`copy: ...`). */
const copies = fc.constantFrom("'Acme'", '"Acme \\u2014 Docs"', "'a\\\\b'", '42', '0x1F', 'title', '/re/g', 'null');
/** Properties that may come last in the object. */
const lastOnes = fc.constantFrom('tail: 1', '...rest', 'm() { return 1; }', 'get g() { return 2; }', 'p: (3)', 'shorthand', "'quoted': `t${1}`", '[computed]: 4', 'fn: () => ({})');
const layouts = fc.record({
  multiline: fc.boolean(),
  trailingComma: fc.boolean(),
  comment: fc.constantFrom('', ' // note', ' /* note */', ' /* a\n b */', ' // a */'),
  eol: fc.constantFrom('\n', '\r\n'),
  indent: fc.constantFrom('  ', '    ', '\t'),
  copyFirst: fc.boolean(),
});
const contexts = fc.constantFrom(
  (object: string) => `const o = ${object};`,
  (object: string) => `async function f() { return ${object}; }`,
  (object: string) => `class K { field = ${object}; }`,
  (object: string) => `function* g() { yield ${object}; }`,
  (object: string) => `x = (${object});`,
  (object: string) => `call(1, ${object});`,
);

function objectText(copy: string | null, last: string, layout: { multiline: boolean; trailingComma: boolean; comment: string; eol: string; indent: string; copyFirst: boolean }): string {
  const own = copy === null ? ['mark: 0'] : layout.copyFirst ? [`copy: ${copy}`, 'mark: 0'] : ['mark: 0', `copy: ${copy}`];
  const properties = [...own, last];
  const comma = layout.trailingComma ? ',' : '';
  if (!layout.multiline) return `{ ${properties.join(', ')}${comma}${layout.comment.includes('//') ? '' : layout.comment} }`;
  const lines = properties.map((property, index) => `${layout.indent}${property}${index < properties.length - 1 ? ',' : comma}`);
  lines[lines.length - 1] += layout.comment;
  return `{${layout.eol}${lines.join(layout.eol)}${layout.eol}}`;
}

const PRELUDE = 'let x, rest = {}, shorthand = 1, computed = "c", title = "T";\nconst far = FAR;\n';

describe('property insertions', () => {
  it('are proven for a copied value of the same object, and parse with the name as the last key', () => {
    fc.assert(
      fc.property(names, fc.constantFrom<'"' | "'">('"', "'"), copies, lastOnes, layouts, contexts, (name, quote, copy, last, layout, context) => {
        const code = PRELUDE.replace('FAR', '1') + context(objectText(copy, last, layout));
        const { edits, proven } = insertion(code, name, quote);
        expect(proven).toBe(name !== '__proto__');
        if (proven) expect(appendedKeys(apply(code, edits))).toEqual([name, name, name]);
      }),
      { numRuns: 600 },
    );
  });

  it('are proven for a string literal copied from elsewhere only when it has no escape', () => {
    fc.assert(
      fc.property(names, fc.constantFrom("'Acme'", '"Acme Docs"', "'a\\\\b'", "'\\x41'", '`Acme`', 'title', '7'), lastOnes, layouts, contexts, (name, far, last, layout, context) => {
        const code = PRELUDE.replace('FAR', far) + context(objectText(null, last, layout));
        const { edits, proven } = insertion(code, name, "'");
        expect(proven).toBe(name !== '__proto__' && /^(['"])[^\\]*\1$/.test(far));
        if (proven) expect(appendedKeys(apply(code, edits))).toEqual([name, name, name]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('fix verification of property insertions', () => {
  /** Lints with every rule under the recording parser, and applies prefer-openrouter-title-header's fix. */
  function lintLegacyTitle(code: string): { output: string; parsed: string[] } {
    const { messages, parsed } = lintCounting(code, plugin.configs.strict);
    const legacy = messages.find((message) => message.ruleId === 'openrouter/prefer-openrouter-title-header');
    return { output: legacy?.fix ? code.slice(0, legacy.fix.range[0]) + legacy.fix.text + code.slice(legacy.fix.range[1]) : code, parsed };
  }
  const URL = "'https://openrouter.ai/api/v1/chat/completions'";

  it('parses no edited expression for X-OpenRouter-Title copied beside X-Title', () => {
    const { output, parsed } = lintLegacyTitle(`fetch(${URL}, { method: 'POST', headers: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme Docs' } });\n`);
    expect(output).toContain("'X-Title': 'Acme Docs', 'X-OpenRouter-Title': 'Acme Docs' }");
    expect(expressionChecks(parsed)).toEqual([]);
  });

  it('still parses the edited expression when the copied value is not a token it proves (a template)', () => {
    const { output, parsed } = lintLegacyTitle(`fetch(${URL}, { method: 'POST', headers: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': \`Acme Docs\` } });\n`);
    expect(output).toContain("'X-Title': `Acme Docs`, 'X-OpenRouter-Title': `Acme Docs` }");
    expect(expressionChecks(parsed).length).toBe(1);
  });
});
