/**
 * One measurement of `npm run attack`, in a process of its own so that its peak memory is its own:
 * `node attack-run.mjs <case> <mode> <runs> <scale>` with mode `parse` (ESLint with no rules: the
 * parser and scope analysis), `lint` (every rule) or `fix` (every rule, fixes applied). Prints one
 * JSON line: median milliseconds, peak RSS, and for `lint`/`fix` what the rules produced.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
mkdirSync(path.join(root, '.git'));
const filename = path.join(root, 'src', input.filename ?? 'client.ts');
mkdirSync(path.dirname(filename), { recursive: true });
input.prepare?.(root);
writeFileSync(filename, input.code);

const parsing = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }];
const linting = [...parsing, { files: ['**/*.ts', '**/*.js'], ...plugin.configs.strict }, ...(input.settings === undefined ? [] : [{ settings: { openrouter: input.settings } }])];
const linter = new Linter({ cwd: root });

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
