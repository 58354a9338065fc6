/** Packages written to temp folders for tests that read a project's other files, linted by path as a user's are. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../src/index.js';
import { temporaryFolder } from './temporary-folders.js';

/** A repository whose package.json is `manifest`, with the given files under src/; returns src/'s path. */
export function tempPackage(files: Record<string, string>, manifest: object): string {
  const root = temporaryFolder('openrouter-package-');
  mkdirSync(path.join(root, '.git'));
  writeFileSync(path.join(root, 'package.json'), JSON.stringify(manifest));
  const src = path.join(root, 'src');
  mkdirSync(src);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(src, name)), { recursive: true });
    writeFileSync(path.join(src, name), text);
  }
  return src;
}

const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended];

/** The recommended config's messages for `code` as the file at `file`, and what `--fix` makes of it. */
export function lintAt(file: string, code: string): { messages: Linter.LintMessage[]; fixed: Linter.FixReport } {
  const linter = new Linter({ cwd: path.dirname(file) });
  return { messages: linter.verify(code, config, file), fixed: linter.verifyAndFix(code, config, file) };
}
