/**
 * One measurement of `npm run attack`, in a process of its own so that its peak memory is its own:
 * `node attack-run.mjs <case> <mode> <runs> <scale>` with mode `parse` (ESLint with no rules: the
 * parser and scope analysis), `lint` (every rule) or `fix` (every rule, fixes applied). Prints one
 * JSON line: median milliseconds, peak RSS, and for `lint`/`fix` what the rules produced.
 *
 * A project input (`project`) lints each of its files in turn, once (a second round would find its
 * imports parsed); an audit input (`audit`) runs the audit CLI in this process on its files, `fix`
 * with `--fix`, against parsing the same files; a merge input (`merge`) runs `audit --merge` (`lint`
 * as JSON, `fix` as SARIF, which writes several times the bytes it reads) against reading and
 * parsing its reports as JSON.
 */
import { readFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../../dist/index.js';
import { attackInputs } from './attack-inputs.mjs';

const [name, mode, runsText, scaleText] = process.argv.slice(2);
const input = attackInputs(Number(scaleText)).find((candidate) => candidate.name === name);
if (!input) throw new Error(`no attack input named ${name}`);

// Outside any repository: the file's own folder is the project (some inputs put a package.json there).
const root = mkdtempSync(path.join(tmpdir(), 'openrouter-attack-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, '.git'));
const filename = path.join(root, 'src', input.filename ?? 'client.ts');
mkdirSync(path.dirname(filename), { recursive: true });
input.prepare?.(root);
writeFileSync(filename, input.code);

// Python: parsing is the plugin's Python language with no rules, linting the same with every rule.
const python = { files: ['**/*.py'], plugins: { openrouter: plugin }, language: 'openrouter/python' };
const parsing = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, python];
const linting = [
  ...parsing,
  { files: ['**/*.ts', '**/*.js'], ...plugin.configs.strict },
  { ...python, rules: plugin.configs.strict.rules },
  ...(input.settings === undefined ? [] : [{ settings: { openrouter: input.settings } }]),
];
const linter = new Linter({ cwd: root });

if (input.project || input.audit || input.merge) {
  // Loaded before the clock starts, as ESLint's Linter is.
  const cli = input.audit || input.merge ? await import('../../dist/hosts/audit/cli.js') : null;
  const auditCli = async (args) => {
    const write = process.stdout.write;
    process.stdout.write = () => true;
    try {
      await cli.main(args, root);
    } finally {
      process.stdout.write = write;
    }
  };
  const files = input.project?.(root) ?? input.audit?.(root).files ?? input.merge(root);
  const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
  const messages = [];
  const start = performance.now();
  if (input.merge) {
    if (mode === 'parse') for (const report of files) JSON.parse(readFileSync(report, 'utf8'));
    else await auditCli(['audit', '--merge', '--format', mode === 'lint' ? 'json' : 'sarif', ...files]);
  } else if (mode === 'parse') {
    for (const file of files) linter.verify(readFileSync(file, 'utf8'), parsing, file);
  } else if (input.audit) {
    await auditCli([...input.audit(root).args, ...(mode === 'fix' ? ['--fix'] : [])]);
  } else {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      messages.push(...(mode === 'lint' ? linter.verify(text, linting, file) : linter.verifyAndFix(text, linting, file).messages));
    }
  }
  const ms = performance.now() - start;
  const result = { ms, rss: process.resourceUsage().maxRSS * 1024, bytes };
  if (mode === 'lint') Object.assign(result, { messages: messages.length, longestMessage: 0, internalErrors: messages.filter((message) => message.messageId === 'internalError').map((message) => message.message), fatal: [] });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

const times = [];
let messages = [];
let fixed = null;
for (let run = 0; run < Number(runsText); run++) {
  const start = performance.now();
  if (mode === 'parse') linter.verify(input.code, parsing, filename);
  else if (mode === 'lint') messages = linter.verify(input.code, linting, filename);
  else fixed = linter.verifyAndFix(input.code, linting, filename);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const result = { ms: times[Math.floor(times.length / 2)], rss: process.resourceUsage().maxRSS * 1024 };
if (mode === 'lint') {
  result.messages = messages.length;
  result.longestMessage = Math.max(0, ...messages.map((message) => message.message.length));
  result.internalErrors = messages.filter((message) => message.messageId === 'internalError').map((message) => message.message);
  result.fatal = messages.filter((message) => message.fatal).map((message) => message.message);
}
if (mode === 'fix' && fixed) {
  const again = linter.verifyAndFix(fixed.output, linting, filename);
  // Fatal only after fixing: a file the parser refused from the start is the parser's limit.
  result.fixedParses = !fixed.messages.some((message) => message.fatal) || !fixed.fixed;
  result.idempotent = !again.fixed;
}
process.stdout.write(`${JSON.stringify(result)}\n`);
