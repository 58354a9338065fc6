/**
 * The packed package, and a consumer project set up as the README's tsserver section says: the
 * package installed into node_modules next to eslint and @typescript-eslint/parser (links to this
 * repository's), and, for an editor server that runs the project's TypeScript, a copy of it at
 * node_modules/typescript (a copy: tsserver finds tsconfig plugins beside the real path it runs from).
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { ensureBuilt, REPO } from '../built-package.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Packs the built package into `directory` as `npm publish` would ship it; returns the tarball. */
export async function packPlugin(directory: string): Promise<string> {
  ensureBuilt();
  // dist/ is fresh: pack it as it is (no prepack build).
  const { stdout } = await promisify(execFile)(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', directory], { cwd: REPO });
  const packed = (JSON.parse(stdout.slice(Math.max(stdout.search(/^\[\s*\{/m), 0))) as { filename: string; files: { path: string }[] }[])[0]!;
  expect(packed.files.map((file) => file.path)).toEqual(expect.arrayContaining(['ts-plugin/package.json', 'ts-plugin/index.js', 'dist/hosts/tsserver/index.js']));
  return path.join(directory, packed.filename);
}

export function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Installs the packed plugin and links eslint (and, unless told not to, the parser) into `root`. */
export function installPlugin(root: string, tarball: string, withParser = true): void {
  const installed = path.join(root, 'node_modules/eslint-plugin-openrouter');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  symlinkSync(path.join(REPO, 'node_modules/eslint'), path.join(root, 'node_modules/eslint'), 'dir');
  if (withParser) {
    mkdirSync(path.join(root, 'node_modules/@typescript-eslint'));
    symlinkSync(path.join(REPO, 'node_modules/@typescript-eslint/parser'), path.join(root, 'node_modules/@typescript-eslint/parser'), 'dir');
  }
}

/** Copies this repository's `typescript` (or an alias of it, `typescript-5.9`) to the project's node_modules/typescript. */
export function installTypeScript(root: string, typescript: string): void {
  cpSync(path.join(REPO, 'node_modules', typescript), path.join(root, 'node_modules/typescript'), { recursive: true });
}

/** The tsconfig.json of a consumer project as the README writes it: the plugin loaded, `src/` included. */
export function writeTsconfig(root: string, lib?: readonly string[]): void {
  write(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        ...(lib ? { lib } : {}),
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        plugins: [{ name: 'eslint-plugin-openrouter/ts-plugin' }],
      },
      include: ['src'],
    }),
  );
}
