/** ESLint messages as tsserver diagnostics: source `openrouter`, a code per rule, the rule's severity and message. */
import type { Linter } from 'eslint';
import type * as ts from 'typescript';
import { DIAGNOSTIC_CODES, type RuleName } from './diagnostic-codes.js';
import { lineStarts } from './line-starts.js';
import type { LintedFile } from './project-linter.js';
import type { TypeScript } from './typescript-module.js';

export const DIAGNOSTIC_SOURCE = 'openrouter';

/** A message and where it is in the file, as offsets. */
export interface PlacedMessage {
  readonly message: Linter.LintMessage;
  readonly rule: RuleName;
  readonly code: number;
  readonly start: number;
  readonly end: number;
}

const placed = new WeakMap<LintedFile, readonly PlacedMessage[]>();

/** The file's messages with offsets, computed once per lint result. */
export function placeMessages(linted: LintedFile): readonly PlacedMessage[] {
  let result = placed.get(linted);
  if (result) return result;
  const starts = linted.messages.length > 0 ? lineStarts(linted.text) : [];
  const offsetOf = (line: number, column: number): number =>
    Math.min(linted.text.length, (starts[Math.max(0, line - 1)] ?? linted.text.length) + Math.max(0, column - 1)) + linted.offset;
  result = linted.messages.map((message) => {
    const rule = message.ruleId!.slice('openrouter/'.length) as RuleName;
    const start = offsetOf(message.line, message.column);
    const end = message.endLine === undefined ? start : Math.max(start, offsetOf(message.endLine, message.endColumn ?? message.column));
    return { message, rule, code: DIAGNOSTIC_CODES[rule], start, end };
  });
  placed.set(linted, result);
  return result;
}

export function toDiagnostics(typescript: TypeScript, sourceFile: ts.SourceFile, linted: LintedFile): ts.Diagnostic[] {
  return placeMessages(linted)
    .filter((item) => item.code !== undefined)
    .map(({ message, code, start, end }) => ({
      file: sourceFile,
      start,
      length: end - start,
      messageText: message.message,
      category: message.severity === 2 ? typescript.DiagnosticCategory.Error : typescript.DiagnosticCategory.Warning,
      code,
      source: DIAGNOSTIC_SOURCE,
    }));
}
