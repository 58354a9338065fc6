/** Fixture organisations in temporary folders, and the built audit CLI run on them as a child process. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditReport } from '../../src/hosts/audit/report.js';
import { ensureBuilt, REPO } from '../built-package.js';

export const BIN = path.join(REPO, 'bin', 'eslint-plugin-openrouter.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** For `beforeAll`: builds dist/ when src/ is newer, which may take a while on a busy machine. */
export const BUILD_TIMEOUT_MS = 300_000;
export { ensureBuilt };

export function runCli(args: readonly string[], cwd: string): CliRun {
  const { status, stdout, stderr } = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status, stdout, stderr };
}

export function auditJson(args: readonly string[], cwd: string): { status: number | null; report: AuditReport; stderr: string } {
  const run = runCli(['audit', '--format', 'json', ...args], cwd);
  if (run.stdout === '') throw new Error(`no report (exit ${run.status}): ${run.stderr}`);
  return { status: run.status, report: JSON.parse(run.stdout) as AuditReport, stderr: run.stderr };
}

/** A fresh temporary folder, removed by the returned function. */
export function temporaryDirectory(prefix: string): { directory: string; remove: () => void } {
  const directory = mkdtempSync(path.join(os.tmpdir(), `openrouter-audit-${prefix}-`));
  return { directory, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

/** Writes `files` (relative path → text, or JSON for `.json` objects) below `root`. */
export function writeTree(root: string, files: Record<string, string | object>): void {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
}

/** A package.json with an identity. */
export function identity(referer: string, title: string, extra: object = {}): object {
  return { name: path.basename(new URL(referer).hostname), private: true, openrouter: { referer, title }, ...extra };
}

/** An OpenAI client on OpenRouter without attribution: `require-referer`, fixable with an identity. */
export const UNATTRIBUTED_CLIENT = [
  "import OpenAI from 'openai';",
  "export const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: process.env.OPENROUTER_API_KEY });",
  '',
].join('\n');

/** The same client, attributed. */
export function attributedClient(referer: string, title: string): string {
  return [
    "import OpenAI from 'openai';",
    'export const client = new OpenAI({',
    "  baseURL: 'https://openrouter.ai/api/v1',",
    '  apiKey: process.env.OPENROUTER_API_KEY,',
    `  defaultHeaders: { 'HTTP-Referer': '${referer}', 'X-OpenRouter-Title': '${title}' },`,
    '});',
    '',
  ].join('\n');
}

/** Findings of a report as `repository-basename: file:line ruleId`, sorted. */
export function findingLines(report: AuditReport): string[] {
  return report.repositories.flatMap((repository) =>
    repository.findings.map((finding) => `${path.basename(repository.path)}: ${finding.file}:${finding.line} ${finding.ruleId}`),
  );
}
