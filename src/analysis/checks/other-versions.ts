/**
 * Options that only some versions of a client read, as the packages' own type definitions say:
 * @openrouter/sdk took the title as `xTitle` up to 0.9 and as `appTitle` from 0.10, which also
 * added `appCategories`. Checked only where the installed version can be read.
 */
import path from 'node:path';
import { lookupOption } from '../clients/options.js';
import type { AttributionField } from '../domain/attribution-headers.js';
import type { OpenRouterSite } from '../sites/site.js';
import { installedVersion, type InstalledVersion } from '../project-files/installed-version.js';
import type { ObjectEntry } from '../values/static-value.js';

interface VersionedOption {
  readonly row: string;
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

const SDK_0_10: readonly [number, number] = [0, 10];

const VERSIONED_OPTIONS: readonly VersionedOption[] = [
  { row: 'openrouter-sdk', module: '@openrouter/sdk', option: 'xTitle', field: 'title', since: SDK_0_10, readSince: false, instead: 'appTitle', renameIsCurrent: true },
  { row: 'openrouter-sdk', module: '@openrouter/sdk', option: 'appTitle', field: 'title', since: SDK_0_10, readSince: true, instead: 'xTitle', renameIsCurrent: false },
  { row: 'openrouter-sdk', module: '@openrouter/sdk', option: 'appCategories', field: 'categories', since: SDK_0_10, readSince: true, instead: null, renameIsCurrent: false },
];

export interface OtherVersionOption {
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

/**
 * Options of the site that the version installed for `filename` does not read, where the field
 * is not sent through the option it does read. Nothing is read from disk unless the site sets one.
 */
export function otherVersionOptions(site: OpenRouterSite, filename: string): OtherVersionOption[] {
  const candidates = VERSIONED_OPTIONS.filter((row) => row.row === site.row.id && lookupOption(site.options, row.option).kind === 'found');
  // A file given as text (`<input>`, stdin) has no place from which to find the installed package.
  if (candidates.length === 0 || !path.isAbsolute(filename)) return [];
  const found: OtherVersionOption[] = [];
  for (const versioned of candidates) {
    const version = installedVersion(path.dirname(filename), versioned.module);
    if (!version || atLeast(version, versioned.since) === versioned.readSince) continue;
    const lookup = lookupOption(site.options, versioned.option);
    if (lookup.kind !== 'found' || !lookup.entry.value || lookup.entry.mayBeOverridden) continue;
    // The field also goes through the option this version reads: nothing is lost.
    if (versioned.instead && lookupOption(site.options, versioned.instead).kind === 'found') continue;
    found.push({ option: versioned.option, field: versioned.field, entry: lookup.entry, version, readBy: readBy(versioned), instead: versioned.instead, renameIsCurrent: versioned.renameIsCurrent });
  }
  return found;
}
