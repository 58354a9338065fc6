/**
 * The parser of other modules (src/analysis/syntax/module-parser.ts): oxc-parser and
 * typescript-eslint's scope manager give the tree and scopes typescript-eslint's parser gave, for
 * JavaScript, JSX, TypeScript and CommonJS, and nothing for a text that does not parse.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { moduleParserKind, moduleScopeOf, parseModuleText } from '../src/analysis/syntax/module-parser.js';

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
});
