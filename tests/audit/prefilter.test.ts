/**
 * The audit's pre-filter drops no file the rules would report on: of every code sample of every
 * rule's RuleTester cases, and every hostile input, those the test drops are linted by the audit's
 * own linter with all rules (as `--config strict`), and none has a finding or a site.
 * Every invalid case also passes it with the clients its settings declare (the audit reads those from
 * package.json).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayHoldOpenRouterSite } from '../../src/analysis/sites/prefilter.js';
import { loadProjectAttribution } from '../../src/analysis/identity/project-config.js';
import { FileLinter } from '../../src/hosts/audit/lint-file.js';
import { rules } from '../../src/rules/index.js';
import { HOSTILE_CASES } from '../../scripts/lib/hostile-cases.mjs';
import { collectRuleCases } from '../rule-tester.js';

const collected = await collectRuleCases(() => Promise.all(Object.keys(rules).map((name) => import(`../rules/${name}.test.ts`))));

interface Sample {
  readonly name: string;
  readonly code: string;
  readonly filename: string;
  readonly settings: unknown;
  readonly invalid: boolean;
}

function samples(): Sample[] {
  const list: Sample[] = [];
  for (const { name, cases } of collected) {
    const add = (item: string | { code: string; filename?: string; settings?: unknown }, invalid: boolean, both: boolean): void => {
      const { code, filename = 'file.ts', settings } = typeof item === 'string' ? { code: item } : item;
      const base = path.basename(filename);
      for (const variant of new Set(both ? [base, base.replace(/\.tsx?$/, '.js')] : [base])) {
        list.push({ name: `${name} #${list.length}`, code, filename: variant, settings, invalid });
      }
    };
    for (const item of cases.valid) add(item, false, true);
    for (const item of cases.invalid) add(item, true, true);
    for (const item of cases.tsValid ?? []) add(item, false, false);
    for (const item of cases.tsInvalid ?? []) add(item, true, false);
  }
  for (const hostile of HOSTILE_CASES) {
    const input = hostile.make(1);
    list.push({ name: `hostile: ${hostile.name}`, code: input.code, filename: input.filename ?? 'client.ts', settings: input.settings, invalid: false });
  }
  return list;
}

const ROOT = path.join(path.parse(process.cwd()).root, 'prefilter-audit');

describe('the audit pre-filter', () => {
  const all = samples();
  const linter = new FileLinter('strict');

  it('drops only samples the rules neither report on nor find a site in', () => {
    // Only the dropped samples need linting: any finding or site among them is a site the audit would miss.
    const dropped = all.filter((sample) => !mayHoldOpenRouterSite(sample.code, false));
    const missed = dropped.filter((sample) => {
      // A path with no package.json above it: the rules see no identity and no project clients.
      const linted = linter.lint(sample.code, path.join(ROOT, sample.filename), ROOT, false);
      return linted.findings.length > 0 || linted.sites.length > 0 || linted.parseError !== null;
    });
    expect(missed.map((sample) => sample.name)).toEqual([]);
    expect(dropped.length).toBeGreaterThan(20);
  });

  it('lints the samples it lets through as the rules do (the linter above is not blind)', () => {
    const sample = all.find((candidate) => candidate.invalid && candidate.settings === undefined && candidate.filename.endsWith('.ts'))!;
    const linted = linter.lint(sample.code, path.join(ROOT, sample.filename), ROOT, false);
    expect(linted.findings.length + linted.sites.length).toBeGreaterThan(0);
  });

  it('lets through every invalid case with the clients its settings declare', () => {
    const invalid = all.filter((sample) => sample.invalid);
    const dropped = invalid.filter((sample) => {
      const openrouter = (sample.settings as { openrouter?: unknown } | undefined)?.openrouter;
      return !mayHoldOpenRouterSite(sample.code, false, loadProjectAttribution(openrouter, '<input>').clients);
    });
    expect(dropped.map((sample) => sample.name)).toEqual([]);
    expect(invalid.length).toBeGreaterThan(300);
  });
});
