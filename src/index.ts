import type { ESLint, Linter } from 'eslint';
import { createConfigs } from './configs/index.js';
import { rules } from './rules/index.js';
import { version } from './version.js';

type OpenRouterPlugin = ESLint.Plugin & {
  meta: { name: string; version: string; namespace: string };
  configs: { recommended: Linter.Config; strict: Linter.Config };
};

const plugin = {
  meta: { name: 'eslint-plugin-openrouter', version, namespace: 'openrouter' },
  rules: rules as unknown as ESLint.Plugin['rules'],
  configs: {},
} as OpenRouterPlugin;

plugin.configs = createConfigs(plugin, rules);

export = plugin;
