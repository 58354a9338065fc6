/**
 * Digests of the package.json (and pyproject.toml) identities under a directory, for ESLint's `--cache`: ESLint hashes
 * each file's calculated config into its cache entry, but never reads package.json itself, so a
 * config that carries a digest of the identity inputs is re-linted exactly when one changes.
 *
 * Each identity-bearing package (a package.json with an `"openrouter"` field, or one the lookup
 * stops at because it cannot be read) gets the digest of that input, which its files keep unless a
 * package inside it has one of its own; the root's digest is that of the identity it has or takes
 * from above. The packages are found by a bounded walk that reads each package.json through the
 * rules' own lookup, so the two agree on which file gives a folder its identity.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { lookupPackageIdentity, type PackageLookup } from './package-identity.js';
import { isSkippedFolder } from '../project-files/skipped-folders.js';

/** The walk reads at most this many folders: it runs every time ESLint loads the config. */
export const MAX_FOLDERS = 20_000;

export interface PackageDigest {
  /** The package's folder, absolute. */
  readonly directory: string;
  /** A digest of the package's identity input: its package.json path and field, or why it cannot be read. */
  readonly digest: string;
}

export interface IdentityDigests {
  /** The digest of the identity the root has, or takes from a package.json above it. */
  readonly root: string;
  /** Identity-bearing packages below the root, parents before the packages inside them. */
  readonly packages: readonly PackageDigest[];
  /** False when the walk stopped at `MAX_FOLDERS`: the digests then change on every call. */
  readonly complete: boolean;
}

/** What the rules make of one package.json: its file and field, or why it cannot be read. */
function identityInput(lookup: PackageLookup): string {
  return `${lookup.file ?? ''}\0${lookup.error ?? JSON.stringify(lookup.field) ?? ''}\n`;
}

function digestOf(input: string): string {
  return createHash('sha256').update(input).digest('base64url').slice(0, 22);
}

/** The package.json identities found under `root`, walked breadth first. */
function findIdentityInputs(root: string, maxFolders: number): { inputs: Map<string, string>; complete: boolean } {
  const inputs = new Map<string, string>();
  const queue = [root];
  let complete = true;
  for (let index = 0; index < queue.length; index++) {
    const directory = queue[index]!;
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      // A folder that cannot be listed holds no file ESLint can lint either.
      continue;
    }
    const packageRoot = entries.some((entry) => entry.name === 'package.json');
    for (const entry of entries) {
      // Symbolic links to folders are not followed: a link can lead out of the tree or into a loop.
      if (entry.isDirectory() && !isSkippedFolder(entry.name, packageRoot)) {
        if (queue.length < maxFolders) queue.push(path.join(directory, entry.name));
        else complete = false;
      } else if (entry.name === 'package.json' || entry.name === 'pyproject.toml') {
        // The lookup decides, as it does for the rules: a field, a read error, or nothing (it climbs on).
        const lookup = lookupPackageIdentity(directory);
        if (lookup.file === path.join(directory, entry.name)) inputs.set(directory, identityInput(lookup));
      }
    }
  }
  return { inputs, complete };
}

/** Whether `file` lies below `directory` (both absolute, as ESLint passes file paths to `ignores` functions). */
export function isInsideDirectory(file: string, directory: string): boolean {
  return file.startsWith(directory.endsWith(path.sep) ? directory : directory + path.sep);
}

export function identityDigests(directory: string, maxFolders = MAX_FOLDERS): IdentityDigests {
  const root = path.resolve(directory);
  const { inputs, complete } = findIdentityInputs(root, maxFolders);
  // Past the bound, a change cannot be seen: a digest of its own for every load keeps results fresh.
  const unseen = complete ? '' : randomUUID();
  const packages = [...inputs]
    .filter(([folder]) => folder !== root)
    .sort(([a], [b]) => a.split(path.sep).length - b.split(path.sep).length)
    .map(([folder, input]) => ({ directory: folder, digest: digestOf(input + unseen) }));
  return { root: digestOf(identityInput(lookupPackageIdentity(root)) + unseen), packages, complete };
}
