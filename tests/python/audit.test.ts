/** The audit reads Python files beside JavaScript ones: one report per repository whatever its languages. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditJson, BUILD_TIMEOUT_MS, ensureBuilt, findingLines, identity, runCli, temporaryDirectory, UNATTRIBUTED_CLIENT, writeTree } from '../audit/audit-cli.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);
const { directory: org, remove } = temporaryDirectory('python');
afterAll(remove);

const PYTHON_CLIENT = 'from openai import OpenAI\n\nclient = OpenAI(base_url="https://openrouter.ai/api/v1", api_key=key)\n';

describe('audit on Python files', () => {
  it('scans .py files (not .pyi stubs) and reports their findings with the JavaScript ones', () => {
    writeTree(org, {
      'mixed/.git/HEAD': 'ref: refs/heads/main\n',
      'mixed/package.json': identity('https://acme.dev', 'Acme Docs'),
      'mixed/web/client.ts': UNATTRIBUTED_CLIENT,
      'mixed/service/llm.py': PYTHON_CLIENT,
      'mixed/service/llm.pyi': 'from openai import OpenAI\nclient: OpenAI\n',
      'mixed/service/util.py': 'def add(a, b):\n    return a + b\n',
    });
    const { status, report } = auditJson(['mixed'], org);
    expect(status).toBe(1);
    expect(report.repositories[0]).toMatchObject({ filesScanned: 3 });
    expect(findingLines(report).filter((line) => line.includes('llm.py'))).toEqual(['mixed: service/llm.py:3 openrouter/require-referer']);
    expect(findingLines(report).some((line) => line.includes('client.ts'))).toBe(true);
  });

  it('audits a Python file that posts to a URL its config module holds, without naming OpenRouter itself', () => {
    writeTree(org, {
      'service/.git/HEAD': 'ref: refs/heads/main\n',
      'service/config.py': 'import os\nLLM_API_URL = os.getenv("LLM_API_URL", "https://openrouter.ai/api/v1/chat/completions")\n',
      'service/main.py': 'import requests\nfrom config import LLM_API_URL\n\nrequests.post(LLM_API_URL, json=payload, headers={"Authorization": key})\n',
    });
    const { report } = auditJson(['service'], org);
    expect(findingLines(report)).toEqual(['service: main.py:4 openrouter/require-referer']);
  });

  it('lists Python sites and formats them for code scanning as it does JavaScript ones', () => {
    writeTree(org, { 'py-only/.git/HEAD': 'ref: refs/heads/main\n', 'py-only/app.py': PYTHON_CLIENT });
    const sites = runCli(['audit', '--list-sites', 'py-only'], org);
    expect(sites.stdout).toContain(path.join('app.py'));
    const sarif = runCli(['audit', '--format', 'sarif', 'py-only'], org);
    expect(JSON.parse(sarif.stdout).runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['openrouter/require-referer']);
  });
});
