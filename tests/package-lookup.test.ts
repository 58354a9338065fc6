/**
 * The package.json lookup on trees nobody here wrote: it never blocks or reads without bound, never
 * quotes a file, never takes an identity from outside the repository, and an unreadable or odd
 * package.json ends the lookup with a message instead of falling back to an outer package's identity.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearProjectConfigCache } from '../src/analysis/identity/project-config.js';
import plugin from '../src/index.js';
import { temporaryFolder } from './temporary-folders.js';

const CODE = "import { OpenRouter } from '@openrouter/sdk';\nnew OpenRouter({ apiKey: key });\n";
const OUTER = { referer: 'https://outer-identity.dev', title: 'Outer Identity' };

/** outer/package.json (with an identity) above outer/repo/src/client.js; `.git` in repo unless told. */
function tree(options: { git?: 'folder' | 'file' | 'none' } = {}): { repo: string; src: string; file: string } {
  const outer = temporaryFolder('openrouter-lookup-');
  writeFileSync(path.join(outer, 'package.json'), JSON.stringify({ name: 'outer', openrouter: OUTER }));
  const repo = path.join(outer, 'repo');
  const src = path.join(repo, 'src');
  mkdirSync(src, { recursive: true });
  if (options.git !== 'none' && options.git !== 'file') mkdirSync(path.join(repo, '.git'));
  if (options.git === 'file') writeFileSync(path.join(repo, '.git'), 'gitdir: ../elsewhere/.git/worktrees/repo\n');
  return { repo, src, file: path.join(src, 'client.js') };
}

function lint(file: string): { messages: Linter.LintMessage[]; output: string; seconds: number } {
  const linter = new Linter({ cwd: path.dirname(file) });
  const config: Linter.Config[] = [plugin.configs.recommended];
  const start = performance.now();
  const messages = linter.verify(CODE, config, file);
  const { output } = linter.verifyAndFix(CODE, config, file);
  return { messages, output, seconds: (performance.now() - start) / 1000 };
}

const configProblems = (messages: Linter.LintMessage[]) => messages.filter((message) => message.messageId === 'invalidConfig').map((message) => message.message);

beforeEach(() => clearProjectConfigCache());

describe('package.json lookup on hostile trees', () => {
  it('does not block on a FIFO named package.json, and ends the lookup there', () => {
    const { src, file } = tree();
    execFileSync('mkfifo', [path.join(src, 'package.json')]);
    const { messages, output, seconds } = lint(file);
    expect(seconds).toBeLessThan(20);
    expect(configProblems(messages)).toEqual([expect.stringContaining(`${path.join(src, 'package.json')}: is not a regular file; no attribution is read`)]);
    expect(output).not.toContain('outer-identity.dev');
  });

  it('does not read a package.json linked to an endless device', () => {
    const { src, file } = tree();
    symlinkSync('/dev/zero', path.join(src, 'package.json'));
    const { messages, output } = lint(file);
    expect(configProblems(messages)).toEqual([expect.stringContaining('is not a regular file')]);
    expect(output).not.toContain('outer-identity.dev');
  });

  it('treats a folder named package.json as an error that ends the lookup', () => {
    const { src, file } = tree();
    mkdirSync(path.join(src, 'package.json'));
    const { messages, output } = lint(file);
    expect(configProblems(messages)).toEqual([expect.stringContaining('is not a regular file')]);
    expect(output).not.toContain('outer-identity.dev');
  });

  it('does not read a package.json larger than 1 MiB', () => {
    const { src, file } = tree();
    writeFileSync(path.join(src, 'package.json'), JSON.stringify({ openrouter: { referer: 'https://big-identity.dev' }, pad: 'x'.repeat(2 * 1024 * 1024) }));
    const { messages, output } = lint(file);
    expect(configProblems(messages)).toEqual([expect.stringMatching(/is \d+ bytes; a package\.json over 1048576 bytes is not read/)]);
    expect(output).not.toContain('big-identity.dev');
    expect(output).not.toContain('outer-identity.dev');
  });

  it.skipIf(process.getuid?.() === 0)('treats an unreadable package.json as an error that ends the lookup', () => {
    const { src, file } = tree();
    const manifest = path.join(src, 'package.json');
    writeFileSync(manifest, '{}');
    chmodSync(manifest, 0o000);
    const { messages, output } = lint(file);
    expect(configProblems(messages)).toEqual([expect.stringContaining('cannot be read (EACCES)')]);
    expect(output).not.toContain('outer-identity.dev');
  });

  it('never quotes the contents of a file that is not valid JSON', () => {
    const { repo, src, file } = tree();
    const secret = path.join(repo, 'secret.txt');
    writeFileSync(secret, 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG\n');
    symlinkSync(secret, path.join(src, 'package.json'));
    const { messages } = lint(file);
    const [problem] = configProblems(messages);
    expect(problem).toMatch(/is not valid JSON( at line \d+, column \d+)?; no attribution is read/);
    expect(problem).not.toMatch(/AWS|wJalr|SECRET/);
  });

  it('reads a package.json that starts with a byte order mark', () => {
    const { src, file } = tree();
    writeFileSync(path.join(src, 'package.json'), `\uFEFF${JSON.stringify({ openrouter: { referer: 'https://bom-identity.dev', title: 'Bom Docs' } })}`);
    const { messages, output } = lint(file);
    expect(configProblems(messages)).toEqual([]);
    expect(output).toContain("httpReferer: 'https://bom-identity.dev'");
  });

  for (const git of ['folder', 'file'] as const) {
    it(`stops at the repository root (a .git ${git}): no identity from the folder above`, () => {
      const { repo, file } = tree({ git });
      writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'repo' }));
      const { messages, output } = lint(file);
      expect(configProblems(messages)).toEqual([]);
      expect(messages.map((message) => message.messageId)).toEqual(['missingReferer']);
      expect(output).toBe(CODE);
    });
  }

  it('takes the identity of the nearest package inside the repository', () => {
    const { repo, file } = tree();
    writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ openrouter: { referer: 'https://repo-identity.dev', title: 'Repo Docs' } }));
    const { output } = lint(file);
    expect(output).toContain("httpReferer: 'https://repo-identity.dev'");
  });

  it('without a repository root, still uses the nearest identity (the folder above)', () => {
    const { file } = tree({ git: 'none' });
    const { output } = lint(file);
    expect(output).toContain("httpReferer: 'https://outer-identity.dev'");
  });
});
