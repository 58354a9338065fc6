/**
 * A client the file hands to other modules (exported, or returned by an exported factory): the
 * modules of the package that import it may pass attribution with each request, and then its
 * construction is not certainly unattributed. Where none of them does, it is reported as before.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { lintAt as lint, tempPackage } from './temp-package.js';

const project = (files: Record<string, string>): string => tempPackage(files, { name: 'exported-clients-app', private: true });
const found = (messages: Linter.LintMessage[]) => messages.map((message) => `${message.line}:${message.messageId}`);

const GATEWAY = "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\nexport const gateway = createOpenRouter({ apiKey: process.env.KEY });\n";
const routeUsing = (from: string, headers: string) =>
  `import { generateText } from 'ai';\nimport { gateway } from '${from}';\n` +
  `export async function handle(prompt) {\n  return generateText({ model: gateway('openai/gpt-4o'), prompt${headers} });\n}\n`;
const ATTRIBUTION = ", headers: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme' }";

const SDK_FACTORY =
  "import { OpenRouter } from '@openrouter/sdk';\n" +
  'export function makeClient(apiKey) {\n  return new OpenRouter({ apiKey });\n}\n';
const sdkUser = (from: string, options: string) =>
  `import { makeClient } from '${from}';\n` +
  `export async function ask(messages) {\n  const client = makeClient(process.env.KEY);\n  return client.chat.send({ model: 'm', messages }${options});\n}\n`;

describe('clients used by the modules that import them', () => {
  it('stays silent on an exported provider whose importers pass attribution with each request', () => {
    const src = project({ 'routes/summary.js': routeUsing('../gateway.js', ATTRIBUTION) });
    expect(found(lint(path.join(src, 'gateway.js'), GATEWAY).messages)).toEqual([]);
    // One importer with attribution is enough: the construction no longer leaves it out for certain.
    const mixed = project({ 'a.js': routeUsing('./gateway.js', ATTRIBUTION), 'b.js': routeUsing('./gateway.js', '') });
    expect(found(lint(path.join(mixed, 'gateway.js'), GATEWAY).messages)).toEqual([]);
  });

  it('reports an exported provider that no importer passes attribution to, as before', () => {
    const src = project({ 'routes/summary.js': routeUsing('../gateway.js', ''), 'other.js': routeUsing('./elsewhere.js', ATTRIBUTION), 'elsewhere.js': GATEWAY });
    expect(found(lint(path.join(src, 'gateway.js'), GATEWAY).messages)).toEqual(['2:missingReferer']);
    // Nothing imports it at all.
    expect(found(lint(path.join(project({}), 'gateway.js'), GATEWAY).messages)).toEqual(['2:missingReferer']);
    // A module importing another name from it passes nothing for this one.
    const otherName = project({ 'a.js': routeUsing('./gateway.js', ATTRIBUTION).replace(/gateway\b(?!\.js)/g, 'other') });
    expect(found(lint(path.join(otherName, 'gateway.js'), GATEWAY).messages)).toEqual(['2:missingReferer']);
  });

  it('follows exports by another name, default exports and alias specifiers', () => {
    const renamed = "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\nconst made = createOpenRouter({ apiKey: process.env.KEY });\nexport { made as gateway };\n";
    const src = project({ 'a.js': routeUsing('./gateway.js', ATTRIBUTION) });
    expect(found(lint(path.join(src, 'gateway.js'), renamed).messages)).toEqual([]);
    const byDefault = "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\nexport default createOpenRouter({ apiKey: process.env.KEY });\n";
    const defaultUser = project({ 'a.js': routeUsing('./gateway', ATTRIBUTION).replace('{ gateway }', 'gateway') });
    expect(found(lint(path.join(defaultUser, 'gateway.js'), byDefault).messages)).toEqual([]);
    // `~/lib/gateway` (an alias of a framework's generated config) names src/lib/gateway.js by its path in the package.
    const aliased = project({ 'routes/a.ts': routeUsing('~/lib/gateway', ATTRIBUTION), 'lib/gateway.js': GATEWAY });
    expect(found(lint(path.join(aliased, 'lib', 'gateway.js'), GATEWAY).messages)).toEqual([]);
    // A package name is not an alias.
    const packaged = project({ 'routes/a.ts': routeUsing('@acme/lib/gateway', ATTRIBUTION), 'lib/gateway.js': GATEWAY });
    expect(found(lint(path.join(packaged, 'lib', 'gateway.js'), GATEWAY).messages)).toEqual(['2:missingReferer']);
  });

  it('reads no importer through a symlink, in a nested package or in a skipped folder', () => {
    const src = project({});
    const outside = path.join(path.dirname(src), '..', `${path.basename(path.dirname(src))}-outside`);
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(outside, 'route.js'), routeUsing('../gateway.js', ATTRIBUTION));
    symlinkSync(outside, path.join(src, 'linked'));
    mkdirSync(path.join(src, 'nested'));
    writeFileSync(path.join(src, 'nested', 'package.json'), '{"name":"nested"}');
    writeFileSync(path.join(src, 'nested', 'route.js'), routeUsing('../gateway.js', ATTRIBUTION));
    mkdirSync(path.join(src, 'node_modules'));
    writeFileSync(path.join(src, 'node_modules', 'route.js'), routeUsing('../gateway.js', ATTRIBUTION));
    expect(found(lint(path.join(src, 'gateway.js'), GATEWAY).messages)).toEqual(['2:missingReferer']);
  });

  it("follows an exported factory's results, in other modules and in the file itself", () => {
    const perCall = ", { headers: { 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme' } }";
    expect(found(lint(path.join(project({ 'ask.js': sdkUser('./client.js', perCall) }), 'client.js'), SDK_FACTORY).messages)).toEqual([]);
    // The SDK also takes a request's headers from `fetchOptions.headers`, or from options a helper builds.
    const fetchOptions = ", { fetchOptions: { headers: { 'HTTP-Referer': 'https://acme.dev' } } }";
    expect(found(lint(path.join(project({ 'ask.js': sdkUser('./client.js', fetchOptions) }), 'client.js'), SDK_FACTORY).messages)).toEqual([]);
    expect(found(lint(path.join(project({ 'ask.js': sdkUser('./client.js', ', getRequestOptions(signal)') }), 'client.js'), SDK_FACTORY).messages)).toEqual([]);
    expect(found(lint(path.join(project({ 'ask.js': sdkUser('./client.js', '') }), 'client.js'), SDK_FACTORY).messages)).toEqual(['3:missingReferer']);
    // In the file itself: the factory's result passes attribution per call, and a call passing a title but no referer is reported there.
    const local = SDK_FACTORY.replace('export function', 'function') + sdkUser('./client.js', perCall).split('\n').slice(1).join('\n');
    expect(found(lint(path.join(project({}), 'client.js'), local).messages)).toEqual([]);
    const titleOnly = local.replace("'HTTP-Referer': 'https://acme.dev', ", '');
    expect(found(lint(path.join(project({}), 'client.js'), titleOnly).messages)).toEqual(['7:titleWithoutReferer']);
  });
});
