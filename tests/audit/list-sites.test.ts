/** `audit --list-sites` through the built CLI: every site with its place, client, attribution and identity, in text and JSON. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteInventory } from '../../src/hosts/audit/list-sites.js';
import { auditJson, BUILD_TIMEOUT_MS, ensureBuilt, identity, runCli, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: org, remove } = temporaryDirectory('list-sites');
afterAll(remove);

const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef';
writeTree(org, {
  'app/package.json': identity('https://acme-notes.dev', 'Acme Notes'),
  'app/src/env.mjs': [
    "import OpenAI from 'openai';",
    'export const client = new OpenAI({',
    "  baseURL: 'https://openrouter.ai/api/v1',",
    "  defaultHeaders: { 'HTTP-Referer': process.env.SITE_URL || 'https://acme-notes.dev', 'X-OpenRouter-Title': process.env.APP_TITLE },",
    '});',
    '',
  ].join('\n'),
  'app/src/client.ts': UNATTRIBUTED_CLIENT,
  'app/src/spread.ts': [
    "import OpenAI from 'openai';",
    "export const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { ...headers() } });",
    '',
  ].join('\n'),
  'app/src/literal.js': [
    "fetch('https://openrouter.ai/api/v1/chat/completions', {",
    "  method: 'POST',",
    `  headers: { 'HTTP-Referer': 'https://bob:${KEY}@acme-notes.dev', 'X-OpenRouter-Title': 'Acme\\u001b[2J Notes', 'X-OpenRouter-Categories': 'cli-agent,programming-app' },`,
    "  body: '{}',",
    '});',
    '',
  ].join('\n'),
  'app/src/plain.ts': 'export const answer = 42;\n',
  'app/src/broken.js': "import OpenAI from 'openai';\nconst openrouter = ;\n",
});

describe('--list-sites', () => {
  it('lists every site in text, with the identity each sends where the code tells it, and exits 0 whatever the findings', () => {
    const { status, stdout, stderr } = runCli(['audit', '--list-sites', 'app'], org);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')).toEqual([
      `${org}/app: 4 OpenRouter sites, 2 attributed`,
      '  src/client.ts:2:27  openai  unattributed  referer not sent, title not sent, categories not sent',
      '  src/env.mjs:2:27  openai  attributed  referer from the environment (SITE_URL) or "https://acme-notes.dev", title from the environment (APP_TITLE), categories not sent',
      // The key in the URL's password is masked, the escape sequence shown inert.
      '  src/literal.js:1:1  fetch  attributed  referer "https://bob:[secret]@acme-notes.dev", title "Acme\\u001b[2J Notes", categories "cli-agent,programming-app"',
      '  src/spread.ts:2:27  openai  attribution unknown  referer unknown, title unknown, categories unknown',
      '  not parsed, so not listed (1)',
      '    src/broken.js:2:20',
      '',
      'Sites: 1 repository, 4 OpenRouter sites, 2 attributed, 1 file not parsed',
      '',
    ]);
    expect(stdout).not.toContain(KEY.slice(10));
  });

  it('lists the same sites the report counts, as versioned JSON', () => {
    const { status, stdout } = runCli(['audit', '--list-sites', '--format', 'json', 'app'], org);
    expect(status).toBe(0);
    const inventory = JSON.parse(stdout) as SiteInventory;
    expect(inventory).toMatchObject({ version: 1, kind: 'sites', config: 'recommended', summary: { repositories: 1, sites: 4, attributed: 2, parseErrors: 1 } });
    const [repository] = inventory.repositories;
    expect(repository!.parseErrors).toEqual([{ file: 'src/broken.js', line: 2, column: 20 }]);
    expect(repository!.sites[1]).toEqual({
      file: 'src/env.mjs',
      line: 2,
      column: 27,
      client: 'openai',
      attributed: true,
      referer: [{ kind: 'environment', name: 'SITE_URL' }, { kind: 'text', text: 'https://acme-notes.dev' }],
      title: [{ kind: 'environment', name: 'APP_TITLE' }],
      categories: null,
    });
    expect(repository!.sites[2]!.title).toEqual([{ kind: 'text', text: 'Acme\u001b[2J Notes' }]);
    expect(stdout).toContain('"Acme\\u001b[2J Notes"');
    expect(repository!.sites[3]).toMatchObject({ file: 'src/spread.ts', attributed: null, referer: [{ kind: 'unknown' }] });
    const { report } = auditJson(['app'], org);
    expect(report.summary).toMatchObject({ sites: inventory.summary.sites, attributed: inventory.summary.attributed });
  });

  it.each([
    [['--format', 'sarif'], '--list-sites prints text or json; --format sarif is for findings'],
    [['--format', 'github'], '--list-sites prints text or json; --format github is for findings'],
    [['--fix'], '--list-sites lists the sites of a run; --fix does not apply to it'],
    [['--quiet'], '--list-sites lists the sites of a run; --quiet does not apply to it'],
    [['--max-warnings', '0'], '--list-sites lists the sites of a run; --max-warnings does not apply to it'],
    [['--merge'], '--list-sites lists the sites of a run; --merge does not apply to it'],
  ])('refuses %j with a usage error', (args, message) => {
    const { status, stdout, stderr } = runCli(['audit', '--list-sites', ...args, 'app'], org);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(`eslint-plugin-openrouter: ${message}`);
  });
});
