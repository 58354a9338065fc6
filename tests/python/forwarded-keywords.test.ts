/**
 * A project class that subclasses a client (its `super().__init__` is the construction) and `**kwargs`
 * forwarded from a function's own `**` parameter: what the project's calls of the class or function pass.
 */
import { describe, expect, it } from 'vitest';
import { pythonProject, sitesIn, sitesOf, SPELLS_ATTRIBUTION } from './summaries.js';

const SUBCLASS = `from langchain_community.chat_models import ChatOpenAI
class ChatOpenRouter(ChatOpenAI):
    def __init__(self, model_name: str, openai_api_base: str = "https://openrouter.ai/api/v1", **kwargs):
        super().__init__(openai_api_base=openai_api_base, model_name=model_name, **kwargs)
`;

const PROVIDER = `from langchain_openai import ChatOpenAI
class Provider:
    def __init__(self, model="m", **kwargs):
        self.llm = ChatOpenAI(base_url="https://openrouter.ai/api/v1", model=model, **kwargs)
`;

describe('a client subclassed by the project', () => {
  it('takes the super().__init__ of a client subclass for the construction, built in the project or not', () => {
    const root = pythonProject({ 'app/__init__.py': '' });
    expect(sitesIn(root, 'app/openrouter.py', SUBCLASS)).toEqual([{ row: 'python-langchain-openai', line: 4, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it('does not take a super call of a class whose base is no client, or of two clients', () => {
    expect(sitesOf(SUBCLASS.replace('(ChatOpenAI)', '(Base)'))).toEqual([]);
    expect(sitesOf(`from openai import OpenAI\n${SUBCLASS.replace('(ChatOpenAI)', '(ChatOpenAI, OpenAI)')}`)).toEqual([]);
  });
});

describe('**kwargs forwarded from the function around a client', () => {
  it('passes nothing when no call in the project passes attribution keywords', () => {
    const root = pythonProject({ 'app/__init__.py': '', 'app/container.py': 'from app.provider import Provider\nllm = Provider()\nother = Provider(model="x", temperature=0)\n' });
    expect(sitesIn(root, 'app/provider.py', PROVIDER)).toEqual([{ row: 'python-langchain-openai', line: 4, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it("reads `cls(**kwargs)` as a call of the class only in the class's own body", () => {
    // Another class's factory forwarding its own keywords does not build Provider.
    const other = 'from app.provider import Provider\nllm = Provider(model="m")\nclass Agent:\n    @classmethod\n    def make(cls, **kwargs):\n        return cls(**kwargs)\n';
    expect(sitesIn(pythonProject({ 'app/__init__.py': '', 'app/agent.py': other }), 'app/provider.py', PROVIDER)).toEqual([{ row: 'python-langchain-openai', line: 4, referer: 'absent', title: 'absent', categories: 'absent' }]);
    // Provider's own factory does.
    const own = PROVIDER + '    @classmethod\n    def make(cls, **kwargs):\n        return cls(**kwargs)\n';
    expect(sitesIn(pythonProject({ 'app/__init__.py': '', ...SPELLS_ATTRIBUTION }), 'app/provider.py', own)).toEqual([{ row: 'python-langchain-openai', line: 4, referer: 'unknown', title: 'unknown', categories: 'unknown' }]);
  });

  it('does not know what it passes when a call elsewhere passes headers, **options, or subclasses the class', () => {
    for (const caller of [
      'from app.provider import Provider\nProvider(default_headers={"HTTP-Referer": "https://acme.dev"})\n',
      'from app.provider import Provider\nProvider(**options)\n',
      'from app.provider import Provider\nclass Mine(Provider):\n    pass\n',
    ]) {
      const root = pythonProject({ 'app/__init__.py': '', 'app/container.py': caller, ...SPELLS_ATTRIBUTION });
      expect(sitesIn(root, 'app/provider.py', PROVIDER)).toEqual([{ row: 'python-langchain-openai', line: 4, referer: 'unknown', title: 'unknown', categories: 'unknown' }]);
    }
    const subclassed = pythonProject({ 'app/__init__.py': '', 'app/use.py': 'from app.openrouter import ChatOpenRouter\nChatOpenRouter("m", default_headers=h)\n', ...SPELLS_ATTRIBUTION });
    expect(sitesIn(subclassed, 'app/openrouter.py', SUBCLASS)).toEqual([{ row: 'python-langchain-openai', line: 4, referer: 'unknown', title: 'unknown', categories: 'unknown' }]);
  });

  it('follows a class used as a value (a registry of providers) only in a project that spells no attribution', () => {
    const registry = 'from app.provider import Provider\ndef configured(classes):\n    return [cls() for cls in classes if cls.is_configured()]\nproviders = configured([Provider])\n';
    const quiet = pythonProject({ 'app/__init__.py': '', 'app/container.py': registry, 'app/http.py': 'import requests\nrequests.get(url, headers={"Accept": "json"})\n' });
    expect(sitesIn(quiet, 'app/provider.py', PROVIDER)).toEqual([{ row: 'python-langchain-openai', line: 4, referer: 'absent', title: 'absent', categories: 'absent' }]);
    const configured = pythonProject({ 'app/__init__.py': '', 'app/container.py': registry, 'app/config.py': 'LLM = {"default_headers": {"HTTP-Referer": "https://acme.dev"}}\n' });
    expect(sitesIn(configured, 'app/provider.py', PROVIDER)).toEqual([{ row: 'python-langchain-openai', line: 4, referer: 'unknown', title: 'unknown', categories: 'unknown' }]);
  });

  it('does not know it when the class builds itself with `cls(**options)`', () => {
    const root = pythonProject({ 'app/__init__.py': '', ...SPELLS_ATTRIBUTION });
    const building = `${PROVIDER}    @classmethod\n    def from_config(cls, config):\n        return cls(**config)\n`;
    expect(sitesIn(root, 'app/provider.py', building)).toEqual([{ row: 'python-langchain-openai', line: 4, referer: 'unknown', title: 'unknown', categories: 'unknown' }]);
  });

  it('does not know it when the file writes into it, or without a project to search', () => {
    const root = pythonProject({ 'app/__init__.py': '' });
    const written = PROVIDER.replace('        self.llm', '        kwargs.setdefault("default_headers", load())\n        self.llm');
    expect(sitesIn(root, 'app/provider.py', written)).toEqual([{ row: 'python-langchain-openai', line: 5, referer: 'unknown', title: 'unknown', categories: 'unknown' }]);
    expect(sitesOf(PROVIDER)).toEqual([{ row: 'python-langchain-openai', line: 4, referer: 'unknown', title: 'unknown', categories: 'unknown' }]);
  });

  it('follows **kwargs forwarded through several functions, and per-request calls through a stored client', () => {
    const client = 'import openai\nclient = openai.OpenAI(base_url="https://openrouter.ai/api/v1", api_key=key)\ndef stream(model, messages, **kwargs):\n    return client.chat.completions.create(model=model, messages=messages, **kwargs, stream=True)\ndef chat(model, messages, **kwargs):\n    return stream(model, messages, **kwargs)\n';
    const quiet = pythonProject({ 'app/__init__.py': '', 'app/agent.py': 'from app.llm import chat\nchat("m", [], temperature=0)\n' });
    expect(sitesIn(quiet, 'app/llm.py', client)).toEqual([{ row: 'python-openai', line: 2, referer: 'absent', title: 'absent', categories: 'absent' }]);
    // A keyword the function adds itself that is no attribution (`kwargs["stream"] = False`) changes nothing; one that may be does.
    const streaming = client.replace('    return stream(model, messages, **kwargs)', '    kwargs["stream"] = False\n    return stream(model, messages, **kwargs)');
    expect(sitesIn(quiet, 'app/llm.py', streaming)).toEqual([{ row: 'python-openai', line: 2, referer: 'absent', title: 'absent', categories: 'absent' }]);
    const headed = client.replace('    return stream(model, messages, **kwargs)', '    kwargs["extra_headers"] = load()\n    return stream(model, messages, **kwargs)');
    expect(sitesIn(quiet, 'app/llm.py', headed)).toEqual([{ row: 'python-openai', line: 2, referer: 'unknown', title: 'unknown', categories: 'unknown', requests: [{ line: 4, referer: 'unknown', title: 'unknown' }] }]);
    // A caller at the end of the chain that passes headers, or `**` a dict of its own.
    for (const caller of ['from app.llm import chat\nchat("m", [], extra_headers={"HTTP-Referer": "https://acme.dev"})\n', 'from app.llm import chat\nchat("m", [], **options)\n']) {
      const root = pythonProject({ 'app/__init__.py': '', 'app/agent.py': caller, ...SPELLS_ATTRIBUTION });
      expect(sitesIn(root, 'app/llm.py', client)).toEqual([{ row: 'python-openai', line: 2, referer: 'unknown', title: 'unknown', categories: 'unknown', requests: [{ line: 4, referer: 'unknown', title: 'unknown' }] }]);
    }
  });
});

describe("**kwargs forwarded through a private method's calls", () => {
  const SERVICE = (build: string) => `from openai import AsyncOpenAI
class Service:
    def __init__(self):
        self.client = AsyncOpenAI(base_url="https://openrouter.ai/api/v1")

    async def chat(self, model, messages, tools=None):
${build}
        return await self._retry(attempts=3, **kwargs)

    async def _retry(self, attempts, **kwargs):
        return await self.client.chat.completions.create(**kwargs)
`;

  it('passes nothing when each call passes a dict shown whole without attribution keywords', () => {
    const build = '        kwargs = {"model": model, "messages": messages}\n        if tools:\n            kwargs["tools"] = tools';
    expect(sitesOf(SERVICE(build), 'app.py')).toEqual([{ row: 'python-openai', line: 4, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it('may pass them when a call passes such a keyword, a dict not shown whole, or one written with another key', () => {
    for (const build of [
      '        kwargs = {"model": model, "extra_headers": {"HTTP-Referer": "https://acme.dev"}}',
      '        kwargs = dict(options)',
      '        kwargs = {"model": model}; kwargs[name] = value',
    ]) {
      expect([build, sitesOf(SERVICE(build), 'app.py')]).toEqual([
        build,
        [{ row: 'python-openai', line: 4, referer: 'unknown', title: 'unknown', categories: 'unknown', requests: [{ line: 11, referer: 'unknown', title: 'unknown' }] }],
      ]);
    }
  });
});

describe('**spreads in a project that names no attribution', () => {
  const CLIENT = 'import openai\nclient = openai.Client(base_url="https://openrouter.ai/api/v1", api_key=key)\ndef stream(model, messages, **kwargs):\n    return client.chat.completions.create(model=model, messages=messages, **kwargs)\n';
  const CALLER = 'from app.llm import stream\ndef run(settings):\n    return stream("m", [], **settings["llm"])\n';
  const absent = [{ row: 'python-openai', line: 2, referer: 'absent', title: 'absent', categories: 'absent' }];
  const unknown = [{ row: 'python-openai', line: 2, referer: 'unknown', title: 'unknown', categories: 'unknown', requests: [{ line: 4, referer: 'unknown', title: 'unknown' }] }];

  it('carry none when no file spells an attribution header, option or headers keyword', () => {
    const root = pythonProject({ 'app/__init__.py': '', 'app/agent.py': CALLER, 'config.yaml': 'llm:\n  temperature: 0\n' });
    expect(sitesIn(root, 'app/llm.py', CLIENT)).toEqual(absent);
    // A variable named like a keyword, or a keyword in a comment, passes nothing.
    const search = 'import httpx\nhttp_client = httpx.Client()\n# client = OpenAI(default_headers={\n';
    expect(sitesIn(pythonProject({ 'app/__init__.py': '', 'app/agent.py': CALLER, 'app/search.py': search }), 'app/llm.py', CLIENT)).toEqual(absent);
  });

  it('may carry attribution that a Python file, a data file or a notebook names', () => {
    for (const [file, text] of [
      ['app/settings.py', 'EXTRA = {"extra_headers": load()}\n'],
      ['app/settings.py', 'TITLE_ARG = {"x_title": "Acme"}\n'],
      ['config.yaml', 'llm:\n  extra_headers:\n    HTTP-Referer: https://acme.dev\n'],
      ['config/llm.json', '{"headers": {"X-OpenRouter-Title": "Acme"}}'],
      ['notebooks/try.ipynb', '{"cells": [{"source": ["stream(\\"m\\", [], extra_headers=h)"]}]}'],
    ]) {
      const root = pythonProject({ 'app/__init__.py': '', 'app/agent.py': CALLER, [file!]: text! });
      expect([file, sitesIn(root, 'app/llm.py', CLIENT)]).toEqual([file, unknown]);
    }
  });

  it('may carry attribution when a data file is too large to read, or the spread is a call’s result', () => {
    const large = pythonProject({ 'app/__init__.py': '', 'app/agent.py': CALLER, 'data/corpus.json': `[${'"x",'.repeat(600_000)}"x"]` });
    expect(sitesIn(large, 'app/llm.py', CLIENT)).toEqual(unknown);
    const fromEnvironment = CLIENT.replace('**kwargs)\n', '**json.loads(os.environ["LLM_OPTIONS"]))\n');
    expect(sitesIn(pythonProject({ 'app/__init__.py': '' }), 'app/llm.py', fromEnvironment)).toEqual(unknown);
  });
});

describe('a field a subclass of the project sets', () => {
  const BASE = 'from openai import OpenAI\nclass OpenAiLlm:\n    base_url = None\n    def setup(self, key):\n        self.client = OpenAI(api_key=key, base_url=self.base_url or self.config.base_url)\n';
  const found = [{ row: 'python-openai', line: 5, referer: 'absent', title: 'absent', categories: 'absent' }];

  it('holds the value the subclass gives it, in its body or its methods, here or in another module', () => {
    const inBody = 'from llm.base import OpenAiLlm\nclass OpenRouterLlm(OpenAiLlm):\n    base_url: str = "https://openrouter.ai/api/v1"\n';
    expect(sitesIn(pythonProject({ 'llm/__init__.py': '', 'llm/base.py': BASE, 'llm/openrouter.py': inBody }), 'llm/base.py', BASE)).toEqual(found);
    const inInit = 'from llm.base import OpenAiLlm\nclass OpenRouterLlm(OpenAiLlm):\n    def __init__(self):\n        self.base_url = "https://openrouter.ai/api/v1"\n';
    expect(sitesIn(pythonProject({ 'llm/__init__.py': '', 'llm/base.py': BASE, 'llm/openrouter.py': inInit }), 'llm/base.py', BASE)).toEqual(found);
    const sameModule = `${BASE}class OpenRouterLlm(OpenAiLlm):\n    base_url = "https://openrouter.ai/api/v1"\n`;
    expect(sitesIn(pythonProject({ 'llm/__init__.py': '' }), 'llm/base.py', sameModule)).toEqual(found);
  });

  it('passes by a module too large to parse that does not name the class, and not one that does', () => {
    const subclass = 'from llm.base import OpenAiLlm\nclass OpenRouterLlm(OpenAiLlm):\n    base_url = "https://openrouter.ai/api/v1"\n';
    const generated = (name: string) => `# generated\n${Array.from({ length: 6000 }, (_, index) => `CASE_${index} = "${name} ${index} lorem ipsum"`).join('\n')}\n`;
    const quiet = pythonProject({ 'llm/__init__.py': '', 'llm/base.py': BASE, 'llm/openrouter.py': subclass, 'tests/test_large.py': generated('Other') });
    expect(sitesIn(quiet, 'llm/base.py', BASE)).toEqual(found);
    const naming = pythonProject({ 'llm/__init__.py': '', 'llm/base.py': BASE, 'llm/openrouter.py': subclass, 'tests/test_large.py': generated('OpenAiLlm') });
    expect(sitesIn(naming, 'llm/base.py', BASE)).toEqual([]);
  });

  it('says nothing when no subclass is written on this very class, or one defines the name otherwise', () => {
    const other = 'class OpenAiLlm:\n    pass\nclass OpenRouterLlm(OpenAiLlm):\n    base_url = "https://openrouter.ai/api/v1"\n';
    expect(sitesIn(pythonProject({ 'llm/__init__.py': '', 'llm/base.py': BASE, 'llm/other.py': other }), 'llm/base.py', BASE)).toEqual([]);
    const property = 'from llm.base import OpenAiLlm\nclass OpenRouterLlm(OpenAiLlm):\n    base_url = "https://openrouter.ai/api/v1"\nclass Custom(OpenAiLlm):\n    @property\n    def base_url(self):\n        return load()\n';
    expect(sitesIn(pythonProject({ 'llm/__init__.py': '', 'llm/base.py': BASE, 'llm/subclasses.py': property }), 'llm/base.py', BASE)).toEqual([]);
  });
});
