/**
 * The plugin's codes in the session's answer to `getSupportedCodeFixes` without a file: added to
 * what the handler before ours answers (TypeScript's, another plugin's), only while a project the
 * plugin is on in is open, and never for a request that names a file. A real tsserver answers it in
 * tests/e2e/tsserver.test.ts.
 */
import type * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { registerSessionCodeFixes } from '../../src/hosts/tsserver/session-code-fixes.js';

type Handler = (request: ts.server.protocol.Request) => { response?: unknown; responseRequired?: boolean };

const TYPESCRIPT_CODES = ['2304', '2552', '7006'];

function fakeSession(): { session: { handlers: Map<string, Handler> }; ask: (args: unknown) => unknown } {
  const handlers = new Map<string, Handler>([
    ['getSupportedCodeFixes', (request) => ({ response: request.arguments ? ['from-language-service'] : [...TYPESCRIPT_CODES], responseRequired: true })],
    ['status', () => ({ response: { version: 'x' }, responseRequired: true })],
  ]);
  const ask = (args: unknown): unknown => handlers.get('getSupportedCodeFixes')!({ seq: 1, type: 'request', command: 'getSupportedCodeFixes', arguments: args }).response;
  return { session: { handlers }, ask };
}

function fakeProject(): ts.server.Project & { closed: boolean } {
  const project = { closed: false, isClosed: () => project.closed };
  return project as unknown as ts.server.Project & { closed: boolean };
}

describe('getSupportedCodeFixes without a file', () => {
  it("answers TypeScript's codes, in order, then the plugin's", () => {
    const { session, ask } = fakeSession();
    expect(registerSessionCodeFixes(session, fakeProject(), ['940001', '940002'])).toBe(true);
    expect(ask(null)).toEqual([...TYPESCRIPT_CODES, '940001', '940002']);
    expect(ask(undefined)).toEqual([...TYPESCRIPT_CODES, '940001', '940002']);
  });

  it('leaves a request with a file or a project to the language service', () => {
    const { session, ask } = fakeSession();
    registerSessionCodeFixes(session, fakeProject(), ['940001']);
    expect(ask({ file: '/p/a.ts' })).toEqual(['from-language-service']);
    expect(ask({ projectFileName: '/p/tsconfig.json' })).toEqual(['from-language-service']);
  });

  it('holds the codes only while a project the plugin is on in is open', () => {
    const { session, ask } = fakeSession();
    const first = fakeProject();
    const second = fakeProject();
    registerSessionCodeFixes(session, first, ['940001']);
    registerSessionCodeFixes(session, second, ['940001', '940014']);
    expect(ask(null)).toEqual([...TYPESCRIPT_CODES, '940001', '940014']);
    second.closed = true;
    expect(ask(null)).toEqual([...TYPESCRIPT_CODES, '940001']);
    first.closed = true;
    expect(ask(null)).toEqual(TYPESCRIPT_CODES);
  });

  it('wraps the handler once per session, and chains with a plugin that wraps it after', () => {
    const { session, ask } = fakeSession();
    registerSessionCodeFixes(session, fakeProject(), ['940001']);
    const wrapped = session.handlers.get('getSupportedCodeFixes');
    registerSessionCodeFixes(session, fakeProject(), ['940001']);
    expect(session.handlers.get('getSupportedCodeFixes')).toBe(wrapped);
    // Another plugin doing the same after us keeps our codes.
    session.handlers.set('getSupportedCodeFixes', (request) => {
      const result = wrapped!(request);
      return { ...result, response: [...(result.response as string[]), '99999'] };
    });
    expect(ask(null)).toEqual([...TYPESCRIPT_CODES, '940001', '99999']);
    // A code the answer already has is not repeated.
    const { session: other, ask: askOther } = fakeSession();
    registerSessionCodeFixes(other, fakeProject(), ['2304', '940001']);
    expect(askOther(null)).toEqual([...TYPESCRIPT_CODES, '940001']);
  });

  it('changes nothing where there is no session or its handlers are not as expected', () => {
    expect(registerSessionCodeFixes(undefined, fakeProject(), ['940001'])).toBe(false);
    expect(registerSessionCodeFixes({}, fakeProject(), ['940001'])).toBe(false);
    const handlers = new Map<string, unknown>([['getSupportedCodeFixes', 'not a function']]);
    expect(registerSessionCodeFixes({ handlers }, fakeProject(), ['940001'])).toBe(false);
    expect(handlers.get('getSupportedCodeFixes')).toBe('not a function');
  });

  it("returns the previous answer when asking the projects fails", () => {
    const { session, ask } = fakeSession();
    const broken = { isClosed: () => { throw new Error('closed badly'); } } as unknown as ts.server.Project;
    registerSessionCodeFixes(session, broken, ['940001']);
    expect(ask(null)).toEqual(TYPESCRIPT_CODES);
  });
});
