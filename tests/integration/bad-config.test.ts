/**
 * Bad project configs, one project per problem: the same four source files
 * (tests/fixtures/bad-config-sources) under a package.json whose "openrouter" field holds the problem:
 * - src/client.ts: an @openrouter/sdk client without a referer (require-referer, line 3);
 * - src/chat.mjs: a fetch with a category typo, independent of the config (valid-categories, line 7);
 * - src/dev.cjs: an openai client with a localhost referer and no title (require-title-for-localhost, line 6);
 * - src/format.js: no OpenRouter site.
 * The problem is reported by `valid-config` alone, at line 1 of one file with sites, once per run;
 * the bad key is dropped and the rest of the config still feeds the fixes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Linter } from 'eslint';
import { clearProjectConfigCache } from '../../src/analysis/identity/project-config.js';
import { expectStableFix, finding, FIXTURES, lintProject, type Finding } from './lint-project.js';

const SOURCES = path.join(FIXTURES, 'bad-config-sources');

/** A project of the shared sources whose package.json has the given text as its "openrouter" field. */
const created: string[] = [];
afterAll(() => {
  for (const root of created) rmSync(root, { recursive: true, force: true });
});

function badProject(name: string, field: string): string {
  const root = mkdtempSync(path.join(tmpdir(), `openrouter-${name}-`));
  created.push(root);
  cpSync(SOURCES, root, { recursive: true });
  writeFileSync(path.join(root, 'package.json'), `{\n  "name": "acme-chat",\n  "private": true,\n  "openrouter": ${field}\n}\n`);
  return root;
}
const SITE_FILES = ['src/chat.mjs', 'src/client.ts', 'src/dev.cjs'];
const CONFIG_FREE_FINDINGS: Record<string, Finding[]> = {
  'src/chat.mjs': [finding('valid-categories', 'unknownCategory', 7)],
  'src/client.ts': [finding('require-referer', 'missingReferer', 3)],
  'src/dev.cjs': [finding('require-title-for-localhost', 'localhostWithoutTitle', 6)],
  'src/format.js': [],
};

interface BadConfigCase {
  fixture: string;
  /** The package.json "openrouter" field, as written (malformed on purpose in one case). */
  field: string;
  /** Each expected problem: text the message must contain (the key, in `openrouter.key` form). */
  problems: (string | RegExp)[];
  /** What the fixes still insert from the valid keys. */
  clientFix: string | null;
  devFix: string | null;
}

const CLIENT_OPEN = "  apiKey: process.env.OPENROUTER_API_KEY ?? '',\n";
const DEV_TITLE = "  defaultHeaders: { 'HTTP-Referer': 'http://localhost:3000', 'X-OpenRouter-Title': 'Acme Chat' },";

const CASES: BadConfigCase[] = [
  {
    fixture: 'unknown-key',
    field: '{ "referer": "https://acme.dev", "title": "Acme Chat", "categroies": ["roleplay"] }',
    problems: ['openrouter.categroies: unknown key (did you mean "categories"?)'],
    clientFix: `${CLIENT_OPEN}  httpReferer: 'https://acme.dev',\n  appTitle: 'Acme Chat',\n});`,
    devFix: DEV_TITLE,
  },
  {
    fixture: 'referer-not-http',
    field: '{ "referer": "ftp://acme.dev", "title": "Acme Chat", "categories": ["roleplay"] }',
    problems: ['openrouter.referer: "ftp://acme.dev" is not an absolute http(s) URL'],
    clientFix: null,
    devFix: DEV_TITLE,
  },
  {
    fixture: 'referer-relative',
    field: '{ "referer": "/chat", "title": "Acme Chat", "categories": ["roleplay"] }',
    problems: ['openrouter.referer: "/chat" is not an absolute http(s) URL'],
    clientFix: null,
    devFix: DEV_TITLE,
  },
  {
    fixture: 'referer-placeholder',
    field: '{ "referer": "https://your-site.com", "title": "Acme Chat", "categories": ["roleplay"] }',
    problems: ['openrouter.referer: "https://your-site.com" is a placeholder'],
    clientFix: null,
    devFix: DEV_TITLE,
  },
  {
    fixture: 'localhost-referer-without-title',
    field: '{ "referer": "http://localhost:3000", "categories": ["roleplay"] }',
    problems: ['openrouter.referer: "http://localhost:3000" is a localhost URL, which OpenRouter tracks only with a title'],
    clientFix: null,
    devFix: null,
  },
  {
    fixture: 'unknown-category',
    field: '{ "referer": "https://acme.dev", "title": "Acme Chat", "categories": ["rolepaly"] }',
    problems: ['openrouter.categories: unknown category "rolepaly" (did you mean "roleplay"?)'],
    clientFix: `${CLIENT_OPEN}  httpReferer: 'https://acme.dev',\n  appTitle: 'Acme Chat',\n});`,
    devFix: DEV_TITLE,
  },
  {
    fixture: 'too-many-categories',
    field: '{ "referer": "https://acme.dev", "title": "Acme Chat", "categories": ["roleplay", "game", "general-chat"] }',
    problems: ['openrouter.categories: 3 categories given; OpenRouter takes at most 2'],
    clientFix: `${CLIENT_OPEN}  httpReferer: 'https://acme.dev',\n  appTitle: 'Acme Chat',\n});`,
    devFix: DEV_TITLE,
  },
  {
    fixture: 'title-above-latin1',
    field: '{ "referer": "https://acme.dev", "title": "Acme \u2014 Chat", "categories": ["roleplay"] }',
    problems: ['openrouter.title: "Acme — Chat" contains "—" (U+2014)'],
    clientFix: `${CLIENT_OPEN}  httpReferer: 'https://acme.dev',\n  appCategories: 'roleplay',\n});`,
    devFix: null,
  },
  {
    fixture: 'title-line-break',
    field: '{ "referer": "https://acme.dev", "title": "Acme\\r\\nChat", "categories": ["roleplay"] }',
    problems: [/openrouter\.title: .* contains a line break/],
    clientFix: `${CLIENT_OPEN}  httpReferer: 'https://acme.dev',\n  appCategories: 'roleplay',\n});`,
    devFix: null,
  },
  {
    fixture: 'generic-title',
    field: '{ "referer": "https://acme.dev", "title": "AI Chatbot", "categories": ["roleplay"] }',
    problems: ['openrouter.title: "AI Chatbot" is a generic name'],
    clientFix: `${CLIENT_OPEN}  httpReferer: 'https://acme.dev',\n  appCategories: 'roleplay',\n});`,
    devFix: null,
  },
  {
    fixture: 'wrong-types',
    field: '{ "referer": "https://acme.dev", "title": 42, "categories": { "primary": "roleplay" } }',
    problems: [
      'openrouter.title: must be the app\'s name as a non-empty string, got number 42',
      'openrouter.categories: must be an array of slugs or a comma-separated string, got an object',
    ],
    clientFix: `${CLIENT_OPEN}  httpReferer: 'https://acme.dev',\n});`,
    devFix: null,
  },
  {
    fixture: 'malformed-json',
    field: '{ "referer": "https://acme.dev", "title": "Acme Chat", }',
    problems: [/: is not valid JSON at line \d+, column \d+; no attribution is read for this package\.$/],
    clientFix: null,
    devFix: null,
  },
  {
    fixture: 'field-not-object',
    field: '42',
    problems: ['openrouter: must be an object like { "referer": "https://myapp.example", "title": "My App" }, got number 42'],
    clientFix: null,
    devFix: null,
  },
];

beforeEach(() => clearProjectConfigCache());

/** The config messages of a lint, with the file each is in; no other rule may carry one. */
function configReports(messages: Record<string, Linter.LintMessage[]>): { file: string; message: Linter.LintMessage }[] {
  const reports = Object.entries(messages).flatMap(([file, list]) => list.filter((message) => message.messageId === 'invalidConfig').map((message) => ({ file, message })));
  for (const { message } of reports) expect(message.ruleId).toBe('openrouter/valid-config');
  return reports;
}

describe.each(CASES)('bad config: $fixture', ({ fixture, field, problems, clientFix, devFix }) => {
  const cwd = badProject(fixture, field);
  const packageJson = path.join(cwd, 'package.json');

  it('reports the problem once, under valid-config in one file with sites, naming the file and key, and still lints the project', async () => {
    const { findings, messages } = await lintProject(cwd);
    const reports = configReports(messages);
    expect(reports).toHaveLength(problems.length);
    // All in the first file that met the config, which is a file with sites.
    expect(new Set(reports.map((report) => report.file)).size).toBe(1);
    expect(SITE_FILES).toContain(reports[0]!.file);
    problems.forEach((problem, index) => {
      const { file, message } = reports[index]!;
      expect(message.line, file).toBe(1);
      expect(message.column, file).toBe(1);
      expect(message.message, file).toMatch(/^Invalid OpenRouter attribution config: .*\.$/);
      expect(message.message, file).toContain(`${packageJson}:`);
      if (typeof problem === 'string') expect(message.message, file).toContain(problem);
      else expect(message.message, file).toMatch(problem);
    });
    for (const file of SITE_FILES) {
      expect(findings[file]!.filter((item) => item.messageId !== 'invalidConfig'), file).toEqual(CONFIG_FREE_FINDINGS[file]);
    }
    // No sites, no config report.
    expect(findings['src/format.js']).toEqual([]);
  });

  it('fixes with the keys that are still valid, and only those', async () => {
    const { outputs, findings } = await lintProject(cwd, { fix: true });
    const expected = [clientFix && 'src/client.ts', devFix && 'src/dev.cjs'].filter((file): file is string => !!file);
    expect(Object.keys(outputs).sort()).toEqual(expected);
    if (clientFix) expect(outputs['src/client.ts']).toContain(`new OpenRouter({\n${clientFix}`);
    if (devFix) expect(outputs['src/dev.cjs']).toContain(devFix);
    // The config problem (once) and the unfixable findings are still reported after the fix.
    expect(Object.values(findings).flat().filter((item) => item.messageId === 'invalidConfig')).toHaveLength(problems.length);
    const unfixable: Record<string, Finding[]> = {
      'src/client.ts': clientFix ? [] : CONFIG_FREE_FINDINGS['src/client.ts']!,
      'src/dev.cjs': devFix ? [] : CONFIG_FREE_FINDINGS['src/dev.cjs']!,
    };
    for (const [file, output] of Object.entries(outputs)) await expectStableFix(cwd, file, output, { unfixable: unfixable[file] });
    for (const file of ['src/client.ts', 'src/dev.cjs']) {
      expect(findings[file]!.filter((item) => item.messageId !== 'invalidConfig'), file).toEqual(unfixable[file]);
    }
  });
});

describe('bad settings.openrouter', () => {
  const cwd = path.join(FIXTURES, 'settings-identity');

  it('names the settings key and keeps the valid keys', async () => {
    const settings = { referer: 'acmenotes.app', title: 'Acme Notes', categorie: ['writing-assistant'] };
    const { messages, outputs } = await lintProject(cwd, { settings, fix: true });
    const problems = configReports(messages).map(({ message }) => message.message);
    expect(problems).toEqual([
      expect.stringContaining('settings.openrouter.categorie: unknown key (did you mean "categories"?)'),
      expect.stringContaining('settings.openrouter.referer: "acmenotes.app" is not an absolute http(s) URL'),
    ]);
    // No referer, so require-referer cannot fix; the title still reaches the localhost client.
    expect(outputs['src/openrouter-client.ts']).toBeUndefined();
    expect(outputs['src/legacy.cjs']).toContain("'X-OpenRouter-Title': 'Acme Notes'");
    // Each problem once in the run, in one file, although five files have sites.
    expect(new Set(configReports(messages).map((report) => report.file)).size).toBe(1);
  });

  it('reports settings that are not an object', async () => {
    const { messages } = await lintProject(cwd, { settings: 'https://acmenotes.app' });
    const config = configReports(messages);
    expect(config.map(({ message }) => message.message)).toEqual([expect.stringContaining('settings.openrouter: must be an object')]);
  });

  it('fills in from settings when the package.json is malformed, and still reports the package.json', async () => {
    const fixture = badProject('malformed-json', CASES.find((item) => item.fixture === 'malformed-json')!.field);
    const settings = { referer: 'https://acme.dev', title: 'Acme Chat' };
    const { outputs, messages } = await lintProject(fixture, { settings, fix: true });
    expect(outputs['src/client.ts']).toContain(`${CLIENT_OPEN}  httpReferer: 'https://acme.dev',\n  appTitle: 'Acme Chat',\n});`);
    expect(outputs['src/dev.cjs']).toContain(DEV_TITLE);
    expect(configReports(messages).map(({ message }) => message.message)).toEqual([
      expect.stringContaining(`${path.join(fixture, 'package.json')}: is not valid JSON`),
    ]);
    expect(messages['src/client.ts']!.filter((message) => message.ruleId !== 'openrouter/valid-config')).toEqual([]);
  });

  it.each([
    ['titel', 'title'],
    ['refferer', 'referer'],
    ['additionalGenericWords', 'additionalGenericTitleWords'],
    ['additionalCategory', 'additionalCategories'],
  ])('suggests the intended key for the typo %j', async (typo, intended) => {
    const { messages } = await lintProject(cwd, { settings: { [typo]: 'x' } });
    const [report, ...others] = configReports(messages);
    expect(others).toEqual([]);
    expect(report?.message.message).toContain(`settings.openrouter.${typo}: unknown key (did you mean "${intended}"?)`);
  });
});

describe.each([['openRouter'], ['open-router'], ['OpenRouter']])('a package.json field spelt %j', (spelling) => {
  it('is named with did-you-mean, once, and no outer identity is borrowed', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'openrouter-namespace-'));
    created.push(root);
    cpSync(SOURCES, path.join(root, 'app'), { recursive: true });
    // The outer package has an identity; the app meant to give its own.
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'outer', openrouter: { referer: 'https://outer.dev', title: 'Outer' } }));
    writeFileSync(path.join(root, 'app', 'package.json'), JSON.stringify({ name: 'acme-chat', [spelling]: { referer: 'https://acme.dev', title: 'Acme Chat' } }));
    const cwd = path.join(root, 'app');
    const { messages, outputs } = await lintProject(cwd, { fix: true });
    expect(configReports(messages).map(({ message }) => message.message)).toEqual([
      `Invalid OpenRouter attribution config: ${path.join(cwd, 'package.json')}: field ${JSON.stringify(spelling)} is not read (did you mean "openrouter"?); no attribution is read for this package.`,
    ]);
    expect(outputs).toEqual({});
  });
});

describe('ESLint never throws on a bad config', () => {
  const fixtures = CASES.map(({ fixture, field }) => badProject(fixture, field));

  it('lints every bad fixture, with and without fix, without a fatal message', async () => {
    for (const cwd of fixtures) {
      for (const fix of [false, true]) {
        const lint = await lintProject(cwd, { fix, settings: { referer: 42, title: ['x'], categories: 'nope,also-nope,third', unknown: null } });
        const fatal = lint.results.flatMap((result) => result.messages.filter((message) => message.fatal));
        expect(fatal, cwd).toEqual([]);
        expect(lint.results).toHaveLength(4);
      }
    }
  });

  it('keeps the fixture files untouched (fixes are returned, not written)', () => {
    expect(readFileSync(path.join(SOURCES, 'src/client.ts'), 'utf8')).not.toContain('httpReferer');
  });
});
