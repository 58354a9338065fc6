/**
 * The token path matcher agrees with the endpoints read from OpenRouter's OpenAPI spec
 * (src/analysis/domain/endpoints.json, written by scripts/update-endpoints.mjs): every path that
 * consumes tokens matches, no metadata path does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTokenPath, parseUrl } from '../src/analysis/domain/urls.js';
import { endpointFacts, type EndpointFact } from '../scripts/lib/openapi-endpoints.mjs';

const facts = JSON.parse(readFileSync(path.resolve(__dirname, '../src/analysis/domain/endpoints.json'), 'utf8')) as {
  commit: string;
  read: string;
  server: string;
  paths: EndpointFact[];
};

/** A spec path as a request writes it: under the server's `/api/v1`, parameters filled in. */
function requestPath(specPath: string): string {
  const base = parseUrl(facts.server)!.pathname.replace(/\/$/, '');
  return `${base}${specPath.replace(/\{[^}]+\}/g, 'acme-1')}`;
}

const tokenPaths = facts.paths.filter((entry) => entry.tokens).map((entry) => entry.path);
const metadataPaths = facts.paths.filter((entry) => !entry.tokens).map((entry) => entry.path);

describe('endpoints.json', () => {
  it('says where and when it was read', () => {
    expect(facts.commit).toMatch(/^[\da-f]{40}$/);
    expect(facts.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(facts.server).toBe('https://openrouter.ai/api/v1');
  });

  it('holds the token paths REFERENCE.md names, and the metadata paths apart', () => {
    expect(tokenPaths).toEqual(
      expect.arrayContaining(['/chat/completions', '/responses', '/messages', '/embeddings', '/images', '/rerank', '/audio/speech', '/audio/transcriptions', '/videos']),
    );
    expect(tokenPaths).toEqual(expect.arrayContaining(['/presets/{slug}/chat/completions', '/presets/{slug}/messages', '/presets/{slug}/responses']));
    expect(metadataPaths).toEqual(expect.arrayContaining(['/models', '/key', '/auth/keys', '/credits', '/generation', '/providers', '/images/models', '/videos/{jobId}']));
  });
});

describe('isTokenPath agrees with the spec', () => {
  it.each(tokenPaths)('%s consumes tokens', (specPath) => {
    expect(isTokenPath(requestPath(specPath))).toBe(true);
    expect(isTokenPath(`${requestPath(specPath)}/`)).toBe(true);
  });

  it.each(metadataPaths)('%s is metadata', (specPath) => {
    expect(isTokenPath(requestPath(specPath))).toBe(false);
  });

  it.each(['/api/v1/completions', '/api/v1/images/generations', '/api/v1/images/edits', '/api/v1/audio/translations'])(
    '%s, which OpenAI-compatible clients call, consumes tokens',
    (pathname) => {
      expect(isTokenPath(pathname)).toBe(true);
    },
  );
});

describe('endpointFacts', () => {
  const spec = {
    paths: {
      '/chat/completions': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Chat' } } } } } },
      '/audio/transcriptions': {
        post: { requestBody: { content: { 'multipart/form-data': { schema: { oneOf: [{ type: 'object', properties: { file: {}, model: {} } }] } } } } },
      },
      '/generation/feedback': { post: { requestBody: { content: { 'application/json': { schema: { properties: { id: {}, rating: {} } } } } } } },
      '/models': { get: { parameters: [] }, parameters: [] },
      '/loop': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Loop' } } } } } },
    },
    components: {
      schemas: {
        Chat: { allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { messages: {} } }] },
        Base: { properties: { model: { type: 'string' } } },
        Loop: { allOf: [{ $ref: '#/components/schemas/Loop' }] },
      },
    },
  };

  it('marks a path whose request body names a model, through $ref, allOf and oneOf, in any media type', () => {
    expect(endpointFacts(spec)).toEqual([
      { path: '/chat/completions', methods: ['POST'], tokens: true },
      { path: '/audio/transcriptions', methods: ['POST'], tokens: true },
      { path: '/generation/feedback', methods: ['POST'], tokens: false },
      { path: '/models', methods: ['GET'], tokens: false },
      { path: '/loop', methods: ['POST'], tokens: false },
    ]);
  });
});
