/**
 * require-referer: which OpenRouter paths consume tokens, as OpenRouter's OpenAPI spec lists them
 * (src/analysis/domain/endpoints.json): images, rerank, audio, videos and the preset forms report;
 * metadata paths stay silent. Also a docs placeholder referer, reported once.
 */
import type rule from '../../../src/rules/require-referer.js';
import type { CasesFor } from '../../rule-tester.js';

const API = 'https://openrouter.ai/api/v1';
const AUTH = 'Authorization: `Bearer ${process.env.OPENROUTER_API_KEY}`';

/** A POST to `url` (source text) with the given headers and body entries. */
const post = (url: string, headers: string, body = 'model, prompt') => `fetch(${url}, { method: 'POST', headers: { ${headers} }, body: JSON.stringify({ ${body} }) });`;

const missing = { messageId: 'missingReferer' as const };

export const endpointCases: CasesFor<typeof rule> = {
  valid: [
    // Attributed token requests.
    post(`'${API}/images'`, `${AUTH}, 'HTTP-Referer': 'https://acme.dev'`),
    post(`'${API}/rerank'`, `${AUTH}, 'HTTP-Referer': 'https://acme.dev'`, 'model, query, documents'),
    post(`'${API}/images/generations'`, `${AUTH}, 'HTTP-Referer': process.env.SITE_URL`),
    // Metadata paths of the spec: nothing to attribute.
    `fetch('${API}/images/models');`,
    `fetch('${API}/videos/models');`,
    `fetch('${API}/embeddings/models');`,
    `fetch('${API}/videos/job-123', { headers: { ${AUTH} } });`,
    `fetch('${API}/videos/job-123/content', { headers: { ${AUTH} } });`,
    `fetch('${API}/presets/acme-preset', { headers: { ${AUTH} } });`,
    `fetch('${API}/presets/acme-preset/versions', { headers: { ${AUTH} } });`,
    `fetch('${API}/generation?id=gen-1', { headers: { ${AUTH} } });`,
    `fetch('${API}/credits', { headers: { ${AUTH} } });`,
    `fetch('${API}/providers');`,
    post(`'${API}/auth/keys'`, AUTH, 'code, code_verifier'),
    post(`'${API}/generation/feedback'`, AUTH, 'id, rating'),
    // A path the file does not show, with a body that is not a chat or a prompt: not known to consume tokens.
    post(`\`${API}/\${endpoint}\``, AUTH, 'model, query, documents'),
    // Look-alikes: the same paths on other hosts.
    post("'https://api.example.com/v1/rerank'", AUTH, 'model, query, documents'),
    post("'https://openrouter.example.com/api/v1/images'", AUTH),
    post("'https://notopenrouter.ai/api/v1/images/generations'", AUTH),
  ],
  invalid: [
    { code: post(`'${API}/images'`, AUTH), errors: [missing] },
    { code: post(`'${API}/images/generations'`, AUTH), errors: [missing] },
    { code: post(`'${API}/images/edits'`, AUTH), errors: [missing] },
    { code: post(`'${API}/rerank'`, AUTH, 'model, query, documents'), errors: [missing] },
    { code: post(`'https://eu.openrouter.ai/api/v1/rerank/'`, AUTH, 'model, query, documents'), errors: [missing] },
    { code: `const BASE = '${API}';\n${post('`${BASE}/rerank`', AUTH, 'model, query, documents')}`, errors: [missing] },
    { code: post(`'${API}/audio/speech'`, AUTH, 'model, input, voice'), errors: [missing] },
    { code: post(`'${API}/videos'`, AUTH), errors: [missing] },
    { code: post(`'${API}/presets/acme-preset/chat/completions'`, AUTH, 'messages'), errors: [missing] },
    { code: post(`'${API}/presets/acme-preset/responses'`, AUTH, 'input'), errors: [missing] },
    { code: post(`'${API}/presets/acme-preset/messages'`, AUTH, 'messages'), errors: [missing] },
    {
      // A docs placeholder is require-referer's finding alone (valid-referer stays silent on it), whatever its form.
      code: post(`'${API}/images'`, `${AUTH}, 'HTTP-Referer': '<YOUR_SITE_URL>', 'X-Title': 'Acme'`),
      errors: [{ messageId: 'placeholderReferer', data: { value: '"<YOUR_SITE_URL>"' } }],
    },
    {
      code: post(`'${API}/images'`, `${AUTH}, 'HTTP-Referer': '<>', 'X-Title': 'Acme'`),
      errors: [{ messageId: 'placeholderReferer', data: { value: '"<>"' } }],
    },
    {
      code: post(`'${API}/rerank'`, `${AUTH}, 'HTTP-Referer': 'your-site.com', 'X-Title': 'Acme'`, 'model, query, documents'),
      errors: [{ messageId: 'placeholderReferer', data: { value: '"your-site.com"' } }],
    },
  ],
};
