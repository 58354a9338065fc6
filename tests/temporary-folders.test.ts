/** The test suite's temporary folders go when their test file ends: a run leaves none behind in the temp folder. */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTemporaryFolders, temporaryFolder } from './temporary-folders.js';

describe('temporary folders', () => {
  it('are removed, contents and all, by the clean-up the setup file runs after each test file', () => {
    const folders = [temporaryFolder('openrouter-cleanup-'), temporaryFolder('openrouter-cleanup-')];
    writeFileSync(path.join(folders[0]!, 'file.ts'), 'export {};\n');
    expect(folders.every((folder) => existsSync(folder))).toBe(true);
    removeTemporaryFolders();
    expect(folders.some((folder) => existsSync(folder))).toBe(false);
  });
});
