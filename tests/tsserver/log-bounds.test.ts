/**
 * The plugin's tsserver log is bounded: each problem once per project, each line one inert line of
 * bounded length, and the problems remembered a fixed number, whatever the options and files hold.
 */
import { describe, expect, it } from 'vitest';
import { logLine, MAX_LINE_LENGTH, MAX_PROBLEMS, ProjectLog } from '../../src/hosts/tsserver/project-log.js';
import { createTestService } from './in-memory-service.js';

const ROOT = '/openrouter-log-bounds';
const SDK_CLIENT = "import { OpenRouter } from '@openrouter/sdk';\nexport const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });\n";
const PREFIX = '[eslint-plugin-openrouter/ts-plugin] ';
/** Anything a terminal or a log viewer would act on, or show other than it is. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function expectBoundedLines(lines: readonly string[]): void {
  for (const line of lines) {
    expect(line.length).toBeLessThanOrEqual(PREFIX.length + MAX_LINE_LENGTH);
    expect(line).not.toMatch(UNSAFE);
  }
}

describe('logLine', () => {
  it('escapes control, separator and bidirectional characters', () => {
    expect(logLine('a\nb\r\tc\u001b[2Jd\u0085e\u2028f\u202eg\u2066h\u007f')).toBe('a\\nb\\r\\tc\\u001b[2Jd\\u0085e\\u2028f\\u202eg\\u2066h\\u007f');
  });

  it('cuts a long message with an ellipsis, never inside an escape or a surrogate pair', () => {
    expect(logLine('x'.repeat(1_000_000))).toBe(`${'x'.repeat(MAX_LINE_LENGTH - 1)}…`);
    for (let shift = 0; shift < 6; shift++) {
      const line = logLine(`${'x'.repeat(MAX_LINE_LENGTH - 8 + shift)}\u001b\u001b\u001b`);
      expect(line.length).toBeLessThanOrEqual(MAX_LINE_LENGTH);
      expect(line).toMatch(/^x+(?:\\u001b)*…$/);
    }
    const astral = logLine(`${'x'.repeat(MAX_LINE_LENGTH - 2)}😀😀`);
    expect(astral).toBe(`${'x'.repeat(MAX_LINE_LENGTH - 2)}…`);
    expect(logLine('short')).toBe('short');
  });
});

describe('ProjectLog', () => {
  it('logs a problem once per key, and at most MAX_PROBLEMS problems, saying so once', () => {
    const lines: string[] = [];
    const log = new ProjectLog((line) => lines.push(line));
    log.once('a.ts (version 1) could not be parsed', 'parse failure: a.ts');
    log.once('a.ts (version 2) could not be parsed', 'parse failure: a.ts');
    expect(lines).toEqual(['a.ts (version 1) could not be parsed']);
    for (let n = 0; n < 10 * MAX_PROBLEMS; n++) log.once(`problem ${n}`);
    expect(lines).toHaveLength(MAX_PROBLEMS + 1);
    expect(lines.at(-1)).toBe(`${MAX_PROBLEMS} problems logged for this project; further problems are not logged`);
    log.log('started');
    expect(lines.at(-1)).toBe('started');
  });

  it('keeps each key at most one line long, so the problems remembered stay small', () => {
    const lines: string[] = [];
    const log = new ProjectLog((line) => lines.push(line));
    log.once('huge', 'k'.repeat(10_000_000));
    log.once('huge again', `${'k'.repeat(10_000_000)}!`);
    // Keys alike in their first MAX_LINE_LENGTH characters are one problem.
    expect(lines).toEqual(['huge']);
  });
});

describe('the plugin\'s log', () => {
  it('names a few of 100,000 unknown rules and counts the rest', () => {
    const rules = Object.fromEntries(Array.from({ length: 100_000 }, (_, n) => [`no-such-rule-${n}`, 'error']));
    const test = createTestService(ROOT, { 'a.ts': SDK_CLIENT }, { rules });
    test.service.getSemanticDiagnostics(`${ROOT}/a.ts`);
    const unknown = test.logs.filter((line) => line.includes('unknown rule') || line.includes('more unknown rules'));
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.length).toBeLessThanOrEqual(6);
    expectBoundedLines(test.logs);
  });

  it('keeps lines short and inert for a megabyte of options holding control characters', () => {
    const hostile = `\u001b]0;owned\u0007\u202e${'x'.repeat(1_000_000)}`;
    const test = createTestService(ROOT, { 'a.ts': SDK_CLIENT }, { [hostile]: 1, config: hostile, rules: { [hostile]: hostile, 'require-referer': hostile } });
    test.service.getSemanticDiagnostics(`${ROOT}/a.ts`);
    expect(test.logs.length).toBeGreaterThan(2);
    expectBoundedLines(test.logs);
  });

  it('logs a file that cannot be parsed once, not once per edited version', () => {
    const fileName = `${ROOT}/a.ts`;
    const test = createTestService(ROOT, { 'a.ts': SDK_CLIENT });
    for (let version = 0; version < 50; version++) {
      test.setFile(fileName, `${SDK_CLIENT}const broken${version} = ;\n${'\n'.repeat(version)}`);
      test.service.getSemanticDiagnostics(fileName);
    }
    expect(test.logs.filter((line) => line.includes('could not be parsed'))).toHaveLength(1);
  });

  it('logs each distinct problem once across option changes, and stays bounded past MAX_PROBLEMS of them', () => {
    // A file without OpenRouter calls: the options are read for it, but nothing is linted.
    const test = createTestService(ROOT, { 'plain.ts': 'export const unit = 1;\n' });
    for (let change = 0; change < 2 * MAX_PROBLEMS; change++) {
      // The same problem again and again, then a new one each time.
      test.plugin.onConfigurationChanged!({ config: change < 10 ? 'strickt' : `strickt-${change}` });
      test.service.getSemanticDiagnostics(`${ROOT}/plain.ts`);
    }
    const problems = test.logs.filter((line) => line.includes('must be "recommended" or "strict"'));
    expect(problems.filter((line) => line.includes('"strickt"'))).toHaveLength(1);
    expect(test.logs.length).toBeLessThanOrEqual(MAX_PROBLEMS + 2);
    expect(test.logs.at(-1)).toContain('further problems are not logged');
    expectBoundedLines(test.logs);
  });
});
