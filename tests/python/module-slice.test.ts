/**
 * What of another Python module a lint reads to follow one imported name (src/analysis/python/module-slice.ts):
 * the statements that may bear on it, at their own offsets, and the whole module where the scan is unsure.
 */
import type { Tree } from '@lezer/common';
import { describe, expect, it } from 'vitest';
import { parsePython } from '../../src/analysis/python/parse.js';
import { sliceForNames, topLevelStatements } from '../../src/analysis/python/module-slice.js';

/** The statements of `text` the ranges cover. */
const kept = (text: string, ranges: readonly { from: number; to: number }[]): string[] =>
  topLevelStatements(text)!
    .filter(([from, to]) => ranges.some((range) => range.from <= from && to <= range.to))
    .map(([from, to]) => text.slice(from, to));

const PADDING = Array.from({ length: 40 }, (_, line) => `c_${line} = ${line}\n`).join('');

describe('the statements of a module a lint follows a name into', () => {
  it('splits at top-level lines only: not inside brackets, strings, continuations, decorators or the else of a compound statement', () => {
    const text = 'A = (1,\n2)\nB = """\nx = 1\n"""\nC = 1 + \\\n  2\n@decorate\ndef f():\n    return A\nif B:\n    pass\nelse:\n    pass\n# a comment\nD = \'#\'  # (\n';
    expect(topLevelStatements(text)!.map(([from, to]) => text.slice(from, to))).toEqual([
      'A = (1,\n2)\n',
      'B = """\nx = 1\n"""\n',
      'C = 1 + \\\n  2\n',
      '@decorate\ndef f():\n    return A\n',
      'if B:\n    pass\nelse:\n    pass\n# a comment\n',
      "D = '#'  # (\n",
    ]);
  });

  it('is unsure of a bracket or string left open', () => {
    expect(topLevelStatements('A = (1,\n')).toBeNull();
    expect(topLevelStatements('A = """x\n')).toBeNull();
    expect(topLevelStatements("A = 'x\nB = 1\n")).toBeNull();
    expect(sliceForNames(`A = (1,\n${PADDING}`, ['A'])).toBeNull();
  });

  it('keeps the statements that mention the name, those they mention, and every import, at their offsets', () => {
    const text = `from .base import *\nimport os\nBASE = {"X-Title": os.environ["TITLE"]}\n${PADDING}HEADERS = {**BASE, "HTTP-Referer": site()}\ndef site():\n    return SITE\nSITE = "https://acme.dev"\nHEADERS["X-Extra"] = "1"\nOTHER = os.getcwd()\n`;
    const ranges = sliceForNames(text, ['HEADERS'])!;
    expect(kept(text, ranges)).toEqual([
      'from .base import *\n',
      'import os\n',
      'BASE = {"X-Title": os.environ["TITLE"]}\n',
      'HEADERS = {**BASE, "HTTP-Referer": site()}\n',
      'def site():\n    return SITE\n',
      'SITE = "https://acme.dev"\n',
      'HEADERS["X-Extra"] = "1"\n',
      // Mentions `os`, which a kept statement mentions.
      'OTHER = os.getcwd()\n',
    ]);
    expect(ranges.map((range) => text.slice(range.from, range.to)).join('')).not.toMatch(/c_\d/);
  });

  it('parses the ranges kept as the whole module parses those statements, at the same offsets', () => {
    const text = `import os\nH = {"X-Title": TITLE}\n${PADDING}class Client:\n    headers = H\n\n    def send(self):\n        return (self.headers,\n  1)\nTITLE = "Acme"\n`;
    const ranges = sliceForNames(text, ['Client'])!;
    const nodes = (tree: Tree, inside: (from: number) => boolean): string[] => {
      const out: string[] = [];
      tree.iterate({ enter: (node) => void (node.name !== 'Script' && inside(node.from) && out.push(`${node.name}@${node.from}-${node.to}`)) });
      return out;
    };
    const inRanges = (at: number) => ranges.some((range) => range.from <= at && at < range.to);
    const part = nodes(parsePython(text, ranges).tree, () => true);
    expect(part).toEqual(nodes(parsePython(text).tree, inRanges));
    expect(part.some((node) => node.startsWith('ClassDefinition'))).toBe(true);
  });

  it('gives an empty range when nothing mentions the name', () => {
    expect(sliceForNames(`A = 1\n${PADDING}`, ['MISSING'])).toEqual([{ from: 0, to: 0 }]);
  });

  it('reads the whole module when most of it would be kept', () => {
    expect(sliceForNames('A = 1\nB = A\nC = B\n', ['C'])).toBeNull();
  });
});
