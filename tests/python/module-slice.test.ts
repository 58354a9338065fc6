/**
 * What of another Python module a lint reads to follow one imported name (src/analysis/python/module-slice.ts):
 * the statements that may bear on it, at their own offsets, and the whole module where the scan is unsure.
 */
import { describe, expect, it } from 'vitest';
import { sliceForNames, topLevelStatements } from '../../src/analysis/python/module-slice.js';

const kept = (text: string, sliced: string | null): string[] =>
  (topLevelStatements(text) ?? []).map(([from, to]) => text.slice(from, to)).filter((statement, index) => sliced!.slice(...topLevelStatements(text)![index]!) === statement);

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
    const sliced = sliceForNames(text, ['HEADERS'])!;
    expect(sliced).toHaveLength(text.length);
    expect(sliced.split('\n').length).toBe(text.split('\n').length);
    expect(kept(text, sliced)).toEqual([
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
    expect(sliced).not.toMatch(/c_\d/);
  });

  it('reads the whole module when most of it would be kept', () => {
    expect(sliceForNames('A = 1\nB = A\nC = B\n', ['C'])).toBeNull();
  });
});
