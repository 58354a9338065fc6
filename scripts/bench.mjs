#!/usr/bin/env node
/**
 * How much linting time the plugin adds to parsing alone, on real code and on OpenRouter-heavy code.
 *
 * Three configurations, linted in-process with `Linter` on sources read beforehand (no file I/O),
 * in rounds; within a round each file is linted under all three, the order rotated file by file:
 *   parse   no rules: parsing, scope analysis and traversal only
 *   plugin  configs.recommended with settings.openrouter
 *   naive   one core rule with one selector (no-restricted-syntax on fetch calls)
 * Corpora: JS files of node_modules (espree) and generated OpenRouter TypeScript (typescript-eslint).
 * Then per-rule times (`stats: true`), memory, and a scale run over 10,000 files.
 *
 *   npm run bench                          (builds first, runs with --expose-gc)
 *   npm run bench -- --rounds 9 --scale 20000
 *   npm run bench -- --no-scale --json .bench/bench.json
 */
import { availableParallelism, cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Linter } from 'eslint';
import { collectJsCorpus, listFiles, readSourceFiles } from './lib/corpus-files.mjs';
import { configsByLanguage, PROJECT_SETTINGS } from './lib/lint-configs.mjs';
import { normalizeConfig, PRENORMALISED } from './lib/normalized-config.mjs';
import { generateOpenRouterCorpus, writeOpenRouterCorpus } from './lib/openrouter-corpus.mjs';
import { median, versionOf } from './lib/bench-stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    'max-files': { type: 'string', default: '3000' },
    'max-bytes': { type: 'string', default: String(256 * 1024) },
    generated: { type: 'string', default: '300' },
    scale: { type: 'string', default: '10000' },
    'no-scale': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const ROUNDS = Number(args.rounds);
const OPENROUTER_TEXT = /open[-_]?router/i;
const NAIVE_SELECTOR = "CallExpression[callee.name='fetch']";

const plugin = require(path.join(root, 'dist', 'index.js'));
const { projectConfigCacheSize } = require(path.join(root, 'dist', 'analysis', 'identity', 'project-config.js'));

const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (value) => `${value.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const collectGarbage = () => globalThis.gc?.();

// ---- corpora --------------------------------------------------------------------------------

const generatedDirectory = path.join(root, '.bench', 'generated');
mkdirSync(generatedDirectory, { recursive: true });
writeOpenRouterCorpus(generatedDirectory, generateOpenRouterCorpus({ count: Number(args.generated) }));
const jsCorpus = collectJsCorpus(path.join(root, 'node_modules'), { maxFiles: Number(args['max-files']), maxBytes: Number(args['max-bytes']) });
const tsCorpus = readSourceFiles(listFiles(generatedDirectory, ['.ts']));

const groups = {
  'js, no OpenRouter': jsCorpus.filter((file) => !OPENROUTER_TEXT.test(file.code)),
  'js, mentions OpenRouter': jsCorpus.filter((file) => OPENROUTER_TEXT.test(file.code)),
  'ts, generated OpenRouter': tsCorpus,
};
const GROUP_NAMES = Object.keys(groups);
const describeFiles = (files) => {
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.code), 0);
  const lines = files.reduce((sum, file) => sum + file.code.split('\n').length, 0);
  return { files: files.length, bytes, lines };
};

// ---- configurations -------------------------------------------------------------------------

/**
 * The corpus's own `/* eslint ... *\/` comments would switch rules on and off per file, and
 * unused-directive reports depend on which rules run: both off, so each configuration runs exactly
 * the rules it names.
 */
const LINTER_OPTIONS = { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } };
const CONFIGURATIONS = {
  parse: [LINTER_OPTIONS],
  plugin: [LINTER_OPTIONS, plugin.configs.recommended, { settings: PROJECT_SETTINGS }],
  naive: [LINTER_OPTIONS, { rules: { 'no-restricted-syntax': ['error', NAIVE_SELECTOR] } }],
};
const CONFIG_NAMES = Object.keys(CONFIGURATIONS);
const configFor = Object.fromEntries(
  CONFIG_NAMES.map((name) => {
    const byLanguage = configsByLanguage(CONFIGURATIONS[name]);
    const normalised = new Map();
    return [
      name,
      (language) => {
        if (!normalised.has(language)) normalised.set(language, normalizeConfig(byLanguage(language), root));
        return normalised.get(language);
      },
    ];
  }),
);

// ---- timing ---------------------------------------------------------------------------------

const linter = new Linter({ cwd: root });
let peakRss = process.memoryUsage().rss;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
/** Memory at the end of each phase: rss now, the sampled peak, and the kernel's high-water mark. */
const phases = [];
const endPhase = (name) => {
  sampleRss();
  phases.push({ name, rss: process.memoryUsage().rss, peakSampled: peakRss, maxRss: process.resourceUsage().maxRSS * 1024 });
};

// Garbage-collection pauses, from the runtime: a pause lands on whichever verify happens to trigger
// it, so each round is reported with and without them.
const gcPauses = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.push([entry.startTime, entry.startTime + entry.duration]);
}).observe({ entryTypes: ['gc'] });
const flushObservers = () => new Promise((resolve) => setTimeout(resolve, 20));

const zeroes = () => Object.fromEntries(CONFIG_NAMES.map((name) => [name, Object.fromEntries(GROUP_NAMES.map((group) => [group, 0]))]));

/**
 * One round: every file linted under every configuration, file by file, the order of the
 * configurations rotated from one file to the next, so that whatever else the machine does slows
 * all three alike. Returns milliseconds per configuration and group (wall time, and wall time less
 * the GC pauses that fell inside each verify) and message counts.
 */
async function lintRound(roundIndex) {
  const elapsed = zeroes();
  const messages = Object.fromEntries(CONFIG_NAMES.map((name) => [name, 0]));
  const count = GROUP_NAMES.reduce((sum, group) => sum + groups[group].length, 0) * CONFIG_NAMES.length;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const owners = [];
  await flushObservers();
  gcPauses.length = 0;
  let turn = roundIndex;
  let slot = 0;
  for (const group of GROUP_NAMES) {
    for (const file of groups[group]) {
      for (let offset = 0; offset < CONFIG_NAMES.length; offset++) {
        const name = CONFIG_NAMES[(turn + offset) % CONFIG_NAMES.length];
        const config = configFor[name](file.language);
        const started = performance.now();
        messages[name] += linter.verify(file.code, config, { filename: file.filename }).length;
        const ended = performance.now();
        elapsed[name][group] += ended - started;
        starts[slot] = started;
        ends[slot] = ended;
        owners[slot++] = [name, group];
      }
      if (++turn % 200 === 0) sampleRss();
    }
  }
  await flushObservers();
  const withoutGc = structuredClone(elapsed);
  let gcTotal = 0;
  for (const [pauseStart, pauseEnd] of gcPauses) {
    gcTotal += pauseEnd - pauseStart;
    // The last verify that started before the pause ended, then back while they overlap it.
    let low = 0;
    let high = slot - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] < pauseEnd) low = middle;
      else high = middle - 1;
    }
    for (let index = low; index >= 0 && ends[index] > pauseStart; index--) {
      const overlap = Math.min(ends[index], pauseEnd) - Math.max(starts[index], pauseStart);
      const [name, group] = owners[index];
      if (overlap > 0) withoutGc[name][group] -= overlap;
    }
  }
  return { elapsed, withoutGc, gcTotal, messages };
}

endPhase('corpora read');
out('# eslint-plugin-openrouter benchmark');
out();
out(`machine:     ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown cpu'}), ${mb(totalmem())} memory, node ${process.version}, ${process.platform}/${process.arch}`);
out(`versions:    eslint ${versionOf('eslint')}, typescript ${versionOf('typescript')}, @typescript-eslint/parser ${versionOf('@typescript-eslint/parser')}, espree ${versionOf('espree')}, plugin ${plugin.meta.version}`);
out(`configs:     ${PRENORMALISED ? 'normalised once (as the ESLint class does)' : 'plain arrays, normalised by Linter on every call'}`);
for (const name of GROUP_NAMES) {
  const { files, bytes, lines } = describeFiles(groups[name]);
  out(`corpus:      ${name.padEnd(26)} ${String(files).padStart(5)} files ${mb(bytes).padStart(9)} ${String(lines).padStart(8)} lines`);
}
out();

const warmUp = (await lintRound(0)).messages;
endPhase('warm-up round');
out(`warm-up:     messages per configuration: ${CONFIG_NAMES.map((name) => `${name} ${warmUp[name]}`).join(', ')}`);

const emptySeries = () => Object.fromEntries(CONFIG_NAMES.map((name) => [name, Object.fromEntries(GROUP_NAMES.map((group) => [group, []]))]));
/** Milliseconds per configuration, group and round: wall time, and wall time less GC pauses. */
const times = emptySeries();
const timesWithoutGc = emptySeries();
for (let round = 0; round < ROUNDS; round++) {
  collectGarbage();
  const { elapsed, withoutGc, gcTotal } = await lintRound(round);
  for (const name of CONFIG_NAMES) {
    for (const group of GROUP_NAMES) {
      times[name][group].push(elapsed[name][group]);
      timesWithoutGc[name][group].push(withoutGc[name][group]);
    }
  }
  const total = (series, name) => ms(GROUP_NAMES.reduce((sum, group) => sum + series[name][group], 0));
  out(
    `round ${round + 1}/${ROUNDS}:   rotation from ${CONFIG_NAMES[round % CONFIG_NAMES.length].padEnd(6)} ` +
      `${CONFIG_NAMES.map((name) => `${name} ${total(elapsed, name)}`).join(', ')}; GC pauses ${ms(gcTotal)}`,
  );
}

endPhase(`${ROUNDS} timed rounds`);

const summary = {};
const percent = (ratio) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(2)}%`;
/**
 * Medians of the round totals, and each configuration's ratio to parsing alone taken round by
 * round (both measured over the same seconds, file by file) with its median and range.
 */
const table = (label, groupNames, series = times, key = label) => {
  out();
  out(`## ${label}: ${ROUNDS} rounds`);
  out(
    `${'configuration'.padEnd(15)}${'median'.padStart(12)}${'min'.padStart(12)}${'max'.padStart(12)}` +
      `${'ratio of medians'.padStart(18)}${'per-round ratio: median [range]'.padStart(34)}`,
  );
  const perRound = (name) => series[name][groupNames[0]].map((_, round) => groupNames.reduce((sum, group) => sum + series[name][group][round], 0));
  const parseRounds = perRound('parse');
  summary[key] = {};
  for (const name of CONFIG_NAMES) {
    const rounds = perRound(name);
    const ratios = rounds.map((value, round) => value / parseRounds[round]);
    const entry = {
      median: median(rounds),
      min: Math.min(...rounds),
      max: Math.max(...rounds),
      ratioOfMedians: median(rounds) / median(parseRounds),
      roundRatios: ratios,
      roundRatioMedian: median(ratios),
    };
    summary[key][name] = entry;
    const range = `${entry.roundRatioMedian.toFixed(3)}x [${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}]`;
    out(
      `${name.padEnd(15)}${ms(entry.median).padStart(12)}${ms(entry.min).padStart(12)}${ms(entry.max).padStart(12)}` +
        `${`${entry.ratioOfMedians.toFixed(3)}x`.padStart(18)}${range.padStart(34)}`,
    );
  }
  summary[key].pluginOverheadPercent = (summary[key].plugin.roundRatioMedian - 1) * 100;
  out(
    `plugin over parsing alone: ${percent(summary[key].plugin.roundRatioMedian)} (median per-round ratio); ` +
      `naive rule: ${percent(summary[key].naive.roundRatioMedian)}`,
  );
};
const JS_GROUPS = ['js, no OpenRouter', 'js, mentions OpenRouter'];
const TS_GROUPS = ['ts, generated OpenRouter'];
out();
out('# wall time (GC pauses included, wherever they fell)');
table('JS corpus (node_modules, espree)', JS_GROUPS, times, 'js');
table('generated OpenRouter TS (typescript-eslint)', TS_GROUPS, times, 'ts');
table('all files', GROUP_NAMES, times, 'all');
out();
out('# wall time less GC pauses (headline: the code path itself)');
table('JS corpus (node_modules, espree), without GC', JS_GROUPS, timesWithoutGc, 'js without GC');
table('generated OpenRouter TS (typescript-eslint), without GC', TS_GROUPS, timesWithoutGc, 'ts without GC');
table('all files, without GC', GROUP_NAMES, timesWithoutGc, 'all without GC');

// ---- per-rule times -------------------------------------------------------------------------

let statsCount = 0;
/** One pass with ESLint's `stats` (as `--stats` does): parse and per-rule times per group. */
function statsPass(config) {
  const result = {};
  for (const group of GROUP_NAMES) {
    const sums = { parse: 0, total: 0, rules: {} };
    for (const file of groups[group]) {
      // `stats` is collected by verifyAndFix (ESLint's own path); fix: false keeps it one pass.
      linter.verifyAndFix(file.code, config(file.language), { filename: file.filename, stats: true, fix: false });
      const pass = linter.getTimes().passes[0] ?? {};
      sums.parse += pass.parse?.total ?? 0;
      sums.total += pass.total ?? 0;
      for (const [rule, { total }] of Object.entries(pass.rules ?? {})) sums.rules[rule] = (sums.rules[rule] ?? 0) + total;
      if (++statsCount % 200 === 0) sampleRss();
    }
    result[group] = sums;
  }
  return result;
}

const pluginStats = statsPass(configFor.plugin);
const naiveStats = statsPass(configFor.naive);
endPhase('stats passes');
out();
out('## per-rule time (one pass with stats: true), total over the group and per file');
const ruleNames = [...new Set(GROUP_NAMES.flatMap((group) => Object.keys(pluginStats[group].rules)))].sort();
const perRule = {};
out(`${'rule'.padEnd(42)}${GROUP_NAMES.map((group) => group.padStart(30)).join('')}`);
const cell = (total, files) => `${ms(total)} (${((total * 1000) / Math.max(files, 1)).toFixed(1)} µs/file)`;
for (const rule of [...ruleNames, 'no-restricted-syntax']) {
  const source = rule === 'no-restricted-syntax' ? naiveStats : pluginStats;
  perRule[rule] = Object.fromEntries(GROUP_NAMES.map((group) => [group, source[group].rules[rule] ?? 0]));
  out(`${rule.padEnd(42)}${GROUP_NAMES.map((group) => cell(perRule[rule][group], groups[group].length).padStart(30)).join('')}`);
}
const pluginRuleTotal = (group) => ruleNames.reduce((sum, rule) => sum + (pluginStats[group].rules[rule] ?? 0), 0);
out(`${'all openrouter rules'.padEnd(42)}${GROUP_NAMES.map((group) => cell(pluginRuleTotal(group), groups[group].length).padStart(30)).join('')}`);
out(`${'parse (for comparison)'.padEnd(42)}${GROUP_NAMES.map((group) => cell(pluginStats[group].parse, groups[group].length).padStart(30)).join('')}`);
out('(the shared analysis runs inside whichever rule asks first, so its cost shows under that rule)');

const plainGroup = 'js, no OpenRouter';
const plainFiles = groups[plainGroup].length;
const plainByStats = (pluginRuleTotal(plainGroup) * 1000) / plainFiles;
const plainByRounds = ((median(timesWithoutGc.plugin[plainGroup]) - median(timesWithoutGc.parse[plainGroup])) * 1000) / plainFiles;
out();
out(`cost per file without OpenRouter: ${plainByStats.toFixed(2)} µs in the plugin's rules (stats); ${plainByRounds.toFixed(1)} µs by difference of medians without GC (noise included)`);

// ---- scale ----------------------------------------------------------------------------------

let scale = null;
if (!args['no-scale']) {
  const count = Number(args.scale);
  // Half real JS, half generated OpenRouter files, each in its own directory so the
  // per-directory package.json cache sees a new directory for every file.
  const plain = groups[plainGroup];
  const sequence = Array.from({ length: count }, (_, index) => {
    const source = index % 2 === 0 ? plain[(index / 2) % plain.length] : tsCorpus[((index - 1) / 2) % tsCorpus.length];
    return { ...source, filename: path.join(root, '.bench', 'scale', String(index), path.relative(root, source.filename)) };
  });
  const CHUNK = 1000;
  const checkpoints = [];
  const checkpoint = (files) => {
    collectGarbage();
    const memory = process.memoryUsage();
    checkpoints.push({ files, rss: memory.rss, heapUsed: memory.heapUsed, cache: projectConfigCacheSize() });
  };
  out();
  out(`## scale: ${count} files (${Math.ceil(count / 2)} real JS, ${Math.floor(count / 2)} generated OpenRouter TS), plugin configuration`);
  checkpoint(0);
  const started = performance.now();
  let findings = 0;
  for (let start = 0; start < sequence.length; start += CHUNK) {
    // A fresh config array per chunk: ESLint's own per-path config cache keeps every path it has
    // seen for the life of the array, which would otherwise hide (or be mistaken for) plugin growth.
    const byLanguage = configsByLanguage(CONFIGURATIONS.plugin);
    const normalised = new Map();
    const config = (language) => {
      if (!normalised.has(language)) normalised.set(language, normalizeConfig(byLanguage(language), root));
      return normalised.get(language);
    };
    for (const [index, file] of sequence.slice(start, start + CHUNK).entries()) {
      findings += linter.verify(file.code, config(file.language), { filename: file.filename }).length;
      if (index % 200 === 0) sampleRss();
    }
    checkpoint(Math.min(start + CHUNK, count));
  }
  const elapsed = performance.now() - started;
  out(`${'files'.padStart(8)}${'rss'.padStart(12)}${'heapUsed'.padStart(12)}${'config cache'.padStart(14)}`);
  for (const point of checkpoints) {
    out(`${String(point.files).padStart(8)}${mb(point.rss).padStart(12)}${mb(point.heapUsed).padStart(12)}${String(point.cache).padStart(14)}`);
  }
  const first = checkpoints[1] ?? checkpoints[0];
  const last = checkpoints.at(-1);
  out(`linted in ${(elapsed / 1000).toFixed(1)} s, ${findings} messages`);
  out(`heapUsed from ${first.files} to ${last.files} files: ${last.heapUsed >= first.heapUsed ? '+' : ''}${mb(last.heapUsed - first.heapUsed)}; rss: ${last.rss >= first.rss ? '+' : ''}${mb(last.rss - first.rss)}`);
  out(`projectConfigCacheSize() after the run: ${projectConfigCacheSize()} (two caches, package.json files and directories, 2,000 entries each, 5 s TTL)`);
  scale = { count, elapsed, findings, checkpoints, cacheSize: projectConfigCacheSize() };
  endPhase(`scale (${count} files)`);
}

// ---- memory ---------------------------------------------------------------------------------

out();
out('## memory by phase (rss at the end of the phase, peak of rss sampled every 200 files, process maxRSS)');
for (const phase of phases) {
  out(`${phase.name.padEnd(24)}${mb(phase.rss).padStart(12)}${mb(phase.peakSampled).padStart(12)}${mb(phase.maxRss).padStart(12)}`);
}

if (!globalThis.gc) out('(run with node --expose-gc for memory figures after garbage collection)');

if (args.json) {
  const results = {
    machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? null, memory: totalmem(), node: process.version },
    versions: { eslint: versionOf('eslint'), typescript: versionOf('typescript'), parser: versionOf('@typescript-eslint/parser'), espree: versionOf('espree') },
    corpus: Object.fromEntries(GROUP_NAMES.map((name) => [name, describeFiles(groups[name])])),
    rounds: ROUNDS,
    times,
    timesWithoutGc,
    summary,
    perRule,
    plainFileCost: { byStatsMicroseconds: plainByStats, byRoundsMicroseconds: plainByRounds },
    memory: phases,
    scale,
  };
  writeFileSync(path.resolve(args.json), `${JSON.stringify(results, null, 2)}\n`);
  out(`results written to ${args.json}`);
}
