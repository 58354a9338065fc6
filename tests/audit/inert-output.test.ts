/** Text from an audited repository (file and folder names, echoed values) reaches no terminal raw, in any format. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, runCli, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

const { directory: org, remove } = temporaryDirectory('inert-output');
afterAll(remove);

/** A title escape sequence, a screen clear, a forged line and a right-to-left override, in a folder and a file name. */
const HOSTILE_FOLDER = 'repo\u001b]0;pwned\u0007';
const HOSTILE_FILE = 'src/a\u001b[2J\u202e\u2028\u0085.ts';
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

beforeAll(() => {
  ensureBuilt();
  // A referer the message echoes, holding a bidirectional override.
  writeTree(path.join(org, HOSTILE_FOLDER), {
    [HOSTILE_FILE]: UNATTRIBUTED_CLIENT,
    'src/b.ts': "fetch('https://openrouter.ai/api/v1/chat/completions', { headers: { 'HTTP-Referer': 'https://acme.dev/?x=\\u202Eevil', 'X-Title': 'Acme' } });\n",
  });
}, BUILD_TIMEOUT_MS);

describe('audit output', () => {
  it.each(['text', 'json', 'sarif'])('%s shows control and bidirectional characters escaped', (format) => {
    const { status, stdout } = runCli(['audit', '--format', format, HOSTILE_FOLDER], org);
    expect(status).toBe(1);
    expect(stdout).not.toMatch(RAW);
    // Still all there, escaped: the file is named and its finding reported.
    expect(stdout).toContain('require-referer');
    if (format === 'text') expect(stdout).toContain('\\u001b[2J\\u202e\\u2028\\u0085.ts');
    else JSON.parse(stdout);
  });

  it('keeps the JSON report the same document', () => {
    const { stdout } = runCli(['audit', '--format', 'json', HOSTILE_FOLDER], org);
    const report = JSON.parse(stdout) as { repositories: { findings: { file: string }[] }[] };
    expect(report.repositories[0]!.findings.map((finding) => finding.file)).toContain(HOSTILE_FILE);
  });
});

describe('usage messages', () => {
  it('show the paths they echo from the command line inert', () => {
    const { status, stderr } = runCli(['audit', 'missing\u001b]0;pwned\u0007\u202e'], org);
    expect(status).toBe(2);
    expect(stderr).not.toMatch(RAW);
    expect(stderr).toContain('path not found: missing\\u001b]0;pwned\\u0007\\u202e');
  });
});
