/** Python referers that change per request or deployment: the incoming request's host, a per-deployment variable. */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const linter = new Linter({ configType: 'flat' });
const lint = (code: string) => linter.verify(code, [plugin.configs.python], 'app.py').map((message) => `${message.line}:${message.ruleId}:${message.messageId}`);

const HEAD = 'import os\nimport requests\nfrom flask import request\nURL = "https://openrouter.ai/api/v1/chat/completions"\n';
const post = (referer: string) => lint(`${HEAD}requests.post(URL, headers={"HTTP-Referer": ${referer}, "X-Title": "Acme"}, json={})\n`);

describe('unstable referers in Python', () => {
  it("reports the request's host, however the framework spells it", () => {
    for (const referer of [
      'request.host_url',
      'request.url_root',
      'str(request.base_url)',
      'request.headers.get("origin")',
      'request.headers["Host"]',
      'request.META.get("HTTP_HOST")',
      'self.request.build_absolute_uri("/")',
      'f"https://{request.host}/app"',
    ]) {
      expect([referer, post(referer)]).toEqual([referer, ['5:openrouter/no-unstable-referer:unstableReferer']]);
    }
  });

  it('reports a per-deployment variable, and a host read kept in a name first', () => {
    expect(post('os.getenv("VERCEL_URL")')).toEqual(['5:openrouter/no-unstable-referer:unstableReferer']);
    expect(lint(`${HEAD}def ask():\n    site = request.host_url\n    return requests.post(URL, headers={"HTTP-Referer": site, "X-Title": "Acme"}, json={})\n`)).toEqual([
      '6:openrouter/no-unstable-referer:unstableReferer',
    ]);
  });

  it('leaves alone what does not name a host: other headers, other attributes, other objects', () => {
    for (const referer of ['request.headers.get("x-app-url")', 'request.args.get("site")', 'config.host_url', 'os.getenv("SITE_URL")', '"https://acme.dev"']) {
      expect([referer, post(referer)]).toEqual([referer, []]);
    }
  });

  it("reports a request host with an empty fallback once, as no-unstable-referer's, as in JavaScript", () => {
    expect(post('request.headers.get("origin") or ""')).toEqual(['5:openrouter/no-unstable-referer:unstableReferer']);
  });

  it('reports a request host beside a placeholder fallback as two mistakes', () => {
    expect(post('request.host_url if request else "https://example.com"')).toEqual([
      '5:openrouter/no-unstable-referer:unstableReferer',
      '5:openrouter/require-referer:placeholderReferer',
    ]);
  });
});
