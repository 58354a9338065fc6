/**
 * Parsing a module of the project that no host parsed (an import of the linted file, read by
 * imported-values.ts): one parser whatever parsed the linted file (espree, typescript-eslint,
 * Oxlint), so imports resolve alike under every host. oxc-parser (read at 0.160.0) reads JS, JSX
 * and TS without a `typescript` package (a plain-JS project has none; TypeScript 7's has no JS
 * API) and gives TS-ESTree shapes; typescript-eslint's scope manager finds the scopes in them.
 * Where oxc-parser cannot load (before Node 20.19 an ES module cannot be required; a platform
 * without its binding), typescript-eslint's parser is used when the project has it.
 *
 * The tree has parents and ranges, not `loc`: the analysis tells what it finds in another module
 * at a node of the linted file (bindings.ts), never at the other module's own nodes.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ParsedSource, Scope } from './ast.js';

type ScopeManager = NonNullable<ParsedSource['scopeManager']>;
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** What the module reader reads of oxc-parser's API; structural, as its package is an ES module. */
interface OxcParser {
  parseSync(file: string, text: string, options: object): { program: TSESTree.Program; comments: readonly { type: 'Line' | 'Block'; value: string; start: number; end: number }[]; errors: readonly unknown[] };
  visitorKeys: VisitorKeys;
}
interface ScopeAnalyser {
  analyze(tree: TSESTree.Program, options: object): ScopeManager;
}
interface TypeScriptESLintParser {
  parseForESLint(text: string, options: object): { ast: TSESTree.Program; scopeManager: ScopeManager; visitorKeys?: VisitorKeys };
}

type Backend = { kind: 'oxc'; oxc: OxcParser; scopes: ScopeAnalyser } | { kind: 'typescript-eslint'; parser: TypeScriptESLintParser };

let backend: Backend | null | undefined;

function loadBackend(): Backend | null {
  if (backend !== undefined) return backend;
  try {
    const oxc = require('oxc-parser') as Partial<OxcParser>;
    const scopes = require('@typescript-eslint/scope-manager') as Partial<ScopeAnalyser>;
    if (typeof oxc.parseSync === 'function' && oxc.visitorKeys && typeof scopes.analyze === 'function') return (backend = { kind: 'oxc', oxc: oxc as OxcParser, scopes: scopes as ScopeAnalyser });
  } catch {
    // Not loadable here: the fallback below.
  }
  try {
    const parser = require('@typescript-eslint/parser') as Partial<TypeScriptESLintParser>;
    backend = typeof parser.parseForESLint === 'function' ? { kind: 'typescript-eslint', parser: parser as TypeScriptESLintParser } : null;
  } catch {
    backend = null;
  }
  return backend;
}

/** Which parser reads other modules in this process: for the benchmark and tests. */
export function moduleParserKind(): Backend['kind'] | null {
  return loadBackend()?.kind ?? null;
}

/**
 * Sets each node's `parent`, in one walk; returns the `import(...)` expressions met on the way. The
 * walk is iterative: a deeply nested module cannot overflow the stack.
 */
function setParents(program: TSESTree.Program, keys: VisitorKeys): TSESTree.ImportExpression[] {
  const imports: TSESTree.ImportExpression[] = [];
  const stack: TSESTree.Node[] = [program];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (current.type === 'ImportExpression') imports.push(current);
    for (const key of keys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof (child as TSESTree.Node).type === 'string') {
          (child as { parent?: TSESTree.Node }).parent = current;
          stack.push(child as TSESTree.Node);
        }
      }
    }
  }
  return imports;
}

/** The innermost scope around `node`, as ESLint's `SourceCode#getScope` finds it. */
function scopeAt(scopeManager: ScopeManager, node: TSESTree.Node): Scope {
  const inner = node.type !== 'Program';
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const scope = scopeManager.acquire(current, inner);
    if (scope) return scope.type === 'function-expression-name' ? scope.childScopes[0]! : scope;
  }
  return scopeManager.scopes[0]!;
}

/**
 * How oxc-parser reads a file: a `.cjs`/`.cts` as CommonJS, a `.mjs`/`.mts` as a module, anything
 * else by whether it imports or exports (a script in sloppy mode is no syntax error); JavaScript
 * with JSX, which many projects write in `.js` files (TypeScript only in `.tsx`: `<T>` means a type there).
 */
function parseOptionsOf(file: string): object {
  const extension = path.extname(file);
  const sourceType = extension === '.cjs' || extension === '.cts' ? 'commonjs' : extension === '.mjs' || extension === '.mts' ? 'module' : 'unambiguous';
  const lang = /^\.[cm]?ts$/.test(extension) ? 'ts' : extension === '.tsx' ? 'tsx' : 'jsx';
  // TS-ESTree shapes for JavaScript too (`decorators: []` on a parameter): the scope manager reads them.
  return { sourceType, lang, astType: 'ts', range: true, preserveParens: false };
}

function parseWithOxc({ oxc, scopes }: Extract<Backend, { kind: 'oxc' }>, text: string, file: string): ParsedSource | null {
  const result = oxc.parseSync(file, text, parseOptionsOf(file));
  // A module with a syntax error is not guessed at: typescript-eslint's parser throws on it too.
  if (result.errors.length > 0) return null;
  const ast = result.program;
  const imports = setParents(ast, oxc.visitorKeys);
  // Scopes as for a module (as the typescript-eslint route reads every file): its top-level names are the module scope's.
  const scopeManager = scopes.analyze(ast, { sourceType: 'module', lib: [], jsxPragma: null });
  // Of the tokens, the analysis reads the `import` keywords of `import(...)` (clients/calls.ts): only those are given.
  const tokens = imports.map((node): TSESTree.Token => ({ type: 'Keyword', value: 'import', range: [node.range[0], node.range[0] + 'import'.length] }) as TSESTree.Token);
  const comments = result.comments.map((comment) => ({ type: comment.type, value: comment.value, range: [comment.start, comment.end] }) as TSESTree.Comment);
  Object.assign(ast, { tokens, comments });
  return { ast: ast as ParsedSource['ast'], scopeManager, getScope: (node) => scopeAt(scopeManager, node) };
}

function parseWithTypeScriptESLint({ parser }: Extract<Backend, { kind: 'typescript-eslint' }>, text: string, file: string): ParsedSource | null {
  const { ast, scopeManager, visitorKeys } = parser.parseForESLint(text, {
    filePath: file,
    sourceType: 'module',
    ecmaVersion: 'latest',
    range: true,
    loc: true,
    jsx: /x$/.test(path.extname(file)),
    lib: [],
    tokens: true,
    comment: true,
  });
  if (!visitorKeys) return null;
  setParents(ast, visitorKeys);
  return { ast: ast as ParsedSource['ast'], scopeManager, getScope: (node) => scopeAt(scopeManager, node) };
}

/**
 * The tree and scopes of a module's text, as the analysis reads a linted file, or null when no
 * parser is at hand or the text does not parse. Never runs the module.
 */
export function parseModuleText(text: string, file: string): ParsedSource | null {
  const parser = loadBackend();
  if (!parser) return null;
  try {
    const source = text.replace(/^\uFEFF/, '');
    return parser.kind === 'oxc' ? parseWithOxc(parser, source, file) : parseWithTypeScriptESLint(parser, source, file);
  } catch {
    return null;
  }
}

/** The module scope of a parsed module: where its top-level names are declared. */
export function moduleScopeOf(source: ParsedSource): Scope | null {
  const globalScope = (source.scopeManager as TSESLint.Scope.ScopeManager | null)?.globalScope;
  return globalScope?.childScopes.find((child) => child.type === 'module') ?? null;
}
