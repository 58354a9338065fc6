/**
 * langchain-community's `ChatLiteLLM`: LiteLLM underneath, so an `openrouter/…` model sends LiteLLM's identity
 * unless `model_kwargs` pass headers; and a model with an OpenRouter branch among other providers' is
 * OpenRouter traffic when that branch runs.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { sitesOf } from './summaries.js';

const linter = new Linter({ configType: 'flat' });
const lint = (code: string) => linter.verify(code, [plugin.configs.python], 'app.py').map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

const IMPORT = 'from langchain_community.chat_models import ChatLiteLLM\n';

describe('ChatLiteLLM', () => {
  it('reports an openrouter/ model with no headers as crediting LiteLLM', () => {
    const code = `${IMPORT}llm = ChatLiteLLM(model="openrouter/openai/gpt-4o-mini", temperature=0)\n`;
    expect(sitesOf(code)).toEqual([{ row: 'python-langchain-litellm', line: 2, referer: 'absent', title: 'absent', categories: 'absent' }]);
    expect(lint(code)).toEqual(['2:openrouter/require-referer:defaultIdentity']);
  });

  it('is silent when model_kwargs pass the app\'s headers', () => {
    for (const keyword of ['extra_headers', 'headers']) {
      expect(lint(`${IMPORT}llm = ChatLiteLLM(model="openrouter/openai/gpt-4o-mini", model_kwargs={"${keyword}": {"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"}})\n`)).toEqual([]);
    }
  });

  it('takes model_name over model, and another model on an OpenRouter api_base as a client sending no identity', () => {
    expect(sitesOf(`${IMPORT}ChatLiteLLM(model="gpt-4o", model_name="openrouter/openai/gpt-4o")\n`)).toEqual([{ row: 'python-langchain-litellm', line: 2, referer: 'absent', title: 'absent', categories: 'absent' }]);
    expect(sitesOf(`${IMPORT}ChatLiteLLM(model="openrouter/openai/gpt-4o", model_name="gpt-4o")\n`)).toEqual([]);
    const code = `${IMPORT}ChatLiteLLM(model="openai/gpt-4o", api_base="https://openrouter.ai/api/v1")\n`;
    expect(sitesOf(code)).toEqual([{ row: 'python-langchain-litellm-base-url', line: 2, referer: 'absent', title: 'absent', categories: 'absent' }]);
    expect(lint(code)).toEqual(['2:openrouter/require-referer:missingReferer']);
  });

  it('follows a model a method returns in one branch of several, through a kwargs dict with conditional keys', () => {
    const code = `${IMPORT}
class Service:
    def _model_name(self, provider, model):
        if provider == "openai":
            return f"openai/{model}"
        elif provider == "openrouter":
            return f"openrouter/{model}"
        return model

    def build(self, provider, model, key=None):
        kwargs = {"model": self._model_name(provider, model), "temperature": 0.2}
        if key:
            kwargs["openrouter_api_key"] = key
        return ChatLiteLLM(**kwargs)
`;
    expect(sitesOf(code)).toEqual([{ row: 'python-langchain-litellm', line: 15, referer: 'absent', title: 'absent', categories: 'absent' }]);
    expect(lint(code)).toEqual(['15:openrouter/require-referer:defaultIdentity']);
  });

  it('stays silent where the model or the keywords are not told', () => {
    // No branch names OpenRouter.
    expect(sitesOf(`${IMPORT}def build(model):\n    return ChatLiteLLM(model=f"anthropic/{model}" if model else model)\n`)).toEqual([]);
    // A kwargs dict with a key the file cannot read may hold model_kwargs: the headers are unknown.
    const unknownKeys = `${IMPORT}def build(extra):\n    kwargs = {"model": "openrouter/openai/gpt-4o"}\n    kwargs.update(extra)\n    return ChatLiteLLM(**kwargs)\n`;
    expect(lint(unknownKeys)).toEqual([]);
  });
});
