/**
 * The GitHub Action (action.yml) and the organisation workflow (examples/github/): their structure
 * where it matters (declared inputs, no input spliced into a script, --ignore-scripts, the upload's
 * conditions), and their command lines run for real: the action's audit step on the fixture
 * repositories as the matrix runs it, then its merge step as the summary job runs it, which must
 * give the summary of one audit over both.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/hosts/audit/report.js';
import { REPOSITORY_URL } from '../../src/rule-docs-url.js';
import { ensureBuilt } from '../built-package.js';
import { auditBin, evaluate, expressionsIn, inputsOf, readYaml, REPO, runStep, type Action, type Step, type Workflow } from './action-steps.js';

const action = readYaml<Action>('action.yml');
const workflow = readYaml<Workflow>('examples/github/openrouter-audit-organisation.yml');
const ACTION_REF = new URL(REPOSITORY_URL).pathname.slice(1);
const FIXTURES = path.join(REPO, 'tests/fixtures/audit-repositories');
const KEY_FRAGMENT = '5f3c2a9e8d7b6a5f4e3d2c1b0a9f8e7d';

const steps = action.runs.steps;
const step = (id: string): Step => steps.find((entry) => entry.id === id)!;
const actionSteps = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((entry) => entry.uses?.startsWith(`${ACTION_REF}@`)));

describe('action.yml', () => {
  it('is a composite action whose every input is declared, described and used', () => {
    expect(action.runs.using).toBe('composite');
    // A step's `if` is an expression without the `${{ }}`.
    const expressions = [...expressionsIn(readFileSync(path.join(REPO, 'action.yml'), 'utf8')), ...steps.flatMap((entry) => entry.if ?? [])];
    const used = new Set(expressions.flatMap((expression) => [...expression.matchAll(/\binputs\.([\w-]+)/g)].map((match) => match[1]!)));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10);
  });

  it('passes inputs to scripts through env only', () => {
    for (const entry of steps.filter((candidate) => candidate.run !== undefined)) {
      expect(entry.shell).toBe('bash');
      expect(expressionsIn(entry.run!), entry.name).toEqual([]);
    }
  });

  it('installs the package, the TypeScript parser and TypeScript 6 into the runner\'s temp folder, running no install script', () => {
    const install = step('install').run!;
    expect(install).toMatch(/^\s*npm install --ignore-scripts\b/m);
    expect(install).toContain('"@typescript-eslint/parser@');
    expect(install).toContain('"typescript@~6.0"');
    expect(install).toContain('package="eslint-plugin-openrouter@$VERSION"');
    expect(install).toContain('"$package" "@typescript-eslint/parser@');
    expect(install).toMatch(/tool_dir="\$RUNNER_TEMP\//);
    expect(install).toMatch(/^\s*cd "\$tool_dir"$/m);
    expect(install).not.toContain('GITHUB_WORKSPACE');
  });

  it('builds and runs its own checkout when no version is given, and installs a given version from npm; outside the workspace', () => {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'openrouter-install-'));
    try {
      // An npm that records how it was called, in place of the registry; `pack` names its tarball as npm does.
      const fakes = path.join(temp, 'fake-bin');
      mkdirSync(fakes);
      writeFileSync(path.join(fakes, 'npm'), '#!/bin/sh\nprintf "%s\\n" "$PWD" "$@" "end of call" >> "$RUNNER_TEMP/npm-calls"\nif [ "$1" = pack ]; then echo eslint-plugin-openrouter-0.0.0.tgz; fi\n');
      chmodSync(path.join(fakes, 'npm'), 0o755);
      const workspace = path.join(temp, 'workspace');
      mkdirSync(workspace);
      const install = { ...step('install'), env: { ...step('install').env, PATH: `${fakes}:${process.env.PATH ?? ''}` } };
      const calls = (): string[][] => readFileSync(path.join(temp, 'runner/npm-calls'), 'utf8').split('end of call\n').filter((call) => call !== '').map((call) => call.trim().split('\n'));
      const context = { ...inputsOf(action, {}), 'github.action_path': REPO };
      const result = runStep(install, context, workspace, path.join(temp, 'runner'));
      expect(result.status, result.stderr).toBe(0);
      const source = path.join(temp, 'runner/eslint-plugin-openrouter-source');
      const tool = path.join(temp, 'runner/eslint-plugin-openrouter-audit');
      const made = calls();
      expect(made.map(([cwd, command]) => [cwd, command])).toEqual([[source, 'ci'], [source, 'run'], [source, 'pack'], [tool, 'install']]);
      expect(made[0]).toContain('--ignore-scripts');
      expect(made[2]).toContain('--ignore-scripts');
      expect(made[3]).toContain('--ignore-scripts');
      expect(made[3]).toContain(path.join(source, 'eslint-plugin-openrouter-0.0.0.tgz'));
      // The checkout is copied without its installed packages.
      expect(existsSync(path.join(source, 'package-lock.json'))).toBe(true);
      expect(existsSync(path.join(source, 'node_modules'))).toBe(false);
      expect(result.outputs.bin).toBe(path.join(tool, 'node_modules/.bin/eslint-plugin-openrouter'));
      expect(readdirSync(workspace)).toEqual([]);

      rmSync(path.join(temp, 'runner/npm-calls'));
      const pinned = runStep(install, { ...inputsOf(action, { version: '0.2.0' }), 'github.action_path': REPO }, workspace, path.join(temp, 'runner'));
      expect(pinned.status, pinned.stderr).toBe(0);
      expect(calls().map(([cwd, command]) => [cwd, command])).toEqual([[tool, 'install']]);
      expect(calls()[0]).toContain('eslint-plugin-openrouter@0.2.0');
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it('runs the bin the package declares', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
    expect(manifest.bin?.['eslint-plugin-openrouter']).toBeDefined();
    expect(step('install').run).toContain('/node_modules/.bin/eslint-plugin-openrouter"');
  });

  it('uploads to code scanning only when asked, with a pinned major of upload-sarif; with output auto, annotates when the upload fails', () => {
    const uploads = steps.filter((entry) => entry.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(uploads.map((upload) => upload.if)).toEqual(["inputs.output == 'sarif'", "inputs.output == 'auto'"]);
    for (const upload of uploads) {
      expect(upload.uses).toMatch(/@v\d+$/);
      expect(upload.with).toEqual({ sarif_file: '${{ steps.audit.outputs.sarif-file }}', category: '${{ inputs.category }}' });
    }
    expect((uploads[1] as Step & { 'continue-on-error'?: boolean })['continue-on-error']).toBe(true);
    const annotate = steps.find((entry) => entry.name === 'Annotate the files')!;
    expect(annotate.if).toBe("inputs.output == 'github' || (inputs.output == 'auto' && steps.upload-auto.outcome == 'failure')");
    expect(annotate.run).toContain('audit --merge --format github "$REPORT_FILE"');
  });

  it('uploads the JSON report only when named, and fails on findings only after the uploads', () => {
    const artifact = steps.find((entry) => entry.uses?.startsWith('actions/upload-artifact@'))!;
    expect(artifact.if).toBe("inputs.report-artifact != ''");
    const fail = steps.findIndex((entry) => entry.name === 'Fail on findings');
    expect(steps[fail]!.if).toBe("(inputs.fail-on == 'error' && steps.audit.outputs.errors != '0') || (inputs.fail-on == 'warning' && steps.audit.outputs.findings != '0')");
    expect(fail).toBe(steps.length - 1);
  });
});

describe('the organisation workflow', () => {
  it('uses this action with declared inputs only', () => {
    expect(actionSteps).toHaveLength(2);
    for (const entry of actionSteps) {
      // A ref that exists before any release; the docs tell to pin a release tag once one is published.
      expect(entry.uses).toMatch(/@main$/);
      for (const name of Object.keys(entry.with ?? {})) expect(action.inputs, name).toHaveProperty([name]);
    }
  });

  it('is the workflow docs/audit.md shows', () => {
    const docs = readFileSync(path.join(REPO, 'docs/audit.md'), 'utf8');
    const section = docs.slice(docs.indexOf('\n## Across an organisation\n'));
    const block = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    expect(block).toBe(readFileSync(path.join(REPO, 'examples/github/openrouter-audit-organisation.yml'), 'utf8'));
  });

  it('runs one audit job per repository, then a summary job over all of them', () => {
    expect(workflow.jobs.audit!.strategy!.matrix.repository).toBe('${{ fromJSON(needs.list.outputs.repositories) }}');
    expect(workflow.jobs.audit!.steps.find((entry) => entry.uses?.startsWith('actions/checkout@'))!.with).toMatchObject({
      repository: '${{ github.repository_owner }}/${{ matrix.repository }}',
      path: '${{ matrix.repository }}',
      'persist-credentials': false,
    });
    expect(workflow.jobs.summary!.needs).toBe('audit');
    expect(workflow.jobs.summary!.steps[0]!.with).toMatchObject({ pattern: 'report-*', 'merge-multiple': true, path: 'reports' });
  });
});

describe('the command lines, run', () => {
  let scratch: string;
  let bin: string;
  beforeAll(() => {
    ensureBuilt();
    scratch = mkdtempSync(path.join(os.tmpdir(), 'openrouter-action-'));
    bin = auditBin(path.join(scratch, 'tool'));
  }, 120_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const auditStep = step('audit');
  const [matrixStep, summaryStep] = actionSteps;

  function runAction(uses: Step, workspace: string, matrix: Record<string, string> = {}) {
    const given = Object.fromEntries(Object.entries(uses.with ?? {}).map(([name, value]) => [name, evaluate(String(value), matrix)]));
    return runStep(auditStep, { ...inputsOf(action, given), 'steps.install.outputs.bin': bin }, workspace, path.join(scratch, 'runner-temp'));
  }

  it('the matrix jobs and the summary job give the summary of one audit over both repositories', () => {
    const workspace = path.join(scratch, 'matrix');
    const reports = path.join(scratch, 'summary/reports');
    mkdirSync(reports, { recursive: true });
    for (const repository of ['api', 'web']) {
      cpSync(path.join(FIXTURES, repository), path.join(workspace, repository), { recursive: true });
      const job = runAction(matrixStep!, workspace, { 'matrix.repository': repository });
      expect(job.status, job.stderr).toBe(0);
      expect(job.outputs['report-file']).toBe(`report-${repository}.json`);
      expect(job.stdout).toContain(`${repository}:`);
      // What download-artifact with merge-multiple leaves in reports/.
      cpSync(path.join(workspace, `report-${repository}.json`), path.join(reports, `report-${repository}.json`));
    }
    const summary = runAction(summaryStep!, path.dirname(reports));
    expect(summary.status, summary.stderr).toBe(0);
    expect(summary.outputs.findings).toBe('3');
    expect(summary.summary).toContain('## OpenRouter attribution audit');
    expect(summary.summary).toMatch(/\*\*\d+ errors?, \d+ warnings?\*\* in 2 repositories of 2/);
    expect(Number(summary.outputs.errors) + Number(summary.outputs.warnings)).toBe(3);

    const merged = JSON.parse(readFileSync(path.join(scratch, 'summary/organisation-report.json'), 'utf8')) as AuditReport;
    const once = spawnSync(bin, ['audit', '--format', 'json', 'api', 'web'], { cwd: workspace, encoding: 'utf8' });
    expect(once.status).toBe(1);
    const direct = JSON.parse(once.stdout) as AuditReport;
    expect(merged.summary).toEqual(direct.summary);
    expect(merged.repositories).toEqual(direct.repositories);

    const sarif = readFileSync(path.join(scratch, 'summary/organisation.sarif'), 'utf8');
    const runs = (JSON.parse(sarif) as { runs: { automationDetails?: { id: string } }[] }).runs;
    expect(runs.map((run) => run.automationDetails?.id)).toEqual(['eslint-plugin-openrouter/api/', 'eslint-plugin-openrouter/web/']);
    expect(sarif + readFileSync(path.join(scratch, 'summary/organisation-report.json'), 'utf8')).not.toContain(KEY_FRAGMENT);
  });

  it('the default single-repository run writes SARIF for the root with the findings in the outputs', () => {
    const workspace = path.join(scratch, 'single');
    cpSync(path.join(FIXTURES, 'web'), workspace, { recursive: true });
    const run = runAction({ with: {} }, workspace);
    expect(run.status, run.stderr).toBe(0);
    expect(run.outputs.findings).toBe('2');
    expect(run.stderr).not.toContain('::warning::');
    const sarif = readFileSync(run.outputs['sarif-file']!, 'utf8');
    const log = JSON.parse(sarif) as { runs: { automationDetails?: unknown; originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.automationDetails).toBeUndefined();
    expect(log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri).sort()).toEqual(['src/legacy%20client.ts', 'src/provider.mjs']);
    expect(sarif).not.toContain(KEY_FRAGMENT);
    expect(existsSync(path.join(workspace, 'node_modules'))).toBe(false);
  });

  it('narrows the audit with include and exclude globs, one a line', () => {
    const workspace = path.join(scratch, 'narrowed');
    cpSync(path.join(FIXTURES, 'web'), workspace, { recursive: true });
    const included = runAction({ with: { include: '**/*.mjs\n**/*.js\n' } }, workspace);
    expect(included.status, included.stderr).toBe(0);
    expect(included.outputs.findings).toBe('1');
    expect(included.stdout).toContain('src/provider.mjs');
    const excluded = runAction({ with: { exclude: 'src/provider.mjs' } }, workspace);
    expect(excluded.status, excluded.stderr).toBe(0);
    expect(excluded.outputs.findings).toBe('1');
    expect(excluded.stdout).toContain('src/legacy client.ts');
    expect(excluded.stdout).not.toContain('src/provider.mjs');
  });

  it('stops with the audit\'s usage error, and warns when code scanning gets a subfolder', () => {
    const workspace = path.join(scratch, 'usage');
    cpSync(path.join(FIXTURES, 'api'), path.join(workspace, 'api'), { recursive: true });
    const wrongConfig = runAction({ with: { config: 'everything' } }, workspace);
    expect(wrongConfig.status).toBe(2);
    expect(wrongConfig.stderr).toContain('--config: unknown value "everything"');
    expect(wrongConfig.outputs.findings).toBeUndefined();

    const subfolder = runAction({ with: { paths: 'api' } }, workspace);
    expect(subfolder.status, subfolder.stderr).toBe(0);
    expect(subfolder.stdout).toContain('::warning::paths: api is not the repository root');

    const noReports = runAction({ with: { merge: 'reports/report-*.json' } }, workspace);
    expect(noReports.status).toBe(2);
    expect(noReports.stdout).toContain('::error::merge: no report file matches reports/report-*.json');
  });
});
