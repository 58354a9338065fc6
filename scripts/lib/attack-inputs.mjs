/**
 * Everything `npm run attack` runs: the hostile cases, fuzzed programs, and package.json traps that
 * a lookup must survive (a FIFO that would block a read, a link to an endless device).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fuzzedProgram, HOSTILE_CASES, seededRandom } from './hostile-cases.mjs';
import { pythonAttackInputs } from './python-attack-inputs.mjs';

const SITE = "import { OpenRouter } from '@openrouter/sdk';\nnew OpenRouter({ apiKey: k });\n";

export function attackInputs(scale) {
  const random = seededRandom(20261201);
  return [
    ...HOSTILE_CASES.map((item) => ({ name: item.name, class: item.class, ...item.make(scale) })),
    ...[40, 400, 4000].map((size) => ({ name: `fuzzed program of ${size * scale} constants`, class: 'fuzzed', code: fuzzedProgram(random, size * scale) })),
    {
      name: 'package.json that is a FIFO',
      class: 'file access',
      code: SITE,
      prepare: (root) => execFileSync('mkfifo', [path.join(root, 'src', 'package.json')]),
    },
    {
      name: 'package.json linked to /dev/zero',
      class: 'file access',
      code: SITE,
      prepare: (root) => symlinkSync('/dev/zero', path.join(root, 'src', 'package.json')),
    },
    {
      name: 'package.json of 100 MB',
      class: 'file access',
      code: SITE,
      prepare: (root) => writeFileSync(path.join(root, 'src', 'package.json'), `{"openrouter":{"referer":"https://acme.dev"},"x":"${'x'.repeat(100 * 1024 * 1024)}"}`),
    },
    {
      name: 'imported modules: a FIFO, a link to /dev/zero, one over 128 KiB',
      class: 'file access',
      code: importing(['fifo', 'zero', 'large']),
      prepare: (root) => {
        namedPackage(root);
        execFileSync('mkfifo', [path.join(root, 'src', 'fifo.ts')]);
        symlinkSync('/dev/zero', path.join(root, 'src', 'zero.ts'));
        writeFileSync(path.join(root, 'src', 'large.ts'), `export const H = { 'X-OpenRouter-Title': 'Acme' };\n// ${'x'.repeat(200 * 1024)}\n`);
      },
    },
    {
      name: 'imported modules: an import cycle',
      class: 'combinatorial resolution',
      code: importing(['a']),
      prepare: (root) => {
        namedPackage(root);
        writeFileSync(path.join(root, 'src', 'a.ts'), "import { H as B } from './b';\nexport const H = { ...B, 'X-OpenRouter-Title': 'Acme' };\n");
        writeFileSync(path.join(root, 'src', 'b.ts'), "import { H as A } from './a';\nexport const H = { ...A };\n");
      },
    },
    {
      name: `imported modules: ${40 * scale} imports of 100 KB modules`,
      class: 'combinatorial resolution',
      code: importing(Array.from({ length: 40 * scale }, (_, index) => `m${index}`)),
      prepare: (root) => {
        namedPackage(root);
        const padding = `// ${'x'.repeat(100 * 1024)}\n`;
        for (let index = 0; index < 40 * scale; index++) writeFileSync(path.join(root, 'src', `m${index}.ts`), `export const H = { 'X-Key-${index}': 'v' };\n${padding}`);
      },
    },
    {
      name: 'imported modules: nested as deep as 128 KiB allows (arrays, blocks, type arguments)',
      class: 'deep nesting',
      code: importing(['arrays', 'blocks', 'types']),
      prepare: (root) => {
        namedPackage(root);
        const depth = 40_000;
        writeFileSync(path.join(root, 'src', 'arrays.ts'), `export const H = { 'X-Deep': ${'['.repeat(depth)}1${']'.repeat(depth)} };\n`);
        writeFileSync(path.join(root, 'src', 'blocks.ts'), `export const H = { 'X-Deep': 'v' };\n${'{'.repeat(depth)}${'}'.repeat(depth)}\n`);
        writeFileSync(path.join(root, 'src', 'types.ts'), `export const H = { 'X-Deep': 'v' } as ${'A<'.repeat(depth)}B${'>'.repeat(depth)};\n`);
      },
    },
    {
      name: `imported helpers: 64 spreads of a helper with 16 returns, each spreading the next module's, ${40 * scale} modules`,
      class: 'combinatorial resolution',
      code: `import OpenAI from 'openai';\nimport { helper } from './h0';\n${Array.from({ length: 64 }, (_, index) => `new OpenAI({ ...helper(${index}), baseURL: 'https://openrouter.ai/api/v1' });`).join('\n')}\n`,
      prepare: (root) => {
        namedPackage(root);
        for (let index = 0; index < 40 * scale; index++) {
          const returns = Array.from({ length: 15 }, (_, each) => `  if (n === ${each}) return { ...next(n), 'X-${each}': n };`).join('\n');
          writeFileSync(path.join(root, 'src', `h${index}.ts`), `import { helper as next } from './h${index + 1}';\nexport function helper(n) {\n${returns}\n  return { ...next(n + 1) };\n}\n`);
        }
      },
    },
    {
      name: 'tsconfig.json a FIFO, beside a jsconfig.json linked to /dev/zero',
      class: 'file access',
      code: importing(['@/a', '@/b'], ''),
      prepare: (root) => {
        namedPackage(root);
        execFileSync('mkfifo', [path.join(root, 'src', 'tsconfig.json')]);
        symlinkSync('/dev/zero', path.join(root, 'jsconfig.json'));
      },
    },
    {
      name: `tsconfig paths: an extends cycle, 256 aliases of 8 targets, ${40 * scale} aliased imports that name nothing`,
      class: 'combinatorial resolution',
      code: importing(Array.from({ length: 40 * scale }, (_, index) => `@/m${index}`), ''),
      prepare: (root) => {
        namedPackage(root);
        const paths = Object.fromEntries(Array.from({ length: 256 }, (_, index) => [`${'@/'.padEnd(2 + (index % 3), 'm')}*`, Array.from({ length: 8 }, (_, target) => `./t${target}/*`)]));
        writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ extends: './tsconfig.base.json', compilerOptions: { paths } }));
        writeFileSync(path.join(root, 'tsconfig.base.json'), JSON.stringify({ extends: './tsconfig.json' }));
      },
    },
    {
      name: `let objects: one given ${3_000 * scale} new objects, a chain of ${500 * scale} lets each given the last spread`,
      class: 'combinatorial resolution',
      code:
        `let h = { Authorization: 'k' };\n${Array.from({ length: 3_000 * scale }, (_, index) => `if (c${index % 7}) h = { ...h, 'X-${index}': 'v' };`).join('\n')}\n` +
        `let l0 = { Authorization: 'k' };\n${Array.from({ length: 500 * scale }, (_, index) => `let l${index + 1} = { ...l${index} };\nif (c) l${index + 1} = { ...l${index + 1}, ...l${index}, 'X-${index}': 'v' };`).join('\n')}\n` +
        `fetch('https://openrouter.ai/api/v1/chat/completions', { headers: h, body: '{"model":"m","messages":[]}' });\nfetch('https://openrouter.ai/api/v1/chat/completions', { headers: l${500 * scale}, body: '{"model":"m","messages":[]}' });\n`,
    },
    {
      name: `let strings: a URL given in ${3_000 * scale} branches, a chain of ${500 * scale} lets each appending to the last, read by ${2_000 * scale} requests`,
      class: 'combinatorial resolution',
      code:
        `let url = 'https://api.example.com/v1/chat/completions';\n${Array.from({ length: 3_000 * scale }, (_, index) => `if (c${index % 7}) url = 'https://openrouter.ai/api/v1/chat/completions?v=${index}';`).join('\n')}\n` +
        `let u0 = 'https://openrouter.ai/api/v1';\n${Array.from({ length: 500 * scale }, (_, index) => `let u${index + 1} = u${index};\nif (c) u${index + 1} += '/x${index}';`).join('\n')}\n` +
        Array.from({ length: 2_000 * scale }, (_, index) => `fetch(${index % 2 ? 'url' : `u${500 * scale}`}, { method: 'POST', headers: { Authorization: 'k' }, body: '{"model":"m","messages":[]}' });`).join('\n') +
        '\n',
    },
    {
      name: `wrappers: a private method making ${200 * scale} requests, called 64 times through \`this\``,
      class: 'combinatorial resolution',
      code: classWrapper(200 * scale),
    },
    {
      name: `wrappers: imported functions making 8 and ${200 * scale} requests, each called 64 times`,
      class: 'combinatorial resolution',
      code: `import { post, send } from './http';\n${Array.from({ length: 64 }, (_, index) => `post('https://openrouter.ai/api/v1/chat/completions', { 'X-Index': '${index}' });\nsend('https://openrouter.ai/api/v1/chat/completions', { 'X-Index': '${index}' });`).join('\n')}\n`,
      prepare: (root) => {
        namedPackage(root);
        const requests = requestLines(200 * scale, '  ');
        const eight = requests.split('\n').slice(0, 8).join('\n');
        writeFileSync(path.join(root, 'src', 'http.ts'), `export function post(url, headers) {\n${requests}\n}\nexport function send(url, headers) {\n${eight}\n}\n`);
      },
    },
    {
      name: `project: ${400 * scale} files each importing 8 of ${400 * scale} modules, linted in turn`,
      class: 'project',
      // More modules than any count bound would hold, read in a rotating order: each is parsed once.
      code: '',
      prepare: (root) => {
        namedPackage(root);
        mkdirSync(path.join(root, 'src', 'shared'));
        for (let index = 0; index < 400 * scale; index++) writeFileSync(path.join(root, 'src', 'shared', `m${index}.ts`), sharedModule(index));
        for (let index = 0; index < 400 * scale; index++) {
          const modules = Array.from({ length: 8 }, (_, each) => `./shared/m${(index * 7 + each * 53) % (400 * scale)}`);
          writeFileSync(path.join(root, 'src', `client${index}.ts`), importing(modules, ''));
        }
      },
      project: (root) => [
        ...Array.from({ length: 400 * scale }, (_, index) => path.join(root, 'src', `client${index}.ts`)),
        ...Array.from({ length: 400 * scale }, (_, index) => path.join(root, 'src', 'shared', `m${index}.ts`)),
      ],
    },
    // Each file's unattributed export sends the lint to its importers: the package is listed, and they are parsed.
    exportingProject(`project: ${400 * scale} files each exporting a client that 8 others import and call, linted in turn`, 400 * scale, 'gateway', exportingGateway),
    // Half the callers name no OpenRouter: a wrapper's lint reads its importers' calls.
    exportingProject(`project: ${400 * scale} files each exporting a request wrapper that 8 others call, linted in turn`, 400 * scale, 'api', exportingWrapper),
    {
      name: `audit: a .gitignore of ${40_000 * scale} patterns over ${300 * scale} files`,
      class: 'project',
      code: '',
      prepare: (root) => {
        namedPackage(root);
        const patterns = Array.from({ length: 40_000 * scale }, (_, index) => (index % 10 === 0 ? `**/generated-${index}/*.tmp` : `build-output-${index}.ts`));
        writeFileSync(path.join(root, '.gitignore'), `${patterns.join('\n')}\n`);
        for (let index = 0; index < 300 * scale; index++) {
          const folder = path.join(root, 'src', `a${index % 5}`, `b${index % 7}`);
          mkdirSync(folder, { recursive: true });
          writeFileSync(path.join(folder, `client${index}.ts`), `${SITE}export const value${index} = ${index};\n`);
        }
      },
      audit: (root) => ({
        files: Array.from({ length: 300 * scale }, (_, index) => path.join(root, 'src', `a${index % 5}`, `b${index % 7}`, `client${index}.ts`)),
        args: ['audit', '--jobs', '1', '.'],
      }),
    },
    {
      name: `audit --merge: a report of ${100 * scale} MB, as JSON and as SARIF`,
      class: 'report',
      code: '',
      prepare: (root) => {
        const finding = (index) =>
          `{"ruleId":"openrouter/require-referer","file":"src/m${index % 997}.ts","line":${index + 1},"column":3,"endLine":${index + 1},"endColumn":40,"severity":"error","message":"No HTTP-Referer is sent: OpenRouter cannot attribute this request (${index}).","fixable":false}`;
        const findings = [];
        for (let bytes = 0, index = 0; bytes < 100 * scale * 1024 * 1024; index++) {
          findings.push(finding(index));
          bytes += findings.at(-1).length + 1;
        }
        const repository = `{"path":${JSON.stringify(path.join(root, 'repository'))},"filesScanned":997,"sites":${findings.length},"attributed":0,"findings":[${findings.join(',')}],"parseErrors":[]}`;
        writeFileSync(path.join(root, 'report.json'), `{"version":1,"tool":{"name":"eslint-plugin-openrouter","version":"0.2.0"},"config":"recommended","repositories":[${repository}],"summary":{}}`);
      },
      merge: (root) => [path.join(root, 'report.json')],
    },
    ...pythonAttackInputs(scale),
  ];
}

/** A module exporting an unattributed provider, and calling those of `used` with attribution per request. */
function exportingGateway(index, used) {
  const imports = used.map((other) => `import { gateway${other} } from './gateway${other}';\n`).join('');
  const calls = used.map((other) => `  await generateText({ model: gateway${other}('m'), prompt, headers: { 'HTTP-Referer': 'https://acme.dev' } });\n`).join('');
  return `import { createOpenRouter } from '@openrouter/ai-sdk-provider';\nimport { generateText } from 'ai';\n${imports}export const gateway${index} = createOpenRouter({ apiKey: process.env.KEY });\nexport async function run(prompt: string) {\n${calls}}\n`;
}

/** A package of `count` files `<stem><index>.ts`, each made by `make(index, used)` from the 8 others it imports, linted in turn. */
function exportingProject(name, count, stem, make) {
  return {
    name,
    class: 'project',
    code: '',
    prepare: (root) => {
      namedPackage(root);
      for (let index = 0; index < count; index++) {
        const used = Array.from({ length: 8 }, (_, each) => (index * 7 + each * 53 + 1) % count).filter((other) => other !== index);
        writeFileSync(path.join(root, 'src', `${stem}${index}.ts`), make(index, used));
      }
    },
    project: (root) => Array.from({ length: count }, (_, index) => path.join(root, 'src', `${stem}${index}.ts`)),
  };
}

/** A module whose exported wrapper posts to a path under OpenRouter's base, and which calls 8 others' wrappers without a referer. */
function exportingWrapper(index, used) {
  const imports = used.map((other) => `import { post${other} } from './api${other}';\n`).join('');
  const calls = used.map((other) => `  await post${other}('/chat/completions', { method: 'POST', headers: { Authorization: 'k' }, body: prompt });\n`).join('');
  // Only the wrapper's own file names the host: its callers pass no text test of their own.
  const base = index % 2 ? "'https://open' + 'router.ai/api/v1'" : "'https://openrouter.ai/api/v1'";
  return `${imports}const BASE = ${base};\nexport function post${index}(path: string, init: RequestInit) {\n  return fetch(BASE + path, init);\n}\nexport async function run(prompt: string) {\n${calls}}\n`;
}

/** A module of shared attribution, padded to a few KiB as modules are. */
function sharedModule(index) {
  const helpers = Array.from({ length: 12 }, (_, each) => `export function helper${each}(values: readonly number[]): number {\n  return values.reduce((sum, value) => sum + value * ${each + index}, 0);\n}\n`).join('');
  return `export const H = { 'X-Module-${index}': 'v${index}' };\n${helpers}`;
}

/** `count` requests to the `url` parameter, each spreading the `headers` parameter. */
function requestLines(count, indent) {
  return Array.from({ length: count }, (_, index) => `${indent}fetch(url, { method: 'POST', headers: { ...headers, 'X-Request': '${index}' }, body: '{"model":"m","messages":[]}' });`).join('\n');
}

/** A class whose private method sends `count` requests from its parameters, called 64 times through `this`. */
function classWrapper(count) {
  const requests = requestLines(count, '    ');
  const calls = Array.from({ length: 64 }, (_, index) => `    this.#post('https://openrouter.ai/api/v1/chat/completions', { 'X-Call': '${index}' });`).join('\n');
  return `export class Client {\n  #post(url, headers) {\n${requests}\n  }\n  run() {\n${calls}\n  }\n}\n`;
}

/** A client whose headers spread an `H` imported from each module (`./module`, or the specifier as given after `prefix`). */
function importing(modules, prefix = './') {
  const imports = modules.map((module, index) => `import { H as H${index} } from '${prefix}${module}';\n`).join('');
  const spreads = modules.map((_module, index) => `...H${index}`).join(', ');
  return `import OpenAI from 'openai';\n${imports}new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', defaultHeaders: { ${spreads} } });\n`;
}

/** Imports are followed only inside a named package. */
function namedPackage(root) {
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'attack-app', private: true }));
}
