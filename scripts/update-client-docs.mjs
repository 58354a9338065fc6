#!/usr/bin/env node
/**
 * Writes the supported clients table, generated from the built client table, between the
 * `<!-- begin clients -->` and `<!-- end clients -->` markers of README.md (and of any rule doc
 * that has them). With `--check` it writes nothing and fails when a table differs.
 *
 *   npm run update:docs                          (builds first)
 *   node scripts/update-client-docs.mjs --check  (part of npm test)
 *   node scripts/update-client-docs.mjs --check some/copy.md
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BEGIN_MARKER, clientTableProblem, withClientTable } from './lib/client-docs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ options: { check: { type: 'boolean', default: false } }, allowPositionals: true });

const built = path.join(root, 'dist', 'analysis', 'clients', 'rows.js');
if (!existsSync(built)) {
  process.stderr.write(`${path.relative(root, built)} is missing: run \`npm run build\` first\n`);
  process.exit(1);
}
const { CLIENTS } = await import(pathToFileURL(built).href);

/** README.md, and the rule docs that carry the markers. */
function defaultTargets() {
  const rulesDirectory = path.join(root, 'docs', 'rules');
  const ruleDocs = readdirSync(rulesDirectory)
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(rulesDirectory, name))
    .filter((file) => readFileSync(file, 'utf8').includes(BEGIN_MARKER));
  return [path.join(root, 'README.md'), ...ruleDocs];
}

const targets = positionals.length > 0 ? positionals.map((file) => path.resolve(file)) : defaultTargets();
let failed = false;
for (const file of targets) {
  const name = path.relative(root, file) || file;
  const text = readFileSync(file, 'utf8');
  const problem = clientTableProblem(name, text, CLIENTS);
  if (!problem) continue;
  const updated = withClientTable(text, CLIENTS);
  if (values.check || updated === null) {
    process.stderr.write(`${problem}\n`);
    failed = true;
  } else {
    writeFileSync(file, updated);
    process.stdout.write(`${name}: supported clients table updated\n`);
  }
}
if (failed) process.exitCode = 1;
