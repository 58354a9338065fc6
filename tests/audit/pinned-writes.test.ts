/**
 * `audit --fix` writes only inside the audited root, whatever the repository does to its folders while
 * the run goes on: a folder swapped for a symlink to the outside between the check and the write leads
 * nowhere, and no temporary file is left anywhere. Both ways of writing are tried: through the pinned
 * folder (Linux) and in place through the file's own descriptor (elsewhere).
 */
import { spawn } from 'node:child_process';
import { linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixedFile } from '../../src/hosts/audit/apply-fixes.js';
import type { AuditReport } from '../../src/hosts/audit/report.js';
import { BIN, BUILD_TIMEOUT_MS, ensureBuilt, identity, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: org, remove } = temporaryDirectory('pinned');
afterAll(remove);

/** Every entry below `directory`: its kind and its content (a link's target), sorted; what "untouched" compares. */
function snapshot(directory: string): string[] {
  const lines: string[] = [];
  for (const name of readdirSync(directory).sort()) {
    const entry = path.join(directory, name);
    const stat = lstatSync(entry);
    if (stat.isSymbolicLink()) lines.push(`${entry} -> ${readlinkSync(entry)}`);
    else if (stat.isDirectory()) lines.push(`${entry}/`, ...snapshot(entry));
    else lines.push(`${entry} (${stat.mode.toString(8)}): ${readFileSync(entry, 'utf8')}`);
  }
  return lines;
}

const temporaryFiles = (directory: string) => snapshot(directory).filter((line) => line.includes('openrouter-fix'));

/** Child process: swaps each folder for a symlink to `outside` and back, as fast as it can, until `stop` exists. */
const SWAPPER = `
const { existsSync, renameSync, symlinkSync, unlinkSync, writeFileSync } = require('node:fs');
const [outside, stop, count, ...folders] = process.argv.slice(1);
let swaps = 0;
while (!existsSync(stop)) {
  for (const folder of folders) {
    renameSync(folder, folder + '.away');
    symlinkSync(outside, folder);
    swaps++;
    unlinkSync(folder);
    renameSync(folder + '.away', folder);
  }
}
writeFileSync(count, String(swaps));
`;

function exitOf(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (status) => resolve(status)));
}

describe('audit --fix while the repository swaps folders for symlinks', () => {
  it('touches nothing outside the audited root and leaves no temporary file', async () => {
    const files: Record<string, string | object> = { 'repo/package.json': identity('https://pinned-brand.dev', 'Pinned Brand') };
    const folders = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const folder of folders) {
      for (let index = 0; index < 12; index++) {
        files[`repo/src/${folder}/client-${index}.ts`] = UNATTRIBUTED_CLIENT;
        files[`repo/src/${folder}/deep/client-${index}.ts`] = UNATTRIBUTED_CLIENT;
        // The same names outside: whatever a swapped path leads to, there is a fixable file there.
        files[`outside/client-${index}.ts`] = UNATTRIBUTED_CLIENT;
        files[`outside/deep/client-${index}.ts`] = UNATTRIBUTED_CLIENT;
      }
    }
    writeTree(org, files);
    mkdirSync(path.join(org, 'repo', '.git'));
    const outside = path.join(org, 'outside');
    const before = snapshot(outside);
    const stop = path.join(org, 'stop');
    const count = path.join(org, 'swaps');
    const swapper = spawn(process.execPath, ['-e', SWAPPER, outside, stop, count, ...folders.map((folder) => path.join(org, 'repo/src', folder))], { stdio: 'ignore' });
    const swapperExit = exitOf(swapper);

    const audit = spawn(process.execPath, [BIN, 'audit', '--fix', '--format', 'json', 'repo'], { cwd: org, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    audit.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const status = await exitOf(audit);
    writeFileSync(stop, '');
    if ((await Promise.race([swapperExit, new Promise((resolve) => setTimeout(resolve, 10_000, 'timeout'))])) === 'timeout') swapper.kill();

    expect([0, 1]).toContain(status);
    const report = JSON.parse(stdout) as AuditReport;
    expect(report.repositories[0]!.filesFixed).toBeGreaterThan(0);
    // The swaps happened while the audit ran.
    expect(Number(readFileSync(count, 'utf8'))).toBeGreaterThan(0);
    expect(snapshot(outside)).toEqual(before);
    expect(readdirSync(org).sort()).toEqual(['outside', 'repo', 'stop', 'swaps']);
    expect(temporaryFiles(org)).toEqual([]);
    // Inside, each file is as it was or fixed.
    for (const folder of folders) {
      for (const file of readdirSync(path.join(org, 'repo/src', folder)).filter((name) => name.endsWith('.ts'))) {
        const text = readFileSync(path.join(org, 'repo/src', folder, file), 'utf8');
        expect(text === UNATTRIBUTED_CLIENT || text.includes("'HTTP-Referer': 'https://pinned-brand.dev'")).toBe(true);
      }
    }
  }, 240_000);
});

const FIXED = `${UNATTRIBUTED_CLIENT}// fixed\n`;

for (const [strategy, descriptors] of [['through the pinned folder', '/proc/self/fd'], ['in place through the file', null]] as const) {
  describe.skipIf(descriptors !== null && process.platform !== 'linux')(`writeFixedFile, ${strategy}`, () => {
    function tree(name: string): { root: string; outside: string; file: string } {
      const root = path.join(org, name, 'repo');
      const outside = path.join(org, name, 'outside');
      writeTree(org, { [`${name}/repo/src/lib/client.ts`]: UNATTRIBUTED_CLIENT, [`${name}/outside/lib/client.ts`]: UNATTRIBUTED_CLIENT, [`${name}/outside/client.ts`]: UNATTRIBUTED_CLIENT });
      return { root, outside, file: path.join(root, 'src/lib/client.ts') };
    }
    const write = (root: string, file: string, linted = UNATTRIBUTED_CLIENT) => writeFixedFile(root, file, linted, FIXED, 1024 * 1024, descriptors);

    it('writes a file inside the root, keeping its mode, and leaves no temporary file', () => {
      const { root, file } = tree(`writes-${String(descriptors !== null)}`);
      const mode = lstatSync(file).mode;
      expect(write(root, file)).toBe('written');
      expect(readFileSync(file, 'utf8')).toBe(FIXED);
      expect(lstatSync(file).mode).toBe(mode);
      expect(temporaryFiles(root)).toEqual([]);
    });

    it('writes nothing through a folder on the way swapped for a symlink to the outside', () => {
      const { root, outside, file } = tree(`folder-${String(descriptors !== null)}`);
      const before = snapshot(outside);
      renameSync(path.join(root, 'src'), path.join(root, 'src.away'));
      symlinkSync(outside, path.join(root, 'src'));
      expect(write(root, file)).not.toBe('written');
      rmSync(path.join(root, 'src'));
      renameSync(path.join(root, 'src.away'), path.join(root, 'src'));
      rmSync(path.join(root, 'src/lib'), { recursive: true });
      symlinkSync(path.join(outside, 'lib'), path.join(root, 'src/lib'));
      expect(write(root, file)).not.toBe('written');
      expect(snapshot(outside)).toEqual(before);
      expect(temporaryFiles(path.join(org, `folder-${String(descriptors !== null)}`))).toEqual([]);
    });

    it('writes nothing through a file swapped for a symlink, nor over a file changed since it was linted', () => {
      const { root, outside, file } = tree(`file-${String(descriptors !== null)}`);
      const before = snapshot(outside);
      rmSync(file);
      symlinkSync(path.join(outside, 'client.ts'), file);
      expect(write(root, file)).toBe('not-a-regular-file');
      expect(lstatSync(file).isSymbolicLink()).toBe(true);
      expect(snapshot(outside)).toEqual(before);
      rmSync(file);
      writeFileSync(file, `${UNATTRIBUTED_CLIENT}// edited\n`);
      expect(write(root, file)).toBe('changed-on-disk');
      expect(readFileSync(file, 'utf8')).toBe(`${UNATTRIBUTED_CLIENT}// edited\n`);
      expect(temporaryFiles(root)).toEqual([]);
    });

    it('writes nothing for a path outside the root, nor for a root that does not exist', () => {
      const { root, outside } = tree(`outside-${String(descriptors !== null)}`);
      expect(write(root, path.join(outside, 'client.ts'))).toBe('outside-root');
      expect(write(root, path.join(root, '../outside/client.ts'))).toBe('outside-root');
      expect(write(path.join(root, 'missing'), path.join(root, 'missing/src/lib/client.ts'))).toBe('outside-root');
      expect(readFileSync(path.join(outside, 'client.ts'), 'utf8')).toBe(UNATTRIBUTED_CLIENT);
    });

    it.runIf(descriptors === null)('in place, writes nothing to a file with a second name (a hard link) that may lie outside', () => {
      const { root, outside, file } = tree('hard-link');
      rmSync(file);
      linkSync(path.join(outside, 'client.ts'), file);
      expect(write(root, file)).toBe('outside-root');
      expect(readFileSync(path.join(outside, 'client.ts'), 'utf8')).toBe(UNATTRIBUTED_CLIENT);
    });
  });
}
