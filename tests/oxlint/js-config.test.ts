/**
 * An Oxlint JavaScript config (`oxlint.config.mjs`, loaded with `-c`) that imports the plugin to
 * spread `configs.recommended.rules`. The import loads the plugin before Oxlint patches `WeakMap`
 * for its one shared `sourceCode` object, so per-file caches must not be keyed by `sourceCode`:
 * files without OpenRouter calls between files with them must get no stale reports.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, createConsumer, readText, recommendedRules, runOxlint, writeFile, type Consumer, type OxlintRun } from './consumer-project.js';
import { createESLint, eslintReports, oxlintReports, type ReportsByFile } from './reports.js';

const SETTINGS = { referer: 'https://acmenotes.app', title: 'Acme Notes' };

const CONFIG = `import openrouter from 'eslint-plugin-openrouter';

export default {
  jsPlugins: ['eslint-plugin-openrouter'],
  rules: { ...openrouter.configs.recommended.rules },
  settings: { openrouter: ${JSON.stringify(SETTINGS)} },
};
`;

let consumer: Consumer;
let run: OxlintRun;
let expected: ReportsByFile;

beforeAll(async () => {
  consumer = createConsumer('oxlint-js-config');
  const project = path.join(consumer.root, 'app');
  copyFixture('settings-identity', project);
  // Files without OpenRouter calls, linted before and between the fixture's files.
  for (const name of ['src/0-util.ts', 'src/components/0-Button.tsx', 'src/m-helpers.mjs']) writeFile(path.join(project, name), 'export const answer = 42;\n');
  writeFile(path.join(project, 'src/z-last.cjs'), 'module.exports = 42;\n');
  writeFile(path.join(project, 'oxlint.config.mjs'), CONFIG);
  // One thread: files are linted one after another by the same JS context, as a stale cache needs.
  run = await runOxlint(project, ['-c', 'oxlint.config.mjs', '--threads', '1']);
  const blocks = [{ rules: recommendedRules(consumer.plugin), settings: { openrouter: SETTINGS } }];
  expected = eslintReports(project, await createESLint(project, consumer.plugin, blocks).lintFiles(['src']));
}, 240_000);

afterAll(() => consumer?.remove());

describe('an oxlint.config.mjs that imports the plugin', () => {
  it('reports what ESLint reports, and nothing on files without OpenRouter calls', () => {
    expect(run.stderr).toBe('');
    const project = path.join(consumer.root, 'app');
    const reports = oxlintReports(project, run.diagnostics, (file) => readText(path.join(project, file)));
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(3);
    expect(reports).toEqual(expected);
  });
});
