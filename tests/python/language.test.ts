/**
 * Python through ESLint: `configs.python` runs the plugin's rules on `.py` files with the plugin's Python
 * language, whose SourceCode carries the parse the analysis reads, places reports, and honours
 * `# eslint-disable` comments.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { PythonSourceCode } from '../../src/languages/python/source-code.js';

const linter = new Linter({ configType: 'flat' });
const lint = (code: string, settings: Record<string, unknown> = {}) =>
  linter.verify(code, [{ ...plugin.configs.python, settings }], 'app.py').map((message) => `${message.line}:${message.column}:${message.ruleId}`);

const UNATTRIBUTED = 'from openai import OpenAI\n\nclient = OpenAI(base_url="https://openrouter.ai/api/v1", api_key=key)\n';

describe('configs.python', () => {
  it('reports an unattributed OpenRouter client in a .py file, where it is written', () => {
    expect(lint(UNATTRIBUTED)).toEqual(['3:10:openrouter/require-referer']);
  });

  it('checks the values a Python file sends as it checks JavaScript\'s', () => {
    const headers = (referer: string, title = '') =>
      `from openai import OpenAI\n\nclient = OpenAI(base_url="https://openrouter.ai/api/v1", default_headers={"HTTP-Referer": ${referer}${title}})\n`;
    expect(lint(headers('"https://acme.dev"', ', "X-Title": "Acme Docs"'))).toEqual([]);
    expect(lint(headers('"http://localhost:3000"'))).toEqual(['3:91:openrouter/require-title-for-localhost']);
    expect(lint(headers('"https://acme.dev"', ', "X-Title": "Chatbot"'))).toEqual(['3:122:openrouter/no-generic-title']);
  });

  it('honours eslint-disable comments written as Python comments', () => {
    const disabled = UNATTRIBUTED.replace('client =', '# eslint-disable-next-line openrouter/require-referer -- a local experiment\nclient =');
    expect(lint(disabled)).toEqual([]);
    expect(lint(`${UNATTRIBUTED.trimEnd()}  # eslint-disable-line openrouter/require-referer\n`)).toEqual([]);
    expect(lint(`# eslint-disable openrouter/require-referer\n${UNATTRIBUTED}`)).toEqual([]);
  });

  it('does not parse a file that names no client, completions path or attribution header', () => {
    const source = new PythonSourceCode('x = 1\n', null);
    expect(source.python).toBeNull();
    expect(source.getDisableDirectives()).toEqual({ problems: [], directives: [] });
    expect(lint('import json\n\nprint(json.dumps({"a": 1}))\n')).toEqual([]);
  });

  it('places a node by its offsets, lines 1-based and columns 0-based, across line endings', () => {
    const source = new PythonSourceCode('a = 1\r\nb = 2\nc', null);
    expect(source.ast.loc).toEqual({ start: { line: 1, column: 0 }, end: { line: 3, column: 1 } });
    expect(source.lines).toEqual(['a = 1', 'b = 2', 'c']);
  });

  it('refuses language options as a config error that names them', () => {
    expect(() => linter.verify(UNATTRIBUTED, [{ ...plugin.configs.python, languageOptions: { ecmaVersion: 2022 } }], 'app.py')).toThrow(
      'Key "languageOptions": openrouter/python takes no language options (got ecmaVersion)',
    );
  });
});
