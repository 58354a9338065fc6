/**
 * The fixtures part of `npm run smoke`, and the node_modules part (quick here, where no OpenRouter
 * SDK is installed): nothing crashes, the attributed fixtures of real shapes give no report and
 * exactly the sites each names. And the run does fail on a report or a missed site.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { sitePlugin } from '../src/hosts/audit/site-count-rule.js';
import { formatSmokeReport, openRouterModuleFiles, readmeExamples, realShapeFiles, smoke, smokeFailed } from '../scripts/lib/smoke.mjs';

const ROOT = path.resolve(__dirname, '..');
const run = (files: ReturnType<typeof realShapeFiles>, attributed: boolean) => smoke(files, { plugin, sitePlugin, cwd: ROOT, attributed });

describe('smoke run', () => {
  const fixtures = realShapeFiles(ROOT);

  it('finds every site of the attributed fixtures and reports none', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    const report = run(fixtures, true);
    expect(report.crashes, formatSmokeReport(report, ROOT)).toEqual([]);
    expect(report.attributedReports, formatSmokeReport(report, ROOT)).toEqual([]);
    expect(report.siteMismatches, formatSmokeReport(report, ROOT)).toEqual([]);
    expect(report.notParsed).toEqual([]);
    // Two variants; every fixture holds at least one site.
    expect(report.sites).toBeGreaterThanOrEqual(2 * fixtures.length);
    expect(smokeFailed(report)).toBe(false);
  });

  it('fails on a report in an attributed fixture', () => {
    const file = fixtures.find((item) => item.filename.endsWith('openrouter-sdk.ts'))!;
    const broken = { ...file, code: file.code.replace("httpReferer: 'https://acme-notes.dev',", '') };
    expect(broken.code).not.toBe(file.code);
    const report = run([broken], true);
    expect(report.attributedReports.map((item) => item.message)).toContainEqual(expect.stringContaining('openrouter/require-referer'));
    expect(smokeFailed(report)).toBe(true);
  });

  it('fails on a site the analysis misses', () => {
    const file = fixtures.find((item) => item.filename.endsWith('notes-ai.ts'))!;
    const report = run([{ ...file, code: file.code.replace('// smoke: 2 sites', '// smoke: 3 sites') }], true);
    expect(report.siteMismatches).toEqual([
      { filename: file.filename, variant: 'strict', expected: 3, found: 2 },
      { filename: file.filename, variant: 'strict + settings', expected: 3, found: 2 },
    ]);
    expect(smokeFailed(report)).toBe(true);
  });

  it('lints the node_modules files and README examples that mention OpenRouter without a crash', () => {
    const nodeModules = path.join(ROOT, 'node_modules');
    const report = run([...openRouterModuleFiles(nodeModules), ...readmeExamples(nodeModules)], false);
    expect(report.crashes, formatSmokeReport(report, ROOT)).toEqual([]);
  });
});
