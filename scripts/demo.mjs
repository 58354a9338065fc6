// Lints the bundled examples/ and shows the findings, then what `eslint --fix` would change.
// Nothing is written: fixes are shown as diffs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const examples = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const identity = JSON.parse(readFileSync(path.join(examples, 'package.json'), 'utf8')).openrouter;

/** A line diff (longest common subsequence), printed in unified style without hunks. */
function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push(`  ${j + 1} + ${b[j++]}`);
    } else {
      out.push(`  ${i + 1} - ${a[i++]}`);
    }
  }
  return out.join('\n');
}

const lint = new ESLint({ cwd: examples });
const results = await lint.lintFiles(['src']);
const formatter = await lint.loadFormatter('stylish');
console.log(`Project identity (examples/package.json "openrouter"): ${JSON.stringify(identity)}\n`);
console.log('== Findings ==');
console.log((await formatter.format(results)) || 'none');

const fixer = new ESLint({ cwd: examples, fix: true });
console.log('== What `eslint --fix` would change ==');
let changed = 0;
for (const result of await fixer.lintFiles(['src'])) {
  if (result.output === undefined) continue;
  changed++;
  console.log(`\n${path.relative(examples, result.filePath)}`);
  console.log(lineDiff(readFileSync(result.filePath, 'utf8'), result.output));
}
console.log(changed === 0 ? 'nothing' : `\n${changed} file(s) would change; findings without a fix need a human decision (suggestions in the editor).`);
