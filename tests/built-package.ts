/** For tests that load the package by name (through dist/) rather than from src. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '..');

function newestMtime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or older than src/ (`npm test` builds first anyway). */
export function ensureBuilt(): void {
  const entry = path.join(REPO, 'dist/index.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(path.join(REPO, 'src'))) return;
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: REPO, stdio: 'pipe' });
}
