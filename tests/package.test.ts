/**
 * The package holds together: every rule has a doc, a test file and its config entries; the plugin
 * and configs carry the metadata flat config and tooling rely on; versions agree.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { CLIENTS } from '../src/analysis/clients/rows.js';
import { REPOSITORY_URL } from '../src/rule-docs-url.js';
import { rules } from '../src/rules/index.js';
import { version } from '../src/version.js';

const ROOT = path.resolve(__dirname, '..');
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  license: string;
  homepage: string;
  bugs: { url: string };
  repository: { type: string; url: string };
};
const ruleNames = Object.keys(rules) as (keyof typeof rules)[];
/** Every exported config, flat configs only. */
const configs = Object.entries(plugin.configs as Record<string, Linter.Config>);

/** The rule modules in src/rules, by file name. */
const ruleFiles = readdirSync(path.join(ROOT, 'src', 'rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.slice(0, -'.ts'.length));

describe('rules', () => {
  it('exports every rule module of src/rules, and only those', () => {
    expect([...ruleNames].sort()).toEqual([...ruleFiles].sort());
  });

  it('exposes the same rules on the plugin', () => {
    expect(Object.keys(plugin.rules ?? {}).sort()).toEqual([...ruleNames].sort());
  });

  it('has no doc without a rule', () => {
    const docs = readdirSync(path.join(ROOT, 'docs', 'rules')).filter((file) => file.endsWith('.md'));
    expect(docs.map((file) => file.slice(0, -'.md'.length)).sort()).toEqual([...ruleNames].sort());
  });
});

describe.each(ruleNames)('rule %s', (name) => {
  const rule = rules[name];

  it('has docs/rules/<name>.md', () => {
    expect(existsSync(path.join(ROOT, 'docs', 'rules', `${name}.md`))).toBe(true);
  });

  it('links meta.docs.url to docs/rules/<name>.md at this version\'s tag', () => {
    expect(rule.meta.docs?.url).toBe(`${REPOSITORY_URL}/blob/v${packageJson.version}/docs/rules/${name}.md`);
  });

  it('has tests/rules/<name>.test.ts', () => {
    expect(existsSync(path.join(ROOT, 'tests', 'rules', `${name}.test.ts`))).toBe(true);
  });

  it('is named after its file', () => {
    expect(rule.name).toBe(name);
  });

  it('has a description and messages', () => {
    const description = rule.meta.docs?.description;
    expect(typeof description).toBe('string');
    expect(description!.trim()).not.toBe('');
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    for (const [id, message] of Object.entries(rule.meta.messages)) {
      expect(typeof message === 'string' && message.trim() !== '', `message ${id}`).toBe(true);
    }
  });

  it('ends every message as a sentence, with a full stop', () => {
    // A trailing placeholder adds whole sentences or nothing (`{{fixHint}}`): the text before it ends the message.
    for (const [id, message] of Object.entries(rule.meta.messages)) expect(message.replace(/(?:\{\{\w+\}\})+$/, ''), `message ${id}`).toMatch(/\.$/);
  });

  it('carries the config message only if it is valid-config, the one home of config problems', () => {
    expect(Object.keys(rule.meta.messages).includes('invalidConfig')).toBe(name === 'valid-config');
  });

  it('is an error in configs.strict, unless it is opt-in and then in no config', () => {
    const optIn = rule.meta.docs?.optIn === true;
    expect(plugin.configs.strict.rules?.[`openrouter/${name}`]).toBe(optIn ? undefined : 'error');
    if (optIn) expect(rule.meta.docs?.recommended).toBe(false);
  });

  it('is in configs.recommended exactly when meta.docs.recommended says so, at that severity', () => {
    const level = rule.meta.docs?.recommended;
    expect(plugin.configs.recommended.rules?.[`openrouter/${name}`]).toBe(level ? level : undefined);
  });
});

describe('configs', () => {
  it.each(configs)('%s has a name and registers the plugin', (key, config) => {
    expect(config.name).toBe(`openrouter/${key}`);
    expect(config.plugins?.openrouter).toBe(plugin);
  });

  it('only configure rules of this plugin', () => {
    for (const [, config] of configs) {
      for (const id of Object.keys(config.rules ?? {})) {
        expect(ruleNames).toContain(id.replace(/^openrouter\//, ''));
      }
    }
  });
});

describe('plugin meta', () => {
  it('names the package, its version and the rule namespace', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'openrouter' });
    expect(plugin.meta.name).toBe('eslint-plugin-openrouter');
  });

  it('src/version.ts matches package.json', () => {
    expect(version).toBe(packageJson.version);
  });
});

describe('package.json', () => {
  it('names the repository the rule docs link to', () => {
    expect(REPOSITORY_URL).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    expect(packageJson.repository).toEqual({ type: 'git', url: `git+${REPOSITORY_URL}.git` });
    expect(packageJson.homepage).toBe(`${REPOSITORY_URL}#readme`);
    expect(packageJson.bugs.url).toBe(`${REPOSITORY_URL}/issues`);
  });

  it('names the licence that LICENSE holds', () => {
    expect(packageJson.license).toBe('MIT');
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} \S/);
  });
});

describe('README', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('lists every supported client', () => {
    const start = readme.indexOf('## Supported clients');
    expect(start, '## Supported clients section').toBeGreaterThanOrEqual(0);
    const next = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, next === -1 ? undefined : next);
    for (const label of new Set(CLIENTS.map((row) => row.label))) {
      const escaped = label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      expect(section, `README names ${label}`).toMatch(new RegExp(`(?:^|[^\\w@/-])${escaped}(?:$|[^\\w/-])`));
    }
  });
});
