/**
 * AutoGen's (AG2, `autogen`/`pyautogen` 0.2 and later) model config entries: `llm_config={"config_list":
 * [{"model": ..., "base_url": ..., "api_key": ...}]}`. `OpenAIWrapper` (autogen/oai/client.py, read at
 * ag2ai/ag2 52165c4, December 2026) builds one `OpenAI(...)` per entry from the entry's keys that
 * `OpenAI.__init__` takes (`default_headers` among them, over the same keys of `llm_config` itself) and
 * passes every other key but its own few to `chat.completions.create(**params)`: `extra_headers` are sent
 * with each request, and `headers` makes openai 1.x (3.3.1 read) refuse the call, so it never reaches
 * OpenRouter. Entries are read where the code lists them: in a list literal, through names, helpers of the
 * module and methods of its class that return them, with keys written after the literal.
 */
import type { SyntaxNode } from '@lezer/common';
import type { PythonModule } from './module-files.js';
import { callArguments, meaningfulChildren, unparenthesised } from './tree.js';
import { dictEntry, type PythonValues } from './values.js';

/** Steps followed from a `config_list` value to its entries: names, helper returns, list items. */
const MAX_STEPS = 6;
/** Where a config list or a lone entry is given, as a key of a dict literal or a call's keyword. */
const LIST_KEY = 'config_list';
const ENTRY_KEY = 'llm_config';
/** A name that holds a config list. */
const LIST_NAME = /(?:^|_)config_list$/i;
/** A text that names neither holds no config entry: most files stop here. */
export const AG2_CONFIG_WORDS = /(?:\b|_)(?:config_list|llm_config)\b/i;
/** An import of AG2 by any of its package names (`autogen_ext` and `autogen_agentchat` are another API). */
const AG2_IMPORT = /^[ \t]*(?:import|from)[ \t]+(?:autogen|ag2)\b/m;
/** The PyPI names AG2 is published under. */
export const AG2_PACKAGES: readonly string[] = ['ag2', 'autogen', 'pyautogen'];

/** One entry: the dict literal to report at, and the expression whose keys it holds (its name, with later writes). */
export interface Ag2Entry {
  readonly at: SyntaxNode;
  readonly keys: SyntaxNode;
  /** The `llm_config` dict or the call the list is given in: its client keys lie beneath the entry's. */
  readonly holder: SyntaxNode | null;
}

/** Whether a file that names config entries is AG2 code: it imports AG2, or its project depends on it. */
export function usesAg2(text: string, projectDeclares: () => boolean): boolean {
  return AG2_IMPORT.test(text) || projectDeclares();
}

/** The config entries the module spells out, each once, in the order they are written. */
export function ag2ConfigEntries(values: PythonValues, module: PythonModule): Ag2Entry[] {
  const found = new Map<number, Ag2Entry>();
  const add = (entry: Ag2Entry): void => {
    if (!found.has(entry.at.from)) found.set(entry.at.from, entry);
  };
  const text = module.index.parse.text;
  for (const { node: call } of module.index.calls) {
    if (!values.budget.charge()) break;
    const args = callArguments(text, call);
    const list = args.keywords.get(LIST_KEY);
    if (list) for (const entry of entriesOfList(values, module, list, call, 0)) add(entry);
    const lone = args.keywords.get(ENTRY_KEY);
    if (lone) for (const entry of loneEntries(values, module, lone)) add(entry);
  }
  // A list held by a name that says it is one (`config_list = [...]`, `OAI_CONFIG_LIST = [...]`), used here or elsewhere.
  for (const scope of [module.index.module, ...module.index.scopes.values()]) {
    for (const [name, bindings] of scope.bindings) {
      if (!LIST_NAME.test(name)) continue;
      for (const binding of bindings) if (binding.kind === 'assign' && !binding.inLoop) for (const entry of entriesOfList(values, module, binding.value, null, 0)) add(entry);
    }
  }
  for (const { key, value, dict } of keyedValues(module, [LIST_KEY, ENTRY_KEY])) {
    if (!values.budget.charge()) break;
    const entries = key === LIST_KEY ? entriesOfList(values, module, value, dict, 0) : loneEntries(values, module, value);
    for (const entry of entries) add(entry);
  }
  return [...found.values()].sort((a, b) => a.at.from - b.at.from);
}

/** `"config_list": value` in the module's dict literals: the value and the dict that holds it. */
function keyedValues(module: PythonModule, keys: readonly string[]): { key: string; value: SyntaxNode; dict: SyntaxNode }[] {
  const { text, tree } = module.index.parse;
  const out: { key: string; value: SyntaxNode; dict: SyntaxNode }[] = [];
  for (const match of text.matchAll(new RegExp(`(["'])(${keys.join('|')})\\1\\s*:`, 'g'))) {
    const key = tree.resolveInner(match.index! + 1, 1);
    const dict = key.parent;
    const colon = key.nextSibling;
    const value = colon?.name === ':' ? colon.nextSibling : null;
    if (key.name !== 'String' || dict?.name !== 'DictionaryExpression' || !value) continue;
    out.push({ key: match[2]!, value, dict });
  }
  return out;
}

/** An `llm_config` that is itself one entry (a dict with a `base_url` and no `config_list`). */
function loneEntries(values: PythonValues, module: PythonModule, value: SyntaxNode): Ag2Entry[] {
  return entriesOf(values, module, value, null, 0).filter((entry) => {
    const shape = values.dict(module, entry.keys);
    return !!shape && !dictEntry(shape, LIST_KEY, false) && !!dictEntry(shape, 'base_url', false);
  });
}

/** The entries of a config list: a list literal, or a name or helper that gives one. */
function entriesOfList(values: PythonValues, module: PythonModule, value: SyntaxNode, holder: SyntaxNode | null, steps: number): Ag2Entry[] {
  if (steps > MAX_STEPS || !values.budget.charge()) return [];
  const target = unparenthesised(value);
  if (target.name === 'ArrayExpression') {
    return meaningfulChildren(target).flatMap((item) => (item.name === 'for' || item.name === 'StarExpression' ? [] : entriesOf(values, module, item, holder, steps + 1)));
  }
  return followed(values, module, target).flatMap((next) => entriesOfList(values, module, next, holder, steps + 1));
}

/** The dict literals an entry expression may be: itself, what a name is assigned, what a helper returns. */
function entriesOf(values: PythonValues, module: PythonModule, value: SyntaxNode, holder: SyntaxNode | null, steps: number): Ag2Entry[] {
  if (steps > MAX_STEPS || !values.budget.charge()) return [];
  const target = unparenthesised(value);
  if (target.name === 'DictionaryExpression') return [{ at: target, keys: target, holder }];
  if (target.name === 'VariableName') {
    // The name's keys include those written into it after the literal (`config["headers"] = ...`).
    const assigned = followed(values, module, target);
    if (assigned.length === 1 && assigned[0]!.name === 'DictionaryExpression') return [{ at: assigned[0]!, keys: target, holder }];
  }
  return followed(values, module, target).flatMap((next) => entriesOf(values, module, next, holder, steps + 1));
}

/** What a name is assigned in this module, or what a helper or method of it returns; nothing for anything else. */
function followed(values: PythonValues, module: PythonModule, node: SyntaxNode): SyntaxNode[] {
  if (node.name === 'VariableName') {
    const assigned = values.nameValues(module, node);
    if (!assigned || assigned.open) return [];
    return assigned.values.filter((value) => value.module === module).map((value) => unparenthesised(value.node));
  }
  if (node.name === 'CallExpression') {
    return (values.helperReturns(module, node) ?? []).filter((value) => value.module === module).map((value) => unparenthesised(value.node));
  }
  return [];
}
