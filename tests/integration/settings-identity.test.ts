/** A project whose identity comes only from `settings.openrouter` (its package.json has no "openrouter" field). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearProjectConfigCache } from '../../src/analysis/identity/project-config.js';
import { expectStableFix, finding, FIXTURES, lintProject } from './lint-project.js';

const cwd = path.join(FIXTURES, 'settings-identity');
const settings = { referer: 'https://acmenotes.app', title: 'Acme Notes', categories: ['writing-assistant', 'personal-agent'] };

beforeEach(() => clearProjectConfigCache());

describe('identity from settings.openrouter', () => {
  it('reports every unattributed site, in every file type', async () => {
    const { findings } = await lintProject(cwd, { settings });
    expect(findings).toEqual({
      'src/attributed.js': [],
      'src/components/ChatPanel.tsx': [finding('require-referer', 'missingReferer', 13)],
      'src/legacy.cjs': [finding('require-title-for-localhost', 'localhostWithoutTitle', 8)],
      'src/openrouter-client.ts': [finding('require-referer', 'missingReferer', 3)],
      'src/provider.mjs': [finding('require-referer', 'missingReferer', 4)],
    });
  });

  it('reports the same findings without settings, but offers no fix', async () => {
    const withSettings = await lintProject(cwd, { settings });
    const { findings, outputs } = await lintProject(cwd, { fix: true });
    expect(findings).toEqual(withSettings.findings);
    expect(outputs).toEqual({});
  });

  it('fixes each client in its own form with the configured values', async () => {
    const { findings, outputs } = await lintProject(cwd, { settings, fix: true });
    expect(Object.values(findings).flat()).toEqual([]);
    expect(Object.keys(outputs).sort()).toEqual([
      'src/components/ChatPanel.tsx',
      'src/legacy.cjs',
      'src/openrouter-client.ts',
      'src/provider.mjs',
    ]);

    // @openrouter/sdk: its own options, one a line like the object it joins.
    expect(outputs['src/openrouter-client.ts']).toContain(
      [
        'export const openRouter = new OpenRouter({',
        "  apiKey: process.env.OPENROUTER_API_KEY ?? '',",
        "  httpReferer: 'https://acmenotes.app',",
        "  appTitle: 'Acme Notes',",
        "  appCategories: 'writing-assistant,personal-agent',",
        '});',
      ].join('\n'),
    );
    // fetch in a React component: headers joined to the existing multi-line headers object.
    expect(outputs['src/components/ChatPanel.tsx']).toContain(
      [
        '      headers: {',
        '        Authorization: `Bearer ${apiKey}`,',
        "        'Content-Type': 'application/json',",
        "        'HTTP-Referer': 'https://acmenotes.app',",
        "        'X-OpenRouter-Title': 'Acme Notes',",
        "        'X-OpenRouter-Categories': 'writing-assistant,personal-agent',",
        '      },',
      ].join('\n'),
    );
    // openai through require(): the localhost referer gets the configured title, nothing else changes.
    expect(outputs['src/legacy.cjs']).toContain(
      "  defaultHeaders: { 'HTTP-Referer': 'http://localhost:5173', 'X-OpenRouter-Title': 'Acme Notes' },",
    );
    // AI SDK provider: appUrl/appName options, categories through its headers option.
    expect(outputs['src/provider.mjs']).toContain(
      [
        "const openrouter = createOpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, appUrl: 'https://acmenotes.app', appName: 'Acme Notes', headers: {",
        "  'X-OpenRouter-Categories': 'writing-assistant,personal-agent'",
        '} });',
      ].join('\n'),
    );

    for (const [file, output] of Object.entries(outputs)) await expectStableFix(cwd, file, output, { settings });
  });

  it('changes only the lines of the sites it fixes', async () => {
    const { outputs } = await lintProject(cwd, { settings, fix: true });
    for (const [file, output] of Object.entries(outputs)) {
      const before = readFileSync(path.join(cwd, file), 'utf8').split('\n');
      const after = output.split('\n');
      const added = after.filter((line) => !before.includes(line));
      const removed = before.filter((line) => !after.includes(line));
      // At most one original line is rewritten (a one-line object gains entries); the rest is insertion.
      expect(removed.length, file).toBeLessThanOrEqual(1);
      expect(added.length, file).toBeGreaterThan(0);
      // Every added line carries a configured value, or opens or closes the object the fix adds.
      for (const line of added) expect(line, file).toMatch(/acmenotes\.app|Acme Notes|writing-assistant|^\s*(?:\w+: \{|\}[\s}),;]*)$/);
    }
  });
});
