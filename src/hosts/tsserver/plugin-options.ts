/**
 * The plugin's options: the tsconfig plugin entry, overridden key by key by what the editor sends
 * through `onConfigurationChanged`. Unknown keys and bad values are named in the tsserver log and
 * dropped; the rest still applies.
 *
 *   { "name": "eslint-plugin-openrouter/ts-plugin",
 *     "config": "strict",
 *     "rules": { "no-generic-title": "off" },
 *     "openrouter": { "referer": "https://acme.dev", "title": "Acme" } }
 */
import type { Linter } from 'eslint';
import type { RuleName } from './diagnostic-codes.js';

export type ConfigName = 'recommended' | 'strict';
type Severity = 'error' | 'warn' | 'off';

export interface PluginOptions {
  readonly config: ConfigName;
  readonly rules: Readonly<Partial<Record<RuleName, Severity>>>;
  /**
   * The rules' ESLint `settings`: every other key of the entry, so that `openrouter` is read as
   * `settings.openrouter` is, and a misspelling of it is reported as the rules report it under ESLint.
   */
  readonly settings: Readonly<Record<string, unknown>>;
}

const HOST_KEYS = ['name', 'config', 'rules'];
const KEYS = [...HOST_KEYS, 'openrouter'];
const SEVERITIES: Readonly<Record<string, Severity>> = { error: 'error', warn: 'warn', off: 'off', 2: 'error', 1: 'warn', 0: 'off' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the merged options; `problems` receives one line per dropped key or value. */
export function readPluginOptions(
  sources: readonly unknown[],
  ruleNames: readonly RuleName[],
  problems: string[],
): PluginOptions {
  const merged: Record<string, unknown> = {};
  for (const source of sources) if (isRecord(source)) Object.assign(merged, source);
  for (const key of Object.keys(merged)) if (!KEYS.includes(key)) problems.push(`unknown option "${key}"; known options: ${KEYS.slice(1).join(', ')}`);
  let config: ConfigName = 'recommended';
  if (merged.config === 'strict' || merged.config === 'recommended') config = merged.config;
  else if (merged.config !== undefined) problems.push(`option "config" must be "recommended" or "strict", got ${JSON.stringify(merged.config)}`);
  const rules: Partial<Record<RuleName, Severity>> = {};
  if (isRecord(merged.rules)) {
    for (const [key, value] of Object.entries(merged.rules)) {
      const name = key.replace(/^openrouter\//, '') as RuleName;
      const severity = SEVERITIES[String(Array.isArray(value) ? value[0] : value)];
      if (!ruleNames.includes(name)) problems.push(`option "rules": unknown rule "${key}"; rules: ${ruleNames.join(', ')}`);
      else if (!severity) problems.push(`option "rules.${key}" must be "error", "warn" or "off", got ${JSON.stringify(value)}`);
      else rules[name] = severity;
    }
  } else if (merged.rules !== undefined) problems.push('option "rules" must be an object like { "no-generic-title": "off" }');
  const settings = Object.fromEntries(Object.entries(merged).filter(([key]) => !HOST_KEYS.includes(key)));
  return { config, rules, settings };
}

/** The rules to run and their severities: the chosen config, then the per-rule options. */
export function ruleSeverities(options: PluginOptions, configs: Readonly<Record<ConfigName, Linter.Config>>): Linter.RulesRecord {
  const severities: Linter.RulesRecord = { ...(configs[options.config].rules as Linter.RulesRecord) };
  for (const [name, severity] of Object.entries(options.rules)) {
    if (severity === 'off') delete severities[`openrouter/${name}`];
    else severities[`openrouter/${name}`] = severity;
  }
  return severities;
}
