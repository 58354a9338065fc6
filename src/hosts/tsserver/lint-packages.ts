/**
 * ESLint's `Linter` and @typescript-eslint/parser, loaded from where the plugin is installed (next
 * to the project's own ESLint), else from the project. Nothing of the user's ESLint setup is read:
 * only these two packages are used, with a config the plugin builds.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Linter as LinterClass } from 'eslint';
import { shareTypeScriptWithParser, type TypeScript } from './typescript-module.js';

export interface TypeScriptParser {
  parseForESLint(code: string, options?: Record<string, unknown>): unknown;
  meta?: { name?: string; version?: string };
}

export interface LintPackages {
  readonly Linter: typeof LinterClass;
  readonly parser: TypeScriptParser;
  /** Whether the parser walks tsserver's own `typescript`, so that tsserver's Program can be handed to it. */
  readonly sharesTypeScript: boolean;
  /**
   * The configs as `Linter#verify` takes them ready-made: a normalized config array, which keeps the
   * config it computes for each file, where ESLint's own class could be loaded; else the plain list
   * (then `verify` builds and normalizes the array again on every call).
   */
  readonly configArray: (configs: LinterClass.Config[], basePath: string) => LinterClass.Config[];
}

export type LintPackagesResult = { readonly packages: LintPackages } | { readonly missing: string };

const REQUIREMENTS = [
  { name: 'eslint', major: 9, range: '^9.15.0 || ^10.0.0' },
  { name: '@typescript-eslint/parser', major: 8, range: '^8.0.0' },
] as const;

const loaded = new WeakMap<TypeScript, LintPackagesResult>();

/** Where a package would be loaded from: beside this plugin first, then the project. */
function locate(name: string, bases: readonly string[]): { require: NodeJS.Require; entry: string; version: string } | null {
  for (const base of bases) {
    const require = createRequire(path.join(base, 'index.js'));
    try {
      const entry = require.resolve(name);
      const version = (require(`${name}/package.json`) as { version: string }).version;
      return { require, entry, version };
    } catch {
      // not installed under this base; try the next
    }
  }
  return null;
}

function loadPackages(typescript: TypeScript, projectDirectory: string): LintPackagesResult {
  const bases = [__dirname, projectDirectory];
  const found = REQUIREMENTS.map((requirement) => ({ requirement, location: locate(requirement.name, bases) }));
  const problems = found.flatMap(({ requirement, location }) => {
    if (!location) return [`${requirement.name} (${requirement.range}) is not installed`];
    const major = Number(location.version.split('.')[0]);
    return major >= requirement.major ? [] : [`${requirement.name} ${location.version} is installed, ${requirement.range} is needed`];
  });
  if (problems.length > 0) {
    const install = REQUIREMENTS.map((requirement) => `${requirement.name}@"${requirement.range}"`).join(' ');
    return { missing: `${problems.join('; ')}. Install with: npm i -D ${install}` };
  }
  const [eslint, parser] = found.map(({ location }) => location!);
  // Before the parser's first load, so that its own require('typescript') finds tsserver's module.
  const sharesTypeScript = shareTypeScriptWithParser(typescript, parser!.entry);
  return {
    packages: {
      Linter: (eslint!.require(eslint!.entry) as { Linter: typeof LinterClass }).Linter,
      parser: parser!.require(parser!.entry) as TypeScriptParser,
      sharesTypeScript,
      configArray: configArrayOf(eslint!),
    },
  };
}

interface ConfigArray extends Array<LinterClass.Config> {
  normalizeSync(): unknown;
  getConfig(filePath: string): unknown;
}

/**
 * ESLint's FlatConfigArray, from its own files (ESLint 9 and 10 keep it in lib/config/, but export it
 * nowhere): `verify` uses an array that has `getConfig` as it is. Anything unexpected, and the plain
 * list is handed over, as to any caller of `verify`.
 */
function configArrayOf(eslint: { require: NodeJS.Require; entry: string }): LintPackages['configArray'] {
  const plain = (configs: LinterClass.Config[]): LinterClass.Config[] => configs;
  try {
    const { FlatConfigArray } = eslint.require(path.join(path.dirname(eslint.entry), 'config/flat-config-array.js')) as {
      FlatConfigArray?: new (configs: LinterClass.Config[], options: { basePath: string }) => ConfigArray;
    };
    if (typeof FlatConfigArray !== 'function') return plain;
    return (configs, basePath) => {
      const array = new FlatConfigArray(configs, { basePath });
      array.normalizeSync();
      return typeof array.getConfig === 'function' ? array : configs;
    };
  } catch {
    return plain;
  }
}

/** The packages, loaded once per TypeScript module (one tsserver process). */
export function loadLintPackages(typescript: TypeScript, projectDirectory: string): LintPackagesResult {
  let result = loaded.get(typescript);
  if (!result) {
    try {
      result = loadPackages(typescript, projectDirectory);
    } catch (error) {
      result = { missing: `loading ESLint or @typescript-eslint/parser failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    loaded.set(typescript, result);
  }
  return result;
}
