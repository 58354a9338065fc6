/**
 * Slicing across edits: the facts read of a statement are kept per node, and tsserver's incremental
 * parse keeps the nodes an edit does not touch, so an edit must still be seen in the statement it
 * changed and in what that statement now links to.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sliceStatements } from '../../src/hosts/tsserver/statement-slice.js';

const LEDGER = 'export interface Ledger {\n  entries: readonly number[];\n}\n\n';
const SUM = 'export function sum(ledger: Ledger): number {\n  return ledger.entries.reduce((total, entry) => total + entry, 0);\n}\n\n';
const REPORT = 'export function report(): number {\n  return 0;\n}\n\n';
const SITE = "import OpenAI from 'openai';\nexport const openRouterClient = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\n";

const firstLines = (slice: ReturnType<typeof sliceStatements>) => slice?.kept.map((statement) => statement.getText().split('\n')[0]);

describe('sliceStatements across edits', () => {
  it('reads again the statement an edit changed, beside the nodes the incremental parse kept', () => {
    const text = `${LEDGER}${SUM}${REPORT}${SITE}`;
    const file = ts.createSourceFile('/app/client.ts', text, ts.ScriptTarget.ES2022, true);
    expect(firstLines(sliceStatements(ts, file, [], {}))).toEqual(['export interface Ledger {', "import OpenAI from 'openai';", SITE.split('\n')[1]]);

    // `report` now reads the client: it shares a name with the site and is kept.
    const at = text.indexOf('0;\n}');
    const inserted = 'openRouterClient.maxRetries + ';
    const edited = ts.updateSourceFile(file, text.slice(0, at) + inserted + text.slice(at), { span: { start: at, length: 0 }, newLength: inserted.length });
    // The statements before the edit are the same nodes: their facts are reused, and must still hold.
    expect(edited.statements[0]).toBe(file.statements[0]);
    expect(firstLines(sliceStatements(ts, edited, [], {}))).toEqual([
      'export interface Ledger {',
      'export function report(): number {',
      "import OpenAI from 'openai';",
      SITE.split('\n')[1],
    ]);
  });
});
