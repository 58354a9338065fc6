/**
 * The real-code smoke run: lint with every rule (`configs.strict`, with and without project
 * settings, as the sweep does) the files of node_modules that mention OpenRouter and the
 * attributed fixtures of tests/fixtures/real-shapes, and count sites and reports. Nothing may
 * crash anywhere; an attributed fixture must give no report, and exactly the sites its
 * `// smoke: N sites` line names. Shared by `npm run smoke` and tests/smoke.test.ts.
 */
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { JS_EXTENSIONS, listFiles, readSourceFiles, TS_EXTENSIONS } from './corpus-files.mjs';
import { sweepVariants } from './sweep.mjs';

export const REAL_SHAPES_DIRECTORY = path.join('tests', 'fixtures', 'real-shapes');
/** Larger files are bundles, not code anyone writes by hand: skipped. */
export const MAX_FILE_BYTES = 1024 * 1024;
const OPENROUTER_WORD = /open[-_]?router/i;
/** Declaration files hold no calls. */
const DECLARATION = /\.d\.[cm]?ts$/;
const EXPECTED_SITES = /\/\/ smoke: (\d+) sites?\b/;

/** The JS/TS files below a node_modules folder (no declarations, at most 1 MiB) whose text mentions OpenRouter. */
export function openRouterModuleFiles(nodeModules, { maxBytes = MAX_FILE_BYTES } = {}) {
  const candidates = listFiles(nodeModules, [...JS_EXTENSIONS, ...TS_EXTENSIONS]).filter(
    (file) => !DECLARATION.test(file) && lstatSync(file).size <= maxBytes,
  );
  return readSourceFiles(candidates.filter((file) => OPENROUTER_WORD.test(readFileSync(file, 'utf8'))));
}

const FENCE = /^```(ts|typescript|tsx|js|javascript|jsx|mjs)\s*\n([\s\S]*?)^```/gm;
/** A README with more examples than this is not read past them. */
const MAX_EXAMPLES_PER_README = 200;

/**
 * The TS/JS examples of the READMEs below a node_modules folder that mention OpenRouter, as
 * in-memory TypeScript files named after the README and the example's line: how a package tells
 * its users to call it is how real code calls it.
 */
export function readmeExamples(nodeModules, { maxBytes = MAX_FILE_BYTES } = {}) {
  const readmes = listFiles(nodeModules, ['.md']).filter((file) => /^readme\.md$/i.test(path.basename(file)) && lstatSync(file).size <= maxBytes);
  const examples = [];
  for (const file of readmes) {
    const text = readFileSync(file, 'utf8');
    if (!OPENROUTER_WORD.test(text)) continue;
    let count = 0;
    for (const match of text.matchAll(FENCE)) {
      if (++count > MAX_EXAMPLES_PER_README) break;
      const line = text.slice(0, match.index).split('\n').length;
      const jsx = match[1] === 'tsx' || match[1] === 'jsx';
      examples.push({ filename: `${file}.${line}.${jsx ? 'tsx' : 'ts'}`, code: match[2], language: jsx ? 'tsx' : 'ts' });
    }
  }
  return examples;
}

/** The attributed fixtures, each naming the number of sites it holds. */
export function realShapeFiles(root) {
  return readSourceFiles(listFiles(path.join(root, REAL_SHAPES_DIRECTORY), [...JS_EXTENSIONS, ...TS_EXTENSIONS]));
}

/**
 * Lints the files under both variants. `sitePlugin` is the audit's site counter (one report per
 * site); `attributed` makes any plugin report, and a site count other than the file's own, a failure.
 */
export function smoke(files, { plugin, sitePlugin, cwd = process.cwd(), attributed = false }) {
  const linter = new Linter({ cwd });
  const siteRule = `${sitePlugin.meta.name}/site`;
  const variants = sweepVariants(plugin, [{ plugins: { [sitePlugin.meta.name]: sitePlugin }, rules: { [siteRule]: 'warn' } }]);
  const report = { files: files.length, runs: 0, sites: 0, reports: {}, notParsed: [], crashes: [], attributedReports: [], siteMismatches: [] };
  for (const file of files) {
    const expected = attributed ? Number(EXPECTED_SITES.exec(file.code)?.[1] ?? NaN) : null;
    for (const variant of variants) {
      report.runs++;
      let messages;
      try {
        messages = linter.verify(file.code, variant.configFor(file.language), { filename: file.filename });
      } catch (error) {
        report.crashes.push({ filename: file.filename, variant: variant.name, error: error?.stack ?? String(error) });
        continue;
      }
      const fatal = messages.find((message) => message.fatal);
      if (fatal) {
        report.notParsed.push({ filename: file.filename, variant: variant.name, error: fatal.message });
        continue;
      }
      const sites = messages.filter((message) => message.ruleId === siteRule).length;
      report.sites += sites;
      if (expected !== null && sites !== expected) report.siteMismatches.push({ filename: file.filename, variant: variant.name, expected, found: sites });
      for (const message of messages) {
        if (!message.ruleId?.startsWith('openrouter/')) continue;
        if (message.messageId === 'internalError') {
          report.crashes.push({ filename: file.filename, variant: variant.name, error: message.message });
          continue;
        }
        report.reports[message.ruleId] = (report.reports[message.ruleId] ?? 0) + 1;
        if (attributed) report.attributedReports.push({ filename: file.filename, variant: variant.name, line: message.line, message: `${message.ruleId}: ${message.message}` });
      }
    }
  }
  return report;
}

export function smokeFailed(report) {
  return report.crashes.length > 0 || report.attributedReports.length > 0 || report.siteMismatches.length > 0;
}

/** A plain-text summary; `root` shortens file names. */
export function formatSmokeReport(report, root = '') {
  const name = (file) => (root ? path.relative(root, file) : file);
  const row = (label, value) => `${`${label}:`.padEnd(22)}${value}`;
  const lines = [
    row('files', report.files),
    row('lint runs', `${report.runs} (each file under: strict, strict + settings)`),
    row('sites', report.sites),
    row('not parsed', report.notParsed.length),
    row('crashes', report.crashes.length),
    row('reports', Object.values(report.reports).reduce((sum, count) => sum + count, 0)),
    ...Object.entries(report.reports)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([rule, count]) => `  ${rule.padEnd(44)} ${count}`),
  ];
  for (const item of report.notParsed.slice(0, 10)) lines.push(`not parsed [${item.variant}] ${name(item.filename)}: ${item.error}`);
  for (const item of report.crashes) lines.push(`CRASH [${item.variant}] ${name(item.filename)}\n  ${item.error.split('\n').slice(0, 6).join('\n  ')}`);
  for (const item of report.attributedReports) lines.push(`REPORT ON ATTRIBUTED CODE [${item.variant}] ${name(item.filename)}:${item.line} ${item.message}`);
  for (const item of report.siteMismatches) lines.push(`SITES [${item.variant}] ${name(item.filename)}: ${item.found} found, the file names ${item.expected}`);
  return lines.join('\n');
}
