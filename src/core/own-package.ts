/**
 * The package a file belongs to, for code inside a client's own repository: the SDK's examples
 * and tests import it by a relative path (`../src/index.js`), which names the client as surely as
 * its package name does. The nearest package.json that has a `name` is read with package-identity's
 * safe reader (regular files, bounded size, no code run), within the same boundaries, cached per
 * directory.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { ExpiringCache, isBoundary, readRegularFile } from './package-identity.js';

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
  const home = path.resolve(homedir());
  const passed: string[] = [];
  let result: OwnPackage | null | undefined;
  for (let directory = path.resolve(start); result === undefined; ) {
    const cached = cache.get(directory, now);
    if (cached !== undefined) {
      result = cached;
      break;
    }
    passed.push(directory);
    const found = readRegularFile(path.join(directory, 'package.json'));
    const name = 'text' in found ? nameOf(found.text) : null;
    const parent = path.dirname(directory);
    if (name !== null) result = { name, directory };
    // An unreadable package.json ends the walk: the file's package is not known.
    else if ('error' in found || directory === home || isBoundary(directory, parent, home)) result = null;
    else directory = parent;
  }
  for (const directory of passed) cache.set(directory, result, now);
  return result;
}

/**
 * The client module a relative import names: the file's own package, when that package is one of
 * the clients and the import stays inside it. Null for any other specifier.
 */
export function ownClientModule(specifier: string, file: string | null, modules: ReadonlySet<string>): string | null {
  if (file === null || !path.isAbsolute(file) || !(specifier.startsWith('./') || specifier.startsWith('../'))) return null;
  const own = ownPackage(path.dirname(file));
  if (!own || !modules.has(own.name)) return null;
  const target = path.resolve(path.dirname(file), specifier);
  return target === own.directory || target.startsWith(own.directory + path.sep) ? own.name : null;
}
