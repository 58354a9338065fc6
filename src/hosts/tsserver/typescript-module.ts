/**
 * The `typescript` module of the tsserver that loaded the plugin. The plugin never requires a
 * `typescript` of its own: the editor may run another TypeScript than the project's, and a Program
 * walked by a second copy of another version would be misread (its SyntaxKind numbers differ).
 */
import Module, { createRequire } from 'node:module';
import type * as ts from 'typescript';

export type TypeScript = typeof ts;

/** Packages that `require('typescript')` on the parser's path: the parser, its converter and ts-api-utils. */
const TYPESCRIPT_USERS = ['@typescript-eslint/typescript-estree', 'ts-api-utils'];

function resolveFrom(file: string, request: string): string | null {
  try {
    return createRequire(file).resolve(request);
  } catch {
    return null;
  }
}

/**
 * typescript-estree (inside @typescript-eslint/parser) requires `typescript` itself and walks the
 * SourceFile it is given with that module. Before the parser is first loaded, tsserver's module is
 * put in the require cache under every file those packages would load as `typescript`, so the parser
 * and tsserver share one module and the Program can be handed over as it is. Where a different
 * version is already loaded under that file (another plugin loaded it first), the two would
 * disagree: returns false, and the parser is then left to parse the text with its own module.
 */
export function shareTypeScriptWithParser(typescript: TypeScript, parserEntry: string): boolean {
  const estree = resolveFrom(parserEntry, TYPESCRIPT_USERS[0]!);
  const users = [parserEntry, ...(estree ? [estree] : []), ...(estree ? [resolveFrom(estree, TYPESCRIPT_USERS[1]!)] : [])];
  // The cache is Node's one module cache, whichever require it is reached through.
  const cache = createRequire(parserEntry).cache;
  let shared = true;
  for (const user of users) {
    if (!user) continue;
    const file = resolveFrom(user, 'typescript');
    if (!file) continue;
    const cached = cache[file];
    if (!cached) {
      const entry = new Module(file);
      entry.filename = file;
      entry.exports = typescript;
      entry.loaded = true;
      cache[file] = entry;
    } else if ((cached.exports as { version?: string }).version !== typescript.version) {
      shared = false;
    }
  }
  return shared;
}
