/**
 * `openrouter.identityCacheKeys(directory)`: flat config objects that carry digests of the
 * package.json identities, so `eslint --cache` re-lints a package's files when its identity changes.
 *
 * Only digests go into the config, never the identities: the rules keep reading package.json
 * themselves (and an editor's long-lived ESLint sees edits to it), where a copy in
 * `settings.openrouter` would win over package.json and go stale.
 */
import path from 'node:path';
import type { Linter } from 'eslint';
import { identityDigests, isInsideDirectory, MAX_FOLDERS } from '../analysis/index.js';

/** The settings key of the digests: outside `settings.openrouter`, read by no rule, hashed by ESLint. */
export const IDENTITY_DIGEST_SETTING = 'openrouter/identity-digest';

export function identityCacheKeys(directory: string): Linter.Config[] {
  if (typeof directory !== 'string' || directory === '') {
    const got = typeof directory === 'string' ? 'an empty string' : String(directory);
    throw new TypeError(
      `eslint-plugin-openrouter: identityCacheKeys(directory) takes the config file's folder (import.meta.dirname, or __dirname in CommonJS), got ${got}`,
    );
  }
  const digests = identityDigests(directory);
  if (!digests.complete) {
    process.emitWarning(
      `eslint-plugin-openrouter: identityCacheKeys stopped after ${MAX_FOLDERS} folders under ${directory}; every file is re-linted on each run, as an identity below them could have changed unseen`,
    );
  }
  const scopes = [{ directory: path.resolve(directory), digest: digests.root, name: 'openrouter/identity-digest' }];
  for (const { directory: folder, digest } of digests.packages) scopes.push({ directory: folder, digest, name: `openrouter/identity-digest ${folder}` });
  // Parents come first, so the digest of the innermost package is the one a file's config keeps.
  const configs = scopes.map(({ directory: folder, digest, name }) => ({
    name,
    // `**/*` adds no file to lint; the function keeps the object to its own folder, whatever
    // folder ESLint resolves patterns from (with `--config`, its working directory).
    files: ['**/*'],
    ignores: [((file: string) => !isInsideDirectory(file, folder)) as unknown as string],
    settings: { [IDENTITY_DIGEST_SETTING]: digest },
  }));
  return configs;
}
