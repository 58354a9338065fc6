/**
 * The audit before each commit, with real `git commit`s in a fresh fixture repository: the
 * pre-commit framework's hook from .pre-commit-hooks.yaml (when the `pre-commit` binary is
 * installed), and the lint-staged + husky recipe of docs/audit.md. A commit with an unattributed
 * OpenRouter call is refused with the finding printed; once fixed from the identity in package.json
 * it goes through. The package is this repository, linked into the fixture's node_modules as an
 * install would place it; nothing is fetched from the network.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO } from '../built-package.js';

const FIXTURE = path.join(REPO, 'tests/fixtures/audit-repositories/api');
const IDENTITY = { referer: 'https://github.com/acme/api', title: 'Acme API' };
const RECIPE_GLOB = '*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,vue,svelte,astro}';
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

let scratch: string;
beforeAll(() => {
  ensureBuilt();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'openrouter-hooks-'));
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  status: number | null;
  output: string;
}

function run(command: string, args: string[], cwd: string): Run {
  const env = { ...process.env, PRE_COMMIT_HOME: path.join(scratch, 'pre-commit-home'), GIT_CONFIG_NOSYSTEM: '1', HOME: scratch };
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function git(cwd: string, ...args: string[]): Run {
  const result = run('git', args, cwd);
  if (result.status !== 0 && args[0] !== 'commit') throw new Error(`git ${args.join(' ')}: ${result.output}`);
  return result;
}

/** Links a package into node_modules, with its bins in node_modules/.bin, as npm would. */
function linkPackage(repository: string, name: string, target: string, bins: Record<string, string>): void {
  mkdirSync(path.join(repository, 'node_modules/.bin'), { recursive: true });
  symlinkSync(target, path.join(repository, 'node_modules', name));
  for (const [bin, file] of Object.entries(bins)) symlinkSync(path.join('..', name, file), path.join(repository, 'node_modules/.bin', bin));
}

/** The api fixture as a new git repository with the package installed and no identity yet. */
function fixtureRepository(name: string): string {
  const repository = path.join(scratch, name);
  cpSync(FIXTURE, repository, { recursive: true });
  writePackageJson(repository, {});
  writeFileSync(path.join(repository, '.gitignore'), 'node_modules/\n');
  linkPackage(repository, 'eslint-plugin-openrouter', REPO, { 'eslint-plugin-openrouter': 'bin/eslint-plugin-openrouter.js' });
  git(repository, 'init', '-q', '-b', 'main');
  git(repository, 'config', 'user.name', 'Fixture');
  git(repository, 'config', 'user.email', 'fixture@example.com');
  git(repository, 'config', 'commit.gpgsign', 'false');
  return repository;
}

function writePackageJson(repository: string, extra: Record<string, unknown>): void {
  writeFileSync(path.join(repository, 'package.json'), `${JSON.stringify({ name: 'acme-api', private: true, ...extra }, null, 2)}\n`);
}

function committed(repository: string, file: string): string {
  return git(repository, 'show', `HEAD:${file}`).output;
}

function commitCount(repository: string): number {
  const result = run('git', ['rev-list', '--count', 'HEAD'], repository);
  return result.status === 0 ? Number(result.output.trim()) : 0;
}

describe.skipIf(!hasPreCommit)('the pre-commit hook (skipped when no pre-commit binary is on PATH)', () => {
  it('refuses a commit with an unattributed call, and takes it once `audit --fix` has attributed it', () => {
    // A hook repository holding this working tree's manifest, as pre-commit clones one.
    const hooks = path.join(scratch, 'hook-repository');
    mkdirSync(hooks);
    cpSync(path.join(REPO, '.pre-commit-hooks.yaml'), path.join(hooks, '.pre-commit-hooks.yaml'));
    git(hooks, 'init', '-q', '-b', 'main');
    git(hooks, 'add', '.pre-commit-hooks.yaml');
    git(hooks, '-c', 'user.name=Hooks', '-c', 'user.email=hooks@example.com', 'commit', '-q', '-m', 'hooks');
    const rev = git(hooks, 'rev-parse', 'HEAD').output.trim();

    const repository = fixtureRepository('pre-commit');
    writePackageJson(repository, { openrouter: IDENTITY });
    writeFileSync(path.join(repository, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: openrouter-audit\n`);
    expect(run('pre-commit', ['install'], repository).status).toBe(0);

    git(repository, 'add', '.');
    const refused = git(repository, 'commit', '-m', 'Chat client');
    expect(refused.status, refused.output).not.toBe(0);
    expect(refused.output).toContain('OpenRouter attribution');
    expect(refused.output).toMatch(/src\/chat\.ts:3:27\s+error\s+Missing HTTP-Referer/);
    expect(commitCount(repository)).toBe(0);

    const fix = run(path.join(repository, 'node_modules/.bin/eslint-plugin-openrouter'), ['audit', '--fix', 'src/chat.ts'], repository);
    expect(fix.status, fix.output).toBe(0);
    git(repository, 'add', 'src/chat.ts');
    const accepted = git(repository, 'commit', '-m', 'Chat client');
    expect(accepted.status, accepted.output).toBe(0);
    expect(accepted.output).toMatch(/OpenRouter attribution\.+Passed/);
    expect(committed(repository, 'src/chat.ts')).toContain(`'HTTP-Referer': '${IDENTITY.referer}'`);
  });
});

describe('the pre-commit manifest', () => {
  const manifest = load(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];

  it('declares the openrouter-audit hook on the repository\'s own install, one run at a time', () => {
    expect(manifest.map((hook) => hook.id)).toEqual(['openrouter-audit']);
    expect(manifest[0]).toMatchObject({ language: 'system', entry: 'npx --no eslint-plugin-openrouter audit', types: ['file'], require_serial: true });
  });

  it('passes over files that are not JavaScript, TypeScript or Python', () => {
    const files = new RegExp(String(manifest[0]!.files));
    for (const file of ['a.js', 'b.jsx', 'c.mjs', 'd.cjs', 'e.ts', 'f.tsx', 'g.mts', 'h.cts', 'i.py']) expect(files.test(file), file).toBe(true);
    for (const file of ['README.md', 'data.json', 'a.js.map', 'style.css', 'stubs.pyi']) expect(files.test(file), file).toBe(false);
  });
});

describe('the lint-staged and husky recipe', () => {
  it('refuses a commit whose call cannot be attributed, and commits the fixed file once package.json names the app', () => {
    const repository = fixtureRepository('lint-staged');
    linkPackage(repository, 'lint-staged', path.join(REPO, 'node_modules/lint-staged'), { 'lint-staged': 'bin/lint-staged.js' });
    linkPackage(repository, 'husky', path.join(REPO, 'node_modules/husky'), { husky: 'bin.js' });
    // The recipe of docs/audit.md, as written there.
    writePackageJson(repository, { 'lint-staged': { [RECIPE_GLOB]: 'eslint-plugin-openrouter audit --fix' } });
    mkdirSync(path.join(repository, '.husky'));
    writeFileSync(path.join(repository, '.husky/pre-commit'), 'lint-staged\n');
    const install = run(path.join(repository, 'node_modules/.bin/husky'), [], repository);
    expect(install.status, install.output).toBe(0);
    git(repository, 'add', 'package.json', '.gitignore', '.husky');
    expect(git(repository, 'commit', '-q', '-m', 'Tooling').status).toBe(0);

    git(repository, 'add', 'src');
    const refused = git(repository, 'commit', '-m', 'Chat client');
    expect(refused.status, refused.output).not.toBe(0);
    expect(refused.output).toMatch(/src\/chat\.ts:3:27\s+error\s+Missing HTTP-Referer/);
    expect(refused.output).toContain('To let --fix insert it, set "referer"');
    expect(commitCount(repository)).toBe(1);

    writePackageJson(repository, { 'lint-staged': { [RECIPE_GLOB]: 'eslint-plugin-openrouter audit --fix' }, openrouter: IDENTITY });
    git(repository, 'add', 'package.json', 'src');
    const accepted = git(repository, 'commit', '-m', 'Chat client');
    expect(accepted.status, accepted.output).toBe(0);
    expect(commitCount(repository)).toBe(2);
    expect(committed(repository, 'src/chat.ts')).toContain(`'HTTP-Referer': '${IDENTITY.referer}'`);
    expect(committed(repository, 'src/chat.ts')).toContain(`'X-OpenRouter-Title': '${IDENTITY.title}'`);
    expect(git(repository, 'status', '--porcelain').output.trim()).toBe('');
  });
});

it('states the recipe the tests run in docs/audit.md', () => {
  const docs = readFileSync(path.join(REPO, 'docs/audit.md'), 'utf8');
  expect(docs).toContain(`"${RECIPE_GLOB}": "eslint-plugin-openrouter audit --fix"`);
  expect(docs).toContain('id: openrouter-audit');
});
