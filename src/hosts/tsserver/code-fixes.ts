/**
 * Every autofix and every suggestion of a message as a tsserver code fix, and the combined
 * "fix all" (ESLint's `--fix` result on the file, as one text change).
 */
import type { Rule } from 'eslint';
import type * as ts from 'typescript';
import { placeMessages, type PlacedMessage } from './diagnostics.js';
import type { LintedFile } from './project-linter.js';

/** The `fixId` of the combined fix, answered by `getCombinedCodeFix`. */
export const FIX_ALL_ID = 'openrouter-fix-all';
export const FIX_ALL_DESCRIPTION = 'Fix all OpenRouter attribution problems in file';

function textChange(linted: LintedFile, fix: Rule.Fix): ts.TextChange {
  return { span: { start: fix.range[0] + linted.offset, length: fix.range[1] - fix.range[0] }, newText: fix.text };
}

function action(fileName: string, linted: LintedFile, item: PlacedMessage, description: string, fix: Rule.Fix, fixAll: boolean): ts.CodeFixAction {
  return {
    fixName: `openrouter/${item.rule}`,
    description,
    changes: [{ fileName, textChanges: [textChange(linted, fix)] }],
    ...(fixAll ? { fixId: FIX_ALL_ID, fixAllDescription: FIX_ALL_DESCRIPTION } : {}),
  };
}

/** The fixes of the messages that overlap [start, end] and carry one of the codes asked for. */
export function codeFixesAt(fileName: string, linted: LintedFile, start: number, end: number, codes: readonly number[]): ts.CodeFixAction[] {
  const actions: ts.CodeFixAction[] = [];
  for (const item of placeMessages(linted)) {
    if (!codes.includes(item.code) || item.end < start || item.start > end) continue;
    const { message } = item;
    if (message.fix) actions.push(action(fileName, linted, item, `Fix this openrouter/${item.rule} problem`, message.fix, true));
    for (const suggestion of message.suggestions ?? []) actions.push(action(fileName, linted, item, suggestion.desc, suggestion.fix, false));
  }
  return actions;
}

/** The smallest single change that turns `before` into `after`. */
export function minimalChange(before: string, after: string, offset: number): ts.TextChange {
  let head = 0;
  const shorter = Math.min(before.length, after.length);
  while (head < shorter && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shorter - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { span: { start: head + offset, length: before.length - head - tail }, newText: after.slice(head, after.length - tail) };
}

export function combinedFix(fileName: string, linted: LintedFile, fixedText: string): ts.CombinedCodeActions {
  if (fixedText === linted.text) return { changes: [] };
  return { changes: [{ fileName, textChanges: [minimalChange(linted.text, fixedText, linted.offset)] }] };
}
