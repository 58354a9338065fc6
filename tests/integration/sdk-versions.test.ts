/**
 * Options of another version of @openrouter/sdk than the one installed for the file: `xTitle` (read
 * up to 0.9) on a current SDK, `appTitle` and `appCategories` (read from 0.10) on an old one.
 * Projects with the package.json of an installed SDK, linted by path as a user's files are.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { temporaryFolder } from '../temporary-folders.js';

const SDK = "import { OpenRouter } from '@openrouter/sdk';\n";
const RULE = 'openrouter/no-ignored-attribution';

/** A repository with `package.json` text installed as @openrouter/sdk: the path of a source file in it. */
function projectWithSdk(packageJson: string | null): string {
  const root = temporaryFolder('openrouter-sdk-version-');
  mkdirSync(path.join(root, '.git'));
  if (packageJson !== null) {
    const sdk = path.join(root, 'node_modules', '@openrouter', 'sdk');
    mkdirSync(sdk, { recursive: true });
    writeFileSync(path.join(sdk, 'package.json'), packageJson);
  }
  mkdirSync(path.join(root, 'src', 'lib'), { recursive: true });
  return path.join(root, 'src', 'lib', 'client.ts');
}

const installed = (version: string): string => projectWithSdk(JSON.stringify({ name: '@openrouter/sdk', version }));
const CURRENT = installed('1.3.19');
const OLD = installed('0.9.11');

const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { openrouter: plugin }, rules: { [RULE]: 'error' } }];

function lint(code: string, filename: string): Linter.LintMessage[] {
  return new Linter({ configType: 'flat', cwd: tmpdir() }).verify(code, config, { filename });
}

describe('options of another version of @openrouter/sdk', () => {
  it('renames xTitle to appTitle on a current SDK, and the fixed file is clean', () => {
    const code = `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', xTitle: 'Acme' });`;
    const [message, ...rest] = lint(code, CURRENT);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ ruleId: RULE, messageId: 'otherVersionOption', line: 2, column: 51 });
    expect(message!.message).toBe(
      '@openrouter/sdk 1.3.19, installed here, does not read the `xTitle` option (read up to 0.9), so the title in it is never sent: rename it `appTitle`.',
    );
    const fixed = new Linter({ configType: 'flat', cwd: tmpdir() }).verifyAndFix(code, config, { filename: CURRENT });
    expect(fixed.output).toBe(`${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: 'Acme' });`);
    expect(lint(fixed.output, CURRENT)).toEqual([]);
  });

  it('reports appTitle and appCategories on an SDK before 0.10, renaming the title only as a suggestion', () => {
    const code = `${SDK}const appCategories = 'cli-agent';\nnew OpenRouter({ httpReferer: 'https://acme.dev', appTitle: 'Acme', appCategories });`;
    const messages = lint(code, OLD);
    expect(messages.map((message) => [message.messageId, message.column])).toEqual([
      ['otherVersionOption', 51],
      ['otherVersionOption', 69],
    ]);
    expect(messages[0]!.message).toContain('rename it `xTitle`, or upgrade the SDK.');
    expect(messages[1]!.message).toContain('so the categories in it are never sent: upgrade the SDK to send it.');
    expect(messages.every((message) => message.fix === undefined)).toBe(true);
    expect(messages[0]!.suggestions?.map((suggestion) => suggestion.fix)).toEqual([{ range: [code.indexOf('appTitle'), code.indexOf('appTitle') + 8], text: 'xTitle' }]);
  });

  it('stays silent on the options the installed version reads, and when the field goes through both names', () => {
    expect(lint(`${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: 'Acme', appCategories: 'cli-agent' });`, CURRENT)).toEqual([]);
    expect(lint(`${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', xTitle: 'Acme' });`, OLD)).toEqual([]);
    expect(lint(`${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: 'Acme', xTitle: 'Acme' });`, CURRENT)).toEqual([]);
    expect(lint(`${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: 'Acme', xTitle: 'Acme' });`, OLD)).toEqual([]);
  });

  it('stays silent where the installed version cannot be read', () => {
    const code = `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', xTitle: 'Acme' });`;
    for (const filename of [
      projectWithSdk(null),
      projectWithSdk('{ "version": '),
      projectWithSdk(JSON.stringify({ version: 'latest' })),
      projectWithSdk(JSON.stringify({ version: `1.0.0-${'x'.repeat(500)}` })),
      // A relative name (code given as text) has no place to look from.
      'client.ts',
    ]) {
      expect(lint(code, filename), filename.slice(-40)).toEqual([]);
    }
  });

  it('reads the SDK Node would load: the nearest node_modules, not one above the repository', () => {
    const outer = temporaryFolder('openrouter-outer-');
    mkdirSync(path.join(outer, 'node_modules', '@openrouter', 'sdk'), { recursive: true });
    writeFileSync(path.join(outer, 'node_modules', '@openrouter', 'sdk', 'package.json'), JSON.stringify({ version: '1.3.19' }));
    const repository = path.join(outer, 'repo');
    mkdirSync(path.join(repository, '.git'), { recursive: true });
    mkdirSync(path.join(repository, 'src'));
    const code = `${SDK}new OpenRouter({ httpReferer: 'https://acme.dev', xTitle: 'Acme' });`;
    expect(lint(code, path.join(repository, 'src', 'client.ts'))).toEqual([]);
    // A nested package's own install wins over the workspace root's.
    const workspace = installed('1.3.19');
    const member = path.join(path.dirname(path.dirname(workspace)), 'packages', 'old');
    mkdirSync(path.join(member, 'node_modules', '@openrouter', 'sdk'), { recursive: true });
    writeFileSync(path.join(member, 'node_modules', '@openrouter', 'sdk', 'package.json'), JSON.stringify({ version: '0.9.11' }));
    expect(lint(code, path.join(member, 'index.ts'))).toEqual([]);
    expect(lint(code, workspace)).toHaveLength(1);
  });
});
