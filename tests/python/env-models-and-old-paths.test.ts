/**
 * A LiteLLM model read from the environment with an `openrouter/` fallback, and OpenAI embeddings from
 * LangChain's older module paths: sites as the rules see them, reported and left alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { temporaryFolder } from '../temporary-folders.js';

/** The messages of linting `code` as `file` of the project at `root` (ESLint lints only files under its cwd). */
const lint = (code: string, file = 'app.py', root = process.cwd()) =>
  new Linter({ configType: 'flat', cwd: root }).verify(code, [plugin.configs.python], path.join(root, file)).map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

const OR = 'https://openrouter.ai/api/v1';

describe('a LiteLLM model read from the environment', () => {
  it('is an OpenRouter request when the literal it falls back to is an openrouter/ model', () => {
    const code = `import os
from litellm import completion
MODEL = os.getenv("MODEL_NAME", "openrouter/google/gemini-2.5-flash")
completion(model=MODEL, messages=[])
completion(model=os.environ.get("MODEL_NAME", "openrouter/x"), messages=[])
`;
    expect(lint(code)).toEqual(['4:openrouter/require-referer:defaultIdentity', '5:openrouter/require-referer:defaultIdentity']);
    expect(lint(code.replace(/messages=\[\]\)/g, 'messages=[], extra_headers={"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"})'))).toEqual([]);
  });

  it('is not when nothing in the code names an openrouter/ model', () => {
    expect(
      lint(`import os
from litellm import completion
completion(model=os.getenv("MODEL_NAME"), messages=[])
completion(model=os.getenv("MODEL_NAME", "openai/gpt-4o"), messages=[])
completion(model=os.getenv("MODEL_NAME") or "gpt-4o", messages=[])
completion(model="anthropic/claude" if fast else "openai/gpt-4o", messages=[])
`),
    ).toEqual([]);
  });

  it('is when one branch of the model, or what it falls back to, names an openrouter/ model', () => {
    // That branch sends to OpenRouter whenever it runs, as an OpenRouter base URL among a base URL's values does.
    expect(
      lint(`import os
from litellm import completion
completion(model="openrouter/x" if fast else "openai/gpt-4o", messages=[])
def ask(model):
    return completion(model=model or os.getenv("MODEL_NAME", "openrouter/x"), messages=[])
`),
    ).toEqual(['3:openrouter/require-referer:defaultIdentity', '5:openrouter/require-referer:defaultIdentity']);
  });

  it('is read from the module beside the file in a package, when that module binds the imported name', () => {
    const root = temporaryFolder('openrouter-python-');
    writeFileSync(path.join(root, 'pyproject.toml'), '[project]\nname = "app"\n');
    mkdirSync(path.join(root, 'app'));
    writeFileSync(path.join(root, 'app/__init__.py'), '');
    writeFileSync(path.join(root, 'app/llm.py'), 'import os\nMODEL_NAME = os.getenv("MODEL_NAME", "openrouter/google/gemini-2.5-flash")\n');
    const code = 'from llm import MODEL_NAME\nfrom litellm import completion\n\ndef ask(messages):\n    return completion(model=MODEL_NAME, messages=messages)\n';
    expect(lint(code, 'app/agents.py', root)).toEqual(['5:openrouter/require-referer:defaultIdentity']);
    // A name the module beside it does not bind comes from somewhere else.
    expect(lint(code.replace(/MODEL_NAME/g, 'OTHER_MODEL'), 'app/agents.py', root)).toEqual([]);
  });
});

describe('OpenAI embeddings from LangChain\'s older module paths', () => {
  it('are a client on an OpenRouter base URL, from langchain.embeddings and langchain_community.embeddings', () => {
    expect(
      lint(`import os
from langchain.embeddings import OpenAIEmbeddings
from langchain_community.embeddings import OpenAIEmbeddings as CommunityEmbeddings
OpenAIEmbeddings(openai_api_key=os.getenv("OPENROUTER_API_KEY"), openai_api_base="${OR}")
CommunityEmbeddings(base_url="${OR}")
`),
    ).toEqual(['4:openrouter/require-referer:missingReferer', '5:openrouter/require-referer:missingReferer']);
  });

  it('are left alone with the app\'s default headers, or on another base URL', () => {
    expect(
      lint(`from langchain.embeddings.openai import OpenAIEmbeddings
from langchain.vectorstores import FAISS
OpenAIEmbeddings(openai_api_base="${OR}", default_headers={"HTTP-Referer": "https://acme.dev", "X-Title": "Acme"})
OpenAIEmbeddings(openai_api_base="https://api.openai.com/v1")
OpenAIEmbeddings()
FAISS.load_local("index", OpenAIEmbeddings())
`),
    ).toEqual([]);
  });
});
