/**
 * ESLint's `Linter`, @typescript-eslint/parser and the component frameworks' parsers, loaded only
 * from where this package is installed. Never from an audited repository: resolving from there would
 * run its `node_modules`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Linter as LinterClass } from 'eslint';
import type { ComponentKind } from './component-scripts.js';

export interface TypeScriptParser {
  parseForESLint(code: string, options?: Record<string, unknown>): unknown;
  meta?: { name?: string; version?: string };
}

const ownRequire = createRequire(__filename);

/** The command that installs what TypeScript files need beside the audit. */
export const TYPESCRIPT_INSTALL_HINT =
  'npx -p eslint-plugin-openrouter -p @typescript-eslint/parser -p typescript@~6.0 eslint-plugin-openrouter audit <path...>';

export function loadLinter(): typeof LinterClass {
  return (ownRequire('eslint') as { Linter: typeof LinterClass }).Linter;
}

/**
 * Why TypeScript files cannot be parsed here (a missing package), or null. Only resolves (runs
 * nothing), so the main thread can ask before any worker loads the parser.
 */
export function typeScriptParserProblem(): string | null {
  let parserEntry: string;
  try {
    parserEntry = ownRequire.resolve('@typescript-eslint/parser');
  } catch {
    return `@typescript-eslint/parser is not installed beside eslint-plugin-openrouter; TypeScript files need it and typescript. Run: ${TYPESCRIPT_INSTALL_HINT}`;
  }
  try {
    createRequire(path.join(path.dirname(parserEntry), 'index.js')).resolve('typescript');
  } catch {
    return `typescript is not installed beside @typescript-eslint/parser; TypeScript files need it. Run: ${TYPESCRIPT_INSTALL_HINT}`;
  }
  return null;
}

let parser: TypeScriptParser | undefined;

export function loadTypeScriptParser(): TypeScriptParser {
  return (parser ??= ownRequire('@typescript-eslint/parser') as TypeScriptParser);
}

/** Each framework's own parser: dependencies of this package. */
const COMPONENT_PARSERS: Readonly<Record<ComponentKind, string>> = { vue: 'vue-eslint-parser', svelte: 'svelte-eslint-parser', astro: 'astro-eslint-parser' };

const componentParsers = new Map<ComponentKind, Promise<LinterClass.Parser>>();

/**
 * A framework's parser, loaded on the first component of its kind (a run without one loads none).
 * By `import()`: svelte-eslint-parser is an ES module, which `require` cannot load on every Node.js
 * version this package supports.
 */
export function loadComponentParser(kind: ComponentKind): Promise<LinterClass.Parser> {
  let loading = componentParsers.get(kind);
  if (!loading) {
    // An ES module's namespace holds the parser's functions; a CommonJS one's may sit under `default`.
    loading = import(COMPONENT_PARSERS[kind]).then((loaded: Record<string, unknown>) =>
      (typeof loaded.parseForESLint === 'function' ? loaded : loaded.default) as LinterClass.Parser,
    );
    componentParsers.set(kind, loading);
  }
  return loading;
}
