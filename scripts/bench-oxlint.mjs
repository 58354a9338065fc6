#!/usr/bin/env node
/**
 * The plugin's rules under Oxlint and under ESLint, on the same files, in the same run.
 *
 * Both linters run as their CLIs (a process per run, as in CI or a pre-commit hook) on a temporary
 * project holding two corpora: generated OpenRouter-heavy TypeScript, and real JS from
 * node_modules (almost none of it mentions OpenRouter); files either linter does not parse are
 * dropped first. Six configurations per corpus:
 *   oxlint  + plugin   .oxlintrc.json: jsPlugins + configs.recommended's rules + settings, built-in rules off
 *   oxlint  + empty    one JS rule with an empty Program listener: Oxlint's own cost of any JS plugin
 *   oxlint  bare       no JS plugin, built-in rules off: Oxlint's parse and walk only
 *   eslint  + plugin   eslint.config.mjs: typescript-eslint for .ts, configs.recommended + settings
 *   eslint  + empty    the same config with only the empty rule instead
 *   eslint  bare       the same config without rules
 * Rounds rotate the order of the six. Printed: medians, the ratio Oxlint/ESLint for the same
 * rules (the headline), and the plugin's cost over each linter's bare run. Findings are counted
 * under both linters: the comparison only holds when they agree, and a mismatch is printed.
 *
 * The plugin is the packed package installed in the project. ESLint re-parses every fix with the
 * file's parser; under Oxlint, which gives rules no parser, the plugin does so only with a parser it
 * finds installed: none by default (an Oxlint-only project), typescript-eslint's and espree with
 * --with-parsers.
 *
 *   npm run bench:oxlint                          (builds first)
 *   npm run bench:oxlint -- --rounds 9 --real 2000 --generated 600 --threads 1 --with-parsers
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { collectJsCorpus } from './lib/corpus-files.mjs';
import { PROJECT_SETTINGS } from './lib/lint-configs.mjs';
import { median, versionOf } from './lib/bench-stats.mjs';
import { generateOpenRouterCorpus, writeOpenRouterCorpus } from './lib/openrouter-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    real: { type: 'string', default: '1000' },
    generated: { type: 'string', default: '300' },
    // Oxlint lints files in parallel; unset means its default (one thread per core).
    threads: { type: 'string' },
    // Install @typescript-eslint/parser and espree beside the plugin, as in a project that also has ESLint.
    'with-parsers': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(args.rounds);

const out = (line = '') => process.stdout.write(`${line}\n`);
const write = (file, text) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};


const OXLINT_CLI = path.join(root, 'node_modules/oxlint/bin/oxlint');
const ESLINT_CLI = path.join(root, 'node_modules/eslint/bin/eslint.js');

// A temporary project outside the repository: Oxlint honours .gitignore, which ignores .bench/.
const project = mkdtempSync(path.join(tmpdir(), 'bench-oxlint-'));
// The packed package in the project's node_modules, as a user's project has it; both linters load this copy.
const installed = path.join(project, 'node_modules', 'eslint-plugin-openrouter');
mkdirSync(installed, { recursive: true });
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: root, encoding: 'utf8' }))[0];
execFileSync('tar', ['-xzf', path.join(project, packed.filename), '-C', installed, '--strip-components=1']);
if (args['with-parsers']) {
  mkdirSync(path.join(project, 'node_modules', '@typescript-eslint'), { recursive: true });
  for (const name of ['@typescript-eslint/parser', 'espree']) symlinkSync(path.join(root, 'node_modules', name), path.join(project, 'node_modules', name), 'dir');
}
const plugin = require(installed);
const RULES = plugin.configs.recommended.rules;
const corpora = { generated: path.join(project, 'generated'), real: path.join(project, 'real') };
writeOpenRouterCorpus(corpora.generated, generateOpenRouterCorpus({ count: Number(args.generated) }));
const EXTENSION = { module: '.mjs', commonjs: '.cjs', script: '.cjs' };
const realFiles = collectJsCorpus(path.join(root, 'node_modules'), { maxFiles: Number(args.real) }).filter((file) => EXTENSION[file.language]);
realFiles.forEach((file, index) => {
  // Flattened out of node_modules (both linters skip it) under an extension that says how it parses.
  const name = `${String(index).padStart(5, '0')}-${path.basename(file.filename).replace(/\.[cm]?js$/, '')}${EXTENSION[file.language]}`;
  write(path.join(corpora.real, name), file.code);
});

const configs = path.join(project, 'configs');
const oxlintPlugin = path.join(configs, 'oxlint-plugin.json');
const oxlintBare = path.join(configs, 'oxlint-bare.json');
write(oxlintPlugin, JSON.stringify({ jsPlugins: ['eslint-plugin-openrouter'], rules: RULES, settings: PROJECT_SETTINGS }, null, 2));
write(oxlintBare, JSON.stringify({ rules: {} }, null, 2));
// Each linter's own cost of running any JS rule (for Oxlint: starting JS, handing each file's AST over), apart from ours.
const EMPTY_PLUGIN = path.join(configs, 'empty-plugin.cjs');
const oxlintEmpty = path.join(configs, 'oxlint-empty.json');
write(EMPTY_PLUGIN, "module.exports = { meta: { name: 'empty' }, rules: { program: { create: () => ({ Program() {} }) } } };\n");
write(oxlintEmpty, JSON.stringify({ jsPlugins: ['./empty-plugin.cjs'], rules: { 'empty/program': 'error' } }, null, 2));
const eslintConfig = (rules) => `import tsParser from ${JSON.stringify(pathToFileURL(require.resolve('@typescript-eslint/parser')).href)};
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const plugin = require(${JSON.stringify(installed)});
const empty = require(${JSON.stringify(EMPTY_PLUGIN)});
export default [
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  { plugins: { openrouter: plugin, empty }, rules: ${JSON.stringify(rules)}, settings: ${JSON.stringify(PROJECT_SETTINGS)} },
];
`;
const eslintPlugin = path.join(configs, 'eslint-plugin.config.mjs');
const eslintEmpty = path.join(configs, 'eslint-empty.config.mjs');
const eslintBare = path.join(configs, 'eslint-bare.config.mjs');
write(eslintPlugin, eslintConfig(RULES));
write(eslintEmpty, eslintConfig({ 'empty/program': 'error' }));
write(eslintBare, eslintConfig({}));

const threads = args.threads ? ['--threads', args.threads] : [];
const env = { ...process.env, NODE_OPTIONS: '' };
/** Runs a CLI on a corpus; returns its wall time and the plugin's findings it printed as JSON. */
function run(kind, config, corpus) {
  const command =
    kind === 'oxlint'
      ? [OXLINT_CLI, '-c', config, '--allow', 'all', '--no-ignore', '--format', 'json', ...threads, '.']
      : [ESLINT_CLI, '-c', config, '--format', 'json', '.'];
  const start = process.hrtime.bigint();
  let stdout;
  try {
    stdout = execFileSync(process.execPath, command, { cwd: corpus, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if (typeof error.status !== 'number' || !error.stdout) throw error;
    stdout = error.stdout;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  const parsed = JSON.parse(stdout);
  const unparsed =
    kind === 'oxlint'
      ? parsed.diagnostics.filter((diagnostic) => !diagnostic.code).map((diagnostic) => diagnostic.filename)
      : parsed.filter((result) => result.messages.some((message) => message.fatal)).map((result) => result.filePath);
  const findings =
    kind === 'oxlint'
      ? parsed.diagnostics.filter((diagnostic) => diagnostic.code?.startsWith('openrouter(')).length
      : parsed.reduce((sum, result) => sum + result.messages.filter((message) => message.ruleId?.startsWith('openrouter/')).length, 0);
  return { elapsed, findings, unparsed: [...new Set(unparsed)].map((file) => path.resolve(corpus, file)) };
}

// Only files both linters parse: Oxlint refuses some that typescript-eslint accepts (a redeclared
// import binding is a syntax error to Oxlint and to espree, not to typescript-eslint).
const dropped = {};
for (const [corpusName, directory] of Object.entries(corpora)) {
  const unparsed = new Set([...run('oxlint', oxlintBare, directory).unparsed, ...run('eslint', eslintBare, directory).unparsed]);
  for (const file of unparsed) rmSync(file);
  dropped[corpusName] = unparsed.size;
}

const CONFIGURATIONS = [
  { name: 'oxlint + plugin', kind: 'oxlint', config: oxlintPlugin },
  { name: 'oxlint + empty JS rule', kind: 'oxlint', config: oxlintEmpty },
  { name: 'oxlint bare', kind: 'oxlint', config: oxlintBare },
  { name: 'eslint + plugin', kind: 'eslint', config: eslintPlugin },
  { name: 'eslint + empty JS rule', kind: 'eslint', config: eslintEmpty },
  { name: 'eslint bare', kind: 'eslint', config: eslintBare },
];

out('# Oxlint vs ESLint, same rules, same files');
out();
out(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})`);
out(`oxlint ${versionOf('oxlint')}${args.threads ? ` --threads ${args.threads}` : ' (default threads)'}, eslint ${versionOf('eslint')}, @typescript-eslint/parser ${versionOf('@typescript-eslint/parser')}, plugin ${plugin.meta.version}`);
out(
  `corpora: generated ${args.generated - dropped.generated} OpenRouter TypeScript files (${dropped.generated} dropped that a linter does not parse); ` +
    `real ${realFiles.length - dropped.real} JS files from node_modules (${dropped.real} dropped)`,
);
out(
  args['with-parsers']
    ? 'plugin installed with @typescript-eslint/parser and espree beside it: under Oxlint, fixes are re-parsed with them'
    : 'plugin installed alone, as in an Oxlint-only project: under Oxlint no parser is found to re-parse fixes with (--with-parsers adds them)',
);
out(`rounds: 1 warm-up + ${ROUNDS}, configuration order rotated each round; load average at start ${loadavg().map((value) => value.toFixed(1)).join(' ')}`);

for (const [corpusName, directory] of Object.entries(corpora)) {
  const times = Object.fromEntries(CONFIGURATIONS.map((configuration) => [configuration.name, []]));
  const counts = {};
  for (let round = 0; round <= ROUNDS; round++) {
    for (let step = 0; step < CONFIGURATIONS.length; step++) {
      const configuration = CONFIGURATIONS[(round + step) % CONFIGURATIONS.length];
      const result = run(configuration.kind, configuration.config, directory);
      counts[configuration.name] = result;
      if (round > 0) times[configuration.name].push(result.elapsed);
    }
  }
  const medians = Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
  // Per-round ratios, so machine load shared by a round cancels out.
  const perRound = (a, b) => median(times[a].map((value, index) => value / times[b][index]));
  out();
  out(`## ${corpusName}`);
  out();
  out('| configuration | median wall time | plugin findings |');
  out('|---|---:|---:|');
  for (const { name } of CONFIGURATIONS) {
    out(`| ${name} | ${medians[name].toFixed(0)} ms | ${name.endsWith('+ plugin') ? counts[name].findings : '–'} |`);
  }
  out();
  out(`- **Oxlint / ESLint, same rules: ${perRound('oxlint + plugin', 'eslint + plugin').toFixed(3)}** (median of per-round ratios)`);
  out(`- Oxlint / ESLint, bare: ${perRound('oxlint bare', 'eslint bare').toFixed(3)}`);
  out(`- plugin under Oxlint: +${(medians['oxlint + plugin'] - medians['oxlint bare']).toFixed(0)} ms, ratio to bare ${perRound('oxlint + plugin', 'oxlint bare').toFixed(3)}`);
  out(
    `- of which Oxlint's cost of any JS plugin: +${(medians['oxlint + empty JS rule'] - medians['oxlint bare']).toFixed(0)} ms; ` +
      `the plugin over an empty JS rule: ratio ${perRound('oxlint + plugin', 'oxlint + empty JS rule').toFixed(3)}`,
  );
  out(`- plugin under ESLint: +${(medians['eslint + plugin'] - medians['eslint bare']).toFixed(0)} ms, ratio to bare ${perRound('eslint + plugin', 'eslint bare').toFixed(3)}`);
  out(
    `- of which ESLint's cost of any rule: +${(medians['eslint + empty JS rule'] - medians['eslint bare']).toFixed(0)} ms; ` +
      `the plugin over an empty rule: ratio ${perRound('eslint + plugin', 'eslint + empty JS rule').toFixed(3)}`,
  );
  if (counts['oxlint + plugin'].findings !== counts['eslint + plugin'].findings) {
    out(`- **findings differ**: Oxlint ${counts['oxlint + plugin'].findings}, ESLint ${counts['eslint + plugin'].findings}; the ratio compares unequal work`);
  }
}

if (args.keep) out(`\nproject kept at ${project}`);
else rmSync(project, { recursive: true, force: true });
