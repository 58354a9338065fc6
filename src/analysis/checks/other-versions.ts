/**
 * Options that only some versions of a client read, as the packages' own type definitions say:
 * @openrouter/sdk took the title as `xTitle` up to 0.9 and as `appTitle` from 0.10, which also
 * added `appCategories`; the clients built on it follow it. Checked only where the installed
 * version can be read.
 */
import path from 'node:path';
import { lookupOption } from '../clients/options.js';
import type { AttributionField } from '../domain/attribution-headers.js';
import type { OpenRouterSite } from '../sites/site.js';
import { installedVersion, type InstalledVersion } from '../project-files/installed-version.js';
import type { ObjectEntry } from '../values/static-value.js';

interface VersionedOption {
  /** The rows that take the option, and the package whose installed version decides. */
  readonly rows: readonly string[];
  readonly module: string;
  readonly option: string;
  readonly field: AttributionField;
  /** Read from this `[major, minor]` on, or only before it. */
  readonly since: readonly [number, number];
  readonly readSince: boolean;
  /** The option the other versions read for the same field. */
  readonly instead: string | null;
  /** Renaming to `instead` moves to the current name: an autofix. Back to an old name, upgrading may be the better fix. */
  readonly renameIsCurrent: boolean;
}

/** A title renamed from `from` (read before `since`) to `to`, and categories added with it. */
function renamedTitle(rows: readonly string[], module: string, since: readonly [number, number], from: string, to: string): VersionedOption[] {
  return [
    { rows, module, option: from, field: 'title', since, readSince: false, instead: to, renameIsCurrent: true },
    { rows, module, option: to, field: 'title', since, readSince: true, instead: from, renameIsCurrent: false },
  ];
}

const SDK_ROWS = ['openrouter-sdk', 'openrouter-sdk-core', 'openrouter-agent'];
const TANSTACK_ROWS = ['tanstack-ai-openrouter', 'tanstack-ai-openrouter-key', 'tanstack-ai-openrouter-adapter'];
const EFFECT_ROWS = ['effect-ai-openrouter', 'effect-ai-openrouter-module'];

const VERSIONED_OPTIONS: readonly VersionedOption[] = [
  // @openrouter/sdk 0.10 renamed `xTitle` and added `appCategories`; @openrouter/agent passes them to the SDK it installs.
  ...renamedTitle(SDK_ROWS, '@openrouter/sdk', [0, 10], 'xTitle', 'appTitle'),
  { rows: SDK_ROWS, module: '@openrouter/sdk', option: 'appCategories', field: 'categories', since: [0, 10], readSince: true, instead: null, renameIsCurrent: false },
  // @tanstack/ai-openrouter pins its SDK: 0.3.15 up to 0.6, 0.12 and later from 0.7 (read in each release's package.json).
  ...renamedTitle(TANSTACK_ROWS, '@tanstack/ai-openrouter', [0, 7], 'xTitle', 'appTitle'),
  { rows: TANSTACK_ROWS, module: '@tanstack/ai-openrouter', option: 'appCategories', field: 'categories', since: [0, 7], readSince: true, instead: null, renameIsCurrent: false },
  // @effect/ai-openrouter 0.x (Effect 3) reads `referrer` and `title`; 4.x (Effect 4) `siteReferrer` and `siteTitle`.
  { rows: EFFECT_ROWS, module: '@effect/ai-openrouter', option: 'referrer', field: 'referer', since: [1, 0], readSince: false, instead: 'siteReferrer', renameIsCurrent: true },
  { rows: EFFECT_ROWS, module: '@effect/ai-openrouter', option: 'siteReferrer', field: 'referer', since: [1, 0], readSince: true, instead: 'referrer', renameIsCurrent: false },
  ...renamedTitle(EFFECT_ROWS, '@effect/ai-openrouter', [1, 0], 'title', 'siteTitle'),
];

export interface OtherVersionOption {
  /** The package whose installed version does not read the option (the SDK under @openrouter/agent). */
  readonly module: string;
  readonly option: string;
  readonly field: AttributionField;
  readonly entry: ObjectEntry;
  readonly version: InstalledVersion;
  /** "up to 0.9", "from 0.10": the versions that read the option. */
  readonly readBy: string;
  /** The option this version reads for the field, when it has one. */
  readonly instead: string | null;
  readonly renameIsCurrent: boolean;
}

function atLeast(version: InstalledVersion, [major, minor]: readonly [number, number]): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}

function readBy({ since: [major, minor], readSince }: VersionedOption): string {
  return readSince ? `from ${major}.${minor}` : `up to ${minor === 0 ? `${major - 1}.x` : `${major}.${minor - 1}`}`;
}

/** The version of a package installed for one file. */
export type InstalledVersions = (module: string) => InstalledVersion | null;

/**
 * The versions installed for `filename`, each package looked up once per lint of the file, not once
 * per site. A file given as text (`<input>`, stdin) has no place from which to find them: none.
 */
export function installedVersionsFor(filename: string): InstalledVersions {
  const known = new Map<string, InstalledVersion | null>();
  return (module) => {
    let version = known.get(module);
    if (version === undefined) known.set(module, (version = path.isAbsolute(filename) ? installedVersion(path.dirname(filename), module) : null));
    return version;
  };
}

/**
 * Options of the site that the version installed for the file does not read, where the field
 * is not sent through the option it does read. Nothing is read from disk unless the site sets one.
 */
export function otherVersionOptions(site: OpenRouterSite, installed: InstalledVersions): OtherVersionOption[] {
  const candidates = VERSIONED_OPTIONS.filter((row) => row.rows.includes(site.row.id) && lookupOption(site.options, row.option).kind === 'found');
  if (candidates.length === 0) return [];
  const found: OtherVersionOption[] = [];
  for (const versioned of candidates) {
    const version = installed(versioned.module);
    if (!version || atLeast(version, versioned.since) === versioned.readSince) continue;
    const lookup = lookupOption(site.options, versioned.option);
    if (lookup.kind !== 'found' || !lookup.entry.value || lookup.entry.mayBeOverridden) continue;
    // The field also goes through the option this version reads: nothing is lost.
    if (versioned.instead && lookupOption(site.options, versioned.instead).kind === 'found') continue;
    found.push({ module: versioned.module, option: versioned.option, field: versioned.field, entry: lookup.entry, version, readBy: readBy(versioned), instead: versioned.instead, renameIsCurrent: versioned.renameIsCurrent });
  }
  return found;
}
