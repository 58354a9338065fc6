/**
 * Fix safety, by property: generated OpenRouter call sites in the layouts people write (four
 * clients, options empty, one-line, multi-line, trailing commas, comments, existing headers, no
 * init, no arguments) are fixed into code that parses, carries no finding of the fixing rules, and
 * is stable under a second fix. Configured values full of quotes, backticks, `${`, backslashes and
 * characters HTTP refuses are either inserted exactly or rejected by `valid-config`, never crash.
 */
import { validateHeaderValue } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearConfigClaims } from '../src/analysis/identity/config-reports.js';
import { checkTitle, GENERIC_TITLE_WORDS } from '../src/analysis/domain/titles.js';

// A fixed seed keeps CI reproducible; FC_SEED=random (or a number) explores other inputs locally.
fc.configureGlobal(process.env.FC_SEED === 'random' ? {} : { seed: Number(process.env.FC_SEED ?? 20261127) });
import plugin from '../src/index.js';

// Outside the repository: no package.json on the way up supplies an identity of its own.
const CWD = path.join(tmpdir(), 'openrouter-fix-safety');
const linter = new Linter({ cwd: CWD });
const FIXING_RULES = ['openrouter/require-referer', 'openrouter/require-title-for-localhost'];

interface Site {
  code: string;
  ts: boolean;
}

function config(site: Site, settings: unknown): Linter.Config[] {
  return [
    {
      files: ['**/*.ts', '**/*.js'],
      languageOptions: site.ts
        ? { parser: tsParser, parserOptions: { sourceType: 'module' } }
        : { parser: espree, ecmaVersion: 'latest', sourceType: 'module' },
    },
    plugin.configs.strict,
    ...(settings === undefined ? [] : [{ settings: { openrouter: settings } }]),
  ];
}

const filename = (site: Site): string => path.join(CWD, 'src', site.ts ? 'client.ts' : 'client.js');
const lint = (site: Site, settings: unknown) => linter.verify(site.code, config(site, settings), { filename: filename(site) });
const fix = (site: Site, settings: unknown) => linter.verifyAndFix(site.code, config(site, settings), { filename: filename(site) });

function parse(code: string, ts: boolean): unknown {
  return ts ? tsParser.parse(code, { sourceType: 'module', ecmaVersion: 'latest', range: true }) : espree.parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
}

/** Every `key: 'string'` property and `['name', 'string']` pair in a tree, in source order. */
function stringEntries(tree: unknown): [string, string][] {
  const found: [string, string][] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown> & { type?: string };
    const literalValue = (value: unknown): string | null => {
      const literal = value as { type?: string; value?: unknown } | null;
      return literal?.type === 'Literal' && typeof literal.value === 'string' ? literal.value : null;
    };
    if (record.type === 'Property') {
      const key = record.key as { type: string; name?: string; value?: unknown };
      const name = key.type === 'Identifier' ? key.name! : typeof key.value === 'string' ? key.value : null;
      const value = literalValue(record.value);
      if (name !== null && value !== null) found.push([name, value]);
    }
    if (record.type === 'ArrayExpression') {
      const elements = record.elements as unknown[];
      const name = elements.length === 2 ? literalValue(elements[0]) : null;
      const value = elements.length === 2 ? literalValue(elements[1]) : null;
      if (name !== null && value !== null) found.push([name, value]);
    }
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'parent' && key !== 'loc' && key !== 'range' && key !== 'tokens' && key !== 'comments') visit(value);
    }
  };
  visit(tree);
  return found;
}

const REFERER_KEYS = new Set(['httpreferer', 'appurl', 'http-referer']);
const TITLE_KEYS = new Set(['apptitle', 'appname', 'x-openrouter-title', 'x-title']);
const valuesOf = (entries: [string, string][], keys: Set<string>): string[] =>
  entries.filter(([key]) => keys.has(key.toLowerCase())).map(([, value]) => value);

// ---- generated call sites -------------------------------------------------------------------

interface Layout {
  multiline: boolean;
  trailingComma: boolean;
  indent: string;
  comment: 'none' | 'line' | 'block';
}

const layoutArbitrary: fc.Arbitrary<Layout> = fc.record({
  multiline: fc.boolean(),
  trailingComma: fc.boolean(),
  indent: fc.constantFrom('  ', '    ', '\t'),
  comment: fc.constantFrom('none', 'none', 'line', 'block'),
});

/** An object literal in one of the layouts people write, its closing brace at `base` indentation. */
function renderObject(entries: readonly string[], layout: Layout, base: string): string {
  const inner = base + layout.indent;
  if (entries.length === 0) {
    if (!layout.multiline) return layout.comment === 'block' ? '{ /* none yet */ }' : layout.trailingComma ? '{ }' : '{}';
    return layout.comment === 'line' ? `{\n${inner}// none yet\n${base}}` : `{\n${base}}`;
  }
  const block = layout.comment === 'block' ? '/* options */ ' : '';
  if (!layout.multiline) return `{ ${block}${entries.join(', ')}${layout.trailingComma ? ',' : ''} }`;
  const lines = entries.map((entry, index) => {
    const last = index === entries.length - 1;
    const comma = !last || layout.trailingComma ? ',' : '';
    const comment = last && layout.comment === 'line' ? ' // keep last' : '';
    return `${inner}${index === 0 ? block : ''}${entry}${comma}${comment}`;
  });
  return `{\n${lines.join('\n')}\n${base}}`;
}

/** An array of `[name, value]` pairs, as `new Headers()` and fetch take them. */
function renderPairs(entries: readonly string[], layout: Layout, base: string): string {
  const pairs = entries.map((entry) => {
    const colon = entry.indexOf(': ');
    return `[${entry.slice(0, colon)}, ${entry.slice(colon + 2)}]`;
  });
  if (pairs.length === 0) return '[]';
  if (!layout.multiline) return `[${pairs.join(', ')}${layout.trailingComma ? ',' : ''}]`;
  return `[\n${pairs.map((pair) => `${base}${layout.indent}${pair}`).join(',\n')}${layout.trailingComma ? ',' : ''}\n${base}]`;
}

/** Existing attribution the site already has: none, a localhost referer without a title, or a title without a referer. */
type Existing = 'none' | 'localhost' | 'title';
const existingArbitrary = fc.constantFrom<Existing>('none', 'none', 'localhost', 'title');

/** Inserts `item` among `entries` at a drawn position. */
const placed = (entries: readonly string[], item: string | null, at: number): string[] => {
  if (item === null) return [...entries];
  const index = at % (entries.length + 1);
  return [...entries.slice(0, index), item, ...entries.slice(index)];
};

const q = (quote: string, text: string): string => `${quote}${text}${quote}`;

const sdkSite = fc
  .record({
    ts: fc.boolean(),
    quote: fc.constantFrom("'", '"'),
    importStyle: fc.constantFrom('named', 'namespace', 'require'),
    args: fc.constantFrom('none', 'no-parens', 'object', 'object', 'const'),
    extras: fc.shuffledSubarray(['apiKey: process.env.OPENROUTER_API_KEY', 'timeoutMs: 30_000', 'retryConfig: { strategy: "none" }']),
    existing: existingArbitrary,
    at: fc.nat(),
    layout: layoutArbitrary,
    asConst: fc.boolean(),
  })
  .map(({ ts, quote, importStyle, args, extras, existing, at, layout, asConst }): Site => {
    const header =
      importStyle === 'named'
        ? `import { OpenRouter } from ${q(quote, '@openrouter/sdk')};`
        : importStyle === 'namespace'
          ? `import * as sdk from ${q(quote, '@openrouter/sdk')};`
          : `const { OpenRouter } = require(${q(quote, '@openrouter/sdk')});`;
    const callee = importStyle === 'namespace' ? 'sdk.OpenRouter' : 'OpenRouter';
    const existingEntry = existing === 'localhost' ? `httpReferer: ${q(quote, 'http://localhost:3000')}` : existing === 'title' ? `appTitle: ${q(quote, 'Acme Chat')}` : null;
    const object = renderObject(placed(extras, existingEntry, at), layout, '') + (ts && asConst ? ' as const' : '');
    let body: string;
    if (args === 'none' && existingEntry === null) body = `export const client = new ${callee}();`;
    else if (args === 'no-parens' && existingEntry === null) body = `export const client = new ${callee};`;
    else if (args === 'const') body = `const options = ${object};\nexport const client = new ${callee}(options);`;
    else body = `export const client = new ${callee}(${object});`;
    return { ts, code: `${header}\n\n${body}\n` };
  });

const openaiSite = fc
  .record({
    ts: fc.boolean(),
    quote: fc.constantFrom("'", '"'),
    importStyle: fc.constantFrom('default', 'named', 'require'),
    baseURL: fc.constantFrom('literal', 'const', 'env', 'eu'),
    extras: fc.shuffledSubarray(['apiKey: process.env.OPENROUTER_API_KEY', 'maxRetries: 2', 'timeout: 20 * 1000']),
    headers: fc.constantFrom('absent', 'object', 'object'),
    headerExtras: fc.shuffledSubarray(["'Content-Type': 'application/json'", "'X-Request-Source': 'worker'"]),
    existing: existingArbitrary,
    at: fc.nat(),
    layout: layoutArbitrary,
    headersLayout: layoutArbitrary,
    viaConst: fc.boolean(),
  })
  .map(({ ts, quote, importStyle, baseURL, extras, headers, headerExtras, existing, at, layout, headersLayout, viaConst }): Site => {
    const header =
      importStyle === 'default'
        ? `import OpenAI from ${q(quote, 'openai')};`
        : importStyle === 'named'
          ? `import { OpenAI } from ${q(quote, 'openai')};`
          : `const OpenAI = require(${q(quote, 'openai')});`;
    const declarations: string[] = [];
    let base: string;
    if (baseURL === 'const') {
      declarations.push(`const OPENROUTER_BASE_URL = ${q(quote, 'https://openrouter.ai/api/v1')};`);
      base = 'OPENROUTER_BASE_URL';
    } else if (baseURL === 'env') base = 'process.env.OPENROUTER_BASE_URL';
    else base = q(quote, baseURL === 'eu' ? 'https://eu.openrouter.ai/api/v1' : 'https://openrouter.ai/api/v1');
    const existingHeader = existing === 'localhost' ? `${q(quote, 'HTTP-Referer')}: ${q(quote, 'http://localhost:3000')}` : existing === 'title' ? `${q(quote, 'X-Title')}: ${q(quote, 'Acme Chat')}` : null;
    let entries = [`baseURL: ${base}`, ...extras];
    if (headers === 'object' || existingHeader !== null) {
      entries.push(`defaultHeaders: ${renderObject(placed(headerExtras, existingHeader, at), headersLayout, layout.multiline ? layout.indent : '')}`);
    }
    entries = placed(entries.slice(1), entries[0]!, at);
    const object = renderObject(entries, layout, '');
    const body = viaConst ? `const options = ${object};\nexport const llm = new OpenAI(options);` : `export const llm = new OpenAI(${object});`;
    return { ts, code: `${header}\n${declarations.join('\n')}\n${body}\n` };
  });

const aiSdkSite = fc
  .record({
    ts: fc.boolean(),
    quote: fc.constantFrom("'", '"'),
    args: fc.constantFrom('none', 'object', 'object'),
    extras: fc.shuffledSubarray(['apiKey: process.env.OPENROUTER_API_KEY', "compatibility: 'strict'"]),
    headers: fc.constantFrom('absent', 'object'),
    existing: existingArbitrary,
    at: fc.nat(),
    layout: layoutArbitrary,
    headersLayout: layoutArbitrary,
  })
  .map(({ ts, quote, args, extras, headers, existing, at, layout, headersLayout }): Site => {
    const header = `import { createOpenRouter } from ${q(quote, '@openrouter/ai-sdk-provider')};`;
    const existingEntry = existing === 'localhost' ? `appUrl: ${q(quote, 'http://localhost:5173')}` : existing === 'title' ? `appName: ${q(quote, 'Acme Chat')}` : null;
    const entries = placed(extras, existingEntry, at);
    if (headers === 'object') entries.push(`headers: ${renderObject([`${q(quote, 'X-Request-Source')}: ${q(quote, 'web')}`], headersLayout, layout.multiline ? layout.indent : '')}`);
    const call = args === 'none' && existingEntry === null && headers === 'absent' ? 'createOpenRouter()' : `createOpenRouter(${renderObject(entries, layout, '')})`;
    return { ts, code: `${header}\n\nexport const openrouter = ${call};\n` };
  });

const fetchSite = fc
  .record({
    ts: fc.boolean(),
    quote: fc.constantFrom("'", '"'),
    url: fc.constantFrom('literal', 'const', 'template', 'eu'),
    callee: fc.constantFrom('fetch', 'fetch', 'globalThis.fetch'),
    init: fc.constantFrom('missing', 'object', 'object', 'object'),
    trailingArgumentComma: fc.boolean(),
    initExtras: fc.shuffledSubarray(["method: 'POST'", 'body: JSON.stringify(payload)', 'signal']),
    headers: fc.constantFrom('absent', 'object', 'object', 'Headers', 'pairs'),
    headerExtras: fc.shuffledSubarray(["'Content-Type': 'application/json'", "'Authorization': `Bearer ${process.env.OPENROUTER_API_KEY}`"]),
    existing: existingArbitrary,
    at: fc.nat(),
    layout: layoutArbitrary,
    headersLayout: layoutArbitrary,
  })
  .map(({ ts, quote, url, callee, init, trailingArgumentComma, initExtras, headers, headerExtras, existing, at, layout, headersLayout }): Site => {
    const declarations: string[] = [];
    let target: string;
    if (url === 'const') {
      declarations.push(`const OPENROUTER_URL = ${q(quote, 'https://openrouter.ai/api/v1/chat/completions')};`);
      target = 'OPENROUTER_URL';
    } else if (url === 'template') {
      declarations.push(`const OPENROUTER_API = ${q(quote, 'https://openrouter.ai/api/v1')};`);
      target = '`${OPENROUTER_API}/chat/completions`';
    } else target = q(quote, url === 'eu' ? 'https://eu.openrouter.ai/api/v1/completions' : 'https://openrouter.ai/api/v1/chat/completions');
    const existingHeader =
      existing === 'localhost' ? `${q(quote, 'HTTP-Referer')}: ${q(quote, 'http://127.0.0.1:8787')}` : existing === 'title' ? `${q(quote, 'X-OpenRouter-Title')}: ${q(quote, 'Acme Chat')}` : null;
    const headerEntries = placed(headerExtras, existingHeader, at);
    const headerBase = layout.multiline ? `  ${layout.indent}` : '  ';
    let args = target;
    if (init === 'object' || existingHeader !== null) {
      const entries = [...initExtras];
      const kind = headers === 'absent' && existingHeader !== null ? 'object' : headers;
      if (kind === 'object') entries.push(`headers: ${renderObject(headerEntries, headersLayout, headerBase)}`);
      else if (kind === 'Headers') entries.push(`headers: new Headers(${renderObject(headerEntries, headersLayout, headerBase)})`);
      else if (kind === 'pairs') entries.push(`headers: ${renderPairs(headerEntries, headersLayout, headerBase)}`);
      args += `, ${renderObject(entries, layout, '  ')}`;
    }
    if (trailingArgumentComma) args += ',';
    const parameter = ts ? 'payload: unknown, signal?: AbortSignal' : 'payload, signal';
    const body = `export async function send(${parameter}) {\n  const response = await ${callee}(${args});\n  return response.json();\n}`;
    return { ts, code: `${declarations.join('\n')}\n\n${body}\n` };
  });

const siteArbitrary = fc.oneof(sdkSite, openaiSite, aiSdkSite, fetchSite);

const VALID_SETTINGS = [
  { referer: 'https://acme.dev', title: 'Acme Notes', categories: ['cli-agent'] },
  { referer: 'https://github.com/acme/acme-notes', title: "Acme's \"Notes\" `${x}` \\ 2" },
  { referer: 'https://acme.dev/app', title: 'Acme Notes', categories: ['programming-app', 'general-chat'] },
];

const pluginMessages = (messages: Linter.LintMessage[]) => messages.filter((message) => message.ruleId?.startsWith('openrouter/'));
/**
 * What a fix may leave: `match-project-attribution` reports the titles the generated sites already
 * write when they differ from the configured one, which no fix touches (it only suggests).
 */
const leftByFixes = (messages: Linter.LintMessage[]) => pluginMessages(messages).filter((message) => message.ruleId !== 'openrouter/match-project-attribution');

describe('fixes on generated call sites', () => {
  it('find something, parse after the fix, leave no fixing-rule finding, and are stable', () => {
    fc.assert(
      fc.property(siteArbitrary, fc.constantFrom(...VALID_SETTINGS), (site, settings) => {
        expect(() => parse(site.code, site.ts), site.code).not.toThrow();
        const before = pluginMessages(lint(site, settings));
        expect(before.filter((message) => FIXING_RULES.includes(message.ruleId!)).length, site.code).toBeGreaterThan(0);
        expect(before.filter((message) => message.messageId === 'invalidConfig')).toEqual([]);

        const fixed = fix(site, settings);
        expect(fixed.fixed, site.code).toBe(true);
        expect(() => parse(fixed.output, site.ts), fixed.output).not.toThrow();
        expect(leftByFixes(fixed.messages), fixed.output).toEqual([]);
        const again = fix({ ...site, code: fixed.output }, settings);
        expect(again.fixed, fixed.output).toBe(false);
        expect(again.output).toBe(fixed.output);
      }),
      { numRuns: 400 },
    );
  });

  // A headers literal nested in a shared options constant is shared too: the fix would add
  // OpenRouter headers to the upload request.
  it('leave a headers object alone when the options constant holding it is shared', () => {
    const site: Site = {
      ts: false,
      code: [
        "const init = { method: 'POST', headers: { 'Content-Type': 'application/json' } };",
        "await fetch('https://openrouter.ai/api/v1/chat/completions', init);",
        "await fetch('https://uploads.acme.dev/v1/files', init);",
        '',
      ].join('\n'),
    };
    const result = fix(site, VALID_SETTINGS[0]);
    expect(result.output).toBe(site.code);
  });

  it('insert the configured values, not other ones', () => {
    fc.assert(
      fc.property(siteArbitrary, fc.constantFrom(...VALID_SETTINGS), (site, settings) => {
        const before = stringEntries(parse(site.code, site.ts));
        const after = stringEntries(parse(fix(site, settings).output, site.ts));
        const added = (keys: Set<string>) => {
          const remaining = [...valuesOf(before, keys)];
          return valuesOf(after, keys).filter((value) => {
            const index = remaining.indexOf(value);
            if (index === -1) return true;
            remaining.splice(index, 1);
            return false;
          });
        };
        for (const value of added(REFERER_KEYS)) expect(value).toBe(settings.referer);
        // `prefer-openrouter-title-header` adds X-OpenRouter-Title with the value of the X-Title already written.
        const titles = [settings.title, ...valuesOf(before, TITLE_KEYS)];
        for (const value of added(TITLE_KEYS)) expect(titles).toContain(value);
      }),
      { numRuns: 200 },
    );
  });
});

// ---- configured values drawn at random ------------------------------------------------------

const GENERIC_WORDS = new Set(GENERIC_TITLE_WORDS);

/** What fetch and node:http accept in a header value. */
function sendable(value: string): boolean {
  try {
    new Headers({ 'x-probe': value });
    validateHeaderValue('x-probe', value);
    return true;
  } catch {
    return false;
  }
}

/** The documented rules for a configured title, checked independently of the plugin's validator. */
/** Sendable, but no app's name or URL holds one: C1 controls (NEL, CSI) and the soft hyphen. */
const INVISIBLE = /[\u0080-\u009f\u00ad]/;

function titleAccepted(title: string): boolean {
  return title.trim() !== '' && title === title.trim() && title.length <= 256 && sendable(title) && !INVISIBLE.test(title) && checkTitle(title, GENERIC_WORDS) === null;
}

function isLocalhost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '0.0.0.0' || host.endsWith('.localhost');
}

/**
 * The documented rules for a configured referer: an absolute http(s) URL without query or fragment (not even a
 * bare `?`), credentials or a backslash (which URL parsers read differently), sendable and visible.
 */
function refererAccepted(referer: string): boolean {
  if (referer.trim() === '' || referer !== referer.trim() || referer.length > 2048 || !sendable(referer) || INVISIBLE.test(referer)) return false;
  if (referer.includes('\\')) return false;
  if (!/^https?:\/\//i.test(referer)) return false;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return false;
  }
  return url.search === '' && url.hash === '' && !/[?#]/.test(referer) && url.username === '' && url.password === '';
}

/** Characters a header may carry but a string literal must escape or keep apart: quotes, backticks, `${`, backslashes. */
const SENDABLE = ["'", '"', '`', '${', '}', '\\', '\\n', '\\u0041', '\t', ' ', '\u00a0', '\u00e9', '\u00ff', '\u0085', '<', '>', '[', ']', '{{', '/', '%', '?', 'a', 'Z', '0', ' Notes'];
/** Characters HTTP clients refuse in a header (and `#`, which a referer must not hold). */
const REFUSED = ['\n', '\r', '\u2028', '\u0100', '\u2014', '\u{1f600}', '\u0000', '\u0001', '\u001f', '\u007f', '#'];
const text = (alphabet: readonly string[], maxLength: number) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((parts) => parts.join(''));
const brand = fc.constantFrom('Acme', 'Zeta Notes', 'Quill');

const titleArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(brand, text(SENDABLE, 12), fc.constantFrom('', 'x', ' ')).map(([name, rest, end]) => name + rest + end) },
  { weight: 2, arbitrary: fc.tuple(text(SENDABLE, 3), brand, text([...SENDABLE, ...REFUSED], 6)).map(([a, name, b]) => a + name + b) },
  { weight: 1, arbitrary: text([...SENDABLE, ...REFUSED], 10) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  { weight: 1, arbitrary: fc.tuple(brand, fc.string({ unit: fc.constantFrom('a', "'", '`', '${', '\\', '"', ' '), minLength: 240, maxLength: 270 })).map(([name, rest]) => `${name}${rest}x`) },
);
const ORIGINS = ['https://acme.dev', 'https://github.com/acme/notes', 'http://localhost:3000', 'https://acme.dev:8443'];
const refererArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...ORIGINS), text(SENDABLE, 10), fc.constantFrom('', 'x')).map(([origin, path, end]) => `${origin}/${path}${end}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...ORIGINS), text([...SENDABLE, ...REFUSED], 8)).map(([origin, path]) => `${origin}/${path}`) },
  { weight: 1, arbitrary: fc.constantFrom('https://acme.dev', 'HTTPS://ACME.DEV/Path', 'http://127.0.0.1:8080', 'ftp://acme.dev', 'acme.dev', '/relative', 'https://acme.dev/?q=1') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', "'", '`', '\\', '/'), minLength: 2030, maxLength: 2060 }).map((path) => `https://acme.dev/${path}x`) },
);

/** Sites with no attribution (both values go in) and one with a localhost referer (only the title goes in). */
const RANDOM_VALUE_SITES: (Site & { missing: 'both' | 'title' })[] = [
  { ts: true, missing: 'both', code: "import { OpenRouter } from '@openrouter/sdk';\nexport const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });\n" },
  { ts: false, missing: 'both', code: 'import OpenAI from "openai";\nexport const llm = new OpenAI({\n  baseURL: "https://openrouter.ai/api/v1",\n  defaultHeaders: { "Content-Type": "application/json" },\n});\n' },
  { ts: true, missing: 'both', code: "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\nexport const openrouter = createOpenRouter();\n" },
  { ts: false, missing: 'both', code: "export const send = (payload) => fetch('https://openrouter.ai/api/v1/chat/completions', { method: 'POST', body: JSON.stringify(payload) });\n" },
  {
    ts: true,
    missing: 'title',
    code: "export const send = (body: string) =>\n  fetch('https://openrouter.ai/api/v1/chat/completions', {\n    method: 'POST',\n    headers: [['HTTP-Referer', 'http://localhost:3000']],\n    body,\n  });\n",
  },
];

describe('configured values drawn at random', () => {
  it('are inserted exactly when valid, reported by valid-config and left out when not', () => {
    fc.assert(
      fc.property(titleArbitrary, refererArbitrary, fc.constantFrom(...RANDOM_VALUE_SITES), (title, referer, site) => {
        const titleOk = titleAccepted(title);
        const refererOk = refererAccepted(referer);
        // A localhost referer is dropped when the title is: alone it would be a finding of its own.
        const refererUsed = refererOk && (titleOk || !isLocalhost(new URL(referer)));
        const settings = { referer, title };
        // Each drawn config is a run of its own: config problems are reported once per run.
        clearConfigClaims();

        const messages = pluginMessages(lint(site, settings));
        const invalid = messages.filter((message) => message.messageId === 'invalidConfig');
        expect(invalid.length > 0, JSON.stringify({ title, referer, titleOk, refererOk, invalid })).toBe(!titleOk || !refererOk);

        const result = fix(site, settings);
        const after = stringEntries(parse(result.output, site.ts));
        const before = stringEntries(parse(site.code, site.ts));
        const insertedReferers = valuesOf(after, REFERER_KEYS).slice(valuesOf(before, REFERER_KEYS).length);
        const insertedTitles = valuesOf(after, TITLE_KEYS).slice(valuesOf(before, TITLE_KEYS).length);
        const context = JSON.stringify({ title, referer, output: result.output });
        if (site.missing === 'both') {
          expect(insertedReferers, context).toEqual(refererUsed ? [referer] : []);
          expect(insertedTitles, context).toEqual(refererUsed && titleOk ? [title] : []);
        } else {
          expect(insertedReferers, context).toEqual([]);
          expect(insertedTitles, context).toEqual(titleOk ? [title] : []);
        }
        if (insertedReferers.length === 0 && insertedTitles.length === 0) expect(result.output).toBe(site.code);
      }),
      { numRuns: 400 },
    );
  });

  it('never crash on settings of any shape', () => {
    const value = fc.oneof(fc.anything(), fc.string(), fc.array(fc.string()), fc.constant(undefined));
    const settingsArbitrary = fc.oneof(
      fc.anything(),
      fc.record({ referer: value, title: value, categories: value, additionalCategories: value, additionalGenericTitleWords: value }, { requiredKeys: [] }),
      fc.dictionary(fc.string(), value),
    );
    fc.assert(
      fc.property(settingsArbitrary, fc.constantFrom(...RANDOM_VALUE_SITES), (settings, site) => {
        const result = fix(site, settings);
        expect(() => parse(result.output, site.ts), result.output).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  // Node's http module (axios, got, node-fetch) refuses U+007F in a header value; fetch accepts it.
  it('rejects a title containing U+007F, which node:http refuses to send', () => {
    const title = 'Acme\u007fNotes';
    expect(sendable(title)).toBe(false);
    const messages = pluginMessages(lint(RANDOM_VALUE_SITES[0]!, { referer: 'https://acme.dev', title }));
    expect(messages.some((message) => message.messageId === 'invalidConfig')).toBe(true);
  });
});
