/**
 * The audit on Vue, Svelte and Astro components, through the built CLI: their scripts are found and
 * parsed with each framework's parser, findings are placed in the component file, `--fix` writes
 * into the script and leaves the markup as it was, the pre-filter passes over components that
 * cannot hold a site, markup that the parsers take minutes over is never parsed, and a named file
 * of a type the audit does not read is skipped with a note.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../built-package.js';
import { auditJson, BUILD_TIMEOUT_MS, ensureBuilt, identity, runCli, temporaryDirectory, writeTree } from './audit-cli.js';

const CLIENT = "const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: key });";
const COLUMN = CLIENT.indexOf('OpenAI(') + 1;
const FIXED = "apiKey: key, defaultHeaders: {\n  'HTTP-Referer': 'https://acme.dev',\n  'X-OpenRouter-Title': 'Acme Docs'\n} });";

const VUE = `<template>\n  <p :title="title">{{ title }}</p>\n</template>\n\n<script>\nexport default { name: 'Chat' };\n</script>\n\n<script setup lang="ts">\nimport OpenAI from 'openai';\nconst title: string = 'Chat';\n${CLIENT}\n</script>\n\n<style scoped>\np { color: red; }\n</style>\n`;
// A script inside <svelte:head> is markup, not the component's script.
const SVELTE = `<svelte:head>\n  <script type="application/ld+json">{ "@type": "WebSite" }</script>\n</svelte:head>\n\n<script lang="ts">\nimport OpenAI from 'openai';\nlet title: string = 'Chat';\n${CLIENT}\n</script>\n\n<button onclick={() => title > ''}>{title}</button>\n`;
const ASTRO = `---\nimport OpenAI from 'openai';\nconst title: string = 'Chat';\n${CLIENT}\n---\n<h1>{title}</h1>\n<script>\n  console.log('client side');\n</script>\n`;

let org: string;
let remove: () => void;

beforeAll(() => {
  ensureBuilt();
  ({ directory: org, remove } = temporaryDirectory('frontend'));
  writeTree(path.join(org, 'site'), {
    'package.json': identity('https://acme.dev', 'Acme Docs'),
    'src/Chat.vue': VUE,
    'src/Chat.svelte': SVELTE,
    'src/Chat.astro': ASTRO,
    // No OpenRouter here: never parsed, so its broken script is no parse error.
    'src/Plain.vue': '<template><p>x</p></template>\n<script>const = ;</script>\n',
    // OpenRouter named, script broken: parsed, and listed where it fails.
    'src/Broken.svelte': '<p>openrouter</p>\n<script>\nconst = ;\n</script>\n',
    'README.md': '# OpenRouter\n',
  });
}, BUILD_TIMEOUT_MS);
afterAll(() => remove());

const site = (file: string) => path.join(org, 'site', file);

describe('components', () => {
  it('are scanned, each finding at its line and column in the component file', () => {
    const { status, report } = auditJson(['site'], org);
    expect(status).toBe(1);
    const repository = report.repositories[0]!;
    expect(repository.filesScanned).toBe(5);
    expect(repository.findings.map((finding) => [finding.file, finding.line, finding.column, finding.ruleId, finding.fixable])).toEqual([
      ['src/Chat.astro', 4, COLUMN, 'openrouter/require-referer', true],
      ['src/Chat.svelte', 8, COLUMN, 'openrouter/require-referer', true],
      ['src/Chat.vue', 12, COLUMN, 'openrouter/require-referer', true],
    ]);
    // At the line of the broken statement; the column is the parser's own.
    expect(repository.parseErrors).toMatchObject([{ file: 'src/Broken.svelte', line: 3 }]);
  });

  it('--fix writes into the script, leaves the markup as it was, and the fixed file audits clean', () => {
    const { directory, remove: removeCopy } = temporaryDirectory('frontend-fix');
    try {
      writeTree(directory, { 'package.json': identity('https://acme.dev', 'Acme Docs'), 'Chat.vue': VUE, 'Chat.svelte': SVELTE, 'Chat.astro': ASTRO });
      const fixed = auditJson(['--fix', '.'], directory);
      expect(fixed.status, fixed.stderr).toBe(0);
      expect(fixed.report.repositories[0]).toMatchObject({ filesFixed: 3, findings: [], parseErrors: [] });
      for (const [file, original] of [['Chat.vue', VUE], ['Chat.svelte', SVELTE], ['Chat.astro', ASTRO]] as const) {
        const text = readFileSync(path.join(directory, file), 'utf8');
        expect(text, file).toBe(original.replace('apiKey: key });', FIXED));
      }
      const again = auditJson(['.'], directory);
      expect(again.status).toBe(0);
      expect(again.report.repositories[0]).toMatchObject({ sites: 3, attributed: 3, findings: [], parseErrors: [] });
    } finally {
      removeCopy();
    }
  });

  it('--list-sites lists their sites', () => {
    const { status, stdout } = runCli(['audit', '--list-sites', 'site'], org);
    expect(status).toBe(0);
    expect(stdout).toContain(`src/Chat.vue:12:${COLUMN}  openai  unattributed`);
    expect(stdout).toContain(`src/Chat.svelte:8:${COLUMN}  openai  unattributed`);
    expect(stdout).toContain(`src/Chat.astro:4:${COLUMN}  openai  unattributed`);
  });

  it('bounds the work: markup the parsers take minutes over is not parsed', () => {
    const { directory, remove: removeCopy } = temporaryDirectory('frontend-hostile');
    try {
      // Each near the size bound; under their parsers the first ran for over nine minutes, the last ran the Astro compiler out of memory.
      const svelte = `<script>\nimport OpenAI from 'openai';\n${CLIENT}\n</script>\n${'{#each a as b}{b}{/each}\n'.repeat(40_000)}`;
      const vue = `<script setup>\nimport OpenAI from 'openai';\n${CLIENT}\n</script>\n<template>${'<p :x="a">{{ a }}</p>\n'.repeat(45_000)}</template>\n`;
      const astro = `---\nimport OpenAI from 'openai';\n${CLIENT}\n---\n${'<p>openrouter</p>\n'.repeat(50_000)}`;
      writeTree(directory, { 'package.json': identity('https://acme.dev', 'Acme Docs'), 'a.svelte': svelte, 'b.vue': vue, 'c.astro': astro });
      const started = Date.now();
      const { report } = auditJson(['.'], directory);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(report.repositories[0]!.findings.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['a.svelte:3', 'b.vue:3', 'c.astro:3']);
    } finally {
      removeCopy();
    }
  });
});

describe('a named file of a type the audit does not read', () => {
  it('is skipped with a note, and the named components are audited', () => {
    const { status, stdout, stderr } = runCli(['audit', '--format', 'json', 'site/README.md', 'site/src/Chat.vue'], org);
    expect(status).toBe(1);
    expect(stderr).toContain('eslint-plugin-openrouter: skipped site/README.md: not a file the audit reads (.js .jsx .mjs .cjs .ts .tsx .mts .cts .vue .svelte .astro .py)');
    const report = JSON.parse(stdout) as { repositories: { findings: { file: string }[] }[] };
    expect(report.repositories.flatMap((repository) => repository.findings.map((finding) => finding.file))).toEqual(['site/src/Chat.vue']);
  });

  it('alone, exits 0 with the note', () => {
    writeFileSync(path.join(org, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const { status, stderr } = runCli(['audit', 'logo.png', 'site/README.md'], org);
    expect(status).toBe(0);
    expect(stderr).toContain('skipped logo.png: not a file the audit reads');
    expect(stderr).toContain('skipped site/README.md: not a file the audit reads');
  });
});

describe('the commit hooks', () => {
  it('pass components to the audit: the pre-commit hook\'s files pattern and the lint-staged recipe', () => {
    const [hook] = load(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { files: string }[];
    const files = new RegExp(hook!.files);
    for (const file of ['src/Chat.vue', 'src/routes/+page.svelte', 'src/pages/index.astro']) expect(files.test(file), file).toBe(true);
    expect(files.test('src/Chat.vue.orig')).toBe(false);
    const docs = readFileSync(path.join(REPO, 'docs/audit.md'), 'utf8');
    expect(docs).toContain('"*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,vue,svelte,astro}": "eslint-plugin-openrouter audit --fix"');
  });
});
