/**
 * A project that uses the plugin from Oxlint as a user's would: the packed package unpacked into
 * its node_modules (what `npm i -D eslint-plugin-openrouter` leaves there), an `.oxlintrc.json`
 * that loads it by name through `jsPlugins`, and the real `oxlint` binary of this repository.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, REPO } from '../built-package.js';

export { REPO };
export const FIXTURES = path.join(REPO, 'tests/fixtures');
/** The CLI script of the installed oxlint (a Node script that loads the native binding). */
export const OXLINT_CLI = path.join(REPO, 'node_modules/oxlint/bin/oxlint');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * `configs.recommended` as `.oxlintrc.json` rules. Its order matters for comparisons: Oxlint runs a
 * plugin's rules in the plugin's order, ESLint in the config's, and this config lists them in the
 * plugin's order.
 */
export function recommendedRules(plugin: Consumer['plugin']): Record<string, 'error' | 'warn'> {
  return { ...(plugin.configs.recommended.rules as Record<string, 'error' | 'warn'>) };
}

export function writeFile(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export function writeJson(file: string, value: unknown): void {
  writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

export interface Consumer {
  /** The temporary directory holding the project (`root`) and the tarball. */
  readonly temp: string;
  readonly root: string;
  /** The installed package, `<root>/node_modules/eslint-plugin-openrouter`. */
  readonly installed: string;
  /** The plugin object as the installed package exports it, for running ESLint on the same code. */
  readonly plugin: typeof import('../../src/index.js');
  remove(): void;
}

/** Packs the built plugin (without `prepack`: it is built above, once) and installs the tarball into a new project directory. */
export function createConsumer(name: string): Consumer {
  ensureBuilt();
  const temp = mkdtempSync(path.join(os.tmpdir(), `eslint-plugin-openrouter-${name}-`));
  const packJson = execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', temp], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tarball = path.join(temp, (JSON.parse(packJson) as { filename: string }[])[0]!.filename);
  const root = path.join(temp, 'project');
  const installed = path.join(root, 'node_modules/eslint-plugin-openrouter');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  const plugin = createRequire(path.join(root, 'index.js'))('eslint-plugin-openrouter') as Consumer['plugin'];
  return { temp, root, installed, plugin, remove: () => rmSync(temp, { recursive: true, force: true }) };
}

/**
 * Links the package's runtime `dependencies` from this repository's node_modules into the project's,
 * where `npm i` would install them (createConsumer unpacks the package alone).
 */
export function linkDependencies(consumer: Consumer): void {
  const { dependencies = {} } = JSON.parse(readFileSync(path.join(consumer.installed, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const name of Object.keys(dependencies)) {
    const link = path.join(consumer.root, 'node_modules', name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules', name), link, 'dir');
  }
}

/** Copies a fixture project's files (not its node_modules) into `target`. */
export function copyFixture(fixture: string, target: string): void {
  cpSync(path.join(FIXTURES, fixture), target, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
}

/** One diagnostic of `oxlint --format json`. */
export interface OxlintDiagnostic {
  message: string;
  /** `openrouter(require-referer)` */
  code: string;
  severity: 'error' | 'warning';
  filename: string;
  /** `offset` and `length` count UTF-8 bytes; `line` and `column` are 1-based. */
  labels: { span: { offset: number; length: number; line: number; column: number } }[];
}

export interface OxlintRun {
  status: number | null;
  stderr: string;
  diagnostics: OxlintDiagnostic[];
}

/** Runs the oxlint CLI in `cwd` with JSON output; its own rules are turned off so only the plugin's report. */
export async function runOxlint(cwd: string, args: readonly string[] = []): Promise<OxlintRun> {
  const child = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(
      process.execPath,
      [OXLINT_CLI, '--format', 'json', '--allow', 'all', ...args],
      { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
  try {
    const parsed = JSON.parse(child.stdout) as { diagnostics: OxlintDiagnostic[] };
    return { status: child.status, stderr: child.stderr, diagnostics: parsed.diagnostics };
  } catch {
    throw new Error(`oxlint printed no JSON (exit ${child.status}):\n${child.stdout}\n${child.stderr}`);
  }
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
