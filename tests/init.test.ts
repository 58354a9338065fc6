/**
 * `eslint-plugin-openrouter init` through the built CLI: the identity written into the nearest
 * package.json with its formatting kept, every value the rules would report refused with
 * valid-config's own message (the one the audit reports for the same field), the prompt on a
 * terminal, and the JSON schema of the field in step with what the validation accepts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_CATEGORIES, packageFieldProblems } from '../src/analysis/index.js';
import { initMain } from '../src/hosts/init/cli.js';
import { auditJson, BIN, BUILD_TIMEOUT_MS, ensureBuilt, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit/audit-cli.js';
import { REPO } from './built-package.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: root, remove } = temporaryDirectory('init');
afterAll(remove);

function init(args: readonly string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, 'init', ...args], { cwd, encoding: 'utf8', input: '' });
}

/** A fresh project with this package.json text, and a `.git` so no lookup climbs above it. */
function project(name: string, text: string): string {
  const directory = path.join(root, name);
  mkdirSync(path.join(directory, '.git'), { recursive: true });
  writeFileSync(path.join(directory, 'package.json'), text);
  return directory;
}

describe('init', () => {
  it('writes the field into the nearest package.json, keeping its indentation, line endings, layout and final newline', () => {
    const fourSpaces = project('four', '{\n    "name": "notes",\n    "files": ["dist", "README.md"]\n}\n');
    mkdirSync(path.join(fourSpaces, 'src/deep'), { recursive: true });
    const run = init(['--referer', 'https://acme-notes.dev', '--title', 'Acme Notes', '--categories', 'cli-agent, programming-app'], path.join(fourSpaces, 'src/deep'));
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(fourSpaces, 'package.json'), 'utf8')).toBe(
      '{\n    "name": "notes",\n    "files": ["dist", "README.md"],\n    "openrouter": {\n        "referer": "https://acme-notes.dev",\n        "title": "Acme Notes",\n        "categories": [\n            "cli-agent",\n            "programming-app"\n        ]\n    }\n}\n',
    );
    expect(run.stdout).toContain(`Wrote the "openrouter" field of ${path.join(fourSpaces, 'package.json')}`);

    // Tabs, CRLF, no final newline; an existing field is replaced where it is, its other keys kept.
    const tabs = project('tabs', '{\r\n\t"name": "chat",\r\n\t"openrouter": { "referer": "http://localhost:3000", "additionalCategories": ["acme-tools"] },\r\n\t"private": true\r\n}');
    expect(init(['--referer', 'https://chat.acme.dev', '--title', 'Acme Chat', '--categories', 'acme-tools'], tabs).status).toBe(0);
    expect(readFileSync(path.join(tabs, 'package.json'), 'utf8')).toBe(
      '{\r\n\t"name": "chat",\r\n\t"openrouter": {\r\n\t\t"referer": "https://chat.acme.dev",\r\n\t\t"additionalCategories": [\r\n\t\t\t"acme-tools"\r\n\t\t],\r\n\t\t"title": "Acme Chat",\r\n\t\t"categories": [\r\n\t\t\t"acme-tools"\r\n\t\t]\r\n\t},\r\n\t"private": true\r\n}',
    );
  });

  it('writes what the rules and the audit then read: the audit fixes with it', () => {
    const directory = project('used', '{\n  "name": "used"\n}\n');
    writeTree(directory, { 'src/client.ts': UNATTRIBUTED_CLIENT });
    expect(init(['--referer', 'https://used.acme.dev', '--title', 'Acme Used'], directory).status).toBe(0);
    const { report } = auditJson([directory], root);
    expect(report.repositories[0]!.findings).toMatchObject([{ ruleId: 'openrouter/require-referer', fixable: true }]);
    expect(report.repositories[0]!.findings[0]!.message).not.toContain('To let --fix insert it');
  });

  it.each([
    ['no scheme', ['--referer', 'acme.dev', '--title', 'Acme Notes'], 'openrouter.referer: "acme.dev" is not an absolute http(s) URL'],
    ['a placeholder URL', ['--referer', 'https://your-site.com', '--title', 'Acme Notes'], 'openrouter.referer: "https://your-site.com" is a placeholder from the docs'],
    ['credentials in the URL', ['--referer', 'https://bob:sk-or-v1-0123456789abcdef@acme.dev', '--title', 'Acme Notes'], 'openrouter.referer: the URL carries a user name or password'],
    ['a generic title', ['--referer', 'https://acme.dev', '--title', 'AI App'], 'openrouter.title: "AI App" is a generic name'],
    ['an unknown slug', ['--referer', 'https://acme.dev', '--title', 'Acme Notes', '--categories', 'cli-agnet'], 'openrouter.categories: unknown category "cli-agnet" (did you mean "cli-agent"?)'],
    ['too many slugs', ['--referer', 'https://acme.dev', '--title', 'Acme Notes', '--categories', 'cli-agent,game,legal'], 'openrouter.categories: 3 categories given; OpenRouter takes at most 2 per request'],
  ])('refuses %s with valid-config\'s message, as the audit reports the same field, and writes nothing', (name, args, message) => {
    const text = '{\n  "name": "refused"\n}\n';
    const directory = project(`refused-${name.replace(/\W+/g, '-')}`, text);
    const run = init(args, directory);
    expect(run.status).toBe(1);
    const file = path.join(directory, 'package.json');
    const [problem, ...rest] = run.stderr.trim().split('\n');
    expect(problem).toContain(`Invalid OpenRouter attribution config: ${file}: ${message}`);
    expect(rest).toEqual([`Nothing was written to ${file}.`]);
    expect(run.stderr).not.toContain('0123456789abcdef');
    expect(readFileSync(file, 'utf8')).toBe(text);
    // The same field by hand: the audit's valid-config finding says the same.
    const field: Record<string, unknown> = { referer: args[1], title: args[3] };
    if (args[5] !== undefined) field.categories = args[5].split(',');
    writeTree(directory, { 'package.json': { name: 'refused', openrouter: field }, 'src/client.ts': UNATTRIBUTED_CLIENT });
    const { report } = auditJson([directory], root);
    expect(report.repositories[0]!.findings.filter((finding) => finding.ruleId === 'openrouter/valid-config').map((finding) => finding.message)).toContain(problem);
  });

  it('refuses a localhost referer, which no ranking ever lists', () => {
    const directory = project('localhost', '{ "name": "local" }\n');
    const run = init(['--referer', 'http://localhost:3000', '--title', 'Acme Local'], directory);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('openrouter.referer: "http://localhost:3000" is a localhost URL, which OpenRouter never lists in its rankings or marketplace');
  });

  it.each([
    [[], 'init: give --referer and --title (not a terminal, so nothing can be asked)'],
    [['--title', 'Acme Notes'], "init: --referer is required: the URL is the app's identity"],
    [['--referer'], "Option '--referer <value>' argument missing"],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
  ])('exits 2 with the usage for %j', (args, message) => {
    const directory = project('usage', '{ "name": "usage" }\n');
    const run = init(args, directory);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`eslint-plugin-openrouter: ${message}`);
    expect(run.stderr).toContain('Usage: eslint-plugin-openrouter init --referer <url> --title <name>');
    expect(readFileSync(path.join(directory, 'package.json'), 'utf8')).toBe('{ "name": "usage" }\n');
  });

  it('exits 2 when there is no package.json up to the repository root', () => {
    const directory = path.join(root, 'empty');
    mkdirSync(path.join(directory, '.git'), { recursive: true });
    const run = init(['--referer', 'https://acme.dev', '--title', 'Acme'], directory);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`init: no package.json in ${directory} or above it`);
  });

  it('asks on a terminal, again after a refused answer', async () => {
    const directory = project('asked', '{\n  "name": "asked"\n}\n');
    const input = new PassThrough();
    const output = new PassThrough();
    const errors = new PassThrough();
    let asked = '';
    let refused = '';
    output.on('data', (chunk: Buffer) => (asked += chunk.toString()));
    errors.on('data', (chunk: Buffer) => (refused += chunk.toString()));
    const answers = ['localhost:3000', 'https://asked.acme.dev', 'Chatbot', 'Acme Asked', 'cli-agent'];
    const done = initMain([], { cwd: directory, input, output, errors, interactive: true });
    for (const answer of answers) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      input.write(`${answer}\n`);
    }
    expect(await done).toBe(0);
    expect(asked).toContain("The app's URL (HTTP-Referer)");
    expect(refused).toContain('openrouter.referer: "localhost:3000" is not an absolute http(s) URL');
    expect(refused).toContain('openrouter.title: "Chatbot" is a generic name');
    expect(JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8'))).toEqual({
      name: 'asked',
      openrouter: { referer: 'https://asked.acme.dev', title: 'Acme Asked', categories: ['cli-agent'] },
    });
  });
});

describe('the JSON schema of the "openrouter" field', () => {
  const schema = JSON.parse(readFileSync(path.join(REPO, 'openrouter.schema.json'), 'utf8')) as {
    definitions: { openrouter: { properties: Record<string, unknown> }; slug: { pattern: string; maxLength: number } };
  };
  const validate = new Ajv({ strict: false }).compile(schema);
  const accepts = (field: unknown): boolean => validate({ name: 'x', openrouter: field });

  it('ships in the package and lists the category slugs the validation knows, and every key it reads', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('openrouter.schema.json');
    const categories = schema.definitions.openrouter.properties.categories as { anyOf: [{ items: { anyOf: [{ enum: string[] }] } }] };
    expect(categories.anyOf[0].items.anyOf[0].enum).toEqual([...BUILT_IN_CATEGORIES]);
    expect(Object.keys(schema.definitions.openrouter.properties).sort()).toEqual(['additionalCategories', 'additionalGenericTitleWords', 'categories', 'clients', 'referer', 'title']);
  });

  it('accepts every field the validation accepts, and refuses the shapes it refuses', () => {
    const valid = [
      { referer: 'https://acme.dev', title: 'Acme Notes' },
      { referer: 'https://github.com/acme/notes', title: 'Acme Notes', categories: ['cli-agent', 'programming-app'] },
      { referer: 'https://acme.dev', categories: 'cli-agent,game' },
      { referer: 'https://acme.dev', categories: ['acme-tools'], additionalCategories: ['acme-tools'] },
      { title: 'Café Notes', additionalGenericTitleWords: 'notes,tools' },
      ...[...BUILT_IN_CATEGORIES].map((slug) => ({ referer: 'https://acme.dev', categories: [slug] })),
    ];
    for (const field of valid) {
      expect(packageFieldProblems(field, 'package.json'), JSON.stringify(field)).toEqual([]);
      expect(accepts(field), JSON.stringify(field)).toBe(true);
    }
    const invalid = [
      { referer: 'acme.dev' },
      { referer: 'https://acme.dev?utm=1' },
      { referer: 42 },
      { title: '' },
      { title: 'Acme\nNotes' },
      { title: 'Acme — Notes' },
      { categories: ['cli-agent', 'game', 'legal'] },
      { categories: ['cli-agent', 'cli-agent'] },
      { categories: ['Not A Slug'] },
      { additionalCategories: ['Not A Slug'] },
      { refrer: 'https://acme.dev' },
    ];
    for (const field of invalid) {
      expect(packageFieldProblems(field, 'package.json'), JSON.stringify(field)).not.toEqual([]);
      expect(accepts(field), JSON.stringify(field)).toBe(false);
    }
  });
});
