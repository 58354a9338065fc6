/**
 * A specifier is resolved once from its folder, whatever the number of files that import it within a
 * few seconds: each resolution stats every candidate extension, and a project's files import the same
 * modules. The module's text is still checked for a new version on every import.
 */
import * as fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { lintAt, tempPackage } from './temp-package.js';

vi.mock('node:fs', async (original) => {
  const actual = await original<typeof fs>();
  return { ...actual, statSync: vi.fn(actual.statSync), default: { ...actual, statSync: vi.fn(actual.statSync) } };
});

const CLIENT = "import OpenAI from 'openai';\nimport { H } from './shared/headers';\nnew OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: H });\n";

describe('import resolution across files', () => {
  it('stats the candidates of a specifier once for many importing files, and the module on every import', () => {
    const src = tempPackage({ 'shared/headers.ts': "export const H = { 'X-OpenRouter-Title': 'Acme' };\n" }, { name: 'resolution-app', private: true });
    const stats = vi.mocked(fs.statSync);
    stats.mockClear();
    for (let index = 0; index < 5; index++) {
      const { messages } = lintAt(path.join(src, `client${index}.js`), CLIENT);
      // The title is read from the module each time: the import was followed.
      expect(messages.map((message) => message.messageId)).toContain('titleWithoutReferer');
    }
    const statted = stats.mock.calls.map(([file]) => String(file)).filter((file) => file.includes(`${path.sep}shared${path.sep}headers`));
    const candidates = statted.filter((file) => !file.endsWith(`headers.ts`));
    // `.tsx`, `.mts`, `.cts`, `.js`, `.jsx`, `.mjs`, `.cjs`: each asked once, not once per file.
    expect(new Set(candidates).size).toBe(candidates.length);
    expect(candidates.length).toBeGreaterThan(0);
    expect(statted.filter((file) => file.endsWith('headers.ts')).length).toBeGreaterThanOrEqual(5);
  });
});
