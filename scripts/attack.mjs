/**
 * `npm run attack`: every hostile input, each linted in processes of its own, reported as ratios to
 * parsing the same file in the same run (time: median of `--runs`; memory: peak RSS of the process).
 * Exits 1 when any input hangs (`--timeout` seconds), crashes, gives an internalError or a fix that
 * does not parse or is not stable. Options: `--scale N` (sizes ×N), `--runs N`, `--only TEXT`. Inputs of
 * class `project` (a project linted file by file, an audit) and `report` (a merge) run once each,
 * against parsing all their files (attack-run.mjs).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { attackInputs } from './lib/attack-inputs.mjs';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '3' }, only: { type: 'string' }, timeout: { type: 'string', default: '300' } },
});
const runner = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib', 'attack-run.mjs');
const inputs = attackInputs(Number(values.scale)).filter((input) => !values.only || input.name.includes(values.only));

function measure(name, mode) {
  try {
    const output = execFileSync(process.execPath, ['--max-old-space-size=4096', runner, name, mode, values.runs, values.scale], {
      encoding: 'utf8',
      timeout: Number(values.timeout) * 1000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(output.trim().split('\n').at(-1));
  } catch (error) {
    return { failed: error.signal === 'SIGTERM' ? `hung past ${values.timeout} s` : `exited: ${String(error.stderr ?? error.message).trim().split('\n').at(-1)}` };
  }
}

const ratio = (value, base) => (base > 0 ? `${(value / base).toFixed(2)}x` : '-');
const rows = [];
let failures = 0;
console.log(`attack: ${inputs.length} inputs, scale ${values.scale}, median of ${values.runs} runs, Node ${process.version}\n`);
console.log(['input', 'class', 'KB', 'parse ms', 'lint time', 'fix time', 'lint RSS', 'fix RSS', 'messages', 'longest', 'verdict'].join(' | '));
for (const input of inputs) {
  const parse = measure(input.name, 'parse');
  const lint = measure(input.name, 'lint');
  const fix = measure(input.name, 'fix');
  const problems = [];
  for (const [mode, result] of [['parse', parse], ['lint', lint], ['fix', fix]]) if (result.failed) problems.push(`${mode} ${result.failed}`);
  if (lint.internalErrors?.length) problems.push(`internalError: ${lint.internalErrors[0]}`);
  if (fix.fixedParses === false) problems.push('a fixed output does not parse');
  if (fix.idempotent === false) problems.push('a second fix pass changes the output');
  // A file the parser itself refuses is ESLint's fatal error, not ours: reported, not a failure.
  const note = lint.fatal?.length ? `parser: ${lint.fatal[0].slice(0, 60)}` : '';
  if (problems.length > 0) failures++;
  const row = [
    input.name,
    input.class,
    ((parse.bytes ?? input.code.length) / 1024).toFixed(0),
    parse.ms?.toFixed(0) ?? '-',
    ratio(lint.ms, parse.ms),
    ratio(fix.ms, parse.ms),
    ratio(lint.rss, parse.rss),
    ratio(fix.rss, parse.rss),
    lint.messages ?? '-',
    lint.longestMessage ?? '-',
    problems.length > 0 ? `FAIL: ${problems.join('; ')}` : note || 'ok',
  ];
  rows.push(row);
  console.log(row.join(' | '));
}
const worst = (column, chosen = rows) => Math.max(0, ...chosen.map((row) => Number.parseFloat(row[column]) || 0)).toFixed(2);
console.log(`\nworst ratios to parsing: lint time ${worst(4)}x, fix time ${worst(5)}x, lint RSS ${worst(6)}x, fix RSS ${worst(7)}x`);
// A project input is measured against parsing all its files (or, for --merge, its reports as JSON).
const projects = rows.filter((row) => row[1] === 'project');
if (projects.length > 0) console.log(`worst ratios of projects: lint time ${worst(4, projects)}x, fix time ${worst(5, projects)}x, lint RSS ${worst(6, projects)}x, fix RSS ${worst(7, projects)}x`);
console.log(`${rows.length - failures} passed, ${failures} failed`);
process.exitCode = failures > 0 ? 1 : 0;
