/**
 * Where candidates are linted: in-process for small runs, else by a pool of worker threads (one
 * per core unless `--jobs` says otherwise). Each worker holds at most a few candidates at a time,
 * and the walk waits for room, so memory stays flat however many files there are.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { setLookupCeilings } from '../../analysis/index.js';
import { lintCandidate, type Candidate, type ScannedFile } from './audit-file.js';
import { FileLinter } from './lint-file.js';
import type { WorkerReply, WorkerSetup } from './lint-worker.js';

export interface CandidateLinter {
  lint(candidate: Candidate): Promise<ScannedFile>;
  /** How many candidates may be in flight before the walk waits. */
  readonly capacity: number;
  close(): Promise<void>;
}

export class InProcessLinter implements CandidateLinter {
  readonly capacity = 1;
  private readonly linter: FileLinter;
  constructor(private readonly setup: WorkerSetup) {
    setLookupCeilings(setup.ceilings);
    this.linter = new FileLinter(setup.config);
  }
  lint(candidate: Candidate): Promise<ScannedFile> {
    return lintCandidate(this.linter, candidate, this.setup.options);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Candidates sent to one worker ahead of its reply: enough to keep it busy while the walk reads. */
const PER_WORKER = 4;

interface PoolWorker {
  readonly worker: Worker;
  readonly pending: Map<number, { resolve: (scanned: ScannedFile) => void; reject: (error: Error) => void }>;
}

export class WorkerPool implements CandidateLinter {
  readonly capacity: number;
  private readonly workers: PoolWorker[];
  private nextId = 0;
  private failure: Error | null = null;

  constructor(setup: WorkerSetup, size: number) {
    this.capacity = size * PER_WORKER;
    this.workers = Array.from({ length: size }, () => this.start(setup));
  }

  private start(setup: WorkerSetup): PoolWorker {
    const worker = new Worker(path.join(__dirname, 'lint-worker.js'), { workerData: setup });
    const entry: PoolWorker = { worker, pending: new Map() };
    worker.on('message', (reply: WorkerReply) => {
      const waiting = entry.pending.get(reply.id);
      if (!waiting) return;
      entry.pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.scanned);
    });
    const fail = (error: Error): void => {
      this.failure ??= error;
      for (const waiting of entry.pending.values()) waiting.reject(error);
      entry.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (entry.pending.size > 0) fail(new Error(`a lint worker stopped (exit code ${code})`));
    });
    return entry;
  }

  lint(candidate: Candidate): Promise<ScannedFile> {
    if (this.failure) return Promise.reject(this.failure);
    // The least busy worker: files differ widely in cost.
    let target = this.workers[0]!;
    for (const entry of this.workers) if (entry.pending.size < target.pending.size) target = entry;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage({ id, candidate });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
