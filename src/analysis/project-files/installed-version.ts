/**
 * The version of a package installed for a file, as Node would load it: `node_modules/<name>` in
 * the nearest directory above the file that has one. Read with package-identity's safe reader
 * (regular files, bounded size, no code run), within the same boundaries, cached per directory.
 */
import path from 'node:path';
import { repositoryRoot, walkUp } from './walk-up.js';
import { readRegularFile } from './read-regular-file.js';
import { ExpiringCache } from './expiring-cache.js';

const cache = new ExpiringCache<string, InstalledVersion | null>(5_000, 2_000);

/** A release as `major.minor.patch`; prereleases and builds are read as their release. */
export interface InstalledVersion {
  readonly text: string;
  readonly major: number;
  readonly minor: number;
}

const VERSION = /^(\d{1,6})\.(\d{1,6})\.(\d{1,6})(?:[-+][\w.-]{0,40})?$/;

function versionOf(text: string): InstalledVersion | null {
  try {
    const version = (JSON.parse(text.replace(/^\uFEFF/, '')) as { version?: unknown } | null)?.version;
    const match = typeof version === 'string' ? VERSION.exec(version) : null;
    return match ? { text: version as string, major: Number(match[1]), minor: Number(match[2]) } : null;
  } catch {
    return null;
  }
}

/** The installed version of `name` for a file in `start`, or null when none is found or its package.json says nothing clear. */
export function installedVersion(start: string, name: string, now = Date.now()): InstalledVersion | null {
  return walkUp<InstalledVersion | null>(
    start,
    cache,
    (directory) => {
      const found = readRegularFile(path.join(directory, 'node_modules', name, 'package.json'), repositoryRoot(directory, now));
      // The first package found is the one Node loads, whatever its package.json says.
      if ('missing' in found) return undefined;
      return 'text' in found ? versionOf(found.text) : null;
    },
    null,
    now,
    (directory) => `${directory}\0${name}`,
  );
}
