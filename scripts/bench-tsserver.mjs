#!/usr/bin/env node
/**
 * Semantic-diagnostics latency of a real tsserver with the plugin and without it, measured in the
 * same run: two tsservers on one project, one with the plugin on and one with
 * OPENROUTER_TS_PLUGIN=off. Each round edits a 1,500-line file (a new script version, as an editor
 * sends while typing), then times `semanticDiagnosticsSync` on both servers in turn, the order
 * alternating from round to round. Files: one with one OpenRouter call (a fixable missing referer),
 * the same where no referer is configured (no fix), and one with no OpenRouter call.
 *
 *   npm run bench:tsserver
 *   npm run bench:tsserver -- --rounds 60 --typescript typescript-5.9
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** A file of `LINES` lines; `tail` (same line count in both files) ends it. */
function sourceFile(head, tail) {
  let text = head;
  for (let n = 0; text.split('\n').length + tail.split('\n').length < LINES; n++) text += block(n);
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

function createProject() {
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
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(project, 'src', name), text);
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


async function main() {
  const project = createProject();
  const servers = [new TsServer('with plugin', project, {}), new TsServer('without plugin', project, { OPENROUTER_TS_PLUGIN: 'off' })];
  const times = Object.fromEntries(Object.keys(FILES).map((name) => [name, servers.map(() => [])]));
  const findings = {};
  try {
    for (const server of servers) {
      for (const [name, text] of Object.entries(FILES)) server.send('open', { file: path.join(project, 'src', name), fileContent: text, projectRootPath: project });
    }
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      for (const name of Object.keys(FILES)) {
        const file = path.join(project, 'src', name);
        // An edit inside the first function body: a new version that tsserver checks again.
        const edit = { file, line: 17, offset: 1, endLine: 17, endOffset: 1, insertString: `    // edit ${round}\n` };
        const order = round % 2 === 0 ? [0, 1] : [1, 0];
        for (const index of order) {
          const server = servers[index];
          server.send('change', edit);
          const started = process.hrtime.bigint();
          const response = await server.request('semanticDiagnosticsSync', { file });
          const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
          if (!response.success) throw new Error(`${server.label}: ${response.message}`);
          if (round >= WARMUP) times[name][index].push(elapsed);
          findings[`${name} ${server.label}`] = response.body.map((diagnostic) => `${diagnostic.source ?? 'ts'}(${diagnostic.code})`).join(', ') || 'none';
        }
      }
    }
  } finally {
    for (const server of servers) server.close();
  }
  rmSync(project, { recursive: true, force: true });

  const { version } = (await import(path.join(root, 'node_modules', values.typescript, 'package.json'), { with: { type: 'json' } })).default;
  process.stdout.write(`tsserver ${version}, ${LINES}-line files, ${ROUNDS} rounds after ${WARMUP} warm-up, Node ${process.version}, ${os.cpus().length} cores\n\n`);
  process.stdout.write('| file | with plugin, median | without plugin, median | added | ratio of medians | median of per-round ratios | diagnostics with plugin |\n|---|---:|---:|---:|---:|---:|---|\n');
  for (const name of Object.keys(FILES)) {
    const [withPlugin, without] = times[name];
    const ratios = withPlugin.map((time, round) => time / without[round]);
    const added = median(withPlugin.map((time, round) => time - without[round]));
    const row = [name, `${median(withPlugin).toFixed(1)} ms`, `${median(without).toFixed(1)} ms`, `${added.toFixed(1)} ms`, (median(withPlugin) / median(without)).toFixed(3), median(ratios).toFixed(3), findings[`${name} with plugin`]];
    process.stdout.write(`| ${row.join(' | ')} |\n`);
  }
}

await main();
