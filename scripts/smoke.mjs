#!/usr/bin/env node
/**
 * Real-code smoke run: every rule over the node_modules files and README examples that mention
 * OpenRouter (crashes fail) and over the attributed fixtures of tests/fixtures/real-shapes (crashes, any report, or a
 * site count other than the file names, fail). Prints files, sites and reports by rule.
 *
 *   npm run smoke                        (builds first; lints dist/)
 *   node scripts/smoke.mjs --no-modules  (the fixtures only)
 *   node scripts/smoke.mjs --modules /tmp/pkgs/node_modules  (another node_modules as well, such as
 *     one where the OpenRouter SDKs are installed: npm i --prefix /tmp/pkgs @openrouter/sdk ...)
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatSmokeReport, openRouterModuleFiles, readmeExamples, realShapeFiles, REAL_SHAPES_DIRECTORY, smoke, smokeFailed } from './lib/smoke.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { 'no-modules': { type: 'boolean', default: false }, modules: { type: 'string', multiple: true, default: [] } } });
const load = async (file) => import(pathToFileURL(path.join(root, 'dist', file)).href);
const { default: plugin } = await load('index.js');
const { sitePlugin } = await load(path.join('hosts', 'audit', 'site-count-rule.js'));

const started = performance.now();
const groups = [[`attributed fixtures (${REAL_SHAPES_DIRECTORY})`, realShapeFiles(root), true]];
const folders = [...(values['no-modules'] ? [] : [path.join(root, 'node_modules')]), ...values.modules.map((folder) => path.resolve(folder))];
for (const folder of folders) {
  const where = path.relative(root, folder) || folder;
  groups.push([`files that mention OpenRouter in ${where}`, openRouterModuleFiles(folder), false]);
  groups.push([`README examples that mention OpenRouter in ${where}`, readmeExamples(folder), false]);
}

let failed = false;
for (const [name, files, attributed] of groups) {
  const report = smoke(files, { plugin, sitePlugin, cwd: root, attributed });
  process.stdout.write(`\n== ${name}\n${formatSmokeReport(report, root)}\n`);
  failed ||= smokeFailed(report);
}
process.stdout.write(`\nsmoke run in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
if (failed) {
  process.stdout.write('FAILED: crashes, reports on attributed code, or missed sites (see above)\n');
  process.exitCode = 1;
}
