/**
 * Values a method of the class returns (`self._get_headers(extra)`), pydantic `Field(default=...)` settings
 * read across modules, and an `update()` the code cannot read, which is treated as JavaScript treats
 * `Object.assign(headers, unknown)`: the keys written before it are still checked.
 */
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { pythonProject, sitesIn, sitesOf } from './summaries.js';

const python = new Linter({ configType: 'flat' });
const lintPython = (code: string) => python.verify(code, [plugin.configs.python], 'app.py').map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);
const javascript = new Linter({ configType: 'flat' });
const lintJavaScript = (code: string) => javascript.verify(code, [plugin.configs.recommended], 'app.js').map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

/** A client class whose requests send the headers a method builds. */
function clientClass(referer: string, after = '        if extra:\n            headers.update(extra)\n'): string {
  return `import httpx

class Client:
    def __init__(self):
        self.session = httpx.AsyncClient()

    def _headers(self, extra=None):
        headers = {"Authorization": "Bearer k", "HTTP-Referer": ${referer}, "X-Title": "Acme"}
${after}        return headers

    async def chat(self, payload, extra=None):
        return await self.session.post("https://openrouter.ai/api/v1/chat/completions", json=payload, headers=self._headers(extra))

    async def stream(self, payload):
        return await self.session.post("https://openrouter.ai/api/v1/chat/completions", json=payload, headers=self._headers())
`;
}

describe('values a method of the class returns', () => {
  it('reads the headers a method builds, and reports a placeholder once for the requests that send it', () => {
    const code = clientClass('"https://github.com/your-org/your-repo"', '');
    expect(sitesOf(code).map((site) => (site as { referer: unknown }).referer)).toEqual([['https://github.com/your-org/your-repo'], ['https://github.com/your-org/your-repo']]);
    expect(lintPython(code)).toEqual(['8:openrouter/require-referer:placeholderReferer']);
  });

  it('is silent when the method sends the app\'s own referer', () => {
    expect(lintPython(clientClass('"https://acme.dev"'))).toEqual([]);
  });

  it('does not follow a method its class binds twice, or one of another object', () => {
    const twice = clientClass('"https://github.com/your-org/your-repo"').replace('    async def chat', '    _headers = None\n\n    async def chat');
    expect(lintPython(twice)).toEqual([]);
    const other = clientClass('"https://github.com/your-org/your-repo"').replace('headers=self._headers(extra)', 'headers=other._headers(extra)').replace('headers=self._headers()', 'headers=other._headers()');
    expect(lintPython(other)).toEqual([]);
  });
});

describe('an update the code cannot read, in both languages', () => {
  it('still checks the referer written before `headers.update(extra)`, as before `Object.assign(headers, extra)`', () => {
    expect(lintPython(clientClass('"https://github.com/your-org/your-repo"'))).toEqual(['8:openrouter/require-referer:placeholderReferer']);
    const js = `import OpenAI from 'openai';
export function client(extra) {
  const headers = { 'HTTP-Referer': 'https://github.com/your-org/your-repo', 'X-Title': 'Acme' };
  Object.assign(headers, extra);
  return new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: headers });
}
`;
    expect(lintJavaScript(js)).toEqual(['3:openrouter/require-referer:placeholderReferer']);
  });
});

describe('pydantic settings fields with Field defaults', () => {
  const settings = `from typing import Optional
from pydantic import Field
from pydantic_settings import BaseSettings

class Settings(BaseSettings):
    base_url: str = Field(default="https://openrouter.ai/api/v1", description="API base")
    app_url: Optional[str] = Field(default=None)
    app_title: str = Field("Acme Reports")

settings = Settings()
`;
  const client = (referer: string) => `import httpx
from app.config import settings

def chat(payload):
    return httpx.post(f"{settings.base_url}/chat/completions", json=payload, headers={"HTTP-Referer": ${referer}, "X-Title": settings.app_title})
`;

  it('reads a field\'s default from another module, beneath the environment', () => {
    const root = pythonProject({ 'app/__init__.py': '', 'app/config.py': settings });
    expect(sitesIn(root, path.join('app', 'client.py'), client('settings.app_url or "https://acme.dev"'))).toEqual([
      { row: 'httpx-request', line: 5, referer: ['<env:app_url>', '<?>', 'https://acme.dev'], title: ['<env:app_title>', 'Acme Reports'], categories: 'absent' },
    ]);
  });

  it('reads no default from a required field or a default_factory', () => {
    const root = pythonProject({ 'app/__init__.py': '', 'app/config.py': settings.replace('Field(default="https://openrouter.ai/api/v1", description="API base")', 'Field(..., description="API base")') });
    expect(sitesIn(root, path.join('app', 'client.py'), client('"https://acme.dev"'))).toEqual([]);
  });
});
