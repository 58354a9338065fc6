/**
 * `eslint --cache` and the package.json identity. ESLint keys each cache entry on the file and a
 * hash of the file's calculated config (settings included), and does not know that the rules read
 * package.json: without `identityCacheKeys` a changed identity leaves stale results, which the first
 * test shows so that the others are known to see the difference. Each run is a new `ESLint` with
 * `cache: true` over the same cache file, its config built anew and the plugin's package.json
 * cache cleared, as a new `eslint --cache` process starts. A probe rule records which files were
 * actually linted: a file served from the cache is not. Last, the README's config runs under the
 * `eslint` command itself, one process per run.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Linter, Rule } from 'eslint';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearConfigClaims } from '../../src/analysis/identity/config-reports.js';
import { clearProjectConfigCache } from '../../src/analysis/identity/project-config.js';
import { ensureBuilt, REPO } from '../built-package.js';
import { README_BLOCKS } from '../readme-blocks.js';
import { relative } from './lint-project.js';

const UNATTRIBUTED = `import { OpenRouter } from '@openrouter/sdk';

export const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });
`;

/** Attributed with the first identity: a match-project-attribution finding once the identity changes. */
const ATTRIBUTED = `import { OpenRouter } from '@openrouter/sdk';

export const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, httpReferer: 'https://first-app.dev', appTitle: 'First App' });
`;

const FIRST = { referer: 'https://first-app.dev', title: 'First App' };
const SECOND = { referer: 'https://second-app.dev', title: 'Second App' };

let temp: string;

beforeEach(() => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-openrouter-cache-'));
});

afterEach(() => rmSync(temp, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function writePackage(directory: string, fields: Record<string, unknown>): void {
  write(path.join(directory, 'package.json'), `${JSON.stringify({ private: true, type: 'module', ...fields }, null, 2)}\n`);
}

/** A repository root: the package.json lookup stops at its `.git`. */
function repository(): string {
  const root = path.join(temp, 'repo');
  mkdirSync(path.join(root, '.git'), { recursive: true });
  return root;
}

type AnyESLint = typeof ESLint10 | typeof ESLint9;

interface Run {
  /** Files the rules ran on, relative to the root; the rest came from the cache. */
  linted: string[];
  /** Each file's messages as `rule messageId`, with the text a fix or suggestion would write. */
  results: Record<string, string[]>;
}

function describeMessage(message: Linter.LintMessage): string {
  const edits = [message.fix, ...(message.suggestions ?? []).map((suggestion) => suggestion.fix)].filter((fix) => fix !== undefined);
  return [`${message.ruleId} ${message.messageId}`, ...edits.map((fix) => fix.text)].join(' | ');
}

/** One `eslint --cache` run over `root`, its config (and so the digests) built anew. */
async function lintWithCache(ESLint: AnyESLint, root: string, withDigests: boolean): Promise<Run> {
  clearProjectConfigCache();
  clearConfigClaims();
  const linted: string[] = [];
  const probe: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      linted.push(relative(root, context.filename));
      return {};
    },
  };
  const overrideConfig: Linter.Config[] = [
    { plugins: { probe: { rules: { linted: probe } } }, rules: { 'probe/linted': 'error' } },
    plugin.configs.strict,
    ...(withDigests ? plugin.identityCacheKeys(root) : []),
  ];
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: overrideConfig as never, cache: true, cacheLocation: path.join(temp, 'eslintcache') });
  const results: Record<string, string[]> = {};
  for (const result of await eslint.lintFiles(['.'])) results[relative(root, result.filePath)] = result.messages.map(describeMessage);
  return { linted: linted.sort(), results };
}

describe.each([
  ['ESLint 10', ESLint10],
  ['ESLint 9.15', ESLint9],
] as const)('%s with cache: true', (_, ESLint) => {
  function singlePackage(): string {
    const root = repository();
    writePackage(root, { name: 'cache-app', openrouter: FIRST });
    write(path.join(root, 'src/client.js'), UNATTRIBUTED);
    write(path.join(root, 'src/attributed.js'), ATTRIBUTED);
    write(path.join(root, 'src/plain.js'), 'export const answer = 42;\n');
    return root;
  }

  it('without identityCacheKeys, keeps the results of the old identity after package.json changes', async () => {
    const root = singlePackage();
    const first = await lintWithCache(ESLint, root, false);
    expect(first.linted).toEqual(['src/attributed.js', 'src/client.js', 'src/plain.js']);
    expect(first.results['src/client.js']).toEqual([
      "openrouter/require-referer missingReferer | , httpReferer: 'https://first-app.dev', appTitle: 'First App'",
    ]);
    writePackage(root, { name: 'cache-app', openrouter: SECOND });
    const second = await lintWithCache(ESLint, root, false);
    // Stale: nothing was re-linted, and the fix still writes the old referer.
    expect(second.linted).toEqual([]);
    expect(second.results).toEqual(first.results);
  });

  it('with identityCacheKeys, re-lints after the identity changes: the fix and findings are the new identity\'s', async () => {
    const root = singlePackage();
    const first = await lintWithCache(ESLint, root, true);
    expect(first.linted).toEqual(['src/attributed.js', 'src/client.js', 'src/plain.js']);
    expect(first.results['src/attributed.js']).toEqual([]);
    writePackage(root, { name: 'cache-app', openrouter: SECOND });
    const second = await lintWithCache(ESLint, root, true);
    expect(second.linted).toEqual(['src/attributed.js', 'src/client.js', 'src/plain.js']);
    expect(second.results['src/client.js']).toEqual([
      "openrouter/require-referer missingReferer | , httpReferer: 'https://second-app.dev', appTitle: 'Second App'",
    ]);
    expect(second.results['src/attributed.js']!.map((message) => message.split(' | ')[0])).toEqual([
      'openrouter/match-project-attribution differs',
      'openrouter/match-project-attribution differs',
    ]);
  });

  it('with identityCacheKeys, serves every file from the cache while the identity is unchanged, even when package.json changes elsewhere', async () => {
    const root = singlePackage();
    const first = await lintWithCache(ESLint, root, true);
    const again = await lintWithCache(ESLint, root, true);
    expect(again.linted).toEqual([]);
    expect(again.results).toEqual(first.results);
    writePackage(root, { name: 'cache-app', version: '2.0.0', openrouter: FIRST });
    const bumped = await lintWithCache(ESLint, root, true);
    expect(bumped.linted).toEqual([]);
    expect(bumped.results).toEqual(first.results);
  });

  it('with identityCacheKeys, re-lints when package.json stops parsing, and valid-config reports it', async () => {
    const root = singlePackage();
    await lintWithCache(ESLint, root, true);
    write(path.join(root, 'package.json'), '{ "name": "cache-app", "openrouter": { "referer": "https://first-app.dev", }\n');
    const broken = await lintWithCache(ESLint, root, true);
    expect(broken.linted).toEqual(['src/attributed.js', 'src/client.js', 'src/plain.js']);
    const reports = Object.values(broken.results).flat().filter((message) => message.startsWith('openrouter/valid-config'));
    expect(reports).toEqual(['openrouter/valid-config invalidConfig']);
    // Without an identity the fix is gone: the finding stays, with nothing to insert.
    expect(broken.results['src/client.js']).toContain('openrouter/require-referer missingReferer');
  });

  describe('in a monorepo', () => {
    function monorepo(): string {
      const root = repository();
      writePackage(root, { name: 'acme', workspaces: ['packages/*'], openrouter: { referer: 'https://acme.app', title: 'Acme' } });
      writePackage(path.join(root, 'packages/a'), { name: '@acme/a', openrouter: { referer: 'https://a-acme.dev', title: 'Alpha' } });
      writePackage(path.join(root, 'packages/b'), { name: '@acme/b', openrouter: { referer: 'https://b-acme.dev', title: 'Beta' } });
      // A package without an identity of its own takes the root's.
      writePackage(path.join(root, 'packages/c'), { name: '@acme/c' });
      for (const folder of ['packages/a/src', 'packages/b/src', 'packages/c/src', 'scripts']) write(path.join(root, folder, 'client.js'), UNATTRIBUTED);
      return root;
    }

    const fixOf = (run: Run, file: string): string | undefined => run.results[file]?.[0]?.split(' | ')[1];

    it('re-lints only the package whose identity changed', async () => {
      const root = monorepo();
      const first = await lintWithCache(ESLint, root, true);
      expect(first.linted).toEqual(['packages/a/src/client.js', 'packages/b/src/client.js', 'packages/c/src/client.js', 'scripts/client.js']);
      expect(fixOf(first, 'packages/a/src/client.js')).toContain("httpReferer: 'https://a-acme.dev'");
      expect(fixOf(first, 'packages/c/src/client.js')).toContain("httpReferer: 'https://acme.app'");

      writePackage(path.join(root, 'packages/a'), { name: '@acme/a', openrouter: { referer: 'https://alpha-acme.dev', title: 'Alpha' } });
      const second = await lintWithCache(ESLint, root, true);
      expect(second.linted).toEqual(['packages/a/src/client.js']);
      expect(fixOf(second, 'packages/a/src/client.js')).toContain("httpReferer: 'https://alpha-acme.dev'");
      expect(second.results['packages/b/src/client.js']).toEqual(first.results['packages/b/src/client.js']);
    });

    it('re-lints a package that inherits the root identity when the root identity changes', async () => {
      const root = monorepo();
      await lintWithCache(ESLint, root, true);
      writePackage(root, { name: 'acme', workspaces: ['packages/*'], openrouter: { referer: 'https://acme.dev', title: 'Acme' } });
      const second = await lintWithCache(ESLint, root, true);
      expect(second.linted).toEqual(['packages/c/src/client.js', 'scripts/client.js']);
      expect(fixOf(second, 'packages/c/src/client.js')).toContain("httpReferer: 'https://acme.dev'");
    });

    it('re-lints a package that gains an identity of its own', async () => {
      const root = monorepo();
      await lintWithCache(ESLint, root, true);
      writePackage(path.join(root, 'packages/c'), { name: '@acme/c', openrouter: { referer: 'https://c-acme.dev', title: 'Gamma' } });
      const second = await lintWithCache(ESLint, root, true);
      expect(second.linted).toEqual(['packages/c/src/client.js']);
      expect(fixOf(second, 'packages/c/src/client.js')).toContain("httpReferer: 'https://c-acme.dev'");
    });

    it('keeps each package to its own folder when ESLint resolves patterns from another folder (eslint --config)', async () => {
      const root = monorepo();
      // A folder beside packages/a whose relative path, from the parent, would read like it.
      write(path.join(temp, 'packages/a/src/client.js'), UNATTRIBUTED);
      const lintFromParent = async () => {
        clearProjectConfigCache();
        const linted: string[] = [];
        const probe: Rule.RuleModule = { meta: { schema: [] }, create: (context) => (linted.push(relative(temp, context.filename)), {}) };
        const eslint = new ESLint({
          cwd: temp,
          overrideConfigFile: true,
          overrideConfig: [{ plugins: { probe: { rules: { linted: probe } } }, rules: { 'probe/linted': 'error' } }, plugin.configs.strict, ...plugin.identityCacheKeys(root)] as never,
          cache: true,
          cacheLocation: path.join(temp, 'eslintcache'),
        });
        await eslint.lintFiles(['packages/a/src/client.js', 'repo/packages/a/src/client.js']);
        return linted.sort();
      };
      expect(await lintFromParent()).toEqual(['packages/a/src/client.js', 'repo/packages/a/src/client.js']);
      writePackage(path.join(root, 'packages/a'), { name: '@acme/a', openrouter: { referer: 'https://alpha-acme.dev', title: 'Alpha' } });
      // The file outside the repository takes none of its digests: the change leaves it cached.
      expect(await lintFromParent()).toEqual(['repo/packages/a/src/client.js']);
    });
  });
});

describe('the eslint command with --cache and the README config', () => {
  const readmeConfig = README_BLOCKS.find((block) => block.file === 'eslint.config.js' && block.code.includes('openrouter.configs.recommended,\n  ...openrouter.identityCacheKeys(import.meta.dirname)'));

  /** The fix the `eslint` command offers for src/client.js, in a new process. */
  function eslintCommand(root: string): Promise<string | undefined> {
    const bin = path.join(REPO, 'node_modules/eslint/bin/eslint.js');
    const args = [bin, '--cache', '--cache-location', path.join(temp, 'eslintcache'), '--format', 'json', 'src'];
    return new Promise((resolve, reject) => {
      execFile(process.execPath, args, { cwd: root, encoding: 'utf8' }, (error, stdout, stderr) => {
        // Exit code 1 means findings; anything else is a failure to run.
        if (error && error.code !== 1) reject(new Error(`eslint exited with ${String(error.code)}: ${stderr}`));
        else resolve((JSON.parse(stdout) as { messages: Linter.LintMessage[] }[])[0]?.messages.find((message) => message.ruleId === 'openrouter/require-referer')?.fix?.text);
      });
    });
  }

  it('re-lints after the identity changes; without the identityCacheKeys line, it does not', async () => {
    expect(readmeConfig, 'README: the eslint --cache config').toBeDefined();
    ensureBuilt();
    mkdirSync(path.join(temp, 'node_modules'));
    symlinkSync(REPO, path.join(temp, 'node_modules/eslint-plugin-openrouter'), 'dir');
    for (const [config, expected] of [
      [readmeConfig!.code, 'https://second-app.dev'],
      [readmeConfig!.code.replace(/^ {2}\.\.\.openrouter\.identityCacheKeys\(import\.meta\.dirname\),\n/m, ''), 'https://first-app.dev'],
    ] as const) {
      rmSync(path.join(temp, 'repo'), { recursive: true, force: true });
      rmSync(path.join(temp, 'eslintcache'), { force: true });
      const root = repository();
      writePackage(root, { name: 'cache-app', openrouter: FIRST });
      write(path.join(root, 'eslint.config.js'), config);
      write(path.join(root, 'src/client.js'), UNATTRIBUTED);
      expect(await eslintCommand(root)).toContain("httpReferer: 'https://first-app.dev'");
      writePackage(root, { name: 'cache-app', openrouter: SECOND });
      expect(await eslintCommand(root), config).toContain(`httpReferer: '${expected}'`);
    }
  }, 120_000);
});
