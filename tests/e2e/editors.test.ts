/**
 * The tsserver plugin through the editors' own servers, on a consumer project set up as the README
 * says (the package, eslint and the parser installed, one entry in tsconfig.json, the identity in
 * package.json, the project's own TypeScript 6.0 or 5.9), for a missing referer: the diagnostic is
 * published, its quick fix is offered, inserts the package.json identity and leaves the file clean.
 *
 * - typescript-language-server (Neovim's `ts_ls`, Helix, Emacs), spoken to over LSP as Neovim does;
 * - vtsls (Zed's), with the workspace settings Zed sends;
 * - tsserver itself, with the requests VS Code's TypeScript extension sends, in its order.
 *
 * All three ask `getSupportedCodeFixes` without a file and offer fixes only for the codes it answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETUP_NOTICE_CODE } from '../../src/hosts/tsserver/setup-notices.js';
import { REPO } from '../built-package.js';
import { installPlugin, installTypeScript, packPlugin, write, writeTsconfig } from './consumer-project.js';
import { fileUri, LanguageServerClient, type CodeAction, type LspDiagnostic } from './lsp-client.js';
import { applyEdits, TsServer, type CodeFixAction, type ProtocolDiagnostic } from './tsserver-client.js';

const REQUIRE_REFERER = 940001;
const FIX_TITLE = 'Fix this openrouter/require-referer problem';
const TYPESCRIPTS = ['typescript', 'typescript-5.9'] as const;

const SDK_TYPES = `declare module '@openrouter/sdk' {
  export class OpenRouter {
    constructor(options: { apiKey?: string; httpReferer?: string; appTitle?: string; appCategories?: string });
  }
}
`;
const CLIENT_TS = `import { OpenRouter } from '@openrouter/sdk';

declare const apiKey: string;

export const client = new OpenRouter({ apiKey });
`;
const FIXED_LINE = "export const client = new OpenRouter({ apiKey, httpReferer: 'https://consumerapp.dev', appTitle: 'Consumer App' });";

let temp: string;
let tarball: string;

beforeAll(async () => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-openrouter-editors-'));
  tarball = await packPlugin(temp);
}, 300_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** A project as the README sets it up; returns its root. */
function consumerProject(name: string, typescript: string, withParser = true): string {
  const root = path.join(temp, name);
  installPlugin(root, tarball, withParser);
  installTypeScript(root, typescript);
  write(path.join(root, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, openrouter: { referer: 'https://consumerapp.dev', title: 'Consumer App' } }, null, 2));
  writeTsconfig(root);
  write(path.join(root, 'src/openrouter-sdk.d.ts'), SDK_TYPES);
  write(path.join(root, 'src/client.ts'), CLIENT_TS);
  return root;
}

const isReferer = (diagnostic: LspDiagnostic): boolean => Number(diagnostic.code) === REQUIRE_REFERER;

/**
 * Opens src/client.ts, takes the quick fix of the missing referer as the editor does (applies its
 * edit, runs its command, resolving it first when it has neither) and waits for clean diagnostics.
 */
async function quickFixReferer(client: LanguageServerClient, root: string, only?: string[]): Promise<void> {
  const file = path.join(root, 'src/client.ts');
  client.open(file);
  const published = await client.nextDiagnostics(file, (diagnostics) => diagnostics.some(isReferer), 'the missing referer');
  expect(published).toEqual([expect.objectContaining({ source: 'openrouter', code: REQUIRE_REFERER, severity: 1, range: { start: { line: 4, character: 26 }, end: { line: 4, character: 36 } } })]);
  expect(published[0]!.message).toMatch(/^Missing HTTP-Referer/);
  const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', {
    textDocument: { uri: fileUri(file) },
    range: published[0]!.range,
    context: { diagnostics: published, triggerKind: 1, ...(only ? { only } : {}) },
  });
  let action = (actions ?? []).find((candidate) => candidate.title === FIX_TITLE);
  expect(action, `code actions offered: ${JSON.stringify((actions ?? []).map((candidate) => candidate.title))}`).toBeDefined();
  expect(action!.kind).toBe('quickfix');
  if (!action!.edit && !action!.command) action = await client.request<CodeAction>('codeAction/resolve', action);
  if (action!.edit) client.applyEdit(action!.edit);
  if (action!.command) await client.request('workspace/executeCommand', action!.command);
  await client.nextDiagnostics(file, (diagnostics) => diagnostics.length === 0, 'clean diagnostics after the fix');
  expect(client.text(file).split('\n')[4]).toBe(FIXED_LINE);
}

describe.each(TYPESCRIPTS)('typescript-language-server on the project\'s %s, as Neovim runs it', (typescript) => {
  let root: string;
  let client: LanguageServerClient;

  beforeAll(async () => {
    root = consumerProject(`ts-ls-${typescript}`, typescript);
    // nvim-lspconfig's ts_ls: `typescript-language-server --stdio`, init_options { hostInfo = 'neovim' }, root at package.json or tsconfig.json.
    client = new LanguageServerClient([path.join(REPO, 'node_modules/typescript-language-server/lib/cli.mjs'), '--stdio'], root);
    await client.initialize(root, { hostInfo: 'neovim' });
  }, 60_000);

  afterAll(() => client?.close());

  it('offers the quick fix of a missing referer, which inserts the package.json identity and leaves the file clean', async () => {
    await quickFixReferer(client, root);
  });
});

describe('typescript-language-server in a project without ESLint', () => {
  it('shows the plugin\'s explanation in the editor', async () => {
    const root = consumerProject('ts-ls-no-eslint', 'typescript', false);
    rmSync(path.join(root, 'node_modules/eslint'));
    const client = new LanguageServerClient([path.join(REPO, 'node_modules/typescript-language-server/lib/cli.mjs'), '--stdio'], root);
    try {
      await client.initialize(root, { hostInfo: 'neovim' });
      const file = path.join(root, 'src/client.ts');
      client.open(file);
      const [notice, ...others] = await client.nextDiagnostics(file, (diagnostics) => diagnostics.length > 0, 'the setup notice');
      expect(others).toEqual([]);
      expect(notice).toMatchObject({ source: 'openrouter', code: SETUP_NOTICE_CODE, severity: 2, range: { start: { line: 0, character: 0 } } });
      expect(notice!.message).toMatch(/^eslint-plugin-openrouter\/ts-plugin: OpenRouter checks are off for this project: eslint \(\^9\.15\.0 \|\| \^10\.0\.0\) is not installed; @typescript-eslint\/parser/);
      expect(notice!.message).toContain('Install with: npm i -D eslint@');
    } finally {
      await client.close();
    }
  }, 60_000);
});

describe.each(TYPESCRIPTS)('vtsls with Zed\'s settings, on the project\'s %s', (typescript) => {
  let root: string;
  let client: LanguageServerClient;

  beforeAll(async () => {
    root = consumerProject(`vtsls-${typescript}`, typescript);
    // What Zed answers to workspace/configuration for vtsls (crates/languages/src/vtsls.rs): the project's TypeScript.
    const tsConfig = { tsdk: 'node_modules/typescript/lib', tsserver: { maxTsServerMemory: 8092 } };
    client = new LanguageServerClient([path.join(REPO, 'node_modules/@vtsls/language-server/bin/vtsls.js'), '--stdio'], root, {
      typescript: tsConfig,
      javascript: tsConfig,
      vtsls: { autoUseWorkspaceTsdk: true },
    });
    await client.initialize(root, undefined);
  }, 60_000);

  afterAll(() => client?.close());

  it('offers the quick fix of a missing referer, which inserts the package.json identity and leaves the file clean', async () => {
    // Zed asks for the kinds its vtsls adapter lists.
    await quickFixReferer(client, root, ['quickfix', 'refactor', 'refactor.extract', 'source']);
  });
});

describe('vtsls on its bundled TypeScript, with the plugin found through typescript.tsserver.pluginPaths', () => {
  it('offers the quick fix too', async () => {
    const root = consumerProject('vtsls-bundled', 'typescript');
    rmSync(path.join(root, 'node_modules/typescript'), { recursive: true });
    const client = new LanguageServerClient([path.join(REPO, 'node_modules/@vtsls/language-server/bin/vtsls.js'), '--stdio'], root, {
      typescript: { tsserver: { pluginPaths: ['.'] } },
    });
    try {
      await client.initialize(root, undefined);
      await quickFixReferer(client, root);
    } finally {
      await client.close();
    }
  }, 60_000);
});

describe.each(TYPESCRIPTS)('tsserver of the project\'s %s, sent what VS Code sends', (typescript) => {
  it('publishes the missing referer, answers getSupportedCodeFixes with its code, and its fix leaves the file clean', async () => {
    const root = consumerProject(`vscode-${typescript}`, typescript);
    const file = path.join(root, 'src/client.ts');
    // The semantic server's arguments (typescript-language-features' spawner), without logging.
    const server = new TsServer(path.join(root, 'node_modules/typescript/lib/tsserver.js'), [
      '--useInferredProjectPerProjectRoot',
      '--enableTelemetry',
      '--cancellationPipeName',
      `${path.join(temp, `vscode-${typescript}-cancel`)}*`,
      '--locale',
      'en',
      '--noGetErrOnBackgroundUpdate',
      '--canUseWatchEvents',
      '--validateDefaultNpmLocation',
    ]);
    const formatOptions = { tabSize: 4, indentSize: 4, convertTabsToSpaces: true, newLineCharacter: '\n', insertSpaceAfterCommaDelimiter: true };
    const preferences = { quotePreference: 'auto', importModuleSpecifierPreference: 'shortest', includeCompletionsForModuleExports: true, provideRefactorNotApplicableReason: true };
    const semanticDiagnostics = async (): Promise<ProtocolDiagnostic[]> => {
      const event = server.nextEvent((candidate) => candidate.event === 'semanticDiag' && (candidate.body as { file: string }).file === file, 'semanticDiag');
      server.send('geterr', { delay: 0, files: [file] });
      return ((await event).body as { diagnostics: ProtocolDiagnostic[] }).diagnostics;
    };
    try {
      // At start: the host, and the options of inferred projects.
      server.send('configure', {
        hostInfo: 'vscode',
        preferences: { providePrefixAndSuffixTextForRename: true, allowRenameOfImportPath: true, includePackageJsonAutoImports: 'auto', excludeLibrarySymbolsInNavTo: true },
      });
      server.send('compilerOptionsForInferredProjects', {
        options: { module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022', jsx: 'react', allowImportingTsExtensions: true, strictNullChecks: true, strictFunctionTypes: true, sourceMap: true, allowJs: true, allowSyntheticDefaultImports: true, allowNonTsExtensions: true, resolveJsonModule: true },
      });
      // The buffer opened, the file's formatting, then its diagnostics.
      let text = CLIENT_TS;
      server.send('updateOpen', { changedFiles: [], closedFiles: [], openFiles: [{ file, fileContent: text, scriptKindName: 'TS', projectRootPath: root }] });
      server.send('configure', { file, formatOptions, preferences });
      const diagnostics = (await semanticDiagnostics()).filter((diagnostic) => diagnostic.code === REQUIRE_REFERER);
      expect(diagnostics).toEqual([expect.objectContaining({ source: 'openrouter', category: 'error', start: { line: 5, offset: 27 }, end: { line: 5, offset: 37 } })]);
      // The quick fix: the codes asked once without a file, then the fixes of the diagnostic.
      const supported = await server.request<string[]>('getSupportedCodeFixes', null);
      expect(supported).toContain(String(REQUIRE_REFERER));
      server.send('configure', { file, formatOptions, preferences });
      const [diagnostic] = diagnostics;
      const fixes = await server.request<CodeFixAction[]>('getCodeFixes', {
        file,
        startLine: diagnostic!.start.line,
        startOffset: diagnostic!.start.offset,
        endLine: diagnostic!.end.line,
        endOffset: diagnostic!.end.offset,
        errorCodes: [REQUIRE_REFERER],
      });
      const fix = fixes.find((action) => action.description === FIX_TITLE);
      expect(fix, JSON.stringify(fixes.map((action) => action.description))).toBeDefined();
      // The edit applied to the buffer, sent as VS Code sends a change: end of the document first.
      const { textChanges } = fix!.changes[0]!;
      text = applyEdits(text, textChanges);
      server.send('updateOpen', {
        changedFiles: [{ fileName: file, textChanges: [...textChanges].reverse().map(({ start, end, newText }) => ({ start, end, newText })) }],
        closedFiles: [],
        openFiles: [],
      });
      expect(text.split('\n')[4]).toBe(FIXED_LINE);
      expect(await semanticDiagnostics()).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
