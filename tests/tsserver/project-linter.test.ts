/**
 * The linting behind the plugin: one lint per file version, next to nothing for files that cannot
 * hold an OpenRouter site, and tsserver's Program handed to the parser, so that rules get
 * `parserServices` with its type checker, as under `parserOptions.projectService`.
 */
import type { Linter } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadLintPackages, type LintPackages } from '../../src/hosts/tsserver/lint-packages.js';
import { readPluginOptions } from '../../src/hosts/tsserver/plugin-options.js';
import { ProjectLinter } from '../../src/hosts/tsserver/project-linter.js';
import { createTestService } from './in-memory-service.js';

const ROOT = '/openrouter-linter';
const CONFIG_TS = "export const OPENROUTER_BASE = 'https://openrouter.ai/api/v1' as const;\nexport const HEADERS = { 'X-Title': 'Acme' } as const;\n";
const CLIENT_TS = "import OpenAI from 'openai';\nimport { OPENROUTER_BASE, HEADERS } from './config';\nexport const client = new OpenAI({ baseURL: OPENROUTER_BASE, defaultHeaders: HEADERS });\n";
const PLAIN_TS = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';

interface ParseResult {
  ast: { body: { type: string; declaration?: { declarations?: { init?: { arguments?: { properties?: { value: unknown }[] }[] } }[] } }[] };
  services: { program?: ts.Program; esTreeNodeToTSNodeMap?: { get(node: unknown): ts.Node } };
}

/** The real packages, with the Linter's verify calls and the parser's results recorded. */
function instrumentedPackages() {
  const loaded = loadLintPackages(ts, ROOT);
  if ('missing' in loaded) throw new Error(loaded.missing);
  const verified: string[] = [];
  const configArrays: unknown[] = [];
  const parsed: ParseResult[] = [];
  const calls: { code: string; programs: unknown }[] = [];
  const BaseLinter = loaded.packages.Linter;
  // A Linter whose verify calls are recorded (a wrapper, not a subclass: verify is overloaded).
  const CountingLinter = function (this: unknown, options?: ConstructorParameters<typeof BaseLinter>[0]) {
    const linter = new BaseLinter(options);
    const verify = linter.verify.bind(linter) as (...args: unknown[]) => Linter.LintMessage[];
    linter.verify = ((...args: unknown[]) => {
      const options = args[2] as { filename?: string };
      verified.push(String(options.filename));
      configArrays.push(args[1]);
      return verify(...args);
    }) as Linter['verify'];
    return linter;
  } as unknown as typeof BaseLinter;
  const base = loaded.packages.parser;
  const packages: LintPackages = {
    ...loaded.packages,
    Linter: CountingLinter,
    parser: {
      meta: base.meta,
      parseForESLint(code, options) {
        calls.push({ code, programs: options?.programs });
        const result = base.parseForESLint(code, options) as ParseResult;
        parsed.push(result);
        return result;
      },
    },
  };
  return { packages, verified, configArrays, parsed, calls };
}

function setUp(files: Record<string, string>, pluginOptions: Record<string, unknown> = {}) {
  const test = createTestService(ROOT, files);
  const { packages, verified, configArrays, parsed, calls } = instrumentedPackages();
  const options = { options: readPluginOptions([{ config: 'strict', ...pluginOptions }], ['require-referer'], []), generation: 0 };
  const linter = new ProjectLinter(packages, () => options);
  const reconfigure = (next: Record<string, unknown>) => Object.assign(options, { options: readPluginOptions([next], ['require-referer'], []), generation: options.generation + 1 });
  const lint = (name: string) => {
    const fileName = `${ROOT}/${name}`;
    const program = test.service.getProgram()!;
    return linter.lint({ fileName, version: test.info.languageServiceHost.getScriptVersion(fileName), sourceFile: program.getSourceFile(fileName)!, program });
  };
  return { test, lint, reconfigure, verified, configArrays, parsed, calls };
}

describe('ProjectLinter', () => {
  it('lints a version once, and again after an edit', () => {
    const { test, lint, verified } = setUp({ 'config.ts': CONFIG_TS, 'client.ts': CLIENT_TS });
    const first = lint('client.ts');
    expect(lint('client.ts')).toBe(first);
    expect(verified).toEqual([`${ROOT}/client.ts`]);
    test.setFile(`${ROOT}/client.ts`, `${CLIENT_TS}// edited\n`);
    expect(lint('client.ts')).not.toBe(first);
    expect(verified).toHaveLength(2);
  });

  it('never runs ESLint on a file without the word OpenRouter', () => {
    const { lint, verified, parsed } = setUp({ 'plain.ts': PLAIN_TS });
    expect(lint('plain.ts').messages).toEqual([]);
    expect(verified).toEqual([]);
    expect(parsed).toEqual([]);
  });

  it('hands the parser tsserver\'s Program: rules get its type checker and the literal types of imported values', () => {
    const { test, lint, parsed } = setUp({ 'config.ts': CONFIG_TS, 'client.ts': CLIENT_TS });
    lint('client.ts');
    expect(parsed).toHaveLength(1);
    const [{ ast, services }] = parsed as [ParseResult];
    const program = test.service.getProgram()!;
    expect(services.program).toBe(program);
    // The `baseURL: OPENROUTER_BASE` value, imported from config.ts, seen through the checker.
    const declaration = ast.body.find((statement) => statement.type === 'ExportNamedDeclaration')!.declaration!;
    const [baseUrl, headers] = declaration.declarations![0]!.init!.arguments![0]!.properties!;
    const checker = program.getTypeChecker();
    const baseUrlType = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap!.get(baseUrl!.value));
    expect(baseUrlType.isStringLiteral() && baseUrlType.value).toBe('https://openrouter.ai/api/v1');
    const headersType = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap!.get(headers!.value));
    const title = checker.getTypeOfSymbol(headersType.getProperty('X-Title')!);
    expect(title.isStringLiteral() && title.value).toBe('Acme');
  });

  it('hands the Program over only for the file\'s own text, never for other text parsed meanwhile', () => {
    const { lint, calls } = setUp({ 'client.ts': "import { OpenRouter } from '@openrouter/sdk';\nexport const client = new OpenRouter({ apiKey: 'k' });\n" }, { openrouter: { referer: 'https://acme.dev' } });
    const linted = lint('client.ts');
    expect(linted.messages[0]?.fix).toBeDefined();
    expect(calls.filter((call) => call.programs)).toHaveLength(1);
    for (const call of calls) expect(Boolean(call.programs)).toBe(call.code === linted.text);
  });

  it('hands ESLint one ready config array per options generation, so a file\'s config is not computed again on every edit', () => {
    const { test, lint, reconfigure, configArrays } = setUp({ 'client.ts': CLIENT_TS, 'config.ts': CONFIG_TS });
    lint('client.ts');
    test.setFile(`${ROOT}/client.ts`, `${CLIENT_TS}// edited\n`);
    lint('client.ts');
    expect(configArrays).toHaveLength(2);
    expect(configArrays[1]).toBe(configArrays[0]);
    // ESLint uses an array that has getConfig as it is (Linter#verify), instead of normalizing a new one.
    expect(typeof (configArrays[0] as { getConfig?: unknown }).getConfig).toBe('function');
    reconfigure({ config: 'recommended' });
    test.setFile(`${ROOT}/client.ts`, CLIENT_TS);
    lint('client.ts');
    expect(configArrays[2]).not.toBe(configArrays[0]);
  });
});
