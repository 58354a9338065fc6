/**
 * The statement slice on large files: where thousands of statements share a word with a site, the
 * slice follows each word once, and must keep exactly what following every statement's words kept,
 * so the findings stay ESLint's on the whole text.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { sliceStatements } from '../../src/hosts/tsserver/statement-slice.js';
import { createTestService } from './in-memory-service.js';

const ROOT = '/openrouter-large-slice';
const COUNT = 1_000;

/** Ordinary code that shares no word with the site. */
const unrelated = (n: number): string =>
  `export interface Order${n} {\n  id: string;\n  total: number;\n}\n\nexport function totalOf${n}(order: Order${n}): number {\n  return order.total;\n}\n\n`;
/** A statement that reads the client (and, through `route`, links to every other such statement). */
const linked = (n: number): string => `export const route${n} = { client, route: '/r${n}' };\n`;

/**
 * A site with a generic title two constants away, `COUNT` statements that read its client, and
 * `COUNT` blocks that share no word with either.
 */
function largeFile(): string {
  let text = "import { OpenRouter } from '@openrouter/sdk';\n\nconst baseTitle = 'Chatbot';\nconst appTitle = baseTitle;\n\n";
  for (let n = 0; n < COUNT; n++) text += unrelated(n) + linked(n);
  return `${text}export const client = new OpenRouter({ httpReferer: 'https://acme.dev', appTitle });\n`;
}

/** ESLint's messages on the whole text, with the same Program (typed linting, as the plugin lints). */
function eslintMessages(code: string, fileName: string, program: ts.Program): Linter.LintMessage[] {
  const parser = { parseForESLint: (text: string, options: Record<string, unknown>) => tsParser.parseForESLint(text, { ...options, programs: [program] }) };
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: parser as Linter.Parser },
      plugins: { openrouter: plugin },
      rules: plugin.configs.recommended.rules,
    },
  ];
  return new Linter({ cwd: '/' }).verify(code, config, { filename: fileName });
}

describe('the statement slice of a large file', () => {
  const code = largeFile();
  const fileName = `${ROOT}/large.ts`;
  const test = createTestService(ROOT, { 'large.ts': code });
  const program = test.service.getProgram()!;
  const sourceFile = program.getSourceFile(fileName)!;

  it('keeps every statement linked to the site and leaves the others out', () => {
    const slice = sliceStatements(ts, sourceFile, program.getSemanticDiagnostics(sourceFile), program.getCompilerOptions());
    const kept = slice!.kept.map((statement) => statement.getText(sourceFile).split('\n')[0]);
    expect(kept).toEqual([
      "import { OpenRouter } from '@openrouter/sdk';",
      "const baseTitle = 'Chatbot';",
      'const appTitle = baseTitle;',
      ...Array.from({ length: COUNT }, (_, n) => linked(n).trimEnd()),
      "export const client = new OpenRouter({ httpReferer: 'https://acme.dev', appTitle });",
    ]);
  });

  it('gives ESLint\'s findings on the whole text', () => {
    const diagnostics = test.service.getSemanticDiagnostics(fileName).filter((diagnostic) => diagnostic.source === 'openrouter');
    const expected = eslintMessages(code, fileName, program).map((message) => ({
      message: message.message,
      start: ts.getPositionOfLineAndCharacter(sourceFile, message.line - 1, message.column - 1),
    }));
    expect(expected.map(({ message }) => message)).toEqual([expect.stringContaining('Chatbot')]);
    expect(diagnostics.map(({ messageText, start }) => ({ message: messageText, start }))).toEqual(expected);
  });
});
