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
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ParsedSource, Scope } from './ast.js';
import { nestingDepth } from './nesting-depth.js';

type ScopeManager = NonNullable<ParsedSource['scopeManager']>;
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * What the module reader reads of oxc-parser's API: modules its package exports besides its entry
 * (the binding, for the worker), so the version is held to one minor release, and
 * tests/module-reader.test.ts fails if they move. Structural, as its package is an ES module.
 */
interface OxcParser {
  /** The module of the native binding, which the worker loads. */
  readonly bindings: string;
  /** The binding's parser, for a text parsed on this thread (`parsesInThread`). */
  readonly parseSync: (file: string, text: string, options: object) => { program: string; comments: RawParse['comments']; errors: readonly unknown[] };
  /** The tree of the binding's JSON, with the values JSON cannot hold (regular expressions, big integers). */
  readonly jsonParseAst: (json: string) => TSESTree.Program;
  readonly visitorKeys: VisitorKeys;
}
interface ScopeAnalyser {
  analyze(tree: TSESTree.Program, options: object): ScopeManager;
}
interface TypeScriptESLintParser {
  parseForESLint(text: string, options: object): { ast: TSESTree.Program; scopeManager: ScopeManager; visitorKeys?: VisitorKeys };
}

type Backend = { kind: 'oxc'; oxc: OxcParser; scopes: ScopeAnalyser } | { kind: 'typescript-eslint'; parser: TypeScriptESLintParser };

let backend: Backend | null | undefined;

function loadOxc(): Backend | null {
  const bindings = require.resolve('oxc-parser/src-js/bindings');
  // Loaded here too: a binding that cannot load fails now, and typescript-eslint's parser is used instead.
  const binding = require(bindings) as { parseSync?: OxcParser['parseSync'] };
  const { jsonParseAst } = require('oxc-parser/src-js/wrap') as Partial<OxcParser>;
  const visitorKeys = (require('oxc-parser/src-js/generated/visit/keys') as { default?: VisitorKeys }).default;
  const scopes = require('@typescript-eslint/scope-manager') as Partial<ScopeAnalyser>;
  if (typeof binding.parseSync !== 'function' || typeof jsonParseAst !== 'function' || !visitorKeys || typeof scopes.analyze !== 'function') return null;
  return { kind: 'oxc', oxc: { bindings, parseSync: binding.parseSync, jsonParseAst, visitorKeys }, scopes: scopes as ScopeAnalyser };
}

function loadBackend(): Backend | null {
  if (backend !== undefined) return backend;
  try {
    backend = loadOxc();
    if (backend) return backend;
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

/** The longest text parsed: the worker's stack below is sized for it. */
export const MAX_MODULE_BYTES = 128 * 1024;

/**
 * oxc-parser's parser recurses once per level of nesting, in native code: a module nested deep
 * enough overflows a thread's stack and ends the process (8,000 nested arrays do on an 8 MiB stack),
 * where typescript-eslint's parser threw an error. So it parses in a worker whose stack holds the
 * deepest nesting a module the reader takes can spell (128 KiB of `[`, of `A<`: under 256 MiB),
 * reserved and touched only as deep as a text nests; the linted file's thread waits for the answer.
 */
const WORKER_STACK_MB = 512;
/** oxc-parser parses 128 KiB in milliseconds: a worker that has not answered by then is ended, and no module is parsed again. */
const PARSE_TIMEOUT_MS = 10_000;
/** The worker ends when no module was parsed for this long, and with it whatever stack a deep text made it touch. */
const IDLE_MS = 5_000;

/** The worker's script: parse each text it is sent, answer with the binding's JSON, and wake the waiting thread. */
const WORKER_SCRIPT = `
const { workerData } = require('node:worker_threads');
const { port, signal, bindings } = workerData;
const { parseSync } = require(bindings);
port.on('message', ({ file, text, options }) => {
  let reply = null;
  try {
    const result = parseSync(file, text, options);
    reply = { program: result.program, comments: result.comments, errors: result.errors.length };
  } catch {}
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

interface RawParse {
  readonly program: string;
  readonly comments: readonly { type: 'Line' | 'Block'; value: string; start: number; end: number }[];
  readonly errors: number;
}
interface ParseWorker {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly signal: Int32Array;
  idle?: ReturnType<typeof setTimeout>;
}
let parseWorker: ParseWorker | null = null;
let workerFailed = false;

function endWorker(): void {
  if (!parseWorker) return;
  clearTimeout(parseWorker.idle);
  void parseWorker.worker.terminate();
  parseWorker.port.close();
  parseWorker = null;
}

function startWorker(bindings: string): ParseWorker {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SCRIPT, { eval: true, workerData: { port: port2, signal, bindings }, transferList: [port2], resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
  // A worker that fails (its binding would not load there) parses nothing more; unheard, its error would end the process.
  worker.on('error', () => {
    workerFailed = true;
    if (parseWorker?.worker === worker) endWorker();
  });
  // It does not keep the process alive: a lint ends when its work does.
  worker.unref();
  return { worker, port: port1, signal };
}

/** oxc-parser's answer for one text, from the worker; null when it gave none in time. */
function parseInWorker(bindings: string, file: string, text: string, options: object): RawParse | null {
  if (workerFailed) return null;
  try {
    parseWorker ??= startWorker(bindings);
  } catch {
    // No worker can start here (no room for its stack): no module is parsed.
    workerFailed = true;
    return null;
  }
  const current = parseWorker;
  clearTimeout(current.idle);
  Atomics.store(current.signal, 0, 0);
  current.port.postMessage({ file, text, options });
  if (Atomics.wait(current.signal, 0, 0, PARSE_TIMEOUT_MS) === 'timed-out') {
    workerFailed = true;
    endWorker();
    return null;
  }
  const reply = receiveMessageOnPort(current.port)?.message as RawParse | null | undefined;
  current.idle = setTimeout(endWorker, IDLE_MS);
  current.idle.unref();
  return reply ?? null;
}

/**
 * A text whose tokens bound its nesting low enough is parsed on the linting thread itself: a lint that
 * reads a few small modules (a config of headers, a constants file) then never waits for the worker to
 * start, about 50-80 ms of a cold lint. Each level of a tree takes at least one token, and each token at
 * least one unit as counted here (`tokenUnits`). Measured with oxc-parser 0.160.0 (on a worker with a
 * 1 MiB stack, the deepest text of each of 60 nesting shapes that parsed, closed and unclosed): at most
 * 2.6 KiB of native stack per unit (unclosed tuple types, `[[[`; arrays 1.2 KiB, class bodies 0.6), so
 * 1,024 units take at most 2.7 MiB, less than half of what a main thread with an 8 MiB stack has left
 * past V8's own (at most about 1 MiB). Elsewhere (a worker thread, whose stack its creator sized, or a
 * stack limit that cannot be read or is lower), every text goes to the worker.
 */
export const MAX_IN_THREAD_UNITS = 1024;
const MIN_IN_THREAD_STACK = 8 * 1024 * 1024;

/**
 * How many units `text` holds, counting up to `limit`: a run of ASCII letters, digits, `_` and `$` is
 * one, any other character but an ASCII blank is one each (a non-ASCII blank too, so a run never joins
 * tokens that one separates). Comments and strings count as any text: no reading of the grammar, which
 * a hostile text could mislead, decides the bound.
 */
export function tokenUnits(text: string, limit: number): number {
  // Native matching: a long word or a long run of blanks costs one step, not one per character.
  const unit = /[A-Za-z0-9_$]+|[^ \t\n\r\v\f]/g;
  let units = 0;
  while (units <= limit && unit.exec(text)) units++;
  return units;
}

let stackAllows: boolean | undefined;

/** Whether this thread's stack is the process's main stack and holds at least `MIN_IN_THREAD_STACK` (read from Linux's /proc). */
function threadStackAllows(): boolean {
  if (stackAllows !== undefined) return stackAllows;
  stackAllows = false;
  if (!isMainThread || process.platform !== 'linux') return stackAllows;
  try {
    const limit = /^Max stack size\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
    stackAllows = limit === 'unlimited' || (limit !== undefined && Number(limit) >= MIN_IN_THREAD_STACK);
  } catch {
    // No /proc here: the worker.
  }
  return stackAllows;
}

/** Whether `text` is parsed on this thread rather than the worker's: for the tests. */
export function parsesInThread(text: string): boolean {
  return threadStackAllows() && tokenUnits(text, MAX_IN_THREAD_UNITS) <= MAX_IN_THREAD_UNITS;
}

/** oxc-parser's answer on this thread, taken out of the binding's result as the worker does. */
function parseHere(oxc: OxcParser, file: string, text: string, options: object): RawParse {
  const result = oxc.parseSync(file, text, options);
  return { program: result.program, comments: result.comments, errors: result.errors.length };
}

/** Which parser reads other modules in this process: for the benchmark and tests. */
export function moduleParserKind(): Backend['kind'] | null {
  return loadBackend()?.kind ?? null;
}

/**
 * A tree deeper than this is not read: no module written by hand nests so deep, the scope
 * manager's recursion would give up on it anyway, and the analysis reads values a few levels deep.
 */
const MAX_TREE_DEPTH = 1024;

/**
 * Sets each node's `parent`, in one walk; returns the `import(...)` expressions met on the way, or
 * null for a tree deeper than `MAX_TREE_DEPTH`. The walk is iterative: no stack to overflow.
 */
function setParents(program: TSESTree.Program, keys: VisitorKeys): TSESTree.ImportExpression[] | null {
  const imports: TSESTree.ImportExpression[] = [];
  const stack: TSESTree.Node[] = [program];
  const depths: number[] = [0];
  for (let current = stack.pop(); current; current = stack.pop()) {
    const depth = depths.pop()! + 1;
    if (depth > MAX_TREE_DEPTH) return null;
    if (current.type === 'ImportExpression') imports.push(current);
    for (const key of keys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof (child as TSESTree.Node).type === 'string') {
          (child as { parent?: TSESTree.Node }).parent = current;
          stack.push(child as TSESTree.Node);
          depths.push(depth);
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
  const options = parseOptionsOf(file);
  const result = parsesInThread(text) ? parseHere(oxc, file, text, options) : parseInWorker(oxc.bindings, file, text, options);
  // A module with a syntax error is not guessed at: typescript-eslint's parser throws on it too.
  if (!result || result.errors > 0) return null;
  const ast = oxc.jsonParseAst(result.program);
  const imports = setParents(ast, oxc.visitorKeys);
  if (!imports) return null;
  // Scopes as for a module (as the typescript-eslint route reads every file): its top-level names are the module scope's.
  const scopeManager = scopes.analyze(ast, { sourceType: 'module', lib: [], jsxPragma: null });
  // Of the tokens, the analysis reads the `import` keywords of `import(...)` (clients/calls.ts): only those are given.
  const tokens = imports.sort((a, b) => a.range[0] - b.range[0]).map((node): TSESTree.Token => ({ type: 'Keyword', value: 'import', range: [node.range[0], node.range[0] + 'import'.length] }) as TSESTree.Token);
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
  if (!visitorKeys || !setParents(ast, visitorKeys)) return null;
  return { ast: ast as ParsedSource['ast'], scopeManager, getScope: (node) => scopeAt(scopeManager, node) };
}

/**
 * The tree and scopes of a module's text, as the analysis reads a linted file, or null when no
 * parser is at hand, the text does not parse or it nests deeper than a tree that is read. Never
 * runs the module.
 */
export function parseModuleText(text: string, file: string): ParsedSource | null {
  if (Buffer.byteLength(text) > MAX_MODULE_BYTES) return null;
  // Its tree would be deeper than MAX_TREE_DEPTH (the Program is one level more than the brackets
  // around its deepest node): refused in one pass over the text, before a parser or a worker is started.
  if (nestingDepth(text, MAX_TREE_DEPTH) >= MAX_TREE_DEPTH) return null;
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
