/**
 * The keys of `settings.openrouter` (and of a package.json `"openrouter"` field): the type users
 * check their config against, and the key list the config loader validates with, kept in one place.
 */
import { editDistance } from './edit-distance.js';

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
}

/** Every key of {@link OpenRouterSettings}; `satisfies` makes a key missing here, or extra, a type error. */
const KEY_SET = {
  referer: true,
  title: true,
  categories: true,
  additionalCategories: true,
  additionalGenericTitleWords: true,
} as const satisfies Record<keyof OpenRouterSettings, true>;

/** The setting keys in documentation order, for validation and messages. */
export const SETTING_KEYS = Object.keys(KEY_SET) as readonly (keyof OpenRouterSettings)[];

/** The key of `settings` and the package.json field that hold the config. */
export const NAMESPACE = 'openrouter';

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
