/**
 * The audit runs nothing of the audited code: every config, plugin, parser, script or package a
 * repository could make a linter load here writes a marker file if executed, and none appears,
 * while the findings are still right.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditJson, BUILD_TIMEOUT_MS, ensureBuilt, findingLines, identity, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: org, remove } = temporaryDirectory('hostile');
afterAll(remove);
const markers = path.join(org, 'markers');

/** CommonJS that writes a marker named `name` when it runs. */
function marker(name: string): string {
  return `require('node:fs').mkdirSync(${JSON.stringify(markers)}, { recursive: true });\nrequire('node:fs').writeFileSync(${JSON.stringify(path.join(markers, name))}, 'executed');\n`;
}
/** The same for ES modules. */
function esmMarker(name: string): string {
  return `import { mkdirSync, writeFileSync } from 'node:fs';\nmkdirSync(${JSON.stringify(markers)}, { recursive: true });\nwriteFileSync(${JSON.stringify(path.join(markers, name))}, 'executed');\nexport default [];\n`;
}

const repo = path.join(org, 'untrusted');
writeTree(repo, {
  '.git/HEAD': 'ref: refs/heads/main\n',
  'package.json': identity('https://untrusted-fork.dev', 'Untrusted Fork', {
    scripts: {
      preinstall: 'node ./scripts/marker.cjs preinstall',
      postinstall: 'node ./scripts/marker.cjs postinstall',
      prelint: 'node ./scripts/marker.cjs prelint',
      lint: 'node ./scripts/marker.cjs lint',
      pretest: 'node ./scripts/marker.cjs pretest',
    },
    eslintConfig: { parser: './parser.cjs', plugins: ['evil'] },
  }),
  'scripts/marker.cjs': `${marker('script')}`,
  'eslint.config.js': marker('eslint.config.js'),
  'eslint.config.mjs': esmMarker('eslint.config.mjs'),
  'eslint.config.cjs': marker('eslint.config.cjs'),
  'eslint.config.ts': esmMarker('eslint.config.ts'),
  '.eslintrc.js': marker('.eslintrc.js'),
  '.eslintrc.cjs': marker('.eslintrc.cjs'),
  'parser.cjs': marker('parser.cjs'),
  'tsconfig.json': { compilerOptions: { plugins: [{ name: 'evil-ts-plugin' }] } },
  'node_modules/evil-ts-plugin/index.js': marker('evil-ts-plugin'),
  'node_modules/eslint-plugin-evil/index.js': marker('eslint-plugin-evil'),
  'node_modules/@typescript-eslint/parser/package.json': { name: '@typescript-eslint/parser', version: '8.99.0', main: 'index.js' },
  'node_modules/@typescript-eslint/parser/index.js': marker('typescript-eslint-parser'),
  'node_modules/eslint/package.json': { name: 'eslint', version: '10.99.0', main: 'lib/api.js' },
  'node_modules/eslint/lib/api.js': marker('eslint'),
  'node_modules/typescript/package.json': { name: 'typescript', version: '6.0.99', main: 'lib/typescript.js' },
  'node_modules/typescript/lib/typescript.js': marker('typescript'),
  'node_modules/espree/package.json': { name: 'espree', version: '11.99.0', main: 'espree.js' },
  'node_modules/espree/espree.js': marker('espree'),
  'src/client.ts': UNATTRIBUTED_CLIENT,
  'src/server.js': UNATTRIBUTED_CLIENT.replace('client', 'server'),
  // Lint-time code that a config would run: a local rule referenced from the repository's config.
  'eslint-rules/evil-rule.js': marker('local-rule'),
});

describe('auditing an untrusted repository', () => {
  it('executes none of its configs, plugins, parsers, scripts or packages, and finds what it should', () => {
    const { status, report } = auditJson(['untrusted'], org);
    expect(status).toBe(1);
    // Config files are JavaScript too: read as text, like every other file.
    expect(report.repositories[0]).toMatchObject({ filesScanned: 11, sites: 2, attributed: 0 });
    expect(findingLines(report)).toEqual(['untrusted: src/client.ts:2 openrouter/require-referer', 'untrusted: src/server.js:2 openrouter/require-referer']);
    // Fixable: the identity came from package.json, read as JSON.
    expect(report.repositories[0]!.findings.every((finding) => finding.fixable)).toBe(true);
    expect(existsSync(markers) ? readdirSync(markers) : []).toEqual([]);
  });

  it('executes nothing under --fix, in workers, or for a file named on the command line', () => {
    for (const args of [['--fix', 'untrusted'], ['--config', 'strict', '--jobs', '2', 'untrusted/src/client.ts', 'untrusted/src/server.js']]) {
      expect(auditJson(args, org).status).toBeLessThanOrEqual(1);
    }
    const { status, report } = auditJson(['untrusted'], org);
    expect(status).toBe(0);
    expect(report.repositories[0]).toMatchObject({ filesScanned: 11, sites: 2, attributed: 2, findings: [] });
    expect(existsSync(markers) ? readdirSync(markers) : []).toEqual([]);
  });

  it('would have seen a marker: the marker code works when it is run', () => {
    execFileSync(process.execPath, [path.join(repo, 'eslint.config.js')]);
    execFileSync(process.execPath, [path.join(repo, 'node_modules/@typescript-eslint/parser/index.js')]);
    expect(readdirSync(markers).sort()).toEqual(['eslint.config.js', 'typescript-eslint-parser']);
  });
});
