#!/usr/bin/env node
/**
 * Crash and fix-safety sweep over every JS/TS file in node_modules, the test fixtures and the
 * generated OpenRouter corpus: every rule, with and without project settings, fixes applied.
 * Exits non-zero on any exception, or any fixed or suggested output that no longer parses.
 *
 *   npm run sweep                       (builds first; lints dist/)
 *   node scripts/sweep.mjs --sample 500 (an even sample of node_modules instead of all of it)
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateOpenRouterCorpus, writeOpenRouterCorpus } from './lib/openrouter-corpus.mjs';
import { fixtureFiles, formatSweepReport, generatedFiles, GENERATED_DIRECTORY, nodeModulesFiles, sweep } from './lib/sweep.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    sample: { type: 'string' },
    generated: { type: 'string', default: '300' },
  },
});

const { default: plugin } = await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href);
const generatedCount = Number(values.generated);
writeOpenRouterCorpus(path.join(root, GENERATED_DIRECTORY), generateOpenRouterCorpus({ count: generatedCount }));

const started = performance.now();
const groups = {
  'node_modules': nodeModulesFiles(root, { sample: values.sample ? Number(values.sample) : Infinity }),
  'tests/fixtures': fixtureFiles(root),
  [`generated (${GENERATED_DIRECTORY})`]: generatedFiles(root, { count: generatedCount }),
};

const totals = { files: 0, runs: 0, exceptions: 0, filesFixed: 0, unparsableFixes: 0, suggestionsApplied: 0, unparsableSuggestions: 0 };
for (const [name, files] of Object.entries(groups)) {
  process.stdout.write(`\n== ${name}\n`);
  const report = sweep(files, {
    plugin,
    cwd: root,
    onProgress: (done, total) => {
      if (process.stdout.isTTY && (done % 100 === 0 || done === total)) process.stdout.write(`\r  ${done}/${total}`);
    },
  });
  if (process.stdout.isTTY) process.stdout.write('\r');
  process.stdout.write(`${formatSweepReport(report)}\n`);
  totals.files += report.files;
  totals.runs += report.runs;
  totals.exceptions += report.exceptions.length;
  totals.filesFixed += report.filesFixed;
  totals.unparsableFixes += report.unparsableFixes.length;
  totals.suggestionsApplied += report.suggestionsApplied;
  totals.unparsableSuggestions += report.unparsableSuggestions.length;
}
process.stdout.write(`\n== total\n${Object.entries(totals)
  .map(([key, value]) => `${key}: ${value}`)
  .join(', ')}\nswept in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
if (totals.exceptions > 0 || totals.unparsableFixes > 0 || totals.unparsableSuggestions > 0) {
  process.stdout.write('FAILED: exceptions or unparsable fixes (see above)\n');
  process.exitCode = 1;
}
