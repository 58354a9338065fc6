/**
 * Hostile and pathological inputs (the classes of `scripts/lib/hostile-cases.mjs`, and fuzzed
 * programs): none may hang, exhaust memory, crash, report an internalError, flood the output, or
 * produce a fix that does not parse or is not stable. Each case has a wall-clock guard generous
 * enough for a slow CI machine; the old behaviour took minutes or the whole heap on the same inputs.
 * `npm run attack` measures the same inputs against parsing.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzedProgram, HOSTILE_CASES, seededRandom } from '../scripts/lib/hostile-cases.mjs';
import plugin from '../src/index.js';
import { temporaryFolder } from './temporary-folders.js';

// A fixed seed keeps CI reproducible; FC_SEED=random (or a number) explores other inputs locally.
fc.configureGlobal(process.env.FC_SEED === 'random' ? {} : { seed: Number(process.env.FC_SEED ?? 20261201) });

/** Seconds one lint of a case may take on a slow, shared CI machine. Before the budget some took minutes. */
const GUARD_SECONDS = 20;
/** No message may be longer than this, whatever the input echoes. */
const MAX_MESSAGE_LENGTH = 400;

// A repository of its own: no package.json above lends an identity.
const ROOT = temporaryFolder('openrouter-hostile-');
mkdirSync(path.join(ROOT, '.git'));
const SOURCE = path.join(ROOT, 'src');
const linter = new Linter({ cwd: ROOT });

function config(settings: unknown): Linter.Config[] {
  return [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
    { files: ['**/*.ts', '**/*.js'], ...plugin.configs.strict },
    ...(settings === undefined ? [] : [{ settings: { openrouter: settings } }]),
  ];
}

interface Outcome {
  messages: Linter.LintMessage[];
  output: string;
}

function guarded<T>(what: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  expect((performance.now() - start) / 1000, what).toBeLessThan(GUARD_SECONDS);
  return result;
}

/** Lints and fixes `code`, then checks what every input must satisfy. */
function attack(code: string, settings?: unknown, name = 'client.ts'): Outcome {
  const FILENAME = path.join(SOURCE, name);
  const messages = guarded('lint', () => linter.verify(code, config(settings), FILENAME));
  const fixed = guarded('fix', () => linter.verifyAndFix(code, config(settings), FILENAME));
  expect(messages.filter((message) => message.messageId === 'internalError')).toEqual([]);
  for (const message of messages) expect(message.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  // Every fix applied parses (a fatal message would say it does not), and a second pass changes nothing.
  expect(fixed.messages.filter((message) => message.fatal && !messages.some((original) => original.fatal))).toEqual([]);
  if (fixed.fixed) expect(guarded('second fix', () => linter.verifyAndFix(fixed.output, config(settings), FILENAME)).fixed).toBe(false);
  return { messages, output: fixed.output };
}

describe('hostile inputs', () => {
  for (const item of HOSTILE_CASES) {
    it(`${item.class}: ${item.name}`, () => {
      const { code, settings, filename } = item.make(1);
      attack(code, settings, filename);
    });
  }
});

describe('bounded output', () => {
  const find = (name: string) => HOSTILE_CASES.find((item) => item.name === name)!.make(1);

  it('reports each distinct category problem once per value, not once per duplicate', () => {
    const { messages } = attack(find('categories with hundreds of duplicate slugs').code);
    const categories = messages.filter((message) => message.ruleId === 'openrouter/valid-categories');
    // 200 values, each too many and with one slug listed hundreds of times: two findings each.
    expect(categories).toHaveLength(400);
    expect(new Set(categories.map((message) => message.messageId))).toEqual(new Set(['tooMany', 'duplicate']));
  });

  it('checks a bounded number of slugs per value', () => {
    const { messages } = attack(find('categories with thousands of unknown slugs').code);
    const unknown = messages.filter((message) => message.messageId === 'unknownCategory');
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.length).toBeLessThanOrEqual(100 * 8);
  });

  it('reads at most 64 project clients, and checks and fixes the calls of each', () => {
    const { code, settings } = find('project clients: thousands of entries, long names, and thousands of calls');
    const { messages, output } = attack(code, settings);
    expect(messages.filter((message) => message.messageId === 'invalidConfig').map((message) => message.message)).toEqual([
      'Invalid OpenRouter attribution config: settings.openrouter.clients: 100064 clients given; at most 64 are read, the rest are dropped.',
    ]);
    expect(messages.filter((message) => message.messageId === 'missingReferer')).toHaveLength(2_000);
    expect(output.match(/siteUrl: 'https:\/\/acme\.dev'/g)).toHaveLength(2_000);
  });

  it('follows 64 calls of a wrapper, and reports each once however many client calls the wrapper makes', () => {
    const { messages } = attack(find('local wrappers: many client calls in one wrapper, thousands of its calls, wrappers of wrappers').code);
    const missing = messages.filter((message) => message.messageId === 'missingReferer');
    // The first 64 calls of `post` are followed; the one inside `outer` passes parameters it cannot see.
    expect(missing).toHaveLength(63);
    expect(new Set(missing.map((message) => message.line)).size).toBe(63);
  });

  it('names a few unknown settings keys and counts the rest, in short messages', () => {
    const { messages } = attack(find('settings with thousands of unknown keys and bad entries').code, find('settings with thousands of unknown keys and bad entries').settings);
    const config = messages.filter((message) => message.messageId === 'invalidConfig');
    expect(config.length).toBeLessThanOrEqual(12);
    // 100,000 misspelt keys and one of a million characters, five of them named.
    expect(config.some((message) => message.message.endsWith('settings.openrouter: 99996 more unknown keys.'))).toBe(true);
    expect(config.some((message) => message.message.includes('settings.openrouter.titel0: unknown key (did you mean "title"?)'))).toBe(true);
  });
});

describe('fixes in shapes that break naive insertion', () => {
  const { code, settings } = HOSTILE_CASES.find((item) => item.class === 'fixes')!.make(1);
  const { output } = attack(code, settings);

  it('add the options after a parenthesised callee', () => {
    // Each options object is too long for one line, so it is written one entry a line.
    expect(output).toContain("new (OpenRouter)({\n  httpReferer: 'https://acme.dev/\\x3C/script>\\x3C!--',\n  appTitle: 'Acme \\x3C/SCRIPT> \\x3C!-- Docs'\n});\nnew (sdk.OpenRouter)({");
    expect(output).toContain("new (sdk.OpenRouter)({\n  httpReferer: 'https://acme.dev/\\x3C/script>\\x3C!--',\n  appTitle: 'Acme \\x3C/SCRIPT> \\x3C!-- Docs'\n});\nnew (OpenRouter)({");
    expect(output).toContain("new (OpenRouter)({\n  httpReferer: 'https://acme.dev/\\x3C/script>\\x3C!--',\n  appTitle: 'Acme \\x3C/SCRIPT> \\x3C!-- Docs'\n});\nnew (sdk.OpenRouter)((opts));");
  });

  it('add an argument after a parenthesised one, keeping a trailing comma', () => {
    expect(output).toContain("fetch((CHAT), {\n  headers: {\n    'HTTP-Referer'".replace('CHAT', "'https://openrouter.ai/api/v1/chat/completions'"));
    expect(output).toContain("({ method: 'POST', headers: {\n  'HTTP-Referer': 'https://acme.dev/\\x3C/script>\\x3C!--',\n  'X-OpenRouter-Title': 'Acme \\x3C/SCRIPT> \\x3C!-- Docs'\n} }),);");
  });

  it('never edit an exported object or one shared by two requests', () => {
    expect(output).toContain("export const headers = { 'X-Title': 'Acme' };");
    expect(output).toContain('const shared = {};');
  });

  it('escape what would end an inline script or open an HTML comment', () => {
    expect(output).not.toMatch(/<\/script|<!--/i);
    expect(output).toContain("'Acme \\x3C/SCRIPT> \\x3C!-- Docs'");
  });
});

describe('class members', () => {
  it('does not take `this` in a static method for the instance', () => {
    const { code } = HOSTILE_CASES.find((item) => item.name === 'static method reads a static field')!.make(1);
    const { messages } = attack(code);
    // The instance field has a referer; the static one, which the static method reads, has none.
    expect(messages.map((message) => message.messageId)).toEqual(['missingReferer']);
  });
});

describe('fuzzed programs', () => {
  it('of constants, templates, spreads, conditionals and URL constructions stay bounded and fix cleanly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 5, max: 300 }), (seed, size) => {
        attack(fuzzedProgram(seededRandom(seed), size), { referer: 'https://acme.dev', title: 'Acme Docs' });
      }),
      { numRuns: 25 },
    );
  });
});
