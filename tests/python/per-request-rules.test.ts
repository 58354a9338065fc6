/**
 * Attribution passed per request in Python, through the rules: a client whose requests may pass it is
 * silent, each request passing some attribution but no referer is reported, and every value a request
 * spells out is checked like a construction's (the JavaScript analysis's rule).
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const linter = new Linter({ configType: 'flat' });
const lint = (code: string) => linter.verify(code, [plugin.configs.python], 'app.py').map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

const CLIENT = 'from openai import OpenAI\n\nclient = OpenAI(base_url="https://openrouter.ai/api/v1", api_key=key)\n';

describe('per-request attribution in Python', () => {
  it('checks the quick-start placeholders of extra_headers, not the client they are sent through', () => {
    const code = `${CLIENT}
completion = client.chat.completions.create(
  extra_headers={
    "HTTP-Referer": "<YOUR_SITE_URL>", # Optional. Site URL for rankings on openrouter.ai.
    "X-Title": "<YOUR_SITE_NAME>", # Optional. Site title for rankings on openrouter.ai.
  },
  model="openai/gpt-4o",
  messages=[],
)
`;
    expect(lint(code)).toEqual(['7:openrouter/require-referer:placeholderReferer', '8:openrouter/no-generic-title:placeholderTitle']);
  });

  it('takes a docs marker emptied to `<>` for a placeholder, referer and title alike', () => {
    expect(lint(`${CLIENT}client.chat.completions.create(model="m", messages=[], extra_headers={"HTTP-Referer": "<>", "X-Title": "<>"})\n`)).toEqual([
      '4:openrouter/require-referer:placeholderReferer',
      '4:openrouter/no-generic-title:placeholderTitle',
    ]);
  });

  it('is silent on a client whose request sends the app\'s identity', () => {
    expect(lint(`${CLIENT}client.chat.completions.create(model="m", messages=[], extra_headers={"HTTP-Referer": "https://acme.dev", "X-Title": "Acme Docs"})\n`)).toEqual([]);
  });

  it('reports a request that passes a title but no referer, where it is made', () => {
    expect(lint(`${CLIENT}client.chat.completions.create(model="m", messages=[], extra_headers={"X-Title": "Acme Docs"})\n`)).toEqual([
      '4:openrouter/require-referer:titleWithoutReferer',
    ]);
  });

  it('still reports the client when its requests pass headers that hold no attribution', () => {
    expect(lint(`${CLIENT}client.chat.completions.create(model="m", messages=[], extra_headers={"X-Trace": "1"})\n`)).toEqual([
      '3:openrouter/require-referer:missingReferer',
    ]);
  });

  it('checks the legacy module configuration\'s per-call headers the same way', () => {
    const code = `import openai

openai.api_base = "https://openrouter.ai/api/v1"
response = openai.ChatCompletion.create(
  model="openai/gpt-4o",
  messages=[],
  headers={
    "HTTP-Referer": "<YOUR_SITE_URL>", # Optional.
    "X-Title": "<YOUR_SITE_NAME>", # Optional.
  },
)
`;
    expect(lint(code)).toEqual(['8:openrouter/require-referer:placeholderReferer', '9:openrouter/no-generic-title:placeholderTitle']);
    expect(lint('import openai\n\nopenai.api_base = "https://openrouter.ai/api/v1"\nopenai.ChatCompletion.create(model="m", messages=[])\n')).toEqual([
      '3:openrouter/require-referer:missingReferer',
    ]);
  });
});
