/**
 * A language server client as an editor is one: JSON-RPC framed with Content-Length over the
 * server's stdio, answers matched to requests by id, the server's own requests answered
 * (`workspace/configuration` from the settings given, `workspace/applyEdit` applied to the open
 * documents), and `textDocument/publishDiagnostics` kept per document.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface LspDiagnostic {
  range: Range;
  message: string;
  code?: number | string;
  source?: string;
  severity?: number;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
}

export interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: LspDiagnostic[];
  edit?: WorkspaceEdit;
  command?: { command: string; arguments?: unknown[] };
  data?: unknown;
}

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

/** An offset in `text` from an LSP position (UTF-16 units, as JavaScript strings count them). */
export function offsetAt(text: string, { line, character }: Position): number {
  let offset = 0;
  for (let current = 0; current < line; current++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

/** Applies text edits (from the last, so earlier positions stay valid). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return edits
    .map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

export class LanguageServerClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  private readonly waiters = new Set<() => void>();
  private exited: string | null = null;
  /** The last diagnostics published for each document URI. */
  readonly diagnostics = new Map<string, LspDiagnostic[]>();
  /** Every publish, in order, for waiting on the next one. */
  private publishes = 0;
  /** Open documents: text and version. */
  readonly documents = new Map<string, { text: string; version: number }>();
  stderr = '';

  constructor(
    command: readonly string[],
    cwd: string,
    /** What `workspace/configuration` answers: the value of each section asked for ('' for all). */
    private readonly settings: Record<string, unknown> = {},
  ) {
    this.child = spawn(process.execPath, command, { cwd, stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.on('exit', (code, signal) => {
      this.exited = `language server exited (${code ?? signal})\n${this.stderr}`;
      for (const { reject } of this.pending.values()) reject(new Error(this.exited));
      this.pending.clear();
      this.notifyWaiters();
    });
  }

  private send(message: Omit<Message, 'jsonrpc'>): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const header = this.buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, header).toString())?.[1]);
      const start = header + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString()) as Message;
      this.buffer = this.buffer.subarray(start + length);
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    if (message.method === undefined) {
      const waiting = this.pending.get(message.id as number);
      if (!waiting) return;
      this.pending.delete(message.id as number);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      this.send({ id: message.id, result: this.answer(message.method, message.params) });
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: LspDiagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      this.publishes++;
      this.notifyWaiters();
    }
  }

  /** The editor's side of a request the server makes. */
  private answer(method: string, params: unknown): unknown {
    switch (method) {
      case 'workspace/configuration':
        return (params as { items: { section?: string }[] }).items.map(({ section }) =>
          section ? section.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], this.settings) ?? null : this.settings,
        );
      case 'workspace/applyEdit':
        this.applyEdit((params as { edit: WorkspaceEdit }).edit);
        return { applied: true };
      default:
        // client/registerCapability, window/workDoneProgress/create, window/showMessageRequest
        return null;
    }
  }

  private notifyWaiters(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  request<Result>(method: string, params: unknown): Promise<Result> {
    if (this.exited) return Promise.reject(new Error(this.exited));
    const id = ++this.nextId;
    const promise = new Promise<Result>((resolve, reject) => this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject }));
    this.send({ id, method, params });
    return promise;
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** Resolves once `ready` holds after a publish (or now), failing after `timeout` ms with what was published. */
  waitFor<T>(ready: () => T | undefined, what: string, timeout = 60_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const value = this.exited ? undefined : ready();
        if (value === undefined && !this.exited) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        if (value === undefined) reject(new Error(`${what}: ${this.exited}`));
        else resolve(value);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; published: ${JSON.stringify(Object.fromEntries(this.diagnostics))}\n${this.stderr}`));
      }, timeout);
      this.waiters.add(check);
      check();
    });
  }

  /** The diagnostics of `file` published after this call that satisfy `accept`. */
  async nextDiagnostics(file: string, accept: (diagnostics: LspDiagnostic[]) => boolean, what: string): Promise<LspDiagnostic[]> {
    const uri = fileUri(file);
    const after = this.publishes;
    return this.waitFor(() => {
      const diagnostics = this.diagnostics.get(uri);
      return this.publishes > after && diagnostics && accept(diagnostics) ? diagnostics : undefined;
    }, what);
  }

  async initialize(root: string, initializationOptions: unknown): Promise<unknown> {
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: fileUri(root),
      rootPath: root,
      workspaceFolders: [{ uri: fileUri(root), name: 'consumer' }],
      initializationOptions,
      capabilities: {
        workspace: { applyEdit: true, configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: false, codeDescriptionSupport: true, dataSupport: true },
          codeAction: {
            dynamicRegistration: false,
            isPreferredSupport: true,
            dataSupport: true,
            resolveSupport: { properties: ['edit'] },
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'] } },
          },
        },
        window: { workDoneProgress: true, showMessage: {} },
      },
    });
    this.notify('initialized', {});
    return result;
  }

  open(file: string, languageId = 'typescript'): void {
    const text = readFileSync(file, 'utf8');
    this.documents.set(fileUri(file), { text, version: 1 });
    this.notify('textDocument/didOpen', { textDocument: { uri: fileUri(file), languageId, version: 1, text } });
  }

  text(file: string): string {
    return this.documents.get(fileUri(file))!.text;
  }

  /** Applies a workspace edit to the open documents and tells the server, as an editor does. */
  applyEdit(edit: WorkspaceEdit): void {
    const byUri = new Map<string, TextEdit[]>(Object.entries(edit.changes ?? {}));
    for (const change of edit.documentChanges ?? []) byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...change.edits]);
    for (const [uri, edits] of byUri) {
      const document = this.documents.get(uri);
      if (!document) throw new Error(`edit of a document that is not open: ${uri}`);
      document.text = applyTextEdits(document.text, edits);
      document.version++;
      this.notify('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: [{ text: document.text }] });
    }
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const timer = setTimeout(() => this.child.kill(), 10_000);
    try {
      await Promise.race([this.request('shutdown', null), done]);
      this.notify('exit', null);
    } catch {
      this.child.kill();
    }
    await done;
    clearTimeout(timer);
  }
}
