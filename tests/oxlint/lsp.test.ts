/**
 * `oxlint --lsp` driven as an editor drives it, on a project that loads the packed plugin through
 * `.oxlintrc.json`: initialize, open a file, receive the plugin's diagnostics, ask for code actions,
 * apply the quick fix that inserts the package.json identity, and see the file come back clean.
 * Then a suggestion offered as a quick fix, UTF-16 positions after non-ASCII text, and a
 * package.json edit picked up by the running server.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, createConsumer, OXLINT_CLI, readText, recommendedRules, writeFile, writeJson, type Consumer } from './consumer-project.js';
import { applyEdits, LspClient, type CodeAction, type Diagnostic, type Range } from './lsp-client.js';
import { createESLint } from './reports.js';
import { packageIdentityClientFix } from '../expected-fixes.js';

// A slow shared CI machine: the first lint of a server loads Node and the plugin.
const REQUEST_TIMEOUT = 60_000;
const DIAGNOSTICS_TIMEOUT = 90_000;

let consumer: Consumer;
let client: LspClient;
let capabilities: Record<string, unknown>;
const versions = new Map<string, number>();

const uriOf = (file: string): string => pathToFileURL(path.join(consumer.root, file)).href;

/** Diagnostics of a document after `version`, pulled or published, whichever the server does. */
async function diagnosticsOf(file: string, version: number): Promise<Diagnostic[]> {
  const uri = uriOf(file);
  if (capabilities.diagnosticProvider) {
    const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return report.items;
  }
  return client.waitFor(
    `published diagnostics of ${file} v${version}`,
    () => {
      const published = client.published.get(uri);
      // Servers that send no version publish once per open/change; take the latest.
      return published && (published.version === undefined || published.version >= version) ? published.diagnostics : undefined;
    },
    DIAGNOSTICS_TIMEOUT,
  );
}

async function open(file: string, text = readText(path.join(consumer.root, file))): Promise<Diagnostic[]> {
  client.published.delete(uriOf(file));
  versions.set(file, 1);
  const languageId = /\.[cm]?tsx?$/.test(file) ? (file.endsWith('x') ? 'typescriptreact' : 'typescript') : 'javascript';
  client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId, version: 1, text } });
  return diagnosticsOf(file, 1);
}

async function change(file: string, text: string): Promise<Diagnostic[]> {
  client.published.delete(uriOf(file));
  const version = (versions.get(file) ?? 1) + 1;
  versions.set(file, version);
  client.notify('textDocument/didChange', { textDocument: { uri: uriOf(file), version }, contentChanges: [{ text }] });
  return diagnosticsOf(file, version);
}

function codeActions(file: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: uriOf(file) },
    range,
    context: { diagnostics, only: ['quickfix'], triggerKind: 1 },
  });
}

function editsOf(action: CodeAction, file: string) {
  const uri = uriOf(file);
  return action.edit?.changes?.[uri] ?? action.edit?.documentChanges?.find((change) => change.textDocument.uri === uri)?.edits ?? [];
}

const ours = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.filter((diagnostic) => String(diagnostic.code).startsWith('openrouter('));

/** ESLint's fixed text of a file of the project, with the same rules and no settings. */
async function eslintFixed(file: string): Promise<string> {
  const [result] = await createESLint(consumer.root, consumer.plugin, [{ rules: recommendedRules(consumer.plugin) }], true).lintFiles([file]);
  return result!.output ?? readText(path.join(consumer.root, file));
}

beforeAll(async () => {
  consumer = createConsumer('oxlint-lsp');
  copyFixture('package-identity', consumer.root);
  writeJson(path.join(consumer.root, '.oxlintrc.json'), { jsPlugins: ['eslint-plugin-openrouter'], rules: recommendedRules(consumer.plugin) });
  // A site after non-ASCII text on its own line: LSP positions count UTF-16 code units.
  writeFile(
    path.join(consumer.root, 'src/unicode.ts'),
    "import { OpenRouter } from '@openrouter/sdk';\n\nconst greeting = 'こんにちは — 😀'; export const client = new OpenRouter({ apiKey: greeting });\n",
  );
  // Two sites whose autofixes the editor's "fix all" (source.fixAll.oxc) applies together.
  writeFile(
    path.join(consumer.root, 'src/fix-all.mjs'),
    [
      'export async function chat(messages) {',
      "  const response = await fetch('https://openrouter.ai/api/v1/chat/completions', {",
      "    method: 'POST',",
      "    headers: { 'HTTP-Referer': 'http://localhost:3000' },",
      "    body: JSON.stringify({ model: 'openai/gpt-4o-mini', messages }),",
      '  });',
      "  await fetch('https://openrouter.ai/api/v1/embeddings', { method: 'POST', body: JSON.stringify({ model: 'openai/text-embedding-3-small', input: messages }) });",
      '  return response.json();',
      '}',
      '',
    ].join('\n'),
  );
  client = new LspClient(process.execPath, [OXLINT_CLI, '--lsp'], { cwd: consumer.root, requestTimeout: REQUEST_TIMEOUT });
  const rootUri = pathToFileURL(consumer.root).href;
  const initialized = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
    processId: process.pid,
    clientInfo: { name: 'lsp-test-editor' },
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'project' }],
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, applyEdit: true },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
          resolveSupport: { properties: ['edit'] },
        },
      },
    },
  });
  capabilities = initialized.capabilities;
  client.notify('initialized', {});
}, 240_000);

afterAll(async () => {
  try {
    if (client) expect(await client.close()).toBe(0);
  } finally {
    consumer?.remove();
  }
}, 60_000);

// Each step waits for the server; on a slow shared machine that can take a while.
describe('oxlint --lsp with the packed plugin', { timeout: 240_000 }, () => {
  it('announces code actions (quick fixes) for open documents', () => {
    expect(capabilities.codeActionProvider).toMatchObject({ codeActionKinds: expect.arrayContaining(['quickfix']) });
    expect(capabilities.textDocumentSync).toBeTruthy();
  });

  it('reports a missing referer where ESLint does, and its quick fix inserts the package.json identity', async () => {
    const file = 'src/index.ts';
    const text = readText(path.join(consumer.root, file));
    const diagnostics = ours(await open(file, text));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'openrouter(require-referer)',
        severity: 1,
        message: "Missing HTTP-Referer: this @openrouter/sdk client is credited to no app. Set `httpReferer` to the app's URL.",
        range: { start: { line: 2, character: 19 }, end: { line: 2, character: 29 } },
      }),
    ]);

    const actions = await codeActions(file, diagnostics[0]!.range, diagnostics);
    const fix = actions.find((action) => editsOf(action, file).some((edit) => edit.newText.includes('https://github.com/acme/reviewbot')));
    expect(fix, JSON.stringify(actions.map((action) => action.title))).toBeDefined();
    expect(fix!.kind).toBe('quickfix');
    const fixed = applyEdits(text, editsOf(fix!, file));
    expect(fixed).toContain(packageIdentityClientFix());
    expect(fixed).toBe(await eslintFixed(file));

    expect(ours(await change(file, fixed))).toEqual([]);
  });

  it('reports nothing on a file whose OpenRouter calls need no attribution', async () => {
    // Only /models (metadata) calls: as under ESLint, nothing to report.
    expect(ours(await open('src/models.js'))).toEqual([]);
  });

  it('offers a suggestion as a quick fix with the rule\'s own description', async () => {
    const file = 'src/review.mjs';
    const text = readText(path.join(consumer.root, file));
    const generic = ours(await open(file, text)).find((diagnostic) => diagnostic.code === 'openrouter(no-generic-title)');
    expect(generic).toMatchObject({ severity: 2, range: { start: { line: 6, character: 15 }, end: { line: 6, character: 29 } } });
    const actions = await codeActions(file, generic!.range, [generic!]);
    const suggestion = actions.find((action) => action.title === 'Use the configured title "ReviewBot".');
    expect(suggestion, JSON.stringify(actions.map((action) => action.title))).toBeDefined();
    const applied = applyEdits(text, editsOf(suggestion!, file));
    expect(applied).toContain("    'X-Title': 'ReviewBot',\n");
    expect(ours(await change(file, applied)).map((diagnostic) => diagnostic.code)).not.toContain('openrouter(no-generic-title)');
  });

  it('applies every autofix of a file through "fix all" (source.fixAll.oxc), as eslint --fix does', async () => {
    const file = 'src/fix-all.mjs';
    const text = readText(path.join(consumer.root, file));
    expect(ours(await open(file, text)).map((diagnostic) => diagnostic.code).sort()).toEqual(['openrouter(require-referer)', 'openrouter(require-title-for-localhost)']);
    const everything = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) },
      range: everything,
      context: { diagnostics: [], only: ['source.fixAll.oxc'], triggerKind: 2 },
    });
    expect(actions.map((action) => action.kind)).toEqual(['source.fixAll.oxc']);
    const fixed = applyEdits(text, editsOf(actions[0]!, file));
    expect(fixed).toBe(await eslintFixed(file));
    expect(ours(await change(file, fixed))).toEqual([]);
  });

  it('counts positions in UTF-16 code units after non-ASCII text', async () => {
    const file = 'src/unicode.ts';
    const text = readText(path.join(consumer.root, file));
    const [diagnostic] = ours(await open(file, text));
    const line = text.split('\n')[2]!;
    const character = line.indexOf('OpenRouter(');
    expect(diagnostic!.range).toEqual({ start: { line: 2, character }, end: { line: 2, character: character + 'OpenRouter'.length } });
  });

  it('picks up an edit of package.json without a restart', async () => {
    const file = 'src/index.ts';
    const text = readText(path.join(consumer.root, file));
    const manifest = JSON.parse(readText(path.join(consumer.root, 'package.json'))) as { openrouter: Record<string, unknown> };
    manifest.openrouter.referer = 'https://reviewbot.dev';
    writeJson(path.join(consumer.root, 'package.json'), manifest);
    // package.json reads are cached for about five seconds; an editor re-lints on each keystroke.
    const started = Date.now();
    let newTexts: string[] = [];
    for (let keystroke = 1; Date.now() - started < 60_000; keystroke++) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const diagnostics = ours(await change(file, `${text}${'\n'.repeat(keystroke)}`));
      const actions = await codeActions(file, diagnostics[0]!.range, diagnostics);
      newTexts = actions.flatMap((action) => editsOf(action, file).map((edit) => edit.newText));
      if (newTexts.some((newText) => newText.includes("httpReferer: 'https://reviewbot.dev'"))) break;
    }
    expect(newTexts.some((newText) => newText.includes("httpReferer: 'https://reviewbot.dev'")), JSON.stringify(newTexts)).toBe(true);
  });
});
