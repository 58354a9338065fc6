/**
 * A bounded version of `npm run sweep`: every rule, with and without project settings, fixes
 * and suggestions applied, over an even sample of node_modules, the generated OpenRouter corpus and
 * the fixtures. Nothing may throw, and every fixed or suggested output must still parse.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { fixtureFiles, formatSweepReport, generatedFiles, nodeModulesFiles, sweep, type SweepReport } from '../scripts/lib/sweep.mjs';

const ROOT = path.resolve(__dirname, '..');

function expectClean(report: SweepReport): void {
  const summary = formatSweepReport(report);
  expect(report.exceptions.map((item) => `${item.filename} [${item.variant}]: ${item.stack}`), summary).toEqual([]);
  expect(report.unparsableFixes.map((item) => `${item.filename} [${item.variant}]: ${item.error}`), summary).toEqual([]);
  expect(report.unparsableSuggestions.map((item) => `${item.filename} [${item.variant}]: ${item.error}`), summary).toEqual([]);
  expect(report.unconvergedFixes.map((item) => `${item.filename} [${item.variant}]`), summary).toEqual([]);
  expect(report.inputNotParsed.map((item) => `${item.filename}: ${item.error}`), summary).toEqual([]);
}

describe('sweep', () => {
  it('lints 300 node_modules files without exceptions', () => {
    const files = nodeModulesFiles(ROOT, { sample: 300, maxBytes: 64 * 1024 });
    expect(files.length).toBeGreaterThan(250);
    expectClean(sweep(files, { plugin, cwd: ROOT }));
  });

  it('fixes the generated OpenRouter corpus into code that parses', () => {
    const report = sweep(generatedFiles(ROOT, { count: 300 }), { plugin, cwd: ROOT });
    expectClean(report);
    // The corpus is only a test of the fixes if they run.
    expect(report.filesFixed).toBeGreaterThan(100);
    expect(report.suggestionsApplied).toBeGreaterThan(20);
    expect(Object.keys(report.findings).length).toBeGreaterThan(5);
  });

  it('fixes the test fixtures into code that parses', () => {
    const files = fixtureFiles(ROOT);
    expectClean(sweep(files, { plugin, cwd: ROOT }));
  });
});
