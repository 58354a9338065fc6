/** SARIF rules through the built CLI: `fullDescription` and `help` (text and markdown), read from each rule's doc as the package ships it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../built-package.js';
import { BUILD_TIMEOUT_MS, ensureBuilt, identity, runCli, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: org, remove } = temporaryDirectory('sarif-help');
afterAll(remove);
writeTree(org, { 'app/package.json': identity('https://acme-notes.dev', 'Acme Notes'), 'app/src/client.ts': UNATTRIBUTED_CLIENT });

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
  helpUri?: string;
}

describe('SARIF rule help', () => {
  it('gives every rule of the config its doc as fullDescription and help', () => {
    const { status, stdout } = runCli(['audit', '--format', 'sarif', '--config', 'strict', 'app'], org);
    expect(status).toBe(1);
    const rules = (JSON.parse(stdout) as { runs: { tool: { driver: { rules: SarifRule[] } } }[] }).runs[0]!.tool.driver.rules;
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) {
      const doc = readFileSync(path.join(REPO, 'docs/rules', `${rule.id.replace('openrouter/', '')}.md`), 'utf8');
      const body = doc.slice(doc.indexOf('<!-- end auto-generated rule header -->') + 40).trim();
      const firstParagraph = body.split('\n\n')[0]!;
      expect(rule.fullDescription?.text, rule.id).toBe(firstParagraph.replace(/`|\*\*/g, '').replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)').replace(/\s*\n\s*/g, ' '));
      expect(rule.help?.markdown, rule.id).toContain(body.split('\n').find((line) => line.startsWith('## '))!);
      expect(rule.help?.text.length, rule.id).toBeGreaterThan(firstParagraph.length);
      expect(rule.help?.text, rule.id).not.toContain('```');
      // Relative links of a doc are made absolute: an alert is read far from the repository.
      expect(rule.help?.markdown, rule.id).not.toMatch(/\]\((?!https?:|#)/);
    }
    const referer = rules.find((rule) => rule.id === 'openrouter/require-referer')!;
    expect(referer.fullDescription!.text).toMatch(/^OpenRouter credits usage to an app through the HTTP-Referer header/);
    expect(referer.help!.markdown).toContain('](https://github.com/eslint-plugin-openrouter/eslint-plugin-openrouter/blob/v');
    expect(referer.help!.markdown).toContain('/README.md#supported-clients)');
  });
});
