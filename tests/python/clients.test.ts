/** Each Python client row: the calls it finds (and those it must not), with what each sends. */
import { describe, expect, it } from 'vitest';
import { findPythonSites } from '../../src/analysis/python/find-python-sites.js';
import { parsePython } from '../../src/analysis/python/parse.js';
import { sitesOf } from './summaries.js';

const OR = 'https://openrouter.ai/api/v1';

describe('openai', () => {
  it('finds OpenAI and AsyncOpenAI constructed for OpenRouter, with their default_headers', () => {
    expect(
      sitesOf(`from openai import OpenAI, AsyncOpenAI
a = OpenAI(base_url="${OR}", default_headers={"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"})
b = AsyncOpenAI(base_url="${OR}")
`),
    ).toEqual([
      { row: 'python-openai', line: 2, referer: ['https://acme.dev'], title: ['Acme'], categories: 'absent' },
      { row: 'python-openai', line: 3, referer: 'absent', title: 'absent', categories: 'absent' },
    ]);
  });

  it("reads Cloudflare AI Gateway's OpenRouter route as OpenRouter's base URL", () => {
    expect(
      sitesOf(`from openai import OpenAI
a = OpenAI(base_url=f"https://gateway.ai.cloudflare.com/v1/{ACCOUNT}/{GATEWAY}/openrouter")
b = OpenAI(base_url=f"https://gateway.ai.cloudflare.com/v1/{ACCOUNT}/{GATEWAY}/openai")
`),
    ).toEqual([{ row: 'python-openai', line: 2, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it("reads the standard library's urllib.request.Request with a body (its headers by keyword or third), not a GET", () => {
    expect(
      sitesOf(`import json
import urllib.request
from urllib.request import Request
URL = "https://openrouter.ai/api/v1/chat/completions"
a = urllib.request.Request(URL, data=json.dumps(body).encode(), headers={"Authorization": "Bearer k"}, method="POST")
b = Request(URL, json.dumps(body).encode(), {"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"})
c = urllib.request.Request(URL, headers={"Authorization": "Bearer k"})
d = urllib.request.Request(URL, data=b"{}", method="GET")
`),
    ).toEqual([
      { row: 'python-urllib', line: 5, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'python-urllib', line: 6, referer: ['https://acme.dev'], title: ['Acme'], categories: 'absent' },
    ]);
  });

  it("reads openai's Client aliases, and headers that are an empty dict or None", () => {
    expect(
      sitesOf(`import openai
headers = {}
a = openai.Client(base_url="${OR}", default_headers=headers or None)
b = openai.AsyncClient(base_url="${OR}", default_headers=None)
c = openai.OpenAI(base_url="${OR}", default_headers=extra or None)
`),
    ).toEqual([
      { row: 'python-openai', line: 3, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'python-openai', line: 4, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'python-openai', line: 5, referer: 'unknown', title: 'unknown', categories: 'unknown' },
    ]);
  });

  it('reads the module form and per-call extra_headers through the stored client', () => {
    expect(
      sitesOf(`import openai
client = openai.OpenAI(base_url="${OR}")
client.chat.completions.create(model="m", messages=[], extra_headers={"HTTP-Referer": "https://acme.dev"})
client.models.list()
`),
    ).toEqual([
      { row: 'python-openai', line: 2, referer: 'unknown', title: 'unknown', categories: 'unknown', requests: [{ line: 3, referer: ['https://acme.dev'], title: 'absent' }] },
    ]);
  });

  it('takes as requests only the calls that may pass attribution, leaving the construction\'s fields certain otherwise', () => {
    expect(
      sitesOf(`from openai import OpenAI
client = OpenAI(base_url="${OR}")
client.chat.completions.create(model="m", messages=[], extra_headers={"X-Trace": "1"})
client.chat.completions.create(model="m", messages=[], extra_headers={})
`),
    ).toEqual([{ row: 'python-openai', line: 2, referer: 'absent', title: 'absent', categories: 'absent' }]);
    expect(
      sitesOf(`from openai import OpenAI
client = OpenAI(base_url="${OR}")
client.chat.completions.create(model="m", messages=[], extra_headers=build())
client.chat.completions.create(**params)
`),
    ).toEqual([
      {
        row: 'python-openai', line: 2, referer: 'unknown', title: 'unknown', categories: 'unknown',
        requests: [{ line: 3, referer: 'unknown', title: 'unknown' }, { line: 4, referer: 'unknown', title: 'unknown' }],
      },
    ]);
  });

  it('reads per-call attribution through a client kept in a field of its class', () => {
    const [site] = sitesOf(`from openai import OpenAI
class Chat:
    def __init__(self):
        self.client = OpenAI(base_url="${OR}")
    def ask(self, q):
        return self.client.chat.completions.create(model="m", messages=[], extra_headers={"HTTP-Referer": "https://acme.dev"})
`) as { requests: unknown[] }[];
    expect(site!.requests).toEqual([{ line: 6, referer: ['https://acme.dev'], title: 'absent' }]);
  });

  it('reads the keywords a `**dict` the file spells out passes, and not those of one it does not', () => {
    expect(
      sitesOf(`from openai import AsyncOpenAI
client = AsyncOpenAI(base_url="${OR}")
settings = {"model": "m", "temperature": 0}
async def on_message(text):
    return await client.chat.completions.create(messages=[{"role": "user", "content": text}], **settings)
`),
    ).toEqual([{ row: 'python-openai', line: 2, referer: 'absent', title: 'absent', categories: 'absent' }]);
    expect(
      sitesOf(`from openai import OpenAI
options = {"base_url": "${OR}", "default_headers": {"HTTP-Referer": "https://acme.dev"}}
OpenAI(**options)
OpenAI(base_url="${OR}", **load_options())
extra = {"model": "m"}
extra.update(load())
OpenAI(base_url="${OR}").chat.completions.create(**extra)
`),
    ).toEqual([
      { row: 'python-openai', line: 3, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' },
      { row: 'python-openai', line: 4, referer: 'unknown', title: 'unknown', categories: 'unknown' },
      { row: 'python-openai', line: 7, referer: 'unknown', title: 'unknown', categories: 'unknown', requests: [{ line: 7, referer: 'unknown', title: 'unknown' }] },
    ]);
  });

  it('reads the headers of the HTTP client it is given, and knows nothing of one it does not see built', () => {
    expect(
      sitesOf(`from openai import AsyncOpenAI, OpenAI, DefaultHttpxClient
import httpx
from langchain_openai import ChatOpenAI
AsyncOpenAI(base_url="${OR}", http_client=httpx.AsyncClient(verify=False))
transport = httpx.Client(headers={"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"})
OpenAI(base_url="${OR}", http_client=transport)
OpenAI(base_url="${OR}", http_client=DefaultHttpxClient(headers={"X-Title": "Acme"}), default_headers={"HTTP-Referer": "https://acme.dev"})
OpenAI(base_url="${OR}", http_client=make_client())
ChatOpenAI(base_url="${OR}", http_client=httpx.Client(headers={"X-Title": "Acme"}), http_async_client=httpx.AsyncClient())
`),
    ).toEqual([
      { row: 'python-openai', line: 4, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'python-openai', line: 6, referer: ['https://acme.dev'], title: ['Acme'], categories: 'absent' },
      { row: 'python-openai', line: 7, referer: ['https://acme.dev'], title: ['Acme'], categories: 'absent' },
      { row: 'python-openai', line: 8, referer: 'unknown', title: 'unknown', categories: 'unknown' },
      { row: 'python-langchain-openai', line: 9, referer: 'absent', title: 'unknown', categories: 'absent' },
    ]);
  });

  it('reads with_options(default_headers=...) as a request of the client', () => {
    const [site] = sitesOf(`from openai import OpenAI
c = OpenAI(base_url="${OR}")
c.with_options(default_headers={"X-OpenRouter-Title": "Acme"}).chat.completions.create(model="m")
`) as { requests: { title: unknown }[] }[];
    expect(site!.requests).toEqual([{ line: 3, referer: 'absent', title: ['Acme'] }]);
  });

  it('leaves out clients of other hosts, of no base URL, and AzureOpenAI', () => {
    expect(
      sitesOf(`from openai import OpenAI, AzureOpenAI
OpenAI(base_url="https://api.openai.com/v1")
OpenAI()
AzureOpenAI(base_url="${OR}")
`),
    ).toEqual([]);
  });

  it('counts a base URL read from an environment variable named for OpenRouter', () => {
    expect(sitesOf(`import os\nfrom openai import OpenAI\nOpenAI(base_url=os.environ["OPENROUTER_BASE_URL"])\n`)).toHaveLength(1);
    expect(sitesOf(`import os\nfrom openai import OpenAI\nOpenAI(base_url=os.environ["LLM_BASE_URL"])\n`)).toEqual([]);
    // Read first, whatever the fallback; further down a chain of other vendors' settings, one option among several.
    expect(sitesOf(`import os\nfrom openai import OpenAI\nOpenAI(base_url=os.getenv("OPENROUTER_BASE_URL") or "https://api.vendor.example/v1")\n`)).toHaveLength(1);
    expect(sitesOf(`import os\nfrom openai import OpenAI\nOpenAI(base_url=os.getenv("SUMMARY_BASE_URL") or os.getenv("OPENROUTER_BASE_URL") or "https://api.vendor.example/v1")\n`)).toEqual([]);
    // Among values the code does not spell, and no other vendor's, it counts wherever it stands.
    expect(sitesOf(`import os\nfrom openai import OpenAI\nOpenAI(base_url=cfg.get("base_url") or os.getenv("OPENROUTER_BASE_URL"))\n`)).toHaveLength(1);
  });

  it('finds the legacy module configuration and the headers its calls pass', () => {
    expect(
      sitesOf(`import openai
openai.api_base = "${OR}"
openai.ChatCompletion.create(model="m", messages=[], headers={"HTTP-Referer": "https://acme.dev"})
`),
    ).toEqual([
      { row: 'python-openai-legacy', line: 2, referer: 'unknown', title: 'unknown', categories: 'unknown', requests: [{ line: 3, referer: ['https://acme.dev'], title: 'absent' }] },
    ]);
    expect(sitesOf(`import openai\nopenai.api_base = "https://api.openai.com/v1"\n`)).toEqual([]);
  });
});

describe('requests, httpx, aiohttp', () => {
  it('finds posts to token endpoints, not metadata calls or other methods', () => {
    expect(
      sitesOf(`import requests, httpx
requests.post("${OR}/chat/completions", headers={"HTTP-Referer": "https://acme.dev"}, json={})
requests.post("${OR}/models")
requests.get("${OR}/chat/completions")
requests.request("POST", "${OR}/embeddings", headers={})
requests.request("GET", "${OR}/chat/completions")
httpx.post(url="${OR}/responses")
`),
    ).toEqual([
      { row: 'requests-request', line: 2, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' },
      { row: 'requests-request', line: 5, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'httpx-request', line: 7, referer: 'absent', title: 'absent', categories: 'absent' },
    ]);
  });

  it('reads a request run in a thread by asyncio.to_thread, with the arguments it is given', () => {
    expect(
      sitesOf(`import asyncio, requests
async def ask(key):
    await asyncio.to_thread(requests.post, "${OR}/chat/completions", headers={"HTTP-Referer": "https://acme.dev"}, json={})
    await asyncio.to_thread(requests.post, "${OR}/chat/completions", json={})
    await asyncio.to_thread(requests.post, "${OR}/models")
    await asyncio.to_thread(requests.post, *args)
    await asyncio.to_thread(print, "${OR}/chat/completions")
`),
    ).toEqual([
      { row: 'requests-request', line: 3, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' },
      { row: 'requests-request', line: 4, referer: 'absent', title: 'absent', categories: 'absent' },
    ]);
  });

  it('reads a partial that binds the headers as the request it makes; one that binds none may be given them later', () => {
    expect(
      sitesOf(`import functools, requests
from functools import partial
async def ask(loop, key):
    send = functools.partial(requests.post, "${OR}/chat/completions", headers={"Authorization": key, "HTTP-Referer": "acme.dev"}, json={})
    await loop.run_in_executor(None, send)
    later = partial(requests.post, "${OR}/chat/completions", json={})
    await loop.run_in_executor(None, lambda: later(headers=h))
    partial(httpx.post, "${OR}/chat/completions", headers={})
`),
    ).toEqual([{ row: 'requests-request', line: 4, referer: ['acme.dev'], title: 'absent', categories: 'absent' }]);
  });

  it("reads a dependency-injector provider's class as built with the arguments after it", () => {
    expect(
      sitesOf(`from dependency_injector import containers, providers
from langchain_openai import ChatOpenAI
class Container(containers.DeclarativeContainer):
    llm = providers.Singleton(ChatOpenAI, model="m", base_url="${OR}")
    named = providers.Factory(ChatOpenAI, base_url="${OR}", default_headers={"HTTP-Referer": "https://acme.dev"})
    other = providers.Singleton(ChatOpenAI, base_url="https://api.openai.com/v1")
`),
    ).toEqual([
      { row: 'python-langchain-openai', line: 4, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'python-langchain-openai', line: 5, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' },
    ]);
  });

  it('reads session headers beneath the request\'s own, and a client on an OpenRouter base URL as the site', () => {
    expect(
      sitesOf(`import requests, httpx, aiohttp
s = requests.Session()
s.post("${OR}/chat/completions", headers={"X-Title": "Acme"})
with httpx.Client(base_url="${OR}", headers={"HTTP-Referer": "https://acme.dev"}) as client:
    client.post("/chat/completions", json={}, headers={"X-Title": "Acme"})
    client.get("/models")
async def main():
    async with aiohttp.ClientSession(headers={"HTTP-Referer": "https://acme.dev"}) as session:
        await session.post("${OR}/chat/completions", json={})
`),
    ).toEqual([
      { row: 'requests-session', line: 3, referer: 'absent', title: ['Acme'], categories: 'absent' },
      // A client on an OpenRouter base is the site; its request passing a title of its own is one of its requests.
      { row: 'httpx-client', line: 4, referer: ['https://acme.dev'], title: 'unknown', categories: 'unknown', requests: [{ line: 5, referer: ['https://acme.dev'], title: ['Acme'] }] },
      { row: 'aiohttp-session', line: 9, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' },
    ]);
  });

  it('reads headers written into a session after it is made', () => {
    expect(
      sitesOf(`import requests
s = requests.Session()
s.headers.update({"HTTP-Referer": "https://acme.dev"})
s.headers["X-Title"] = "Acme"
s.post("${OR}/chat/completions")
t = requests.Session()
t.headers.update(load())
t.post("${OR}/chat/completions")
`),
    ).toEqual([
      { row: 'requests-session', line: 5, referer: ['https://acme.dev'], title: ['Acme'], categories: 'absent' },
      { row: 'requests-session', line: 8, referer: 'unknown', title: 'unknown', categories: 'unknown' },
    ]);
  });

  it('takes an OpenRouter URL of unknown path as a request when its body is a chat request', () => {
    expect(sitesOf(`import requests, os\nrequests.post(os.environ["OPENROUTER_URL"], json={"model": "m", "messages": []})\n`)).toHaveLength(1);
    expect(sitesOf(`import requests, os\nrequests.post(os.environ["OPENROUTER_URL"], json={"key": "v"})\n`)).toEqual([]);
  });

  it('follows a base URL with its ends stripped into an f-string, and a request under `async with`', () => {
    expect(
      sitesOf(`import aiohttp, os
class Model:
    def __init__(self, base_url=None):
        self.base_url = base_url or os.environ.get("OPENROUTER_BASE_URL") or "${OR}/"
    async def generate(self):
        url = f"{self.base_url.rstrip('/')}/chat/completions"
        async with aiohttp.ClientSession() as session:
            async with session.post(url, json={}, headers={"HTTP-Referer": "https://app.example.com", "X-Title": "Acme"}) as response:
                return await response.json()
`),
    ).toEqual([{ row: 'aiohttp-session', line: 8, referer: ['https://app.example.com'], title: ['Acme'], categories: 'absent' }]);
    // Another host, stripped, is still another host.
    expect(sitesOf(`import aiohttp
BASE = " https://api.example.com/ "
async def f(s: aiohttp.ClientSession):
    async with aiohttp.ClientSession() as s:
        await s.post(BASE.strip().rstrip("/") + "/chat/completions", json={"messages": []})
`)).toEqual([]);
  });

  it('follows a session kept in a global or a field that starts as None, and one a helper returns', () => {
    expect(
      sitesOf(`import aiohttp
_session = None
async def _get_session():
    global _session
    if _session is None or _session.closed:
        _session = aiohttp.ClientSession(headers={"X-Title": "Acme"})
    return _session
async def ask(messages):
    for attempt in range(3):
        session = await _get_session()
        async with session.post("${OR}/chat/completions", json={"messages": messages}) as response:
            return await response.json()
class Bot:
    def __init__(self):
        self.session = None
    async def start(self):
        self.session = aiohttp.ClientSession()
    async def ask(self):
        await self.session.post("${OR}/chat/completions", json={})
`),
    ).toEqual([
      { row: 'aiohttp-session', line: 11, referer: 'absent', title: ['Acme'], categories: 'absent' },
      { row: 'aiohttp-session', line: 19, referer: 'absent', title: 'absent', categories: 'absent' },
    ]);
    // Two sessions a field may hold: neither is the one the request goes through for certain.
    expect(
      sitesOf(`import aiohttp
class Bot:
    def __init__(self):
        self.session = aiohttp.ClientSession()
    def reset(self):
        self.session = aiohttp.ClientSession(headers=load())
    async def ask(self):
        await self.session.post("${OR}/chat/completions", json={})
`),
    ).toEqual([]);
  });

  it('follows a field a method of the class hands back, called on directly or through a name', () => {
    const provider = (use: string) => `import aiohttp
from openai import OpenAI
class Provider:
    BASE_URL = "${OR}"
    def __init__(self, key):
        self.key = key
        self._session = None
        self._client = None
    async def _ensure_session(self):
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(headers={"Authorization": self.key})
        return self._session
    def _get_client(self):
        if self._client is None:
            self._client = OpenAI(base_url=self.BASE_URL, api_key=self.key)
        return self._client
${use}`;
    const named = '    async def ask(self, payload):\n        session = await self._ensure_session()\n        async with session.post(f"{self.BASE_URL}/chat/completions", json=payload) as r:\n            return await r.json()\n';
    expect(sitesOf(provider(named))).toEqual([
      { row: 'python-openai', line: 15, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'aiohttp-session', line: 19, referer: 'absent', title: 'absent', categories: 'absent' },
    ]);
    // The client's per-request headers, through the getter's result called on directly.
    const direct = '    def ask(self, messages):\n        return self._get_client().chat.completions.create(model="m", messages=messages, extra_headers={"HTTP-Referer": "https://acme.dev"})\n';
    expect(sitesOf(provider(direct))).toEqual([
      { row: 'python-openai', line: 15, referer: 'unknown', title: 'unknown', categories: 'unknown', requests: [{ line: 18, referer: ['https://acme.dev'], title: 'absent' }] },
    ]);
  });

  it('does not know the headers `**kwargs` may pass', () => {
    expect(sitesOf(`import requests\nrequests.post("${OR}/chat/completions", **options)\n`)).toEqual([
      { row: 'requests-request', line: 2, referer: 'unknown', title: 'unknown', categories: 'unknown' },
    ]);
  });
});

describe('LiteLLM and the libraries on it', () => {
  it('finds completion calls for openrouter/ models only, with their own identity row', () => {
    expect(
      sitesOf(`import litellm
from litellm import completion, acompletion
completion(model="openrouter/openai/gpt-4o", messages=[])
litellm.acompletion("openrouter/x", messages=[], extra_headers={"HTTP-Referer": "https://acme.dev"})
completion(model="gpt-4o", messages=[])
completion(model=MODEL, messages=[])
`),
    ).toEqual([
      { row: 'python-litellm', line: 3, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'python-litellm', line: 4, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' },
    ]);
  });

  it('reads litellm.headers and OR_SITE_URL / OR_APP_NAME set in code beneath each call', () => {
    expect(
      sitesOf(`import os, litellm
os.environ["OR_APP_NAME"] = "Acme"
litellm.headers = {"HTTP-Referer": "https://acme.dev"}
litellm.completion(model="openrouter/x", messages=[])
`),
    ).toEqual([{ row: 'python-litellm', line: 4, referer: ['https://acme.dev'], title: ['Acme'], categories: 'absent' }]);
  });

  it('finds dspy.LM, crewai LLM and smolagents LiteLLMModel for openrouter/ models', () => {
    expect(
      sitesOf(`import dspy
from crewai import LLM
from smolagents import LiteLLMModel
dspy.LM("openrouter/google/gemini-2.5-flash")
dspy.LM("openai/gpt-4o")
LLM(model="openrouter/deepseek/deepseek-r1", default_headers={"HTTP-Referer": "https://acme.dev"})
LiteLLMModel(model_id="openrouter/anthropic/claude")
`),
    ).toEqual([
      { row: 'python-dspy', line: 4, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'python-crewai', line: 6, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' },
      { row: 'python-smolagents-litellm', line: 7, referer: 'absent', title: 'absent', categories: 'absent' },
    ]);
  });

  it('finds another provider\'s model sent to an OpenRouter api_base, without LiteLLM\'s identity', () => {
    expect(
      sitesOf(`import dspy, litellm
dspy.LM(model="openai/gpt-4o", api_key=key, api_base="${OR}")
dspy.LM("openrouter/x", api_base="${OR}")
litellm.completion(model=MODEL, api_base="${OR}", messages=[], extra_headers={"X-Title": "Acme"})
dspy.LM("openai/gpt-4o", api_base="https://api.openai.com/v1")
`),
    ).toEqual([
      { row: 'python-dspy-base-url', line: 2, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'python-dspy', line: 3, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'python-litellm-base-url', line: 4, referer: 'absent', title: ['Acme'], categories: 'absent' },
    ]);
  });
});

describe('clients handed on', () => {
  it('finds the AsyncOpenAI the Agents SDK re-exports, but not a project module of that name', () => {
    const code = `from agents import Agent, OpenAIChatCompletionsModel, AsyncOpenAI
client = AsyncOpenAI(api_key=key, base_url="${OR}")
agent = Agent(name="a", model=OpenAIChatCompletionsModel(model="m", openai_client=client))
`;
    expect(sitesOf(code)).toEqual([{ row: 'python-openai', line: 2, referer: 'absent', title: 'absent', categories: 'absent' }]);
    expect(sitesOf('from agents import OpenAI\nOpenAI(base_url="${OR}")\n')).toEqual([]);
  });

  it('finds instructor clients made from an openrouter/ provider string, with the headers their requests pass', () => {
    expect(
      sitesOf(`import instructor
client = instructor.from_provider(model="openrouter/" + model, api_key=key, async_client=False)
client.create_with_completion(model=model, messages=[], extra_headers={"HTTP-Referer": "https://acme.dev"})
instructor.from_provider("openai/gpt-4o")
`),
    ).toEqual([
      { row: 'python-instructor', line: 2, referer: 'unknown', title: 'unknown', categories: 'unknown', requests: [{ line: 3, referer: ['https://acme.dev'], title: 'absent' }] },
    ]);
  });
});

describe('clients made for OpenRouter', () => {
  it('reads the official SDK\'s keywords, its legacy x_title, and attribution per call', () => {
    expect(
      sitesOf(`from openrouter import OpenRouter
with OpenRouter(api_key=key, http_referer="https://acme.dev", x_title="Acme") as client:
    client.chat.send(model="m", messages=[], x_open_router_categories="cli-agent")
OpenRouter(api_key=key, x_open_router_title="Acme", x_open_router_categories="cli-agent,game")
`),
    ).toEqual([
      {
        row: 'python-openrouter', line: 2, referer: ['https://acme.dev'], title: ['Acme'], categories: 'unknown',
        requests: [{ line: 3, referer: ['https://acme.dev'], title: ['Acme'] }],
      },
      { row: 'python-openrouter', line: 4, referer: 'absent', title: ['Acme'], categories: ['cli-agent,game'] },
    ]);
  });

  it('names the keywords the official SDK ignores where attribution was put', () => {
    const sites = findPythonSites(parsePython('from openrouter import OpenRouter\nOpenRouter(default_headers={"HTTP-Referer": "https://acme.dev"})\nOpenRouter(http_referer="https://acme.dev")\n'), null);
    expect(sites.map((site) => [site.ignoredOptions, site.fields.referer.state])).toEqual([
      [['default_headers'], 'absent'],
      [[], 'present'],
    ]);
  });

  it('reads langchain-openrouter, pydantic-ai, llama-index and agno', () => {
    expect(
      sitesOf(`from langchain_openrouter import ChatOpenRouter
from pydantic_ai.providers.openrouter import OpenRouterProvider
from llama_index.llms.openrouter import OpenRouter as LlamaOpenRouter
from agno.models.openrouter import OpenRouter
ChatOpenRouter(model="m", app_title="Acme", app_categories=["cli-agent"])
OpenRouterProvider(api_key=k, app_url="https://acme.dev", app_title="Acme")
LlamaOpenRouter(model="m", default_headers={"X-Title": "Acme"})
OpenRouter(id="m", extra_headers={"HTTP-Referer": "https://acme.dev"})
`),
    ).toEqual([
      { row: 'python-langchain-openrouter', line: 5, referer: 'absent', title: ['Acme'], categories: ['cli-agent'] },
      { row: 'python-pydantic-ai', line: 6, referer: ['https://acme.dev'], title: ['Acme'], categories: 'absent' },
      { row: 'python-llama-index', line: 7, referer: 'absent', title: ['Acme'], categories: 'absent' },
      { row: 'python-agno', line: 8, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' },
    ]);
  });

  it("reads pydantic-ai's OpenAI provider (and the old OpenAIModel) on an OpenRouter base, with an http_client's headers", () => {
    expect(
      sitesOf(`import httpx
from pydantic_ai.providers.openai import OpenAIProvider
from pydantic_ai.models.openai import OpenAIModel
a = OpenAIProvider(base_url="${OR}", api_key="k")
b = OpenAIModel(model_name="m", api_key="k", base_url="${OR}")
c = OpenAIProvider(base_url="${OR}", http_client=httpx.AsyncClient(headers={"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"}))
d = OpenAIProvider(base_url="https://api.openai.com/v1", api_key="k")
e = OpenAIModel("m", provider=d)
`),
    ).toEqual([
      { row: 'python-pydantic-ai-openai', line: 4, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'python-pydantic-ai-openai', line: 5, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'python-pydantic-ai-openai', line: 6, referer: ['https://acme.dev'], title: ['Acme'], categories: 'absent' },
    ]);
  });

  it('reads pydantic-ai given its OpenRouter provider by name: a model\'s provider="openrouter", an agent\'s "openrouter:" model', () => {
    expect(
      sitesOf(`from pydantic_ai import Agent
from pydantic_ai.models.openai import OpenAIChatModel, OpenAIModel
a = OpenAIModel(model_name="m", provider="openrouter")
b = OpenAIChatModel("m", provider="openrouter", settings={"extra_headers": {"HTTP-Referer": "https://acme.dev"}})
c = OpenAIChatModel("m", provider="openai")
d = Agent("openrouter:anthropic/claude-sonnet-4")
e = Agent(model="openai:gpt-5")
f = Agent(a)
`),
    ).toEqual([
      { row: 'python-pydantic-ai-by-name', line: 3, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'python-pydantic-ai-by-name', line: 4, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' },
      { row: 'python-pydantic-ai-agent', line: 6, referer: 'absent', title: 'absent', categories: 'absent' },
    ]);
  });

  it('reads ChatOpenAI (both base keywords, community and legacy paths), autogen and smolagents OpenAIServerModel', () => {
    expect(
      sitesOf(`from langchain_openai import ChatOpenAI
from langchain_community.chat_models import ChatOpenAI as CommunityChat
from autogen_ext.models.openai import OpenAIChatCompletionClient
from smolagents import OpenAIServerModel
ChatOpenAI(base_url="${OR}", default_headers={"HTTP-Referer": "https://acme.dev"})
CommunityChat(openai_api_base="${OR}")
OpenAIChatCompletionClient(model="m", base_url="${OR}", default_headers={"X-Title": "Acme"})
OpenAIServerModel(model_id="m", api_base="${OR}", client_kwargs={"default_headers": {"HTTP-Referer": "https://acme.dev"}})
ChatOpenAI(model="gpt-4o")
`),
    ).toEqual([
      { row: 'python-langchain-openai', line: 5, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' },
      { row: 'python-langchain-openai', line: 6, referer: 'absent', title: 'absent', categories: 'absent' },
      { row: 'python-autogen', line: 7, referer: 'absent', title: ['Acme'], categories: 'absent' },
      { row: 'python-smolagents-openai', line: 8, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' },
    ]);
  });

  it('reads the headers ChatOpenAI hands to openai through model_kwargs, in either major of openai', () => {
    expect(
      sitesOf(`from langchain.chat_models import ChatOpenAI
from langchain_openai import ChatOpenAI as Chat
ChatOpenAI(openai_api_base="${OR}", headers={"HTTP-Referer": "https://acme.dev"})
Chat(base_url="${OR}", model_kwargs={"extra_headers": {"X-Title": "Acme"}})
Chat(base_url="${OR}", extra_headers={"HTTP-Referer": "https://acme.dev"}, model_kwargs={"temperature": 0})
Chat(base_url="${OR}", model_kwargs=load())
`),
    ).toEqual([
      { row: 'python-langchain-openai', line: 3, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' },
      { row: 'python-langchain-openai', line: 4, referer: 'absent', title: ['Acme'], categories: 'absent' },
      { row: 'python-langchain-openai', line: 5, referer: ['https://acme.dev'], title: 'absent', categories: 'absent' },
      { row: 'python-langchain-openai', line: 6, referer: 'unknown', title: 'unknown', categories: 'unknown' },
    ]);
  });

  it('does not take a project\'s own class or function named like a client for it', () => {
    expect(
      sitesOf(`from .client import OpenRouter
from app.models import ChatOpenRouter
class OpenAI:
    pass
def completion(**kw):
    pass
OpenRouter()
ChatOpenRouter(model="m")
OpenAI(base_url="${OR}")
completion(model="openrouter/x")
`),
    ).toEqual([]);
  });

  it('finds a client imported optionally, and a base URL given by a parameter or a fallback', () => {
    expect(
      sitesOf(`try:
    from openai import OpenAI
except ImportError:
    OpenAI = None
def make(api_key, base_url=None):
    return OpenAI(api_key=api_key, base_url=base_url or "${OR}")
`),
    ).toEqual([{ row: 'python-openai', line: 6, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it('does not take a client name rebound in a function for the import', () => {
    expect(
      sitesOf(`from openrouter import OpenRouter
def make(OpenRouter):
    return OpenRouter()
`),
    ).toEqual([]);
  });
});
