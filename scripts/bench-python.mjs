#!/usr/bin/env node
/**
 * The audit's files per second on Python files against JavaScript ones, in the same run: two generated
 * trees of `--files` ordinary modules that never mention OpenRouter (the bulk of any repository), one in
 * Python and one in JavaScript of about the same size, and a third of Python modules that name an LLM client
 * (so each is parsed and searched for sites). Rounds alternate which tree goes first; medians are printed with
 * the ratio of Python's files per second to JavaScript's.
 *
 *   npm run build && node scripts/bench-python.mjs [--rounds 5] [--files 3000]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './lib/bench-stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, files: { type: 'string', default: '3000' } } });
const rounds = Number(args.rounds);
const files = Number(args.files);

function pythonModule(index, client) {
  const head = client ? 'from openai import OpenAI\nimport os\n\nclient = OpenAI(base_url=os.environ["LLM_URL"])\n\n' : 'import json\nimport os\n\n';
  let body = '';
  for (let fn = 0; fn < 12; fn++) {
    body += `def handler_${index}_${fn}(payload, retries=3):\n    """Process one request."""\n    data = json.loads(payload)\n    total = 0\n    for item in data.get("items", []):\n        if item.get("kind") == "a":\n            total += item["value"] * ${fn + 1}\n        else:\n            total -= len(str(item))\n    return {"total": total, "name": f"handler-{${fn}}", "path": os.path.join("tmp", str(total))}\n\n`;
  }
  return head + body;
}

function javascriptModule(index) {
  let body = "import fs from 'node:fs';\nimport path from 'node:path';\n\n";
  for (let fn = 0; fn < 12; fn++) {
    body += `export function handler${index}_${fn}(payload, retries = 3) {\n  // Process one request.\n  const data = JSON.parse(payload);\n  let total = 0;\n  for (const item of data.items ?? []) {\n    if (item.kind === 'a') total += item.value * ${fn + 1};\n    else total -= String(item).length;\n  }\n  return { total, name: \`handler-\${${fn}}\`, path: path.join('tmp', String(total)) };\n}\n\n`;
  }
  return body;
}

function tree(name, write) {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  for (let index = 0; index < files; index++) {
    const folder = path.join(dir, `pkg${index % 50}`);
    mkdirSync(folder, { recursive: true });
    write(folder, index);
  }
  return dir;
}

function audit(dir) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'eslint-plugin-openrouter.js'), 'audit', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0 && run.status !== 1) throw new Error(`audit exited ${run.status}: ${run.stderr}`);
  const report = JSON.parse(run.stdout);
  return { seconds, scanned: report.repositories[0].filesScanned };
}

const work = mkdtempSync(path.join(tmpdir(), 'openrouter-bench-python-'));
try {
  const trees = {
    javascript: tree('javascript', (folder, index) => writeFileSync(path.join(folder, `m${index}.js`), javascriptModule(index))),
    python: tree('python', (folder, index) => writeFileSync(path.join(folder, `m${index}.py`), pythonModule(index, false))),
    'python naming a client': tree('python-client', (folder, index) => writeFileSync(path.join(folder, `m${index}.py`), pythonModule(index, true))),
  };
  const times = Object.fromEntries(Object.keys(trees).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = Object.keys(trees);
    if (round % 2 === 1) order.reverse();
    for (const name of order) {
      const { seconds, scanned } = audit(trees[name]);
      if (scanned !== files) throw new Error(`${name}: ${scanned} files scanned, not ${files}`);
      times[name].push(seconds);
    }
  }
  const rate = (name) => files / median(times[name]);
  console.log(`audit files per second, ${files} files a tree, median of ${rounds} rounds, Node ${process.version}`);
  for (const name of Object.keys(trees)) console.log(`  ${name.padEnd(24)} ${rate(name).toFixed(0).padStart(7)} files/s  (${median(times[name]).toFixed(2)} s)`);
  console.log(`  python / javascript: ${(rate('python') / rate('javascript')).toFixed(2)}x; python naming a client / javascript: ${(rate('python naming a client') / rate('javascript')).toFixed(2)}x`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
