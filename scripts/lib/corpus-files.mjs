/**
 * Real code to lint: files under node_modules (and fixtures), listed in sorted order so every run
 * picks the same ones, each with the language settings it parses under.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as espree from 'espree';
import tsParser from '@typescript-eslint/parser';

export const JS_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx'];
export const TS_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx'];

/** Every regular file below `root` whose name ends with one of `extensions`, sorted; symlinks are not followed. */
export function listFiles(root, extensions) {
  const found = [];
  const walk = (directory) => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension))) found.push(full);
    }
  };
  walk(root);
  return found.sort();
}

/**
 * `languageOptions` for a language key: `ts`/`tsx` with typescript-eslint, `module`, `commonjs`,
 * `script` (each optionally `-jsx`) with espree.
 */
export function languageOptions(language) {
  if (language === 'ts') return { parser: tsParser, parserOptions: { sourceType: 'module' } };
  if (language === 'tsx') return { parser: tsParser, parserOptions: { sourceType: 'module', ecmaFeatures: { jsx: true } } };
  const [sourceType, jsx] = language.split('-');
  return { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: jsx === 'jsx' } } };
}

const packageTypeCache = new Map();

/** The `"type"` of the nearest package.json: `module` or `commonjs`. */
function packageType(directory) {
  const cached = packageTypeCache.get(directory);
  if (cached) return cached;
  let type = 'commonjs';
  try {
    const json = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8'));
    type = json.type === 'module' ? 'module' : 'commonjs';
  } catch {
    const parent = path.dirname(directory);
    type = parent === directory ? 'commonjs' : packageType(parent);
  }
  packageTypeCache.set(directory, type);
  return type;
}

function espreeParses(code, sourceType, jsx) {
  try {
    espree.parse(code, { ecmaVersion: 'latest', sourceType, ecmaFeatures: { jsx } });
    return true;
  } catch {
    return false;
  }
}

/**
 * The language a JS file parses as: its declared module system first (extension, then the
 * package's `"type"`), then the other ones; null when espree cannot parse it at all.
 */
export function detectJsLanguage(file, code) {
  const declared = file.endsWith('.mjs') ? 'module' : file.endsWith('.cjs') ? 'commonjs' : packageType(path.dirname(file));
  const order = [declared, declared === 'module' ? 'commonjs' : 'module', 'script'];
  const jsxFirst = file.endsWith('.jsx');
  for (const jsx of jsxFirst ? [true, false] : [false, true]) {
    for (const sourceType of order) {
      if (espreeParses(code, sourceType, jsx)) return jsx ? `${sourceType}-jsx` : sourceType;
    }
  }
  return null;
}

/** The language of a TypeScript file. */
export function detectTsLanguage(file) {
  return file.endsWith('.tsx') ? 'tsx' : 'ts';
}

/**
 * JS files of node_modules for the benchmark: sorted paths, no `.min.js`, at most `maxBytes` each,
 * only files espree parses; `maxFiles` taken evenly across the sorted list so every package is sampled.
 */
export function collectJsCorpus(nodeModules, { maxFiles = 3000, maxBytes = 256 * 1024 } = {}) {
  const candidates = listFiles(nodeModules, JS_EXTENSIONS).filter((file) => !file.endsWith('.min.js') && lstatSync(file).size <= maxBytes);
  const files = [];
  for (const file of evenly(candidates, maxFiles)) {
    const code = readFileSync(file, 'utf8');
    const language = detectJsLanguage(file, code);
    if (language) files.push({ filename: file, code, language });
  }
  return files;
}

/** Up to `count` items spread evenly over a list, keeping its order. */
export function evenly(list, count) {
  if (list.length <= count) return [...list];
  const picked = [];
  for (let index = 0; index < count; index++) picked.push(list[Math.floor((index * list.length) / count)]);
  return picked;
}

/** Reads a list of files of any supported extension into `{ filename, code, language }`; unparsable JS is dropped. */
export function readSourceFiles(files) {
  const out = [];
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const isTs = TS_EXTENSIONS.some((extension) => file.endsWith(extension));
    const language = isTs ? detectTsLanguage(file) : detectJsLanguage(file, code);
    if (language) out.push({ filename: file, code, language });
  }
  return out;
}
