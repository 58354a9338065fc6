/**
 * The tsserver plugin as an editor meets it: the packed package installed into a project's
 * node_modules (next to links to this repository's eslint and @typescript-eslint/parser), a real
 * tsserver of TypeScript 6.0 and of 5.9 started with `--pluginProbeLocations` on that project, and
 * the protocol spoken as an editor does: open, semanticDiagnosticsSync, getCodeFixes, apply the
 * edits, diagnostics clean; fix all; a package.json edit seen without a restart; the editor's
 * configuration; and a project without @typescript-eslint/parser, where tsserver works as before.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_DIAGNOSTIC_CODES } from '../../src/hosts/tsserver/diagnostic-codes.js';
import { SETUP_NOTICE_CODE } from '../../src/hosts/tsserver/setup-notices.js';
import { REPO } from '../built-package.js';
import { installPlugin, packPlugin, write, writeTsconfig } from './consumer-project.js';
import { applyEdits, endOf, TsServer, type CodeFixAction, type FileCodeEdits, type ProtocolDiagnostic } from './tsserver-client.js';

const REQUIRE_REFERER = 940001;
const REQUIRE_TITLE_FOR_LOCALHOST = 940002;
/** How long the rules cache package.json reads, plus a margin. */
const PACKAGE_CACHE_MS = 5_500;

const SDK_TYPES = `declare module '@openrouter/sdk' {
  export class OpenRouter {
    constructor(options: { apiKey?: string; httpReferer?: string; appTitle?: string; appCategories?: string });
  }
}
declare module 'openai' {
  export default class OpenAI {
    constructor(options: { baseURL?: string; apiKey?: string; defaultHeaders?: Record<string, string> });
  }
}
`;
const BASE_URL_TS = "export const BASE_URL = 'https://openrouter.ai/api/v1' as const;\n";
/**
 * A client whose base URL only the checker knows: it is imported. (The file names OpenRouter, as
 * the analysis requires of a file before it looks at it.)
 */
const TYPED_CLIENT_TS = "import OpenAI from 'openai';\nimport { BASE_URL } from './base-url';\n\nexport const openRouterClient = new OpenAI({ baseURL: BASE_URL });\n";
const CLIENT_TS = `import { OpenRouter } from '@openrouter/sdk';

declare const apiKey: string;

export const client = new OpenRouter({ apiKey });
`;
const CHAT_TS = `export async function chat(messages: unknown[]): Promise<unknown> {
  const response = await fetch('https://openrouter.ai/api/v1/chat/completions', {
    method: 'POST',
    headers: { 'HTTP-Referer': 'http://localhost:3000' },
    body: JSON.stringify({ model: 'openai/gpt-4o-mini', messages }),
  });
  return response.json();
}

export const second = () => fetch('https://openrouter.ai/api/v1/embeddings', { headers: { 'HTTP-Referer': 'http://localhost:5173' } });
`;
const PLAIN_TS = `// Talks to another API entirely.
export function total(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}
`;

function writeIdentity(project: string, referer: string): void {
  write(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, openrouter: { referer, title: 'Consumer App' } }, null, 2));
}

/** A consumer project with the packed plugin installed; `withParser: false` leaves @typescript-eslint/parser out. */
function createProject(root: string, tarball: string, withParser: boolean): string {
  installPlugin(root, tarball, withParser);
  writeIdentity(root, 'https://consumerapp.dev');
  writeTsconfig(root, ['ES2022', 'DOM']);
  write(path.join(root, 'src/openrouter-sdk.d.ts'), SDK_TYPES);
  write(path.join(root, 'src/client.ts'), CLIENT_TS);
  write(path.join(root, 'src/other-client.ts'), CLIENT_TS);
  write(path.join(root, 'src/chat.ts'), CHAT_TS);
  write(path.join(root, 'src/plain.ts'), PLAIN_TS);
  write(path.join(root, 'src/base-url.ts'), BASE_URL_TS);
  write(path.join(root, 'src/typed-client.ts'), TYPED_CLIENT_TS);
  return root;
}

/** An editor's view of one tsserver: open buffers, and the edits it applies to them. */
class Editor {
  readonly server: TsServer;
  readonly texts = new Map<string, string>();

  constructor(typescript: string, readonly project: string, readonly logFile: string) {
    this.server = new TsServer(path.join(REPO, 'node_modules', typescript, 'lib/tsserver.js'), [
      '--pluginProbeLocations',
      project,
      '--disableAutomaticTypingAcquisition',
      '--logVerbosity',
      'normal',
      '--logFile',
      logFile,
    ]);
  }

  file(name: string): string {
    return path.join(this.project, 'src', name);
  }

  async open(name: string): Promise<void> {
    const file = this.file(name);
    const text = readFileSync(file, 'utf8');
    this.texts.set(file, text);
    await this.server.notify('open', { file, fileContent: text, projectRootPath: this.project });
  }

  diagnostics(name: string): Promise<ProtocolDiagnostic[]> {
    return this.server.request('semanticDiagnosticsSync', { file: this.file(name) });
  }

  async ours(name: string): Promise<ProtocolDiagnostic[]> {
    return (await this.diagnostics(name)).filter((diagnostic) => diagnostic.source === 'openrouter');
  }

  codeFixes(name: string, diagnostic: ProtocolDiagnostic): Promise<CodeFixAction[]> {
    return this.server.request('getCodeFixes', {
      file: this.file(name),
      startLine: diagnostic.start.line,
      startOffset: diagnostic.start.offset,
      endLine: diagnostic.end.line,
      endOffset: diagnostic.end.offset,
      errorCodes: [diagnostic.code],
    });
  }

  /** Applies code edits to the open buffers and tells tsserver, as an editor does after a code action. */
  async apply(changes: readonly FileCodeEdits[]): Promise<void> {
    for (const { fileName, textChanges } of changes) {
      const before = this.texts.get(fileName)!;
      const after = applyEdits(before, textChanges);
      this.texts.set(fileName, after);
      await this.server.notify('change', { file: fileName, line: 1, offset: 1, ...{ endLine: endOf(before).line, endOffset: endOf(before).offset }, insertString: after });
    }
  }

  log(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
  }
}

let temp: string;
let tarball: string;

beforeAll(async () => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-openrouter-tsserver-'));
  tarball = await packPlugin(temp);
}, 300_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe.each(['typescript', 'typescript-5.9'])('tsserver of %s with the plugin', (typescript) => {
  let editor: Editor;

  beforeAll(async () => {
    const project = createProject(path.join(temp, typescript), tarball, true);
    editor = new Editor(typescript, project, path.join(temp, `${typescript}.log`));
    for (const name of ['client.ts', 'other-client.ts', 'chat.ts', 'plain.ts', 'base-url.ts', 'typed-client.ts']) await editor.open(name);
  }, 120_000);

  afterAll(async () => {
    await editor?.server.close();
  });

  it('resolves by name with and without the exports map', () => {
    const require = createRequire(path.join(editor.project, 'index.js'));
    const installed = path.join(editor.project, 'node_modules/eslint-plugin-openrouter');
    expect(require.resolve('eslint-plugin-openrouter/ts-plugin')).toBe(path.join(installed, 'ts-plugin/index.js'));
    expect(typeof require('eslint-plugin-openrouter/ts-plugin')).toBe('function');
  });

  it('loads the plugin from the installed package and registers its codes', async () => {
    await editor.diagnostics('client.ts');
    expect(editor.log()).toMatch(/\[eslint-plugin-openrouter\/ts-plugin\] on for .*tsconfig\.json \(TypeScript \d/);
    // The parser was given tsserver's own TypeScript (5.9's too, although 6.0 is what it would require).
    expect(editor.log()).not.toContain('another TypeScript version');
    const supported = await editor.server.request<string[]>('getSupportedCodeFixes', { file: editor.file('client.ts') });
    expect(supported).toEqual(expect.arrayContaining([String(REQUIRE_REFERER), String(REQUIRE_TITLE_FOR_LOCALHOST)]));
  });

  it('adds its codes to the answer editors ask for without a file, after TypeScript\'s own', async () => {
    // VS Code, typescript-language-server and vtsls send `arguments: null`, and offer fixes only for the codes answered.
    const supported = await editor.server.request<string[]>('getSupportedCodeFixes', null);
    const own = (createRequire(__filename)(typescript) as typeof import('typescript')).getSupportedCodeFixes();
    expect(supported.slice(0, own.length)).toEqual([...own]);
    expect(supported.slice(own.length)).toEqual(ALL_DIAGNOSTIC_CODES.map(String));
  });

  it('reports nothing where there is no OpenRouter call', async () => {
    expect(await editor.diagnostics('plain.ts')).toEqual([]);
  });

  it('reports a missing referer, and its quick fix inserts the package.json identity and leaves the file clean', async () => {
    const diagnostics = await editor.diagnostics('client.ts');
    expect(diagnostics).toEqual([
      expect.objectContaining({ source: 'openrouter', code: REQUIRE_REFERER, category: 'error', start: { line: 5, offset: 27 }, end: { line: 5, offset: 37 } }),
    ]);
    expect(diagnostics[0]!.text).toMatch(/^Missing HTTP-Referer/);
    const fixes = await editor.codeFixes('client.ts', diagnostics[0]!);
    const fix = fixes.find((action) => action.fixName === 'openrouter/require-referer');
    expect(fix).toMatchObject({ fixId: 'openrouter-fix-all' });
    await editor.apply(fix!.changes);
    expect(editor.texts.get(editor.file('client.ts'))).toContain("new OpenRouter({ apiKey, httpReferer: 'https://consumerapp.dev', appTitle: 'Consumer App' })");
    expect(await editor.diagnostics('client.ts')).toEqual([]);
  });

  it('fixes every problem of a file at once with the combined fix', async () => {
    const diagnostics = await editor.ours('chat.ts');
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([REQUIRE_TITLE_FOR_LOCALHOST, REQUIRE_TITLE_FOR_LOCALHOST]);
    const combined = await editor.server.request<{ changes: FileCodeEdits[] }>('getCombinedCodeFix', {
      scope: { type: 'file', args: { file: editor.file('chat.ts') } },
      fixId: 'openrouter-fix-all',
    });
    await editor.apply(combined.changes);
    expect(editor.texts.get(editor.file('chat.ts'))!.match(/'X-OpenRouter-Title': 'Consumer App'/g)).toHaveLength(2);
    expect(await editor.diagnostics('chat.ts')).toEqual([]);
  });

  it('resolves an imported base URL through the checker, and follows an edit of the file it comes from', async () => {
    expect((await editor.diagnostics('typed-client.ts')).map((diagnostic) => [diagnostic.source, diagnostic.code])).toEqual([['openrouter', REQUIRE_REFERER]]);
    await editor.apply([{ fileName: editor.file('base-url.ts'), textChanges: [{ start: { line: 1, offset: 25 }, end: { line: 1, offset: 55 }, newText: "'https://api.openai.com/v1'" }] }]);
    expect(editor.texts.get(editor.file('base-url.ts'))).toBe("export const BASE_URL = 'https://api.openai.com/v1' as const;\n");
    expect(await editor.diagnostics('typed-client.ts')).toEqual([]);
  });

  it('sees a package.json edit without a restart, and then the identity the editor sends', async () => {
    const fixText = async (): Promise<string> => {
      const [diagnostic] = await editor.ours('other-client.ts');
      const fixes = await editor.codeFixes('other-client.ts', diagnostic!);
      return fixes.find((action) => action.fixName === 'openrouter/require-referer')!.changes[0]!.textChanges[0]!.newText;
    };
    expect(await fixText()).toContain("'https://consumerapp.dev'");
    writeIdentity(editor.project, 'https://renamed-app.dev');
    await new Promise((resolve) => setTimeout(resolve, PACKAGE_CACHE_MS));
    expect(await fixText()).toContain("'https://renamed-app.dev'");
    await editor.server.request('configurePlugin', {
      pluginName: 'eslint-plugin-openrouter/ts-plugin',
      configuration: { openrouter: { referer: 'https://editor-app.dev', title: 'Editor Title' } },
    });
    expect(await fixText()).toContain("httpReferer: 'https://editor-app.dev', appTitle: 'Editor Title'");
  });
});

describe('tsserver in a project without @typescript-eslint/parser', () => {
  it('keeps TypeScript\'s own results and says once, in the editor and in the log, what to install', async () => {
    const project = createProject(path.join(temp, 'no-parser'), tarball, false);
    const editor = new Editor('typescript', project, path.join(temp, 'no-parser.log'));
    try {
      await editor.open('client.ts');
      await editor.open('chat.ts');
      // On the first line of the first file checked, and there only.
      const [notice, ...others] = await editor.diagnostics('client.ts');
      expect(others).toEqual([]);
      expect(notice).toMatchObject({ source: 'openrouter', code: SETUP_NOTICE_CODE, category: 'warning', start: { line: 1, offset: 1 }, end: { line: 1, offset: 46 } });
      expect(notice!.text).toMatch(
        /^eslint-plugin-openrouter\/ts-plugin: OpenRouter checks are off for this project: @typescript-eslint\/parser \(\^8\.0\.0\) is not installed\. Install with: npm i -D /,
      );
      expect(await editor.diagnostics('chat.ts')).toEqual([]);
      expect(await editor.diagnostics('client.ts')).toEqual([notice]);
      const log = editor.log();
      expect(log.match(/OpenRouter checks are off for this project: @typescript-eslint\/parser \(\^8\.0\.0\) is not installed/g)).toHaveLength(1);
      expect(log).toContain('npm i -D');
    } finally {
      await editor.server.close();
    }
  }, 120_000);
});
