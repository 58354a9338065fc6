/**
 * The module reader's pre-test of nesting (src/analysis/syntax/nesting-depth.ts): a module nested
 * deeper than a tree the reader reads is refused from its text alone, and the count never exceeds
 * the depth of the tree a parser makes, so no module the reader would read is refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { describe, expect, it } from 'vitest';
import { nestingDepth } from '../src/analysis/syntax/nesting-depth.js';
import { parseModuleText } from '../src/analysis/syntax/module-parser.js';

const LIMIT = 1024;

/** The depth of the deepest node of the tree typescript-eslint makes of `text` (the Program is 1). */
function treeDepth(text: string, file: string): number {
  const { ast } = tsParser.parseForESLint(text, { filePath: file, sourceType: 'module', ecmaVersion: 'latest', range: true, jsx: file.endsWith('x') });
  let deepest = 0;
  const stack: [object, number][] = [[ast, 1]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    deepest = Math.max(deepest, depth);
    for (const key of visitorKeys[(node as { type: string }).type] ?? []) {
      const value = (node as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child === 'object' && 'type' in child) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** Shapes where a text-only count could go wrong: brackets in strings, comments, templates, regular expressions and JSX, comparisons, arrows. */
const TRICKY: Record<string, string> = {
  'strings.ts': `export const s = '[[[{{{(((<<<';\nexport const d = "]]]}}}";\nexport const t = \`[[[{{{ \${ [1, [2]] } \${\`\${[[3]]}\`}\`;\n`,
  'comments.ts': `// [[[{{{\n/* {{{[[[\n ]]] */\nexport const a = [[1]];\n`,
  'regex.ts': `export const r = /[[{(]/g;\nexport const q = /\\[/;\nexport const div = (a: number, b: number) => a / b / [1][0];\nconst x = [/]/, /\\//];\nexport { x };\n`,
  'comparisons.ts': `declare const a: number, b: number, c: number;\nexport const lt = a < b && b < c || c < a ? [a < b] : { k: a < b };\nfor (let i = 0; i < a; i++) if (i < b) [i];\nexport const f = <T,>(v: Array<Map<T, Set<T>>>) => v;\n`,
  'types.ts': `export type Deep = Promise<Array<Record<string, Map<string, Set<number[]>>>>>;\nexport interface I { a: { b: { c: [string, { d: number }] } } }\n`,
  'view.tsx': `export const View = ({ n }: { n: number }) => (\n  <div title={\`a\${n}\`}>\n    Don't {n < 2 ? <b>{[n]}</b> : <i>it's {n}</i>}\n  </div>\n);\n`,
};

describe('nesting depth of a module text', () => {
  it('counts the brackets that open levels of the tree', () => {
    expect(nestingDepth('export const a = [[[1]]];', LIMIT)).toBe(3);
    expect(nestingDepth('function f() { if (x) { return { a: [1] }; } }', LIMIT)).toBe(4);
    expect(nestingDepth('const t = `${`${x}`}`;', LIMIT)).toBe(2);
    expect(nestingDepth('let m: Map<string, Array<Set<number>>>;', LIMIT)).toBe(2);
    // Parentheses add no node: not counted.
    expect(nestingDepth('const v = ((((((1))))));', LIMIT)).toBe(0);
  });

  it('does not count brackets in strings, comments, template text or regular expressions', () => {
    const noise = `const s = '${'['.repeat(5_000)}';\n// ${'{'.repeat(5_000)}\nconst t = \`${'['.repeat(5_000)}\`;\nconst r = /${'\\['.repeat(5_000)}/;\n`;
    expect(nestingDepth(noise, LIMIT)).toBe(0);
  });

  it('lets a comparison go at the end of its line: thousands of them do not add up', () => {
    const lines = Array.from({ length: 3_000 }, (_, index) => `ok = a${index} < b${index}`).join('\n');
    expect(nestingDepth(lines, LIMIT)).toBe(1);
  });

  it.each([
    ['nested arrays', `export const H = { 'X-Deep': ${'['.repeat(40_000)}1${']'.repeat(40_000)} };\n`],
    ['nested blocks', `export const H = { 'X-Deep': 'v' };\n${'{'.repeat(40_000)}${'}'.repeat(40_000)}\n`],
    ['nested type arguments', `export const H = { 'X-Deep': 'v' } as ${'A<'.repeat(40_000)}B${'>'.repeat(40_000)};\n`],
    ['nested template substitutions', `export const H = ${'`${'.repeat(5_000)}x${'}`'.repeat(5_000)};\n`],
  ])('refuses %s past the depth the reader reads, without parsing', (_name, text) => {
    expect(nestingDepth(text, LIMIT)).toBe(LIMIT);
    expect(parseModuleText(text, '/project/src/deep.ts')).toBeNull();
  });

  it('still reads a module nested close to that depth', () => {
    const text = `export const H = ${'['.repeat(900)}1${']'.repeat(900)};\n`;
    expect(nestingDepth(text, LIMIT)).toBe(900);
    expect(parseModuleText(text, '/project/src/nested.ts')).not.toBeNull();
  });

  it.each(Object.keys(TRICKY))('%s: counts no more than the depth of its tree', (name) => {
    const text = TRICKY[name]!;
    const counted = nestingDepth(text, LIMIT);
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThan(treeDepth(text, `/project/src/${name}`));
  });

  it("counts no more than the tree's depth on every source of this repository", () => {
    const root = path.resolve(__dirname, '..', 'src');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8');
      expect({ file, counted: nestingDepth(text, LIMIT) < treeDepth(text, file) }).toEqual({ file, counted: true });
    }
  });
});
