/** require-referer: classes of the file that make requests with what they are constructed with, checked at each `new`. */
import type rule from '../../../src/rules/require-referer.js';
import type { CasesFor } from '../../rule-tester.js';

const URL = "'https://openrouter.ai/api/v1'";
/** A provider class whose method posts to `${endpoint}/chat/completions` with the headers it is given. */
const PROVIDER = (headers = "{ 'Content-Type': 'application/json' }") =>
  'class Provider {\n' +
  '  constructor(endpointUrl, apiKey) {\n' +
  "    this.endpointUrl = endpointUrl.replace(/\\/+$/, '');\n" +
  '    this.apiKey = apiKey;\n' +
  '  }\n' +
  '  async send(prompt) {\n' +
  `    const headers = ${headers};\n` +
  "    if (this.apiKey) headers['Authorization'] = `Bearer ${this.apiKey}`;\n" +
  "    return fetch(`${this.endpointUrl}/chat/completions`, { method: 'POST', headers, body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: prompt }] }) });\n" +
  '  }\n' +
  '}\n';

export const classConstructionCases: CasesFor<typeof rule> = {
  valid: [
    // Constructed for another server, or with an endpoint the file does not tell.
    `${PROVIDER()}const local = new Provider('http://localhost:1234/v1', key);`,
    `${PROVIDER()}const provider = new Provider(process.env.LLM_URL, key);`,
    // The class sends a referer itself.
    `${PROVIDER("{ 'HTTP-Referer': 'https://acme.dev' }")}const openrouter = new Provider(${URL}, key);`,
    // A static method's `this` is the class, which no constructor sets up.
    `class Api {\n  static base = 'https://example.com';\n  constructor(base) { this.base = base; }\n  static send() { return fetch(\`\${this.base}/chat/completions\`, { method: 'POST', headers: {} }); }\n}\nnew Api(${URL});`,
    // Only the models list: no tokens.
    `class Catalog {\n  constructor(base) { this.base = base; }\n  list() { return fetch(\`\${this.base}/models\`, { headers: {} }); }\n}\nnew Catalog(${URL});`,
    // A subclass pointed elsewhere, or passing on what its own callers give.
    `${PROVIDER()}class Local extends Provider {\n  constructor(key) { super('http://localhost:1234/v1', key); }\n}`,
    `${PROVIDER()}class Any extends Provider {\n  constructor(url, key) { super(url, key); }\n}`,
    // The class sends a referer itself: its subclasses too.
    `${PROVIDER("{ 'HTTP-Referer': 'https://acme.dev' }")}class OpenRouterProvider extends Provider {\n  constructor(key) { super(${URL}, key); }\n}`,
    // Options that may replace the headers too are not known to lack a referer.
    `import OpenAI from 'openai';\nexport function make(options) { return new OpenAI({ baseURL: ${URL}, ...options }); }`,
  ],
  invalid: [
    {
      // Reported at the construction that points the class at OpenRouter, not at the generic request.
      code: `${PROVIDER()}const local = new Provider('http://localhost:1234/v1', key);\nconst openrouter = new Provider(${URL}, key);`,
      errors: [{ messageId: 'missingReferer', line: 13, column: 24, data: { site: 'the fetch request this instance makes', where: 'an `HTTP-Referer` header in `headers`', fixHint: '' } }],
    },
    {
      // A subclass that passes OpenRouter's URL up: reported at its `super(...)`.
      code: `${PROVIDER()}class OpenRouterProvider extends Provider {\n  constructor(key) {\n    super(${URL}, key);\n  }\n}`,
      errors: [{ messageId: 'missingReferer', line: 14, column: 5 }],
    },
    {
      // A subclass without a constructor of its own: each \`new\` of it constructs the parent.
      code: `${PROVIDER()}class Named extends Provider {}\nexport const openrouter = new Named(${URL}, key);`,
      errors: [{ messageId: 'missingReferer', line: 13, column: 31 }],
    },
    {
      // An OpenAI client kept by a provider class; the subclass's options may replace the URL, never add headers.
      code:
        "import OpenAI from 'openai';\n" +
        'class OpenAIProvider {\n  constructor(options = {}) {\n    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.apiUrl || process.env.OPENAI_API_URL });\n  }\n' +
        "  ask(messages) { return this.client.chat.completions.create({ model: 'm', messages }); }\n}\n" +
        `export class OpenRouterProvider extends OpenAIProvider {\n  constructor(config) {\n    super({ apiUrl: ${URL}, apiKey: process.env.KEY, ...config });\n  }\n}`,
      errors: [{ messageId: 'missingReferer', line: 10, column: 5 }],
    },
    {
      // \`{ baseURL: URL, ...options }.baseURL\` is the options' URL or OpenRouter's.
      code: `import OpenAI from 'openai';\nexport function make(options) {\n  const settings = { baseURL: ${URL}, ...options };\n  return new OpenAI({ baseURL: settings.baseURL, apiKey: settings.apiKey });\n}`,
      errors: [{ messageId: 'missingReferer', line: 4 }],
    },
  ],
  tsInvalid: [
    {
      // An options object kept by a TypeScript parameter property; the base URL trimmed.
      code: `class Client {\n  constructor(private options: { baseUrl: string; key: string }) {}\n  chat(body: unknown) {\n    return fetch(\`\${this.options.baseUrl.trim()}/chat/completions\`, { method: 'POST', headers: { Authorization: this.options.key }, body: JSON.stringify(body) });\n  }\n}\nexport const client = new Client({ baseUrl: ${URL}, key: 'k' });`,
      errors: [{ messageId: 'missingReferer', line: 7 }],
    },
  ],
};
