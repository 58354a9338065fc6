/**
 * Every RuleTester case of every rule, linted by the real `oxlint` CLI with the packed plugin and by
 * ESLint with the same rule and settings, as files of one project: the same reports (rule, message,
 * severity, range) and the same `--fix` output, file by file. Plain-JavaScript cases run as `.ts`
 * and as `.js`, as the rule tests run them under both parsers. The project has typescript-eslint's
 * parser and espree installed, so the plugin re-parses fixes under Oxlint as it does under ESLint.
 */
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { collectRuleCases } from '../rule-tester.js';
import { createConsumer, readText, REPO, runOxlint, writeFile, writeJson, type Consumer } from './consumer-project.js';
import { createESLint, eslintReports, oxlintReports, splitConfigProblems, type ReportsByFile, type RuleBlock } from './reports.js';

const collected = await collectRuleCases(() => Promise.all(Object.keys(rules).map((name) => import(`../rules/${name}.test.ts`))));

interface CaseFile {
  rule: string;
  /** Path relative to the project: `cases/<rule>/<settings group>/<n>-<name>`. */
  file: string;
  code: string;
}

/**
 * Settings namespaces Oxlint reads for its own rules and validates against its schema: it refuses a
 * whole config over `settings.react.version: "detect"`, which ESLint users write. They mean nothing
 * to this plugin, so both linters get the cases' settings without them.
 */
const OXLINT_NAMESPACES = ['jest', 'jsdoc', 'jsx-a11y', 'next', 'react', 'vitest'];

function withoutOxlintNamespaces(settings: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([key]) => !OXLINT_NAMESPACES.includes(key)));
}

/** The cases as files, grouped by rule and settings (one `.oxlintrc.json` per group). */
function caseFiles(): { files: CaseFile[]; groups: (RuleBlock & { directory: string })[] } {
  const files: CaseFile[] = [];
  const groups: (RuleBlock & { directory: string })[] = [];
  for (const { name, cases } of collected) {
    const groupOf = new Map<string, string>();
    const add = (item: string | { code: string; filename?: string; settings?: unknown }, extensions: 'both' | 'own'): void => {
      const { code, filename = 'file.ts', settings: given = {} } = typeof item === 'string' ? { code: item } : item;
      const settings = withoutOxlintNamespaces(given as Record<string, unknown>);
      const key = JSON.stringify(settings);
      let directory = groupOf.get(key);
      if (directory === undefined) {
        directory = `cases/${name}/${groupOf.size}`;
        groupOf.set(key, directory);
        groups.push({ directory, files: [`${directory}/**`], rules: { [`openrouter/${name}`]: 'error' }, settings: settings as Record<string, unknown> });
      }
      const base = path.basename(filename);
      const names = extensions === 'both' ? [base, base.replace(/\.tsx?$/, '.js')] : [base];
      for (const variant of new Set(names)) files.push({ rule: name, file: `${directory}/${String(files.length).padStart(4, '0')}-${variant}`, code });
    };
    for (const item of [...cases.valid, ...cases.invalid]) add(item, 'both');
    for (const item of [...(cases.tsValid ?? []), ...(cases.tsInvalid ?? [])]) add(item, 'own');
  }
  return { files, groups };
}

const { files, groups } = caseFiles();
let consumer: Consumer;
let oxlint: ReportsByFile;
let eslint: ReportsByFile;
const oxlintFixed: Record<string, string> = {};
const eslintFixed: Record<string, string> = {};

beforeAll(async () => {
  consumer = createConsumer('oxlint-rule-cases');
  // With the parsers a project that also has ESLint installs, so fixes are re-parsed under Oxlint too
  // (the CLI and LSP tests run without them).
  mkdirSync(path.join(consumer.root, 'node_modules/@typescript-eslint'), { recursive: true });
  for (const name of ['@typescript-eslint/parser', 'espree']) symlinkSync(path.join(REPO, 'node_modules', name), path.join(consumer.root, 'node_modules', name), 'dir');
  const lintRoot = path.join(consumer.root, 'lint');
  const fixRoot = path.join(consumer.root, 'fix');
  for (const { file, code } of files) writeFile(path.join(lintRoot, file), code);
  for (const group of groups) {
    writeJson(path.join(lintRoot, group.directory, '.oxlintrc.json'), { jsPlugins: ['eslint-plugin-openrouter'], rules: group.rules, settings: group.settings });
  }
  cpSync(lintRoot, fixRoot, { recursive: true });

  const [lintRun, fixRun] = await Promise.all([runOxlint(lintRoot), runOxlint(fixRoot, ['--fix'])]);
  expect(lintRun.stderr + fixRun.stderr).toBe('');
  oxlint = oxlintReports(lintRoot, lintRun.diagnostics, (file) => readText(path.join(lintRoot, file)));
  for (const { file } of files) oxlintFixed[file] = readText(path.join(fixRoot, file));

  const blocks = groups.map(({ files: patterns, rules: enabled, settings }) => ({ files: patterns, rules: enabled, settings }));
  eslint = eslintReports(lintRoot, await createESLint(lintRoot, consumer.plugin, blocks).lintFiles(['cases']));
  for (const result of await createESLint(lintRoot, consumer.plugin, blocks, true).lintFiles(['cases'])) {
    eslintFixed[path.relative(lintRoot, result.filePath).split(path.sep).join('/')] = result.output ?? readText(result.filePath);
  }
}, 300_000);

afterAll(() => consumer?.remove());

describe('every rule test case under oxlint', () => {
  it('covers every rule and writes every case', () => {
    expect(collected.map((entry) => entry.name).sort()).toEqual(Object.keys(rules).sort());
    expect(readdirSync(path.join(consumer.root, 'lint/cases'))).toHaveLength(Object.keys(rules).length);
    // Guard against a vacuous match: most invalid cases report.
    expect(Object.keys(eslint).length).toBeGreaterThan(100);
  });

  it.each(Object.keys(rules).map((name) => [name]))('%s: the same reports as ESLint, file by file', (name) => {
    const mine = (reports: ReportsByFile): ReportsByFile => Object.fromEntries(Object.entries(reports).filter(([file]) => file.startsWith(`cases/${name}/`)));
    expect(splitConfigProblems(mine(oxlint))).toEqual(splitConfigProblems(mine(eslint)));
  });

  it.each(Object.keys(rules).map((name) => [name]))('%s: --fix writes what ESLint\'s fix writes', (name) => {
    const mine = files.filter((item) => item.rule === name);
    const differing = mine.filter(({ file }) => oxlintFixed[file] !== eslintFixed[file]).map(({ file }) => ({ file, oxlint: oxlintFixed[file], eslint: eslintFixed[file] }));
    expect(differing).toEqual([]);
    if (name === 'require-referer') expect(mine.filter(({ file, code }) => eslintFixed[file] !== code).length).toBeGreaterThan(10);
  });
});
