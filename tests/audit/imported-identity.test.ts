/** The audit reads a file that imports a client but takes OpenRouter's URL from a project module that names it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, runCli, temporaryDirectory, writeTree } from './audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const { directory: org, remove } = temporaryDirectory('imported-identity');
afterAll(remove);

writeTree(org, {
  'app/package.json': { name: 'app', private: true },
  'app/src/config.ts': "export const config = { baseUrl: process.env.BASE_URL ?? 'https://openrouter.ai/api/v1' };\n",
  'app/src/client.ts': "import OpenAI from 'openai';\nimport { config } from './config';\nexport const client = new OpenAI({ baseURL: config.baseUrl });\n",
  'app/src/other.ts': "import OpenAI from 'openai';\nimport { vendor } from './vendor';\nexport const client = new OpenAI({ baseURL: vendor.baseUrl });\n",
  'app/src/vendor.ts': "export const vendor = { baseUrl: 'https://api.vendor.example/v1' };\n",
});

describe('audit: OpenRouter named only in an imported module', () => {
  it('reports the client whose base URL a module it imports gives, and nothing for one pointed elsewhere', () => {
    const run = runCli(['audit', '--format', 'json', 'app'], org);
    const report = JSON.parse(run.stdout) as { repositories: { findings: { file: string; ruleId: string }[] }[] };
    expect(report.repositories[0]!.findings.map((finding) => `${finding.file}:${finding.ruleId}`)).toEqual(['src/client.ts:openrouter/require-referer']);
  });
});
