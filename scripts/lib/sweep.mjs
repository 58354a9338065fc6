/**
 * The crash and fix-safety sweep: lint files with every rule (`configs.strict`), with and without
 * project settings, apply fixes with `Linter#verifyAndFix` and each suggestion on its own, and
 * check that nothing throws and that every fixed or suggested output still parses. Shared by `npm run sweep` and tests/sweep.test.ts.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { evenly, JS_EXTENSIONS, listFiles, readSourceFiles, TS_EXTENSIONS } from './corpus-files.mjs';
import { configsByLanguage, PROJECT_SETTINGS } from './lint-configs.mjs';
import { generateOpenRouterCorpus } from './openrouter-corpus.mjs';

/** Where the generated corpus lives (gitignored). */
export const GENERATED_DIRECTORY = path.join('.bench', 'generated');

/**
 * Every JS/TS file in node_modules (sorted), optionally an even sample of `sample` files no larger
 * than `maxBytes`, read with the language each parses as.
 */
export function nodeModulesFiles(root, { sample = Infinity, maxBytes = Infinity } = {}) {
  const all = listFiles(path.join(root, 'node_modules'), [...JS_EXTENSIONS, ...TS_EXTENSIONS]);
  const small = Number.isFinite(maxBytes) ? all.filter((file) => lstatSync(file).size <= maxBytes) : all;
  return readSourceFiles(evenly(small, sample));
}

/** The project's test fixtures, when there are any. */
export function fixtureFiles(root) {
  return readSourceFiles(listFiles(path.join(root, 'tests', 'fixtures'), [...JS_EXTENSIONS, ...TS_EXTENSIONS]));
}

/** The generated OpenRouter corpus as in-memory files named as if under `.bench/generated/`. */
export function generatedFiles(root, options) {
  return generateOpenRouterCorpus(options).map(({ relativePath, code }) => ({
    filename: path.join(root, GENERATED_DIRECTORY, relativePath),
    code,
    language: 'ts',
  }));
}

/**
 * The files' own `eslint-disable` comments name rules that are not loaded here, and would switch
 * this plugin's rules off; the sweep ignores them so every rule runs on every line.
 */
const SWEEP_LINTER_OPTIONS = { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } };

/**
 * The two ways the sweep lints each file: with the project's settings, and with none (package.json
 * only); `extra` config objects come last in both (the smoke run's site counter).
 */
export function sweepVariants(plugin, extra = []) {
  return [
    { name: 'strict', configFor: configsByLanguage([SWEEP_LINTER_OPTIONS, plugin.configs.strict, ...extra]) },
    { name: 'strict + settings', configFor: configsByLanguage([SWEEP_LINTER_OPTIONS, plugin.configs.strict, { settings: PROJECT_SETTINGS }, ...extra]) },
  ];
}

const isPluginMessage = (message) => message.ruleId?.startsWith('openrouter/') ?? false;

function describeError(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Lints, fixes and re-parses every file under every variant. Returns counts and, for anything that
 * went wrong, the file, variant and message.
 */
export function sweep(files, { plugin, cwd = process.cwd(), onProgress } = {}) {
  const linter = new Linter({ cwd });
  const parseOnly = configsByLanguage([]);
  const variants = sweepVariants(plugin);
  const report = {
    files: files.length,
    byLanguage: {},
    runs: 0,
    inputNotParsed: [],
    exceptions: [],
    findings: {},
    filesWithFindings: 0,
    fixableFindings: 0,
    filesFixed: 0,
    suggestionsApplied: 0,
    unparsableFixes: [],
    unparsableSuggestions: [],
    unconvergedFixes: [],
  };
  for (const file of files) report.byLanguage[file.language] = (report.byLanguage[file.language] ?? 0) + 1;

  files.forEach((file, index) => {
    for (const variant of variants) {
      report.runs++;
      const config = variant.configFor(file.language);
      const options = { filename: file.filename };
      let result;
      let before;
      try {
        result = linter.verifyAndFix(file.code, config, options);
        before = result.fixed ? linter.verify(file.code, config, options) : result.messages;
      } catch (error) {
        report.exceptions.push({ filename: file.filename, variant: variant.name, error: describeError(error), stack: error?.stack ?? '' });
        continue;
      }
      const fatal = before.find((message) => message.fatal);
      if (fatal) {
        report.inputNotParsed.push({ filename: file.filename, variant: variant.name, error: fatal.message });
        continue;
      }
      const findings = before.filter(isPluginMessage);
      if (findings.length > 0) report.filesWithFindings++;
      for (const message of findings) {
        const key = `${message.ruleId}:${message.messageId ?? '?'}`;
        report.findings[key] = (report.findings[key] ?? 0) + 1;
        if (message.fix) report.fixableFindings++;
        for (const suggestion of message.suggestions ?? []) {
          report.suggestionsApplied++;
          const [start, end] = suggestion.fix.range;
          const suggested = file.code.slice(0, start) + suggestion.fix.text + file.code.slice(end);
          const suggestionError = linter.verify(suggested, parseOnly(file.language), options).find((item) => item.fatal);
          if (suggestionError) {
            report.unparsableSuggestions.push({ filename: file.filename, variant: variant.name, error: `${suggestion.desc}: ${suggestionError.message}`, output: suggested });
          }
        }
      }
      if (!result.fixed) continue;
      report.filesFixed++;
      const reparsed = linter.verify(result.output, parseOnly(file.language), options);
      const parseError = reparsed.find((message) => message.fatal);
      if (parseError) {
        report.unparsableFixes.push({ filename: file.filename, variant: variant.name, error: parseError.message, output: result.output });
      } else if (result.messages.some((message) => message.fix && isPluginMessage(message))) {
        report.unconvergedFixes.push({ filename: file.filename, variant: variant.name, output: result.output });
      }
    }
    onProgress?.(index + 1, files.length);
  });
  return report;
}

/** A plain-text summary of a sweep report. */
export function formatSweepReport(report) {
  const row = (label, value) => `${`${label}:`.padEnd(24)}${value}`;
  const languages = Object.entries(report.byLanguage)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([language, count]) => `${language} ${count}`)
    .join(', ');
  const lines = [
    row('files', `${report.files} (${languages})`),
    row('lint runs', `${report.runs} (each file under: strict, strict + settings)`),
    row('inputs not parsed', report.inputNotParsed.length),
    row('exceptions', report.exceptions.length),
    row('files with findings', report.filesWithFindings),
    row('findings', Object.values(report.findings).reduce((sum, count) => sum + count, 0)),
    row('fixable findings', report.fixableFindings),
    row('files fixed', report.filesFixed),
    row('unparsable fixes', report.unparsableFixes.length),
    row('fixes not converged', report.unconvergedFixes.length),
    row('suggestions applied', `${report.suggestionsApplied} (each alone, on the original file)`),
    row('unparsable suggestions', report.unparsableSuggestions.length),
    'findings by rule and message:',
    ...Object.entries(report.findings)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `  ${key.padEnd(62)} ${count}`),
  ];
  for (const item of report.inputNotParsed.slice(0, 10)) lines.push(`input not parsed: ${item.filename}: ${item.error}`);
  for (const item of report.exceptions) lines.push(`EXCEPTION [${item.variant}] ${item.filename}\n  ${item.stack.split('\n').slice(0, 6).join('\n  ')}`);
  for (const item of report.unparsableFixes) lines.push(`UNPARSABLE FIX [${item.variant}] ${item.filename}: ${item.error}`);
  for (const item of report.unparsableSuggestions) lines.push(`UNPARSABLE SUGGESTION [${item.variant}] ${item.filename}: ${item.error}`);
  for (const item of report.unconvergedFixes) lines.push(`FIX NOT CONVERGED [${item.variant}] ${item.filename}`);
  return lines.join('\n');
}
