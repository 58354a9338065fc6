/**
 * The statement slice links statements through names declared at the top level only: from a kept
 * statement to the declarations of the names it mentions and to the statements that mention the
 * names it declares. Words no top-level statement declares (member names, locals, globals) link
 * nothing, so a site whose parameter's type shares its member names with every class keeps that
 * type and its users, not the file, and the findings stay ESLint's on the whole text.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { sliceStatements } from '../../src/hosts/tsserver/statement-slice.js';
import { createTestService } from './in-memory-service.js';

const ROOT = '/openrouter-declared-links';
const COUNT = 200;

/** A block of typed code whose member names (`id`, `items`, `status`, ...) every block shares. */
const block = (n: number): string =>
  `export interface Order${n} {\n  id: string;\n  items: ReadonlyArray<{ sku: string; price: number }>;\n  status: 'open' | 'paid';\n}\n\n` +
  `export class OrderService${n} {\n  private readonly orders = new Map<string, Order${n}>();\n  add(order: Order${n}): void {\n    this.orders.set(order.id, order);\n  }\n}\n\n` +
  `export function open${n}(orders: readonly Order${n}[]): Order${n}[] {\n  return orders.filter((order) => order.status === 'open');\n}\n\n`;

/** A site that reads a parameter typed with the first block's interface, a client used by a later function, and a generic title two constants away. */
function linkedFile(): string {
  let text = "import { OpenRouter } from '@openrouter/sdk';\n\ndeclare const apiKey: string;\nconst baseTitle = 'Chatbot';\nconst appTitle = baseTitle;\n\n";
  for (let n = 0; n < COUNT; n++) text += block(n);
  return (
    `${text}export function send(order: Order0) {\n  return new OpenRouter({ apiKey, httpReferer: 'https://acme.dev', appTitle: order.id });\n}\n` +
    `export const client = new OpenRouter({ apiKey, httpReferer: 'https://acme.dev', appTitle });\n` +
    `export function ask(prompt: string) {\n  return client.chat.send({ model: 'm', messages: [{ role: 'user', content: prompt }] });\n}\n`
  );
}

function eslintMessages(code: string, fileName: string, program: ts.Program): Linter.LintMessage[] {
  const parser = { parseForESLint: (text: string, options: Record<string, unknown>) => tsParser.parseForESLint(text, { ...options, programs: [program] }) };
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: parser as Linter.Parser }, plugins: { openrouter: plugin }, rules: plugin.configs.strict.rules },
  ];
  return new Linter({ cwd: '/' }).verify(code, config, { filename: fileName });
}

describe('links through names declared at the top level', () => {
  const code = linkedFile();
  const fileName = `${ROOT}/linked.ts`;
  const test = createTestService(ROOT, { 'linked.ts': code }, { config: 'strict' });
  const program = test.service.getProgram()!;
  const sourceFile = program.getSourceFile(fileName)!;

  it('keeps the declarations a kept statement names and the statements that name what it declares, not what shares a member name', () => {
    const slice = sliceStatements(ts, sourceFile, program.getSemanticDiagnostics(sourceFile), program.getCompilerOptions());
    expect(slice?.kept.map((statement) => statement.getText(sourceFile).split('\n')[0])).toEqual([
      "import { OpenRouter } from '@openrouter/sdk';",
      'declare const apiKey: string;',
      "const baseTitle = 'Chatbot';",
      'const appTitle = baseTitle;',
      // Named by the site's parameter, and the users of that name.
      'export interface Order0 {',
      'export class OrderService0 {',
      'export function open0(orders: readonly Order0[]): Order0[] {',
      'export function send(order: Order0) {',
      'export const client = new OpenRouter({ apiKey, httpReferer: \'https://acme.dev\', appTitle });',
      // Mentions the client a kept statement declares.
      'export function ask(prompt: string) {',
    ]);
  });

  it("gives ESLint's findings on the whole text", () => {
    const diagnostics = test.service.getSemanticDiagnostics(fileName).filter((diagnostic) => diagnostic.source === 'openrouter');
    const expected = eslintMessages(code, fileName, program).map((message) => ({
      message: message.message,
      start: ts.getPositionOfLineAndCharacter(sourceFile, message.line - 1, message.column - 1),
    }));
    expect(expected.some(({ message }) => message.includes('Chatbot'))).toBe(true);
    expect(diagnostics.map(({ messageText, start }) => ({ message: messageText, start }))).toEqual(expected);
  });
});
