/**
 * Everything `npm run attack` runs: the hostile cases, fuzzed programs, and package.json traps that
 * a lookup must survive (a FIFO that would block a read, a link to an endless device).
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fuzzedProgram, HOSTILE_CASES, seededRandom } from './hostile-cases.mjs';

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
  ];
}
