#!/usr/bin/env node
/**
 * What values from other files cost, in both modes, measured in the same run. A generated project:
 * `--clients` files that each build an OpenRouter client from a base URL, headers and a title
 * imported from one of `--modules` modules (some of which import in turn), beside them as many
 * files that import nothing. ESLint's `Linter` lints every file, in rotating order:
 *   parse            typescript-eslint without type information, no rules
 *   rules            the same with configs.recommended (imported modules read from their source)
 *   parse, typed     typescript-eslint with parserOptions.programs (one Program of the project), no rules
 *   rules, typed     the same with configs.recommended (imported values through the type checker)
 * Printed: medians per round and the rules' cost over parsing alone in each mode. The first round
 * of `rules` parses each imported module once (later rounds reuse the parse while the module is
 * unchanged), so the first-round time is printed too.
 *
 *   npm run bench:imports
 *   npm run bench:imports -- --clients 400 --modules 40 --rounds 7
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';
import plugin from '../dist/index.js';
import { median, versionOf } from './lib/bench-stats.mjs';

const { values: args } = parseArgs({ options: { clients: { type: 'string', default: '200' }, modules: { type: 'string', default: '20' }, rounds: { type: 'string', default: '5' } } });
const CLIENTS = Number(args.clients);
const MODULES = Number(args.modules);
const ROUNDS = Number(args.rounds);

const root = mkdtempSync(path.join(tmpdir(), 'openrouter-bench-imports-'));
const src = path.join(root, 'src');
mkdirSync(path.join(root, '.git'));
mkdirSync(path.join(src, 'attribution'), { recursive: true });
writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'bench-imports', private: true }));
writeFileSync(path.join(src, 'attribution', 'site.ts'), "export const SITE_URL = 'http://localhost:3000';\nexport const BASE = 'https://openrouter.ai/api/v1';\n");
for (let index = 0; index < MODULES; index++) {
  writeFileSync(
    path.join(src, 'attribution', `m${index}.ts`),
    `import { SITE_URL } from './site';\nexport const HEADERS = { 'HTTP-Referer': SITE_URL, 'X-OpenRouter-Categories': 'cli-agent' };\nexport const TITLE = 'App ${index}';\n` +
      `export function helper${index}(values: readonly number[]): number {\n  return values.reduce((sum, value) => sum + value, 0);\n}\n`,
  );
}
const files = [];
for (let index = 0; index < CLIENTS; index++) {
  const module = `./attribution/m${index % MODULES}`;
  const client = path.join(src, `client${index}.ts`);
  writeFileSync(
    client,
    `import OpenAI from 'openai';\nimport { BASE } from './attribution/site';\nimport { HEADERS, TITLE } from '${module}';\n\n` +
      `export const client${index} = new OpenAI({ baseURL: BASE, defaultHeaders: { ...HEADERS, 'X-OpenRouter-Title': TITLE } });\n` +
      `export async function ask${index}(prompt: string): Promise<string> {\n  const reply = await client${index}.chat.completions.create({ model: 'openrouter/auto', messages: [{ role: 'user', content: prompt }] });\n  return reply.choices[0]?.message.content ?? '';\n}\n`,
  );
  const plain = path.join(src, `plain${index}.ts`);
  writeFileSync(plain, `import { helper${index % MODULES} } from '${module}';\nexport const total${index} = helper${index % MODULES}([1, 2, 3]);\n`);
  files.push(client, plain);
}
writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, module: 'NodeNext', target: 'ES2022', types: [] }, include: ['src'] }));
const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const program = ts.createProgram(parsed.fileNames, parsed.options);
const texts = new Map(files.map((file) => [file, ts.sys.readFile(file)]));

const configs = (typed, rules) => [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions: typed ? { programs: [program] } : {} } },
  ...(rules ? [{ files: ['**/*.ts'], ...plugin.configs.recommended }] : []),
];
const MODES = { parse: configs(false, false), rules: configs(false, true), 'parse, typed': configs(true, false), 'rules, typed': configs(true, true) };
const linter = new Linter({ cwd: root });
const times = Object.fromEntries(Object.keys(MODES).map((mode) => [mode, []]));
const findings = {};
const names = Object.keys(MODES);
for (let round = 0; round < ROUNDS; round++) {
  for (let turn = 0; turn < names.length; turn++) {
    const mode = names[(round + turn) % names.length];
    let count = 0;
    const start = performance.now();
    for (const file of files) count += linter.verify(texts.get(file), MODES[mode], file).filter((message) => message.ruleId?.startsWith('openrouter/')).length;
    times[mode].push(performance.now() - start);
    findings[mode] = count;
  }
}
rmSync(root, { recursive: true, force: true });

const out = (line = '') => process.stdout.write(`${line}\n`);
out(`eslint ${versionOf('eslint')}, @typescript-eslint/parser ${versionOf('@typescript-eslint/parser')}, typescript ${ts.version}, Node ${process.version}`);
out(`${files.length} files (${CLIENTS} with a client importing from ${MODULES} modules, ${CLIENTS} without), ${ROUNDS} rounds\n`);
out('| mode | median | first round | openrouter findings |\n|---|---:|---:|---:|');
for (const mode of names) out(`| ${mode} | ${median(times[mode]).toFixed(0)} ms | ${times[mode][0].toFixed(0)} ms | ${findings[mode]} |`);
const over = (rules, parse) => `${(((median(times[rules]) - median(times[parse])) / median(times[parse])) * 100).toFixed(1)}%`;
out(`\nrules over parsing alone: without type information (modules read from source) ${over('rules', 'parse')}; with type information ${over('rules, typed', 'parse, typed')}`);
