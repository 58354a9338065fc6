/**
 * Runs the real ESLint class over a fixture project the way a user's flat config would: the
 * typescript-eslint parser for TS files, espree for the rest, `configs.recommended`, and optional
 * `settings.openrouter`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import * as espree from 'espree';
import { expect } from 'vitest';
import plugin from '../../src/index.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** The rules that autofix: after `fix: true` none of their findings may be left unless unfixable. */
export const FIXING_RULES = ['openrouter/require-referer', 'openrouter/require-title-for-localhost'];

export interface LintOptions {
  /** `settings.openrouter`; omitted means no settings at all. */
  settings?: unknown;
  fix?: boolean;
}

export function createESLint(cwd: string, options: LintOptions = {}): ESLint {
  const overrideConfig: Linter.Config[] = [
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
    plugin.configs.recommended,
  ];
  if (options.settings !== undefined) overrideConfig.push({ settings: { openrouter: options.settings } });
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig, fix: options.fix ?? false });
}

/** One finding in a comparable form. */
export interface Finding {
  ruleId: string | null;
  messageId: string | undefined;
  line: number;
}

export interface ProjectLint {
  results: ESLint.LintResult[];
  /** Findings by file path relative to the project, `/`-separated. */
  findings: Record<string, Finding[]>;
  /** The fixed text of each file that `fix: true` changed, by relative path. */
  outputs: Record<string, string>;
  /** Full messages by relative path, for message-text assertions. */
  messages: Record<string, Linter.LintMessage[]>;
}

export function relative(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

export async function lintProject(cwd: string, options: LintOptions = {}): Promise<ProjectLint> {
  const eslint = createESLint(cwd, options);
  const results = await eslint.lintFiles(['.']);
  const lint: ProjectLint = { results, findings: {}, outputs: {}, messages: {} };
  for (const result of results) {
    const name = relative(cwd, result.filePath);
    lint.messages[name] = result.messages;
    lint.findings[name] = result.messages.map((message) => ({ ruleId: message.ruleId, messageId: message.messageId, line: message.line }));
    if (result.output !== undefined) lint.outputs[name] = result.output;
  }
  return lint;
}

export function finding(rule: string, messageId: string, line: number): Finding {
  return { ruleId: `openrouter/${rule}`, messageId, line };
}

/** Parses fixed code with the parser ESLint would use for its extension; throws on a syntax error. */
export function parseAsLinted(code: string, filePath: string): void {
  const extension = path.extname(filePath);
  if (/^\.[mc]?tsx?$/.test(extension)) {
    tsParser.parse(code, { filePath, jsx: extension === '.tsx', sourceType: 'module', ecmaVersion: 'latest' });
    return;
  }
  espree.parse(code, { ecmaVersion: 'latest', sourceType: extension === '.cjs' ? 'commonjs' : 'module' });
}

/**
 * Checks what a fix produced: it parses, a second lint finds nothing more for the fixing rules
 * (apart from findings the first run could not fix either), and a second fix changes nothing.
 */
export async function expectStableFix(
  cwd: string,
  file: string,
  output: string,
  options: LintOptions & { unfixable?: Finding[] } = {},
): Promise<void> {
  const filePath = path.join(cwd, file);
  expect(() => parseAsLinted(output, filePath), `${file}: fixed code parses`).not.toThrow();

  const [relint] = await createESLint(cwd, { settings: options.settings }).lintText(output, { filePath });
  expect(relint!.messages.filter((message) => message.fatal), `${file}: no parse errors after the fix`).toEqual([]);
  const leftover = relint!.messages
    .filter((message) => message.ruleId !== null && FIXING_RULES.includes(message.ruleId))
    // Config problems stay until the config is fixed; they are not findings in the code.
    .filter((message) => message.messageId !== 'invalidConfig')
    .map((message) => ({ ruleId: message.ruleId, messageId: message.messageId, line: message.line }));
  expect(leftover, `${file}: fixing rules are satisfied after the fix`).toEqual(options.unfixable ?? []);

  const [refix] = await createESLint(cwd, { settings: options.settings, fix: true }).lintText(output, { filePath });
  expect(refix!.output, `${file}: a second fix changes nothing`).toBeUndefined();
}
