/** The walk behind `identityCacheKeys`: which package.json files it reads, its bound, and its errors. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { IDENTITY_DIGEST_SETTING } from '../src/configs/identity-cache-keys.js';
import { identityDigests } from '../src/analysis/identity/identity-digests.js';
import { clearProjectConfigCache } from '../src/analysis/identity/project-config.js';

let root: string;

beforeEach(() => {
  clearProjectConfigCache();
  root = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-openrouter-digests-'));
  mkdirSync(path.join(root, '.git'));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

function writePackage(folder: string, json: unknown): void {
  mkdirSync(path.join(root, folder), { recursive: true });
  writeFileSync(path.join(root, folder, 'package.json'), JSON.stringify(json));
}

const identity = (referer: string) => ({ openrouter: { referer, title: 'Acme' } });
const folders = (digests: ReturnType<typeof identityDigests>) => digests.packages.map((entry) => path.relative(root, entry.directory));

describe('identityDigests', () => {
  it('lists the packages with an identity or a broken package.json, parents first, and skips dependencies and build output', () => {
    writePackage('.', identity('https://acme.dev'));
    writePackage('packages/a/nested', identity('https://nested.dev'));
    writePackage('packages/a', identity('https://a.dev'));
    writePackage('packages/plain', { name: 'plain' });
    writePackage('packages/misspelt', { openRouter: { referer: 'https://m.dev' } });
    writePackage('node_modules/dep', identity('https://dep.dev'));
    writePackage('packages/a/dist', identity('https://dist.dev'));
    mkdirSync(path.join(root, 'packages/broken'), { recursive: true });
    writeFileSync(path.join(root, 'packages/broken/package.json'), '{');
    const digests = identityDigests(root);
    expect(digests.complete).toBe(true);
    expect(folders(digests).slice(0, 3).sort()).toEqual(['packages/a', 'packages/broken', 'packages/misspelt'].map((folder) => path.normalize(folder)));
    expect(folders(digests)[3]).toBe(path.normalize('packages/a/nested'));
    expect(folders(digests)).toHaveLength(4);
    expect(new Set([digests.root, ...digests.packages.map((entry) => entry.digest)]).size).toBe(5);
  });

  it('changes a digest with the identity field only, not with the rest of package.json', () => {
    writePackage('packages/a', { name: 'a', ...identity('https://a.dev') });
    const before = identityDigests(root).packages[0]!.digest;
    clearProjectConfigCache();
    writePackage('packages/a', { name: 'a', version: '2.0.0', ...identity('https://a.dev') });
    expect(identityDigests(root).packages[0]!.digest).toBe(before);
    clearProjectConfigCache();
    writePackage('packages/a', { name: 'a', ...identity('https://a2.dev') });
    expect(identityDigests(root).packages[0]!.digest).not.toBe(before);
  });

  it("lists a Python project's pyproject.toml identity, whose digest changes with its [tool.openrouter] table only", () => {
    mkdirSync(path.join(root, 'services/api'), { recursive: true });
    const pyproject = (referer: string, version = '1.0') => `[project]\nname = "api"\nversion = "${version}"\n\n[tool.openrouter]\nreferer = "${referer}"\n`;
    writeFileSync(path.join(root, 'services/api/pyproject.toml'), pyproject('https://api.acme.dev'));
    expect(folders(identityDigests(root))).toEqual([path.normalize('services/api')]);
    const before = identityDigests(root).packages[0]!.digest;
    clearProjectConfigCache();
    writeFileSync(path.join(root, 'services/api/pyproject.toml'), pyproject('https://api.acme.dev', '2.0'));
    expect(identityDigests(root).packages[0]!.digest).toBe(before);
    clearProjectConfigCache();
    writeFileSync(path.join(root, 'services/api/pyproject.toml'), pyproject('https://api2.acme.dev'));
    expect(identityDigests(root).packages[0]!.digest).not.toBe(before);
  });

  it('takes the root digest from a package.json above the folder, as the rules do', () => {
    writePackage('.', identity('https://acme.dev'));
    mkdirSync(path.join(root, 'app'));
    const before = identityDigests(path.join(root, 'app')).root;
    clearProjectConfigCache();
    writePackage('.', identity('https://acme.app'));
    expect(identityDigests(path.join(root, 'app')).root).not.toBe(before);
  });

  it('does not follow a symbolic link to a folder', () => {
    writePackage('elsewhere', identity('https://elsewhere.dev'));
    mkdirSync(path.join(root, 'packages'));
    symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'packages/link'), 'dir');
    expect(folders(identityDigests(root))).toEqual(['elsewhere']);
  });

  it('past the folder bound, reports the walk incomplete and gives new digests on every call', () => {
    for (const folder of ['a', 'b', 'c', 'd']) writePackage(folder, identity(`https://${folder}.dev`));
    const first = identityDigests(root, 2);
    expect(first.complete).toBe(false);
    const second = identityDigests(root, 2);
    expect(second.root).not.toBe(first.root);
    expect(identityDigests(root).complete).toBe(true);
  });
});

describe('identityCacheKeys', () => {
  it('gives a config object per identity, each holding the digest under its own settings key', () => {
    writePackage('packages/a', identity('https://a.dev'));
    const configs = plugin.identityCacheKeys(root);
    expect(configs.map((config) => config.name)).toEqual(['openrouter/identity-digest', `openrouter/identity-digest ${path.join(root, 'packages/a')}`]);
    for (const config of configs) {
      expect(Object.keys(config.settings ?? {})).toEqual([IDENTITY_DIGEST_SETTING]);
      expect(config.files).toEqual(['**/*']);
    }
  });

  it('names the argument it needs when given none', () => {
    expect(() => plugin.identityCacheKeys(undefined as unknown as string)).toThrow(
      "eslint-plugin-openrouter: identityCacheKeys(directory) takes the config file's folder (import.meta.dirname, or __dirname in CommonJS), got undefined",
    );
  });
});
