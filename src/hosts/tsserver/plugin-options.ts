/**
 * The plugin's options: the tsconfig plugin entry, or what the editor sends through
 * `onConfigurationChanged` in its place. Unknown keys and bad values are named (with a did-you-mean
 * where one is close) and dropped; the rest still applies.
 *
 *   { "name": "eslint-plugin-openrouter/ts-plugin",
 *     "config": "strict",
 *     "rules": { "no-generic-title": "off" },
 *     "openrouter": { "referer": "https://acme.dev", "title": "Acme" } }
 */
import type { Linter } from 'eslint';
import type * as ts from 'typescript';
import { closest, SETTINGS_SOURCE_KEY } from '../../analysis/index.js';
import type { RuleName } from './diagnostic-codes.js';

export type ConfigName = 'recommended' | 'strict';
type Severity = 'error' | 'warn' | 'off';

export interface PluginOptions {
  readonly config: ConfigName;
  readonly rules: Readonly<Partial<Record<RuleName, Severity>>>;
  /**
   * The rules' ESLint `settings`: `openrouter`, read as `settings.openrouter` is, and where the
   * user wrote it, so that config problems name the plugin entry rather than ESLint's settings.
   */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Where the `openrouter` key is, as config problems name it. */
  readonly settingsSource: string;
}

const KEYS = ['name', 'config', 'rules', 'openrouter'];
/** Unknown options and rules named one by one; the rest are counted. A tsconfig can be hostile too. */
const MAX_NAMED = 5;
const CONFIGS: readonly ConfigName[] = ['recommended', 'strict'];
const SEVERITIES: Readonly<Record<string, Severity>> = { error: 'error', warn: 'warn', off: 'off', 2: 'error', 1: 'warn', 0: 'off' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a problem shows it: JSON, cut short (a problem is shown in the editor). */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** ` (did you mean "x"?)` for a near miss among `candidates`; options are short, so the distance is small. */
function didYouMean(word: string, candidates: readonly string[]): string {
  const hint = word.length <= 64 ? closest(word, candidates, Math.max(2, Math.floor(word.length / 3))) : null;
  return hint ? ` (did you mean "${hint}"?)` : '';
}

/**
 * Reads the merged options; `problems` receives one line per dropped key or value, each starting
 * with `where` (the plugin entry, as the user finds it).
 */
export function readPluginOptions(
  sources: readonly unknown[],
  ruleNames: readonly RuleName[],
  problems: string[],
  where = 'plugin options',
): PluginOptions {
  const merged: Record<string, unknown> = {};
  for (const source of sources) if (isRecord(source)) Object.assign(merged, source);
  const known = KEYS.slice(1);
  // tsserver adds `global` to the entry of a plugin it loads for every project.
  const unknownKeys = Object.keys(merged).filter((key) => !KEYS.includes(key) && key !== 'global');
  for (const key of unknownKeys.slice(0, MAX_NAMED)) problems.push(`${where}: unknown option ${shown(key)}${didYouMean(key, known)}; known options: ${known.join(', ')}`);
  if (unknownKeys.length > MAX_NAMED) problems.push(`${where}: ${unknownKeys.length - MAX_NAMED} more unknown options`);
  let config: ConfigName = 'recommended';
  if (merged.config === 'strict' || merged.config === 'recommended') config = merged.config;
  else if (merged.config !== undefined) {
    problems.push(`${where}: option "config" must be "recommended" or "strict", got ${shown(merged.config)}${typeof merged.config === 'string' ? didYouMean(merged.config, CONFIGS) : ''}`);
  }
  const rules: Partial<Record<RuleName, Severity>> = {};
  if (isRecord(merged.rules)) {
    let unknownRules = 0;
    for (const [key, value] of Object.entries(merged.rules)) {
      const name = key.replace(/^openrouter\//, '') as RuleName;
      const severity = SEVERITIES[String(Array.isArray(value) ? value[0] : value)];
      if (!ruleNames.includes(name)) {
        if (++unknownRules <= MAX_NAMED) problems.push(`${where}: option "rules": unknown rule ${shown(key)}${didYouMean(name, ruleNames)}; rules: ${ruleNames.join(', ')}`);
      } else if (!severity) problems.push(`${where}: option "rules.${key}" must be "error", "warn" or "off", got ${shown(value)}`);
      else rules[name] = severity;
    }
    if (unknownRules > MAX_NAMED) problems.push(`${where}: option "rules": ${unknownRules - MAX_NAMED} more unknown rules`);
  } else if (merged.rules !== undefined) problems.push(`${where}: option "rules" must be an object like { "no-generic-title": "off" }`);
  const settingsSource = `${where}.openrouter`;
  const settings = { ...(merged.openrouter !== undefined ? { openrouter: merged.openrouter } : {}), [SETTINGS_SOURCE_KEY]: settingsSource };
  return { config, rules, settings, settingsSource };
}

/**
 * Where the options the plugin reads were written, as problems name it: the entry in the project's
 * tsconfig.json (`/app/tsconfig.json: compilerOptions.plugins[0]`), or the editor's configurePlugin.
 */
export function pluginEntryLocation(info: ts.server.PluginCreateInfo, fromEditor: boolean): string {
  const name = String(info.config?.name ?? 'eslint-plugin-openrouter/ts-plugin');
  if (fromEditor) return `configurePlugin(${JSON.stringify(name)})`;
  const project = info.project as Partial<ts.server.Project> | undefined;
  const plugins = project?.getCompilerOptions?.().plugins;
  const index = Array.isArray(plugins) ? plugins.findIndex((entry: { name?: unknown }) => entry?.name === name) : -1;
  const tsconfig = project?.getProjectName?.();
  return index >= 0 && tsconfig ? `${tsconfig}: compilerOptions.plugins[${index}]` : `the ${JSON.stringify(name)} plugin entry`;
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
