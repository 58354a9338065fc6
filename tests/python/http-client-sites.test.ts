/**
 * An httpx or aiohttp client bound to an OpenRouter base URL is a site itself, as an SDK client on that base
 * is: its own headers are what its requests send, and a request passing headers of its own is one of its
 * requests. A client answered by a mock transport sends nothing.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import path from 'node:path';
import { loadModule } from '../../src/analysis/python/module-files.js';
import { projectCalls } from '../../src/analysis/python/project-calls.js';
import { pythonProject, sitesIn, sitesOf } from './summaries.js';

const linter = new Linter({ configType: 'flat' });
const lint = (code: string) => linter.verify(code, [plugin.configs.python], 'app.py').map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

/** A module whose requests go through a client a factory makes, each `async with` its own. */
function factory(headers: string, request: string): string {
  return `import os
import httpx

BASE_URL = os.environ.get("OPENROUTER_BASE_URL", "https://openrouter.ai/api/v1")

def _make_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=BASE_URL,
        headers=${headers},
        timeout=180.0,
    )

async def chat(payload):
    async with _make_client() as client:
        response = await client.post(${request})
        return response.json()
`;
}

const KEY_ONLY = '{"Authorization": f"Bearer {os.environ[\'OPENROUTER_API_KEY\']}"}';

describe('HTTP clients on an OpenRouter base URL', () => {
  it('reports a client whose headers hold only the key, where it is built', () => {
    expect(lint(factory(KEY_ONLY, '"/chat/completions", json=payload'))).toEqual(['7:openrouter/require-referer:missingReferer']);
    expect(sitesOf(factory(KEY_ONLY, '"/chat/completions", json=payload'))).toEqual([{ row: 'httpx-client', line: 7, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it('is silent on a client whose headers attribute it', () => {
    expect(lint(factory('{"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"}', '"/embeddings", json=payload'))).toEqual([]);
  });

  it('follows the client a factory returns to its requests, which may attribute it', () => {
    const code = factory(KEY_ONLY, '"/chat/completions", json=payload, headers={"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"}');
    expect(sitesOf(code)).toEqual([
      { row: 'httpx-client', line: 7, referer: 'unknown', title: 'unknown', categories: 'unknown', requests: [{ line: 15, referer: ['https://acme.dev'], title: ['Acme'] }] },
    ]);
    expect(lint(code)).toEqual([]);
  });

  it('counts a client on the base whatever path it posts to', () => {
    expect(lint('import aiohttp\nasync def main(url):\n    async with aiohttp.ClientSession(base_url="https://openrouter.ai/api/v1/") as session:\n        await session.post(url, json={})\n')).toEqual(['3:openrouter/require-referer:missingReferer']);
  });

  it('leaves a client answered by a mock transport alone', () => {
    const code = `import httpx
def _client_with(handler):
    return httpx.AsyncClient(transport=httpx.MockTransport(handler), base_url="https://openrouter.ai/api/v1")
transport = httpx.MockTransport(lambda request: httpx.Response(200))
client = httpx.Client(transport=transport, base_url="https://openrouter.ai/api/v1")
client.post("/chat/completions", json={})
`;
    expect(sitesOf(code)).toEqual([]);
    expect(sitesOf('import httpx\nclient = httpx.Client(transport=httpx.HTTPTransport(retries=2), base_url="https://openrouter.ai/api/v1")\n')).toEqual([
      { row: 'httpx-client', line: 2, referer: 'absent', title: 'absent', categories: 'absent' },
    ]);
  });
});

describe('a session the function is handed', () => {
  const HANDED = `import aiohttp
URL = "https://openrouter.ai/api/v1/chat/completions"
async def ask(session, prompt, key):
    headers = {"Authorization": "Bearer " + key}
    async with session.post(URL, headers=headers, json={"messages": prompt}) as response:
        return await response.json()
`;

  it('is a site where the project spells no attribution and defines no post of its own', () => {
    const root = pythonProject({ 'app/__init__.py': '', 'app/run.py': 'import aiohttp\nasync def main():\n    async with aiohttp.ClientSession() as s:\n        await ask(s, [], "k")\n' });
    expect(sitesIn(root, 'app/llm.py', HANDED)).toEqual([{ row: 'python-handed-session', line: 5, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it('says nothing where the session may carry attribution, or the request is not certainly a token one', () => {
    for (const other of ['SESSION = aiohttp.ClientSession(headers={"HTTP-Referer": "https://acme.dev"})\n', 'class Api:\n    def post(self, url, **kw):\n        pass\n']) {
      expect(sitesIn(pythonProject({ 'app/__init__.py': '', 'app/other.py': `import aiohttp\n${other}` }), 'app/llm.py', HANDED)).toEqual([]);
    }
    const root = pythonProject({ 'app/__init__.py': '' });
    expect(sitesIn(root, 'app/llm.py', HANDED.replace('/chat/completions', '/models'))).toEqual([]);
    expect(sitesIn(root, 'app/llm.py', HANDED.replace('headers=headers', 'headers=make_headers()'))).toEqual([]);
    expect(sitesIn(root, 'app/llm.py', HANDED.replace('async def ask(session, prompt, key):', 'session = make()\nasync def ask(prompt, key):'))).toEqual([]);
    // Without a project to search, nothing is known of the session.
    expect(sitesOf(HANDED)).toEqual([]);
  });
});

describe('a session handed to a private method by callers that build it plain', () => {
  const SERVICE = (built: string) => `import httpx
URL = "https://openrouter.ai/api/v1"
class Service:
    headers = {"Authorization": "Bearer k", "X-Title": "Acme"}

    async def ask(self, payload):
        async with ${built} as client:
            return await self._send(client, payload)

    async def _send(self, client, payload):
        return await client.post(f"{URL}/chat/completions", headers=self.headers, json=payload)
`;

  it('is a site even where the project spells attribution elsewhere', () => {
    expect(sitesOf(SERVICE('httpx.AsyncClient(timeout=30)'), 'app.py')).toEqual([{ row: 'python-handed-session', line: 11, referer: 'absent', title: ['Acme'], categories: 'absent' }]);
  });

  it('is not one where the session the callers build carries headers, or is not known', () => {
    expect(sitesOf(SERVICE('httpx.AsyncClient(headers=h)'), 'app.py')).toEqual([]);
    expect(sitesOf(SERVICE('make_client()'), 'app.py')).toEqual([]);
  });
});

describe("a class's session that may be one it is handed", () => {
  const CLIENT = `import requests
class Api:
    def __init__(self, key, session=None, api_base="https://openrouter.ai/api/v1"):
        self.api_base = api_base.rstrip("/")
        if session:
            self.session = session
        else:
            self.session = requests.Session()

    def chat(self, messages):
        return self._post("/chat/completions", {"messages": messages})

    def _post(self, path, payload):
        headers = {"Authorization": "Bearer k"}
        return self.session.post(f"{self.api_base}{path}", headers=headers, json=payload)
`;

  it('reads its requests as the constructed session\'s where the project spells no attribution', () => {
    expect(sitesIn(pythonProject({ 'app/__init__.py': '' }), 'app/api.py', CLIENT)).toEqual([{ row: 'requests-session', line: 15, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it('says nothing where a handed session may carry attribution', () => {
    const root = pythonProject({ 'app/__init__.py': '', 'app/run.py': 'import requests\ns = requests.Session()\ns.headers["HTTP-Referer"] = "https://acme.dev"\n' });
    expect(sitesIn(root, 'app/api.py', CLIENT)).toEqual([]);
  });
});

describe('the arguments of a private function, from its calls in the module', () => {
  const SEND = (calls: string) => `import requests
def _send(path, extra=None):
    return requests.post(f"https://openrouter.ai/api/v1{path}", headers={"Authorization": "k"})
${calls}`;

  it('makes the URL what every call passes, by position or keyword', () => {
    expect(sitesOf(SEND('def go():\n    _send("/chat/completions")\n    _send(path="/embeddings")\n'))).toHaveLength(1);
  });

  it('leaves the parameter open where the function is handed on, called with a spread, or public', () => {
    expect(sitesOf(SEND('def go():\n    _send("/chat/completions")\n    run(_send)\n'))).toEqual([]);
    expect(sitesOf(SEND('def go(a):\n    _send("/chat/completions")\n    _send(*a)\n'))).toEqual([]);
    expect(sitesOf(SEND('def go():\n    _send("/chat/completions")\n').replaceAll('_send', 'send'))).toEqual([]);
    expect(sitesOf(SEND(''))).toEqual([]);
  });
});

describe("a project class's constructor parameters, from its constructions across the project", () => {
  const ACCESS = `from langchain_openai import ChatOpenAI
class Access:
    def __init__(self, app_name, app_url, base="https://openrouter.ai/api/v1"):
        self.app_name = app_name
        self.app_url = app_url
        self.base = base

    def llm(self):
        return ChatOpenAI(base_url=self.base, default_headers={"X-Title": self.app_name, "HTTP-Referer": self.app_url})
`;

  it('reads what every construction passes, by position or keyword, beside the default', () => {
    const root = pythonProject({
      'app/__init__.py': '',
      'app/main.py': 'from app.access import Access\nACCESS = Access("Chatbot", app_url="https://acme.dev")\n',
      'app/other.py': 'from app import access\nx = access.Access("Acme", "https://acme.dev", base="https://llm.example/v1")\n',
    });
    expect(sitesIn(root, 'app/access.py', ACCESS)).toEqual([{ row: 'python-langchain-openai', line: 9, referer: ['https://acme.dev', 'https://acme.dev'], title: ['Chatbot', 'Acme'], categories: 'absent' }]);
  });

  it('leaves them open where the class is used as a value, subclassed, built by a spread, or defined twice', () => {
    for (const other of [
      'from app.access import Access\nREGISTRY = [Access]\n',
      'from app.access import Access\nclass Mine(Access):\n    pass\n',
      'from app.access import Access\nAccess(*args)\n',
      'class Access:\n    pass\n',
    ]) {
      const root = pythonProject({ 'app/__init__.py': '', 'app/main.py': 'from app.access import Access\nAccess("Chatbot", "https://acme.dev")\n', 'app/other.py': other });
      expect([other, sitesIn(root, 'app/access.py', ACCESS)]).toEqual([other, [{ row: 'python-langchain-openai', line: 9, referer: ['<?app_url>'], title: ['<?app_name>'], categories: 'absent' }]]);
    }
  });
});

describe("a module's public function, from its calls across the project", () => {
  const CLIENT = `import requests
def send(path, referer=None):
    headers = {"Authorization": "k"}
    if referer:
        headers["HTTP-Referer"] = referer
    return requests.post(f"https://openrouter.ai/api/v1{path}", headers=headers, json={})
`;

  it('reads what every call passes, by name or through the module', () => {
    const root = pythonProject({ 'app/__init__.py': '', 'app/main.py': 'from app.client import send\nsend("/chat/completions")\n', 'app/other.py': 'from app import client\nclient.send("/embeddings", referer="https://acme.dev")\n' });
    // The referer is the one call's, or not sent (`<?>`): it may be sent.
    expect(sitesIn(root, 'app/client.py', CLIENT)).toEqual([{ row: 'requests-request', line: 6, referer: ['https://acme.dev', '<?>'], title: 'absent', categories: 'absent' }]);
  });

  it('does not count a method of the same name on an object, and leaves the parameter open where it is used so', () => {
    const root = pythonProject({ 'app/__init__.py': '', 'app/main.py': 'from app.client import send\nsend("/chat/completions")\nsession.send("/x")\n' });
    expect(sitesIn(root, 'app/client.py', CLIENT)).toEqual([{ row: 'requests-request', line: 6, referer: ['<?>'], title: 'absent', categories: 'absent' }]);
    const handed = pythonProject({ 'app/__init__.py': '', 'app/main.py': 'from app.client import send\nsend("/chat/completions")\nrun(send)\n' });
    expect(sitesIn(handed, 'app/client.py', CLIENT)).toEqual([]);
  });
});

describe("the project search for a callable's calls", () => {
  it("is paid from the asking file's budget, one step per file of the project, and gives up when it is spent", () => {
    const files: Record<string, string> = { 'app/__init__.py': '', 'app/client.py': 'def send(path):\n    pass\n' };
    for (let index = 0; index < 40; index++) files[`app/m${index}.py`] = index === 0 ? 'from app.client import send\nsend("/chat/completions")\n' : 'x = 1\n';
    const root = pythonProject(files);
    const module = loadModule(path.join(root, 'app/client.py'), root)!;
    expect(projectCalls(module, root, 'send', () => false)).toBeNull();
    const costs: number[] = [];
    const calls = projectCalls(module, root, 'send', (cost) => costs.push(cost) > 0);
    expect([calls?.length, costs]).toEqual([1, [42]]);
    // Kept for the files linted after it: asking again costs nothing.
    expect(projectCalls(module, root, 'send', () => false)).toHaveLength(1);
  });
});

describe('a parameter typed by a pydantic BaseSettings of the project', () => {
  const CONFIG = 'from pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    base_url: str = "https://openrouter.ai/api/v1"\n    referer: str = "https://t.me"\n';
  const CLIENT = (annotation: string) => `import httpx
from app.config import Settings
class Client:
    def __init__(self, settings: ${annotation}):
        self.client = httpx.AsyncClient(base_url=settings.base_url, headers={"HTTP-Referer": settings.referer})
`;

  it("reads its fields as the environment's first and their defaults beneath", () => {
    const root = pythonProject({ 'app/__init__.py': '', 'app/config.py': CONFIG });
    expect(sitesIn(root, 'app/client.py', CLIENT('Settings'))).toEqual([{ row: 'httpx-client', line: 5, referer: ['<env:referer>', 'https://t.me'], title: 'absent', categories: 'absent' }]);
  });

  it('does not read a parameter typed by a class that is no settings class', () => {
    const root = pythonProject({ 'app/__init__.py': '', 'app/config.py': CONFIG.replace('(BaseSettings)', '') });
    expect(sitesIn(root, 'app/client.py', CLIENT('Settings'))).toEqual([]);
  });
});

describe('JSON and YAML files the program loads', () => {
  const YAML = 'api:\n  base_url: "https://openrouter.ai/api/v1"\n';
  const JSON_DATA = '{"OPENROUTER_BASE_URL": "https://openrouter.ai/api/v1", "RETRY": 1}';

  it('reads a file of the project at the path the code spells, through with-blocks, helpers and defaults', () => {
    const root = pythonProject({ 'app/__init__.py': '', 'config.yaml': YAML, 'tests/config.json': JSON_DATA });
    const yaml = 'import yaml\nfrom openai import OpenAI\ndef make(path="config.yaml"):\n    with open(path, encoding="utf-8") as f:\n        config = yaml.safe_load(f)\n    return OpenAI(api_key="k", base_url=config["api"]["base_url"])\n';
    expect(sitesIn(root, 'app/make.py', yaml)).toEqual([{ row: 'python-openai', line: 6, referer: 'absent', title: 'absent', categories: 'absent' }]);
    const json = 'import json\nfrom openai import OpenAI\ndef load(p):\n    with open(p) as file:\n        return json.load(file)\nDATA = load("tests/config.json")\nclient = OpenAI(base_url=DATA.get("OPENROUTER_BASE_URL", ""))\n';
    expect(sitesIn(root, 'app/check.py', json)).toEqual([{ row: 'python-openai', line: 7, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it('reads nothing outside the project, of another kind, or not parsing; executes nothing', () => {
    const root = pythonProject({ 'app/__init__.py': '', 'bad.yaml': 'api: [unclosed\n', 'tagged.yaml': 'api: !!python/object/apply:os.system ["true"]\n', 'config.toml': '' });
    for (const name of ['../outside.yaml', '/etc/config.yaml', 'bad.yaml', 'tagged.yaml', 'config.toml', 'missing.json']) {
      const code = `import yaml\nfrom openai import OpenAI\nwith open("${name}") as f:\n    config = yaml.safe_load(f)\nclient = OpenAI(base_url=config["api"])\n`;
      expect([name, sitesIn(root, 'app/make.py', code)]).toEqual([name, []]);
    }
  });
});
