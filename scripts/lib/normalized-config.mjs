/**
 * Config arrays normalised once. `Linter#verify` given a plain array builds and normalises a new
 * FlatConfigArray on every call (about a millisecond here), which the ESLint class never does; a
 * benchmark that paid it per file would measure config handling rather than linting. The class is
 * internal to ESLint, so this falls back to plain arrays when it cannot be loaded.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function loadFlatConfigArray() {
  try {
    const eslintDirectory = path.dirname(require.resolve('eslint/package.json'));
    return require(path.join(eslintDirectory, 'lib', 'config', 'flat-config-array.js')).FlatConfigArray ?? null;
  } catch {
    return null;
  }
}

const FlatConfigArray = loadFlatConfigArray();

/** Whether configs are pre-normalised (true) or handed to `Linter` as plain arrays (false). */
export const PRENORMALISED = FlatConfigArray !== null;

/** The config array normalised once for `cwd`, or the plain array when that is not possible. */
export function normalizeConfig(configs, cwd) {
  if (!FlatConfigArray) return configs;
  const array = new FlatConfigArray(configs, { basePath: cwd });
  array.normalizeSync();
  return array;
}
