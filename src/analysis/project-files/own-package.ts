/**
 * The package a file belongs to, for code inside a client's own repository: the SDK's examples
 * and tests import it by a relative path (`../src/index.js`), which names the client as surely as
 * its package name does. The nearest package.json that has a `name` is read with package-identity's
 * safe reader (regular files, bounded size, no code run), within the same boundaries, cached per
 * directory.
 */
import path from 'node:path';
import { repositoryRoot, walkUp } from './walk-up.js';
import { readRegularFile } from './read-regular-file.js';
import { ExpiringCache } from './expiring-cache.js';
import { aliasTargets } from './path-aliases.js';
import { isRelativeSpecifier } from './specifiers.js';

export interface OwnPackage {
  readonly name: string;
  readonly directory: string;
}

const cache = new ExpiringCache<string, OwnPackage | null>(5_000, 2_000);

function nameOf(text: string): string | null {
  try {
    const name = (JSON.parse(text.replace(/^\uFEFF/, '')) as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name.length > 0 && name.length <= 214 ? name : null;
  } catch {
    return null;
  }
}

/** The nearest package above `start` that names itself, or null. A package.json without a name is passed. */
export function ownPackage(start: string, now = Date.now()): OwnPackage | null {
  return walkUp<OwnPackage | null>(
    start,
    cache,
    (directory) => {
      const found = readRegularFile(path.join(directory, 'package.json'), repositoryRoot(directory, now));
      // An unreadable package.json ends the walk: the file's package is not known.
      if ('error' in found) return null;
      const name = 'text' in found ? nameOf(found.text) : null;
      return name === null ? undefined : { name, directory };
    },
    null,
    now,
  );
}

/**
 * The client module a relative import (or a tsconfig `paths` alias, `@/index`) names: the file's own
 * package, when that package is one of the clients and the import stays inside it. Null for any other specifier.
 */
export function ownClientModule(specifier: string, file: string | null, modules: ReadonlySet<string>): string | null {
  if (file === null || !path.isAbsolute(file)) return null;
  const own = ownPackage(path.dirname(file));
  if (!own || !modules.has(own.name)) return null;
  const relative = isRelativeSpecifier(specifier);
  const targets = relative ? [path.resolve(path.dirname(file), specifier)] : aliasTargets(specifier, file, own.directory);
  const inside = (target: string) => target === own.directory || target.startsWith(own.directory + path.sep);
  return targets.length > 0 && inside(targets[0]!) ? own.name : null;
}
