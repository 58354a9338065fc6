import rule from '../../src/rules/no-clobbered-attribution.js';
import { runRuleTests } from '../rule-tester.js';

const OPENAI = "import OpenAI from 'openai';\n";
const URL = "'https://openrouter.ai/api/v1/chat/completions'";
const fetchWith = (headers: string): string => `fetch(${URL}, { method: 'POST', headers: ${headers} });`;
const openaiWith = (headers: string): string => `${OPENAI}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: ${headers} });`;

// Suggestion outputs: each must be clean on a second pass, so each is a valid case too.
const removedClear = fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' }");
const movedAfterSpread = `const overrides = { 'HTTP-Referer': undefined };\n${fetchWith("{ ...overrides, 'HTTP-Referer': 'https://acme.dev' }")}`;
const keptFirst = fetchWith("{ 'HTTP-Referer': 'https://acme.dev' }");
const keptSecond = fetchWith("{ 'http-referer': 'https://acme.io' }");
const pairsKept = fetchWith("[['X-Title', 'Acme']]");
const fromEntries = fetchWith("{ ...Object.fromEntries(new Headers({ 'HTTP-Referer': 'https://acme.dev' })), 'X-Title': 'Acme' }");
const mergedFallback = (left: string): string =>
  `const defaults = { 'HTTP-Referer': 'https://acme.dev' };\nfunction send(custom) {\n  return ${fetchWith(`{ ...defaults, ...${left} }`)}\n}`;

const client = `${OPENAI}const client = new OpenAI({\n  baseURL: 'https://openrouter.ai/api/v1',\n  defaultHeaders: { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' },\n});\n`;
const request = (options: string): string => `${client}await client.chat.completions.create({ model: 'openai/gpt-5', messages: [] }, ${options});`;

runRuleTests('no-clobbered-attribution', rule, {
  valid: [
    removedClear,
    movedAfterSpread,
    keptFirst,
    keptSecond,
    pairsKept,
    fromEntries,
    mergedFallback('custom'),
    // Attributed once, plainly.
    fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-OpenRouter-Title': 'Acme', 'X-Title': 'Acme' }"),
    openaiWith("{ 'HTTP-Referer': process.env.SITE_URL, 'X-Title': process.env.APP_NAME }"),
    // Overrides the file does not show may or may not replace the referer.
    `function send(overrides) { return ${fetchWith("{ 'HTTP-Referer': 'https://acme.dev', ...overrides }")} }`,
    // Defaults, then an override: the usual way to change one header.
    `const defaults = { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme' };\n${fetchWith("{ ...defaults, 'HTTP-Referer': 'https://docs.acme.dev' }")}`,
    `const base = { 'HTTP-Referer': 'https://acme.dev' };\nconst extra = { 'HTTP-Referer': 'https://docs.acme.dev' };\n${fetchWith('{ ...base, ...extra }')}`,
    // A spread after the clearing key may set it again.
    `function send(more) { return ${fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'HTTP-Referer': undefined, ...more }")} }`,
    // A key written later may not be written when the request goes out (it sits in an if).
    `const headers = { 'HTTP-Referer': 'https://acme.dev' };\nif (process.env.NO_REFERER) headers['HTTP-Referer'] = undefined;\n${fetchWith('headers')}`,
    // Nothing defined before the undefined: nothing is lost.
    fetchWith("{ 'HTTP-Referer': undefined, 'X-Title': 'Acme' }"),
    // Case variants where one sends nothing, and categories (a comma list already).
    fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'http-referer': undefined }"),
    fetchWith("{ 'X-OpenRouter-Categories': 'cli-agent', 'x-openrouter-categories': 'ide-extension' }"),
    // Two different title headers are two headers.
    fetchWith("{ 'X-Title': 'Acme', 'X-OpenRouter-Title': 'Acme' }"),
    // A Headers object passed as it is, or spread without attribution in it.
    fetchWith("new Headers({ 'HTTP-Referer': 'https://acme.dev' })"),
    `const extra = new Headers({ Accept: 'application/json' });\n${fetchWith("{ ...extra, 'HTTP-Referer': 'https://acme.dev' }")}`,
    // A local class named Headers is not the platform's.
    `class Headers { constructor(init) { Object.assign(this, init); } }\n${fetchWith("{ ...new Headers({ 'HTTP-Referer': 'https://acme.dev' }) }")}`,
    // A fallback without attribution, or a left side that carries it.
    `function send(custom) { return ${fetchWith("custom ?? { Accept: 'application/json' }")} }`,
    `const custom = { 'HTTP-Referer': 'https://acme.dev' };\n${fetchWith("custom ?? { 'HTTP-Referer': 'https://docs.acme.dev' }")}`,
    fetchWith("undefined ?? { 'HTTP-Referer': 'https://acme.dev' }"),
    // A left side that is never given: the fallback is always what is sent.
    `const nothing = undefined;\n${fetchWith("nothing ?? { 'HTTP-Referer': 'https://acme.dev' }")}`,
    `const options = { model: 'openai/gpt-5' };\n${fetchWith("options.headers ?? { 'HTTP-Referer': 'https://acme.dev' }")}`,
    // Replaced by the same text, or one text twice: nothing is lost where the client keeps one.
    `const common = { 'X-Title': 'Acme' };\n${fetchWith("{ 'X-Title': 'Acme', ...common }")}`,
    fetchWith("{ 'X-Title': 'Acme', 'x-title': 'Acme' }"),
    // Defaults, then an override in another letter case: clients that keep the later value send the override.
    `const defaults = { 'HTTP-Referer': 'https://acme.dev' };\n${openaiWith("{ ...defaults, 'http-referer': 'https://docs.acme.dev' }")}`,
    `function send(custom) { return ${fetchWith("custom && { 'HTTP-Referer': 'https://acme.dev' }")} }`,
    // Per request, openai skips an undefined header (the default stays) and null removes one only if set.
    request("{ headers: { 'HTTP-Referer': undefined } }"),
    request("{ headers: { 'X-OpenRouter-Categories': null } }"),
    request("{ headers: { 'HTTP-Referer': null, 'http-referer': 'https://docs.acme.dev' } }"),
    request("{ headers: { 'HTTP-Referer': 'https://docs.acme.dev' } }"),
    request("{ headers: { 'X-Title': 'Acme' } }"),
    // Where the client's merge is not known, null is left alone.
    `import { ChatOpenAI } from '@langchain/openai';\nconst model = new ChatOpenAI({ configuration: { baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { 'HTTP-Referer': 'https://acme.dev' } } });\nawait model.invoke('hi', { headers: { 'HTTP-Referer': null } });`,
    // Not OpenRouter traffic.
    "fetch('https://example.com/api', { headers: { 'HTTP-Referer': 'https://acme.dev', 'HTTP-Referer': undefined } });",
    "const page = { 'HTTP-Referer': 'a', 'http-referer': 'b' };",
    `function send(custom) { return fetch('https://example.com/api', { headers: custom ?? { 'HTTP-Referer': 'https://acme.dev' } }); }`,
  ],
  invalid: [
    {
      // A later literal key sending nothing.
      code: fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme', 'HTTP-Referer': undefined }"),
      errors: [{ messageId: 'cleared', suggestions: [{ messageId: 'removeKey', output: removedClear }] }],
    },
    {
      code: `const defaults = { 'HTTP-Referer': 'https://acme.dev' };\n${fetchWith("{ ...defaults, 'HTTP-Referer': null }")}`,
      errors: [{ messageId: 'cleared', data: { header: 'HTTP-Referer', value: 'null', where: 'here' }, suggestions: [{ messageId: 'removeKey', output: `const defaults = { 'HTTP-Referer': 'https://acme.dev' };\n${fetchWith('{ ...defaults }')}` }] }],
    },
    {
      // Both from spreads: reported on the spread that clears it.
      code: `const defaults = { 'HTTP-Referer': 'https://acme.dev' };\nconst overrides = { 'HTTP-Referer': undefined };\n${fetchWith('{ ...defaults, ...overrides }')}`,
      errors: [{ messageId: 'cleared', data: { header: 'HTTP-Referer', value: 'undefined', where: 'by `...overrides`' }, suggestions: [] }],
    },
    {
      // Written here, then replaced by a spread: sending nothing, or another value.
      code: `const overrides = { 'HTTP-Referer': undefined };\n${fetchWith("{ 'HTTP-Referer': 'https://acme.dev', ...overrides }")}`,
      errors: [{ messageId: 'replaced', data: { header: 'HTTP-Referer', value: 'undefined', spread: '...overrides' }, suggestions: [{ messageId: 'moveAfterSpread', output: movedAfterSpread }] }],
    },
    {
      code: `const overrides = { 'X-Title': 'Other' };\n${openaiWith("{ 'X-Title': 'Acme', ...overrides }")}`,
      errors: [{ messageId: 'replaced', data: { header: 'X-Title', value: 'another value', spread: '...overrides' }, suggestions: [{ messageId: 'moveAfterSpread', output: `const overrides = { 'X-Title': 'Other' };\n${openaiWith("{ ...overrides, 'X-Title': 'Acme' }")}` }] }],
    },
    {
      // A null in another letter case removes the header too.
      code: `const overrides = { 'http-referer': null };\n${fetchWith("{ 'HTTP-Referer': 'https://acme.dev', ...overrides }")}`,
      errors: [{ messageId: 'replaced', data: { header: 'HTTP-Referer', value: 'null', spread: '...overrides' }, suggestions: [] }],
    },
    {
      code: openaiWith("{ 'X-Title': 'Acme', 'x-title': null }"),
      errors: [{ messageId: 'cleared', data: { header: 'x-title', value: 'null', where: 'here' }, suggestions: [{ messageId: 'removeKey', output: openaiWith("{ 'X-Title': 'Acme' }") }] }],
    },
    {
      // Case variants: both reach the wire.
      code: fetchWith("{ 'HTTP-Referer': 'https://acme.dev', 'http-referer': 'https://acme.io' }"),
      errors: [
        {
          messageId: 'duplicated',
          data: { first: 'HTTP-Referer', second: 'http-referer' },
          suggestions: [
            { messageId: 'removeDuplicate', data: { key: 'HTTP-Referer', value: "'https://acme.dev'" }, output: keptSecond },
            { messageId: 'removeDuplicate', data: { key: 'http-referer', value: "'https://acme.io'" }, output: keptFirst },
          ],
        },
      ],
    },
    {
      // A case variant brought in by a spread: reported on the spread, the own key removable.
      code: `const common = { 'x-title': 'Acme Docs' };\n${openaiWith("{ 'X-Title': 'Acme', ...common }")}`,
      errors: [{ messageId: 'duplicated', suggestions: [{ messageId: 'removeDuplicate', output: `const common = { 'x-title': 'Acme Docs' };\n${openaiWith('{ ...common }')}` }] }],
    },
    {
      // Pairs are all appended, exact names too.
      code: fetchWith("[['X-Title', 'Acme'], ['X-Title', 'Acme Docs']]"),
      errors: [
        {
          messageId: 'duplicated',
          suggestions: [
            { messageId: 'removeDuplicate', output: fetchWith("[['X-Title', 'Acme Docs']]") },
            { messageId: 'removeDuplicate', output: pairsKept },
          ],
        },
      ],
    },
    {
      // A spread Headers copies nothing.
      code: fetchWith("{ ...new Headers({ 'HTTP-Referer': 'https://acme.dev' }), 'X-Title': 'Acme' }"),
      errors: [{ messageId: 'headersSpread', data: { header: 'HTTP-Referer', headers: "new Headers({ 'HTTP-Referer': 'https://acme.d..." }, suggestions: [{ messageId: 'spreadEntries', output: fromEntries }] }],
    },
    {
      // Through a constant, with a key set later; no suggestion where the names would collide.
      code: `const attribution = new Headers();\nattribution.set('X-Title', 'Acme');\n${fetchWith("{ ...attribution, 'x-title': 'Acme' }")}`,
      errors: [{ messageId: 'headersSpread', data: { header: 'X-Title', headers: 'attribution' }, suggestions: [] }],
    },
    {
      // The fallback's attribution is lost whenever the left side is given.
      code: `const defaults = { 'HTTP-Referer': 'https://acme.dev' };\nfunction send(custom) {\n  return ${fetchWith('custom ?? defaults')}\n}`,
      errors: [{ messageId: 'fallback', data: { left: 'custom', right: 'defaults', headers: 'HTTP-Referer', verb: 'is' }, suggestions: [{ messageId: 'mergeFallback', output: mergedFallback('custom') }] }],
    },
    {
      code: `function send(options) {\n  return ${fetchWith("options.headers || { 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme', Accept: 'application/json' }")}\n}`,
      errors: [
        {
          messageId: 'fallback',
          data: { left: 'options.headers', right: "{ 'HTTP-Referer': 'https://acme.dev', 'X-Titl...", headers: 'HTTP-Referer and X-Title', verb: 'are' },
          suggestions: [{ messageId: 'mergeFallback', output: `function send(options) {\n  return ${fetchWith("{ ...{ 'HTTP-Referer': 'https://acme.dev', 'X-Title': 'Acme', Accept: 'application/json' }, ...options.headers }")}\n}` }],
        },
      ],
    },
    {
      // A left side the file spells out without the referer; through a constant holding the `??`.
      code: `const custom = { Accept: 'application/json' };\nconst headers = custom ?? { 'HTTP-Referer': 'https://acme.dev' };\n${openaiWith('headers')}`,
      errors: [{ messageId: 'fallback', suggestions: [{ messageId: 'mergeFallback', output: `const custom = { Accept: 'application/json' };\nconst headers = { ...{ 'HTTP-Referer': 'https://acme.dev' }, ...custom };\n${openaiWith('headers')}` }] }],
    },
    {
      // openai removes a default header set to null in a request's options.
      code: request("{ headers: { 'HTTP-Referer': null, Accept: 'application/json' } }"),
      errors: [
        {
          messageId: 'removedDefault',
          data: { header: 'HTTP-Referer', client: 'openai', line: '2' },
          suggestions: [{ messageId: 'removeKey', output: request("{ headers: { Accept: 'application/json' } }") }],
        },
      ],
    },
    {
      code: `${request("{ headers: { 'x-title': null } }")}\nconst options = { headers: { 'HTTP-Referer': null } };\nawait client.responses.create({ model: 'openai/gpt-5', input: 'hi' }, options);`,
      errors: [
        {
          messageId: 'removedDefault',
          data: { header: 'x-title', client: 'openai', line: '2' },
          suggestions: [{ messageId: 'removeKey', output: `${request('{ headers: {} }')}\nconst options = { headers: { 'HTTP-Referer': null } };\nawait client.responses.create({ model: 'openai/gpt-5', input: 'hi' }, options);` }],
        },
        {
          messageId: 'removedDefault',
          data: { header: 'HTTP-Referer', client: 'openai', line: '2' },
          suggestions: [{ messageId: 'removeKey', output: `${request("{ headers: { 'x-title': null } }")}\nconst options = { headers: {} };\nawait client.responses.create({ model: 'openai/gpt-5', input: 'hi' }, options);` }],
        },
      ],
    },
    {
      // A pairs fallback cannot be spread into an object: no suggestion.
      code: `function send(custom) { return ${fetchWith("custom ?? [['HTTP-Referer', 'https://acme.dev']]")} }`,
      errors: [{ messageId: 'fallback', suggestions: [] }],
    },
  ],
});
