/** The built audit CLI on a fixture organisation: findings per repository with each one's identity, formats, exit codes. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributedClient, auditJson, BUILD_TIMEOUT_MS, ensureBuilt, findingLines, identity, runCli, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: org, remove } = temporaryDirectory('org');
afterAll(remove);

writeTree(org, {
  // The folder holding the checkouts has an identity of its own: no repository may borrow it.
  'package.json': identity('https://platform.acme-corp.com', 'Acme Platform'),
  'notes/package.json': identity('https://acme-notes.dev', 'Acme Notes'),
  'notes/.gitignore': 'generated/\n',
  'notes/src/client.ts': UNATTRIBUTED_CLIENT,
  'notes/src/attributed.ts': attributedClient('https://acme-notes.dev', 'Acme Notes'),
  'notes/src/plain.ts': 'export const answer: number = 42;\n',
  'notes/generated/client.ts': UNATTRIBUTED_CLIENT,
  'notes/dist/client.js': UNATTRIBUTED_CLIENT,
  'notes/node_modules/openai-wrapper/index.js': UNATTRIBUTED_CLIENT,
  // A monorepo: each package its own identity.
  'mono/package.json': { name: 'mono', private: true },
  'mono/packages/chat/package.json': identity('https://chat.example-brand.com', 'Brand Chat'),
  'mono/packages/chat/index.mjs': UNATTRIBUTED_CLIENT,
  'mono/packages/tools/lib/request.cjs': [
    "fetch('https://openrouter.ai/api/v1/chat/completions', {",
    "  method: 'POST',",
    "  headers: { 'X-Title': 'AI App' },",
    "  body: JSON.stringify({ model: 'openai/gpt-4o', messages: [] }),",
    '});',
    '',
  ].join('\n'),
  'mono/packages/tools/lib/broken.js': 'const openrouter = ;\n',
  // A repository whose package.json field is invalid: a finding of valid-config, not a usage error.
  'badconfig/package.json': { name: 'badconfig', openrouter: { referer: 'not a url', title: 'Bad Config Co' } },
  'badconfig/a.ts': UNATTRIBUTED_CLIENT,
  'badconfig/b.ts': UNATTRIBUTED_CLIENT,
  'clean/package.json': identity('https://clean.example-brand.com', 'Clean Brand'),
  'clean/index.js': attributedClient('https://clean.example-brand.com', 'Clean Brand'),
});
const repo = (name: string): string => path.join(org, name);

describe('audit', () => {
  it('reports exact findings per repository, with each file\'s own identity and nothing from ignored folders', () => {
    const { status, report } = auditJson(['notes', 'mono', 'badconfig', 'clean'], org);
    expect(status).toBe(1);
    expect(report.version).toBe(1);
    expect(report.config).toBe('recommended');
    expect(report.repositories.map((repository) => repository.path)).toEqual([repo('badconfig'), repo('clean'), repo('mono'), repo('notes')]);
    expect(findingLines(report)).toEqual([
      'badconfig: a.ts:1 openrouter/valid-config',
      'badconfig: a.ts:2 openrouter/require-referer',
      'badconfig: b.ts:2 openrouter/require-referer',
      'mono: packages/chat/index.mjs:2 openrouter/require-referer',
      'mono: packages/tools/lib/request.cjs:1 openrouter/require-referer',
      'mono: packages/tools/lib/request.cjs:3 openrouter/no-generic-title',
      'notes: src/client.ts:2 openrouter/require-referer',
    ]);
    const [badconfig, clean, mono, notes] = report.repositories;
    expect(badconfig!.findings[0]!.message).toContain(`${repo('badconfig/package.json')}: openrouter.referer`);
    expect(notes).toMatchObject({ filesScanned: 3, sites: 2, attributed: 1, filesSkipped: 0, parseErrors: [] });
    expect(clean).toMatchObject({ filesScanned: 1, sites: 1, attributed: 1, findings: [] });
    expect(mono).toMatchObject({ filesScanned: 3, sites: 2, attributed: 0, parseErrors: [{ file: 'packages/tools/lib/broken.js', line: 1, column: 20 }] });
    // Fixable with the identity of the file's own package; the chat package's, not the platform's.
    const notesFinding = notes!.findings[0]!;
    expect(notesFinding).toMatchObject({ file: 'src/client.ts', line: 2, column: 27, severity: 'error', fixable: true });
    expect(mono!.findings.map((finding) => finding.fixable)).toEqual([true, false, false]);
    expect(report.summary).toEqual({
      repositories: 4,
      filesScanned: 9,
      sites: 7,
      attributed: 2,
      findings: 7,
      repositoriesWithFindings: 3,
      filesSkipped: 0,
      filesFixed: 0,
      parseErrors: 1,
    });
  });

  it('never takes an identity from the folder that holds the repositories', () => {
    writeTree(org, { 'orphan/src/client.ts': UNATTRIBUTED_CLIENT });
    const { report } = auditJson(['orphan'], org);
    expect(report.repositories[0]!.findings).toMatchObject([{ ruleId: 'openrouter/require-referer', fixable: false }]);
    expect(report.repositories[0]!.findings[0]!.message).toContain('To let --fix insert it');
  });

  it('finds the calls of a project\'s own clients from its package.json, in files that never say OpenRouter', () => {
    const llm = { module: '@acme/llm', export: 'createLlm', call: 'call', options: { referer: 'siteUrl', title: 'siteName' } };
    writeTree(org, {
      'wrapped/package.json': identity('https://wrapped-brand.dev', 'Wrapped Brand', {}),
      'wrapped/src/chat.ts': "import { createLlm } from '@acme/llm';\nexport const llm = createLlm({ model: 'x' });\n",
    });
    const manifest = JSON.parse(readFileSync(path.join(org, 'wrapped/package.json'), 'utf8')) as { openrouter: object };
    writeTree(org, { 'wrapped/package.json': { ...manifest, openrouter: { ...manifest.openrouter, clients: [llm] } } });
    const { report } = auditJson(['wrapped'], org);
    expect(report.repositories[0]).toMatchObject({ filesScanned: 1, sites: 1, attributed: 0 });
    expect(findingLines(report)).toEqual(['wrapped: src/chat.ts:2 openrouter/require-referer']);
  });

  it('prints per repository its counts and findings grouped by rule, then one summary line', () => {
    const { status, stdout, stderr } = runCli(['audit', 'notes', 'clean', 'mono'], org);
    expect(status).toBe(1);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`${repo('clean')}: 1 file scanned, 1 OpenRouter site, 1 attributed, 0 findings`);
    expect(lines[2]).toBe(`${repo('mono')}: 3 files scanned, 2 OpenRouter sites, 0 attributed, 3 findings`);
    expect(lines.slice(3, 8).map((line) => line.replace(/ {2}(error|warning) {2}.*/, '  $1'))).toEqual([
      '  openrouter/no-generic-title (1)',
      '    packages/tools/lib/request.cjs:3:25  warning',
      '  openrouter/require-referer (2)',
      '    packages/chat/index.mjs:2:27  error',
      '    packages/tools/lib/request.cjs:1:1  error',
    ]);
    expect(lines[8]).toBe('  not parsed, so not checked (1)');
    expect(lines[9]).toBe('    packages/tools/lib/broken.js:1:20');
    expect(lines[11]).toBe(`${repo('notes')}: 3 files scanned, 2 OpenRouter sites, 1 attributed, 1 finding`);
    expect(lines.at(-2)).toBe(
      'Summary (recommended): 3 repositories, 7 files scanned, 5 OpenRouter sites, 2 attributed, 4 findings in 2 repositories, 1 file not parsed',
    );
    expect(lines.at(-1)).toBe('');
  });

  it('exits 0 on a clean repository, and runs --config strict', () => {
    expect(runCli(['audit', 'clean'], org).status).toBe(0);
    const { status, report } = auditJson(['--config', 'strict', 'clean'], org);
    expect(status).toBe(0);
    expect(report.config).toBe('strict');
  });

  it('audits files named on the command line, in the repository that holds them', () => {
    writeTree(org, { 'notes/.git/HEAD': 'ref: refs/heads/main\n' });
    const { status, report } = auditJson([path.join('..', 'notes', 'src', 'client.ts'), '../notes/src/plain.ts'], path.join(org, 'mono'));
    expect(status).toBe(1);
    expect(report.repositories.map((repository) => [repository.path, repository.filesScanned])).toEqual([[repo('notes'), 2]]);
    expect(findingLines(report)).toEqual(['notes: src/client.ts:2 openrouter/require-referer']);
    // Named directly, a file in a folder the walk skips is audited all the same.
    expect(findingLines(auditJson(['notes/node_modules/openai-wrapper/index.js'], org).report)).toEqual([
      'notes: node_modules/openai-wrapper/index.js:2 openrouter/require-referer',
    ]);
  });

  it('lints files whose extension is upper-case as the files they are', () => {
    writeTree(org, { 'shouting/B.TS': UNATTRIBUTED_CLIENT, 'shouting/c.Js': UNATTRIBUTED_CLIENT });
    const { report } = auditJson(['shouting'], org);
    expect(findingLines(report)).toEqual(['shouting: B.TS:2 openrouter/require-referer', 'shouting: c.Js:2 openrouter/require-referer']);
  });

  it('skips files over --max-file-size and counts them', () => {
    const { report } = auditJson(['--max-file-size', '100', 'notes'], org);
    expect(report.repositories[0]).toMatchObject({ filesScanned: 1, filesSkipped: 2, findings: [] });
  });

  it('gives the same report with worker threads as in-process', () => {
    const many: Record<string, string> = {};
    for (let index = 0; index < 300; index++) many[`src/file-${String(index).padStart(3, '0')}.ts`] = index % 3 === 0 ? UNATTRIBUTED_CLIENT : attributedClient('https://acme-notes.dev', 'Acme Notes');
    writeTree(repo('large'), { 'package.json': identity('https://acme-notes.dev', 'Acme Notes'), ...many });
    const inProcess = auditJson(['--jobs', '1', 'large', 'badconfig'], org).report;
    const workers = auditJson(['--jobs', '2', 'large', 'badconfig'], org).report;
    expect(inProcess.summary).toMatchObject({ filesScanned: 302, sites: 302, attributed: 200, findings: 103 });
    expect(workers).toEqual(inProcess);
  });

  describe('usage and configuration errors exit 2 with the problem named', () => {
    it.each([
      [['audit', 'missing-repo'], 'path not found: missing-repo'],
      [['audit', '--frobnicate', 'notes'], "Unknown option '--frobnicate'"],
      [['audit', '--config', 'loose', 'notes'], '--config: unknown value "loose"; expected recommended, strict'],
      [['audit', '--format', 'xml', 'notes'], '--format: unknown value "xml"; expected text, json, sarif'],
      [['audit', '--include', 'src/[a', 'notes'], '--include: invalid glob "src/[a"'],
      [['audit', '--jobs', 'many', 'notes'], '--jobs: expected a positive whole number, got "many"'],
      [['audit', '--max-file-size', '0', 'notes'], '--max-file-size: expected a positive whole number, got "0"'],
      [['audit'], 'no path given'],
      [['lint', 'notes'], 'unknown command "lint"; the command is "audit"'],
      [['audit', '--merge', 'no-such-report.json'], '--merge: no-such-report.json cannot be read'],
      [['audit', '--merge', '--fix', 'no-such-report.json'], '--merge reads finished reports; --fix does not apply to it'],
    ])('%j', (args, message) => {
      const { status, stdout, stderr } = runCli(args, org);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toContain(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    });

    it('refuses a merge input that is not a report, naming the file and field', () => {
      writeFileSync(path.join(org, 'not-a-report.json'), JSON.stringify({ version: 1, config: 'recommended', repositories: [{ path: 'x' }] }));
      const { status, stderr } = runCli(['audit', '--merge', 'not-a-report.json'], org);
      expect(status).toBe(2);
      expect(stderr).toContain('--merge: not-a-report.json: report.repositories[0].filesScanned: expected a non-negative integer');
    });

    it.each([
      [{ ruleId: 'r', file: 'a.ts', line: 1, column: 1, severity: 'error', message: 'm', fixable: 'no' }, 'report.repositories[1].findings[1].fixable: expected a boolean'],
      ['a finding', 'report.repositories[1].findings[1]: expected an object'],
    ])('names the place of a wrong finding deep in a merged report: %j', (wrong, message) => {
      const finding = { ruleId: 'r', file: 'a.ts', line: 1, column: 1, severity: 'error', message: 'm', fixable: false };
      const repository = (name: string, findings: unknown[]) => ({ path: name, filesScanned: 1, sites: 1, attributed: 0, findings });
      const report = { version: 1, config: 'recommended', repositories: [repository('x', [finding]), repository('y', [finding, wrong])] };
      writeFileSync(path.join(org, 'wrong-finding.json'), JSON.stringify(report));
      const { status, stderr } = runCli(['audit', '--merge', 'wrong-finding.json'], org);
      expect(status).toBe(2);
      expect(stderr).toContain(`--merge: wrong-finding.json: ${message}`);
    });
  });

  it('prints its usage and version', () => {
    const help = runCli(['--help'], org);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: eslint-plugin-openrouter audit [options] <path...>');
    const version = runCli(['--version'], org);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).version);
  });
});
