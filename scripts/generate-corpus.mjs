#!/usr/bin/env node
/**
 * Writes the generated OpenRouter corpus to .bench/generated/ (gitignored) for reading or linting
 * by hand; bench and sweep regenerate it themselves.
 *
 *   npm run bench:corpus -- --count 300 --seed 20261127
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateOpenRouterCorpus, writeOpenRouterCorpus } from './lib/openrouter-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { count: { type: 'string', default: '300' }, seed: { type: 'string', default: '20261127' } } });
const directory = path.join(root, '.bench', 'generated');
const files = generateOpenRouterCorpus({ count: Number(values.count), seed: Number(values.seed) });
writeOpenRouterCorpus(directory, files);
process.stdout.write(`${files.length} files written to ${path.relative(root, directory)}/\n`);
