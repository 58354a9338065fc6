/**
 * Parity with ESLint: every RuleTester case of every rule (from tests/rules/*.test.ts) goes through
 * the tsserver plugin on an in-process language service and through ESLint's Linter with the same
 * rule, parser and settings. Messages, ranges, every quick fix and suggestion, and the "fix all"
 * output must be the same; the invalid cases' error counts and fixed outputs must match the test file.
 * Each TypeScript case runs again between statements that share no name with it, which the plugin
 * leaves out of what ESLint sees (statement-slice.ts): the result must still be ESLint's on the
 * whole text.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { SETTINGS_SOURCE_KEY } from '../../src/analysis/index.js';
import { SETUP_NOTICE_CODE } from '../../src/hosts/tsserver/setup-notices.js';
import { sliceStatements } from '../../src/hosts/tsserver/statement-slice.js';
import { collectRuleCases, type CollectedRuleCases } from '../rule-tester.js';
import { applyTextChanges, createTestService } from './in-memory-service.js';

const ROOT = '/openrouter-parity';
const FIX_ALL_ID = 'openrouter-fix-all';
/** Where the plugin entry's `openrouter` is, as config problems name it. */
const ENTRY_SOURCE = `${ROOT}/tsconfig.json: compilerOptions.plugins[0].openrouter`;

/** Unrelated code around a case: the first statement is always kept, the others are left out unless the case names them. */
const BEFORE = 'export interface PaddingLedger {\n  entries: readonly number[];\n}\n\nexport const paddingUnit = 1;\n\n';
const AFTER = '\nexport function paddingSum(ledger: PaddingLedger): number {\n  return ledger.entries.reduce((total, entry) => total + entry * paddingUnit, 0);\n}\n';
const pad = (code: string): string => `${code.startsWith('#!') ? '' : BEFORE}${code}${AFTER}`;

const collected = await collectRuleCases(() => Promise.all(Object.keys(rules).map((name) => import(`../rules/${name}.test.ts`))));

interface ParityCase {
  readonly code: string;
  readonly filename: string;
  readonly settings: Record<string, unknown>;
  /** Expected by the test file for invalid cases: the error count and the fixed output (null: no fix). */
  readonly errors?: number;
  readonly output?: string | null;
}

function parityCases({ cases }: CollectedRuleCases): ParityCase[] {
  const valid = [...cases.valid, ...(cases.tsValid ?? [])].map((item) => (typeof item === 'string' ? { code: item } : item));
  const invalid = [...cases.invalid, ...(cases.tsInvalid ?? [])];
  const toCase = (item: { code: string; filename?: string; settings?: unknown }) => ({
    code: item.code,
    filename: item.filename ?? 'file.ts',
    settings: (item.settings ?? {}) as Record<string, unknown>,
  });
  return [
    ...valid.map((item) => ({ ...toCase(item), errors: 0 })),
    ...invalid.map((item) => ({
      ...toCase(item),
      errors: typeof item.errors === 'number' ? item.errors : item.errors.length,
      output: typeof item.output === 'string' ? item.output : item.output === null ? null : undefined,
    })),
  ];
}

/**
 * ESLint's own result for the case. With `program`, the parser gets it as typescript-eslint's
 * `programs` option (typed linting, as under `parserOptions.projectService`) for the file's own
 * text; later fix passes parse their text as it is.
 */
/**
 * The settings the plugin gives the rules for a case: in tsserver the case's settings are the plugin
 * entry, whose `openrouter` reaches the rules as `settings.openrouter` does, with config problems
 * naming the entry; its other keys are options the plugin does not know, shown as notices instead.
 */
function pluginSettings(settings: Record<string, unknown>): Record<string, unknown> {
  return { ...(settings.openrouter !== undefined ? { openrouter: settings.openrouter } : {}), [SETTINGS_SOURCE_KEY]: ENTRY_SOURCE };
}

function eslintReference(name: string, rule: CollectedRuleCases['rule'], item: ParityCase, fileName: string, program?: ts.Program) {
  const parser = {
    meta: { name: 'typescript-eslint-with-program' },
    parseForESLint: (code: string, options: Record<string, unknown>) =>
      tsParser.parseForESLint(code, program && code === item.code ? { ...options, programs: [program] } : options),
  };
  const linter = new Linter({ cwd: '/' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.{ts,tsx,js}'],
      languageOptions: { parser: parser as Linter.Parser },
      plugins: { openrouter: { rules: { [name]: rule as never } } },
      rules: { [`openrouter/${name}`]: 'error' },
      settings: pluginSettings(item.settings),
    },
  ];
  const messages = linter.verify(item.code, config, { filename: fileName });
  const fixed = linter.verifyAndFix(item.code, config, { filename: fileName }).output;
  return { messages, fixed };
}

const applyFix = (code: string, fix: { range: readonly [number, number]; text: string }): string =>
  code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);

const slicedCases = { padded: 0, sliced: 0 };

describe.each(
  collected.flatMap((entry) => [[entry.name, '', entry, false], [entry.name, ', between unrelated statements', entry, true]] as const),
)('%s: the tsserver plugin agrees with ESLint%s', (name, _variant, entry, padded) => {
  const others = Object.fromEntries(Object.keys(rules).filter((other) => other !== name).map((other) => [other, 'off']));
  const items = parityCases(entry)
    .filter((item) => !padded || /\.tsx?$/.test(item.filename))
    // Padding changes the file's width and indentation, which fixes follow: only ESLint's own result is expected then.
    .map((item) => (padded ? { ...item, code: pad(item.code), output: undefined } : item))
    .map((item, index) => ({ ...item, fileName: `${ROOT}/${name}/${padded ? 'padded-' : ''}${index}/${item.filename}` }));
  // One language service (one Program, one checker) for all the cases that share settings: a
  // service per case would spend most of the time building TypeScript's global types again.
  const services = new Map<string, ReturnType<typeof createTestService>>();
  const serviceFor = (item: (typeof items)[number]) => {
    const key = JSON.stringify(item.settings);
    let service = services.get(key);
    if (!service) {
      const group = items.filter((other) => JSON.stringify(other.settings) === key);
      const files = Object.fromEntries(group.map((other) => [other.fileName.slice(ROOT.length + 1), other.code]));
      // The case's ESLint settings are the plugin entry's other keys; the rule is named too, as opt-in rules are in no config.
      service = createTestService(ROOT, files, { config: 'strict', rules: { ...others, [name]: 'error' }, ...item.settings });
      services.set(key, service);
    }
    return service;
  };
  it.each(items.map((item) => [item.code, item] as const))('%s', (_code, item) => {
    const { fileName } = item;
    const test = serviceFor(item);
    const all = test.service.getSemanticDiagnostics(fileName);
    const diagnostics = all.filter((diagnostic) => diagnostic.source === 'openrouter' && diagnostic.code !== SETUP_NOTICE_CODE);
    // Each of the entry's keys but `openrouter` is an unknown option, shown once, in the first file checked.
    const unknownOptions = Object.keys(item.settings).filter((key) => key !== 'openrouter');
    const notices = all.filter((diagnostic) => diagnostic.code === SETUP_NOTICE_CODE).map((diagnostic) => String(diagnostic.messageText));
    if (notices.length > 0 || unknownOptions.length === 0) {
      expect(notices).toEqual(unknownOptions.map((key) => expect.stringContaining(`unknown option "${key}"`)));
    }
    if (padded) {
      const program = test.service.getProgram()!;
      slicedCases.padded++;
      if (sliceStatements(ts, program.getSourceFile(fileName)!, all.filter((diagnostic) => diagnostic.source !== 'openrouter'), program.getCompilerOptions())) slicedCases.sliced++;
    }
    // The plugin lints with tsserver's Program, so ESLint is given the same Program: typed linting.
    const reference = eslintReference(name, entry.rule, item, fileName, test.service.getProgram());
    expect(reference.messages.filter((message) => message.fatal)).toEqual([]);
    // Where type information changes nothing, both also match what the test file expects without it.
    const untyped = eslintReference(name, entry.rule, item, fileName);
    const typesChangeNothing = JSON.stringify(untyped) === JSON.stringify(reference);
    const sourceFile = ts.createSourceFile(fileName, item.code, ts.ScriptTarget.Latest, true);
    const offset = (line: number, column: number): number => ts.getPositionOfLineAndCharacter(sourceFile, line - 1, column - 1);

    const expected = reference.messages.map((message) => {
      const start = offset(message.line, message.column);
      const end = message.endLine === undefined ? start : offset(message.endLine, message.endColumn!);
      return { message: message.message, start, length: end - start, category: ts.DiagnosticCategory.Error };
    });
    expect(diagnostics.map(({ messageText, start, length, category }) => ({ message: messageText, start, length, category }))).toEqual(expected);
    // A misspelt `settings.openrouter` is one error under ESLint and one notice here.
    const lookalikes = unknownOptions.filter((key) => key.toLowerCase().replace(/[-_]/g, '') === 'openrouter').length;
    if (typesChangeNothing) expect(diagnostics.length + lookalikes).toBe(item.errors ?? 0);

    // Every autofix and suggestion, as (description, result of applying it).
    const actions = diagnostics.flatMap((diagnostic) =>
      test.service.getCodeFixesAtPosition(fileName, diagnostic.start!, diagnostic.start! + diagnostic.length!, [diagnostic.code], {}, {}),
    );
    const got = new Set(actions.map((action) => JSON.stringify([action.description, applyTextChanges(item.code, action.changes[0]!.textChanges)])));
    const want = new Set(
      reference.messages.flatMap((message) => [
        ...(message.fix ? [JSON.stringify([`Fix this openrouter/${name} problem`, applyFix(item.code, message.fix)])] : []),
        ...(message.suggestions ?? []).map((suggestion) => JSON.stringify([suggestion.desc, applyFix(item.code, suggestion.fix)])),
      ]),
    );
    expect([...got].sort()).toEqual([...want].sort());
    expect(actions.every((action) => action.changes.every((change) => change.fileName === fileName))).toBe(true);

    const combined = test.service.getCombinedCodeFix({ type: 'file', fileName }, FIX_ALL_ID, {}, {});
    const fixedText = applyTextChanges(item.code, combined.changes.flatMap((change) => change.textChanges));
    expect(fixedText).toBe(reference.fixed);
    if (typesChangeNothing && item.output !== undefined) expect(fixedText).toBe(item.output ?? item.code);
    expect(test.logs.filter((line) => !line.includes(' on for ') && !line.includes('unknown option'))).toEqual([]);
  });
});

it('leaves the unrelated statements out of most padded cases', () => {
  expect(slicedCases.padded).toBeGreaterThan(100);
  expect(slicedCases.sliced).toBeGreaterThan(slicedCases.padded / 2);
});

it('collects the cases of every rule', () => {
  expect(collected.map((entry) => entry.name).sort()).toEqual(Object.keys(rules).sort());
  expect(collected.every((entry) => parityCases(entry).length > 0)).toBe(true);
});
