/**
 * The audit reads only inside the audited root: a `.git` linked to a folder outside has no exclude file
 * of its own, a file named through a folder linked outside is skipped (and never fixed), and a package.json
 * linked outside is not read, nothing of it echoed.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/hosts/audit/discover-files.js';
import { createPathFilter } from '../../src/hosts/audit/path-filter.js';
import { auditJson, BUILD_TIMEOUT_MS, ensureBuilt, identity, runCli, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: org, remove } = temporaryDirectory('reads-within-root');
afterAll(remove);

async function discovered(directory: string): Promise<string[]> {
  const files: string[] = [];
  for await (const file of discoverFiles(directory, createPathFilter([], []))) files.push(path.relative(directory, file).split(path.sep).join('/'));
  return files.sort();
}

describe('.git/info/exclude', () => {
  it('is honoured in the repository, not through a .git linked to a folder outside', async () => {
    writeTree(org, {
      'own-git/.git/info/exclude': 'src/\n',
      'own-git/src/a.ts': '',
      'own-git/b.ts': '',
      'outside-git/info/exclude': 'src/\n',
      'linked-git/src/a.ts': '',
      'linked-git/b.ts': '',
    });
    symlinkSync(path.join(org, 'outside-git'), path.join(org, 'linked-git', '.git'));
    expect(await discovered(path.join(org, 'own-git'))).toEqual(['b.ts']);
    expect(await discovered(path.join(org, 'linked-git'))).toEqual(['b.ts', 'src/a.ts']);
  });
});

describe('files named on the command line', () => {
  for (const [kind, outsideFiles] of [
    ['a folder', {}],
    // A .git there must not make the linked folder a repository of its own.
    ['a repository', { '.git/HEAD': 'ref: refs/heads/main\n' }],
    // ... nor one in a folder below the link.
    ['a folder holding a repository', { 'sub/.git/HEAD': 'ref: refs/heads/main\n' }],
  ] as const) {
    it(`are skipped, never fixed, when reached through a folder linked to ${kind} outside`, () => {
      const name = kind.replaceAll(' ', '-');
      const named = kind === 'a folder holding a repository' ? 'sub/client.ts' : 'client.ts';
      writeTree(org, {
        [`${name}-repo/package.json`]: identity('https://named-brand.dev', 'Named Brand'),
        [`${name}-repo/src/own.ts`]: UNATTRIBUTED_CLIENT,
        [`${name}-outside/${named}`]: UNATTRIBUTED_CLIENT,
        ...Object.fromEntries(Object.entries(outsideFiles).map(([file, text]) => [`${name}-outside/${file}`, text])),
      });
      mkdirSync(path.join(org, `${name}-repo`, '.git'));
      symlinkSync(path.join(org, `${name}-outside`), path.join(org, `${name}-repo`, 'src', 'linked'));
      const { report } = auditJson(['--fix', `${name}-repo/src/linked/${named}`, `${name}-repo/src/own.ts`], org);
      expect(report.repositories).toHaveLength(1);
      expect(report.repositories[0]).toMatchObject({ path: path.join(org, `${name}-repo`), filesScanned: 1, filesSkipped: 1, filesFixed: 1, findings: [] });
      expect(readFileSync(path.join(org, `${name}-outside/${named}`), 'utf8')).toBe(UNATTRIBUTED_CLIENT);
      expect(readFileSync(path.join(org, `${name}-repo/src/own.ts`), 'utf8')).toContain('named-brand.dev');
    });
  }
});

describe('package.json', () => {
  it('linked to a file outside the root, is not read, and nothing of it reaches the report', () => {
    writeTree(org, {
      'secret/package.json': { name: 'secret', openrouter: { referer: 'https://secret-brand.dev', title: 'Secret Brand' }, token: 'hunter2-token' },
      'linked-package/src/client.ts': UNATTRIBUTED_CLIENT,
    });
    mkdirSync(path.join(org, 'linked-package', '.git'));
    symlinkSync(path.join(org, 'secret', 'package.json'), path.join(org, 'linked-package', 'package.json'));
    const { report } = auditJson(['--fix', 'linked-package'], org);
    expect(report.repositories[0]!.filesFixed).toBe(0);
    expect(report.repositories[0]!.findings.map((finding) => finding.message)).toContainEqual(expect.stringContaining('leads outside the repository'));
    for (const format of ['text', 'json', 'sarif']) {
      const { stdout } = runCli(['audit', '--format', format, 'linked-package'], org);
      expect(stdout).toContain('require-referer');
      expect(stdout).not.toMatch(/secret-brand|Secret Brand|hunter2/);
    }
    expect(readFileSync(path.join(org, 'linked-package/src/client.ts'), 'utf8')).toBe(UNATTRIBUTED_CLIENT);
  });
});

describe('a .gitignore linked outside', () => {
  it('is not read', async () => {
    writeTree(org, { 'outside-ignore/.gitignore': 'src/\n', 'linked-ignore/src/a.ts': '' });
    symlinkSync(path.join(org, 'outside-ignore', '.gitignore'), path.join(org, 'linked-ignore', '.gitignore'));
    writeFileSync(path.join(org, 'linked-ignore', 'b.ts'), '');
    expect(await discovered(path.join(org, 'linked-ignore'))).toEqual(['b.ts', 'src/a.ts']);
  });
});
