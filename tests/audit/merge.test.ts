/** `audit --merge`: JSON reports of separate runs print as the report of one run over all their repositories. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributedClient, BUILD_TIMEOUT_MS, ensureBuilt, identity, runCli, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

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
