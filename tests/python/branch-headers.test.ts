/**
 * Headers a request is given from an `if`/`else`, with values read from a config class whose attributes
 * fall back to the docs' placeholders when the environment does not set them; and keywords a `**kwargs`
 * dict gets in a branch (one provider of several).
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const linter = new Linter({ configType: 'flat' });
const lint = (code: string) => linter.verify(code, [plugin.configs.python], 'app.py').map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

function branches(referer: string, title: string, userHeaders = ''): string {
  return `import os
import requests

class Config:
    OPENROUTER_API_KEY = os.getenv("OPENROUTER_API_KEY")
    SITE_URL = os.getenv("SITE_URL", ${referer})
    SITE_TITLE = os.getenv("SITE_TITLE", ${title})

def query(prompt, user_key=None):
    if user_key:
        headers = {"Authorization": f"Bearer {user_key}"${userHeaders}}
    else:
        headers = {
            "Authorization": f"Bearer {Config.OPENROUTER_API_KEY}",
            "HTTP-Referer": Config.SITE_URL,
            "X-Title": Config.SITE_TITLE,
        }
    return requests.post(url="https://openrouter.ai/api/v1/chat/completions", headers=headers, json={"messages": []})
`;
}

describe('headers chosen in branches, from a config class', () => {
  it('reports the placeholders the environment falls back to', () => {
    expect(lint(branches('"https://your-site-url.com"', '"Your Site Title"'))).toEqual([
      '6:openrouter/require-referer:placeholderReferer',
      '7:openrouter/no-generic-title:placeholderTitle',
    ]);
  });

  it('is silent when the fallbacks are the app\'s own and both branches send them', () => {
    expect(lint(branches('"https://grammar.acme.dev"', '"Acme Grammar"', ', "HTTP-Referer": Config.SITE_URL, "X-Title": Config.SITE_TITLE'))).toEqual([]);
  });
});

function providerKwargs(extra: string): string {
  return `from litellm import acompletion

async def call(config, messages):
    kwargs = {"model": config["model"], "messages": messages}
    if config["provider"] == "ollama":
        kwargs["api_base"] = config["api_base"]
    elif config["provider"] == "openrouter":
        kwargs["api_base"] = "https://openrouter.ai/api/v1"
        kwargs["model"] = f"openrouter/{config['model']}"
${extra}    return await acompletion(**kwargs)
`;
}

describe('keywords a **kwargs dict is given in a branch', () => {
  it('takes each value a branch writes as one the call may pass', () => {
    expect(lint(providerKwargs(''))).toEqual(['10:openrouter/require-referer:defaultIdentity']);
  });

  it('is silent when a branch may add headers, or no branch names OpenRouter', () => {
    expect(lint(providerKwargs('    if config.get("headers"):\n        kwargs["extra_headers"] = config["headers"]\n'))).toEqual([]);
    expect(lint(providerKwargs('').replace('f"openrouter/{config[\'model\']}"', 'config["model"]').replace('"https://openrouter.ai/api/v1"', 'config["base"]'))).toEqual([]);
  });
});
