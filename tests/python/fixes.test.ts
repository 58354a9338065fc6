/**
 * `--fix` on Python: the attribution a call lacks is inserted as the keyword its client takes, with the
 * project's identity, only where every argument of the call is visible and the keyword is not passed yet;
 * the result parses and a second pass finds nothing to fix.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { syntaxErrorCount } from '../../src/analysis/python/parse.js';

const linter = new Linter({ configType: 'flat' });
const SETTINGS = { openrouter: { referer: 'https://acme.dev', title: 'Acme "Docs"', categories: ['cli-agent'] } };
const fix = (code: string, settings: Record<string, unknown> = SETTINGS) => linter.verifyAndFix(code, [{ ...plugin.configs.python, settings }], 'app.py');

describe('Python fixes', () => {
  it("inserts the client's headers keyword, quoted as Python, after the last argument", () => {
    const result = fix('from openai import OpenAI\n\nclient = OpenAI(\n    base_url="https://openrouter.ai/api/v1",  # OpenRouter\n    api_key=key,\n)\n');
    expect(result.output).toBe(
      'from openai import OpenAI\n\nclient = OpenAI(\n    base_url="https://openrouter.ai/api/v1",  # OpenRouter\n    api_key=key, default_headers={"HTTP-Referer": "https://acme.dev", "X-OpenRouter-Title": "Acme \\"Docs\\"", "X-OpenRouter-Categories": "cli-agent"},\n)\n',
    );
    expect(result.messages).toEqual([]);
  });

  it("uses a client's own attribution keywords, and a request's headers keyword", () => {
    expect(fix('from openrouter import OpenRouter\n\nsdk = OpenRouter(api_key=key)\n').output).toBe(
      'from openrouter import OpenRouter\n\nsdk = OpenRouter(api_key=key, http_referer="https://acme.dev", x_open_router_title="Acme \\"Docs\\"", x_open_router_categories="cli-agent")\n',
    );
    expect(fix('import requests\n\nrequests.post("https://openrouter.ai/api/v1/chat/completions", json={})\n').output).toBe(
      'import requests\n\nrequests.post("https://openrouter.ai/api/v1/chat/completions", json={}, headers={"HTTP-Referer": "https://acme.dev", "X-OpenRouter-Title": "Acme \\"Docs\\"", "X-OpenRouter-Categories": "cli-agent"})\n',
    );
  });

  it('adds the missing headers to the dict literal the call already passes', () => {
    const code = 'from openai import OpenAI\n\nclient = OpenAI(base_url="https://openrouter.ai/api/v1", default_headers={"X-Title": "Acme",})\n';
    const result = fix(code);
    expect(result.output).toBe(
      'from openai import OpenAI\n\nclient = OpenAI(base_url="https://openrouter.ai/api/v1", default_headers={"X-Title": "Acme", "HTTP-Referer": "https://acme.dev", "X-OpenRouter-Categories": "cli-agent",})\n',
    );
    expect(result.messages).toEqual([]);
    expect(fix('import requests\n\nrequests.post("https://openrouter.ai/api/v1/chat/completions", headers={}, json={})\n').output).toBe(
      'import requests\n\nrequests.post("https://openrouter.ai/api/v1/chat/completions", headers={"HTTP-Referer": "https://acme.dev", "X-OpenRouter-Title": "Acme \\"Docs\\"", "X-OpenRouter-Categories": "cli-agent"}, json={})\n',
    );
  });

  it('adds the headers keyword to a request asyncio.to_thread runs, which passes it on', () => {
    expect(fix('import asyncio, requests\n\nasync def ask():\n    await asyncio.to_thread(requests.post, "https://openrouter.ai/api/v1/chat/completions", json={})\n').output).toBe(
      'import asyncio, requests\n\nasync def ask():\n    await asyncio.to_thread(requests.post, "https://openrouter.ai/api/v1/chat/completions", json={}, headers={"HTTP-Referer": "https://acme.dev", "X-OpenRouter-Title": "Acme \\"Docs\\"", "X-OpenRouter-Categories": "cli-agent"})\n',
    );
  });

  it('leaves every file it fixes parsing, whether the insertion is proven from the tree or parsed', () => {
    const base = 'base_url="https://openrouter.ai/api/v1"';
    for (const call of [
      `OpenAI(${base})`,
      `OpenAI(${base},)`,
      `OpenAI(\n    ${base},  # OpenRouter\n    api_key=key  # the key\n)`,
      `OpenAI(${base}, default_headers={"X-Title": "Acme"  # name\n})`,
      `OpenAI(${base}, default_headers={\n    "X-Title": "Acme",\n})`,
      `OpenAI(key for key in keys)`,
    ]) {
      const code = `from openai import OpenAI\n\nclient = ${call}\n`;
      const output = fix(code).output;
      expect(syntaxErrorCount(output), output).toBe(0);
    }
  });

  it('leaves a call alone where the insertion is not unambiguous, or no identity is configured', () => {
    for (const code of [
      // `**options` may hold the headers already.
      'from openai import OpenAI\n\nclient = OpenAI(base_url="https://openrouter.ai/api/v1", **options)\n',
      // The headers keyword is passed as something other than a literal of the call: what to edit is not certain.
      'from openai import OpenAI\n\nHEADERS = {"X-Title": "Acme"}\nclient = OpenAI(base_url="https://openrouter.ai/api/v1", default_headers=HEADERS)\n',
      'from openai import OpenAI\n\nclient = OpenAI(base_url="https://openrouter.ai/api/v1", default_headers=({"X-Title": "Acme"}))\n',
      // A merge inside the literal: only a plain literal of entries is edited.
      'from openai import OpenAI\n\nBASE = {"X-Title": "Acme"}\nclient = OpenAI(base_url="https://openrouter.ai/api/v1", default_headers={**BASE})\n',
    ]) {
      expect(fix(code).output).toBe(code);
    }
    const unconfigured = fix('from openai import OpenAI\n\nclient = OpenAI(base_url="https://openrouter.ai/api/v1")\n', {});
    expect(unconfigured.fixed).toBe(false);
    expect(unconfigured.messages.map((message) => message.message)).toEqual([
      'Missing HTTP-Referer: this openai client is credited to no app. Set an `HTTP-Referer` header in `default_headers` to the app\'s URL. To let --fix insert it, set "referer" in settings.openrouter or in [tool.openrouter] of pyproject.toml.',
    ]);
  });
});
