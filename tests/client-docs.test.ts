/**
 * The supported clients table of the docs is generated from the client table: the copies in the
 * README and the require-referer doc match it, and the check that `npm test` runs fails on an edited copy, naming the command to run.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENTS } from '../src/analysis/clients/rows.js';
import { BEGIN_MARKER, clientTableProblem, END_MARKER, renderClientTable, withClientTable } from '../scripts/lib/client-docs.mjs';
import { temporaryFolder } from './temporary-folders.js';

const ROOT = path.resolve(__dirname, '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The README with one cell of the generated table changed by hand. */
const EDITED = README.replace('| `httpReferer`, `appTitle` (`xTitle`), `appCategories`', '| `httpReferer`, `appTitle`, `appCategories`');

describe('the supported clients table', () => {
  it('in README.md and the require-referer doc is the one the client table generates', () => {
    expect(clientTableProblem('README.md', README, CLIENTS)).toBeNull();
    const doc = readFileSync(path.join(ROOT, 'docs', 'rules', 'require-referer.md'), 'utf8');
    expect(clientTableProblem('docs/rules/require-referer.md', doc, CLIENTS)).toBeNull();
  });

  it('has a line for every row, with every module, option and note of the row', () => {
    const table = renderClientTable(CLIENTS);
    expect(table.split('\n')).toHaveLength(CLIENTS.length + 2);
    for (const row of CLIENTS) {
      for (const source of row.sources) expect(table).toContain('module' in source ? `\`${source.module}\`` : `the global \`${source.global}\``);
      for (const name of Object.values(row.options).flat()) expect(table).toContain(`\`${name}\``);
      if (row.headersOption) expect(table).toContain(`headers in \`${row.headersOption}\``);
      for (const name of [...(row.headersOverrides ?? []), ...(row.headersFallbacks ?? [])]) expect(table).toContain(`\`${name}\``);
      if (row.docs) expect(table).toContain(row.docs);
    }
  });

  it('is found to differ when edited by hand, and the message says how to regenerate it', () => {
    expect(EDITED).not.toBe(README);
    expect(clientTableProblem('README.md', EDITED, CLIENTS)).toBe(
      'README.md: the supported clients table differs from src/analysis/clients/rows.ts; run `npm run update:docs` to regenerate it',
    );
    expect(withClientTable(EDITED, CLIENTS)).toBe(README);
  });

  it('is found to differ when a row changes', () => {
    const rows = CLIENTS.map((row) => (row.id === 'openai' ? { ...row, headersOption: 'headers' } : row));
    expect(clientTableProblem('README.md', README, rows)).toMatch(/differs from src\/analysis\/clients\/rows\.ts/);
  });

  it('needs its markers', () => {
    const unmarked = README.replace(BEGIN_MARKER, '').replace(END_MARKER, '');
    expect(clientTableProblem('README.md', unmarked, CLIENTS)).toBe(`README.md: no ${BEGIN_MARKER} ... ${END_MARKER} markers for the supported clients table`);
  });

  it('fails `update-client-docs.mjs --check` on an edited copy, and passes on the README', () => {
    const copy = path.join(temporaryFolder('client-docs-'), 'README.md');
    writeFileSync(copy, EDITED);
    const run = (file: string) => {
      try {
        execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'update-client-docs.mjs'), '--check', file], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
        return { status: 0, stderr: '' };
      } catch (error) {
        const failed = error as { status: number; stderr: string };
        return { status: failed.status, stderr: failed.stderr };
      }
    };
    const edited = run(copy);
    expect(edited.status).toBe(1);
    expect(edited.stderr).toContain('run `npm run update:docs` to regenerate it');
    // --check writes nothing.
    expect(readFileSync(copy, 'utf8')).toBe(EDITED);
    expect(run(path.join(ROOT, 'README.md'))).toEqual({ status: 0, stderr: '' });
  });
});
