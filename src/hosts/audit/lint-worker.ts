/** A worker thread of the audit: lints the candidates the walking thread sends, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { setLookupCeilings } from '../../analysis/index.js';
import { lintCandidate, type Candidate, type LintOptions } from './audit-file.js';
import { FileLinter, type AuditConfigName } from './lint-file.js';

export interface WorkerSetup {
  readonly config: AuditConfigName;
  readonly ceilings: readonly string[];
  readonly options: LintOptions;
}

export interface WorkerRequest {
  readonly id: number;
  readonly candidate: Candidate;
}

export type WorkerReply =
  | { readonly id: number; readonly scanned: Awaited<ReturnType<typeof lintCandidate>> }
  | { readonly id: number; readonly error: string };

const setup = workerData as WorkerSetup;
setLookupCeilings(setup.ceilings);
const linter = new FileLinter(setup.config);

parentPort!.on('message', async ({ id, candidate }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id, scanned: await lintCandidate(linter, candidate, setup.options) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
