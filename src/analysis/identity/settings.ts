/**
 * The keys of `settings.openrouter` (and of a package.json `"openrouter"` field): the type users
 * check their config against, and the key list the config loader validates with, kept in one place.
 */
import { editDistance } from '../text/edit-distance.js';

/** `settings.openrouter` in an ESLint config; every key is optional. */
export interface OpenRouterSettings {
  /** The app's URL, its identity on OpenRouter: absolute `http(s)`, no query string or fragment. */
  referer?: string;
  /** The app's name as users know it: not generic, and sendable as a header (nothing above U+00FF, no line breaks). */
  title?: string;
  /** Up to two category slugs, as an array or a comma-separated string. */
  categories?: readonly string[] | string;
  /** Slugs OpenRouter added after this plugin's list, as an array or a comma-separated string. */
  additionalCategories?: readonly string[] | string;
  /** Words that name no app in your domain, as an array or a comma-separated string. */
  additionalGenericTitleWords?: readonly string[] | string;
  /** The project's own wrappers of a client, found and checked like the built-in clients (at most 64). */
  clients?: readonly ConfiguredClient[];
}

/**
 * One client of the project's own, in a subset of the client table's shape:
 * `{ module: '@acme/llm', export: 'createLlm', call: 'call', options: { referer: 'siteUrl', title: 'siteName' } }`.
 */
export interface ConfiguredClient {
  /** Where it is imported from: a package (`@acme/llm`, `@acme/llm/server`) or a path alias (`@/lib/llm`, `~/llm`, `#llm`). */
  module: string;
  /** The export's name; `default` for a default export. */
  export: string;
  /** `new` for `new Llm({ ... })`, `call` for `createLlm({ ... })`. */
  call: 'new' | 'call';
  /** Which argument holds the options: 0 (the first) unless given. */
  argument?: number;
  /**
   * The options that carry attribution: a name, or a list of names of which a fix writes the first.
   * The referer and the title each need an option here or `headers`.
   */
  options?: { referer?: string | readonly string[]; title?: string | readonly string[]; categories?: string | readonly string[] };
  /** How the categories option takes its value: `'a,b'` (the default) or `['a', 'b']`. */
  categoriesForm?: 'comma-string' | 'array';
  /** The option that holds free-form headers, dotted when nested (`config.headers`). */
  headers?: string;
  /** The options that hold the base URL, dotted when nested. */
  baseUrl?: string | readonly string[];
  /** `always` (the default): OpenRouter traffic unless `baseUrl` names another host; `when-base-url`: only when `baseUrl` is OpenRouter's. */
  openRouter?: 'always' | 'when-base-url';
}

/** Every key of {@link OpenRouterSettings}; `satisfies` makes a key missing here, or extra, a type error. */
const KEY_SET = {
  referer: true,
  title: true,
  categories: true,
  additionalCategories: true,
  additionalGenericTitleWords: true,
  clients: true,
} as const satisfies Record<keyof OpenRouterSettings, true>;

/** The setting keys in documentation order, for validation and messages. */
export const SETTING_KEYS = Object.keys(KEY_SET) as readonly (keyof OpenRouterSettings)[];

/** Every key of {@link ConfiguredClient}, in documentation order. */
const CLIENT_KEY_SET = {
  module: true,
  export: true,
  call: true,
  argument: true,
  options: true,
  categoriesForm: true,
  headers: true,
  baseUrl: true,
  openRouter: true,
} as const satisfies Record<keyof ConfiguredClient, true>;

export const CLIENT_KEYS = Object.keys(CLIENT_KEY_SET) as readonly (keyof ConfiguredClient)[];

/** The key of `settings` and the package.json field that hold the config. */
export const NAMESPACE = 'openrouter';

/** Where problems say the settings are, by default: ESLint's `settings.openrouter`. */
export const SETTINGS_SOURCE = `settings.${NAMESPACE}`;

/**
 * A settings key a host sets to where its users write `openrouter` (the tsserver plugin: its entry
 * in tsconfig.json), so that config problems name that place. Outside `settings.openrouter`.
 */
export const SETTINGS_SOURCE_KEY = 'openrouter/settings-source';

/**
 * The settings source of a host that reads no settings (the audit): messages that say where to set
 * the identity then name only the package.json field, the one place such a host reads it from.
 */
export const NO_SETTINGS_SOURCE = '(none)';

/** The settings source a host names in `settings`, or the default. */
export function settingsSource(settings: unknown): string {
  const value = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>)[SETTINGS_SOURCE_KEY] : undefined;
  return typeof value === 'string' && value !== '' ? value : SETTINGS_SOURCE;
}

/**
 * A key among `keys` that looks like a misspelling of the namespace (`openRouter`, `open-router`,
 * `openrouters`), which would otherwise be ignored without a word; null when there is none or
 * the namespace itself is present.
 */
export function namespaceLookalike(keys: readonly string[]): string | null {
  if (keys.includes(NAMESPACE)) return null;
  for (const key of keys) {
    // Far longer keys are no misspelling of it: no edit distance on them.
    if (key.length > 2 * NAMESPACE.length) continue;
    const folded = key.toLowerCase().replace(/[-_\s]/g, '');
    if (folded === NAMESPACE || editDistance(folded, NAMESPACE) <= 2) return key;
  }
  return null;
}
