/**
 * An organisation's shared config, as README.md shows it: the package's index.js and package.json,
 * and a repository's eslint.config.js and package.json, written as the README gives them into a
 * temp folder where the package is installed, beside a second repository that differs only in
 * its package.json identity. Each repository is linted by the real `ESLint` class from its own
 * folder, its config found as `eslint` finds it, the plugin loaded by name (through dist/).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERIC_TITLE_WORDS } from '../../src/analysis/domain/titles.js';
import { ensureBuilt, REPO } from '../built-package.js';
import { README_BLOCKS, readmePackages } from '../readme-blocks.js';

const ORG_PACKAGE = '@acme/eslint-config-openrouter';

const orgFiles = readmePackages().get(ORG_PACKAGE);
const repositoryConfig = README_BLOCKS.find((block) => block.file === 'eslint.config.js' && block.code.includes(`from '${ORG_PACKAGE}'`));
const repositoryPackage = README_BLOCKS.find((block) => block.language === 'json' && block.code.includes('"name": "acme-reviews"'));

const UNATTRIBUTED = `import { OpenRouter } from '@openrouter/sdk';

export const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });
`;

/** A title made of the organisation's own words: generic only through the shared config. */
const ORG_WORDS_TITLE = `import { OpenRouter } from '@openrouter/sdk';

export const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, httpReferer: 'https://reviews.acme.dev', appTitle: 'Acme Internal' });
`;

const SEARCH_PACKAGE = `${JSON.stringify({ name: 'acme-search', private: true, type: 'module', openrouter: { referer: 'https://search.acme.dev', title: 'Acme Search' } }, null, 2)}\n`;

let temp: string;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A repository with the README's config and the given package.json, and its .git root. */
function repository(name: string, packageJson: string, files: Record<string, string>): string {
  const root = path.join(temp, name);
  mkdirSync(path.join(root, '.git'), { recursive: true });
  write(path.join(root, 'package.json'), packageJson);
  write(path.join(root, 'eslint.config.js'), repositoryConfig!.code);
  for (const [file, text] of Object.entries(files)) write(path.join(root, file), text);
  return root;
}

/** Installs the shared config into the folder that holds the repositories, as written or changed. */
function installOrgConfig(modules: string, indexJs: string): void {
  write(path.join(modules, ORG_PACKAGE, 'index.js'), indexJs);
  write(path.join(modules, ORG_PACKAGE, 'package.json'), orgFiles!['package.json']!);
}

async function lintRepository(root: string): Promise<{ messages: Record<string, Linter.LintMessage[]>; outputs: Record<string, string>; config: Linter.Config }> {
  const eslint = new ESLint({ cwd: root, fix: true });
  const messages: Record<string, Linter.LintMessage[]> = {};
  const outputs: Record<string, string> = {};
  for (const result of await eslint.lintFiles(['src'])) {
    const file = path.relative(root, result.filePath).split(path.sep).join('/');
    messages[file] = result.messages;
    if (result.output !== undefined) outputs[file] = result.output;
  }
  const config = (await eslint.calculateConfigForFile(path.join(root, 'src/client.js'))) as Linter.Config;
  return { messages, outputs, config };
}

beforeAll(() => {
  ensureBuilt();
  temp = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-openrouter-org-'));
  const modules = path.join(temp, 'node_modules');
  mkdirSync(modules, { recursive: true });
  symlinkSync(REPO, path.join(modules, 'eslint-plugin-openrouter'), 'dir');
  symlinkSync(path.join(REPO, 'node_modules/eslint'), path.join(modules, 'eslint'), 'dir');
}, 120_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe("README: an organisation's shared config", () => {
  it('shows the package\'s index.js and package.json, and a repository\'s eslint.config.js and package.json', () => {
    expect(Object.keys(orgFiles ?? {}).sort()).toEqual(['index.js', 'package.json']);
    expect(orgFiles!['index.js']).toContain('openrouter.configs.strict');
    expect(repositoryConfig?.code).toContain('identityCacheKeys(import.meta.dirname)');
    expect(JSON.parse(repositoryPackage!.code)).toHaveProperty('openrouter.referer');
  });

  describe('two repositories that give only their identity', () => {
    let reviews: string;
    let search: string;

    beforeAll(() => {
      installOrgConfig(path.join(temp, 'node_modules'), orgFiles!['index.js']!);
      reviews = repository('reviews', repositoryPackage!.code, { 'src/client.js': UNATTRIBUTED, 'src/status.js': ORG_WORDS_TITLE });
      search = repository('search', SEARCH_PACKAGE, { 'src/client.js': UNATTRIBUTED });
    });

    it("turn on configs.strict: each of its rules as an error", async () => {
      // The strict config of the plugin the repositories load.
      const plugin = createRequire(__filename)(path.join(REPO, 'dist/index.js')) as { configs: { strict: Linter.Config } };
      const names = Object.keys(plugin.configs.strict.rules ?? {});
      expect(names.length).toBeGreaterThan(10);
      for (const root of [reviews, search]) {
        const { config } = await lintRepository(root);
        expect(names.map((name) => [name, config.rules?.[name]])).toEqual(names.map((name) => [name, [2]]));
      }
    });

    it("report a title made only of the organisation's words as generic", async () => {
      // Neither word is generic on its own: the finding comes from the shared config.
      expect(GENERIC_TITLE_WORDS).not.toContain('acme');
      expect(GENERIC_TITLE_WORDS).not.toContain('internal');
      const { messages } = await lintRepository(reviews);
      const generic = messages['src/status.js']!.filter((message) => message.ruleId === 'openrouter/no-generic-title');
      expect(generic.map((message) => [message.messageId, message.severity])).toEqual([['genericTitle', 2]]);
      expect(generic[0]!.suggestions?.map((suggestion) => suggestion.desc)).toEqual(['Use the configured title "Acme Reviews".']);
    });

    it('fix each repository with its own package.json identity', async () => {
      const fromReviews = await lintRepository(reviews);
      const fromSearch = await lintRepository(search);
      expect(fromReviews.outputs['src/client.js']).toContain(
        "new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, httpReferer: 'https://reviews.acme.dev', appTitle: 'Acme Reviews', appCategories: 'programming-app' })",
      );
      expect(fromSearch.outputs['src/client.js']).toContain(
        "new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, httpReferer: 'https://search.acme.dev', appTitle: 'Acme Search' })",
      );
      for (const { messages } of [fromReviews, fromSearch]) {
        expect(Object.values(messages).flat().filter((message) => message.ruleId === 'openrouter/valid-config')).toEqual([]);
      }
    });
  });

  it("with categories in the shared config, replace every repository's own, as the README warns", async () => {
    const modules = path.join(temp, 'categories', 'node_modules');
    const indexJs = orgFiles!['index.js']!.replace('additionalGenericTitleWords:', "categories: ['general-chat'],\n        additionalGenericTitleWords:");
    expect(indexJs).not.toBe(orgFiles!['index.js']);
    installOrgConfig(modules, indexJs);
    symlinkSync(REPO, path.join(modules, 'eslint-plugin-openrouter'), 'dir');
    const root = repository('categories/reviews', repositoryPackage!.code, { 'src/client.js': UNATTRIBUTED });
    const { outputs } = await lintRepository(root);
    expect(outputs['src/client.js']).toContain("httpReferer: 'https://reviews.acme.dev', appTitle: 'Acme Reviews', appCategories: 'general-chat' })");
  });
});
