/**
 * Generated TypeScript that talks to OpenRouter the ways real projects do: @openrouter/sdk, openai
 * with an OpenRouter baseURL, @openrouter/ai-sdk-provider and plain fetch, with constants, spreads,
 * environment fallbacks, shared header objects, and the usual mistakes (no referer, localhost
 * without a title, generic titles, bad category slugs). Deterministic for a given seed.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A small seeded PRNG (mulberry32), so the corpus is the same on every machine. */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (probability) => next() < probability,
  };
}

const APPS = [
  { name: 'Acme Notes', url: 'https://acme-notes.dev', slug: 'acme-notes' },
  { name: 'Lumen Docs', url: 'https://github.com/lumen-labs/lumen-docs', slug: 'lumen-docs' },
  { name: 'Quillstack', url: 'https://quillstack.io', slug: 'quillstack' },
  { name: 'Harbor CRM', url: 'https://harborcrm.com', slug: 'harbor' },
  { name: 'Pixelforge Studio', url: 'https://pixelforge.studio', slug: 'pixelforge' },
  { name: 'Tidewater Analytics', url: 'https://tidewater.app', slug: 'tidewater' },
  { name: 'Kestrel CLI', url: 'https://kestrel.sh', slug: 'kestrel' },
  { name: 'Brightline Tutor', url: 'https://brightline.school', slug: 'brightline' },
];
const GENERIC_TITLES = ['AI App', 'Chatbot', 'My AI Assistant', 'Assistant', 'Test', '<YOUR_SITE_NAME>'];
const BAD_REFERERS = ['https://your-site.com', '<YOUR_SITE_URL>', 'https://myapp.com'];
const GOOD_CATEGORIES = ['cli-agent', 'programming-app', 'general-chat', 'writing-assistant', 'creative-writing,image-gen', 'roleplay'];
const BAD_CATEGORIES = ['coding', 'cli_agent', 'creative-writting', 'roleplay,game,legal', 'General Chat', 'cli-agent,cli-agent'];
const MODELS = ['openai/gpt-4o-mini', 'anthropic/claude-sonnet-4', 'google/gemini-2.5-flash', 'meta-llama/llama-3.3-70b-instruct', 'deepseek/deepseek-chat'];
const DIRECTORIES = [
  'apps/web/src/lib',
  'apps/web/src/app/api/chat',
  'apps/worker/src',
  'packages/ai/src',
  'packages/ai/src/providers',
  'packages/cli/src/commands',
  'services/summariser/src',
  'src/server',
  'src/lib/llm',
  'scripts',
];
const VERBS = ['summarise', 'classify', 'translate', 'draft', 'review', 'explain', 'rewrite', 'extract', 'answer', 'plan'];
const NOUNS = ['ticket', 'note', 'invoice', 'commit', 'lesson', 'report', 'thread', 'document', 'recipe', 'issue'];

const capitalise = (word) => word[0].toUpperCase() + word.slice(1);

/** Writes one generated file: imports, declarations and functions, indented by two spaces. */
class FileBuilder {
  constructor(random, quote) {
    this.random = random;
    this.quote = quote;
    this.imports = new Map();
    this.typeImports = [];
    this.declarations = [];
    this.blocks = [];
    this.names = new Set();
  }
  /** A string literal in the file's quote style. */
  s(value) {
    const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(this.quote, 'g'), `\\${this.quote}`);
    return `${this.quote}${escaped}${this.quote}`;
  }
  /** A fresh identifier based on `base`. */
  name(base) {
    let candidate = base;
    for (let index = 2; this.names.has(candidate); index++) candidate = `${base}${index}`;
    this.names.add(candidate);
    return candidate;
  }
  importNamed(module, name) {
    const entry = this.imports.get(module) ?? { named: new Set(), default: null };
    entry.named.add(name);
    this.imports.set(module, entry);
  }
  importDefault(module, name) {
    const entry = this.imports.get(module) ?? { named: new Set(), default: null };
    entry.default = name;
    this.imports.set(module, entry);
  }
  declare(text) {
    this.declarations.push(text);
  }
  block(text) {
    this.blocks.push(text);
  }
  toString() {
    const imports = [...this.imports.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([module, { named, default: defaultName }]) => {
        const parts = [];
        if (defaultName) parts.push(defaultName);
        if (named.size > 0) parts.push(`{ ${[...named].sort().join(', ')} }`);
        return `import ${parts.join(', ')} from ${this.s(module)};`;
      });
    return `${[...imports, ...this.typeImports].join('\n')}\n\n${this.declarations.join('\n')}\n\n${this.blocks.join('\n\n')}\n`;
  }
}

/** An object literal over `entries` (`key: value` strings), one line or one entry a line. */
function objectLiteral(random, entries, indent) {
  if (entries.length === 0) return '{}';
  if (entries.length <= 2 && random.chance(0.5)) return `{ ${entries.join(', ')} }`;
  const inner = `${indent}  `;
  const trailing = random.chance(0.7) ? ',' : '';
  return `{\n${entries.map((entry) => `${inner}${entry}`).join(',\n')}${trailing}\n${indent}}`;
}

/** An expression for the referer: a literal, a constant, an env read with or without a fallback. */
function refererExpression(file, random, app, { allowBad }) {
  const roll = random.next();
  if (allowBad && roll < 0.12) return file.s('http://localhost:3000');
  if (allowBad && roll < 0.18) return `process.env.SITE_URL || ${file.s('http://localhost:5173')}`;
  if (allowBad && roll < 0.22) return file.s(random.pick(BAD_REFERERS));
  if (roll < 0.4) return file.s(app.url);
  if (roll < 0.6) {
    const constant = file.name('SITE_URL');
    file.declare(`const ${constant} = ${file.s(app.url)};`);
    return constant;
  }
  if (roll < 0.75) return `process.env.PUBLIC_SITE_URL ?? ${file.s(app.url)}`;
  if (roll < 0.85) return 'process.env.OPENROUTER_HTTP_REFERER';
  const domain = file.name('APP_DOMAIN');
  file.declare(`const ${domain} = ${file.s(new URL(app.url).host)};`);
  return `\`https://\${${domain}}\``;
}

function titleExpression(file, random, app, { allowBad }) {
  const roll = random.next();
  if (allowBad && roll < 0.12) return file.s(random.pick(GENERIC_TITLES));
  if (roll < 0.45) return file.s(app.name);
  if (roll < 0.7) {
    const constant = file.name('APP_NAME');
    file.declare(`const ${constant} = ${file.s(app.name)};`);
    return constant;
  }
  if (roll < 0.85) return `process.env.APP_TITLE ?? ${file.s(app.name)}`;
  return 'process.env.OPENROUTER_APP_TITLE';
}

function categoriesExpression(file, random) {
  return file.s(random.chance(0.25) ? random.pick(BAD_CATEGORIES) : random.pick(GOOD_CATEGORIES));
}

/** Which attribution a site carries; a share of sites forget the referer or the title. */
function attributionPlan(random) {
  const roll = random.next();
  if (roll < 0.2) return { referer: false, title: false, categories: false };
  if (roll < 0.3) return { referer: false, title: true, categories: false };
  if (roll < 0.45) return { referer: true, title: false, categories: random.chance(0.3) };
  return { referer: true, title: true, categories: random.chance(0.5) };
}

const API_KEY = 'process.env.OPENROUTER_API_KEY';

function usageFunction(file, random, call) {
  const verb = random.pick(VERBS);
  const noun = random.pick(NOUNS);
  const fn = file.name(`${verb}${capitalise(noun)}`);
  const model = file.s(random.pick(MODELS));
  return { fn, noun, model, text: call(fn, noun, model) };
}

function sdkSite(file, random, app) {
  file.importNamed('@openrouter/sdk', 'OpenRouter');
  const plan = attributionPlan(random);
  const entries = [`apiKey: ${API_KEY} ?? ${file.s('')}`];
  if (plan.referer) entries.push(`httpReferer: ${refererExpression(file, random, app, { allowBad: true })}`);
  if (plan.title) entries.push(`${random.chance(0.15) ? 'xTitle' : 'appTitle'}: ${titleExpression(file, random, app, { allowBad: true })}`);
  if (plan.categories) entries.push(`appCategories: ${categoriesExpression(file, random)}`);
  const client = file.name(random.pick(['openRouter', 'client', 'sdk', 'router']));
  const layout = random.next();
  if (layout < 0.08) file.declare(`export const ${client} = new OpenRouter();`);
  else if (layout < 0.25) {
    const options = file.name('clientOptions');
    file.declare(`const ${options} = ${objectLiteral(random, entries, '')};\nexport const ${client} = new OpenRouter(${options});`);
  } else if (layout < 0.35) {
    const base = file.name('baseOptions');
    file.declare(`const ${base} = { apiKey: ${API_KEY} ?? ${file.s('')}, timeoutMs: 30_000 };`);
    file.declare(`export const ${client} = new OpenRouter(${objectLiteral(random, [`...${base}`, ...entries.slice(1)], '')});`);
  } else if (layout < 0.42) {
    // The trap from older docs: @openrouter/sdk ignores defaultHeaders.
    const headers = [`${file.s('HTTP-Referer')}: ${file.s(app.url)}`, `${file.s('X-Title')}: ${file.s(app.name)}`];
    file.declare(`export const ${client} = new OpenRouter({\n  apiKey: ${API_KEY},\n  defaultHeaders: ${objectLiteral(random, headers, '  ')},\n});`);
  } else file.declare(`export const ${client} = new OpenRouter(${objectLiteral(random, entries, '')});`);
  const usage = usageFunction(file, random, (fn, noun, model) =>
    [
      `export async function ${fn}(${noun}: string, signal?: AbortSignal): Promise<string> {`,
      `  const response = await ${client}.chat.send({`,
      `    model: ${model},`,
      `    messages: [{ role: ${file.s('user')}, content: \`Please ${fn.replace(/[A-Z].*/, '')} this ${noun}:\\n\${${noun}}\` }],`,
      `  });`,
      `  if (signal?.aborted) throw new Error(${file.s('aborted')});`,
      `  const content = response.choices[0]?.message?.content;`,
      `  return typeof content === ${file.s('string')} ? content : ${file.s('')};`,
      `}`,
    ].join('\n'),
  );
  file.block(usage.text);
}

function openaiSite(file, random, app) {
  const named = random.chance(0.3);
  if (named) file.importNamed('openai', 'OpenAI');
  else file.importDefault('openai', 'OpenAI');
  const plan = attributionPlan(random);
  const baseRoll = random.next();
  let baseURL;
  if (baseRoll < 0.45) baseURL = file.s('https://openrouter.ai/api/v1');
  else if (baseRoll < 0.7) {
    baseURL = file.name('OPENROUTER_BASE_URL');
    file.declare(`const ${baseURL} = ${file.s('https://openrouter.ai/api/v1')};`);
  } else if (baseRoll < 0.85) baseURL = `process.env.OPENROUTER_BASE_URL ?? ${file.s('https://openrouter.ai/api/v1')}`;
  else if (baseRoll < 0.92) baseURL = file.s('https://eu.openrouter.ai/api/v1');
  else baseURL = file.s('https://api.openai.com/v1');
  const headers = [];
  if (plan.referer) headers.push(`${file.s(random.chance(0.2) ? 'http-referer' : 'HTTP-Referer')}: ${refererExpression(file, random, app, { allowBad: true })}`);
  if (plan.title) {
    const name = random.pick(['X-Title', 'X-OpenRouter-Title', 'X-OpenRouter-Title']);
    headers.push(`${file.s(name)}: ${titleExpression(file, random, app, { allowBad: true })}`);
  }
  if (plan.categories) headers.push(`${file.s('X-OpenRouter-Categories')}: ${categoriesExpression(file, random)}`);
  const entries = [`baseURL: ${baseURL}`, `apiKey: ${API_KEY}`];
  const headerLayout = random.next();
  if (headers.length > 0 && headerLayout < 0.25) {
    const constant = file.name('attributionHeaders');
    file.declare(`const ${constant} = ${objectLiteral(random, headers, '')};`);
    entries.push(`defaultHeaders: ${constant}`);
  } else if (headers.length > 0 && headerLayout < 0.4) {
    const common = file.name('commonHeaders');
    file.declare(`const ${common} = { ${file.s('X-Request-Source')}: ${file.s(app.slug)} };`);
    entries.push(`defaultHeaders: ${objectLiteral(random, [`...${common}`, ...headers], '  ')}`);
  } else if (headers.length > 0 || random.chance(0.3)) entries.push(`defaultHeaders: ${objectLiteral(random, headers, '  ')}`);
  if (random.chance(0.3)) entries.push('maxRetries: 2');
  const client = file.name(random.pick(['openai', 'llm', 'openrouter', 'ai']));
  file.declare(`export const ${client} = new OpenAI(${objectLiteral(random, entries, '')});`);
  const usage = usageFunction(file, random, (fn, noun, model) =>
    [
      `export async function ${fn}(${noun}: string): Promise<string | null> {`,
      `  const completion = await ${client}.chat.completions.create({`,
      `    model: ${model},`,
      `    temperature: ${random.pick(['0', '0.2', '0.7'])},`,
      `    messages: [`,
      `      { role: ${file.s('system')}, content: ${file.s(`You ${random.pick(VERBS)} ${noun}s.`)} },`,
      `      { role: ${file.s('user')}, content: ${noun} },`,
      `    ],`,
      `  });`,
      `  return completion.choices[0]?.message.content ?? null;`,
      `}`,
    ].join('\n'),
  );
  file.block(usage.text);
}

function aiSdkSite(file, random, app) {
  file.importNamed('ai', 'generateText');
  if (random.chance(0.1)) {
    // The ready-made export sends no attribution.
    file.importNamed('@openrouter/ai-sdk-provider', 'openrouter');
    const usage = usageFunction(file, random, (fn, noun, model) =>
      `export async function ${fn}(${noun}: string) {\n  const { text } = await generateText({ model: openrouter(${model}), prompt: ${noun} });\n  return text;\n}`,
    );
    file.block(usage.text);
    return;
  }
  file.importNamed('@openrouter/ai-sdk-provider', 'createOpenRouter');
  const plan = attributionPlan(random);
  const entries = [`apiKey: ${API_KEY}`];
  if (plan.referer) entries.push(`appUrl: ${refererExpression(file, random, app, { allowBad: true })}`);
  if (plan.title) entries.push(`appName: ${titleExpression(file, random, app, { allowBad: true })}`);
  if (plan.categories || random.chance(0.2)) {
    const headers = plan.categories ? [`${file.s('X-OpenRouter-Categories')}: ${categoriesExpression(file, random)}`] : [];
    entries.push(`headers: ${objectLiteral(random, headers, '  ')}`);
  }
  const provider = file.name(random.pick(['openrouter', 'provider', 'router']));
  if (random.chance(0.1)) file.declare(`const ${provider} = createOpenRouter();`);
  else file.declare(`const ${provider} = createOpenRouter(${objectLiteral(random, entries, '')});`);
  const usage = usageFunction(file, random, (fn, noun, model) =>
    [
      `export async function ${fn}(${noun}: string, maxOutputTokens = ${random.int(2, 16) * 64}) {`,
      `  const { text, usage } = await generateText({`,
      `    model: ${provider}(${model}),`,
      `    prompt: \`${capitalise(fn.replace(/[A-Z].*/, ''))} the following ${noun}:\\n\\n\${${noun}}\`,`,
      `    maxOutputTokens,`,
      `  });`,
      `  return { text, tokens: usage.totalTokens };`,
      `}`,
    ].join('\n'),
  );
  file.block(usage.text);
}

function fetchSite(file, random, app) {
  const plan = attributionPlan(random);
  const urlRoll = random.next();
  let url;
  if (urlRoll < 0.35) url = file.s('https://openrouter.ai/api/v1/chat/completions');
  else if (urlRoll < 0.6) {
    url = file.name('OPENROUTER_URL');
    file.declare(`const ${url} = ${file.s('https://openrouter.ai/api/v1/chat/completions')};`);
  } else if (urlRoll < 0.8) {
    const base = file.name('OPENROUTER_API');
    file.declare(`const ${base} = ${file.s('https://openrouter.ai/api/v1')};`);
    url = `\`\${${base}}/${random.pick(['chat/completions', 'completions', 'embeddings', 'responses'])}\``;
  } else if (urlRoll < 0.9) url = file.s('https://openrouter.ai/api/v1/models');
  else url = `\`\${process.env.OPENROUTER_BASE_URL}/chat/completions\``;
  const headers = [`Authorization: \`Bearer \${${API_KEY}}\``, `${file.s('Content-Type')}: ${file.s('application/json')}`];
  if (plan.referer) headers.push(`${file.s('HTTP-Referer')}: ${refererExpression(file, random, app, { allowBad: true })}`);
  if (plan.title) headers.push(`${file.s(random.chance(0.5) ? 'X-Title' : 'X-OpenRouter-Title')}: ${titleExpression(file, random, app, { allowBad: true })}`);
  if (plan.categories) headers.push(`${file.s('X-OpenRouter-Categories')}: ${categoriesExpression(file, random)}`);
  let headersExpression;
  const layout = random.next();
  if (layout < 0.2) {
    const constant = file.name('OPENROUTER_HEADERS');
    file.declare(`const ${constant} = ${objectLiteral(random, headers, '')};`);
    headersExpression = constant;
  } else if (layout < 0.32) headersExpression = `new Headers(${objectLiteral(random, headers, '    ')})`;
  else if (layout < 0.4) {
    const base = file.name('baseHeaders');
    file.declare(`const ${base} = ${objectLiteral(random, headers.slice(0, 2), '')};`);
    headersExpression = objectLiteral(random, [`...${base}`, ...headers.slice(2)], '    ');
  } else headersExpression = objectLiteral(random, headers, '    ');
  if (file.typeImports.length === 0) file.typeImports.push(`import type { ChatMessage } from ${file.s('./types')};`);
  const fetchName = random.chance(0.1) ? 'globalThis.fetch' : 'fetch';
  const usage = usageFunction(file, random, (fn, noun, model) =>
    [
      `export async function ${fn}(messages: ChatMessage[], signal?: AbortSignal): Promise<string> {`,
      `  const response = await ${fetchName}(${url}, {`,
      `    method: ${file.s('POST')},`,
      `    headers: ${headersExpression},`,
      `    body: JSON.stringify({ model: ${model}, messages, stream: false }),`,
      `    signal,`,
      `  });`,
      `  if (!response.ok) {`,
      `    throw new Error(\`OpenRouter request failed (\${response.status}): \${await response.text()}\`);`,
      `  }`,
      `  const data = (await response.json()) as { choices: { message: { content: string } }[] };`,
      `  return data.choices[0]?.message.content ?? ${file.s('')};`,
      `}`,
    ].join('\n'),
  );
  file.block(usage.text);
}

/** Ordinary code around the calls: types, helpers, a small class. */
function filler(file, random) {
  const noun = random.pick(NOUNS);
  const type = file.name(`${capitalise(noun)}Record`);
  const kinds = [
    () =>
      `export interface ${type} {\n  id: string;\n  title: string;\n  createdAt: Date;\n  tags: readonly string[];\n  score?: number;\n}`,
    () => {
      const fn = file.name(`with${capitalise(random.pick(['retry', 'backoff', 'timeout']))}`);
      return [
        `export async function ${fn}<T>(task: () => Promise<T>, attempts = ${random.int(2, 5)}): Promise<T> {`,
        `  let lastError: unknown;`,
        `  for (let attempt = 0; attempt < attempts; attempt++) {`,
        `    try {`,
        `      return await task();`,
        `    } catch (error) {`,
        `      lastError = error;`,
        `      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * ${random.int(50, 400)}));`,
        `    }`,
        `  }`,
        `  throw lastError instanceof Error ? lastError : new Error(String(lastError));`,
        `}`,
      ].join('\n');
    },
    () => {
      const cls = file.name(`${capitalise(noun)}Cache`);
      return [
        `export class ${cls}<V> {`,
        `  readonly #entries = new Map<string, { value: V; expires: number }>();`,
        `  constructor(private readonly ttlMs = ${random.int(1, 60) * 1000}) {}`,
        ``,
        `  get(key: string): V | undefined {`,
        `    const entry = this.#entries.get(key);`,
        `    if (!entry || entry.expires < Date.now()) return undefined;`,
        `    return entry.value;`,
        `  }`,
        ``,
        `  set(key: string, value: V): void {`,
        `    this.#entries.set(key, { value, expires: Date.now() + this.ttlMs });`,
        `  }`,
        `}`,
      ].join('\n');
    },
    () => {
      const fn = file.name(`format${capitalise(noun)}`);
      return [
        `export const ${fn} = (items: { name: string; count: number }[], locale = ${file.s('en-GB')}): string =>`,
        `  items`,
        `    .filter((item) => item.count > 0)`,
        `    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, locale))`,
        `    .map(({ name, count }) => \`\${name}: \${count.toLocaleString(locale)}\`)`,
        `    .join(${file.s(', ')});`,
      ].join('\n');
    },
    () => {
      const enumName = file.name(`${capitalise(noun)}Status`);
      return `export enum ${enumName} {\n  Draft = ${file.s('draft')},\n  Queued = ${file.s('queued')},\n  Done = ${file.s('done')},\n  Failed = ${file.s('failed')},\n}`;
    },
    () => {
      const fn = file.name(`parse${capitalise(noun)}`);
      return [
        `export function ${fn}(input: unknown): { ok: true; value: Record<string, string> } | { ok: false; error: string } {`,
        `  if (typeof input !== ${file.s('object')} || input === null || Array.isArray(input)) {`,
        `    return { ok: false, error: ${file.s(`expected a ${noun} object`)} };`,
        `  }`,
        `  const value: Record<string, string> = {};`,
        `  for (const [key, raw] of Object.entries(input)) {`,
        `    if (typeof raw === ${file.s('string')}) value[key] = raw.trim();`,
        `    else if (raw != null) value[key] = JSON.stringify(raw);`,
        `  }`,
        `  return { ok: true, value };`,
        `}`,
      ].join('\n');
    },
  ];
  file.block(random.pick(kinds)());
}

const SITES = [sdkSite, openaiSite, aiSdkSite, fetchSite];

/** `count` files as `{ relativePath, code }`; the same seed gives the same files. */
export function generateOpenRouterCorpus({ count = 300, seed = 20261127 } = {}) {
  const random = createRandom(seed);
  const files = [];
  for (let index = 0; index < count; index++) {
    const file = new FileBuilder(random, random.chance(0.7) ? "'" : '"');
    const app = random.pick(APPS);
    const siteCount = random.int(1, 3);
    for (let filled = random.int(2, 4); filled > 0; filled--) filler(file, random);
    for (let site = 0; site < siteCount; site++) {
      // Every fourth file uses one client throughout, like most real modules.
      const kind = index % 4 === 0 ? SITES[index % SITES.length] : random.pick(SITES);
      kind(file, random, app);
      if (random.chance(0.5)) filler(file, random);
    }
    const directory = DIRECTORIES[index % DIRECTORIES.length];
    const base = `${random.pick(VERBS)}-${random.pick(NOUNS)}`;
    files.push({ relativePath: `${directory}/${base}-${String(index).padStart(3, '0')}.ts`, code: file.toString() });
  }
  return files;
}

/** Writes the corpus below `directory`, replacing what was there. */
export function writeOpenRouterCorpus(directory, files) {
  rmSync(directory, { recursive: true, force: true });
  for (const { relativePath, code } of files) {
    const target = path.join(directory, relativePath);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
}
