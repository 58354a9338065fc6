/** A Python project's identity in its pyproject.toml (`[tool.openrouter]`), read and checked as the package.json field is. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearPackageCache } from '../../src/analysis/identity/package-identity.js';
import { loadProjectAttribution } from '../../src/analysis/identity/project-config.js';
import { temporaryFolder } from '../temporary-folders.js';

function project(files: Record<string, string>): string {
  const root = temporaryFolder('openrouter-pyproject-');
  mkdirSync(path.join(root, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

afterEach(clearPackageCache);

describe('[tool.openrouter] in pyproject.toml', () => {
  it('gives the identity of the Python files below it', () => {
    const root = project({
      'pyproject.toml': '[project]\nname = "acme"\n\n[tool.openrouter]\nreferer = "https://acme.dev"\ntitle = "Acme Docs"\ncategories = ["cli-agent"]\n',
      'acme/app.py': '',
    });
    const config = loadProjectAttribution(undefined, path.join(root, 'acme', 'app.py'));
    expect(config.problems).toEqual([]);
    expect(config.attribution).toMatchObject({ referer: 'https://acme.dev', title: 'Acme Docs', categories: ['cli-agent'] });
  });

  it('is checked as the package.json field is, and named as the table it is', () => {
    const root = project({ 'pyproject.toml': '[tool.openrouter]\nreferer = "acme.dev"\n', 'app.py': '' });
    const config = loadProjectAttribution(undefined, path.join(root, 'app.py'));
    expect(config.attribution.referer).toBeNull();
    expect(config.problems).toHaveLength(1);
    expect(config.problems[0]).toContain(`${path.join(root, 'pyproject.toml')}: tool.openrouter.referer`);
  });

  it('ends the lookup when it is not valid TOML, naming the place but never quoting the text', () => {
    const root = project({ 'pyproject.toml': '[tool.openrouter]\nreferer = sk-or-v1-secret\n', 'app.py': '' });
    const config = loadProjectAttribution(undefined, path.join(root, 'app.py'));
    expect(config.problems).toEqual([`${path.join(root, 'pyproject.toml')}: is not valid TOML at line 2, column 11; no attribution is read for this project`]);
  });

  it('comes after a package.json with its own field in the same folder, and is not looked for past the repository', () => {
    const both = project({
      'package.json': JSON.stringify({ name: 'acme', openrouter: { referer: 'https://from-package.dev' } }),
      'pyproject.toml': '[tool.openrouter]\nreferer = "https://from-pyproject.dev"\n',
      'app.py': '',
    });
    expect(loadProjectAttribution(undefined, path.join(both, 'app.py')).attribution.referer).toBe('https://from-package.dev');
    const none = project({ 'pyproject.toml': '[project]\nname = "acme"\n', 'app.py': '' });
    expect(loadProjectAttribution(undefined, path.join(none, 'app.py')).attribution.referer).toBeNull();
  });
});
