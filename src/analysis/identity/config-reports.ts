/**
 * Where a config problem is reported. ESLint lints file by file and has no place for a message
 * about the config itself, so each problem is claimed by the first file that meets it and is
 * reported there only: once per run rather than once per file. The claimant keeps it on every
 * re-lint (`--fix` passes, an editor's lint on each edit); a claim its file has not renewed for a
 * minute lapses, so in a long-lived editor session the problem moves to the file being edited
 * rather than staying in one closed long ago.
 */
import { ExpiringCache } from '../project-files/expiring-cache.js';
import { NAMESPACE, namespaceLookalike } from './settings.js';
import { quoted } from '../text/quote.js';

const CLAIM_TTL_MS = 60_000;
const MAX_CLAIMS = 2_000;

/** Claims by problem text (which names the source and key), each held by the file it is reported in. */
const claims = new ExpiringCache<string, string>(CLAIM_TTL_MS, MAX_CLAIMS);

/**
 * Whether `file` is where `problem` is reported: it is the first to meet it, or it already holds it.
 * `root` (ESLint's cwd) keeps apart the projects that one editor process lints.
 */
export function claimConfigProblem(root: string, problem: string, file: string, now = Date.now()): boolean {
  const key = `${root}\0${problem}`;
  const claimant = claims.get(key, now);
  if (claimant !== undefined && claimant !== file) return false;
  claims.set(key, file, now);
  return true;
}

/** Forgets every claim: a new run in the same process (tests). */
export function clearConfigClaims(): void {
  claims.clear();
}

/** `settings.openRouter` or `settings['open-router']` instead of `settings.openrouter`, which ESLint would pass over in silence. */
export function settingsNamespaceProblem(settings: unknown): string | null {
  if (typeof settings !== 'object' || settings === null) return null;
  const lookalike = namespaceLookalike(Object.keys(settings));
  if (lookalike === null) return null;
  const key = /^[A-Za-z_$][\w$]*$/.test(lookalike) ? `.${lookalike}` : `[${quoted(lookalike)}]`;
  return `settings${key}: is not read (did you mean settings.${NAMESPACE}?); no attribution is read from it`;
}
