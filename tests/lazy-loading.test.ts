/**
 * What the built package loads, asked of a fresh Node process: the modules a JavaScript lint does not need
 * (the Python front-end and its parser, the module reader's parsers, the audit's report writers, the
 * TypeScript compiler, ESLint's option validator) stay unloaded when the ESLint entry is required, and after it lints and fixes a
 * JavaScript file with a site; the first Python file loads the front-end. No time is measured: a module
 * loaded too early fails the test whatever the machine's speed.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO } from './built-package.js';

/** Runs `script` (CommonJS, in the repository) and returns the files required by then, relative to the repository. */
function loadedAfter(script: string): string[] {
  const report = `;process.stdout.write(JSON.stringify(Object.keys(require.cache).map((file) => require('node:path').relative(${JSON.stringify(REPO)}, file))))`;
  const output = execFileSync(process.execPath, ['-e', script + report], { cwd: REPO, encoding: 'utf8' });
  return (JSON.parse(output) as string[]).map((file) => file.split('\\').join('/'));
}

/** Modules no JavaScript lint of a file without imports needs. */
const PYTHON = [/^dist\/analysis\/python\/(?!front-end|python-source|parse|nodes)/, /node_modules\/@lezer\//];
const HEAVY = [
  ...PYTHON,
  /node_modules\/oxc-parser\//,
  /node_modules\/typescript\//,
  /node_modules\/node-sarif-builder\//,
  /^dist\/hosts\//,
  // ESLint's validator of rule options: the rules take none and refuse them themselves.
  /node_modules\/ajv\//,
];
const heavyIn = (files: readonly string[]) => files.filter((file) => HEAVY.some((pattern) => pattern.test(file)));

const LINT_JAVASCRIPT = `
const { Linter } = require('eslint');
const plugin = require('./dist/index.js');
const linter = new Linter();
const code = "import OpenAI from 'openai';\\nconst client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: process.env.KEY });\\n";
const config = [{ files: ['**/*.js'], ...plugin.configs.strict }, { settings: { openrouter: { referer: 'https://acme.dev', title: 'Acme' } } }];
const fixed = linter.verifyAndFix(code, config, 'client.js');
if (!fixed.fixed) throw new Error('the file was not fixed: ' + JSON.stringify(fixed.messages));
`;

describe('what the built package loads', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it('loads none of the heavy modules when the ESLint entry is required', () => {
    const files = loadedAfter("require('./dist/index.js')");
    expect(files).toContain('dist/index.js');
    expect(heavyIn(files)).toEqual([]);
  });

  it('loads none of them to lint and fix a JavaScript file', () => {
    const files = loadedAfter(LINT_JAVASCRIPT);
    expect(files).toContain('dist/analysis/sites/find-sites.js');
    expect(heavyIn(files)).toEqual([]);
  });

  it('loads no Python module when the tsserver plugin is required', () => {
    const files = loadedAfter("require('./ts-plugin/index.js')");
    expect(files).toContain('dist/hosts/tsserver/index.js');
    expect(files.filter((file) => PYTHON.some((pattern) => pattern.test(file)))).toEqual([]);
  });

  it('loads the Python front-end and its parser on the first Python file', () => {
    const files = loadedAfter(`
const { Linter } = require('eslint');
const plugin = require('./dist/index.js');
const messages = new Linter().verify('from openai import OpenAI\\nclient = OpenAI(base_url="https://openrouter.ai/api/v1")\\n', [plugin.configs.python], 'client.py');
if (messages.length === 0) throw new Error('no finding on the Python file');
`);
    expect(files).toContain('dist/analysis/python/find-python-sites.js');
    expect(files.some((file) => file.includes('node_modules/@lezer/python/'))).toBe(true);
  });
});
