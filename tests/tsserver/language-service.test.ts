/**
 * The tsserver plugin on an in-process language service: diagnostics and their codes, severities
 * from the chosen config and options, code fixes, identity from package.json and from options,
 * and that no failure of ours ever reaches tsserver.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { ALL_DIAGNOSTIC_CODES, DIAGNOSTIC_CODES } from '../../src/hosts/tsserver/diagnostic-codes.js';
import { SETUP_NOTICE_CODE } from '../../src/hosts/tsserver/setup-notices.js';
import { sliceStatements } from '../../src/hosts/tsserver/statement-slice.js';
import { createTestService } from './in-memory-service.js';

const ROOT = '/openrouter-service';
const SDK_CLIENT = "import { OpenRouter } from '@openrouter/sdk';\nexport const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });\n";
const GENERIC_TITLE = "import { OpenRouter } from '@openrouter/sdk';\nexport const client = new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: 'Chatbot' });\n";
const IDENTITY = { referer: 'https://acme.dev', title: 'Acme Docs' };
/** The plugin entry, as problems with it name it. */
const ENTRY = `${ROOT}/tsconfig.json: compilerOptions.plugins[0]`;

const ours = (diagnostics: readonly ts.Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.source === 'openrouter');

function fixAll(test: ReturnType<typeof createTestService>, fileName: string): string {
  const combined = test.service.getCombinedCodeFix({ type: 'file', fileName }, 'openrouter-fix-all', {}, {});
  test.applyChanges(combined.changes);
  return test.text(fileName);
}

describe('diagnostics', () => {
  it('carry source openrouter, the rule code, the message and the recommended severity', () => {
    const test = createTestService(ROOT, { 'a.ts': SDK_CLIENT, 'b.ts': GENERIC_TITLE });
    const [referer] = ours(test.service.getSemanticDiagnostics(`${ROOT}/a.ts`));
    expect(referer).toMatchObject({ source: 'openrouter', code: DIAGNOSTIC_CODES['require-referer'], category: ts.DiagnosticCategory.Error });
    expect(referer!.messageText).toMatch(/^Missing HTTP-Referer/);
    expect(SDK_CLIENT.slice(referer!.start, referer!.start! + referer!.length!)).toBe('OpenRouter');
    const [title] = ours(test.service.getSemanticDiagnostics(`${ROOT}/b.ts`));
    expect(title).toMatchObject({ code: DIAGNOSTIC_CODES['no-generic-title'], category: ts.DiagnosticCategory.Warning });
  });

  it('come for a project client from the plugin options in a file that never names OpenRouter, with the statements between kept out', () => {
    const clients = [{ module: '@acme/llm', export: 'createLlm', call: 'call', options: { referer: 'siteUrl', title: 'siteName' } }];
    const unrelated = Array.from({ length: 20 }, (_, i) => `export function helper${i}(n: number): number { return n * ${i}; }\n`).join('');
    const code = `import { createLlm } from '@acme/llm';\n${unrelated}export const llm = createLlm({ model: 'm' });\n`;
    const withClients = createTestService(ROOT, { 'a.ts': code }, { openrouter: { clients } });
    const [referer] = ours(withClients.service.getSemanticDiagnostics(`${ROOT}/a.ts`));
    expect(referer).toMatchObject({ code: DIAGNOSTIC_CODES['require-referer'] });
    expect(code.slice(referer!.start, referer!.start! + referer!.length!)).toBe('createLlm');
    // Without the entry, the file cannot hold a site.
    expect(ours(createTestService(ROOT, { 'a.ts': code }).service.getSemanticDiagnostics(`${ROOT}/a.ts`))).toEqual([]);
  });

  it('keep TypeScript\'s own diagnostics', () => {
    const test = createTestService(ROOT, { 'a.ts': `${SDK_CLIENT}const n: number = 'x';\n` });
    const all = test.service.getSemanticDiagnostics(`${ROOT}/a.ts`);
    expect(all.map((diagnostic) => diagnostic.code)).toEqual(expect.arrayContaining([2307, 2322, DIAGNOSTIC_CODES['require-referer']]));
  });

  it('follow the strict config and per-rule severities from the plugin options', () => {
    const strict = createTestService(ROOT, { 'b.ts': GENERIC_TITLE }, { config: 'strict' });
    expect(ours(strict.service.getSemanticDiagnostics(`${ROOT}/b.ts`)).map((d) => d.category)).toEqual([ts.DiagnosticCategory.Error]);
    const tuned = createTestService(ROOT, { 'a.ts': SDK_CLIENT, 'b.ts': GENERIC_TITLE }, { rules: { 'require-referer': 'warn', 'openrouter/no-generic-title': 'off' } });
    expect(ours(tuned.service.getSemanticDiagnostics(`${ROOT}/a.ts`)).map((d) => d.category)).toEqual([ts.DiagnosticCategory.Warning]);
    expect(ours(tuned.service.getSemanticDiagnostics(`${ROOT}/b.ts`))).toEqual([]);
  });

  it('name bad options in the editor and in the log, with a did-you-mean, and apply the rest', () => {
    const test = createTestService(ROOT, { 'b.ts': GENERIC_TITLE }, { config: 'strickt', rules: { 'no-such-rule': 'error', 'no-generic-title': 'loud' }, colour: 1 });
    const diagnostics = ours(test.service.getSemanticDiagnostics(`${ROOT}/b.ts`));
    expect(diagnostics.filter((d) => d.code !== SETUP_NOTICE_CODE).map((d) => d.category)).toEqual([ts.DiagnosticCategory.Warning]);
    const logged = test.logs.join('\n');
    for (const text of ['"config" must be', 'unknown rule "no-such-rule"', '"rules.no-generic-title" must be', 'unknown option "colour"']) expect(logged).toContain(text);
    // In the editor: on the first line of the file, source openrouter, each naming the tsconfig entry.
    const notices = diagnostics.filter((d) => d.code === SETUP_NOTICE_CODE);
    expect(notices.map((d) => [d.start, d.length, d.category, d.source])).toEqual(Array(4).fill([0, GENERIC_TITLE.indexOf('\n'), ts.DiagnosticCategory.Warning, 'openrouter']));
    expect(notices.map((d) => d.messageText)).toEqual([
      `eslint-plugin-openrouter/ts-plugin: ${ENTRY}: unknown option "colour"; known options: config, rules, openrouter`,
      `eslint-plugin-openrouter/ts-plugin: ${ENTRY}: option "config" must be "recommended" or "strict", got "strickt" (did you mean "strict"?)`,
      expect.stringMatching(/: option "rules": unknown rule "no-such-rule"; rules: require-referer, /),
      `eslint-plugin-openrouter/ts-plugin: ${ENTRY}: option "rules.no-generic-title" must be "error", "warn" or "off", got "loud"`,
    ]);
  });

  it('name a misspelt rule or option with the name meant', () => {
    const test = createTestService(ROOT, { 'a.ts': SDK_CLIENT }, { confg: 'strict', rules: { 'openrouter/require-referrer': 'warn' }, openRouter: IDENTITY });
    const notices = ours(test.service.getSemanticDiagnostics(`${ROOT}/a.ts`)).filter((d) => d.code === SETUP_NOTICE_CODE).map((d) => d.messageText);
    expect(notices).toEqual([
      expect.stringContaining(`${ENTRY}: unknown option "confg" (did you mean "config"?)`),
      expect.stringContaining(`${ENTRY}: unknown option "openRouter" (did you mean "openrouter"?)`),
      expect.stringContaining(`${ENTRY}: option "rules": unknown rule "openrouter/require-referrer" (did you mean "require-referer"?)`),
    ]);
    // Correct options give no notice; names far from any say so without a guess.
    expect(ours(createTestService(ROOT, { 'a.ts': SDK_CLIENT }, { config: 'strict', rules: { 'require-referer': 'warn' } }).service.getSemanticDiagnostics(`${ROOT}/a.ts`)).map((d) => d.code)).toEqual([
      DIAGNOSTIC_CODES['require-referer'],
    ]);
    const far = createTestService(ROOT, { 'a.ts': SDK_CLIENT }, { telemetry: true });
    expect(ours(far.service.getSemanticDiagnostics(`${ROOT}/a.ts`)).filter((d) => d.code === SETUP_NOTICE_CODE).map((d) => d.messageText)).toEqual([
      `eslint-plugin-openrouter/ts-plugin: ${ENTRY}: unknown option "telemetry"; known options: config, rules, openrouter`,
    ]);
  });

  it('show a notice once per project, in the first file checked, which keeps it; gone once the options are right', () => {
    const test = createTestService(ROOT, { 'plain.ts': 'export const n = 1;\n', 'a.ts': SDK_CLIENT }, { colour: 1 });
    const notices = (name: string) => test.service.getSemanticDiagnostics(`${ROOT}/${name}`).filter((d) => d.code === SETUP_NOTICE_CODE).length;
    // A file without OpenRouter calls shows it too: the options are wrong for every file.
    expect(notices('plain.ts')).toBe(1);
    expect(notices('a.ts')).toBe(0);
    expect(notices('plain.ts')).toBe(1);
    test.plugin.onConfigurationChanged!({});
    expect(notices('plain.ts')).toBe(0);
    expect(notices('a.ts')).toBe(0);
  });

  it('are not reported where ESLint is told not to by a disable comment', () => {
    const test = createTestService(ROOT, { 'a.ts': SDK_CLIENT.replace('export const', '// eslint-disable-next-line openrouter/require-referer\nexport const') });
    expect(ours(test.service.getSemanticDiagnostics(`${ROOT}/a.ts`))).toEqual([]);
  });

  it('lint JavaScript files of the project too', () => {
    const test = createTestService(ROOT, { 'a.js': SDK_CLIENT });
    expect(ours(test.service.getSemanticDiagnostics(`${ROOT}/a.js`)).map((d) => d.code)).toEqual([DIAGNOSTIC_CODES['require-referer']]);
  });

  it('place messages after a byte order mark where the editor shows them', () => {
    const test = createTestService(ROOT, { 'a.ts': `\uFEFF${SDK_CLIENT}` }, { openrouter: IDENTITY });
    const [diagnostic] = ours(test.service.getSemanticDiagnostics(`${ROOT}/a.ts`));
    expect(test.text(`${ROOT}/a.ts`).slice(diagnostic!.start, diagnostic!.start! + diagnostic!.length!)).toBe('OpenRouter');
    expect(fixAll(test, `${ROOT}/a.ts`)).toContain("httpReferer: 'https://acme.dev'");
    expect(test.text(`${ROOT}/a.ts`).startsWith('\uFEFF')).toBe(true);
  });
});

describe('code fixes', () => {
  it('registers every rule code as supported', () => {
    const test = createTestService(ROOT, { 'a.ts': SDK_CLIENT });
    const supported = test.service.getSupportedCodeFixes(`${ROOT}/a.ts`);
    expect(supported).toEqual(expect.arrayContaining(ALL_DIAGNOSTIC_CODES.map(String)));
    expect(supported).toEqual(expect.arrayContaining([...ts.getSupportedCodeFixes()]));
    expect(Object.keys(DIAGNOSTIC_CODES).sort()).toEqual(Object.keys(rules).sort());
    expect(new Set(ALL_DIAGNOSTIC_CODES).size).toBe(ALL_DIAGNOSTIC_CODES.length);
  });

  it('are the codes the README lists', () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const listed = Object.fromEntries([...readme.matchAll(/^\| `([a-z-]+)` \| (\d{6}) \|$/gm)].map((match) => [match[1], Number(match[2])]));
    expect(listed).toEqual(DIAGNOSTIC_CODES);
  });

  it('offers the autofix with a fix-all id, answers only for our codes, and fix-all leaves the file clean', () => {
    const fileName = `${ROOT}/a.ts`;
    const test = createTestService(ROOT, { 'a.ts': `${SDK_CLIENT}export const second = new OpenRouter({});\n` }, { openrouter: IDENTITY });
    const diagnostics = ours(test.service.getSemanticDiagnostics(fileName));
    expect(diagnostics).toHaveLength(2);
    const [first] = diagnostics;
    const span = [first!.start!, first!.start! + first!.length!] as const;
    expect(test.service.getCodeFixesAtPosition(fileName, ...span, [2307], {}, {}).filter((fix) => fix.fixName.startsWith('openrouter/'))).toEqual([]);
    const [fix] = test.service.getCodeFixesAtPosition(fileName, ...span, [first!.code], {}, {});
    expect(fix).toMatchObject({ fixName: 'openrouter/require-referer', fixId: 'openrouter-fix-all' });
    expect(fixAll(test, fileName)).toBe(
      "import { OpenRouter } from '@openrouter/sdk';\nexport const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY, httpReferer: 'https://acme.dev', appTitle: 'Acme Docs' });\n" +
        "export const second = new OpenRouter({ httpReferer: 'https://acme.dev', appTitle: 'Acme Docs' });\n",
    );
    expect(ours(test.service.getSemanticDiagnostics(fileName))).toEqual([]);
  });

  it('leaves other fix ids to TypeScript', () => {
    const test = createTestService(ROOT, { 'a.ts': 'export function f(a) { return a; }\n' }, {}, ts);
    const combined = test.service.getCombinedCodeFix({ type: 'file', fileName: `${ROOT}/a.ts` }, 'inferFromUsage', {}, {});
    expect(combined.changes.flatMap((change) => change.textChanges.map((edit) => edit.newText))).toEqual([': any']);
  });
});

describe('identity', () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'openrouter-ts-plugin-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  afterEach(() => vi.useRealTimers());

  it('comes from the nearest package.json and follows an edit of it without a restart', () => {
    const project = path.join(directory, 'app');
    mkdirSync(project, { recursive: true });
    const writeIdentity = (referer: string) =>
      writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'app', openrouter: { referer, title: 'Acme Docs' } }));
    writeIdentity('https://first-app.dev');
    vi.useFakeTimers({ toFake: ['Date'] });
    const test = createTestService(project, { 'client.ts': SDK_CLIENT });
    const fileName = `${project}/client.ts`;
    const fixText = () => {
      const [diagnostic] = ours(test.service.getSemanticDiagnostics(fileName));
      const [fix] = test.service.getCodeFixesAtPosition(fileName, diagnostic!.start!, diagnostic!.start!, [diagnostic!.code], {}, {});
      return fix!.changes[0]!.textChanges[0]!.newText;
    };
    expect(fixText()).toContain("'https://first-app.dev'");
    writeIdentity('https://second-app.dev');
    // The same script version: only the identity changed. package.json reads are cached for a few seconds.
    vi.setSystemTime(Date.now() + 10_000);
    expect(fixText()).toContain("'https://second-app.dev'");
  });

  it('is overridden by the plugin options, and by what the editor sends', () => {
    const test = createTestService(ROOT, { 'a.ts': SDK_CLIENT }, { openrouter: IDENTITY });
    const fileName = `${ROOT}/a.ts`;
    const fixText = () => {
      const [diagnostic] = ours(test.service.getSemanticDiagnostics(fileName));
      return test.service.getCodeFixesAtPosition(fileName, diagnostic!.start!, diagnostic!.start!, [diagnostic!.code], {}, {})[0]?.changes[0]!.textChanges[0]!.newText;
    };
    expect(fixText()).toContain("'https://acme.dev'");
    test.plugin.onConfigurationChanged!({ openrouter: { referer: 'https://editor-app.dev', title: 'Editor Title' } });
    expect(fixText()).toContain("'https://editor-app.dev'");
    test.plugin.onConfigurationChanged!({ openrouter: { referer: 'not a url' } });
    const messages = ours(test.service.getSemanticDiagnostics(fileName)).map((d) => d.messageText);
    // Named where the user wrote it: what the editor sent, not ESLint's settings.
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringContaining('Invalid OpenRouter attribution config: configurePlugin("eslint-plugin-openrouter/ts-plugin").openrouter.referer: "not a url"')]),
    );
    expect(messages.join('\n')).not.toContain('settings.openrouter.referer');
    expect(fixText()).toBeUndefined();
  });

  it('names the tsconfig entry in a problem of its openrouter key', () => {
    const test = createTestService(ROOT, { 'a.ts': SDK_CLIENT }, { openrouter: { referer: 'https://acme.dev', title: 'Chatbot' } });
    const messages = ours(test.service.getSemanticDiagnostics(`${ROOT}/a.ts`)).map((d) => d.messageText);
    expect(messages).toEqual(expect.arrayContaining([`Invalid OpenRouter attribution config: ${ENTRY}.openrouter.title: "Chatbot" is a generic name; use the name users know the app by.`]));
  });
});

describe('never harms the editor', () => {
  it('logs a failure of its own in every hook and returns TypeScript\'s result', () => {
    const fileName = `${ROOT}/a.ts`;
    const code = `${SDK_CLIENT}const n: number = 'x';\n`;
    const healthy = createTestService(ROOT, { 'a.ts': code }).service.getSemanticDiagnostics(fileName);
    const expected = ours(healthy);
    expect(expected).toHaveLength(1);
    const broken = createTestService(ROOT, { 'a.ts': code });
    // The options are read only by the plugin, on its first lint: make that read fail.
    Object.defineProperty(broken.info.config, 'rules', {
      enumerable: true,
      get() {
        throw new Error('options exploded');
      },
    });
    const diagnostics = broken.service.getSemanticDiagnostics(fileName);
    expect(diagnostics.map((d) => d.code)).toEqual(healthy.filter((d) => d.source !== 'openrouter').map((d) => d.code));
    expect(diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining([2307, 2322]));
    expect(broken.service.getCodeFixesAtPosition(fileName, expected[0]!.start!, expected[0]!.start!, [expected[0]!.code], {}, {})).toEqual([]);
    expect(broken.service.getCombinedCodeFix({ type: 'file', fileName }, 'openrouter-fix-all', {}, {})).toEqual({ changes: [] });
    const logged = broken.logs.join('\n');
    for (const hook of ['getSemanticDiagnostics', 'getCodeFixesAtPosition', 'getCombinedCodeFix']) expect(logged).toContain(`${hook} failed`);
    expect(logged).toContain('options exploded');
  });

  it('is off when OPENROUTER_TS_PLUGIN=off', () => {
    vi.stubEnv('OPENROUTER_TS_PLUGIN', 'off');
    try {
      const test = createTestService(ROOT, { 'a.ts': SDK_CLIENT });
      expect(ours(test.service.getSemanticDiagnostics(`${ROOT}/a.ts`))).toEqual([]);
      expect(test.logs.join('\n')).toContain('off: OPENROUTER_TS_PLUGIN=off');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('type information', () => {
  it('resolves a base URL imported from another file of the project through tsserver\'s checker', () => {
    const files = {
      'config.ts': "export const BASE_URL = 'https://openrouter.ai/api/v1' as const;\n",
      'client.ts': "import OpenAI from 'openai';\nimport { BASE_URL } from './config';\nexport const openRouterClient = new OpenAI({ baseURL: BASE_URL });\n",
    };
    const test = createTestService(ROOT, files);
    // Only the checker knows that the base URL is OpenRouter's: the file itself does not say.
    expect(ours(test.service.getSemanticDiagnostics(`${ROOT}/client.ts`)).map((d) => d.code)).toEqual([DIAGNOSTIC_CODES['require-referer']]);
    test.setFile(`${ROOT}/config.ts`, "export const BASE_URL = 'https://api.openai.com/v1' as const;\n");
    expect(ours(test.service.getSemanticDiagnostics(`${ROOT}/client.ts`))).toEqual([]);
  });

  it('lints only the statements that can reach a site, and the checker answers for them as for the whole file', () => {
    const unrelated = (name: string) =>
      `export interface ${name} {\n  entries: readonly number[];\n}\n\nexport function sum${name}(ledger: ${name}): number {\n  return ledger.entries.reduce((total, entry) => total + entry, 0);\n}\n\n`;
    const site = 'export const openRouterClient = new OpenAI({ baseURL: BASE_URL });\n';
    const files = {
      'config.ts': "export const BASE_URL = 'https://openrouter.ai/api/v1' as const;\n",
      'client.ts': `${unrelated('Ledger')}import OpenAI from 'openai';\nimport { BASE_URL } from './config';\n\n${unrelated('Journal')}${site}`,
    };
    const test = createTestService(ROOT, files);
    const fileName = `${ROOT}/client.ts`;
    const all = test.service.getSemanticDiagnostics(fileName);
    const program = test.service.getProgram()!;
    const slice = sliceStatements(ts, program.getSourceFile(fileName)!, all.filter((d) => d.source !== 'openrouter'), program.getCompilerOptions());
    expect(slice?.kept.map((statement) => statement.getText().split('\n')[0])).toEqual([
      'export interface Ledger {',
      "import OpenAI from 'openai';",
      "import { BASE_URL } from './config';",
      site.trim(),
    ]);
    // The base URL is OpenRouter's only by its type: the finding needs the checker on the sliced statements.
    expect(ours(all).map((d) => [d.code, files['client.ts'].slice(d.start, d.start! + d.length!)])).toEqual([[DIAGNOSTIC_CODES['require-referer'], 'OpenAI']]);
    test.setFile(`${ROOT}/config.ts`, "export const BASE_URL = 'https://api.openai.com/v1' as const;\n");
    expect(ours(test.service.getSemanticDiagnostics(fileName))).toEqual([]);
  });
});
