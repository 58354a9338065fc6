/**
 * AG2 (AutoGen 0.2+) config entries: each dict of a `config_list` (or an `llm_config` that is one entry) on
 * an OpenRouter `base_url` is a client, whose `default_headers` and `extra_headers` are sent and whose
 * `headers` never are.
 */
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { sitesIn, sitesOf, pythonProject } from './summaries.js';

const linter = new Linter({ configType: 'flat' });
const lint = (code: string) => linter.verify(code, [plugin.configs.python], 'app.py').map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

const OR = 'https://openrouter.ai/api/v1';
const ENTRY = `"model": "openai/gpt-4o-mini", "base_url": "${OR}", "api_key": os.environ["OPENROUTER_API_KEY"]`;

describe('AG2 config entries', () => {
  it('reports an entry of a config list on OpenRouter with no default_headers, at the entry', () => {
    const code = `import os
import autogen

config_list = [{${ENTRY}}]
assistant = autogen.AssistantAgent("writer", llm_config={"config_list": config_list})
`;
    expect(sitesOf(code)).toEqual([{ row: 'python-ag2', line: 4, referer: 'absent', title: 'absent', categories: 'absent' }]);
    expect(lint(code)).toEqual(['4:openrouter/require-referer:missingReferer']);
  });

  it('is silent on an entry whose default_headers or extra_headers attribute it', () => {
    for (const keyword of ['default_headers', 'extra_headers']) {
      const code = `import os\nimport autogen\n\nllm_config = {"config_list": [{${ENTRY}, "${keyword}": {"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"}}]}\n`;
      expect(lint(code)).toEqual([]);
      expect(sitesOf(code)).toEqual([{ row: 'python-ag2', line: 4, referer: ['https://acme.dev'], title: ['Acme'], categories: 'absent' }]);
    }
  });

  it('reads the default_headers of the llm_config beneath its entries', () => {
    const code = `import os\nimport autogen\n\nllm_config = {"config_list": [{${ENTRY}}], "default_headers": {"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"}}\n`;
    expect(lint(code)).toEqual([]);
  });

  it('reports attribution under `headers` as ignored, once, and not as a missing referer too', () => {
    const code = `import os
from autogen import ConversableAgent

def build_config():
    headers = {}
    referer = os.getenv("OPENROUTER_HTTP_REFERER")
    if referer:
        headers["HTTP-Referer"] = referer
    config = {
        ${ENTRY},
    }
    if headers:
        config["headers"] = headers
    return config

def get_config():
    config_list = [build_config()]
    return {"seed": 42, "config_list": config_list}

agent = ConversableAgent("a", llm_config=get_config())
`;
    expect(sitesOf(code)).toEqual([{ row: 'python-ag2', line: 9, referer: 'absent', title: 'absent', categories: 'absent' }]);
    expect(lint(code)).toEqual(['13:openrouter/no-ignored-attribution:ignoredOption']);
  });

  it('reads entries given through names, methods of the class and a keyword of the call', () => {
    const code = `import os
import autogen

class Writer:
    def _entry(self):
        return {${ENTRY}}

    def agent(self):
        entry = self._entry()
        return autogen.OpenAIWrapper(config_list=[entry])
`;
    expect(sitesOf(code)).toEqual([{ row: 'python-ag2', line: 6, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it('reads each entry of a list held by a config-list name, used here or not', () => {
    const code = `import os\nimport autogen\n\nOAI_CONFIG_LIST = [\n    {"model": "gpt-4o", "api_key": os.environ["OPENAI_API_KEY"]},\n    {${ENTRY}},\n]\n`;
    expect(sitesOf(code)).toEqual([{ row: 'python-ag2', line: 6, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it('reads an llm_config that is itself one entry', () => {
    const code = `import os\nimport autogen\n\nagent = autogen.AssistantAgent("a", llm_config={${ENTRY}})\n`;
    expect(sitesOf(code)).toEqual([{ row: 'python-ag2', line: 4, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it('leaves out entries sent elsewhere, of another api_type, or built from what the file does not show', () => {
    const elsewhere = `import os\nimport autogen\n\nconfig_list = [{"model": "gpt-4o", "base_url": "https://api.openai.com/v1"}]\n`;
    const anthropic = `import os\nimport autogen\n\nconfig_list = [{${ENTRY}, "api_type": "anthropic"}]\n`;
    const unread = `import os\nimport autogen\nfrom settings import ENTRIES\n\nconfig_list = ENTRIES\nllm_config = {"config_list": [*ENTRIES]}\n`;
    for (const code of [elsewhere, anthropic, unread]) expect(sitesOf(code)).toEqual([]);
  });

  it('is no AG2 code unless the file imports AG2 or the project depends on it', () => {
    const code = `import os\n\nconfig_list = [{${ENTRY}}]\n`;
    expect(sitesOf(code)).toEqual([]);
    const plain = pythonProject({ 'requirements.txt': 'requests\n' });
    expect(sitesIn(plain, 'config.py', code)).toEqual([]);
    for (const requirement of ['autogen>=0.2.0', 'ag2[openai]==0.9', 'pyautogen']) {
      const root = pythonProject({ 'requirements.txt': `${requirement}\n` });
      expect(sitesIn(root, 'config.py', code)).toEqual([{ row: 'python-ag2', line: 3, referer: 'absent', title: 'absent', categories: 'absent' }]);
    }
  });

  it('does not take autogen-ext or autogen-agentchat for AG2', () => {
    const code = `import os\nfrom autogen_agentchat.agents import AssistantAgent\n\nconfig_list = [{${ENTRY}}]\n`;
    expect(sitesOf(code)).toEqual([]);
    const root = pythonProject({ 'requirements.txt': 'autogen-agentchat\nautogen-ext[openai]\n' });
    expect(sitesIn(root, path.join('app', 'config.py'), `import os\n\nconfig_list = [{${ENTRY}}]\n`)).toEqual([]);
  });
});
