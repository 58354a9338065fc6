/**
 * LiteLLM `Router` deployments: each deployment's `litellm_params` pointing at OpenRouter is a site, read as
 * the keywords of the `completion()` the router makes for it.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { sitesOf } from './summaries.js';

const linter = new Linter({ configType: 'flat' });
const lint = (code: string) => linter.verify(code, [plugin.configs.python], 'app.py').map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

const OR = 'https://openrouter.ai/api/v1';

/** A router built from a module-level model list whose one deployment has these params. */
function routed(params: string, after = 'router = Router(model_list=MODEL_LIST)\n'): string {
  return `import os
from litellm import Router

MODEL_LIST = [
    {
        "model_name": "gpt-4o-mini",
        "litellm_params": {
${params}
        },
    },
]

${after}`;
}

const ON_BASE = `            "model": "openai/gpt-4o-mini",
            "api_key": os.getenv("OPENROUTER_KEY"),
            "base_url": "${OR}",`;

describe('LiteLLM Router deployments', () => {
  it('reports a deployment on the OpenRouter base without headers, at its params', () => {
    expect(lint(routed(ON_BASE))).toEqual(['7:openrouter/require-referer:missingReferer']);
    expect(sitesOf(routed(ON_BASE))).toEqual([{ row: 'python-litellm-base-url', line: 7, referer: 'absent', title: 'absent', categories: 'absent' }]);
  });

  it('reports a deployment of an `openrouter/` model, which sends LiteLLM\'s own identity', () => {
    const code = routed('            "model": "openrouter/openai/gpt-4o-mini",\n            "api_key": os.getenv("OPENROUTER_KEY"),');
    expect(sitesOf(code)).toEqual([{ row: 'python-litellm', line: 7, referer: 'absent', title: 'absent', categories: 'absent' }]);
    expect(lint(code)).toEqual(['7:openrouter/require-referer:defaultIdentity']);
  });

  it('is silent on a deployment whose extra_headers attribute it', () => {
    expect(lint(routed(`${ON_BASE}\n            "extra_headers": {"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"},`))).toEqual([]);
  });

  it('checks the values of a deployment\'s headers like a call\'s', () => {
    expect(lint(routed(`${ON_BASE}\n            "extra_headers": {"HTTP-Referer": "https://your-site.com", "X-Title": "Acme"},`))).toEqual(['11:openrouter/require-referer:placeholderReferer']);
  });

  it('leaves out deployments sent elsewhere, and model lists no router is given', () => {
    expect(sitesOf(routed('            "model": "claude-haiku-4-5",\n            "api_key": os.getenv("ANTHROPIC_API_KEY"),'))).toEqual([]);
    expect(sitesOf(routed(ON_BASE, 'print(MODEL_LIST)\n'))).toEqual([]);
  });

  it('reads the model list given in the call, and a router wrapped by instructor changes nothing', () => {
    const code = `import instructor
from litellm import Router
router = Router(model_list=[{"model_name": "m", "litellm_params": {"model": "openai/gpt-4o-mini", "api_base": "${OR}"}}])
client = instructor.from_litellm(router.completion)
client.chat.completions.create(model="m", messages=[], response_model=None)
`;
    expect(lint(code)).toEqual(['3:openrouter/require-referer:missingReferer']);
  });

  it('is silent when the calls through the router, or through instructor around it, pass the app\'s headers', () => {
    const headers = 'extra_headers={"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"}';
    expect(lint(routed(ON_BASE, `router = Router(model_list=MODEL_LIST)\nasync def ask(messages):\n    return await router.acompletion(model="gpt-4o-mini", messages=messages, ${headers})\n`))).toEqual([]);
    const wrapped = `import instructor\n${routed(ON_BASE, `class Analyzer:\n    def __init__(self):\n        router = Router(model_list=MODEL_LIST)\n        self.client = instructor.from_litellm(router.completion)\n    def run(self, text):\n        return self.client.chat.completions.create(model="gpt-4o-mini", messages=[], ${headers})\n`)}`;
    expect(lint(wrapped)).toEqual([]);
  });

  it('takes a list given to two routers as one set of deployments, with the calls of both', () => {
    const code = routed(ON_BASE, 'fast = Router(model_list=MODEL_LIST)\nslow = Router(model_list=MODEL_LIST, num_retries=3)\nslow.completion(model="gpt-4o-mini", messages=[], extra_headers={"HTTP-Referer": "https://acme.dev"})\n');
    expect(sitesOf(code)).toEqual([{ row: 'python-litellm-base-url', line: 7, referer: 'unknown', title: 'unknown', categories: 'unknown', requests: [{ line: 17, referer: ['https://acme.dev'], title: 'absent' }] }]);
    expect(lint(code)).toEqual([]);
  });

  it('does not know a deployment\'s headers under router defaults it cannot read', () => {
    expect(lint(routed(ON_BASE, 'router = Router(model_list=MODEL_LIST, default_litellm_params=load_defaults())\n'))).toEqual([]);
    expect(lint(routed(ON_BASE, 'router = Router(model_list=MODEL_LIST, default_litellm_params={"timeout": 30})\n'))).toEqual(['7:openrouter/require-referer:missingReferer']);
  });

  it('is silent when the file sets LiteLLM\'s referer and title globally', () => {
    expect(lint(routed(ON_BASE, 'import litellm\nlitellm.headers = {"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"}\nrouter = Router(model_list=MODEL_LIST)\n'))).toEqual([]);
  });
});
