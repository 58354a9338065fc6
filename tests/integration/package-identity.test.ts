/** A project whose identity is the "openrouter" field of its package.json, with settings layered on top per key. */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearProjectConfigCache } from '../../src/analysis/identity/project-config.js';
import { createESLint, expectStableFix, finding, FIXTURES, lintProject } from './lint-project.js';
import { packageIdentityClientFix } from '../expected-fixes.js';

const cwd = path.join(FIXTURES, 'package-identity');

beforeEach(() => clearProjectConfigCache());

describe('identity from package.json', () => {
  it('reports findings, using the project\'s additional categories and generic title words', async () => {
    const { findings, messages } = await lintProject(cwd);
    expect(findings).toEqual({
      // `code-review` is known through additionalCategories, so the typo is matched against it.
      'src/cli.cjs': [finding('valid-categories', 'unknownCategory', 14)],
      'src/index.ts': [finding('require-referer', 'missingReferer', 3)],
      'src/models.js': [],
      // "Reviewer Bot" is generic because "reviewer" is an additional generic title word.
      'src/review.mjs': [finding('require-referer', 'titleWithoutReferer', 3), finding('no-generic-title', 'genericTitle', 7)],
    });
    expect(messages['src/cli.cjs']![0]!.message).toContain('Did you mean "code-review"?');
    const generic = messages['src/review.mjs']![1]!;
    expect(generic.severity).toBe(1);
    expect(generic.suggestions?.map((suggestion) => suggestion.desc)).toEqual(['Use the configured title "ReviewBot".']);
  });

  it('fixes with the package.json identity', async () => {
    const { findings, outputs } = await lintProject(cwd, { fix: true });
    expect(Object.keys(outputs).sort()).toEqual(['src/index.ts', 'src/review.mjs']);
    // `new OpenRouter()` gets an options object.
    expect(outputs['src/index.ts']).toContain(packageIdentityClientFix());
    // A title is already sent (legacy X-Title): only the referer and categories are added.
    expect(outputs['src/review.mjs']).toContain(
      [
        '  defaultHeaders: {',
        "    'X-Title': 'Reviewer Bot',",
        "    'HTTP-Referer': 'https://github.com/acme/reviewbot',",
        "    'X-OpenRouter-Categories': 'cli-agent,code-review',",
        '  },',
      ].join('\n'),
    );
    // What the fix cannot decide stays reported: the generic title and the category typo.
    expect(findings).toEqual({
      'src/cli.cjs': [finding('valid-categories', 'unknownCategory', 14)],
      'src/index.ts': [],
      'src/models.js': [],
      'src/review.mjs': [finding('no-generic-title', 'genericTitle', 7)],
    });
    for (const [file, output] of Object.entries(outputs)) await expectStableFix(cwd, file, output);
  });

  it('lets settings win per key and keeps the other keys from package.json', async () => {
    const settings = { title: 'ReviewBot CLI' };
    const { outputs } = await lintProject(cwd, { settings, fix: true });
    expect(outputs['src/index.ts']).toContain(packageIdentityClientFix('ReviewBot CLI'));
    for (const [file, output] of Object.entries(outputs)) await expectStableFix(cwd, file, output, { settings });
  });

  it('lets a settings referer replace the package.json one', async () => {
    const settings = { referer: 'https://reviewbot.dev', categories: ['programming-app'] };
    const { outputs } = await lintProject(cwd, { settings, fix: true });
    expect(outputs['src/index.ts']).toContain(
      [
        'const client = new OpenRouter({',
        "  httpReferer: 'https://reviewbot.dev',",
        "  appTitle: 'ReviewBot',",
        "  appCategories: 'programming-app',",
        '});',
      ].join('\n'),
    );
  });

  it('accepts settings categories that the package.json declares in additionalCategories', async () => {
    // valid-categories accepts `code-review` in code because package.json adds it; the same slug in
    // settings must not be an invalid config.
    const settings = { categories: ['code-review'] };
    const { findings, outputs } = await lintProject(cwd, { settings, fix: true });
    expect(findings['src/index.ts']).toEqual([]);
    expect(outputs['src/index.ts']).toContain("appCategories: 'code-review'");
  });

  it('rejects a settings title made only of the package.json additional generic words', async () => {
    // "Reviewer" is generic for this project (additionalGenericTitleWords), so no-generic-title
    // flags it in code; the config must not accept it, or the autofix inserts a title that is flagged next.
    const settings = { title: 'Reviewer' };
    const { findings, outputs } = await lintProject(cwd, { settings, fix: true });
    const fixed = outputs['src/index.ts'] ?? '';
    const [relint] = await createESLint(cwd, { settings }).lintText(fixed, { filePath: path.join(cwd, 'src/index.ts') });
    expect(relint!.messages.filter((message) => message.messageId === 'genericTitle')).toEqual([]);
    // Reported once in the run, by valid-config, in the first file with a site.
    expect(Object.values(findings).flat().filter((item) => item.messageId === 'invalidConfig')).toEqual([
      { ruleId: 'openrouter/valid-config', messageId: 'invalidConfig', line: 1 },
    ]);
  });
});
