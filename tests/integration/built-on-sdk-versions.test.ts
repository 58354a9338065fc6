/**
 * Options of another version than the one installed, for the clients built on @openrouter/sdk and for
 * @effect/ai-openrouter: @tanstack/ai-openrouter pins SDK 0.3.15 up to 0.6 (`xTitle`) and 0.12+ from 0.7
 * (`appTitle`); @openrouter/agent passes its options to the SDK it installs; @effect/ai-openrouter reads
 * `referrer`/`title` in 0.x and `siteReferrer`/`siteTitle` in 4.x. Projects linted by path, as users' files are.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { temporaryFolder } from '../temporary-folders.js';

const RULE = 'openrouter/no-ignored-attribution';
const TANSTACK = "import { openRouterImage, createOpenRouterVideo } from '@tanstack/ai-openrouter';\n";
const AGENT = "import { OpenRouter } from '@openrouter/agent';\n";
const EFFECT = "import { OpenRouterClient } from '@effect/ai-openrouter';\n";

/** A repository with these packages installed (name to version): the path of a source file in it. */
function projectWith(packages: Record<string, string>): string {
  const root = temporaryFolder('openrouter-built-on-sdk-');
  mkdirSync(path.join(root, '.git'));
  for (const [name, version] of Object.entries(packages)) {
    const folder = path.join(root, 'node_modules', ...name.split('/'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name, version }));
  }
  mkdirSync(path.join(root, 'src'), { recursive: true });
  return path.join(root, 'src', 'client.ts');
}

const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { openrouter: plugin }, rules: { [RULE]: 'error' } }];

function lint(code: string, filename: string): Linter.LintMessage[] {
  return new Linter({ configType: 'flat', cwd: tmpdir() }).verify(code, config, { filename });
}

function fix(code: string, filename: string): string {
  return new Linter({ configType: 'flat', cwd: tmpdir() }).verifyAndFix(code, config, { filename }).output;
}

describe('options of another version of a client built on @openrouter/sdk', () => {
  const current = projectWith({ '@tanstack/ai-openrouter': '0.19.6', '@openrouter/sdk': '0.13.20', '@openrouter/agent': '0.8.0' });
  const old = projectWith({ '@tanstack/ai-openrouter': '0.6.8' });

  it("renames @tanstack's typed `xTitle` (image and video adapters), which its SDK ignores since 0.7", () => {
    const code = `${TANSTACK}openRouterImage('google/gemini-2.5-flash-image', { httpReferer: 'https://acme.dev', xTitle: 'Acme' });`;
    const messages = lint(code, current);
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([['otherVersionOption', 2]]);
    expect(messages[0]!.message).toBe(
      '@tanstack/ai-openrouter 0.19.6, installed here, does not read the `xTitle` option (read up to 0.6), so the title in it is never sent: rename it `appTitle`.',
    );
    const fixed = fix(code, current);
    expect(fixed).toBe(`${TANSTACK}openRouterImage('google/gemini-2.5-flash-image', { httpReferer: 'https://acme.dev', appTitle: 'Acme' });`);
    expect(lint(fixed, current)).toEqual([]);
    // Argument 2 of the factories that take the key.
    expect(lint(`${TANSTACK}createOpenRouterVideo('m', key, { httpReferer: 'https://acme.dev', xTitle: 'Acme' });`, current)).toHaveLength(1);
  });

  it('reads `xTitle` before 0.7, and `appTitle` is the one lost there', () => {
    expect(lint(`${TANSTACK}openRouterImage('m', { httpReferer: 'https://acme.dev', xTitle: 'Acme' });`, old)).toEqual([]);
    const messages = lint(`${TANSTACK}openRouterImage('m', { httpReferer: 'https://acme.dev', appTitle: 'Acme' });`, old);
    expect(messages.map((message) => message.messageId)).toEqual(['otherVersionOption']);
    expect(messages[0]!.message).toContain('rename it `xTitle`, or upgrade the SDK.');
  });

  it("names the SDK @openrouter/agent installs, whose version decides", () => {
    const messages = lint(`${AGENT}new OpenRouter({ httpReferer: 'https://acme.dev', xTitle: 'Acme' });`, current);
    expect(messages.map((message) => message.message)).toEqual([
      '@openrouter/sdk 0.13.20, installed here, does not read the `xTitle` option (read up to 0.9), so the title in it is never sent: rename it `appTitle`.',
    ]);
  });

  it('stays silent where the installed version cannot be read', () => {
    expect(lint(`${TANSTACK}openRouterImage('m', { httpReferer: 'https://acme.dev', xTitle: 'Acme' });`, projectWith({}))).toEqual([]);
  });
});

describe('options of another version of @effect/ai-openrouter', () => {
  const effect3 = projectWith({ '@effect/ai-openrouter': '0.10.1' });
  const effect4 = projectWith({ '@effect/ai-openrouter': '4.0.0-beta.27' });

  it('renames the referrer and title of 0.x on 4.x', () => {
    const code = `${EFFECT}OpenRouterClient.layer({ referrer: 'https://acme.dev', title: 'Acme' });`;
    expect(lint(code, effect3)).toEqual([]);
    const messages = lint(code, effect4);
    expect(messages.map((message) => message.message)).toEqual([
      '@effect/ai-openrouter 4.0.0-beta.27, installed here, does not read the `referrer` option (read up to 0.x), so the referer in it is never sent: rename it `siteReferrer`.',
      '@effect/ai-openrouter 4.0.0-beta.27, installed here, does not read the `title` option (read up to 0.x), so the title in it is never sent: rename it `siteTitle`.',
    ]);
    expect(fix(code, effect4)).toBe(`${EFFECT}OpenRouterClient.layer({ siteReferrer: 'https://acme.dev', siteTitle: 'Acme' });`);
  });

  it("offers 0.x's names for 4.x's only as a suggestion", () => {
    const messages = lint(`${EFFECT}OpenRouterClient.make({ siteReferrer: 'https://acme.dev' });`, effect3);
    expect(messages.map((message) => [message.messageId, message.fix])).toEqual([['otherVersionOption', undefined]]);
    expect(messages[0]!.suggestions).toHaveLength(1);
    expect(lint(`${EFFECT}OpenRouterClient.make({ siteReferrer: 'https://acme.dev' });`, effect4)).toEqual([]);
  });
});
