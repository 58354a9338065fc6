/** A referer that is a library's own identity, copied into a Python app: the same check as JavaScript's. */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const linter = new Linter({ configType: 'flat' });
const lint = (code: string) => linter.verify(code, [plugin.configs.python], 'app.py').map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

const CHAT = 'import os\nfrom langchain_openai import ChatOpenAI\n';

describe('a library\'s identity as a Python referer', () => {
  it('reports the repository of a library copied from its docs', () => {
    const code = `${CHAT}llm = ChatOpenAI(
    openai_api_base=os.getenv("OPENROUTER_BASE_URL"),
    default_headers={"HTTP-Referer": "https://github.com/joaomdmoura/crewAI"},
)
`;
    expect(lint(code)).toEqual(['5:openrouter/require-referer:libraryReferer']);
  });

  it('leaves the app\'s own repository alone, also one under a library owner\'s account', () => {
    expect(lint(`${CHAT}ChatOpenAI(openai_api_base=os.getenv("OPENROUTER_BASE_URL"), default_headers={"HTTP-Referer": "https://github.com/joaomdmoura/pages", "X-Title": "Pages"})\n`)).toEqual([]);
  });
});
