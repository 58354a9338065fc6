// Lints the bundled examples/ and shows each finding with the suggestions an editor would offer,
// then what `eslint --fix` would change, as unified diffs. Nothing is written; paths are relative.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { unifiedDiff, unifiedDiffHunks } from './lib/unified-diff.mjs';

const examples = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const FIX_CONTEXT = 2;

/** A path as the user would type it from where the demo runs. */
function shown(file) {
  return path.relative(process.cwd(), file).split(path.sep).join('/') || '.';
}

function indent(text, by) {
  return text.replace(/^/gm, by);
}

/** The source with one suggestion (or fix) applied. */
function applyEdit(source, { range: [start, end], text }) {
  return source.slice(0, start) + text + source.slice(end);
}

const identity = JSON.parse(readFileSync(path.join(examples, 'package.json'), 'utf8')).openrouter;
console.log(`Project identity (${shown(path.join(examples, 'package.json'))} "openrouter"): ${JSON.stringify(identity)}\n`);

const lint = new ESLint({ cwd: examples });
const results = await lint.lintFiles(['src']);
let errors = 0;
let warnings = 0;
let fixable = 0;
let suggestible = 0;
console.log('== Findings, with what the editor offers ==');
for (const result of results) {
  if (result.messages.length === 0) continue;
  const source = readFileSync(result.filePath, 'utf8');
  console.log(`\n${shown(result.filePath)}`);
  for (const message of result.messages) {
    const severity = message.severity === 2 ? 'error' : 'warning';
    if (message.severity === 2) errors++;
    else warnings++;
    if (message.fix) fixable++;
    if (message.suggestions?.length) suggestible++;
    const fixNote = message.fix ? '  [--fix]' : '';
    console.log(`  ${message.line}:${message.column}  ${severity}  ${message.message}  ${message.ruleId ?? ''}${fixNote}`);
    for (const suggestion of message.suggestions ?? []) {
      console.log(`      suggestion: ${suggestion.desc}`);
      for (const hunk of unifiedDiffHunks(source, applyEdit(source, suggestion.fix), 0)) console.log(indent(hunk, '        '));
    }
  }
}
const total = errors + warnings;
console.log(
  total === 0
    ? 'none'
    : `\n${total} problem(s) (${errors} error(s), ${warnings} warning(s)): ${fixable} fixed by \`eslint --fix\`, ${suggestible} with editor suggestions.`,
);

const fixer = new ESLint({ cwd: examples, fix: true });
console.log('\n== What `eslint --fix` would change ==');
let changed = 0;
let left = 0;
for (const result of await fixer.lintFiles(['src'])) {
  left += result.messages.length;
  if (result.output === undefined) continue;
  changed++;
  console.log(`\n${unifiedDiff(shown(result.filePath), readFileSync(result.filePath, 'utf8'), result.output, FIX_CONTEXT)}`);
}
console.log(
  changed === 0
    ? 'nothing'
    : `\n${changed} file(s) would change; ${left} finding(s) would be left, each a decision for a human (see the suggestions above).`,
);
