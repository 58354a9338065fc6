/**
 * The parser of other modules (src/analysis/syntax/module-parser.ts): oxc-parser and
 * typescript-eslint's scope manager give the tree and scopes typescript-eslint's parser gave, for
 * JavaScript, JSX, TypeScript and CommonJS, and nothing for a text that does not parse.
 */
import { execFileSync } from 'node:child_process';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { MAX_IN_THREAD_UNITS, moduleParserKind, moduleScopeOf, parseModuleText, parsesInThread, tokenUnits } from '../src/analysis/syntax/module-parser.js';
import { REPO } from './built-package.js';

/** What the analysis reads of a module's scopes: each scope's kind, names and the names it references. */
function scopesRead(scopeManager: TSESLint.Scope.ScopeManager): string[] {
  return scopeManager.scopes.map((scope) => `${scope.type}: ${[...scope.set.keys()].sort().join(' ')} | ${scope.references.map((reference) => reference.identifier.name).sort().join(' ')}`).sort();
}

function typescriptESLintScopes(text: string, file: string): string[] {
  const { scopeManager } = tsParser.parseForESLint(text, { filePath: file, sourceType: 'module', ecmaVersion: 'latest', range: true, jsx: /x$/.test(file), lib: [] });
  return scopesRead(scopeManager!);
}

const MODULES: Record<string, string> = {
  'config.js':
    "import { SITE as site } from './site.js';\nconst local = { 'HTTP-Referer': site };\nexport const HEADERS = { ...local, title: `App ${site}` };\nexport default function build(extra = {}) {\n  return { ...HEADERS, ...extra };\n}\n",
  'view.jsx': "import { HEADERS } from './config';\nexport const View = ({ name }) => <div title={HEADERS.title}>{name}</div>;\n",
  'client.ts':
    "import type { ClientOptions } from 'openai';\nimport { HEADERS } from './config';\nenum Mode { Fast = 1 }\n@sealed\nclass Client {\n  #key: string = '';\n  constructor(private readonly options: ClientOptions) {}\n}\nexport const OPTIONS: Partial<ClientOptions> = { defaultHeaders: HEADERS as Record<string, string> } satisfies object;\nexport function pick<T extends object>(value: T, mode = Mode.Fast): T { return value; }\n",
  'panel.tsx': "import { OPTIONS } from './client';\nexport function Panel<T,>(props: { value: T }) {\n  return <pre>{JSON.stringify(OPTIONS)}</pre>;\n}\n",
  'legacy.cjs': "const site = require('./site');\nif (!site) return;\nmodule.exports = { HEADERS: { 'HTTP-Referer': site.URL } };\n",
};

describe('the module reader', () => {
  it('parses with oxc-parser here, not with a `typescript` package', () => {
    expect(moduleParserKind()).toBe('oxc');
  });

  it.each(Object.keys(MODULES))('%s: the scopes typescript-eslint finds, a module scope, parents and ranges', (name) => {
    const file = `/project/src/${name}`;
    const parsed = parseModuleText(MODULES[name]!, file)!;
    expect(parsed).not.toBeNull();
    const scope = moduleScopeOf(parsed)!;
    expect(scope.type).toBe('module');
    // A CommonJS module's top-level `return` is no error to oxc-parser; typescript-eslint's parser allows none there.
    if (!name.endsWith('.cjs')) expect(scopesRead(parsed.scopeManager!)).toEqual(typescriptESLintScopes(MODULES[name]!, file));
    const last = parsed.ast.body.at(-1)!;
    expect(last.parent).toBe(parsed.ast);
    expect(MODULES[name]!.slice(...last.range)).toMatch(/^(export|module\.exports)/);
    expect(parsed.getScope(last)).toBe(scope);
  });

  it("gives the `import` keywords of `import(...)`, which is what the analysis reads of a module's tokens", () => {
    const parsed = parseModuleText("const m = await import('./m');\nexport const load = () => import('./n');\n", '/project/src/lazy.js')!;
    expect(parsed.ast.tokens.map((token) => [token.value, token.range])).toEqual([
      ['import', [16, 22]],
      ['import', [57, 63]],
    ]);
    const first = parsed.ast.tokens[0]!;
    expect((parsed.ast.body[0] as TSESTree.VariableDeclaration).declarations[0]!.init).toMatchObject({ type: 'AwaitExpression', argument: { type: 'ImportExpression', range: [first.range[0], 29] } });
  });

  it('reads a script in sloppy mode, and nothing of a text with a syntax error or TypeScript in a .js file', () => {
    expect(parseModuleText('var x = 010;\nwith (x) {}\nmodule.exports = { x };\n', '/project/src/old.js')).not.toBeNull();
    expect(parseModuleText('export const HEADERS = { ;\n', '/project/src/broken.js')).toBeNull();
    expect(parseModuleText('export const HEADERS: Record<string, string> = {};\n', '/project/src/typed.js')).toBeNull();
    expect(parseModuleText("import { x } from './x';\nexport {};\n", '/project/src/esm.cjs')).toBeNull();
  });

  it('reads a byte-order mark, and nothing of a text over 128 KiB', () => {
    expect(parseModuleText("\uFEFFexport const URL = 'https://openrouter.ai/api/v1';\n", '/project/src/bom.js')).not.toBeNull();
    const large = `export const URL = 'https://openrouter.ai/api/v1';\n// ${'x'.repeat(128 * 1024)}\n`;
    expect(parseModuleText(large, '/project/src/large.js')).toBeNull();
  });

  it('survives the deepest nesting 128 KiB can spell (it would overflow the stack of the thread that lints), and reads a module after it', () => {
    const limit = 128 * 1024 - 64;
    const arrays = (depth: number) => `export const v = ${'['.repeat(depth)}1${']'.repeat(depth)};\n`;
    const types = (depth: number) => `export const v = 0 as ${'A<'.repeat(depth)}B${'>'.repeat(depth)};\n`;
    for (const [file, text] of [['/project/src/arrays.js', arrays(limit / 2)], ['/project/src/types.ts', types(limit / 3)]] as const) {
      expect(text.length).toBeLessThan(128 * 1024);
      // Not read, and no crash.
      expect(parseModuleText(text, file)).toBeNull();
    }
    // Nesting a module may really have is read; past 1,024 levels of tree, nothing is.
    expect(moduleScopeOf(parseModuleText(arrays(500), '/project/src/nested.js')!)).not.toBeNull();
    expect(parseModuleText(arrays(1100), '/project/src/nested.js')).toBeNull();
    expect(parseModuleText(`export const v = ${Array.from({ length: 1100 }, (_, index) => `'${index}'`).join(' + ')};\n`, '/project/src/concatenated.js')).toBeNull();
  });

  it('counts a unit per word and per other character, whatever the text means, and a non-ASCII blank as one', () => {
    expect(tokenUnits("export const H = { 'X-Key': 'v' };", 100)).toBe(16);
    // A comment or a string costs as much as code: `[` inside one is still a unit.
    expect(tokenUnits(`// ${'x'.repeat(100_000)}`, 100)).toBe(3);
    expect(tokenUnits(`'${'[ '.repeat(50)}'`, 100)).toBe(52);
    // U+00A0 separates tokens in JavaScript: \`typeof\u00A0typeof\` is two of them, three units here.
    expect(tokenUnits('typeof\u00A0typeof', 100)).toBe(3);
    expect(tokenUnits('['.repeat(5000), 100)).toBe(101);
  });
});

/** The deepest nesting of each shape that fits in `units` (unclosed, as a text may leave it: the parser recurses all the same). */
function nestedShapes(units: number): Record<string, string> {
  const fill = (head: string, level: string, file: string): [string, string] => {
    let depth = 0;
    while (tokenUnits(head + level.repeat(depth + 1), units + 1) <= units) depth++;
    return [file, head + level.repeat(depth)];
  };
  return Object.fromEntries([
    fill('export type T = ', '[', 'tuples.ts'),
    fill('export const v = ', '[', 'arrays.js'),
    fill('export const v = ', '(', 'parens.js'),
    fill('', '{', 'blocks.js'),
    fill('', 'if(a)', 'ifs.js'),
    fill('', 'class A{m(){', 'classes.js'),
    fill('', 'function f(){', 'functions.js'),
    fill('export const v = ', '`${', 'templates.js'),
    fill('export const v = ', '(a=(', 'defaults.js'),
    fill('export const v = 0 as ', 'A<', 'type-arguments.ts'),
    fill('export type T = ', '{a:', 'object-types.ts'),
    fill('export const v = ', '<a>', 'elements.jsx'),
    fill('export const v = ', '!', 'nots.js'),
    fill('export const v = ', 'a=>', 'arrows.js'),
  ]);
}

describe('the module reader on its own thread', () => {
  it('parses a module of few units there, and one of more in the worker', () => {
    // The test's own thread may not qualify (a worker, a small stack): only the count decides here then.
    const small = "export const HEADERS = { 'HTTP-Referer': 'https://acme.dev' };\n";
    expect(parsesInThread(`${small}${'// x\n'.repeat(MAX_IN_THREAD_UNITS)}`)).toBe(false);
    expect(moduleScopeOf(parseModuleText(small, '/project/src/headers.js')!)).not.toBeNull();
  });

  it('takes each nesting shape at its bound on a process main thread, and the same texts parse on half the stack it requires', () => {
    const shapes = nestedShapes(MAX_IN_THREAD_UNITS);
    // A fresh process: a stack overflow in native code would end it, not the test runner.
    const script = `
      const { Worker } = require('node:worker_threads');
      const { parseModuleText, parsesInThread } = require('./dist/analysis/syntax/module-parser.js');
      const shapes = ${JSON.stringify(shapes)};
      const taken = Object.entries(shapes).filter(([, text]) => parsesInThread(text)).map(([file]) => file);
      for (const [file, text] of Object.entries(shapes)) parseModuleText(text, '/project/src/' + file);
      const worker = new Worker(\`
        const { workerData, parentPort } = require('node:worker_threads');
        const { parseSync } = require(require.resolve('oxc-parser/src-js/bindings', { paths: [workerData.repo] }));
        for (const [file, text] of Object.entries(workerData.shapes)) parseSync(file, text, { sourceType: 'unambiguous', lang: file.endsWith('.ts') ? 'ts' : 'jsx', astType: 'ts', range: true, preserveParens: false }).program;
        parentPort.postMessage('parsed');
      \`, { eval: true, workerData: { shapes, repo: process.cwd() }, resourceLimits: { stackSizeMb: 4 } });
      worker.on('message', (message) => process.stdout.write(JSON.stringify({ taken, message })));
    `;
    const output = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8' })) as { taken: string[]; message: string };
    // This machine's main thread has the 8 MiB stack the route requires (Linux's default).
    if (process.platform === 'linux') expect(output.taken).toEqual(Object.keys(shapes));
    expect(output.message).toBe('parsed');
  });
});
