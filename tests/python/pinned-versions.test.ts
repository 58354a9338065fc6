/** The major of a package a Python project pins, read from its dependency files, and what a row makes of it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { findPythonSites } from '../../src/analysis/python/find-python-sites.js';
import { parsePython } from '../../src/analysis/python/parse.js';
import { majorOfSpecifier, pinnedMajor } from '../../src/analysis/python/pinned-versions.js';
import { temporaryFolder } from '../temporary-folders.js';
import { siteSummary } from './summaries.js';

function project(files: Record<string, string>): string {
  const root = temporaryFolder('openrouter-python-');
  mkdirSync(path.join(root, '.git'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return root;
}

describe('pinned majors', () => {
  it('reads the specifiers that allow one major only', () => {
    for (const [specifier, major] of [
      ['==0.28', 0], ['==0.28.1', 0], ['~=0.28.1', 0], ['^0.28', 0], ['0.27.8', 0], ['== 1.3.*', 1], ['>=0.27,<1', 0], ['>=1.2,<2.0', 1], ['==0.28 ; python_version>"3.8"', 0],
      ['>=0.27', null], ['<1', null], ['', null], ['*', null], ['>=0.27,<2', null], ['~=1', null], ['!=1.0', null],
    ] as const) expect([specifier, majorOfSpecifier(specifier)]).toEqual([specifier, major]);
  });

  it('reads requirements files, pyproject (PEP 621 and Poetry), Pipfile and a literal install_requires, when they agree', () => {
    expect(pinnedMajor(project({ 'requirements.txt': '# pins\nlangchain==0.0.217\nOpenAI==0.28  # old\n-r other.txt\n' }), 'openai')).toBe(0);
    expect(pinnedMajor(project({ 'pyproject.toml': '[project]\nname = "app"\ndependencies = [\n  "openai>=1.2,<2",\n]\n' }), 'openai')).toBe(1);
    expect(pinnedMajor(project({ 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.11"\nopenai = "^0.28"\n' }), 'openai')).toBe(0);
    expect(pinnedMajor(project({ 'Pipfile': '[packages]\nopenai = {version = "==0.28.1"}\n' }), 'openai')).toBe(0);
    expect(pinnedMajor(project({ 'setup.py': 'setup(name="app", install_requires=["openai==0.28", "requests"])\n' }), 'openai')).toBe(0);
    // Two files that disagree, or a range: no answer.
    expect(pinnedMajor(project({ 'requirements.txt': 'openai==0.28\n', 'requirements-dev.txt': 'openai==1.3\n' }), 'openai')).toBeNull();
    expect(pinnedMajor(project({ 'requirements.txt': 'openai>=0.27\n' }), 'openai')).toBeNull();
    expect(pinnedMajor(project({ 'requirements.txt': 'requests==2.0\n' }), 'openai')).toBeNull();
  });
});

const CHAT = 'from langchain.chat_models import ChatOpenAI\nChatOpenAI(openai_api_base="https://openrouter.ai/api/v1", extra_headers={"HTTP-Referer": "https://acme.dev"}, headers={"X-Title": "Acme"})\n';

describe('ChatOpenAI under a pinned openai', () => {
  it('does not take extra_headers for headers under openai 0.x, and reports them as ignored', () => {
    const root = project({ 'requirements.txt': 'langchain==0.0.217\nopenai==0.28\n' });
    expect(findPythonSites(parsePython(CHAT), path.join(root, 'app.py')).map(siteSummary)).toEqual([
      { row: 'python-langchain-openai', line: 2, referer: 'absent', title: ['Acme'], categories: 'absent' },
    ]);
    const linter = new Linter({ configType: 'flat', cwd: root });
    const messages = linter.verify(CHAT, [plugin.configs.python], path.join(root, 'app.py')).map((message) => `${message.ruleId}:${message.messageId}`);
    expect(messages).toEqual(['openrouter/no-ignored-attribution:ignoredOption']);
  });

  it('reads them as headers under openai 1.x or without a pin', () => {
    for (const files of [{ 'requirements.txt': 'openai==1.40.0\n' }, {}] as Record<string, string>[]) {
      const root = project(files);
      expect(findPythonSites(parsePython(CHAT), path.join(root, 'app.py')).map(siteSummary)).toEqual([
        { row: 'python-langchain-openai', line: 2, referer: ['https://acme.dev'], title: ['Acme'], categories: 'absent' },
      ]);
    }
  });
});
