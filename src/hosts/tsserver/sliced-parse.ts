/**
 * Parses a statement slice (statement-slice.ts) for ESLint with tsserver's Program, without parsing
 * anything again: typescript-estree converts a view of the Program's own SourceFile that holds only
 * the kept statements, over the sliced text (the same text at their places, blanks between). The
 * ESTree nodes thus map to the Program's own nodes, and the type checker answers for them as it
 * does for the whole file.
 */
import type * as ts from 'typescript';
import type { StatementSlice } from './statement-slice.js';
import type { TypeScriptParser } from './lint-packages.js';

interface ParseResult {
  ast: { body: { range: [number, number] }[] };
  services: Record<string, unknown>;
}

/**
 * The SourceFile typescript-estree is handed: the Program's, seen with only the kept statements and
 * the sliced text. Scanning between the kept statements (tokens, comments) then meets blanks only,
 * and TypeScript caches the tokens it makes per SourceFile, so tsserver's own caches stay untouched.
 */
function slicedSourceFile(sourceFile: ts.SourceFile, slice: StatementSlice): ts.SourceFile {
  const { pos, end } = sourceFile.statements;
  const statements = Object.assign([...slice.kept], { pos, end, hasTrailingComma: false });
  return Object.create(sourceFile, { text: { value: slice.text }, statements: { value: statements } }) as ts.SourceFile;
}

/**
 * ESLint's parse of the slice, or null when its statements are not exactly the kept ones (then the
 * whole file is parsed: blanking out a statement must not change how the others parse).
 */
export function parseSlice(
  parser: TypeScriptParser,
  slice: StatementSlice,
  sourceFile: ts.SourceFile,
  program: ts.Program,
  parserOptions: Record<string, unknown> | undefined,
): unknown {
  const sliced = slicedSourceFile(sourceFile, slice);
  const view = Object.create(program, {
    getSourceFile: { value: (fileName: string) => (program.getSourceFile(fileName) === sourceFile ? sliced : program.getSourceFile(fileName)) },
  }) as ts.Program;
  const result = parser.parseForESLint(slice.text, { ...parserOptions, programs: [view] }) as ParseResult;
  const { body } = result.ast;
  if (body.length !== slice.kept.length || body.some(({ range }, index) => range[0] !== slice.kept[index]!.getStart(sourceFile) || range[1] !== slice.kept[index]!.end)) {
    return null;
  }
  return { ...result, services: { ...result.services, program } };
}
