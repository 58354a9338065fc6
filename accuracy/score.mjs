#!/usr/bin/env node
/**
 * Scores the rules on labelled public repositories (see LABELLING.md): each labelled commit is
 * extracted from its snapshot, the built audit runs on all of them at once (`recommended`, nothing of
 * theirs executed), and its findings are compared with the labels, file by file.
 *
 *   npm run build && node accuracy/score.mjs [--split tune|holdout|all] [--batch N] [--language js|python] [--list] [--mirror <dir>]
 *
 * `tune` (the default) lists every miss and false positive; `holdout` prints its totals only, unless
 * `--list` is given: look at its misses only when reporting. A repository's split is fixed by a hash of
 * its name, so adding labels never moves one from a part to the other. `--batch N` scores only the
 * repositories labelled in round N (a label's `batch`; 1 when absent): a later round is code nobody
 * tuned on, whatever its split. `--language python` scores the Python labels (`labels-python/`,
 * LABELLING-python.md) on the `.py` findings; JavaScript's scoring leaves `.py` findings out.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);

/** The rules the labels speak of: the attribution rules of `recommended`. */
export const SCORED_RULES = new Set([
  'require-referer',
  'require-title-for-localhost',
  'valid-referer',
  'no-generic-title',
  'valid-categories',
  'sendable-header-values',
  'no-unstable-referer',
  'no-ignored-attribution',
  'no-clobbered-attribution',
]);

/** A third of the repositories, by a hash of the name: set aside while tuning. */
export function splitOf(repo) {
  return createHash('sha256').update(repo).digest()[0] % 3 === 0 ? 'holdout' : 'tune';
}

function parseArguments(argv) {
  const options = { split: 'tune', batch: undefined, language: 'js', list: false, mirror: process.env.OPENROUTER_ACCURACY_MIRROR ?? '/work/.mirror' };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--split') options.split = argv[++index];
    else if (argument === '--batch') options.batch = Number(argv[++index]);
    else if (argument === '--list') options.list = true;
    else if (argument === '--language') options.language = argv[++index];
    else if (argument === '--mirror') options.mirror = argv[++index];
    else throw new Error(`unknown argument ${argument}`);
  }
  if (!['js', 'python'].includes(options.language)) throw new Error(`--language takes js or python, not ${options.language}`);
  if (!['tune', 'holdout', 'all'].includes(options.split)) throw new Error(`--split takes tune, holdout or all, not ${options.split}`);
  if (options.batch !== undefined && !(Number.isInteger(options.batch) && options.batch > 0)) throw new Error('--batch takes a round number: 1, 2, ...');
  return options;
}

export function batchOf(label) {
  return label.batch ?? 1;
}

export function readLabels(directory = path.join(here, 'labels')) {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const label = JSON.parse(readFileSync(path.join(directory, name), 'utf8'));
      if (`${label.repo.replace('/', '+')}.json` !== name) throw new Error(`${name}: names ${label.repo}`);
      return label;
    });
}

/** The labelled commit's tree in a folder of its own, or null when no snapshot holds it. */
export function extractLabel(label, mirror, into) {
  const gitDir = path.join(mirror, label.repo.replace('/', '+'), 'repo');
  if (!existsSync(gitDir)) return null;
  const target = path.join(into, label.repo.replace('/', '+'));
  mkdirSync(target, { recursive: true });
  const archive = spawnSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', label.commit], { maxBuffer: 1 << 30 });
  if (archive.status === 0) {
    // A file whose name this file system cannot hold (a path segment past 255 bytes) is left out: tar extracts the rest.
    const tar = spawnSync('tar', ['-x', '-C', target], { input: archive.stdout, maxBuffer: 1 << 30, encoding: 'utf8' });
    if (tar.status !== 0 && !/File name too long/.test(tar.stderr)) throw new Error(`tar failed for ${label.repo}: ${tar.stderr.slice(0, 500)}`);
  } else if (!extractPresentBlobs(gitDir, label.commit, target)) return null;
  return target;
}

/** Snapshots lack their largest files, which `git archive` then refuses: write every regular file the snapshot has. */
function extractPresentBlobs(gitDir, commit, target) {
  const tree = spawnSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { maxBuffer: 1 << 28, encoding: 'utf8' });
  if (tree.status !== 0) return false;
  const entries = tree.stdout
    .split('\0')
    .filter(Boolean)
    .map((line) => /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(line))
    .filter((match) => match && (match[1] === '100644' || match[1] === '100755'));
  const batch = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: entries.map((match) => match[2]).join('\n') + '\n',
    maxBuffer: 2 ** 31,
  });
  if (batch.status !== 0) return false;
  const output = batch.stdout;
  let offset = 0;
  for (const match of entries) {
    const end = output.indexOf(10, offset);
    const header = output.toString('utf8', offset, end).split(' ');
    offset = end + 1;
    if (header[1] !== 'blob') continue;
    const size = Number(header[2]);
    const file = path.join(target, match[3]);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, output.subarray(offset, offset + size));
    offset += size + 1;
  }
  return true;
}

/**
 * Matches one file's findings to its labelled sites. A finding inside a site's lines counts for that
 * site; one outside every site (a constant declared above its use) counts for the nearest site of the
 * file expecting that rule. Further findings of a rule already matched at a site are duplicates.
 */
export function matchFile(sites, findings) {
  const pairs = sites.flatMap((site) => (site.expected ?? []).map((rule) => ({ site, rule, finding: null })));
  const inside = (site, line) => site.line <= line && line <= site.endLine;
  const falsePositives = [];
  const duplicates = [];
  const deferred = [];
  for (const finding of findings) {
    const holder = sites.find((site) => inside(site, finding.line));
    if (!holder) {
      deferred.push(finding);
      continue;
    }
    const pair = pairs.find((candidate) => candidate.site === holder && candidate.rule === finding.rule);
    if (!pair) falsePositives.push(finding);
    else if (pair.finding) duplicates.push(finding);
    else pair.finding = finding;
  }
  for (const finding of deferred) {
    const open = pairs.filter((pair) => pair.rule === finding.rule && !pair.finding);
    open.sort((a, b) => Math.abs(a.site.line - finding.line) - Math.abs(b.site.line - finding.line));
    if (open[0]) open[0].finding = finding;
    else if (pairs.some((pair) => pair.rule === finding.rule)) duplicates.push(finding);
    else falsePositives.push(finding);
  }
  return { pairs, falsePositives, duplicates };
}

function runAudit(folders) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin', 'eslint-plugin-openrouter.js'), 'audit', '--format', 'json', ...folders], {
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`the audit failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout);
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const labels = readLabels(path.join(here, options.language === 'python' ? 'labels-python' : 'labels'))
    .filter((label) => options.split === 'all' || splitOf(label.repo) === options.split)
    .filter((label) => options.batch === undefined || batchOf(label) === options.batch);
  const work = path.join(os.tmpdir(), `openrouter-accuracy-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  const folders = new Map();
  const missing = [];
  for (const label of labels) {
    const folder = extractLabel(label, options.mirror, work);
    if (folder) folders.set(folder, label);
    else missing.push(label.repo);
  }
  const report = folders.size > 0 ? runAudit([...folders.keys()]) : { repositories: [] };
  rmSync(work, { recursive: true, force: true });

  const totals = { repositories: 0, sites: 0, expectingSites: 0, caughtSites: 0, expected: 0, found: 0, falsePositives: 0, duplicates: 0, outside: 0, parseErrors: 0 };
  const misses = [];
  const wrong = [];
  const doubled = [];
  const outside = [];
  const unparsed = [];
  for (const repository of report.repositories) {
    const label = folders.get(repository.path);
    if (!label) continue;
    totals.repositories++;
    const findings = repository.findings
      .map((finding) => ({ ...finding, rule: finding.ruleId.replace(/^openrouter\//, '') }))
      .filter((finding) => SCORED_RULES.has(finding.rule) && finding.file.endsWith('.py') === (options.language === 'python'));
    const labelled = new Map(label.files.map((file) => [file.path, file]));
    for (const finding of findings) {
      if (!labelled.has(finding.file)) {
        totals.outside++;
        outside.push(`${label.repo} ${finding.file}:${finding.line} ${finding.rule}`);
      }
    }
    for (const error of repository.parseErrors.filter((candidate) => labelled.has(candidate.file) && candidate.file.endsWith('.py') === (options.language === 'python'))) {
      totals.parseErrors++;
      unparsed.push(`${label.repo} ${error.file}:${error.line}:${error.column}`);
    }
    for (const file of label.files) {
      const sites = file.sites ?? [];
      const { pairs, falsePositives, duplicates } = matchFile(sites, findings.filter((finding) => finding.file === file.path));
      totals.sites += sites.length;
      for (const site of sites.filter((candidate) => (candidate.expected ?? []).length > 0)) {
        totals.expectingSites++;
        if (pairs.some((pair) => pair.site === site && pair.finding)) totals.caughtSites++;
      }
      totals.expected += pairs.length;
      totals.found += pairs.filter((pair) => pair.finding).length;
      totals.falsePositives += falsePositives.length;
      totals.duplicates += duplicates.length;
      for (const pair of pairs.filter((candidate) => !candidate.finding)) {
        misses.push(`${label.repo} ${file.path}:${pair.site.line} ${pair.rule} (${pair.site.client}, ${pair.site.kind}): ${pair.site.note}`);
      }
      for (const finding of falsePositives) wrong.push(`${label.repo} ${file.path}:${finding.line} ${finding.rule}: ${finding.message}`);
      for (const finding of duplicates) doubled.push(`${label.repo} ${file.path}:${finding.line} ${finding.rule}: ${finding.message}`);
    }
  }

  const percent = (part, whole) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`);
  console.log(`${options.language === 'python' ? 'Python; ' : ''}split: ${options.split}${options.batch ? `, batch ${options.batch}` : ''}; repositories: ${totals.repositories} scored${missing.length ? `, ${missing.length} without a snapshot (${missing.join(', ')})` : ''}`);
  console.log(`sites: ${totals.sites}, of which ${totals.expectingSites} expect a finding`);
  console.log(`expected findings found: ${totals.found} of ${totals.expected} (${percent(totals.found, totals.expected)})`);
  console.log(`sites expecting a finding that get one: ${totals.caughtSites} of ${totals.expectingSites} (${percent(totals.caughtSites, totals.expectingSites)})`);
  console.log(`false positives: ${totals.falsePositives}; duplicate findings: ${totals.duplicates}; findings in unlabelled files: ${totals.outside}; parse errors in labelled files: ${totals.parseErrors}`);
  if (options.split !== 'holdout' || options.list) {
    if (misses.length) console.log(`\nmissed:\n  ${misses.join('\n  ')}`);
    if (wrong.length) console.log(`\nfalse positives:\n  ${wrong.join('\n  ')}`);
    if (doubled.length) console.log(`\nduplicate findings:\n  ${doubled.join('\n  ')}`);
    if (outside.length) console.log(`\nfindings in unlabelled files:\n  ${outside.join('\n  ')}`);
    if (unparsed.length) console.log(`\nlabelled files that did not parse:\n  ${unparsed.join('\n  ')}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
