/** ESLint's severity semantics through the built CLI: errors exit 1, warnings alone 0, `--max-warnings`, `--quiet`, and the same on `--merge`. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/hosts/audit/report.js';
import { auditJson, BUILD_TIMEOUT_MS, ensureBuilt, findingLines, identity, runCli, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: org, remove } = temporaryDirectory('exit-codes');
afterAll(remove);

/** Attributed, with a generic title: `no-generic-title`, a warning in `recommended`. */
const GENERIC_TITLE = [
  "fetch('https://openrouter.ai/api/v1/chat/completions', {",
  "  method: 'POST',",
  "  headers: { 'HTTP-Referer': 'https://acme-notes.dev', 'X-Title': 'AI App' },",
  "  body: '{}',",
  '});',
  '',
].join('\n');

writeTree(org, {
  'warned/package.json': identity('https://acme-notes.dev', 'Acme Notes'),
  'warned/src/chat.js': GENERIC_TITLE,
  'warned/src/other.js': GENERIC_TITLE,
  'failing/package.json': identity('https://acme-notes.dev', 'Acme Notes'),
  'failing/src/client.ts': UNATTRIBUTED_CLIENT,
  'failing/src/chat.js': GENERIC_TITLE,
});
const TOO_MANY = 'eslint-plugin-openrouter found too many warnings (maximum: 1).';

describe('exit status', () => {
  it('is 0 for warnings alone, which are still reported', () => {
    const { status, report } = auditJson(['warned'], org);
    expect(status).toBe(0);
    expect(findingLines(report)).toEqual(['warned: src/chat.js:3 openrouter/no-generic-title', 'warned: src/other.js:3 openrouter/no-generic-title']);
    expect(report.repositories[0]!.findings.map((finding) => finding.severity)).toEqual(['warning', 'warning']);
    const text = runCli(['audit', 'warned'], org);
    expect(text.status).toBe(0);
    expect(text.stderr).toBe('');
  });

  it('is 1 with an error, and ESLint prints no warning note then', () => {
    const { status, stderr } = runCli(['audit', '--max-warnings', '0', 'failing'], org);
    expect(status).toBe(1);
    expect(stderr).toBe('');
  });

  it('is 1 with more warnings than --max-warnings, with ESLint\'s note on stderr', () => {
    const over = runCli(['audit', '--max-warnings', '1', 'warned'], org);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe(`${TOO_MANY}\n`);
    expect(over.stdout).toContain('2 findings');
    const at = runCli(['audit', '--max-warnings', '2', 'warned'], org);
    expect(at.status).toBe(0);
    expect(at.stderr).toBe('');
    expect(runCli(['audit', '--max-warnings', '0', 'warned'], org).stderr).toBe('eslint-plugin-openrouter found too many warnings (maximum: 0).\n');
  });

  it('--quiet reports errors only, counted again in the summary; the exit status still counts warnings for --max-warnings', () => {
    const quiet = auditJson(['--quiet', 'failing'], org);
    expect(quiet.status).toBe(1);
    expect(findingLines(quiet.report)).toEqual(['failing: src/client.ts:2 openrouter/require-referer']);
    expect(quiet.report.summary).toMatchObject({ findings: 1, repositoriesWithFindings: 1 });
    const warned = auditJson(['--quiet', 'warned'], org);
    expect(warned.status).toBe(0);
    expect(warned.report.repositories[0]!.findings).toEqual([]);
    expect(warned.report.summary).toMatchObject({ findings: 0, repositoriesWithFindings: 0, sites: 2, attributed: 2 });
    const counted = runCli(['audit', '--quiet', '--max-warnings', '1', 'warned'], org);
    expect(counted.status).toBe(1);
    expect(counted.stderr).toBe(`${TOO_MANY}\n`);
    expect(counted.stdout).toContain('0 findings');
  });

  it('follows the same rules on --merge', () => {
    const { report } = auditJson(['warned'], org);
    writeFileSync(path.join(org, 'warned.json'), JSON.stringify(report satisfies AuditReport));
    expect(runCli(['audit', '--merge', 'warned.json'], org).status).toBe(0);
    const over = runCli(['audit', '--merge', '--max-warnings', '1', 'warned.json'], org);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe(`${TOO_MANY}\n`);
    const quiet = runCli(['audit', '--merge', '--quiet', '--format', 'json', 'warned.json'], org);
    expect(quiet.status).toBe(0);
    expect((JSON.parse(quiet.stdout) as AuditReport).summary.findings).toBe(0);
  });

  it.each([
    [['audit', '--max-warnings=-1', 'warned'], '--max-warnings: expected a whole number, 0 or more, got "-1"'],
    [['audit', '--max-warnings', 'some', 'warned'], '--max-warnings: expected a whole number, 0 or more, got "some"'],
    [['audit', '--quiet=yes', 'warned'], "Option '--quiet' does not take an argument"],
  ])('refuses %j with exit status 2', (args, message) => {
    const { status, stdout, stderr } = runCli(args, org);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toContain(message);
  });
});
