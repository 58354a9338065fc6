/** Flat configs for linting a file of a given language in-process with `Linter`. */
import { languageOptions } from './corpus-files.mjs';

/** Every extension the corpora hold; a config object needs a non-universal pattern to match a file. */
export const ALL_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/** Settings a project would give: its URL, name and categories. */
export const PROJECT_SETTINGS = {
  openrouter: { referer: 'https://acme-notes.dev', title: 'Acme Notes', categories: ['writing-assistant'] },
};

/** Flat config ignores node_modules by default; the corpora live there. */
export const UNIGNORE_NODE_MODULES = { ignores: ['!**/node_modules/'] };

/** The base config objects: node_modules not ignored, the parser and language options of `language`. */
export function languageConfig(language) {
  return [UNIGNORE_NODE_MODULES, { files: ALL_FILES, languageOptions: languageOptions(language) }];
}

/**
 * One config array per language, built lazily and reused, so every file of a language is linted
 * with the same objects. `extra` is what comes after the language config.
 */
export function configsByLanguage(extra) {
  const cache = new Map();
  return (language) => {
    let config = cache.get(language);
    if (!config) {
      config = [...languageConfig(language), ...extra];
      cache.set(language, config);
    }
    return config;
  };
}
