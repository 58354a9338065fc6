/**
 * A tsserver driven as an editor drives it: requests as JSON lines on stdin, answers and events
 * framed with Content-Length on stdout, matched to requests by `request_seq`.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Location {
  line: number;
  offset: number;
}

export interface ProtocolDiagnostic {
  start: Location;
  end: Location;
  text: string;
  code: number;
  category: string;
  source?: string;
}

export interface CodeEdit {
  start: Location;
  end: Location;
  newText: string;
}

export interface FileCodeEdits {
  fileName: string;
  textChanges: CodeEdit[];
}

export interface CodeFixAction {
  fixName: string;
  description: string;
  changes: FileCodeEdits[];
  fixId?: string;
  fixAllDescription?: string;
}

export interface ProtocolEvent {
  type: 'event';
  event: string;
  body?: unknown;
}

interface Response {
  type: 'response';
  request_seq: number;
  success: boolean;
  message?: string;
  body?: unknown;
}

export class TsServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (body: unknown) => void; reject: (error: Error) => void }>();
  private exited: string | null = null;
  private readonly eventWaiters = new Set<(event: ProtocolEvent) => void>();
  stderr = '';

  constructor(tsserver: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env) {
    this.child = spawn(process.execPath, [tsserver, ...args], { env, stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.on('exit', (code, signal) => {
      this.exited = `tsserver exited (${code ?? signal})\n${this.stderr}`;
      for (const { reject } of this.pending.values()) reject(new Error(this.exited));
      this.pending.clear();
    });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const header = this.buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(this.buffer.subarray(0, header).toString())?.[1]);
      const start = header + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString()) as Response | ProtocolEvent;
      this.buffer = this.buffer.subarray(start + length);
      if (message.type === 'event') for (const waiter of [...this.eventWaiters]) waiter(message);
      if (message.type !== 'response') continue;
      const waiting = this.pending.get(message.request_seq!);
      if (!waiting) continue;
      this.pending.delete(message.request_seq!);
      if (message.success) waiting.resolve(message.body);
      else waiting.reject(new Error(`${message.message}`));
    }
  }

  /** Sends a request; resolves with the response body. */
  request<Body>(command: string, args: unknown): Promise<Body> {
    if (this.exited) return Promise.reject(new Error(this.exited));
    const seq = ++this.seq;
    const promise = new Promise<Body>((resolve, reject) => this.pending.set(seq, { resolve: resolve as (body: unknown) => void, reject }));
    this.child.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
    return promise;
  }

  /** Sends a request without waiting for its response, as an editor does for `configure` or `geterr`. */
  send(command: string, args: unknown): number {
    const seq = ++this.seq;
    this.child.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
    return seq;
  }

  /** The first event from now on that `accept` takes, failing after `timeout` ms. */
  nextEvent(accept: (event: ProtocolEvent) => boolean, what: string, timeout = 60_000): Promise<ProtocolEvent> {
    return new Promise((resolve, reject) => {
      const waiter = (event: ProtocolEvent): void => {
        if (!accept(event)) return;
        this.eventWaiters.delete(waiter);
        clearTimeout(timer);
        resolve(event);
      };
      const timer = setTimeout(() => {
        this.eventWaiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}\n${this.stderr}`));
      }, timeout);
      this.eventWaiters.add(waiter);
    });
  }

  /** Sends a request that has no response (`open`, `change`), then waits for tsserver to have handled it. */
  async notify(command: string, args: unknown): Promise<void> {
    this.child.stdin.write(`${JSON.stringify({ seq: ++this.seq, type: 'request', command, arguments: args })}\n`);
    await this.request('status', {});
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.write(`${JSON.stringify({ seq: ++this.seq, type: 'request', command: 'exit' })}\n`);
    const timer = setTimeout(() => this.child.kill(), 10_000);
    await done;
    clearTimeout(timer);
  }
}

/** An offset in `text` from a 1-based protocol location. */
export function offsetOf(text: string, { line, offset }: Location): number {
  let position = 0;
  for (let current = 1; current < line; current++) position = text.indexOf('\n', position) + 1;
  return position + offset - 1;
}

/** Applies an editor's edits to a text (from the last, so that earlier locations stay valid). */
export function applyEdits(text: string, edits: readonly CodeEdit[]): string {
  return edits
    .map((edit) => ({ start: offsetOf(text, edit.start), end: offsetOf(text, edit.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

/** The location just past the end of `text`, for a change that replaces all of it. */
export function endOf(text: string): Location {
  const lines = text.split('\n');
  return { line: lines.length, offset: lines[lines.length - 1]!.length + 1 };
}
