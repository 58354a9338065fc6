#!/usr/bin/env node
/**
 * Writes src/analysis/domain/endpoints.json from OpenRouter's OpenAPI spec: each path, its methods,
 * and whether it consumes tokens. The spec itself is not kept here, only these facts, with where
 * and when they were read. tests/token-endpoints.test.ts checks the token path matcher against them.
 *
 *   node scripts/update-endpoints.mjs SPEC.yaml --commit SHA [--source REPO:PATH] [--date YYYY-MM-DD]
 *
 * SPEC.yaml is `.speakeasy/in.openapi.yaml` of OpenRouter's `typescript-sdk` repository (YAML or JSON).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { endpointFacts } from './lib/openapi-endpoints.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'src', 'analysis', 'domain', 'endpoints.json');
const { values, positionals } = parseArgs({
  options: {
    commit: { type: 'string' },
    source: { type: 'string', default: 'OpenRouterTeam/typescript-sdk:.speakeasy/in.openapi.yaml' },
    date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
  },
  allowPositionals: true,
});
if (positionals.length !== 1 || !values.commit) {
  process.stderr.write('usage: node scripts/update-endpoints.mjs SPEC.yaml --commit SHA [--source REPO:PATH] [--date YYYY-MM-DD]\n');
  process.exit(2);
}

const spec = yaml.load(readFileSync(positionals[0], 'utf8'), { schema: yaml.JSON_SCHEMA });
if (!spec || typeof spec !== 'object' || !spec.paths) {
  process.stderr.write(`${positionals[0]} has no \`paths\`: not an OpenAPI spec\n`);
  process.exit(1);
}
const facts = {
  source: values.source,
  commit: values.commit,
  read: values.date,
  version: spec.info?.version ?? null,
  server: spec.servers?.[0]?.url ?? null,
  tokens: 'a path consumes tokens when a request body of one of its operations names a `model`',
  paths: endpointFacts(spec),
};
// One path a line, so a regeneration's diff reads as the spec's changes.
const { paths, ...header } = facts;
const lines = paths.map((entry) => `    ${JSON.stringify(entry)}`);
const text = `${JSON.stringify(header, null, 2).replace(/\n}$/, ',\n  "paths": [\n')}${lines.join(',\n')}\n  ]\n}\n`;
JSON.parse(text);
writeFileSync(target, text);
const tokenPaths = facts.paths.filter((entry) => entry.tokens).length;
process.stdout.write(`${path.relative(root, target)}: ${facts.paths.length} paths, ${tokenPaths} consume tokens\n`);
