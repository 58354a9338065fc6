/** The file an import names is looked up once per linted file, whatever the number of calls through it. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findPythonSites } from '../../src/analysis/python/find-python-sites.js';
import * as moduleFiles from '../../src/analysis/python/module-files.js';
import { parsePython } from '../../src/analysis/python/parse.js';
import { temporaryFolder } from '../temporary-folders.js';

vi.mock('../../src/analysis/python/module-files.js', async (original) => {
  const actual = await original<typeof moduleFiles>();
  return { ...actual, moduleFile: vi.fn(actual.moduleFile) };
});

describe('Python import lookups', () => {
  it('asks where `requests` comes from once for a thousand calls through it', () => {
    const root = temporaryFolder('openrouter-python-lookups-');
    writeFileSync(path.join(root, 'pyproject.toml'), '[project]\nname = "app"\n');
    const calls = Array.from({ length: 1_000 }, (_, index) => `requests.post(URL, headers={"X-Id": "${index}"}, json=payload)\n`).join('');
    const code = `import requests\nURL = "https://openrouter.ai/api/v1/chat/completions"\n${calls}`;
    vi.mocked(moduleFiles.moduleFile).mockClear();
    const sites = findPythonSites(parsePython(code), path.join(root, 'client.py'));
    expect(sites).toHaveLength(1_000);
    expect(vi.mocked(moduleFiles.moduleFile).mock.calls.map(([, module]) => module)).toEqual(['requests']);
  });
});
