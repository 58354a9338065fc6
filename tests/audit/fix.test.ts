/** `audit --fix`: safe fixes applied with each repository's identity, a clean re-audit, and nothing written outside. */
import { lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributedClient, auditJson, BUILD_TIMEOUT_MS, ensureBuilt, identity, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: org, remove } = temporaryDirectory('fix');
afterAll(remove);

describe('audit --fix', () => {
  it('fixes with each repository\'s identity, and a second audit finds nothing fixable', () => {
    writeTree(org, {
      'one/package.json': identity('https://one-brand.dev', 'One Brand'),
      'one/src/a.ts': UNATTRIBUTED_CLIENT,
      'one/src/b.mjs': UNATTRIBUTED_CLIENT,
      'one/src/kept.ts': attributedClient('https://one-brand.dev', 'One Brand'),
      'two/package.json': identity('https://two-brand.dev', 'Two Brand'),
      'two/lib/c.cts': UNATTRIBUTED_CLIENT,
      // Without an identity nothing can be inserted: the finding stays.
      'three/lib/d.js': UNATTRIBUTED_CLIENT,
    });
    const fixed = auditJson(['--fix', 'one', 'two', 'three'], org);
    expect(fixed.status).toBe(1);
    expect(fixed.report.repositories.map((repository) => [path.basename(repository.path), repository.filesFixed, repository.findings.length])).toEqual([
      ['one', 2, 0],
      ['three', 0, 1],
      ['two', 1, 0],
    ]);
    expect(readFileSync(path.join(org, 'one/src/a.ts'), 'utf8')).toContain("'HTTP-Referer': 'https://one-brand.dev'");
    expect(readFileSync(path.join(org, 'two/lib/c.cts'), 'utf8')).toContain("'X-OpenRouter-Title': 'Two Brand'");
    expect(readFileSync(path.join(org, 'one/src/kept.ts'), 'utf8')).toBe(attributedClient('https://one-brand.dev', 'One Brand'));
    const again = auditJson(['one', 'two', 'three'], org);
    expect(again.report.repositories.flatMap((repository) => repository.findings.filter((finding) => finding.fixable))).toEqual([]);
    expect(again.report.repositories.map((repository) => repository.attributed)).toEqual([3, 0, 1]);
  });

  it('neither reads nor writes through a symlink to a file outside the repository', () => {
    const outside = path.join(org, 'outside.ts');
    writeFileSync(outside, UNATTRIBUTED_CLIENT);
    writeTree(org, { 'linked/package.json': identity('https://linked-brand.dev', 'Linked Brand'), 'linked/src/real.ts': UNATTRIBUTED_CLIENT });
    symlinkSync(outside, path.join(org, 'linked/src/link.ts'));
    symlinkSync(path.join(org, 'linked/src/real.ts'), path.join(org, 'linked/src/inner-link.ts'));
    const { report } = auditJson(['--fix', 'linked'], org);
    expect(report.repositories[0]).toMatchObject({ filesScanned: 1, filesFixed: 1, findings: [] });
    expect(readFileSync(outside, 'utf8')).toBe(UNATTRIBUTED_CLIENT);
    expect(lstatSync(path.join(org, 'linked/src/link.ts')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(org, 'linked/src/inner-link.ts')).isSymbolicLink()).toBe(true);
    // A symlink named on the command line is skipped, not audited through.
    expect(auditJson(['--fix', 'linked/src/link.ts'], org).report.repositories[0]).toMatchObject({ filesScanned: 0, filesSkipped: 1, findings: [] });
    expect(readFileSync(outside, 'utf8')).toBe(UNATTRIBUTED_CLIENT);
  });
});
