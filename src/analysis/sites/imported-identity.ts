/**
 * The pre-test's second look, for a file that imports a client but does not name OpenRouter: its base URL
 * may come from a project module (`import { config } from './config'`, whose `baseUrl` defaults to
 * OpenRouter's). Such a file is analysed when a module its imports reach, directly or through their own
 * imports (32 at most, past which it is analysed), names OpenRouter. Only project modules are looked at,
 * inside the package or repository, read as regular files; a file that imports no client module costs one
 * test of its text.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { MAX_MODULE_BYTES } from '../syntax/module-parser.js';
import { importsMayName, type ImportWalk } from '../project-files/import-reach.js';
import { ownPackage } from '../project-files/own-package.js';
import { knownRepositoryRoot } from '../project-files/walk-up.js';
import { isWithin } from '../project-files/within-root.js';
import { importSpecifiers, namedPaths } from '../values/package-importers.js';
import { CLIENTS } from '../clients/rows.js';

/** An import of a client row's module (`from 'openai'`, `require("axios")`): a global (`fetch`) does not count. */
const CLIENT_IMPORT = new RegExp(
  String.raw`\b(?:from|import|require)\s*\(?\s*['"](?:${[...new Set(CLIENTS.flatMap((row) => row.sources.flatMap((source) => ('module' in source ? [source.module] : []))))]
    .map((module) => module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')})['"]`,
);

/** Extensions tried for a specifier that names a module without one (`./config`, or `./config.js` for `config.ts`). */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The project file a specifier of `from` names: a relative path or an alias of the package, with or without its extension or `/index`. */
function resolveModule(from: string, specifier: string, root: string): string | null {
  for (const stem of namedPaths(specifier, from, root)) {
    for (const candidate of [...EXTENSIONS.map((extension) => stem + extension), ...EXTENSIONS.map((extension) => path.join(stem, `index${extension}`))]) {
      // Nothing outside the package or repository is looked at, not even its existence.
      if (isWithin(candidate, root) && isFile(candidate)) return candidate;
    }
  }
  return null;
}

function scriptWalk(root: string): ImportWalk {
  return { language: 'javascript', root, maxBytes: MAX_MODULE_BYTES, importsOf: importSpecifiers, resolve: (from, specifier) => resolveModule(from, specifier, root) };
}

/** Whether a file that names no OpenRouter, but imports a client, reaches a project module that does (see above). */
export function importsMayGiveOpenRouter(text: string, file: string | null | undefined): boolean {
  if (!file || !path.isAbsolute(file) || !CLIENT_IMPORT.test(text)) return false;
  const folder = path.dirname(file);
  const root = ownPackage(folder)?.directory ?? knownRepositoryRoot(folder);
  if (!root) return false;
  const walk = scriptWalk(root);
  const projectImports = importSpecifiers(text).filter((specifier) => namedPaths(specifier, file, root).length > 0);
  return importsMayName(file, projectImports, walk);
}
