/**
 * What an edit costs: a version is linted once whichever requests ask for it (diagnostics, quick
 * fixes), and an edit that leaves the statement slice as it was reuses the last lint, its fixes moved
 * with the statements they edit. Whatever is reused must be what a lint of the new version gives.
 */
import { Linter } from 'eslint';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyTextChanges, createTestService } from './in-memory-service.js';

const ROOT = '/openrouter-version-memo';
const FILE = `${ROOT}/client.ts`;
const UNRELATED = 'export function scale(n: number): number {\n  return n * 2;\n}\n\n';
const IMPORT = "import { OpenRouter } from '@openrouter/sdk';\n\n";
const SITE = 'export const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });\n';
/** The first statement is always kept: the unrelated one comes second. */
const CODE = `${IMPORT}${UNRELATED}${SITE}`;
/** An identity, so that the missing referer has a fix. */
const OPTIONS = { openrouter: { referer: 'https://acme.dev', title: 'Acme Docs' } };

const ours = (diagnostics: readonly ts.Diagnostic[]) =>
  diagnostics.filter((diagnostic) => diagnostic.source === 'openrouter').map(({ code, start, length, messageText }) => ({ code, start, length, messageText }));

/** The plugin's diagnostics, quick fixes and fix-all result on a fresh service: what a lint of `code` gives. */
function fresh(code: string) {
  const test = createTestService(`${ROOT}-fresh`, { 'client.ts': code }, OPTIONS);
  const fileName = `${ROOT}-fresh/client.ts`;
  return results(test, fileName, code);
}

function results(test: ReturnType<typeof createTestService>, fileName: string, code: string) {
  const diagnostics = ours(test.service.getSemanticDiagnostics(fileName));
  const fixes = diagnostics.flatMap((diagnostic) =>
    test.service
      .getCodeFixesAtPosition(fileName, diagnostic.start!, diagnostic.start! + diagnostic.length!, [diagnostic.code], {}, {})
      .map((action) => [action.description, applyTextChanges(code, action.changes[0]!.textChanges)]),
  );
  const combined = test.service.getCombinedCodeFix({ type: 'file', fileName }, 'openrouter-fix-all', {}, {});
  return { diagnostics, fixes, fixed: applyTextChanges(code, combined.changes.flatMap((change) => change.textChanges)) };
}

describe('linting per version', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lints a version once for its diagnostics and its quick fixes', () => {
    const verify = vi.spyOn(Linter.prototype, 'verify');
    const test = createTestService(ROOT, { 'client.ts': CODE }, OPTIONS);
    const [referer] = ours(test.service.getSemanticDiagnostics(FILE));
    expect(referer?.messageText).toMatch(/^Missing HTTP-Referer/);
    test.service.getSemanticDiagnostics(FILE);
    expect(test.service.getCodeFixesAtPosition(FILE, referer!.start!, referer!.start! + referer!.length!, [referer!.code], {}, {}).length).toBeGreaterThan(0);
    expect(verify).toHaveBeenCalledTimes(1);
    test.setFile(FILE, `${CODE}// edited\n`);
    test.service.getSemanticDiagnostics(FILE);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('reuses the last lint after an edit outside the slice, with its fixes moved, as a lint of the new version gives', () => {
    const test = createTestService(ROOT, { 'client.ts': CODE }, OPTIONS);
    const before = results(test, FILE, CODE);
    expect(before.diagnostics).toHaveLength(1);
    expect(before.fixes.length).toBeGreaterThan(0);
    // Within a line of the unrelated function: every later offset moves, no line does.
    const edited = CODE.replace('n * 2;', 'n * 2048;');
    const expected = fresh(edited);
    const verify = vi.spyOn(Linter.prototype, 'verify');
    test.setFile(FILE, edited);
    const diagnostics = ours(test.service.getSemanticDiagnostics(FILE));
    expect(verify).not.toHaveBeenCalled();
    expect(diagnostics[0]!.start).toBe(before.diagnostics[0]!.start! + 3);
    expect(results(test, FILE, edited)).toEqual(expected);
  });

  it('lints again after an edit that moves lines, or that changes a kept statement', () => {
    const test = createTestService(ROOT, { 'client.ts': CODE }, OPTIONS);
    test.service.getSemanticDiagnostics(FILE);
    const moved = CODE.replace('n * 2;', 'n *\n    2;');
    const expected = fresh(moved).diagnostics;
    const verify = vi.spyOn(Linter.prototype, 'verify');
    test.setFile(FILE, moved);
    expect(ours(test.service.getSemanticDiagnostics(FILE))).toEqual(expected);
    expect(verify).toHaveBeenCalledTimes(1);
    test.setFile(FILE, moved.replace('apiKey:', "httpReferer: 'https://acme.dev', apiKey:"));
    expect(ours(test.service.getSemanticDiagnostics(FILE))).toEqual([]);
    expect(verify).toHaveBeenCalledTimes(2);
  });
});
