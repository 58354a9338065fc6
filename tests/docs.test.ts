/**
 * The examples in each rule doc are linted with the real ESLint class: every block under
 * `### Incorrect` must be reported by its rule, every block under `### Correct` must pass it. So the
 * docs cannot drift from what the rules do.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLE_SECTIONS = ['Incorrect', 'Correct'] as const;
type ExampleSection = (typeof EXAMPLE_SECTIONS)[number];

interface DocExample {
  readonly section: ExampleSection;
  /** The flat config's `settings` the example is linted with: the last ```json block before it in its section. */
  readonly settings?: Record<string, unknown>;
  /** 1-based line of the opening fence, for test names and failure messages. */
  readonly line: number;
  readonly code: string;
}

interface RuleDoc {
  /** `###` headings found, in order. */
  readonly headings: readonly string[];
  readonly examples: readonly DocExample[];
}

/**
 * The ```ts blocks of a doc that sit under `### Incorrect` or `### Correct`. A section runs until
 * the next heading of any level; lines inside fences are never taken for headings.
 */
function readRuleDoc(markdown: string): RuleDoc {
  const headings: string[] = [];
  const examples: DocExample[] = [];
  let section: ExampleSection | null = null;
  let settings: Record<string, unknown> | undefined;
  let fence: { marker: string; language: string; line: number; lines: string[] } | null = null;
  markdown.split(/\r?\n/).forEach((text, index) => {
    if (fence) {
      if (text.trim() === fence.marker) {
        if (section && fence.language === 'json') settings = JSON.parse(fence.lines.join('\n')) as Record<string, unknown>;
        if (section && fence.language === 'ts') examples.push({ section, line: fence.line, code: `${fence.lines.join('\n')}\n`, ...(settings ? { settings } : {}) });
        fence = null;
      } else fence.lines.push(text);
      return;
    }
    const opening = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(text);
    if (opening) {
      fence = { marker: opening[1]!, language: opening[2]!.toLowerCase(), line: index + 1, lines: [] };
      return;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    if (!heading) return;
    const [, hashes, title] = heading;
    if (hashes!.length === 3) headings.push(title!);
    section = hashes!.length === 3 ? (EXAMPLE_SECTIONS.find((name) => name === title) ?? null) : null;
    settings = undefined;
  });
  return { headings, examples };
}

/** An ESLint with only `rule` on, the typescript-eslint parser and the example's settings (none by default). */
function eslintFor(rule: string, settings?: Record<string, unknown>): ESLint {
  const config: Linter.Config = {
    languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
    plugins: { openrouter: plugin },
    rules: { [`openrouter/${rule}`]: 'error' },
    ...(settings ? { settings } : {}),
  };
  return new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [config] });
}

/** No file path: the code is `<text>`, so no package.json identity is looked up for it. */
async function lintExample(eslint: ESLint, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code);
  return result!.messages;
}

function describeMessages(messages: readonly Linter.LintMessage[]): string {
  return messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? 'parser'}: ${message.message}`).join('\n') || '(none)';
}

describe('readRuleDoc', () => {
  it('takes ts blocks under the example headings only, and ignores headings inside fences', () => {
    const doc = readRuleDoc(
      [
        '# title',
        '```ts',
        'ignored();',
        '```',
        '### Incorrect',
        '```ts',
        'bad();',
        '```',
        '```sh',
        '# not a heading',
        '```',
        '```js',
        'notTs();',
        '```',
        '### Correct',
        '````ts',
        'good();',
        '````',
        '## Next',
        '```ts',
        'outside();',
        '```',
      ].join('\n'),
    );
    expect(doc.headings).toEqual(['Incorrect', 'Correct']);
    expect(doc.examples).toEqual([
      { section: 'Incorrect', line: 6, code: 'bad();\n' },
      { section: 'Correct', line: 16, code: 'good();\n' },
    ]);
  });
});

describe.each(Object.keys(rules))('docs/rules/%s.md', (rule) => {
  const file = path.join(ROOT, 'docs', 'rules', `${rule}.md`);
  if (!existsSync(file)) {
    it('exists', () => expect.fail(`${path.relative(ROOT, file)} is missing`));
    return;
  }
  const doc = readRuleDoc(readFileSync(file, 'utf8'));
  const ruleId = `openrouter/${rule}`;

  it('has "### Incorrect" and "### Correct" sections, each with ts examples', () => {
    for (const section of EXAMPLE_SECTIONS) {
      expect(doc.headings, `### ${section} heading`).toContain(section);
      expect(doc.examples.filter((example) => example.section === section).length, `ts blocks under ### ${section}`).toBeGreaterThan(0);
    }
  });

  for (const example of doc.examples) {
    const where = `${rule}.md:${example.line}`;
    if (example.section === 'Incorrect') {
      it(`reports the incorrect example at line ${example.line}`, async () => {
        const messages = await lintExample(eslintFor(rule, example.settings), example.code);
        expect(messages.filter((message) => message.fatal), `${where} parses\n${describeMessages(messages)}`).toEqual([]);
        const reports = messages.filter((message) => message.ruleId === ruleId);
        expect(reports.length, `${where} is reported by ${ruleId}\n${example.code}`).toBeGreaterThan(0);
      });
    } else {
      it(`passes the correct example at line ${example.line}`, async () => {
        const messages = await lintExample(eslintFor(rule, example.settings), example.code);
        expect(messages, `${where} parses and is not reported\n${describeMessages(messages)}\n${example.code}`).toEqual([]);
      });
    }
  }
});
