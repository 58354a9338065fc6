/** `audit --merge`: JSON reports of separate runs print as the report of one run over all their repositories. */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/hosts/audit/format-sarif.js';
import { inertJson } from '../../src/analysis/index.js';
import { mergeReports } from '../../src/hosts/audit/merge-reports.js';
import { UsageError } from '../../src/hosts/audit/usage-error.js';
import { attributedClient, BIN, BUILD_TIMEOUT_MS, ensureBuilt, identity, runCli, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: org, remove } = temporaryDirectory('merge');
afterAll(remove);

writeTree(org, {
  'alpha/package.json': identity('https://alpha-brand.dev', 'Alpha Brand'),
  'alpha/src/a.ts': UNATTRIBUTED_CLIENT,
  'alpha/src/b.ts': attributedClient('https://alpha-brand.dev', 'Alpha Brand'),
  'alpha/src/broken.ts': 'const openrouter = ;\n',
  'beta/lib/c.js': UNATTRIBUTED_CLIENT,
  'gamma/index.mjs': attributedClient('https://gamma-brand.dev', 'Gamma Brand'),
});

describe('audit --merge', () => {
  it('gives the single run\'s report, in every format', () => {
    const single = runCli(['audit', '--format', 'json', 'alpha', 'beta', 'gamma'], org);
    // Separate runs, in another order: the merge sorts repositories by path as a run does.
    for (const name of ['gamma', 'alpha', 'beta']) writeFileSync(path.join(org, `report-${name}.json`), runCli(['audit', '--format', 'json', name], org).stdout);
    const reports = ['report-gamma.json', 'report-alpha.json', 'report-beta.json'];
    const merged = runCli(['audit', '--merge', '--format', 'json', ...reports], org);
    expect(merged.status).toBe(1);
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(single.stdout));
    expect(JSON.parse(merged.stdout).summary).toMatchObject({ repositories: 3, filesScanned: 5, sites: 4, attributed: 2, findings: 2, parseErrors: 1 });
    expect(runCli(['audit', '--merge', ...reports], org).stdout).toBe(runCli(['audit', 'alpha', 'beta', 'gamma'], org).stdout);
    expect(runCli(['audit', '--merge', '--format', 'sarif', ...reports], org).stdout).toBe(runCli(['audit', '--format', 'sarif', 'alpha', 'beta', 'gamma'], org).stdout);
  });

  it('exits 0 when the merged reports are clean', () => {
    writeFileSync(path.join(org, 'clean.json'), runCli(['audit', '--format', 'json', 'gamma'], org).stdout);
    const { status, stdout } = runCli(['audit', '--merge', 'clean.json'], org);
    expect(status).toBe(0);
    expect(stdout).toContain('Summary (recommended): 1 repository, 1 file scanned, 1 OpenRouter site, 1 attributed, 0 findings in 0 repositories');
  });

  it('refuses reports that cannot be joined, naming the files', () => {
    writeFileSync(path.join(org, 'strict-gamma.json'), runCli(['audit', '--format', 'json', '--config', 'strict', 'gamma'], org).stdout);
    const mixed = runCli(['audit', '--merge', 'report-alpha.json', 'strict-gamma.json'], org);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain('--merge: strict-gamma.json was written with --config strict, report-alpha.json with --config recommended');
    const twice = runCli(['audit', '--merge', 'report-alpha.json', 'report-alpha.json'], org);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain(`--merge: ${path.join(org, 'alpha')} is in both report-alpha.json and report-alpha.json`);
    writeFileSync(path.join(org, 'future.json'), JSON.stringify({ version: 2, config: 'recommended', repositories: [] }));
    expect(runCli(['audit', '--merge', 'future.json'], org).stderr).toContain('--merge: future.json: report.version: expected 1, got 2');
    writeFileSync(path.join(org, 'text.json'), 'not json');
    expect(runCli(['audit', '--merge', 'text.json'], org).stderr).toContain('--merge: text.json is not valid JSON (write it with --format json)');
  });
});

describe('audit --merge of large reports', () => {
  const finding = (index: number) => ({
    ruleId: 'openrouter/require-referer',
    file: `src/module-${index % 500}.ts`,
    line: index + 1,
    column: 3,
    endLine: index + 1,
    endColumn: 40,
    severity: 'error',
    // Raw separators and a bidirectional control, made inert in every chunk of the output.
    message: `No HTTP-Referer is sent (${index})\u2028\u202e.`,
    fixable: index % 2 === 0,
  });
  const report = (name: string, findings: number) => ({
    version: 1,
    tool: { name: 'eslint-plugin-openrouter', version: '0.0.0' },
    config: 'recommended',
    repositories: [{ path: path.join(org, name), filesScanned: 500, sites: findings, attributed: 0, findings: Array.from({ length: findings }, (_, index) => finding(index)), filesSkipped: 0, filesFixed: 0, parseErrors: [] }],
    summary: {},
  });

  it('writes a merged report of many megabytes in pieces, the same text one string would hold', () => {
    // 2 × 25,000 findings: several of the writer's chunks, as JSON and as SARIF.
    writeFileSync(path.join(org, 'large-a.json'), JSON.stringify(report('large-a', 25_000)));
    writeFileSync(path.join(org, 'large-b.json'), JSON.stringify(report('large-b', 25_000)));
    const merged = mergeReports([path.join(org, 'large-a.json'), path.join(org, 'large-b.json')]);
    for (const [format, expected] of [
      ['json', `${inertJson(JSON.stringify(merged, null, 2))}\n`],
      ['sarif', `${inertJson(formatSarif(merged))}\n`],
    ] as const) {
      const output = path.join(org, `merged.${format}`);
      const fd = openSync(output, 'w');
      try {
        const run = spawnSync(process.execPath, [BIN, 'audit', '--merge', '--format', format, 'large-a.json', 'large-b.json'], { cwd: org, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(1);
      } finally {
        closeSync(fd);
      }
      const written = readFileSync(output, 'utf8');
      expect(written.length).toBeGreaterThan(8 * 1024 * 1024);
      expect(written).not.toMatch(/[\u2028\u202e]/);
      expect(written === expected, `${format} output differs from the whole-string text`).toBe(true);
    }
  });

  it('refuses a report, or reports together, past what one merge reads, naming the file', () => {
    writeFileSync(path.join(org, 'small.json'), JSON.stringify(report('small', 10)));
    writeFileSync(path.join(org, 'small-2.json'), JSON.stringify(report('small-2', 10)));
    const files = ['small.json', 'small-2.json'].map((name) => path.join(org, name));
    const size = statSync(files[0]!).size;
    expect(() => mergeReports(files, { maxReportBytes: size - 1, maxTotalBytes: 10 * size })).toThrow(new UsageError(`--merge: ${files[0]} is over ${size - 1} bytes, more than one merge reads`));
    expect(() => mergeReports(files, { maxReportBytes: 2 * size, maxTotalBytes: size + 10 })).toThrow(
      new UsageError(`--merge: the reports up to ${files[1]} hold over ${size + 10} bytes, more than one merge reads; merge them in groups`),
    );
    expect(mergeReports(files, { maxReportBytes: 2 * size, maxTotalBytes: 3 * size }).summary.findings).toBe(20);
  });
});
