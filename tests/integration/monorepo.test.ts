/**
 * A workspaces monorepo: the root and each package have their own "openrouter" identity. A file
 * takes the identity of the nearest package.json with the field, as a whole: keys the package
 * leaves out are not filled in from the root.
 */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearProjectConfigCache } from '../../src/analysis/identity/project-config.js';
import { expectStableFix, finding, FIXTURES, lintProject } from './lint-project.js';

const root = path.join(FIXTURES, 'monorepo');

beforeEach(() => clearProjectConfigCache());

describe('monorepo with a different identity per package', () => {
  it('reports each package\'s sites, linted from the repository root', async () => {
    const { findings } = await lintProject(root);
    expect(findings).toEqual({
      'packages/a/src/Status.tsx': [finding('require-referer', 'missingReferer', 3)],
      'packages/a/src/agent.ts': [finding('require-referer', 'missingReferer', 4)],
      'packages/b/lib/legacy.cjs': [finding('require-referer', 'missingReferer', 3)],
      'packages/b/src/draft.js': [finding('require-referer', 'missingReferer', 4)],
      'scripts/smoke.mjs': [finding('require-referer', 'missingReferer', 2)],
    });
  });

  it('fixes a file in each package with that package\'s own identity', async () => {
    const { findings, outputs } = await lintProject(root, { fix: true });
    expect(Object.values(findings).flat()).toEqual([]);

    // packages/a: Alpha CLI.
    expect(outputs['packages/a/src/agent.ts']).toContain(
      "return new OpenRouter({ apiKey, httpReferer: 'https://github.com/acme/alpha-cli', appTitle: 'Alpha CLI', appCategories: 'cli-agent' });",
    );
    expect(outputs['packages/a/src/Status.tsx']).toContain(
      [
        '  dangerouslyAllowBrowser: true,',
        '  defaultHeaders: {',
        "    'HTTP-Referer': 'https://github.com/acme/alpha-cli',",
        "    'X-OpenRouter-Title': 'Alpha CLI',",
        "    'X-OpenRouter-Categories': 'cli-agent',",
        '  },',
        '});',
      ].join('\n'),
    );

    // packages/b: Beta Writer, which sets no categories: the root's are not borrowed.
    expect(outputs['packages/b/src/draft.js']).toContain(
      ["  compatibility: 'strict',", "  appUrl: 'https://betawriter.app',", "  appName: 'Beta Writer',", '});'].join('\n'),
    );
    expect(outputs['packages/b/lib/legacy.cjs']).toContain(
      "  defaultHeaders: { 'X-Custom-Trace': 'beta', 'HTTP-Referer': 'https://betawriter.app', 'X-OpenRouter-Title': 'Beta Writer' },",
    );

    // The repository root's own script: the root identity.
    expect(outputs['scripts/smoke.mjs']).toContain(
      "'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme Platform', 'X-OpenRouter-Categories': 'general-chat' }",
    );

    for (const [file, output] of Object.entries(outputs)) {
      expect(output, file).not.toMatch(file.startsWith('packages/') ? /acme\.dev|Acme Platform|general-chat/ : /alpha-cli|betawriter/);
      await expectStableFix(root, file, output);
    }
    expect(outputs['packages/a/src/agent.ts']).not.toContain('betawriter');
    expect(outputs['packages/b/src/draft.js']).not.toContain('alpha-cli');
  });

  it('gives a package the same identity whether linted from the root or from the package', async () => {
    const fromRoot = await lintProject(root, { fix: true });
    for (const name of ['a', 'b']) {
      const cwd = path.join(root, 'packages', name);
      const fromPackage = await lintProject(cwd, { fix: true });
      for (const [file, output] of Object.entries(fromPackage.outputs)) {
        expect(output, `packages/${name}/${file}`).toBe(fromRoot.outputs[`packages/${name}/${file}`]);
      }
      expect(Object.keys(fromPackage.outputs).length).toBe(2);
    }
  });

  it('lets settings override one key for every package and keeps each package\'s other keys', async () => {
    const settings = { categories: ['programming-app'] };
    const { outputs } = await lintProject(root, { settings, fix: true });
    expect(outputs['packages/a/src/agent.ts']).toContain(
      "httpReferer: 'https://github.com/acme/alpha-cli', appTitle: 'Alpha CLI', appCategories: 'programming-app'",
    );
    expect(outputs['packages/b/src/draft.js']).toContain(
      ["  appUrl: 'https://betawriter.app',", "  appName: 'Beta Writer',", '  headers: {', "    'X-OpenRouter-Categories': 'programming-app',", '  },'].join('\n'),
    );
  });
});

describe('monorepo whose package.json is malformed', () => {
  const cwd = path.join(FIXTURES, 'monorepo-malformed-member');

  it('reports the malformed file and does not fix the package with the root identity', async () => {
    // packages/gamma has its own identity, but its package.json does not parse: which app its
    // traffic belongs to is unknown, so the root's identity must not be written into its code.
    const { findings, messages, outputs } = await lintProject(cwd, { fix: true });
    const file = 'packages/gamma/src/client.js';
    expect(messages[file]![0]!.message).toContain(`${path.join(cwd, 'packages/gamma/package.json')}: is not valid JSON`);
    expect(outputs[file]).toBeUndefined();
    expect(findings[file]).toContainEqual(finding('require-referer', 'missingReferer', 3));
  });
});
