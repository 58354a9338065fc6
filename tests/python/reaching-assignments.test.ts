/**
 * A name bound several times in one function (`headers = {...}` in each branch of an `if`): a request
 * reads the assignment that certainly reaches it, the nearest one before it in a block around it, and
 * nothing when another binding may come between.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const linter = new Linter({ configType: 'flat' });
const lint = (code: string) => linter.verify(code, [plugin.configs.python], 'app.py').map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

const URL = '"https://openrouter.ai/api/v1/chat/completions"';
const ATTRIBUTED = '{"Authorization": "Bearer k", "HTTP-Referer": "https://acme.dev", "X-Title": "Acme"}';
const BARE = '{"Authorization": "Bearer k"}';

describe('the assignment that reaches a request', () => {
  it('reads each branch its own headers', () => {
    const code = `import requests

def ask(provider):
    if provider == "google":
        headers = {"x-goog-api-key": "k", "HTTP-Referer": "https://acme.dev"}
        return requests.post("https://generativelanguage.googleapis.com/v1/models", headers=headers)
    elif provider == "openrouter":
        headers = ${BARE}
        return requests.post(${URL}, headers=headers)
`;
    expect(lint(code)).toEqual(['9:openrouter/require-referer:missingReferer']);
    expect(lint(code.replace(`headers = ${BARE}`, `headers = ${ATTRIBUTED}`))).toEqual([]);
  });

  it('reads the last assignment of straight-line code, with the keys written after it only', () => {
    const code = `import requests

headers = ${ATTRIBUTED}
headers["X-Extra"] = "1"
requests.post(${URL}, headers=headers)
headers = ${BARE}
requests.post(${URL}, headers=headers)
`;
    expect(lint(code)).toEqual(['7:openrouter/require-referer:missingReferer']);
  });

  it('stays silent where another binding may come between', () => {
    // A branch between the assignment and the request.
    expect(
      lint(`import requests

def ask(flag):
    headers = ${BARE}
    if flag:
        headers = ${ATTRIBUTED}
    return requests.post(${URL}, headers=headers)
`),
    ).toEqual([]);
    // A later assignment in a loop around the request reaches it from the next pass.
    expect(
      lint(`import requests

def ask(items):
    headers = ${BARE}
    for item in items:
        requests.post(${URL}, headers=headers)
        headers = ${ATTRIBUTED}
`),
    ).toEqual([]);
    // A function that declares the name global may write it between the two.
    expect(
      lint(`import requests

headers = ${ATTRIBUTED}

def reset():
    global headers
    headers = ${ATTRIBUTED}

headers = ${BARE}
reset()
requests.post(${URL}, headers=headers)
`),
    ).toEqual([]);
  });
});
