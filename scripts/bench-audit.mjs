#!/usr/bin/env node
/**
 * The audit against plain ESLint with the same rules, on the same generated organisation, in the
 * same run; then the audit's files per second and peak memory on the largest tree generated.
 *
 * The organisation: `--repos` repositories, each with a package.json identity, a .gitignore and
 * `--files` source files, of which `--openrouter` (a fraction) are generated OpenRouter code
 * (scripts/lib/openrouter-corpus.mjs) and the rest ordinary TypeScript and JavaScript modules
 * that never mention it, as in most real repositories. Both tools run as CLIs, a process per run:
 *   audit   node bin/eslint-plugin-openrouter.js audit --format json <each repository>
 *   eslint  node node_modules/eslint/bin/eslint.js --no-cache --format json -c <generated config> .
 *           (configs.recommended, @typescript-eslint/parser for TS files, no type information)
 * Rounds alternate which runs first; the medians and their ratio are printed, with the findings
 * each counted (the comparison only holds when they agree). The scale run audits a tree of
 * `--scale` small files (mostly without OpenRouter) and prints files per second and peak RSS.
 *
 *   npm run bench:audit                                   (builds first)
 *   npm run bench:audit -- --rounds 5 --repos 10 --files 600 --scale 100000
 *   npm run bench:audit -- --scale-only --scale 100000
 *   npm run bench:audit -- --jobs-only                   (the audit alone, with --jobs 1 up to one per core)
 */
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateOpenRouterCorpus } from './lib/openrouter-corpus.mjs';
import { median, versionOf } from './lib/bench-stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    repos: { type: 'string', default: '8' },
    files: { type: 'string', default: '500' },
    openrouter: { type: 'string', default: '0.05' },
    scale: { type: 'string', default: '100000' },
    // Only the scale run (files per second and peak RSS), without the comparison.
    'scale-only': { type: 'boolean', default: false },
    // Only the audit of the organisation, timed with each --jobs from 1 to one per core (where its default is chosen).
    'jobs-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(args.rounds);
const REPOS = Number(args.repos);
const FILES = Number(args.files);
const OPENROUTER_SHARE = Number(args.openrouter);
const SCALE = Number(args.scale);

const out = (line = '') => process.stdout.write(`${line}\n`);

const APPS = [
  ['https://acme-notes.dev', 'Acme Notes'],
  ['https://quillstack.io', 'Quillstack'],
  ['https://harborcrm.com', 'Harbor CRM'],
  ['https://tidewater.app', 'Tidewater Analytics'],
  ['https://kestrel.sh', 'Kestrel CLI'],
];
const WORDS = ['order', 'user', 'invoice', 'session', 'report', 'ticket', 'queue', 'cache', 'token', 'route', 'widget', 'schema'];

/** An ordinary module of about 40 lines: imports, a type, a class, functions. No OpenRouter. */
function plainModule(index, typescript) {
  const a = WORDS[index % WORDS.length];
  const b = WORDS[(index * 7 + 3) % WORDS.length];
  const type = typescript ? `: ${a === b ? 'string' : 'number'}` : '';
  const lines = [
    `import { ${b}Store } from './${b}-store';`,
    `import path from 'node:path';`,
    '',
    typescript ? `export interface ${a}Options { readonly limit${type}; readonly name: string; tags?: string[] }` : '',
    '',
    `export class ${a[0].toUpperCase()}${a.slice(1)}Service${index} {`,
    `  constructor(store${typescript ? `: typeof ${b}Store` : ''}) { this.store = store; this.count = 0; }`,
    `  async load(id${typescript ? ': string' : ''}) {`,
    `    const item = await this.store.get(path.join('${a}', id));`,
    `    if (!item) throw new Error('${a} ' + id + ' not found');`,
    '    this.count += 1;',
    `    return { ...item, loadedAt: Date.now(), source: '${b}' };`,
    '  }',
    `  list(filter${typescript ? `: Partial<${a}Options>` : ''} = {}) {`,
    `    return this.store.all().filter((entry) => !filter.name || entry.name === filter.name).slice(0, filter.limit ?? ${10 + (index % 90)});`,
    '  }',
    '}',
    '',
    `export function summarise${index}(items${typescript ? ': { name: string; size: number }[]' : ''}) {`,
    '  let total = 0;',
    '  for (const item of items) total += item.size;',
    "  return items.map((item) => `${item.name}: ${Math.round((item.size / total) * 100)}%`).join('\\n');",
    '}',
    '',
    `export const ${a}Defaults${index} = Object.freeze({ retries: ${index % 5}, timeoutMs: ${1000 + index}, label: '${a}-${b}' });`,
    '',
  ];
  return lines.join('\n');
}

function write(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The organisation: repositories side by side below `directory`. */
function generateOrganisation(directory, repos, files, share) {
  const corpus = generateOpenRouterCorpus({ count: Math.max(1, Math.round(repos * files * share)), seed: 20261202 });
  let next = 0;
  let total = 0;
  for (let repo = 0; repo < repos; repo++) {
    const base = path.join(directory, `repo-${String(repo).padStart(3, '0')}`);
    const [referer, title] = APPS[repo % APPS.length];
    write(path.join(base, 'package.json'), JSON.stringify({ name: `repo-${repo}`, private: true, openrouter: { referer, title } }, null, 2));
    write(path.join(base, '.gitignore'), 'node_modules/\ndist/\n*.generated.ts\n');
    const openrouterFiles = Math.round(files * share);
    for (let index = 0; index < files; index++) {
      if (index < openrouterFiles && next < corpus.length) {
        const { relativePath, code } = corpus[next++];
        write(path.join(base, relativePath.replace(/\.ts$/, `-${index}.ts`)), code);
      } else {
        const typescript = index % 3 !== 0;
        write(path.join(base, 'src', `module-${Math.floor(index / 50)}`, `file-${index}.${typescript ? 'ts' : 'js'}`), plainModule(index, typescript));
      }
      total++;
    }
  }
  return total;
}

/** Runs a command; returns its wall time, and its peak RSS (MiB) when `rssFile` is given. */
function timed(command, commandArgs, cwd, rssFile) {
  const env = { ...process.env };
  if (rssFile) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(rssPreload)}`.trim();
  if (rssFile) env.BENCH_RSS_FILE = rssFile;
  const started = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${path.basename(commandArgs[0])} failed (${result.status}): ${result.stderr.slice(0, 2000)}`);
  const rss = rssFile ? Number(readFileSync(rssFile, 'utf8')) / 1024 : null;
  return { seconds, stdout: result.stdout, rss };
}

const work = mkdtempSync(path.join(tmpdir(), 'bench-audit-'));
const rssPreload = path.join(work, 'rss.cjs');
// maxRSS of the whole process, worker threads included, written when it exits.
writeFileSync(rssPreload, "process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
const bin = path.join(root, 'bin', 'eslint-plugin-openrouter.js');
const eslintBin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

try {
  out(`# audit vs eslint: ${cpus().length} CPUs, Node ${process.version}, ESLint ${versionOf('eslint')}, @typescript-eslint/parser ${versionOf('@typescript-eslint/parser')}`);
  const org = path.join(work, 'org');
  if (args['jobs-only']) jobs(org);
  else {
    if (!args['scale-only']) compare(org);
    scale();
  }
} finally {
  if (!args.keep) rmSync(work, { recursive: true, force: true });
  else out(`kept ${work}`);
}

function compare(org) {
  const total = generateOrganisation(org, REPOS, FILES, OPENROUTER_SHARE);
  const repositories = Array.from({ length: REPOS }, (_, repo) => `repo-${String(repo).padStart(3, '0')}`);
  // The same rules for ESLint: configs.recommended, typescript-eslint's parser for TS files.
  const config = path.join(work, 'eslint.config.mjs');
  writeFileSync(
    config,
    [
      `import plugin from ${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'index.js')).href)};`,
      `import tsParser from ${JSON.stringify(pathToFileURL(require.resolve('@typescript-eslint/parser')).href)};`,
      'export default [',
      "  { files: ['**/*.{js,jsx,mjs,cjs}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },",
      "  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } } },",
      "  { files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], ...plugin.configs.recommended, linterOptions: { reportUnusedDisableDirectives: 'off' } },",
      '];',
      '',
    ].join('\n'),
  );
  out(`organisation: ${REPOS} repositories, ${total} files, ${Math.round(OPENROUTER_SHARE * 100)}% with OpenRouter code`);
  const runs = {
    audit: () => timed(process.execPath, [bin, 'audit', '--format', 'json', ...repositories], org),
    eslint: () => timed(process.execPath, [eslintBin, '--no-cache', '--format', 'json', '--config', config, '.'], org),
  };
  const times = { audit: [], eslint: [] };
  const findings = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of round % 2 === 0 ? ['audit', 'eslint'] : ['eslint', 'audit']) {
      const { seconds, stdout } = runs[name]();
      times[name].push(seconds);
      findings[name] =
        name === 'audit'
          ? JSON.parse(stdout).summary.findings
          : JSON.parse(stdout).reduce((sum, file) => sum + file.messages.filter((message) => message.ruleId?.startsWith('openrouter/')).length, 0);
    }
    out(`  round ${round + 1}: audit ${times.audit.at(-1).toFixed(2)} s, eslint ${times.eslint.at(-1).toFixed(2)} s`);
  }
  const audit = median(times.audit);
  const eslint = median(times.eslint);
  out(`median: audit ${audit.toFixed(2)} s, eslint ${eslint.toFixed(2)} s; audit is ${(eslint / audit).toFixed(1)}x faster`);
  out(`findings: audit ${findings.audit}, eslint ${findings.eslint}${findings.audit === findings.eslint ? ' (agree)' : ' (MISMATCH)'}`);
  rmSync(org, { recursive: true, force: true });
}

function jobs(org) {
  const total = generateOrganisation(org, REPOS, FILES, OPENROUTER_SHARE);
  const repositories = Array.from({ length: REPOS }, (_, repo) => `repo-${String(repo).padStart(3, '0')}`);
  const counts = Array.from({ length: Math.max(2, cpus().length) }, (_, index) => index + 1);
  out(`# --jobs: ${REPOS} repositories, ${total} files, ${Math.round(OPENROUTER_SHARE * 100)}% with OpenRouter code`);
  const times = new Map(counts.map((count) => [count, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating order, so a warm cache favours no count.
    for (const count of round % 2 === 0 ? counts : [...counts].reverse()) {
      times.get(count).push(timed(process.execPath, [bin, 'audit', '--format', 'json', '--jobs', String(count), ...repositories], org).seconds);
    }
  }
  for (const count of counts) out(`  --jobs ${count}: median ${median(times.get(count)).toFixed(2)} s (${times.get(count).map((seconds) => seconds.toFixed(2)).join(', ')})`);
  rmSync(org, { recursive: true, force: true });
}

function scale() {
  // Scale: a tenth of the tree first, then the whole, to show that memory stays flat. Both have
  // enough OpenRouter files to be linted by workers, so the two peaks compare like with like.
  const share = OPENROUTER_SHARE / 2.5;
  out(`\n# scale: ${SCALE} files, ${Math.round(share * 1000) / 10}% with OpenRouter code`);
  for (const files of [Math.round(SCALE / 10), SCALE]) {
    const tree = path.join(work, `scale-${files}`);
    const repos = Math.max(1, Math.round(files / 5000));
    const generated = generateOrganisation(tree, repos, Math.round(files / repos), share);
    const names = Array.from({ length: repos }, (_, repo) => `repo-${String(repo).padStart(3, '0')}`);
    const { seconds, stdout, rss } = timed(process.execPath, [bin, 'audit', '--format', 'json', ...names], tree, path.join(work, 'rss.txt'));
    const summary = JSON.parse(stdout).summary;
    out(`  ${generated} files in ${repos} repositories: ${seconds.toFixed(2)} s, ${Math.round(summary.filesScanned / seconds)} files/s, ${summary.sites} sites, peak RSS ${rss.toFixed(0)} MiB`);
    rmSync(tree, { recursive: true, force: true });
  }
}
