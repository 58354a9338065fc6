#!/usr/bin/env node
/**
 * Semantic-diagnostics latency of a real tsserver with the plugin and without it, measured in the
 * same run: two tsservers on one project, one with the plugin on and one with
 * OPENROUTER_TS_PLUGIN=off. Each round edits a 1,500-line file (a new script version, as an editor
 * sends while typing), then times `semanticDiagnosticsSync` on both servers in turn, the order
 * alternating from round to round. Files: one with one OpenRouter call (a fixable missing referer),
 * the same where no referer is configured (no fix), and one with no OpenRouter call.
 *
 * Then the large shapes, each on a fresh pair of servers and edited a keystroke at a time: a call
 * that shares words with every statement of a 20,000- and a 40,000-line file (the slice's linking),
 * and 200 edits of a 20,000-line file, sliced and linked, with each server's peak memory and its
 * growth over the edits.
 *
 *   npm run bench:tsserver
 *   npm run bench:tsserver -- --rounds 60 --typescript typescript-5.9
 *   npm run bench:tsserver -- --only "200 edits"      (the shapes whose name holds the text; "none" for none)
 *   npm run bench:tsserver -- --edits 30              (edits timed per shape, in place of each shape's own count)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './lib/bench-stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '5' },
    lines: { type: 'string', default: '1500' },
    typescript: { type: 'string', default: 'typescript' },
    only: { type: 'string' },
    edits: { type: 'string' },
  },
});
const ROUNDS = Number(values.rounds);
const WARMUP = Number(values.warmup);
const LINES = Number(values.lines);

/** One block of ordinary typed application code; `n` keeps names unique. */
function block(n) {
  return `export interface Order${n} {
  id: string;
  items: ReadonlyArray<{ sku: string; quantity: number; price: number }>;
  createdAt: Date;
  status: 'open' | 'paid' | 'shipped';
}

export class OrderService${n} {
  private readonly orders = new Map<string, Order${n}>();

  add(order: Order${n}): void {
    this.orders.set(order.id, order);
  }

  total(id: string): number {
    const order = this.orders.get(id);
    if (!order) return 0;
    return order.items.reduce((sum, item) => sum + item.quantity * item.price, 0);
  }

  byStatus(status: Order${n}['status']): Order${n}[] {
    return [...this.orders.values()].filter((order) => order.status === status);
  }

  summary(): string {
    return \`\${this.byStatus('open').length} open of \${this.orders.size}\`;
  }
}

export function groupBy${n}<T, K extends PropertyKey>(values: readonly T[], key: (value: T) => K): Partial<Record<K, T[]>> {
  const groups: Partial<Record<K, T[]>> = {};
  for (const value of values) (groups[key(value)] ??= []).push(value);
  return groups;
}

`;
}

/** A file of `lines` lines; `tail` (same line count in both files) ends it. */
function sourceFile(head, tail, lines = LINES) {
  const blockLines = block(0).split('\n').length - 1;
  let text = head;
  for (let n = 0, count = head.split('\n').length + tail.split('\n').length; count < lines; n++, count += blockLines) text += block(n);
  return text + tail;
}

const WITH_CALL = sourceFile(
  "import { OpenRouter } from '@openrouter/sdk';\n\ndeclare const apiKey: string;\n\n",
  'export const client = new OpenRouter({ apiKey });\n',
);
const WITHOUT_CALL = sourceFile("import { readFileSync } from 'node:fs';\n\ndeclare const apiKey: string;\n\n", 'export const config = { apiKey, readFileSync };\n');
/**
 * The same call where the project configures no referer (an empty "openrouter" field ends the
 * package.json lookup there): the finding has no fix, so this row shows what planning and checking
 * the fix adds.
 */
const FILES = { 'with-call.ts': WITH_CALL, 'no-identity/with-call.ts': WITH_CALL, 'without-call.ts': WITHOUT_CALL };

/**
 * A call whose request reads a parameter typed with the first block's interface: through the words
 * that interface shares with every block, every statement of the file is linked to the call.
 */
const LINKED_TAIL = 'export function send(order: Order0) {\n  return new OpenRouter({ apiKey, appTitle: order.id });\n}\n';
const SITE_HEAD = "import { OpenRouter } from '@openrouter/sdk';\n\ndeclare const apiKey: string;\n\n";
const linked = (lines) => sourceFile(SITE_HEAD, LINKED_TAIL, lines);

/**
 * A keystroke in the first block's `total` (a digit typed into the `reduce` seed, the line's length
 * growing by one): no line moves.
 */
function typing(file, round) {
  const seedLine = block(0).split('\n').findIndex((line) => line.includes('item.price, 0);'));
  const line = SITE_HEAD.split('\n').length + seedLine;
  const offset = block(0).split('\n')[seedLine].indexOf(', 0);') + 3;
  return { file, line, offset, endLine: line, endOffset: offset, insertString: String(round % 10) };
}

/** The large shapes: each a file, how many edits are timed, on a fresh pair of servers; each edit a keystroke. */
const SHAPES = [
  { name: 'a call linked to every statement, 20,000 lines', text: () => linked(20_000), rounds: 20, warmup: 3 },
  { name: 'a call linked to every statement, 40,000 lines', text: () => linked(40_000), rounds: 20, warmup: 3 },
  { name: '200 edits, 20,000 lines, one call', text: () => sourceFile(SITE_HEAD, 'export const client = new OpenRouter({ apiKey });\n', 20_000), rounds: 200, warmup: 0 },
  { name: '200 edits, 20,000 lines, a call linked to every statement', text: () => linked(20_000), rounds: 200, warmup: 0 },
];

function createProject(files = FILES) {
  const project = mkdtempSync(path.join(os.tmpdir(), 'openrouter-bench-tsserver-'));
  mkdirSync(path.join(project, 'node_modules'));
  // The repository as the installed package: ts-plugin/ loads dist/ (built by `npm run bench:tsserver`).
  symlinkSync(root, path.join(project, 'node_modules/eslint-plugin-openrouter'), 'dir');
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'bench-app', private: true, openrouter: { referer: 'https://bench-app.dev', title: 'Bench App' } }));
  writeFileSync(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [path.join(root, 'node_modules/@types')], plugins: [{ name: 'eslint-plugin-openrouter/ts-plugin' }] },
      include: ['src'],
    }),
  );
  mkdirSync(path.join(project, 'src'));
  writeFileSync(path.join(project, 'src/openrouter-sdk.d.ts'), "declare module '@openrouter/sdk' {\n  export class OpenRouter {\n    constructor(options: { apiKey?: string; httpReferer?: string; appTitle?: string });\n  }\n}\n");
  mkdirSync(path.join(project, 'src/no-identity'));
  writeFileSync(path.join(project, 'src/no-identity/package.json'), JSON.stringify({ name: 'no-identity', private: true, openrouter: {} }));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(project, 'src', name), text);
  return project;
}

class TsServer {
  constructor(label, project, env) {
    this.label = label;
    this.seq = 0;
    this.pending = new Map();
    this.buffer = Buffer.alloc(0);
    this.child = spawn(process.execPath, [path.join(root, 'node_modules', values.typescript, 'lib/tsserver.js'), '--pluginProbeLocations', project, '--disableAutomaticTypingAcquisition'], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child.stdout.on('data', (chunk) => this.receive(chunk));
  }
  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const header = this.buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(this.buffer.subarray(0, header).toString())[1]);
      if (this.buffer.length < header + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(header + 4, header + 4 + length).toString());
      this.buffer = this.buffer.subarray(header + 4 + length);
      if (message.type === 'response' && this.pending.has(message.request_seq)) {
        this.pending.get(message.request_seq)(message);
        this.pending.delete(message.request_seq);
      }
    }
  }
  request(command, args) {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      this.child.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
    });
  }
  send(command, args) {
    this.child.stdin.write(`${JSON.stringify({ seq: ++this.seq, type: 'request', command, arguments: args })}\n`);
  }
  close() {
    this.send('exit');
  }
}


/** An edit inside the first function body, a line of its own: a new version that tsserver checks again. */
function newLine(file, round) {
  return { file, line: 17, offset: 1, endLine: 17, endOffset: 1, insertString: `    // edit ${round}\n` };
}

/** The server's resident memory now and at its peak, in MiB (Linux; null elsewhere). */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)[1]) / 1024;
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return null;
  }
}

/**
 * Opens `files` on both servers, then for each round edits each file of `measured` and times
 * `semanticDiagnosticsSync` on both. Returns per file the times of both servers, the diagnostics
 * the plugin's server gave, and each server's memory after the first and the last round.
 */
async function measure(files, measured, rounds, warmup, editOf = newLine) {
  const project = createProject(files);
  const servers = [new TsServer('with plugin', project, {}), new TsServer('without plugin', project, { OPENROUTER_TS_PLUGIN: 'off' })];
  const times = Object.fromEntries(measured.map((name) => [name, servers.map(() => [])]));
  const findings = {};
  const memory = { first: [], last: [] };
  try {
    for (const server of servers) {
      for (const [name, text] of Object.entries(files)) server.send('open', { file: path.join(project, 'src', name), fileContent: text, projectRootPath: project });
    }
    for (let round = 0; round < warmup + rounds; round++) {
      for (const name of measured) {
        const file = path.join(project, 'src', name);
        const edit = editOf(file, round);
        const order = round % 2 === 0 ? [0, 1] : [1, 0];
        for (const index of order) {
          const server = servers[index];
          server.send('change', edit);
          const started = process.hrtime.bigint();
          const response = await server.request('semanticDiagnosticsSync', { file });
          const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
          if (!response.success) throw new Error(`${server.label}: ${response.message}`);
          if (round >= warmup) times[name][index].push(elapsed);
          findings[name] = index === 0 ? response.body.map((diagnostic) => `${diagnostic.source ?? 'ts'}(${diagnostic.code})`).join(', ') || 'none' : findings[name];
        }
      }
      if (round === 0) memory.first = servers.map((server) => memoryOf(server.child.pid));
    }
    memory.last = servers.map((server) => memoryOf(server.child.pid));
  } finally {
    for (const server of servers) server.close();
  }
  rmSync(project, { recursive: true, force: true });
  return { times, findings, memory };
}

const ms = (value) => `${value.toFixed(1)} ms`;
const mib = (value) => `${value.toFixed(0)} MiB`;

async function main() {
  const { version } = (await import(path.join(root, 'node_modules', values.typescript, 'package.json'), { with: { type: 'json' } })).default;
  process.stdout.write(`tsserver ${version}, Node ${process.version}, ${os.cpus().length} cores\n\n`);

  process.stdout.write(`${LINES}-line files, ${ROUNDS} rounds after ${WARMUP} warm-up\n\n`);
  const ordinary = await measure(FILES, Object.keys(FILES), ROUNDS, WARMUP);
  process.stdout.write('| file | with plugin, median | without plugin, median | added | ratio of medians | median of per-round ratios | diagnostics with plugin |\n|---|---:|---:|---:|---:|---:|---|\n');
  for (const name of Object.keys(FILES)) {
    const [withPlugin, without] = ordinary.times[name];
    const ratios = withPlugin.map((time, round) => time / without[round]);
    const added = median(withPlugin.map((time, round) => time - without[round]));
    const row = [name, ms(median(withPlugin)), ms(median(without)), ms(added), (median(withPlugin) / median(without)).toFixed(3), median(ratios).toFixed(3), ordinary.findings[name]];
    process.stdout.write(`| ${row.join(' | ')} |\n`);
  }

  const shapes = SHAPES.filter((shape) => !values.only || shape.name.includes(values.only));
  if (shapes.length === 0) return;
  process.stdout.write('\nLarge shapes, each on a fresh pair of servers (memory: peak resident size, and its growth from the first edit to the last)\n\n');
  process.stdout.write('| shape | edits timed | with plugin, median | without plugin, median | ratio of medians | peak memory with / without | ratio | growth with / without | diagnostics with plugin |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n');
  for (const shape of shapes) {
    const rounds = values.edits ? Number(values.edits) : shape.rounds;
    const result = await measure({ 'shape.ts': shape.text() }, ['shape.ts'], rounds, shape.warmup, typing);
    const [withPlugin, without] = result.times['shape.ts'];
    const [memoryWith, memoryWithout] = result.memory.last;
    const growth = result.memory.last.map((last, index) => (last && result.memory.first[index] ? last.rss - result.memory.first[index].rss : NaN));
    const row = [
      shape.name,
      rounds,
      ms(median(withPlugin)),
      ms(median(without)),
      (median(withPlugin) / median(without)).toFixed(3),
      memoryWith && memoryWithout ? `${mib(memoryWith.peak)} / ${mib(memoryWithout.peak)}` : '-',
      memoryWith && memoryWithout ? (memoryWith.peak / memoryWithout.peak).toFixed(2) : '-',
      `${mib(growth[0])} / ${mib(growth[1])}`,
      result.findings['shape.ts'],
    ];
    process.stdout.write(`| ${row.join(' | ')} |\n`);
  }
}

await main();
