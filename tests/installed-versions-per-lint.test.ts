/**
 * A file's installed SDK versions are looked up once per lint, whatever the number of its sites
 * that set an option of another version: one lookup per package, not one per site.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it, vi } from 'vitest';
import plugin from '../src/index.js';
import * as installed from '../src/analysis/project-files/installed-version.js';
import { temporaryFolder } from './temporary-folders.js';

vi.mock('../src/analysis/project-files/installed-version.js', async (original) => {
  const actual = await original<typeof installed>();
  return { ...actual, installedVersion: vi.fn(actual.installedVersion) };
});

describe('installed versions per lint', () => {
  it('looks up the installed SDK once for a file with many sites', () => {
    const root = temporaryFolder('openrouter-sdk-lookups-');
    mkdirSync(path.join(root, '.git'));
    const sdk = path.join(root, 'node_modules', '@openrouter', 'sdk');
    mkdirSync(sdk, { recursive: true });
    writeFileSync(path.join(sdk, 'package.json'), JSON.stringify({ name: '@openrouter/sdk', version: '1.3.19' }));
    mkdirSync(path.join(root, 'src'));
    const filename = path.join(root, 'src', 'client.ts');
    const code = `import { OpenRouter } from '@openrouter/sdk';\n${Array.from({ length: 40 }, (_, index) => `new OpenRouter({ httpReferer: 'https://acme.dev', xTitle: 'Acme ${index}' });\n`).join('')}`;
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { openrouter: plugin }, rules: { 'openrouter/no-ignored-attribution': 'error' } },
    ];
    vi.mocked(installed.installedVersion).mockClear();
    const messages = new Linter({ configType: 'flat', cwd: tmpdir() }).verify(code, config, { filename });
    expect(messages.filter((message) => message.messageId === 'otherVersionOption')).toHaveLength(40);
    expect(vi.mocked(installed.installedVersion).mock.calls.map(([, name]) => name)).toEqual(['@openrouter/sdk']);
  });
});
