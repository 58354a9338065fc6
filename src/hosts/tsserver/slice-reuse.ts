/**
 * An edit outside the statement slice (statement-slice.ts) changes nothing ESLint reads: when the kept
 * statements are the same text at the same lines and columns, with the same trivia between them but
 * for the length of blanked-out runs, the last lint's messages hold for the new version, their fixes
 * moved with the statements they edit. Typing in the bulk of a large file then costs no lint at all.
 */
import type { Linter, Rule } from 'eslint';
import type * as ts from 'typescript';
import { lineStarts } from './line-starts.js';
import type { StatementSlice } from './statement-slice.js';

/**
 * A Program's files and options, held weakly: a slice's shape keeps no old Program or SourceFile
 * alive, and every file whose last lint was sliced in one Program shares its record.
 */
interface ProgramParts {
  readonly files: WeakSet<ts.SourceFile>;
  readonly count: number;
  /** The options, as JSON: a host may hand each Program a new object with the same options. */
  readonly options: string;
}

const partsOf = new WeakMap<ts.Program, ProgramParts>();

function programParts(program: ts.Program): ProgramParts {
  let parts = partsOf.get(program);
  if (!parts) {
    const files = program.getSourceFiles();
    parts = { files: new WeakSet(files), count: files.length, options: JSON.stringify(program.getCompilerOptions()) };
    partsOf.set(program, parts);
  }
  return parts;
}

/** Whether `program` holds the files and options `before` held, but for `fileName`'s own: the checker answers alike. */
function sameOtherFiles(before: ProgramParts, program: ts.Program, fileName: string): boolean {
  const files = program.getSourceFiles();
  if (files.length !== before.count || JSON.stringify(program.getCompilerOptions()) !== before.options) return false;
  return files.every((file) => file.fileName === fileName || before.files.has(file));
}

/** The column of each offset (ascending), counting line breaks as ESLint does. */
function columnsOf(text: string, offsets: readonly number[]): number[] {
  const starts = lineStarts(text);
  let line = 0;
  return offsets.map((offset) => {
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return offset - starts[line]!;
  });
}

/** What ESLint reads of a sliced file, as far as an edit elsewhere can change it. */
export interface SliceShape {
  /** Where each kept statement starts and ends in the file. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Each kept statement's text, and the column it starts at. */
  readonly texts: readonly string[];
  readonly columns: readonly number[];
  /** The sliced text around the kept statements, runs of spaces made one: comments and line breaks as they are. */
  readonly gaps: readonly string[];
  /** The files of the Program, whose types the checker answers with. */
  readonly program: ProgramParts;
}

export function sliceShape(slice: StatementSlice, sourceFile: ts.SourceFile, program: ts.Program): SliceShape {
  const starts = slice.kept.map((statement) => statement.getStart(sourceFile));
  const ends = slice.kept.map((statement) => statement.end);
  const gap = (from: number, to: number): string => slice.text.slice(from, to).replace(/ {2,}/g, ' ');
  return {
    starts,
    ends,
    texts: starts.map((start, index) => sourceFile.text.slice(start, ends[index])),
    columns: columnsOf(sourceFile.text, starts),
    gaps: [...starts.map((start, index) => gap(index === 0 ? 0 : ends[index - 1]!, start)), gap(ends.at(-1) ?? 0, slice.text.length)],
    program: programParts(program),
  };
}

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((item, index) => item === b[index]);

/** Whether ESLint reads the same of the new version (`after`, in `program`) as of the last one linted. */
export function sameSlice(before: SliceShape, after: SliceShape, program: ts.Program, fileName: string): boolean {
  return (
    sameList(before.texts, after.texts) &&
    sameList(before.columns, after.columns) &&
    sameList(before.gaps, after.gaps) &&
    sameOtherFiles(before.program, program, fileName)
  );
}

/**
 * The messages of the last lint (of `text`) for the new version: lines and columns stay (the kept
 * statements did not move in lines or columns), and each fix moves with the kept statement it edits.
 * Null when a message or a fix is not within one kept statement (between them, where an edit
 * elsewhere may have changed the text).
 */
export function movedMessages(messages: readonly Linter.LintMessage[], text: string, before: SliceShape, after: SliceShape): Linter.LintMessage[] | null {
  /** The kept statement that holds the offset, or -1. */
  const statementAt = (offset: number): number => {
    // The last kept statement starting at or before it (starts are ascending).
    let low = 0;
    let high = before.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (before.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return before.starts[low]! <= offset && offset <= before.ends[low]! ? low : -1;
  };
  const moved = (fix: Rule.Fix): Rule.Fix | null => {
    const [start, end] = fix.range;
    const index = statementAt(start);
    if (index < 0 || end > before.ends[index]!) return null;
    const shift = after.starts[index]! - before.starts[index]!;
    return { range: [start + shift, end + shift], text: fix.text };
  };
  const starts = messages.length > 0 ? lineStarts(text) : [];
  const within = (line: number, column: number): boolean => line >= 1 && line <= starts.length && statementAt(starts[line - 1]! + column - 1) >= 0;
  const result: Linter.LintMessage[] = [];
  for (const message of messages) {
    if (!within(message.line, message.column) || (message.endLine !== undefined && !within(message.endLine, message.endColumn ?? message.column))) return null;
    const fix = message.fix && moved(message.fix);
    if (fix === null) return null;
    const suggestions = message.suggestions?.map((suggestion) => ({ ...suggestion, fix: moved(suggestion.fix) }));
    if (suggestions?.some((suggestion) => suggestion.fix === null)) return null;
    result.push({ ...message, ...(fix ? { fix } : {}), ...(suggestions ? { suggestions: suggestions as Linter.LintSuggestion[] } : {}) });
  }
  return result;
}
