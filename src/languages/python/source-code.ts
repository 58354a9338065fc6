/**
 * The SourceCode ESLint hands the plugin's rules for a Python file: the text, the lines, a root node to
 * start the rules on, and the Python parse the analysis reads. Rules walk no Python tree themselves: they
 * run once at `Program` and read the file's analysis, as they do for JavaScript.
 */
import { lineStartsOf, pythonPosition, type PythonParse } from '../../analysis/index.js';

interface Position {
  readonly line: number;
  readonly column: number;
}
export interface Located {
  readonly range: readonly [number, number];
  readonly loc: { readonly start: Position; readonly end: Position };
}

/** The root the rules' `Program` listeners run on. Its children are not ESLint's to visit. */
export interface PythonProgram extends Located {
  readonly type: 'Program';
}

/** A `# eslint-disable…` comment, as ESLint's linter reads directives. */
interface Directive {
  readonly type: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  readonly node: Located;
  readonly value: string;
  readonly justification: string;
}

const DIRECTIVE = /^\s*(eslint-disable-next-line|eslint-disable-line|eslint-disable|eslint-enable)(?:\s+(.*?))?(?:\s+--\s+(.*))?\s*$/;

export class PythonSourceCode {
  readonly text: string;
  readonly ast: PythonProgram;
  /** The parse, or null for a file the text test skipped: nothing in it can be an OpenRouter site. */
  readonly python: PythonParse | null;
  readonly visitorKeys = { Program: [] as string[] };
  readonly lines: readonly string[];
  private readonly lineStarts: readonly number[];

  constructor(text: string, python: PythonParse | null) {
    this.text = text;
    this.python = python;
    this.lineStarts = python?.lineStarts ?? lineStartsOf(text);
    this.lines = text.split(/\r?\n/);
    this.ast = { type: 'Program', range: [0, text.length], loc: { start: this.position(0), end: this.position(text.length) } };
  }

  /** 1-based line, 0-based column, as ESLint's locations are. */
  private position(offset: number): Position {
    return pythonPosition(this.lineStarts, offset);
  }

  getLoc(node: Located): Located['loc'] {
    return node.loc;
  }

  getRange(node: Located): readonly [number, number] {
    return node.range;
  }

  getText(node?: Located): string {
    return node ? this.text.slice(node.range[0], node.range[1]) : this.text;
  }

  getLines(): readonly string[] {
    return this.lines;
  }

  /** The rules start at the root and read the analysis there: one visit in, one out. */
  traverse(): { kind: 1; target: PythonProgram; phase: 1 | 2; args: [PythonProgram, null] }[] {
    return [
      { kind: 1, target: this.ast, phase: 1, args: [this.ast, null] },
      { kind: 1, target: this.ast, phase: 2, args: [this.ast, null] },
    ];
  }

  /** `# eslint-disable-next-line openrouter/require-referer -- why` and its siblings, in Python comments. */
  getDisableDirectives(): { problems: []; directives: Directive[] } {
    const directives: Directive[] = [];
    this.python?.tree.iterate({
      enter: (node) => {
        if (node.name !== 'Comment') return;
        const text = this.text.slice(node.from + 1, node.to);
        const match = DIRECTIVE.exec(text);
        if (!match) return;
        const type = match[1]!.slice('eslint-'.length) as Directive['type'];
        directives.push({ type, node: { range: [node.from, node.to], loc: { start: this.position(node.from), end: this.position(node.to) } }, value: match[2] ?? '', justification: match[3] ?? '' });
      },
    });
    return { problems: [], directives };
  }
}
