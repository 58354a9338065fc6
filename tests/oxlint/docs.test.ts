/**
 * The Oxlint configs that README.md and docs/oxlint.md show work as written: each `.oxlintrc.json`
 * block enables exactly `configs.recommended`'s rules and severities, and every config block
 * (`.oxlintrc.json`, `oxlint.config.mjs`) loads the installed package under the real `oxlint` and
 * fixes an unattributed client with the identity it configures or the project's package.json.
 */
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumer, readText, recommendedRules, REPO, runOxlint, writeFile, writeJson, type Consumer } from './consumer-project.js';

interface ConfigBlock {
  /** `README.md:312` */
  where: string;
  file: '.oxlintrc.json' | 'oxlint.config.mjs';
  code: string;
}

function configBlocks(document: string): ConfigBlock[] {
  const blocks: ConfigBlock[] = [];
  const lines = readText(path.join(REPO, document)).split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    if (!/^```(jsonc?|js|javascript|mjs)\s*$/.test(lines[index]!)) continue;
    const end = lines.indexOf('```', index + 1);
    const named = /^\/\/\s*(\.oxlintrc\.json|oxlint\.config\.mjs)\s*$/.exec(lines[index + 1] ?? '');
    if (named) blocks.push({ where: `${document}:${index + 1}`, file: named[1] as ConfigBlock['file'], code: lines.slice(index + 1, end).join('\n') });
    index = end;
  }
  return blocks;
}

function parseJsonc(block: ConfigBlock): { jsPlugins?: string[]; rules?: Record<string, string>; settings?: { openrouter?: { referer?: string } } } {
  const { config, error } = ts.parseConfigFileTextToJson(block.file, block.code);
  if (error) throw new Error(`${block.where}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  return config;
}

const CLIENT = "import { OpenRouter } from '@openrouter/sdk';\n\nexport const client = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });\n";
const PACKAGE_IDENTITY = { referer: 'https://docs-example.dev', title: 'Docs Example' };
const blocks = [...configBlocks('README.md'), ...configBlocks('docs/oxlint.md')];

let consumer: Consumer;
const fixed: Record<string, string> = {};

beforeAll(async () => {
  consumer = createConsumer('oxlint-docs');
  await Promise.all(
    blocks.map(async (block, index) => {
      const directory = path.join(consumer.root, `block-${index}`);
      writeJson(path.join(directory, 'package.json'), { name: `block-${index}`, private: true, type: 'module', openrouter: PACKAGE_IDENTITY });
      writeFile(path.join(directory, block.file), block.code);
      writeFile(path.join(directory, 'src/client.ts'), CLIENT);
      const run = await runOxlint(directory, [...(block.file === 'oxlint.config.mjs' ? ['-c', block.file] : []), '--fix']);
      if (run.stderr !== '') throw new Error(`${block.where}: ${run.stderr}`);
      fixed[block.where] = readText(path.join(directory, 'src/client.ts'));
    }),
  );
}, 240_000);

afterAll(() => consumer?.remove());

describe('Oxlint configs in the docs', () => {
  it('are there: an .oxlintrc.json in README.md and docs/oxlint.md, an oxlint.config.mjs in docs/oxlint.md', () => {
    expect(blocks.map((block) => `${block.where.split(':')[0]} ${block.file}`)).toEqual(
      expect.arrayContaining(['README.md .oxlintrc.json', 'docs/oxlint.md .oxlintrc.json', 'docs/oxlint.md oxlint.config.mjs']),
    );
  });

  it.each(blocks.filter((block) => block.file === '.oxlintrc.json').map((block) => [block.where, block]))(
    '%s enables configs.recommended\'s rules and severities',
    (_where, block) => {
      const config = parseJsonc(block);
      expect(config.jsPlugins).toEqual(['eslint-plugin-openrouter']);
      expect(config.rules).toEqual(recommendedRules(consumer.plugin));
    },
  );

  it.each(blocks.map((block) => [block.where, block]))('%s loads the plugin and fixes with the configured identity', (_where, block) => {
    const referer = block.file === '.oxlintrc.json' ? (parseJsonc(block).settings?.openrouter?.referer ?? PACKAGE_IDENTITY.referer) : PACKAGE_IDENTITY.referer;
    expect(fixed[block.where]).toContain(`httpReferer: '${referer}'`);
  });
});
