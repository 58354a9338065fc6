/** What the audit says that the ESLint rules say otherwise: where to set the identity (the audit reads no settings), and where an ES module fails to parse. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditJson, BUILD_TIMEOUT_MS, ensureBuilt, runCli, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: org, remove } = temporaryDirectory('messages');
afterAll(remove);
writeTree(org, {
  'bare/package.json': { name: 'bare', private: true },
  'bare/src/client.ts': UNATTRIBUTED_CLIENT,
  'bare/src/localhost.mjs': [
    "import OpenAI from 'openai';",
    "export const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'http://localhost:3000' } });",
    '',
  ].join('\n'),
  // An ES module with a syntax error on its fourth line; read as a script it would fail at its first `import`.
  'bare/src/module.js': "import OpenAI from 'openai';\n\nexport const client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });\nconst broken = ;\n",
  // A script whose error comes after a top-level return, which a module cannot hold.
  'bare/src/script.js': "const OpenAI = require('openai');\nif (!OpenAI) return;\n\nconst openrouter = ;\n",
});

describe('the audit\'s own wording and places', () => {
  it('tells where to set the identity as the audit reads it: the package.json field, never settings.openrouter', () => {
    const { report } = auditJson(['bare'], org);
    const messages = report.repositories[0]!.findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
    expect(messages.filter((message) => message.includes('To let --fix insert it'))).toEqual([
      expect.stringMatching(/^openrouter\/require-referer: .* To let --fix insert it, set "referer" in the "openrouter" field of package\.json\.$/),
      expect.stringMatching(/^openrouter\/require-title-for-localhost: .* To let --fix insert it, set "title" in the "openrouter" field of package\.json\.$/),
    ]);
    expect(runCli(['audit', 'bare'], org).stdout).not.toContain('settings.openrouter');
  });

  it('places a syntax error of an ES-module .js file, and of a script, where it is', () => {
    const { report } = auditJson(['bare'], org);
    expect(report.repositories[0]!.parseErrors).toEqual([
      { file: 'src/module.js', line: 4, column: 16 },
      { file: 'src/script.js', line: 4, column: 20 },
    ]);
  });
});
