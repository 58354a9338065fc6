/**
 * The project's attribution identity: `settings.openrouter` in the ESLint config, then the
 * `"openrouter"` field of the nearest package.json above the linted file that has one (per key,
 * settings win). Every value is validated; a problem names the file and key and drops only that key.
 */
import path from 'node:path';
import { BUILT_IN_CATEGORIES, isWellFormedSlug, MAX_CATEGORIES_PER_REQUEST, nearestSlug, splitCategories } from '../domain/categories.js';
import { closest } from '../text/edit-distance.js';
import { codePoint, invisibleControl, unsendableReason } from '../domain/header-values.js';
import { clearPackageCache, lookupPackageIdentity, packageCacheSize, type PackageLookup } from './package-identity.js';
import { describeValue as describe, quoted } from '../text/quote.js';
import { readConfiguredClients } from './configured-clients.js';
import { withConfiguredClients, type ClientTable } from '../clients/table.js';
import { SETTING_KEYS as KEYS, SETTINGS_SOURCE } from './settings.js';
import { checkTitle, GENERIC_TITLE_WORDS } from '../domain/titles.js';
import { checkReferer, type RefererProblem } from '../domain/referer-checks.js';
import { isLocalhostHost, parseHttpUrl } from '../domain/urls.js';

export interface ProjectAttribution {
  readonly referer: string | null;
  readonly title: string | null;
  readonly categories: readonly string[] | null;
  /** Built-in slugs plus the project's additional ones. */
  readonly knownCategories: ReadonlySet<string>;
  /** Built-in generic title words plus the project's additional ones. */
  readonly genericTitleWords: ReadonlySet<string>;
}

export interface LoadedProjectConfig {
  readonly attribution: ProjectAttribution;
  /** Human-readable problems, each naming where it is: `settings.openrouter.title: ...`. */
  readonly problems: readonly string[];
  /** The client table for files under this config: the built-in rows and the project's own. */
  readonly clients: ClientTable;
}

interface Identity {
  referer?: string;
  title?: string;
  categories?: string[];
}

/** One config object (from settings or a package.json) and where it came from, for messages. */
interface ConfigSource {
  readonly where: string;
  readonly input: Record<string, unknown>;
}

const MAX_REFERER_LENGTH = 2048;
const MAX_TITLE_LENGTH = 256;
/** Unknown keys named one by one per source; the rest are counted. Config can be hostile too. */
const MAX_UNKNOWN_KEYS_NAMED = 5;
/** Unknown slugs named one by one in a categories problem. */
const MAX_SLUGS_NAMED = 3;
/** Entries of `additionalCategories` or `additionalGenericTitleWords`: a longer list is refused unread. */
export const MAX_LIST_ENTRIES = 1_000;

/** `items` names what the list holds in the message: "slugs", "words". */
function stringList(value: unknown, where: string, problems: string[], items: string): string[] | undefined {
  const list = typeof value === 'string' ? splitCategories(value) : value;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
    problems.push(`${where}: must be an array of ${items} or a comma-separated string, got ${describe(value)}`);
    return undefined;
  }
  return list as string[];
}

const MAX_KEY_LENGTH = Math.max(...KEYS.map((key) => key.length));

/** A key as a message shows it: as written when short and plain, else quoted and shortened. */
function shortKey(key: string): string {
  return /^[\w$-]{1,40}$/.test(key) ? key : `[${quoted(key)}]`;
}

/** Checks the shape and keys of one source; returns it when it is an object. */
function openSource(value: unknown, where: string, problems: string[]): ConfigSource | null {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${where}: must be an object like { "referer": "https://myapp.example", "title": "My App" }, got ${describe(value)}`);
    return null;
  }
  const input = value as Record<string, unknown>;
  const keys = Object.keys(input);
  // Counted from the known keys present; only the few shown are looked for among the rest.
  const unknownCount = keys.length - KEYS.filter((key) => Object.hasOwn(input, key)).length;
  const named: string[] = [];
  for (let index = 0; index < keys.length && named.length < MAX_UNKNOWN_KEYS_NAMED; index++) {
    if (!(KEYS as readonly string[]).includes(keys[index]!)) named.push(keys[index]!);
  }
  for (const key of named) {
    // A key far longer than any known one is no misspelling of one: no edit distance on it.
    const hint = key.length <= 2 * MAX_KEY_LENGTH ? closest(key, KEYS, Math.max(2, Math.floor(key.length / 3))) : null;
    problems.push(`${where}.${shortKey(key)}: unknown key${hint ? ` (did you mean "${hint}"?)` : ''}; known keys: ${KEYS.join(', ')}`);
  }
  if (unknownCount > MAX_UNKNOWN_KEYS_NAMED) problems.push(`${where}: ${unknownCount - MAX_UNKNOWN_KEYS_NAMED} more unknown keys`);
  return { where, input };
}

/** A source's additions to the slug and generic-word lists, with the problems of its lists. */
interface ListAdditions {
  readonly categories: readonly string[];
  readonly words: readonly string[];
  readonly problems: readonly string[];
}

/** Reads one source's `additionalCategories` and `additionalGenericTitleWords`. */
function readListAdditions({ where, input }: ConfigSource): ListAdditions {
  const problems: string[] = [];
  let categories: readonly string[] = [];
  let words: readonly string[] = [];
  if (input.additionalCategories !== undefined) {
    const list = boundedList(input.additionalCategories, `${where}.additionalCategories`, problems, 'slugs');
    const bad = list?.find((slug) => !isWellFormedSlug(slug));
    if (bad !== undefined) {
      problems.push(`${where}.additionalCategories: ${describe(bad)} is not a slug (lowercase words joined by hyphens, at most 30 characters)`);
    } else categories = list ?? [];
  }
  if (input.additionalGenericTitleWords !== undefined) {
    words = boundedList(input.additionalGenericTitleWords, `${where}.additionalGenericTitleWords`, problems, 'words')?.map((word) => word.toLowerCase()) ?? [];
  }
  return { categories, words, problems };
}

/** `stringList`, refusing a list longer than any project needs (before reading an array's entries). */
function boundedList(value: unknown, where: string, problems: string[], items: string): string[] | undefined {
  const length = Array.isArray(value) ? value.length : undefined;
  const list = length !== undefined && length > MAX_LIST_ENTRIES ? undefined : stringList(value, where, problems, items);
  const given = length ?? list?.length ?? 0;
  if (given > MAX_LIST_ENTRIES) {
    problems.push(`${where}: ${given} ${items} given; at most ${MAX_LIST_ENTRIES} are read`);
    return undefined;
  }
  return list;
}

/** The built-in lists with the additions of every source. */
function combinedLists(additions: readonly ListAdditions[]): Pick<ProjectAttribution, 'knownCategories' | 'genericTitleWords'> {
  const knownCategories = new Set(BUILT_IN_CATEGORIES);
  const genericTitleWords = new Set(GENERIC_TITLE_WORDS);
  for (const { categories, words } of additions) {
    for (const slug of categories) knownCategories.add(slug);
    for (const word of words) genericTitleWords.add(word);
  }
  return { knownCategories, genericTitleWords };
}

/** What the config says of each referer problem, after the quoted value. */
const REFERER_PROBLEM_TEXT: Readonly<Record<RefererProblem['kind'], string>> = {
  notAbsolute: 'is not an absolute http(s) URL such as "https://myapp.example"',
  queryOrFragment: 'has a query string or fragment, which splits one app into several',
  gitSuffix: 'ends in ".git", which splits one app into several; use the repository\'s page URL',
  placeholder: 'is a placeholder from the docs, not the app\'s URL',
  platformHome: 'is the home page of a site that hosts apps, not the app\'s URL: give the app\'s own page there',
  userinfo: 'carries a user name or password, which would be sent to OpenRouter with every request; write the app\'s URL alone',
  ambiguous: 'holds a backslash, which URL parsers read differently: they disagree on its host',
  reservedHost: 'names a reserved host that no public app has',
  privateHost: 'names a private network host that no public app has',
};

/** Why an identity value holds a character that is sendable but no name or URL holds (a C1 control, a soft hyphen). */
function invisibleReason(text: string): string | null {
  const code = invisibleControl(text);
  return code === null ? null : `contains the invisible control character ${codePoint(code)}, which no app's name or URL holds`;
}

function readReferer(value: unknown, where: string, problems: string[]): string | undefined {
  const text = typeof value === 'string' ? value : null;
  // Checked in order of cost, each only on a value that passed the cheaper ones (length first).
  let unsendable: string | null = null;
  let problem: RefererProblem | null = null;
  if (text === null || text.trim() === '') problems.push(`${where}.referer: must be the app's URL as a non-empty string, got ${describe(value)}`);
  else if (text.length > MAX_REFERER_LENGTH) problems.push(`${where}.referer: is ${text.length} characters long; at most ${MAX_REFERER_LENGTH} are allowed`);
  else if ((unsendable = unsendableReason(text) ?? invisibleReason(text))) problems.push(`${where}.referer: ${describe(text)} ${unsendable}`);
  // A URL with credentials is never echoed: its password may be a key.
  else if ((problem = checkReferer(text))) problems.push(`${where}.referer: ${problem.kind === 'userinfo' ? 'the URL' : describe(text)} ${REFERER_PROBLEM_TEXT[problem.kind]}`);
  else return text;
  return undefined;
}

function readTitle(value: unknown, where: string, problems: string[], genericWords: ReadonlySet<string>): string | undefined {
  const text = typeof value === 'string' ? value : null;
  let unsendable: string | null = null;
  let titleProblem: ReturnType<typeof checkTitle> = null;
  if (text === null || text.trim() === '') problems.push(`${where}.title: must be the app's name as a non-empty string, got ${describe(value)}`);
  else if (text.length > MAX_TITLE_LENGTH) problems.push(`${where}.title: is ${text.length} characters long; at most ${MAX_TITLE_LENGTH} are allowed`);
  else if ((unsendable = unsendableReason(text) ?? invisibleReason(text))) problems.push(`${where}.title: ${describe(text)} ${unsendable}`);
  else if ((titleProblem = checkTitle(text, genericWords))) {
    const kind = titleProblem.kind === 'placeholder' ? 'a placeholder' : 'a generic name';
    problems.push(`${where}.title: ${describe(text)} is ${kind}; use the name users know the app by`);
  } else return text;
  return undefined;
}

function readCategories(value: unknown, where: string, problems: string[], known: ReadonlySet<string>): string[] | undefined {
  const list = stringList(value, `${where}.categories`, problems, 'slugs');
  if (!list) return undefined;
  const unknown = [...new Set(list.filter((slug) => !known.has(slug)))];
  const seen = new Set<string>();
  const duplicate = list.find((slug) => seen.size === seen.add(slug).size);
  if (unknown.length > 0) {
    const hints = unknown.slice(0, MAX_SLUGS_NAMED).map((slug) => {
      const nearest = nearestSlug(slug, known);
      return nearest ? `${describe(slug)} (did you mean "${nearest}"?)` : describe(slug);
    });
    const more = unknown.length > MAX_SLUGS_NAMED ? ` and ${unknown.length - MAX_SLUGS_NAMED} more` : '';
    problems.push(`${where}.categories: unknown categor${unknown.length > 1 ? 'ies' : 'y'} ${hints.join(', ')}${more}; add custom slugs to additionalCategories`);
  } else if (duplicate !== undefined) problems.push(`${where}.categories: ${describe(duplicate)} is listed twice`);
  else if (list.length > MAX_CATEGORIES_PER_REQUEST) {
    problems.push(`${where}.categories: ${list.length} categories given; OpenRouter takes at most ${MAX_CATEGORIES_PER_REQUEST} per request`);
  } else if (list.length > 0) return list;
  return undefined;
}

function readIdentity(source: ConfigSource, problems: string[], lists: Pick<ProjectAttribution, 'knownCategories' | 'genericTitleWords'>): Identity {
  const { where, input } = source;
  const identity: Identity = {};
  if (input.referer !== undefined) identity.referer = readReferer(input.referer, where, problems);
  if (input.title !== undefined) identity.title = readTitle(input.title, where, problems, lists.genericTitleWords);
  if (input.categories !== undefined) identity.categories = readCategories(input.categories, where, problems, lists.knownCategories);
  return identity;
}

/** A virtual file (`<input>`) has no package.json. */
const NO_PACKAGE: PackageLookup = { file: null, field: undefined, error: null };

/**
 * Validated configs by settings object, where the settings are said to be, and package lookup: all
 * are the same for every file of a run (the lookup for as long as it is cached), so validation runs
 * once per combination.
 */
const loaded = new WeakMap<object, Map<string, WeakMap<PackageLookup, LoadedProjectConfig>>>();
/** Settings that are not objects (absent, or invalid) share one key. */
const NOT_AN_OBJECT = {};

/**
 * The attribution a linted file should carry. `filename` is the physical file on disk; virtual
 * names (`<input>`) skip the package.json lookup. `settingsSource` names the settings in problems:
 * a host whose users write them elsewhere than in ESLint's `settings.openrouter` says where.
 */
export function loadProjectAttribution(settings: unknown, filename: string, settingsSource: string = SETTINGS_SOURCE): LoadedProjectConfig {
  const lookup = path.isAbsolute(filename) ? lookupPackageIdentity(path.dirname(filename)) : NO_PACKAGE;
  const settingsKey = typeof settings === 'object' && settings !== null ? settings : NOT_AN_OBJECT;
  let bySource = loaded.get(settingsKey);
  if (!bySource) {
    bySource = new Map();
    loaded.set(settingsKey, bySource);
  }
  let byLookup = bySource.get(settingsSource);
  if (!byLookup) {
    byLookup = new WeakMap();
    bySource.set(settingsSource, byLookup);
  }
  // Invalid non-object settings differ in their message: only objects and `undefined` are reused.
  const reusable = settingsKey !== NOT_AN_OBJECT || settings === undefined;
  const cached = reusable ? byLookup.get(lookup) : undefined;
  if (cached) return cached;
  const result = validate(settings, lookup, settingsSource);
  if (reusable) byLookup.set(lookup, result);
  return result;
}

/**
 * The problems of an `"openrouter"` field as `file` (a package.json) would hold it, worded as
 * valid-config reports them: what a host that writes the field checks before writing it.
 */
export function packageFieldProblems(field: unknown, file: string): readonly string[] {
  return validate(undefined, { file, field, error: null }, SETTINGS_SOURCE).problems;
}

/**
 * What the settings say on their own, read once per settings object (and where they are said to
 * be), whichever package.json a file takes the rest from and however often that lookup expires.
 * The identity read from them holds for every file whose package.json adds nothing to the lists.
 */
interface SettingsReading {
  readonly source: ConfigSource | null;
  readonly keyProblems: readonly string[];
  readonly lists: ListAdditions | null;
  /** The lists with the settings' additions alone, and the settings' identity checked against them. */
  own?: { readonly lists: Pick<ProjectAttribution, 'knownCategories' | 'genericTitleWords'>; readonly identity: Identity; readonly problems: readonly string[] };
  clients?: { readonly table: ClientTable; readonly problems: readonly string[] };
}

const settingsReadings = new WeakMap<object, Map<string, SettingsReading>>();

function readSettings(settings: unknown, settingsSource: string): SettingsReading {
  const cacheable = typeof settings === 'object' && settings !== null;
  const cached = cacheable ? settingsReadings.get(settings)?.get(settingsSource) : undefined;
  if (cached) return cached;
  const keyProblems: string[] = [];
  const source = openSource(settings, settingsSource, keyProblems);
  const reading: SettingsReading = { source, keyProblems, lists: source && readListAdditions(source) };
  if (cacheable) {
    let bySource = settingsReadings.get(settings);
    if (!bySource) settingsReadings.set(settings, (bySource = new Map()));
    bySource.set(settingsSource, reading);
  }
  return reading;
}

/** The project's own clients from the source that gives them: the settings' read once per settings object. */
function readClients(source: ConfigSource, problems: string[], settings: SettingsReading | null): ClientTable {
  if (!settings?.clients) {
    const own: string[] = [];
    const table = withConfiguredClients(readConfiguredClients(source.input.clients, `${source.where}.clients`, own));
    if (!settings) {
      problems.push(...own);
      return table;
    }
    settings.clients = { table, problems: own };
  }
  problems.push(...settings.clients.problems);
  return settings.clients.table;
}

function validate(settings: unknown, lookup: PackageLookup, settingsSource: string): LoadedProjectConfig {
  const problems: string[] = [];
  const fromSettings = readSettings(settings, settingsSource);
  problems.push(...fromSettings.keyProblems);
  let fromPackage: ConfigSource | null = null;
  if (lookup.error) problems.push(lookup.error);
  if (lookup.file) fromPackage = openSource(lookup.field, `${lookup.file}: ${lookup.fieldName ?? 'openrouter'}`, problems);
  const packageLists = fromPackage && readListAdditions(fromPackage);
  for (const additions of [fromSettings.lists, packageLists]) if (additions) problems.push(...additions.problems);
  let lists: Pick<ProjectAttribution, 'knownCategories' | 'genericTitleWords'>;
  let settingsIdentity: Identity = {};
  const packageAdds = packageLists !== null && (packageLists.categories.length > 0 || packageLists.words.length > 0);
  if (fromSettings.source && !packageAdds) {
    if (!fromSettings.own) {
      const own = combinedLists([fromSettings.lists!]);
      const ownProblems: string[] = [];
      fromSettings.own = { lists: own, identity: readIdentity(fromSettings.source, ownProblems, own), problems: ownProblems };
    }
    lists = fromSettings.own.lists;
    settingsIdentity = fromSettings.own.identity;
    problems.push(...fromSettings.own.problems);
  } else {
    lists = combinedLists([fromSettings.lists, packageLists].filter((additions): additions is ListAdditions => additions !== null));
    if (fromSettings.source) settingsIdentity = readIdentity(fromSettings.source, problems, lists);
  }
  const packageIdentity = fromPackage ? readIdentity(fromPackage, problems, lists) : {};
  // Like the identity keys, a `clients` list in the settings replaces the package.json one whole.
  const clientsSource = [fromSettings.source, fromPackage].find((source) => source?.input.clients !== undefined);
  const clients = clientsSource ? readClients(clientsSource, problems, clientsSource === fromSettings.source ? fromSettings : null) : withConfiguredClients([]);
  const attribution: ProjectAttribution = {
    referer: settingsIdentity.referer ?? packageIdentity.referer ?? null,
    title: settingsIdentity.title ?? packageIdentity.title ?? null,
    categories: settingsIdentity.categories ?? packageIdentity.categories ?? null,
    ...lists,
  };
  // A localhost referer is tracked only with a title: inserting one without the other would be flagged.
  const refererHost = attribution.referer ? parseHttpUrl(attribution.referer)?.hostname : undefined;
  if (refererHost && isLocalhostHost(refererHost) && !attribution.title) {
    const where = settingsIdentity.referer ? settingsSource : (fromPackage?.where ?? settingsSource);
    problems.push(`${where}.referer: ${describe(attribution.referer)} is a localhost URL, which OpenRouter tracks only with a title; set "title" too`);
    return { attribution: { ...attribution, referer: null }, problems, clients };
  }
  return { attribution, problems, clients };
}

/** Drops cached package.json reads (tests; editors rely on the expiry). */
export function clearProjectConfigCache(): void {
  clearPackageCache();
}

export function projectConfigCacheSize(): number {
  return packageCacheSize();
}
