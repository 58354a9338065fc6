/** `--include` and `--exclude` through the built CLI, written as users write .gitignore patterns. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditJson, BUILD_TIMEOUT_MS, ensureBuilt, findingLines, identity, runCli, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: repo, remove } = temporaryDirectory('globs');
afterAll(remove);

writeTree(repo, {
  'package.json': identity('https://acme-globs.dev', 'Acme Globs'),
  'client.js': UNATTRIBUTED_CLIENT,
  'src/deep/client.js': UNATTRIBUTED_CLIENT,
  'src/deep/client.ts': UNATTRIBUTED_CLIENT,
  'lib/client.js': UNATTRIBUTED_CLIENT,
  'src/lib/client.js': UNATTRIBUTED_CLIENT,
});

describe('--include and --exclude', () => {
  it('matches a glob without a slash at any depth', () => {
    const { status, report } = auditJson(['--include', '*.js', '.'], repo);
    expect(status).toBe(1);
    expect(findingLines(report).map((line) => line.split(' ')[1])).toEqual(['client.js:2', 'lib/client.js:2', 'src/deep/client.js:2', 'src/lib/client.js:2']);
  });

  it('excludes every folder of a name with a trailing slash, and only the root one with a leading slash', () => {
    expect(findingLines(auditJson(['--exclude', 'lib/', '.'], repo).report).map((line) => line.split(' ')[1])).toEqual(['client.js:2', 'src/deep/client.js:2', 'src/deep/client.ts:2']);
    expect(findingLines(auditJson(['--exclude', '/lib/', '.'], repo).report).map((line) => line.split(' ')[1])).toEqual(['client.js:2', 'src/deep/client.js:2', 'src/deep/client.ts:2', 'src/lib/client.js:2']);
  });

  it('says so and exits 2 when an include matches no file of a folder', () => {
    const run = runCli(['audit', '--include', '*.vuex', '.'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--include "*.vuex" matched no file to audit');
    // Files named one by one (a commit hook's) may all lie outside it: nothing to audit, nothing wrong.
    expect(runCli(['audit', '--include', '*.vuex', 'client.js'], repo).status).toBe(0);
  });
});
