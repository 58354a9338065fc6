/**
 * A lint that a newer version of its file supersedes stops: the plugin asks between rules and sites
 * whether tsserver cancelled the request (its cancellation token) or the file's version moved on,
 * and then throws TypeScript's OperationCanceledException, as tsserver's own checks do. Nothing of
 * the abandoned lint is kept: the next request lints the file and gets its findings.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createTestService } from './in-memory-service.js';

const ROOT = '/openrouter-superseded';
const CHAT = "'https://openrouter.ai/api/v1/chat/completions'";
/** Requests without a referer: every rule has sites to check. */
const CLIENT_TS = Array.from({ length: 20 }, (_, index) => `fetch(${CHAT}, { headers: { 'X-Title': 'Acme ${index}' } });\n`).join('');

function findings(service: ts.LanguageService, fileName: string): string[] {
  return service
    .getSemanticDiagnostics(fileName)
    .filter((diagnostic) => diagnostic.source === 'openrouter')
    .map((diagnostic) => `${diagnostic.start}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

describe('a superseded lint', () => {
  it('stops once tsserver cancels the request, and the next request lints the file', () => {
    const fileName = `${ROOT}/cancelled/client.ts`;
    const test = createTestService(`${ROOT}/cancelled`, { 'client.ts': CLIENT_TS });
    const host = test.info.languageServiceHost;
    // The editor cancels the request once the plugin's lint has begun (the first question is asked before it starts).
    let asked = 0;
    host.getCancellationToken = () => ({ isCancellationRequested: () => ++asked > 1 });
    expect(() => test.service.getSemanticDiagnostics(fileName)).toThrow(ts.OperationCanceledException);
    expect(asked).toBeGreaterThan(1);

    host.getCancellationToken = () => ({ isCancellationRequested: () => false });
    const after = findings(test.service, fileName);
    // What a service that never cancelled gives for the same file.
    const reference = createTestService(`${ROOT}/cancelled`, { 'client.ts': CLIENT_TS });
    expect(after.length).toBeGreaterThanOrEqual(20);
    expect(after).toEqual(findings(reference.service, fileName));
  });

  it('stops once the file has a newer version than the one it lints', () => {
    const fileName = `${ROOT}/edited/client.ts`;
    const test = createTestService(`${ROOT}/edited`, { 'client.ts': CLIENT_TS });
    const host = test.info.languageServiceHost;
    const version = host.getScriptVersion.bind(host);
    // The plugin's first check, before the lint starts, asks the token after the version: from then
    // on the file has a newer version, as if an edit had come while the lint runs.
    let moved = false;
    host.getCancellationToken = () => {
      moved = true;
      return { isCancellationRequested: () => false };
    };
    host.getScriptVersion = (name) => (moved && name === fileName ? `${version(name)}-newer` : version(name));
    expect(() => test.service.getSemanticDiagnostics(fileName)).toThrow(ts.OperationCanceledException);
    expect(moved).toBe(true);

    // The newer version, asked for: linted whole, nothing kept of the lint that stopped.
    delete host.getCancellationToken;
    expect(findings(test.service, fileName).length).toBeGreaterThanOrEqual(20);
  });
});
