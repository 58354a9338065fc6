/**
 * Attribution a Python site writes in a keyword its client never reads is no-ignored-attribution's
 * finding alone: one mistake, one finding, as in JavaScript.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const linter = new Linter({ configType: 'flat' });
const lint = (code: string) => linter.verify(code, [plugin.configs.python], 'app.py').map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

const CREWAI = 'from crewai import LLM\n\n';

describe('attribution where a Python client never reads it', () => {
  it('reports CrewAI headers inside model_kwargs as ignored, not as CrewAI\'s own identity', () => {
    const code = `${CREWAI}llm = LLM(
    model="openrouter/mistralai/mistral-small",
    model_kwargs={
        "temperature": 0.7,
        "extra_headers": {"HTTP-Referer": referer, "X-Title": title},
    },
)
`;
    expect(lint(code)).toEqual(['7:openrouter/no-ignored-attribution:ignoredOption']);
    const [message] = linter.verify(code, [plugin.configs.python], 'app.py');
    expect(message!.message).toBe(
      'CrewAI ignores the `model_kwargs.extra_headers` option: the referer and title in it are never sent. Set an `HTTP-Referer` header in `default_headers` and an `X-OpenRouter-Title` header in `default_headers` instead.',
    );
  });

  it('leaves CrewAI\'s own identity the finding when model_kwargs carries no attribution', () => {
    expect(lint(`${CREWAI}LLM(model="openrouter/m", model_kwargs={"extra_headers": {"X-Trace": "1"}})\n`)).toEqual(['3:openrouter/require-referer:defaultIdentity']);
    expect(lint(`${CREWAI}LLM(model="openrouter/m", model_kwargs=build())\n`)).toEqual(['3:openrouter/require-referer:defaultIdentity']);
  });

  it('is silent when the referer is also sent where CrewAI reads it', () => {
    expect(lint(`${CREWAI}LLM(model="openrouter/m", default_headers={"HTTP-Referer": "https://acme.dev", "X-Title": "Acme Docs"}, model_kwargs={"extra_headers": {"HTTP-Referer": "https://acme.dev"}})\n`)).toEqual([]);
  });

  it('reports default_headers on the official SDK once, as the ignored option it is', () => {
    expect(lint('from openrouter import OpenRouter\n\nOpenRouter(api_key=key, default_headers={"HTTP-Referer": "https://acme.dev", "X-Title": "Acme Docs"})\n')).toEqual([
      '3:openrouter/no-ignored-attribution:ignoredOption',
    ]);
    // Headers the file does not show: only require-referer can say the option is ignored.
    expect(lint('from openrouter import OpenRouter\n\nOpenRouter(api_key=key, default_headers=headers())\n')).toEqual(['3:openrouter/require-referer:ignoredOption']);
  });
});
