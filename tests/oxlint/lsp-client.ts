/**
 * A minimal LSP client over stdio (JSON-RPC with Content-Length framing) that drives `oxlint --lsp`
 * the way an editor does: it answers the server's requests (`workspace/configuration`,
 * `client/registerCapability`), keeps the latest published diagnostics per document, and shuts the
 * server down with `shutdown` + `exit`, killing it only if it does not exit by itself.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[] };
}

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything the server wrote to stderr, for failure messages. */
  stderr = '';
  /** Latest `textDocument/publishDiagnostics` per document URI. */
  readonly published = new Map<string, { version?: number; diagnostics: Diagnostic[] }>();
  /** Methods of the server's requests to the client, in order. */
  readonly serverRequests: string[] = [];
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly waiters = new Set<() => void>();
  private readonly exited: Promise<number | null>;
  private readonly requestTimeout: number;
  /** What the client answers to `workspace/configuration`, for every item asked. */
  private readonly configuration: unknown;

  constructor(command: string, args: readonly string[], options: { cwd: string; requestTimeout: number; configuration?: unknown }) {
    this.requestTimeout = options.requestTimeout;
    this.configuration = options.configuration ?? null;
    this.child = spawn(command, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.exited.then(() => {
      for (const [, request] of this.pending) request.reject(new Error(`language server exited\n${this.stderr}`));
      this.pending.clear();
      this.notifyWaiters();
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${this.requestTimeout} ms\n${this.stderr}`));
      }, this.requestTimeout);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves when `predicate` holds, checked after every message from the server. */
  waitFor<T>(what: string, predicate: () => T | undefined, timeout: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const value = predicate();
        if (value !== undefined) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve(value);
        } else if (this.child.exitCode !== null) {
          clearTimeout(timer);
          this.waiters.delete(check);
          reject(new Error(`language server exited while waiting for ${what}\n${this.stderr}`));
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no ${what} in ${timeout} ms\n${this.stderr}`));
      }, timeout);
      this.waiters.add(check);
      check();
    });
  }

  /** `shutdown`, then `exit`; kills the process if it has not exited after `grace` ms. */
  async close(grace = 10_000): Promise<number | null> {
    if (this.child.exitCode === null) {
      try {
        await this.request('shutdown', null);
        this.notify('exit', null);
      } catch {
        // A server that cannot answer is killed below.
      }
    }
    const killer = setTimeout(() => this.child.kill('SIGKILL'), grace);
    const code = await this.exited;
    clearTimeout(killer);
    return code;
  }

  private send(message: Message): void {
    if (!this.child.stdin.writable) return;
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = /content-length:\s*(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!length) throw new Error(`LSP message without Content-Length: ${this.buffer.subarray(0, headerEnd).toString('utf8')}`);
      const start = headerEnd + 4;
      const end = start + Number(length[1]);
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(start, end).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined && typeof message.id === 'number') {
      const request = this.pending.get(message.id);
      if (!request) return;
      this.pending.delete(message.id);
      clearTimeout(request.timer);
      if (message.error) request.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else request.resolve(message.result);
    } else if (message.method !== undefined && message.id !== undefined) {
      this.serverRequests.push(message.method);
      this.send({ jsonrpc: '2.0', id: message.id, result: this.answer(message.method, message.params) });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const params = message.params as { uri: string; version?: number; diagnostics: Diagnostic[] };
      this.published.set(params.uri, { version: params.version, diagnostics: params.diagnostics });
    }
    this.notifyWaiters();
  }

  /** What an editor answers to the server's requests. */
  private answer(method: string, params: unknown): unknown {
    if (method === 'workspace/configuration') {
      return (params as { items: unknown[] }).items.map(() => this.configuration);
    }
    // client/registerCapability, window/workDoneProgress/create, ...: acknowledged.
    return null;
  }

  private notifyWaiters(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** Applies LSP text edits (UTF-16 positions, as LSP counts by default) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\n/g)) starts.push(match.index + match[0].length);
  const offset = (position: Position): number => (starts[position.line] ?? text.length) + position.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}
