/**
 * Finds the OpenRouter sites of a file (client constructions and raw requests, per the client
 * table) and resolves their attribution. Computed once per file and shared by every rule.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { fileKey, isNamedMember, unwrap, type Node, type Scope } from './ast.js';
import { mayHoldOpenRouterSite } from './prefilter.js';
import { ResolutionBudget, withBudget } from './budget.js';
import { hasProgram, typeServicesOf } from './type-values.js';
import { findClientCalls, type ClientCall } from './client-calls.js';
import { BUILT_IN_TABLE, type ClientTable } from './configured-clients.js';
import { lookupOption, resolveHeadersOption, resolveOptions, type HeadersState, type OptionsState } from './client-options.js';
import { HEADER_NAMES, type AttributionField, type ClientRow, type RequestPart } from './clients.js';
import { hasPerRequestAttribution, hasSiblingAttributionHeaders } from './per-request.js';
import { findMisplacedAttribution, type MisplacedAttribution } from './misplaced-attribution.js';
import { loadProjectAttribution, type LoadedProjectConfig } from './project-config.js';
import { entryAlternatives, exactText, lastEntry, resolveObject, resolveString, type StringAlternative } from './static-value.js';
import { isOpenRouterUrl, isOtherHost, requestKind } from './urls.js';

export type { HeadersState, OptionsState } from './client-options.js';

/** A value a site gives a field (an option or a header): everything it may be at run time. */
export interface FieldValue {
  readonly alternatives: readonly StringAlternative[];
}

export type FieldState =
  | { readonly state: 'absent' }
  /** The file does not tell (an unresolvable spread, options from a function call, ...). */
  | { readonly state: 'unknown' }
  | { readonly state: 'present'; readonly values: readonly FieldValue[] };

export interface OpenRouterSite {
  readonly row: ClientRow;
  readonly node: ClientCall;
  /** A short node to underline: the callee. */
  readonly reportNode: Node;
  readonly scope: Scope;
  readonly options: OptionsState;
  readonly headers: HeadersState;
  readonly fields: Readonly<Record<AttributionField, FieldState>>;
  /** Options the client ignores although users put attribution there (`defaultHeaders` on @openrouter/sdk). */
  readonly ignoredOptions: readonly string[];
  /** Attribution written where neither the client nor OpenRouter reads it (see misplaced-attribution.ts). */
  readonly misplaced: readonly MisplacedAttribution[];
}

export interface FileAnalysis {
  readonly sites: readonly OpenRouterSite[];
  /** What went wrong when the file could not be analysed (then `sites` is empty). */
  readonly failure: unknown;
  /** The project's identity for fixes; loaded on first use (it throws again on every call if loading threw). */
  readonly config: () => LoadedProjectConfig;
  /** An unexpected failure is reported once per file, by the first rule that meets it. */
  claimFailureReport(): boolean;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const analyses = new WeakMap<object, FileAnalysis>();

/** Every OpenRouter site of the file, computed once per file whichever rule asks first. */
export function analyseFile(context: Context): FileAnalysis {
  const sourceCode = context.sourceCode;
  const cached = analyses.get(fileKey(sourceCode));
  if (cached) return cached;
  // The config is validated once per settings object and package.json (see project-config.ts):
  // loading it here costs a cached lookup, and gives the file's client table.
  let config: { value: LoadedProjectConfig } | { error: unknown };
  try {
    const settings = (context.settings as Record<string, unknown>).openrouter;
    config = { value: loadProjectAttribution(settings, context.physicalFilename || context.filename) };
  } catch (error) {
    config = { error };
  }
  const clients = 'value' in config ? config.value.clients : BUILT_IN_TABLE;
  // Most files cannot hold a site: one test of the text skips them (see prefilter.ts).
  let sites: OpenRouterSite[] = [];
  let failure: unknown = null;
  try {
    // The checker is asked for its intrinsic types only for files that pass the text test.
    if (mayHoldOpenRouterSite(sourceCode.text, hasProgram(sourceCode.parserServices), clients)) {
      const budget = ResolutionBudget.forText(sourceCode.text.length, typeServicesOf(sourceCode.parserServices));
      sites = withBudget(budget, () => findOpenRouterSites(sourceCode, clients));
    }
  } catch (error) {
    failure = error;
  }
  let claimedFailure = false;
  const loadConfig = (): LoadedProjectConfig => {
    if ('error' in config) throw config.error;
    return config.value;
  };
  const analysis: FileAnalysis = {
    sites,
    failure,
    config: loadConfig,
    claimFailureReport: () => (claimedFailure ? false : (claimedFailure = true)),
  };
  analyses.set(fileKey(sourceCode), analysis);
  return analysis;
}

function findOpenRouterSites(sourceCode: Readonly<TSESLint.SourceCode>, clients: ClientTable): OpenRouterSite[] {
  const sites: OpenRouterSite[] = [];
  const seen = new Set<Node>();
  for (const { row, node } of findClientCalls(sourceCode, clients)) {
    if (seen.has(node)) continue;
    const site = analyseSite(sourceCode, row, node);
    if (!site) continue;
    seen.add(node);
    sites.push(site);
  }
  return sites;
}

/** The expression for a part of a request: an argument, or the value of an option. */
function requestPart(node: ClientCall, options: OptionsState, part: RequestPart): { node: Node; scope: Scope | null } | null {
  if ('argument' in part) {
    const argument = node.arguments[part.argument];
    return argument && argument.type !== 'SpreadElement' ? { node: argument, scope: null } : null;
  }
  const lookup = lookupOption(options, part.option);
  return lookup.kind === 'found' && lookup.entry.value ? { node: lookup.entry.value, scope: lookup.entry.scope } : null;
}

/** Every alternative of the first of these options that is set, or null when none is. */
function optionAlternatives(options: OptionsState, names: readonly string[]): StringAlternative[] | null {
  for (const name of names) {
    const lookup = lookupOption(options, name);
    const alternatives = lookup.kind === 'found' ? entryAlternatives(lookup.entry) : null;
    if (alternatives) return [...alternatives];
  }
  return null;
}

/** A body that asks for a generation: `{ model, messages }`, `{ prompt }`, `{ input }`, or the same through `JSON.stringify`. */
function isGenerationBody(body: Node, scope: Scope): boolean {
  let target = unwrap(body);
  if (target.type === 'CallExpression' && target.arguments[0] && target.arguments[0].type !== 'SpreadElement') {
    const callee = unwrap(target.callee);
    if (!isNamedMember(callee, 'JSON', 'stringify')) return false;
    target = target.arguments[0];
  }
  const shape = resolveObject(target, scope);
  return !!shape && ['messages', 'prompt', 'input'].some((key) => lastEntry(shape, key));
}

/** Whether the construction or call talks to OpenRouter, per the row's gate. */
function passesGate(row: ClientRow, node: ClientCall, options: OptionsState, scope: Scope): boolean {
  const gate = row.gate;
  if (gate.kind === 'tokenUrl') {
    const url = requestPart(node, options, gate.url);
    const kinds = url ? resolveString(url.node, url.scope ?? scope).map(requestKind) : [];
    if (kinds.includes('token')) return true;
    if (!kinds.includes('unknown')) return false;
    const body = requestPart(node, options, gate.body);
    return !!body && isGenerationBody(body.node, body.scope ?? scope);
  }
  if (gate.kind === 'baseUrl') return optionAlternatives(options, gate.options)?.some(isOpenRouterUrl) ?? false;
  const other = gate.unlessBaseUrl ? optionAlternatives(options, gate.unlessBaseUrl) : null;
  return !other || !other.every(isOtherHost);
}

function lookupField(row: ClientRow, field: AttributionField, options: OptionsState, headers: HeadersState): FieldState {
  const values: FieldValue[] = [];
  let unknown = false;
  for (const name of row.options[field] ?? []) {
    const lookup = lookupOption(options, name);
    const alternatives = lookup.kind === 'found' ? entryAlternatives(lookup.entry) : null;
    if (alternatives) values.push({ alternatives });
    else if (lookup.kind !== 'missing') unknown = true;
  }
  if (row.headersOption) {
    if (headers.kind === 'unknown') unknown = true;
    if (headers.kind === 'container') {
      for (const name of HEADER_NAMES[field]) {
        const entry = headers.container.entries.findLast((candidate) => candidate.key.toLowerCase() === name.toLowerCase());
        const alternatives = entry && entryAlternatives(entry);
        if (alternatives) values.push({ alternatives });
      }
      if (!headers.container.complete) unknown = true;
    }
  }
  if (values.length > 0) return { state: 'present', values };
  return unknown ? { state: 'unknown' } : { state: 'absent' };
}

function analyseSite(sourceCode: Readonly<TSESLint.SourceCode>, row: ClientRow, node: ClientCall): OpenRouterSite | null {
  const scope = sourceCode.getScope(node);
  const options = resolveOptions(node, row, scope);
  if (!passesGate(row, node, options, scope)) return null;
  // The ready-made provider used with attribution headers per call: `generateText({ model: openrouter('m'), headers })`.
  if (row.attributionless && hasSiblingAttributionHeaders(sourceCode, node)) return null;
  const headers = resolveHeadersOption(options, row.headersOption);
  const absent: FieldState = { state: 'absent' };
  let fields: Record<AttributionField, FieldState> = row.attributionless
    ? { referer: absent, title: absent, categories: absent }
    : {
        referer: lookupField(row, 'referer', options, headers),
        title: lookupField(row, 'title', options, headers),
        categories: lookupField(row, 'categories', options, headers),
      };
  const someAbsent = Object.values(fields).some((field) => field.state === 'absent');
  if (someAbsent && row.gate.kind !== 'tokenUrl' && hasPerRequestAttribution(sourceCode, row, node)) {
    const unknown: FieldState = { state: 'unknown' };
    fields = {
      referer: fields.referer.state === 'absent' ? unknown : fields.referer,
      title: fields.title.state === 'absent' ? unknown : fields.title,
      categories: fields.categories.state === 'absent' ? unknown : fields.categories,
    };
  }
  const ignoredOptions = row.ignoredOptions.filter((name) => lookupOption(options, name).kind === 'found');
  const misplaced = findMisplacedAttribution(row, options, headers, fields, ignoredOptions);
  return { row, node, reportNode: unwrap(node.callee), scope, options, headers, fields, ignoredOptions, misplaced };
}

/** One value a field may take at some site, with its text when the file fixes it. */
export interface FieldAlternative {
  readonly site: OpenRouterSite;
  readonly alternative: StringAlternative;
  readonly text: string | null;
}

/**
 * Every value the given field may take across these sites, once per source expression: a
 * constant shared by several sites is checked (and reported) once.
 */
export function fieldAlternatives(sites: readonly OpenRouterSite[], field: AttributionField): FieldAlternative[] {
  const seen = new Set<Node>();
  const found: FieldAlternative[] = [];
  for (const site of sites) {
    const state = site.fields[field];
    if (state.state !== 'present') continue;
    for (const value of state.values) {
      for (const alternative of value.alternatives) {
        if (seen.has(alternative.node)) continue;
        seen.add(alternative.node);
        found.push({ site, alternative, text: exactText(alternative) });
      }
    }
  }
  return found;
}
