/**
 * The real `oxlint` CLI on fixture projects that load the packed plugin through
 * `"jsPlugins": ["eslint-plugin-openrouter"]`: the same reports as ESLint on the same files
 * (rule, message, severity, range), `--fix` writes the same code as ESLint's fix, a second run is
 * clean, and the identity comes from package.json and from `.oxlintrc.json` `settings.openrouter`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, createConsumer, readText, recommendedRules, runOxlint, writeJson, type Consumer, type OxlintRun } from './consumer-project.js';
import { createESLint, eslintReports, oxlintReports, splitConfigProblems, type ReportsByFile } from './reports.js';
import { packageIdentityClientFix } from '../expected-fixes.js';

interface Project {
  name: string;
  fixture: string;
  /** `settings.openrouter` in the project's `.oxlintrc.json` (and in the ESLint config it is compared with). */
  settings?: Record<string, unknown>;
}

const SETTINGS_IDENTITY = { referer: 'https://acmenotes.app', title: 'Acme Notes', categories: ['writing-assistant', 'personal-agent'] };

const PROJECTS: Project[] = [
  // Identity from the package.json "openrouter" field only.
  { name: 'package-identity', fixture: 'package-identity' },
  // Identity from .oxlintrc.json settings only (the package.json has no "openrouter" field).
  { name: 'settings-identity', fixture: 'settings-identity', settings: SETTINGS_IDENTITY },
  // Settings win per key; the other keys still come from package.json.
  { name: 'settings-over-package', fixture: 'package-identity', settings: { title: 'ReviewBot CLI' } },
  // Config problems: reported in the same words, as often as under ESLint.
  { name: 'bad-settings', fixture: 'package-identity', settings: { titel: 'ReviewBot', referer: 'https://github.com/acme/reviewbot?ref=cli' } },
];

function oxlintConfig(project: Project, rules: Record<string, string>): Record<string, unknown> {
  return {
    $schema: '../../node_modules/oxlint/configuration_schema.json',
    jsPlugins: ['eslint-plugin-openrouter'],
    rules,
    ...(project.settings ? { settings: { openrouter: project.settings } } : {}),
  };
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]sx?$/.test(entry.name))
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

let consumer: Consumer;
/** `lint/<project>` is only read; `fix/<project>` is fixed in place by `oxlint --fix`. */
let lintRoot: string;
let fixRoot: string;
let lintRun: OxlintRun;
let fixRun: OxlintRun;
let rerun: OxlintRun;
/** Texts of `fix/` after the fix run, before the re-run. */
const fixedTexts: Record<string, string> = {};
const eslint: Record<string, { reports: ReportsByFile; fixed: Record<string, string>; afterFix: ReportsByFile }> = {};

/** Reports of one project, relative to that project's directory. */
function projectReports(root: string, run: OxlintRun, project: string): ReportsByFile {
  const all = oxlintReports(root, run.diagnostics, (file) => readText(path.join(root, file)));
  const prefix = `${project}/`;
  return Object.fromEntries(Object.entries(all).filter(([file]) => file.startsWith(prefix)).map(([file, list]) => [file.slice(prefix.length), list]));
}

beforeAll(async () => {
  consumer = createConsumer('oxlint-cli');
  lintRoot = path.join(consumer.root, 'lint');
  fixRoot = path.join(consumer.root, 'fix');
  writeJson(path.join(consumer.root, 'package.json'), { name: 'oxlint-consumer', private: true, devDependencies: { 'eslint-plugin-openrouter': '*' } });
  for (const project of PROJECTS) {
    for (const root of [lintRoot, fixRoot]) {
      copyFixture(project.fixture, path.join(root, project.name));
      writeJson(path.join(root, project.name, '.oxlintrc.json'), oxlintConfig(project, recommendedRules(consumer.plugin)));
    }
  }
  [lintRun, fixRun] = await Promise.all([runOxlint(lintRoot), runOxlint(fixRoot, ['--fix'])]);
  for (const project of PROJECTS) {
    for (const file of sourceFiles(path.join(fixRoot, project.name))) fixedTexts[`${project.name}/${file}`] = readText(path.join(fixRoot, project.name, file));
  }
  rerun = await runOxlint(fixRoot);

  for (const project of PROJECTS) {
    const cwd = path.join(lintRoot, project.name);
    const blocks = [{ rules: recommendedRules(consumer.plugin), settings: project.settings ? { openrouter: project.settings } : {} }];
    const results = await createESLint(cwd, consumer.plugin, blocks).lintFiles(['.']);
    const fixResults = await createESLint(cwd, consumer.plugin, blocks, true).lintFiles(['.']);
    const fixed: Record<string, string> = {};
    for (const result of fixResults) if (result.output !== undefined) fixed[path.relative(cwd, result.filePath).split(path.sep).join('/')] = result.output;
    eslint[project.name] = { reports: eslintReports(cwd, results), fixed, afterFix: eslintReports(cwd, fixResults) };
  }
}, 240_000);

afterAll(() => consumer?.remove());

describe('oxlint CLI with the packed plugin', () => {
  it('loads the plugin by its package name from the project\'s node_modules', () => {
    // The temporary project sits outside this repository, so the only copy it can resolve is the installed one.
    expect(path.relative(consumer.root, consumer.installed)).toBe(path.join('node_modules', 'eslint-plugin-openrouter'));
    for (const run of [lintRun, fixRun, rerun]) expect(run.stderr).toBe('');
    expect(lintRun.status).toBe(1);
    const rules = [...new Set(lintRun.diagnostics.map((diagnostic) => diagnostic.code))].sort();
    expect(rules).toEqual(expect.arrayContaining(['openrouter(no-generic-title)', 'openrouter(require-referer)', 'openrouter(require-title-for-localhost)', 'openrouter(valid-categories)']));
    const eslintRules = new Set(Object.values(eslint).flatMap((project) => Object.values(project.reports).flat().map((report) => report.ruleId)));
    expect(rules).toEqual([...eslintRules].map((ruleId) => ruleId.replace(/^openrouter\/(.+)$/, 'openrouter($1)')).sort());
  });

  it.each(PROJECTS.map((project) => [project.name]))('%s: reports what ESLint reports (rule, message, severity, range)', (name) => {
    const expected = splitConfigProblems(eslint[name]!.reports);
    // Guard against a vacuous match: the fixture has findings in several files.
    expect(Object.keys(expected.findings).length).toBeGreaterThanOrEqual(3);
    expect(splitConfigProblems(projectReports(lintRoot, lintRun, name))).toEqual(expected);
  });

  it('reports the findings of the package.json project where they are', () => {
    const lines = (file: string): [string, number][] => {
      const text = readText(path.join(lintRoot, 'package-identity', file));
      return projectReports(lintRoot, lintRun, 'package-identity')[file]!.map((report) => [report.ruleId, text.slice(0, report.start).split('\n').length]);
    };
    expect(lines('src/index.ts')).toEqual([['openrouter/require-referer', 3]]);
    expect(lines('src/review.mjs')).toEqual([['openrouter/require-referer', 3], ['openrouter/no-generic-title', 7]]);
    expect(lines('src/cli.cjs')).toEqual([['openrouter/valid-categories', 14]]);
  });

  it('reports config problems in ESLint\'s words, naming .oxlintrc.json settings as settings.openrouter', () => {
    const messages = Object.values(projectReports(lintRoot, lintRun, 'bad-settings')).flat().map((report) => report.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('settings.openrouter.titel: unknown key (did you mean "title"?)'),
        expect.stringContaining('settings.openrouter.referer: "https://github.com/acme/reviewbot?ref=cli" has a query string or fragment'),
      ]),
    );
  });

  it.each(PROJECTS.map((project) => [project.name]))('%s: --fix writes what ESLint\'s fix writes', (name) => {
    const { fixed } = eslint[name]!;
    expect(Object.keys(fixed).length).toBeGreaterThan(0);
    for (const file of sourceFiles(path.join(lintRoot, name))) {
      const original = readText(path.join(lintRoot, name, file));
      expect(fixedTexts[`${name}/${file}`], `${name}/${file}`).toBe(fixed[file] ?? original);
    }
  });

  it('--fix inserts the package.json identity', () => {
    expect(fixedTexts['package-identity/src/index.ts']).toContain(packageIdentityClientFix());
    expect(fixedTexts['package-identity/src/review.mjs']).toContain(
      "    'X-Title': 'Reviewer Bot',\n    'HTTP-Referer': 'https://github.com/acme/reviewbot',\n    'X-OpenRouter-Categories': 'cli-agent,code-review',\n",
    );
  });

  it('--fix inserts the .oxlintrc.json settings identity, and settings win per key', () => {
    expect(fixedTexts['settings-identity/src/openrouter-client.ts']).toContain(
      "  httpReferer: 'https://acmenotes.app',\n  appTitle: 'Acme Notes',\n  appCategories: 'writing-assistant,personal-agent',\n",
    );
    expect(fixedTexts['settings-identity/src/legacy.cjs']).toContain("defaultHeaders: { 'HTTP-Referer': 'http://localhost:5173', 'X-OpenRouter-Title': 'Acme Notes' },");
    expect(fixedTexts['settings-over-package/src/index.ts']).toContain(packageIdentityClientFix('ReviewBot CLI'));
  });

  it('a run after --fix finds only what no fix can settle, as ESLint does', () => {
    for (const project of PROJECTS) {
      expect(splitConfigProblems(projectReports(fixRoot, rerun, project.name)), project.name).toEqual(splitConfigProblems(eslint[project.name]!.afterFix));
    }
    // Nothing the fixing rules report is left: every such finding had a fix.
    const fixable = rerun.diagnostics.filter((diagnostic) => /^openrouter\((require-referer|require-title-for-localhost)\)$/.test(diagnostic.code));
    expect(fixable.filter((diagnostic) => !diagnostic.message.startsWith('Invalid OpenRouter attribution config'))).toEqual([]);
    // What stays is the generic title and the category typo, which only suggestions address.
    const left = rerun.diagnostics.filter((diagnostic) => diagnostic.filename.startsWith('package-identity')).map((diagnostic) => diagnostic.code);
    expect(left.sort()).toEqual(expect.arrayContaining(['openrouter(no-generic-title)', 'openrouter(valid-categories)']));
  });
});
