/**
 * `npm run demo` is the first thing a newcomer runs: its diffs must be real unified diffs, and its
 * output must show the suggestions and name files by relative path.
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { unifiedDiff, unifiedDiffHunks } from '../scripts/lib/unified-diff.mjs';
import { ensureBuilt, REPO } from './built-package.js';

const numbered = (count: number) => Array.from({ length: count }, (_, index) => `line ${index + 1}`);
const text = (lines: readonly string[]) => `${lines.join('\n')}\n`;

describe('unifiedDiffHunks', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiffHunks('a\nb\n', 'a\nb\n')).toEqual([]);
  });

  it('gives each change its context and GNU diff line ranges', () => {
    const before = numbered(12);
    const after = [...before];
    after[2] = 'line 3 changed';
    after.splice(10, 0, 'inserted');
    expect(unifiedDiffHunks(text(before), text(after), 2)).toEqual([
      ['@@ -1,5 +1,5 @@', ' line 1', ' line 2', '-line 3', '+line 3 changed', ' line 4', ' line 5'].join('\n'),
      ['@@ -9,4 +9,5 @@', ' line 9', ' line 10', '+inserted', ' line 11', ' line 12'].join('\n'),
    ]);
  });

  it('merges changes whose context would touch', () => {
    const before = numbered(8);
    const after = before.filter((line) => line !== 'line 3' && line !== 'line 6');
    expect(unifiedDiffHunks(text(before), text(after), 1)).toEqual([
      ['@@ -2,6 +2,4 @@', ' line 2', '-line 3', ' line 4', ' line 5', '-line 6', ' line 7'].join('\n'),
    ]);
  });

  it('names an empty side by the line before it, and shows no context at 0', () => {
    expect(unifiedDiffHunks('a\nb\n', 'a\nx\nb\n', 0)).toEqual(['@@ -1,0 +2 @@\n+x']);
  });
});

describe('unifiedDiff', () => {
  it('heads the hunks with the file name, and is empty when nothing changed', () => {
    expect(unifiedDiff('src/a.js', 'a\n', 'b\n')).toBe('--- a/src/a.js\n+++ b/src/a.js\n@@ -1 +1 @@\n-a\n+b');
    expect(unifiedDiff('src/a.js', 'a\n', 'a\n')).toBe('');
  });
});

describe('scripts/demo.mjs', () => {
  it('shows findings with their suggestions, and the --fix diff with context, by relative path', async () => {
    ensureBuilt();
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['scripts/demo.mjs'], { cwd: REPO, encoding: 'utf8' }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      );
    });
    expect(output).not.toContain(REPO);
    expect(output).toContain('\nexamples/src/provider.ts\n');
    // A suggestion, then the edit it makes.
    expect(output).toMatch(/\n {6}suggestion: .+\n {8}@@ -\d+(,\d+)? \+\d+(,\d+)? @@\n {8}-.*\n {8}\+/);
    // A fix diff: headers, a hunk, unchanged context around the added lines.
    expect(output).toMatch(/\n--- a\/examples\/src\/sdk-client\.ts\n\+\+\+ b\/examples\/src\/sdk-client\.ts\n@@ -\d+,\d+ \+\d+,\d+ @@\n (.*)\n/);
    const fixSection = output.slice(output.indexOf('== What `eslint --fix` would change =='));
    expect(fixSection).toMatch(/\n\+ {2}httpReferer: 'https:\/\/github\.com\/acme\/support-bot',\n/);
    expect(fixSection).toMatch(/\n \}\);\n/);
  });
});
