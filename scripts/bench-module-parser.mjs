#!/usr/bin/env node
/**
 * What reading another module costs: the module reader's parser (oxc-parser with typescript-eslint's
 * scope manager, src/analysis/syntax/module-parser.ts) against the reader before it
 * (typescript-eslint's `parseForESLint` with the same options, and the same walk setting parents),
 * on the same texts in the same run, in rotating order. The texts: this repository's TypeScript
 * sources, and ESLint's own JavaScript (a plain-JS project's modules), each at most 128 KiB as the
 * reader takes them. Printed: medians per round, their ratio, and how many modules' scopes (kinds,
 * names, references) differ between the two: a check that both read the same modules.
 *
 *   npm run bench:module-parser
 *   npm run bench:module-parser -- --rounds 9
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import tsParser from '@typescript-eslint/parser';
import { moduleParserKind, moduleScopeOf, parseModuleText } from '../dist/analysis/syntax/module-parser.js';
import { median, versionOf } from './lib/bench-stats.mjs';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const ROUNDS = Number(args.rounds);
const MAX_MODULE_BYTES = 128 * 1024;
const REPO = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function sources(directory, pattern) {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => statSync(file).size <= MAX_MODULE_BYTES)
    .sort()
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

const GROUPS = {
  'TypeScript (src/)': sources(path.join(REPO, 'src'), /\.ts$/),
  'JavaScript (eslint/lib/)': sources(path.join(path.dirname(require.resolve('eslint/package.json')), 'lib'), /\.js$/),
};

/** The reader before oxc-parser: typescript-eslint's parser with the options it was called with. */
function parseBefore(text, file) {
  const { ast, scopeManager, visitorKeys } = tsParser.parseForESLint(text, { filePath: file, sourceType: 'module', ecmaVersion: 'latest', range: true, loc: true, jsx: /x$/.test(path.extname(file)), lib: [], tokens: true, comment: true });
  const stack = [ast];
  for (let current = stack.pop(); current; current = stack.pop()) {
    for (const key of visitorKeys[current.type] ?? []) {
      for (const child of [current[key]].flat()) {
        if (child && typeof child.type === 'string') {
          child.parent = current;
          stack.push(child);
        }
      }
    }
  }
  return { ast, scopeManager };
}

/** What the analysis reads of a module's scopes, in brief: its top-level names, and each scope's kind, names and references. */
function scopesRead(scopeManager) {
  const topLevel = [...(scopeManager.globalScope.childScopes.find((scope) => scope.type === 'module')?.set.keys() ?? [])].sort().join(',');
  const scopes = scopeManager.scopes.map((scope) => `${scope.type}:${[...scope.set.keys()].sort().join(',')}:${scope.references.map((reference) => reference.identifier.name).sort().join(',')}`);
  return `${topLevel}|${scopes.sort().join('|')}`;
}

const READERS = {
  before: (text, file) => {
    try {
      return scopesRead(parseBefore(text, file).scopeManager);
    } catch {
      return null;
    }
  },
  now: (text, file) => {
    const parsed = parseModuleText(text, file);
    return parsed && (moduleScopeOf(parsed) ? scopesRead(parsed.scopeManager) : null);
  },
};

console.log(`oxc-parser ${versionOf('oxc-parser')} (reader: ${moduleParserKind()}), @typescript-eslint/parser ${versionOf('@typescript-eslint/parser')}, typescript ${versionOf('typescript')}, ${ROUNDS} rounds`);
for (const [group, files] of Object.entries(GROUPS)) {
  const bytes = files.reduce((sum, { text }) => sum + text.length, 0);
  const times = { before: [], now: [] };
  const names = { before: [], now: [] };
  const order = Object.keys(READERS);
  for (let round = 0; round < ROUNDS; round++) {
    for (let turn = 0; turn < order.length; turn++) {
      const reader = order[(round + turn) % order.length];
      const start = performance.now();
      const read = files.map(({ text, file }) => READERS[reader](text, file));
      times[reader].push(performance.now() - start);
      names[reader] = read;
    }
  }
  const unread = (reader) => names[reader].filter((each) => each === null).length;
  const differing = files.filter((_, index) => names.before[index] !== null && names.now[index] !== null && names.before[index] !== names.now[index]).length;
  const [before, now] = [median(times.before), median(times.now)];
  console.log(`\n${group}: ${files.length} modules, ${(bytes / 1024).toFixed(0)} KiB`);
  console.log(`  before (typescript-eslint)  ${before.toFixed(1)} ms   unread ${unread('before')}`);
  console.log(`  now (oxc-parser)            ${now.toFixed(1)} ms   unread ${unread('now')}`);
  console.log(`  now / before                ${(now / before).toFixed(2)}   modules whose scopes differ: ${differing}`);
}
