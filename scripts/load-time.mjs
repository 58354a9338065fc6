#!/usr/bin/env node
/**
 * What loading the plugin costs a process: the median wall time of fresh `node -e` processes that do
 * nothing, import ESLint, import the plugin, and import ESLint then the plugin (what an `eslint` run
 * pays), in rotating order so that the machine's load falls on each alike. `--entry` measures another
 * build of the plugin (another worktree's dist/index.js) in the same rounds.
 *
 *   npm run build && node scripts/load-time.mjs
 *   node scripts/load-time.mjs --rounds 20 --entry ../other/dist/index.js
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './lib/bench-stats.mjs';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '10' }, entry: { type: 'string', multiple: true, default: [] } } });
const REPO = path.resolve(import.meta.dirname, '..');
const entries = [path.join(REPO, 'dist/index.js'), ...args.entry.map((entry) => path.resolve(entry))];

const processes = [
  ['node alone', '0'],
  ['import eslint', "import('eslint')"],
  ...entries.flatMap((entry, index) => {
    const name = index === 0 ? 'the plugin' : `the plugin at ${path.relative(REPO, entry)}`;
    return [
      [`import ${name}`, `import(${JSON.stringify(entry)})`],
      [`import eslint, then ${name}`, `import('eslint').then(() => import(${JSON.stringify(entry)}))`],
    ];
  }),
];

const times = new Map(processes.map(([name]) => [name, []]));
for (let round = 0; round < Number(args.rounds); round++) {
  for (const [name, code] of processes) {
    const start = performance.now();
    execFileSync(process.execPath, ['-e', code], { cwd: REPO, stdio: 'ignore' });
    times.get(name).push(performance.now() - start);
  }
}
console.log(`median of ${args.rounds} fresh processes each, Node ${process.version}`);
for (const [name, list] of times) console.log(`${name}: ${median(list).toFixed(0)} ms`);
