/** Header names OpenRouter does not read, in a Python call's own dicts: the near misses JavaScript reports. */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const linter = new Linter({ configType: 'flat' });
const lint = (code: string) => linter.verify(code, [plugin.configs.python], 'app.py').map((message) => `${message.line}:${message.column}:${message.ruleId}:${message.messageId}`);

const CLIENT = 'from openai import OpenAI\nimport requests\nURL = "https://openrouter.ai/api/v1/chat/completions"\n';

describe('misspelt attribution headers in Python', () => {
  it('reports a near miss and the standard Referer at the name, once, and not as a missing referer', () => {
    expect(lint(`${CLIENT}OpenAI(base_url="https://openrouter.ai/api/v1", default_headers={"HTTP-Referrer": "https://acme.dev", "X-Titel": "Acme"})\n`)).toEqual([
      '4:66:openrouter/no-ignored-attribution:nearMiss',
      '4:103:openrouter/no-ignored-attribution:nearMiss',
    ]);
    expect(lint(`${CLIENT}requests.post(URL, headers={"Referer": "https://acme.dev", "X-Title": "Acme"}, json={})\n`)).toEqual(['4:29:openrouter/no-ignored-attribution:refererHeader']);
  });

  it('leaves alone a near miss beside the right header, and other headers', () => {
    expect(lint(`${CLIENT}requests.post(URL, headers={"Referer": "https://acme.dev", "HTTP-Referer": "https://acme.dev", "X-Title": "Acme"}, json={})\n`)).toEqual([]);
    expect(lint(`${CLIENT}requests.post(URL, headers={"HTTP-Referer": "https://acme.dev", "X-Time": "1", "X-Request-Name": "q"}, json={})\n`)).toEqual([]);
  });
});
