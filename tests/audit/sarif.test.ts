/**
 * `--format sarif` from report objects built here: valid against the official SARIF 2.1.0 schema
 * (with ajv, and with Microsoft's SARIF multitool where its binary runs), and holding what code
 * scanning reads: repository-relative URIs under `%SRCROOT%`, the rules with their docs and
 * levels, the regions, one named run per repository, and no source text.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/hosts/audit/format-sarif.js';
import { ruleHelp } from '../../src/hosts/audit/rule-help.js';
import plugin from '../../src/index.js';
import { summarise, type AuditFinding, type AuditReport, type RepositoryReport } from '../../src/hosts/audit/report.js';
import { rules } from '../../src/rules/index.js';
import { version } from '../../src/version.js';
import { ensureBuilt } from '../built-package.js';
import { runCli } from './audit-cli.js';

const REPO = path.resolve(__dirname, '../..');
const MULTITOOL_DIR = path.join(REPO, 'node_modules/@microsoft/sarif-multitool-linux');
const SCHEMA_FILE = path.join(MULTITOOL_DIR, 'sarif-2.1.0.json');
const MULTITOOL = path.join(MULTITOOL_DIR, 'Sarif.Multitool');
const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'openrouter-sarif-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The formats matter: `uri-reference` is what checks the relative URIs.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));

function finding(overrides: Partial<AuditFinding> = {}): AuditFinding {
  return {
    ruleId: 'openrouter/require-referer',
    file: 'src/chat.ts',
    line: 3,
    column: 16,
    endLine: 3,
    endColumn: 42,
    severity: 'error',
    message: 'This OpenRouter client sends no HTTP-Referer.',
    fixable: true,
    ...overrides,
  };
}

/** A repository on disk whose files hold the key, so a formatter that read source would leak it. */
function repository(name: string, findings: AuditFinding[]): RepositoryReport {
  const root = path.join(scratch, name);
  for (const { file } of findings) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), `// ${KEY}\nconst apiKey = '${KEY}';\nconst client = new OpenRouter({ apiKey });\n`);
  }
  mkdirSync(root, { recursive: true });
  return { path: root, filesScanned: findings.length + 1, sites: findings.length + 1, attributed: 1, findings };
}

function report(repositories: RepositoryReport[], config = 'recommended'): AuditReport {
  return { version: 1, tool: { name: 'eslint-plugin-openrouter', version }, config, repositories, summary: summarise(repositories) };
}

function sarifOf(input: AuditReport): Log {
  const text = formatSarif(input);
  const log = JSON.parse(text) as Log;
  expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  expect(text).not.toContain(KEY);
  expect(text).not.toContain(KEY.slice(12, 44));
  return log;
}

function locationOf(result: Result) {
  return result.locations?.[0]?.physicalLocation;
}

const samples: Record<string, AuditReport> = {};

describe('one repository', () => {
  const findings = [
    finding(),
    finding({ ruleId: 'openrouter/no-generic-title', file: 'src/title.js', line: 7, column: 1, endLine: 9, endColumn: 3, severity: 'warning', message: 'The title "Chatbot" is generic.' }),
    finding({ ruleId: 'openrouter/no-hardcoded-api-key', line: 2, column: 16, endLine: undefined, endColumn: undefined, message: 'A hard-coded OpenRouter API key (sk-or-…cdef).' }),
  ];
  const input = report([repository('single', findings)]);
  samples.single = input;
  const log = sarifOf(input);
  const run = log.runs[0]!;

  it('is one run of this tool, with its version and home', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'eslint-plugin-openrouter', version, informationUri: 'https://github.com/eslint-plugin-openrouter/eslint-plugin-openrouter' });
  });

  it('leaves the category to the upload', () => {
    expect(run.automationDetails).toBeUndefined();
  });

  it('lists the config\'s rules with their descriptions, docs and levels', () => {
    const descriptors = run.tool.driver.rules!;
    const recommended = Object.entries(rules).filter(([, rule]) => rule.meta.docs?.recommended);
    expect(descriptors.map((rule) => rule.id)).toEqual(recommended.map(([name]) => `openrouter/${name}`));
    for (const [name, rule] of recommended) {
      const descriptor = descriptors.find((entry) => entry.id === `openrouter/${name}`)!;
      expect(descriptor.shortDescription?.text).toBe(rule.meta.docs!.description);
      expect(descriptor.helpUri).toBe(rule.meta.docs!.url);
      expect(descriptor.defaultConfiguration?.level).toBe(rule.meta.docs!.recommended === 'warn' ? 'warning' : 'error');
    }
  });

  it('gives every finding a result pointing at its rule, with its level and message', () => {
    expect(run.results).toHaveLength(findings.length);
    run.results!.forEach((result, index) => {
      expect(result.ruleId).toBe(findings[index]!.ruleId);
      expect(run.tool.driver.rules![result.ruleIndex!]!.id).toBe(result.ruleId);
      expect(result.level).toBe(findings[index]!.severity);
      expect(result.message.text).toBe(findings[index]!.message);
    });
  });

  it('locates results relative to the repository under %SRCROOT%', () => {
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(input.repositories[0]!.path).href}/` } });
    expect(run.results!.map((result) => locationOf(result)?.artifactLocation)).toEqual([
      { uri: 'src/chat.ts', uriBaseId: '%SRCROOT%', index: 0 },
      { uri: 'src/title.js', uriBaseId: '%SRCROOT%', index: 1 },
      { uri: 'src/chat.ts', uriBaseId: '%SRCROOT%', index: 0 },
    ]);
    expect(run.artifacts).toEqual([
      { location: { uri: 'src/chat.ts', uriBaseId: '%SRCROOT%' }, sourceLanguage: 'typescript' },
      { location: { uri: 'src/title.js', uriBaseId: '%SRCROOT%' }, sourceLanguage: 'javascript' },
    ]);
  });

  it('keeps ESLint\'s 1-based regions, and a region without an end as a start only', () => {
    expect(run.results!.map((result) => locationOf(result)?.region)).toEqual([
      { startLine: 3, startColumn: 16, endLine: 3, endColumn: 42 },
      { startLine: 7, startColumn: 1, endLine: 9, endColumn: 3 },
      { startLine: 2, startColumn: 16 },
    ]);
  });

  it('carries no source text', () => {
    for (const result of run.results!) expect(locationOf(result)?.region?.snippet).toBeUndefined();
    // The rules' help is their shipped doc (whose examples name `apiKey`), nothing of the audited code.
    for (const rule of run.tool.driver.rules!) {
      const help = ruleHelp(rule.id.replace('openrouter/', ''))!;
      expect(rule.fullDescription?.text).toBe(help.fullDescription);
      expect(rule.help).toEqual({ text: help.text, markdown: help.markdown });
    }
    const withoutRuleHelp = { ...log, runs: log.runs.map((entry) => ({ ...entry, tool: { driver: { ...entry.tool.driver, rules: entry.tool.driver.rules!.map(({ help: _help, fullDescription: _full, ...rule }) => rule) } } })) };
    expect(JSON.stringify(withoutRuleHelp)).not.toContain('apiKey');
  });
});

describe('strict', () => {
  const input = report([repository('strict', [finding()])], 'strict');
  samples.strict = input;

  it('lists the rules of configs.strict, every one as an error', () => {
    const descriptors = sarifOf(input).runs[0]!.tool.driver.rules!;
    expect(descriptors.map((rule) => rule.id)).toEqual(Object.keys(plugin.configs.strict.rules!));
    expect(descriptors.map((rule) => rule.id)).toEqual(Object.keys(rules).filter((name) => !rules[name as keyof typeof rules].meta.docs?.optIn).map((name) => `openrouter/${name}`));
    expect(new Set(descriptors.map((rule) => rule.defaultConfiguration?.level))).toEqual(new Set(['error']));
  });
});

describe('a rule this version does not know', () => {
  it('is listed after the config\'s rules, named by its id, so its results keep a rule', () => {
    const log = sarifOf(report([repository('future', [finding({ ruleId: 'openrouter/a-later-rule', message: 'From a later version.' })])]));
    const run = log.runs[0]!;
    const descriptor = run.tool.driver.rules!.at(-1)!;
    expect(descriptor).toEqual({ id: 'openrouter/a-later-rule', shortDescription: { text: 'openrouter/a-later-rule' } });
    expect(run.results![0]!.ruleIndex).toBe(run.tool.driver.rules!.length - 1);
  });
});

describe('several repositories', () => {
  const input = report([
    repository('org/api', [finding()]),
    repository('org/web', [finding({ file: 'src/chat.ts', severity: 'warning', ruleId: 'openrouter/no-generic-title' })]),
    repository('other/api', []),
  ]);
  samples.several = input;
  const log = sarifOf(input);

  it('is one run per repository, each with its own base URI', () => {
    expect(log.runs).toHaveLength(3);
    expect(log.runs.map((run) => run.originalUriBaseIds?.['%SRCROOT%']?.uri)).toEqual(
      input.repositories.map((entry) => `${pathToFileURL(entry.path).href}/`),
    );
    expect(log.runs.map((run) => run.results?.length)).toEqual([1, 1, 0]);
    expect(locationOf(log.runs[1]!.results![0]!)?.artifactLocation).toEqual({ uri: 'src/chat.ts', uriBaseId: '%SRCROOT%', index: 0 });
  });

  it('names each run by its repository, uniquely, so code scanning accepts them in one upload', () => {
    expect(log.runs.map((run) => run.automationDetails?.id)).toEqual([
      'eslint-plugin-openrouter/api/',
      'eslint-plugin-openrouter/web/',
      'eslint-plugin-openrouter/api-2/',
    ]);
  });
});

describe('file names', () => {
  const input = report([repository('names dir/ünï', [
    finding({ file: 'src/my app/ünïcode 名前.ts' }),
    finding({ file: 'a#b/c?d%e.mts' }),
    finding({ file: 'c:/x.js' }),
  ])]);
  samples.names = input;

  it('percent-encodes spaces, unicode and reserved characters in the relative URI', () => {
    const run = sarifOf(input).runs[0]!;
    expect(run.results!.map((result) => locationOf(result)?.artifactLocation?.uri)).toEqual([
      'src/my%20app/%C3%BCn%C3%AFcode%20%E5%90%8D%E5%89%8D.ts',
      'a%23b/c%3Fd%25e.mts',
      'c%3A/x.js',
    ]);
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toMatch(/\/names%20dir\/%C3%BCn%C3%AF\/$/);
    for (const result of run.results!) {
      const uri = locationOf(result)!.artifactLocation!.uri!;
      expect(new URL(uri, run.originalUriBaseIds!['%SRCROOT%']!.uri).href.startsWith(run.originalUriBaseIds!['%SRCROOT%']!.uri!)).toBe(true);
    }
  });
});

describe('files not parsed', () => {
  const input = report([{ ...repository('unparsed', [finding()]), parseErrors: [{ file: 'src/broken file.ts', line: 4, column: 9 }, { file: 'src/empty.js', line: 0, column: 0 }] }]);
  samples.unparsed = input;

  it('are notifications of the run, located, since no result can say their calls went unchecked', () => {
    const run = sarifOf(input).runs[0]!;
    expect(run.results).toHaveLength(1);
    expect(run.invocations).toHaveLength(1);
    expect(run.invocations![0]!.executionSuccessful).toBe(true);
    const notifications = run.invocations![0]!.toolExecutionNotifications!;
    expect(notifications.map((notification) => notification.level)).toEqual(['warning', 'warning']);
    expect(notifications.map((notification) => notification.locations?.[0]?.physicalLocation)).toEqual([
      { artifactLocation: { uri: 'src/broken%20file.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 9 } },
      { artifactLocation: { uri: 'src/empty.js', uriBaseId: '%SRCROOT%' } },
    ]);
    expect(notifications[0]!.message.text).toContain('not checked');
  });

  it('leave a run without them with no invocations', () => {
    expect(sarifOf(samples.single!).runs[0]!.invocations).toBeUndefined();
  });
});

describe('no findings', () => {
  const input = report([repository('clean', [])]);
  samples.clean = input;

  it('is a run with no results, which closes fixed alerts when uploaded', () => {
    const log = sarifOf(input);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules!.length).toBeGreaterThan(0);
  });

  it('is still one run when the report holds no repository', () => {
    const log = sarifOf(report([]));
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.results).toEqual([]);
  });
});

describe('through the CLI', () => {
  const FIXTURES = path.join(REPO, 'tests/fixtures/audit-repositories');
  const FIXTURE_KEY = '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';
  // A build of dist/ under load takes a while; the runs after it are quick.
  beforeAll(() => ensureBuilt(), 180_000);

  it('writes valid SARIF for a fixture repository, on the findings\' lines, without its hard-coded key', () => {
    const checkout = path.join(scratch, 'checkout');
    cpSync(path.join(FIXTURES, 'web'), checkout, { recursive: true });
    const cli = runCli(['audit', '--format', 'sarif', '.'], checkout);
    expect(cli.status, cli.stderr).toBe(1);
    expect(cli.stdout).not.toContain(FIXTURE_KEY);
    expect(cli.stdout).not.toContain(FIXTURE_KEY.slice(12, 44));
    const log = JSON.parse(cli.stdout) as Log;
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    samples.cli = JSON.parse(runCli(['audit', '--format', 'json', '.'], checkout).stdout) as AuditReport;

    const run = log.runs[0]!;
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`${pathToFileURL(checkout).href}/`);
    const located = run.results!.map((result) => ({ ruleId: result.ruleId, uri: locationOf(result)?.artifactLocation?.uri, line: locationOf(result)?.region?.startLine, column: locationOf(result)?.region?.startColumn }));
    expect(located).toEqual([
      { ruleId: 'openrouter/no-hardcoded-api-key', uri: 'src/legacy%20client.ts', line: 4, column: 11 },
      { ruleId: 'openrouter/require-referer', uri: 'src/provider.mjs', line: 3, column: 27 },
    ]);
    // The region is where the key is written: the line the alert shows holds it.
    const keyLine = readFileSync(path.join(checkout, 'src/legacy client.ts'), 'utf8').split('\n')[located[0]!.line! - 1]!;
    expect(keyLine.slice(located[0]!.column! - 1)).toMatch(/^'sk-or-v1-/);
  });
});

describe('a relative repository path (from a merged report)', () => {
  beforeAll(() => ensureBuilt(), 180_000);
  const relative = (repositoryPath: string): AuditReport => report([{ path: repositoryPath, filesScanned: 1, sites: 1, attributed: 0, findings: [finding()] }]);

  it('stays relative: the results under %SRCROOT%, with no base resolved against this process\'s folder', () => {
    for (const repositoryPath of ['../../../../etc', 'repo', '.', 'c:relative']) {
      const run = sarifOf(relative(repositoryPath)).runs[0]!;
      expect(run.originalUriBaseIds).toBeUndefined();
      expect(locationOf(run.results![0]!)?.artifactLocation).toEqual({ uri: 'src/chat.ts', uriBaseId: '%SRCROOT%', index: 0 });
      expect(formatSarif(relative(repositoryPath))).not.toContain('file:');
    }
    // Absolute paths keep their base, on either system.
    expect(sarifOf(relative('C:\\work\\repo')).runs[0]!.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///C:/work/repo/' } });
  });

  it('through --merge, never becomes a file: URI', () => {
    const file = path.join(scratch, 'relative-report.json');
    writeFileSync(file, JSON.stringify(relative('../../../../../../../../etc')));
    const { status, stdout } = runCli(['audit', '--merge', '--format', 'sarif', file], scratch);
    expect(status).toBe(1);
    expect(stdout).toContain('"uri": "src/chat.ts"');
    expect(stdout).not.toContain('file:');
  });
});

// The multitool exits 0 whatever it finds; its verdict is the error-level results of its own log.
describe.skipIf(!existsSync(MULTITOOL) || process.platform !== 'linux' || process.arch !== 'x64')('the SARIF multitool (skipped where its linux-x64 binary is not installed)', () => {
  it('accepts every sample and rejects a broken one', () => {
    const directory = path.join(scratch, 'multitool');
    mkdirSync(directory, { recursive: true });
    const files = Object.entries(samples).map(([name, input]) => {
      const file = path.join(directory, `${name}.sarif`);
      writeFileSync(file, formatSarif(input));
      return file;
    });
    expect(files).toHaveLength(7);
    const broken = JSON.parse(formatSarif(samples.single!)) as Log;
    broken.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
    const brokenFile = path.join(directory, 'broken.sarif');
    writeFileSync(brokenFile, JSON.stringify(broken));

    const out = path.join(directory, 'validation.sarif');
    execFileSync(MULTITOOL, ['validate', ...files, brokenFile, '-j', SCHEMA_FILE, '-o', out, '--log', 'ForceOverwrite'], { stdio: 'pipe' });
    const verdict = JSON.parse(readFileSync(out, 'utf8')) as Log;
    const problems = verdict.runs.flatMap((run) => run.results ?? []).filter((result) => result.level === 'error' || result.level === 'warning' || result.level === undefined);
    const reported = problems.map((result) => path.basename(fileURLPath(result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '')));
    expect(reported.filter((name) => name !== 'broken.sarif'), JSON.stringify(problems, null, 2)).toEqual([]);
    expect(problems.filter((result) => result.level === 'error').map((result) => result.ruleId)).toContain('JSON1008');
  });
});

function fileURLPath(uri: string): string {
  return uri.startsWith('file:') ? new URL(uri).pathname : uri;
}
