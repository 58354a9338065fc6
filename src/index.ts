import type { ESLint, Linter } from 'eslint';
import { identityCacheKeys } from './configs/identity-cache-keys.js';
import { createConfigs } from './configs/index.js';
import type { OpenRouterSettings as Settings } from './analysis/index.js';
import { rules } from './rules/index.js';
import { version } from './version.js';
import { pythonLanguage } from './languages/python/language.js';

type OpenRouterPlugin = ESLint.Plugin & {
  meta: { name: string; version: string; namespace: string };
  configs: { recommended: Linter.Config; strict: Linter.Config; python: Linter.Config };
  /** `language: 'openrouter/python'`: the rules on Python files. */
  languages: { python: typeof pythonLanguage };
  /**
   * Config objects that carry a digest of the package.json `"openrouter"` identities under
   * `directory` (the config file's folder), so `eslint --cache` re-lints a package's files when
   * its identity changes. Spread them into the flat config: `...openrouter.identityCacheKeys(import.meta.dirname)`.
   */
  identityCacheKeys(directory: string): Linter.Config[];
};

const plugin = {
  meta: { name: 'eslint-plugin-openrouter', version, namespace: 'openrouter' },
  rules: rules as unknown as ESLint.Plugin['rules'],
  configs: {},
  languages: { python: pythonLanguage },
  identityCacheKeys,
} as OpenRouterPlugin;

plugin.configs = createConfigs(plugin, rules);

// Types ride on the plugin through a type-only namespace: `export =` keeps `require()` and
// `import` returning the same plugin object, and allows no named exports beside it.
declare namespace plugin {
  /** `settings.openrouter`: `{ ... } satisfies OpenRouterSettings` checks the keys in `eslint.config.ts`. */
  export type OpenRouterSettings = Settings;
}

export = plugin;
