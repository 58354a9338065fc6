/** `--format github` through the built CLI: workflow commands GitHub turns into annotations, escaped as it documents, and the Markdown job summary. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/hosts/audit/format-github.js';
import { BIN, BUILD_TIMEOUT_MS, ensureBuilt, identity, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: workspace, remove } = temporaryDirectory('format-github');
afterAll(remove);

const GENERIC_TITLE = "fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: { 'HTTP-Referer': 'https://acme-notes.dev', 'X-Title': 'AI App' }, body: '{}' });\n";
writeTree(workspace, {
  'package.json': { name: 'notes', private: true },
  'src/client.ts': UNATTRIBUTED_CLIENT,
  'src/odd,name:50%|x.js': GENERIC_TITLE,
  'src/broken.js': "import OpenAI from 'openai';\n\nconst openrouter = ;\n",
});
const summaryFile = path.join(workspace, 'summary.md');

function runGithub(args: readonly string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [BIN, 'audit', '--format', 'github', ...args], { cwd: workspace, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', ...env } });
}

describe('--format github', () => {
  it('writes one workflow command per finding and unparsed file, relative to the workspace, then a line of counts', () => {
    writeFileSync(summaryFile, '');
    const run = runGithub(['.'], { GITHUB_STEP_SUMMARY: summaryFile, GITHUB_WORKSPACE: workspace });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^::error file=src\/client\.ts,line=2,col=27,endLine=2,endColumn=33,title=openrouter\/require-referer::Missing HTTP-Referer: this openai client is credited to no app\. /);
    // `,` `:` and `%` escaped in a property, as GitHub requires.
    expect(lines[1]).toBe(
      '::warning file=src/odd%2Cname%3A50%25|x.js,line=1,col=138,endLine=1,endColumn=146,title=openrouter/no-generic-title::Title "AI App" is generic: it does not say which app this is. Use the name users know the app by.',
    );
    expect(lines[2]).toBe('::warning file=src/broken.js,line=3,col=20,title=not parsed::This file could not be parsed, so its OpenRouter calls were not checked.');
    expect(lines[3]).toBe('OpenRouter attribution audit (recommended): 1 error, 1 warning, 2 OpenRouter sites (1 attributed) in 3 files scanned');
    expect(lines[4]).toBe('');
  });

  it('appends a Markdown job summary to $GITHUB_STEP_SUMMARY, with the text of the code made inert', () => {
    writeFileSync(summaryFile, 'earlier step\n');
    runGithub(['.'], { GITHUB_STEP_SUMMARY: summaryFile, GITHUB_WORKSPACE: workspace });
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary.startsWith('earlier step\n## OpenRouter attribution audit\n')).toBe(true);
    expect(summary).toContain('**1 error, 1 warning** in 1 repository of 1 · 3 files scanned · 2 OpenRouter sites, 1 attributed · config `recommended`');
    expect(summary).toContain(`| ${workspace.replace(/_/g, '&#95;')} | 3 | 2 | 1 | 1 | 1 | 1 |`);
    expect(summary).toContain('| error | src/client.ts&#58;2&#58;27 | [openrouter/require-referer](https://github.com/eslint-plugin-openrouter/eslint-plugin-openrouter/blob/v');
    // A pipe of a file name cannot end the cell, a colon cannot start a link.
    expect(summary).toContain('| warning | src/odd,name&#58;50%&#124;x.js&#58;1&#58;138 | [openrouter/no-generic-title](');
  });

  it('writes no summary when $GITHUB_STEP_SUMMARY is not set, and keeps repository-relative paths outside the workspace', () => {
    const elsewhere = path.join(workspace, 'elsewhere.md');
    const run = runGithub(['.'], { GITHUB_STEP_SUMMARY: '', GITHUB_WORKSPACE: path.join(workspace, 'src') });
    expect(run.stdout).toContain('::error file=client.ts,line=2');
    expect(existsSync(elsewhere)).toBe(false);
    const outside = runGithub(['.'], { GITHUB_STEP_SUMMARY: '', GITHUB_WORKSPACE: path.join(workspace, 'nowhere') });
    expect(outside.stdout).toContain('::error file=src/client.ts,line=2');
  });

  it('escapes data and properties as GitHub documents, and shows other controls inert', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    expect(escapeData('title\u001b]0;pwned\u0007 \u202eevil')).toBe('title\\u001b]0;pwned\\u0007 \\u202eevil');
    expect(escapeData('::set-env name=X::1')).toBe('::set-env name=X::1');
  });
});
