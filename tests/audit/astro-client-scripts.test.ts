/** An Astro page's client-side `<script>` elements: audited as TypeScript of their own, fixed in place. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroClientScripts } from '../../src/hosts/audit/component-scripts.js';
import { auditJson, BUILD_TIMEOUT_MS, ensureBuilt, findingLines, identity, temporaryDirectory, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: repo, remove } = temporaryDirectory('astro-client');
afterAll(remove);

const PAGE = [
  '---',
  "const title = 'Chat';",
  '---',
  '<html>',
  '  <body>',
  '    <script type="application/ld+json">{"url": "https://openrouter.ai/api/v1/chat/completions"}</script>',
  '    <script>',
  '      const key = import.meta.env.PUBLIC_KEY;',
  "      await fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', headers: { Authorization: `Bearer ${key}` }, body: '{}' });",
  '    </script>',
  '  </body>',
  '</html>',
  '',
].join('\n');

writeTree(repo, { 'package.json': identity('https://acme-astro.dev', 'Acme Astro'), 'src/pages/index.astro': PAGE });

describe('Astro client scripts', () => {
  it('keeps only the scripts the browser runs, at their places, and none where there are none', () => {
    const scripts = astroClientScripts(PAGE)!;
    expect(scripts).toHaveLength(PAGE.length);
    expect(scripts.split('\n')).toHaveLength(PAGE.split('\n').length);
    expect(scripts).toContain("await fetch('https://openrouter.ai/api/v1/chat/completions'");
    expect(scripts).not.toContain('ld+json');
    expect(scripts).not.toContain('<script');
    expect(scripts).not.toContain("const title = 'Chat'");
    expect(astroClientScripts("---\nconst a = '<script>';\n---\n<p>none</p>\n")).toBeNull();
  });

  it('reports a request in one at its line, and --fix writes the identity there, leaving the page otherwise as it was', () => {
    const { report } = auditJson(['.'], repo);
    expect(findingLines(report).map((line) => line.split(': ')[1])).toEqual(['src/pages/index.astro:9 openrouter/require-referer']);
    auditJson(['--fix', '.'], repo);
    const fixed = readFileSync(path.join(repo, 'src/pages/index.astro'), 'utf8');
    expect(fixed).toBe(PAGE.replace('headers: { Authorization: `Bearer ${key}` }', "headers: { Authorization: `Bearer ${key}`, 'HTTP-Referer': 'https://acme-astro.dev', 'X-OpenRouter-Title': 'Acme Astro' }"));
    expect(auditJson(['.'], repo).report.summary.findings).toBe(0);
  });
});
