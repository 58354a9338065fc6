/** The plugin entry's options: problems bounded on a hostile entry, and what reaches the rules as settings. */
import { describe, expect, it } from 'vitest';
import { readPluginOptions } from '../../src/hosts/tsserver/plugin-options.js';

const RULES = ['require-referer', 'no-generic-title'] as const;

describe('readPluginOptions', () => {
  it('names five unknown options and five unknown rules, counts the rest, and cuts long values short', () => {
    const entry: Record<string, unknown> = { name: 'eslint-plugin-openrouter/ts-plugin', rules: {} };
    for (let index = 0; index < 1_000; index++) {
      entry[`option${index}`] = index;
      (entry.rules as Record<string, string>)[`rule-${index}`] = 'error';
    }
    entry[`x${'y'.repeat(10_000)}`] = 1;
    (entry.rules as Record<string, unknown>)['no-generic-title'] = { level: 'z'.repeat(10_000) };
    const problems: string[] = [];
    const options = readPluginOptions([entry], [...RULES], problems, '/app/tsconfig.json: compilerOptions.plugins[0]');
    expect(problems).toHaveLength(13);
    expect(problems.filter((problem) => problem.includes('unknown option "option'))).toHaveLength(5);
    expect(problems).toContain('/app/tsconfig.json: compilerOptions.plugins[0]: 996 more unknown options');
    expect(problems.filter((problem) => problem.includes('unknown rule "rule-'))).toHaveLength(5);
    expect(problems).toContain('/app/tsconfig.json: compilerOptions.plugins[0]: option "rules": 995 more unknown rules');
    expect(Math.max(...problems.map((problem) => problem.length))).toBeLessThan(300);
    expect(options.rules).toEqual({});
  });

  it('gives the rules only `openrouter` as settings, and where it was written', () => {
    const options = readPluginOptions([{ name: 'p', openrouter: { title: 'Acme' }, react: {} }], [...RULES], [], 'configurePlugin("p")');
    expect(options.settings).toEqual({ openrouter: { title: 'Acme' }, 'openrouter/settings-source': 'configurePlugin("p").openrouter' });
    expect(options.settingsSource).toBe('configurePlugin("p").openrouter');
    // `global` is what tsserver adds to a plugin it loads for every project: not the user's option.
    const problems: string[] = [];
    readPluginOptions([{ name: 'p', global: true }], [...RULES], problems);
    expect(problems).toEqual([]);
  });
});
