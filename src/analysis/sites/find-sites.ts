/**
 * Finds the OpenRouter sites of a file (client constructions and raw requests, per the client
 * table) and resolves their attribution. Computed once per file and shared by every rule.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { fileKey, isNamedMember, markRequestCall, programOf, unwrap, type Node, type ParsedSource, type Scope } from '../syntax/ast.js';
import { mayHoldOpenRouterSite, projectClientTable } from './prefilter.js';
import { importsMayGiveOpenRouter } from './imported-identity.js';
import { ResolutionBudget, withBudget } from '../values/budget.js';
import { hasProgram, typeServicesOf } from '../values/type-values.js';
import { registerAnalysedFile } from '../values/imported-values.js';
import { findClientCalls, type ClientCall } from '../clients/calls.js';
import { BUILT_IN_TABLE, type ClientTable } from '../clients/table.js';
import { withSetterHeaders } from '../clients/header-setters.js';
import { lookupOption, requestHeaders, resolveHeadersOption, resolveOptions, resolveRowHeaders, type HeadersState, type OptionsState } from '../clients/options.js';
import { takesNoAttribution, type AssembledUrl, type ClientRow, type RequestMethod, type RequestPart } from '../clients/rows.js';
import { ATTRIBUTION_FIELDS, HEADER_NAMES, type AttributionField } from '../domain/attribution-headers.js';
import { withParameterBindings } from '../values/parameter-bindings.js';
import { hasSiblingAttributionHeaders, maySendOtherwise, perRequestAttribution, type RequestCall } from './per-request.js';
import { findMisplacedAttribution } from './misplaced-attribution.js';
import type { FieldState, FieldValue, OpenRouterSite, RequestSite } from './site.js';
import { loadProjectAttribution, type LoadedProjectConfig } from '../identity/project-config.js';
import { settingsSource } from '../identity/settings.js';
import { entryAlternatives, exactText, isEnvironmentRead, lastEntry, resolveObject, resolveString, type StringAlternative } from '../values/static-value.js';
import { assembledUrls, isOtherHost, pointsToOpenRouter, requestKind } from '../values/url-alternatives.js';
import { importerWrapperCalls, wrapperCalls } from './wrapper-calls.js';
import { urlFlowCandidates } from './url-flow.js';
import { constructionCalls, importerClassCalls } from './class-constructions.js';
import { importedWrapperCalls, ownValuesAtRequest, toldAtCall, toldAtRequest } from './imported-wrappers.js';
import { LintSuperseded, throwIfSuperseded } from './superseded.js';
import { usedOnlyForMetadata } from './metadata-clients.js';

export interface FileAnalysis {
  readonly sites: readonly OpenRouterSite[];
  /** What went wrong when the file could not be analysed (then `sites` is empty). */
  readonly failure: unknown;
  /** The project's identity for fixes; loaded on first use (it throws again on every call if loading threw). */
  readonly config: () => LoadedProjectConfig;
  /** An unexpected failure is reported once per file, by the first rule that meets it. */
  claimFailureReport(): boolean;
  /**
   * The budget of what rules resolve beyond the sites (a value's leaves, a key's alternatives): one per
   * file, shared by every rule, so each value is read once per file and the rules' work is bounded too.
   */
  readonly checksBudget: () => ResolutionBudget;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The project's config for the file a rule runs on, loaded on first use; a loading error is thrown again on every call. */
export function projectConfigOf(context: Context): () => LoadedProjectConfig {
  const settings = (context.settings as Record<string, unknown>).openrouter;
  let config: { value: LoadedProjectConfig } | { error: unknown } | null = null;
  return () => {
    if (!config) {
      try {
        config = { value: loadProjectAttribution(settings, context.physicalFilename || context.filename, settingsSource(context.settings)) };
      } catch (error) {
        config = { error };
      }
    }
    if ('error' in config) throw config.error;
    return config.value;
  };
}

const analyses = new WeakMap<object, FileAnalysis>();

/** Every OpenRouter site of the file, computed once per file whichever rule asks first. */
export function analyseFile(context: Context): FileAnalysis {
  const sourceCode = context.sourceCode;
  const cached = analyses.get(fileKey(sourceCode));
  if (cached) return cached;
  const settings = (context.settings as Record<string, unknown>).openrouter;
  const loadConfig = projectConfigOf(context);
  // Most files cannot hold a site: one test of the text skips them (see prefilter.ts). It takes the
  // project's own clients from the settings and from the package.json lookup of ESLint's working
  // directory (one cached lookup for the run): the file's own lookup would cost a package.json walk
  // per folder of every file. A file that passes is analysed with its own package's clients.
  const root = typeof context.cwd === 'string' && path.isAbsolute(context.cwd) ? path.join(context.cwd, 'package.json') : '<input>';
  const pretestClients = projectClientTable(settings, root);
  let sites: OpenRouterSite[] = [];
  let failure: unknown = null;
  try {
    // The checker is asked for its intrinsic types only for files that pass the text test.
    const file = context.physicalFilename || context.filename;
    if (mayHoldOpenRouterSite(sourceCode.text, hasProgram(sourceCode.parserServices), pretestClients) || importsMayGiveOpenRouter(sourceCode.text, file)) {
      // A config that cannot be loaded leaves the built-in clients; its error comes with `config()`.
      let clients: ClientTable = BUILT_IN_TABLE;
      try {
        clients = loadConfig().clients;
      } catch {
        // reported by valid-config
      }
      registerAnalysedFile(sourceCode.ast, file);
      const budget = ResolutionBudget.forText(sourceCode.text.length, typeServicesOf(sourceCode.parserServices));
      sites = withBudget(budget, () => findOpenRouterSites(sourceCode, clients, file));
    }
  } catch (error) {
    // Not a failure of the file: the lint stops here, and nothing of it is kept.
    if (error instanceof LintSuperseded) throw error;
    failure = error;
  }
  const analysis = fileAnalysis(sites, failure, loadConfig, () => ResolutionBudget.forText(sourceCode.text.length, typeServicesOf(sourceCode.parserServices)));
  analyses.set(fileKey(sourceCode), analysis);
  return analysis;
}

/** A file's analysis from its sites, whatever its language: a failure claimed once, the checks' budget made on first use. */
export function fileAnalysis(sites: readonly OpenRouterSite[], failure: unknown, config: () => LoadedProjectConfig, newBudget: () => ResolutionBudget): FileAnalysis {
  let claimedFailure = false;
  let checksBudget: ResolutionBudget | null = null;
  return {
    sites,
    failure,
    config,
    claimFailureReport: () => (claimedFailure ? false : (claimedFailure = true)),
    checksBudget: () => (checksBudget ??= newBudget()),
  };
}

/**
 * Client calls checked again with a wrapper's parameters bound, per file: each of a wrapper's requests is
 * checked at each of its calls, so a function making thousands of requests, called many times, is not
 * followed past this (silence, never a guess).
 */
const MAX_BOUND_CHECKS_PER_FILE = 4_096;

function findOpenRouterSites(sourceCode: Readonly<TSESLint.SourceCode>, clients: ClientTable, file: string): OpenRouterSite[] {
  const sites: OpenRouterSite[] = [];
  let boundChecks = 0;
  const seen = new Set<Node>();
  const unattributedCalls = new Set<Node>();
  // A wrapper with several client calls that all lack a referer is one finding at its call.
  const addWrapped = (wrapped: OpenRouterSite | null, call: Node): void => {
    if (!wrapped || (wrapped.fields.referer.state === 'absent' && unattributedCalls.has(call))) return;
    if (wrapped.fields.referer.state === 'absent') unattributedCalls.add(call);
    sites.push(wrapped);
  };
  /** A call of the table or of the URL flow, checked as itself and, where it does not tell, at each call of its wrapper. */
  const check = (row: ClientRow, node: ClientCall, accept: (site: OpenRouterSite) => boolean, claimed?: ReadonlySet<Node>): void => {
    if (seen.has(node)) return;
    throwIfSuperseded();
    // A client built only to read listings (`sdk.models.list()`) sends nothing that consumes tokens.
    if (row.gate.kind !== 'tokenUrl' && usedOnlyForMetadata(sourceCode, node)) return;
    const found = analyseSite(sourceCode, row, node, null);
    const site = found && accept(found) ? found : null;
    if (site) {
      seen.add(node);
      sites.push(site);
    }
    // A client call that does not tell on its own may tell for each call of its wrapper, or construction of its class.
    const open = leftToCaller(site);
    if (open === 'nothing') return;
    const local = [...wrapperCalls(sourceCode, node), ...constructionCalls(sourceCode, node)];
    for (const { call, parameters } of local) {
      if (claimed?.has(call)) continue;
      if (++boundChecks > MAX_BOUND_CHECKS_PER_FILE) break;
      const wrapped = withParameterBindings(parameters, () => analyseSite(sourceCode, row, node, call));
      addWrapped(wrapped && accept(wrapped) && tellsMore(open, wrapped) ? wrapped : null, call);
    }
    if (local.length === 0) checkImporterCalls(row, node, (wrapped) => accept(wrapped) && tellsMore(open, wrapped));
  };
  /**
   * An exported wrapper the file never calls, called from the package's other modules: one site here when
   * every one of those calls makes it a site that sends no referer, or only a referer this file writes.
   * Where a calling module passes the text test itself, its lint reports its calls (imported-wrappers.ts).
   */
  const checkImporterCalls = (row: ClientRow, node: ClientCall, accept: (site: OpenRouterSite) => boolean): void => {
    const calls = importerWrapperCalls(sourceCode, node) ?? importerClassCalls(sourceCode, node);
    const typed = hasProgram(sourceCode.parserServices);
    // A request that sends no referer whatever it is given is one mistake, here, where it is mended; the callers' lints leave it.
    // Only in a module that passes the text test itself, as the callers judge (a generic one's calls are its sites).
    if (calls && mayHoldOpenRouterSite(sourceCode.text, typed, clients) && omitsRefererItself(sourceCode, row, node)) {
      for (const { call, parameters } of calls) {
        const site = withParameterBindings(parameters, () => analyseSite(sourceCode, row, node, call));
        if (site && accept(site) && site.fields.referer.state === 'absent') return void sites.push(toldAtRequest(site, sourceCode, node));
      }
      return;
    }
    if (calls?.some(({ text }) => mayHoldOpenRouterSite(text, typed, clients))) {
      // Those modules' lints report their calls, and leave the values this file writes to it (toldAtCall).
      for (const { call, parameters } of calls) {
        const site = withParameterBindings(parameters, () => analyseSite(sourceCode, row, node, call));
        const own = site && accept(site) ? ownValuesAtRequest(site, sourceCode, node) : null;
        if (own) return void sites.push(own);
      }
      return;
    }
    let first: OpenRouterSite | null = null;
    for (const { call, parameters } of calls ?? []) {
      const site = withParameterBindings(parameters, () => analyseSite(sourceCode, row, node, call));
      if (!site || !accept(site) || !refererOfThisFile(site, sourceCode)) return;
      first ??= site;
    }
    if (first) sites.push(toldAtRequest(first, sourceCode, node));
  };
  const clientCalls = findClientCalls(sourceCode, clients, file);
  // Found before any value is read: a call found to send an object is no call that may change it first.
  for (const { node } of clientCalls) markRequestCall(node);
  const flowCandidates = urlFlowCandidates(sourceCode, new Set<Node>(clientCalls.map(({ node }) => node)));
  for (const { row, node } of clientCalls) check(row, node, () => true);
  // Wrappers imported from the project's other modules, for client calls their own module cannot tell.
  const toldThere = new Map<Node, LeftToCaller>();
  const omittedThere = new Map<Node, boolean>();
  for (const { call, parameters, source, clientCalls: wrapped, text } of importedWrapperCalls(sourceCode, clients)) {
    // The values the wrapper's module writes are judged in its own lint, where it has one (see checkImporterCalls).
    const judgedThere = text !== null && mayHoldOpenRouterSite(text, hasProgram(sourceCode.parserServices), clients);
    for (const { row, node } of wrapped) {
      let open = toldThere.get(node);
      // Its own module reports what it tells there.
      if (open === undefined) toldThere.set(node, (open = leftToCaller(analyseSite(source, row, node, null))));
      if (open === 'nothing') continue;
      // A request that sends no referer whatever it is given: its own lint reports it once, at the request.
      if (judgedThere) {
        let omitted = omittedThere.get(node);
        if (omitted === undefined) omittedThere.set(node, (omitted = omitsRefererItself(source, row, node)));
        if (omitted) continue;
      }
      const site = withParameterBindings(parameters, () => analyseSite(source, row, node, call));
      addWrapped(site && tellsMore(open, site) ? toldAtCall(site, sourceCode, call, judgedThere) : null, call);
    }
  }
  // Requests the table does not know, found by where an OpenRouter URL goes: kept only where their headers are spelled out.
  const claimed = new Set<Node>();
  for (const site of sites) {
    claimed.add(site.node);
    if (site.wrapperCall) claimed.add(site.wrapperCall);
    for (const request of site.requests) claimed.add(request.node);
  }
  for (const { row, node } of flowCandidates) if (!claimed.has(node)) check(row, node, (site) => site.headers.kind === 'container', claimed);
  return withRequestsOnce(sites);
}

/**
 * What a client call's own analysis leaves to its wrapper's callers: everything (not a site on its own, or a
 * referer it cannot tell), only whether a referer is sent at all (a value the file cannot read, such as
 * `if (options.siteUrl) headers['HTTP-Referer'] = options.siteUrl`, which a caller passing none leaves unsent),
 * or nothing. An environment read is no caller's.
 */
type LeftToCaller = 'everything' | 'absence' | 'nothing';

function leftToCaller(site: OpenRouterSite | null): LeftToCaller {
  const referer = site?.fields.referer;
  if (!referer || referer.state === 'unknown') return 'everything';
  if (referer.state === 'absent') return 'nothing';
  const opaque = referer.values.some((value) => value.alternatives.some((alternative) => alternative.pieces.some((piece) => typeof piece !== 'string' && piece.kind === 'opaque')));
  return opaque ? 'absence' : 'nothing';
}

/**
 * Whether a request sends no referer whatever its wrapper is given: read as if it were OpenRouter traffic,
 * with its parameters unknown, every header it may send is written where it is made and none is a referer.
 */
function omitsRefererItself(sourceCode: ParsedSource, row: ClientRow, node: ClientCall): boolean {
  return analyseSite(sourceCode, row, node, null, false)?.fields.referer.state === 'absent';
}

/**
 * Whether a site seen at one call of its wrapper tells what its own analysis left open: with only absence
 * open, that no referer is sent, or the referer this call gives (`send(key, 'https://example.com')`), with no
 * part of it left unknown.
 */
function tellsMore(open: LeftToCaller, wrapped: OpenRouterSite): boolean {
  const { referer } = wrapped.fields;
  if (open === 'everything' || referer.state === 'absent') return true;
  return referer.state === 'present' && referer.values.every((value) => value.alternatives.every((alternative) => alternative.pieces.every((piece) => typeof piece === 'string' || piece.kind !== 'opaque')));
}

/** Whether a site sends no referer, or only values this file writes (a wrapper's own fallback): nothing its caller gives. */
function refererOfThisFile(site: OpenRouterSite, sourceCode: ParsedSource): boolean {
  const { referer } = site.fields;
  if (referer.state === 'absent') return true;
  return referer.state === 'present' && referer.values.every((value) => value.alternatives.every((alternative) => exactText(alternative) !== null && programOf(alternative.node) === sourceCode.ast));
}

/** A request through a client made in a wrapper is one of each of the wrapper's sites: it is checked with the first. */
function withRequestsOnce(sites: readonly OpenRouterSite[]): OpenRouterSite[] {
  const checked = new Set<Node>();
  return sites.map((site) => {
    const requests = site.requests.filter((request) => !checked.has(request.node) && !!checked.add(request.node));
    return requests.length === site.requests.length ? site : { ...site, requests };
  });
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

/** The URLs a request may go to: its URL part resolved, or assembled from its host, port and path options. */
function requestUrls(node: ClientCall, options: OptionsState, url: RequestPart | AssembledUrl, scope: Scope): StringAlternative[] {
  if ('host' in url) {
    const hosts = optionAlternatives(options, url.host);
    return hosts ? assembledUrls(hosts, optionAlternatives(options, url.port), optionAlternatives(options, url.path), node) : [];
  }
  const part = requestPart(node, options, url);
  return part ? resolveString(part.node, part.scope ?? scope) : [];
}

/** Whether a request may be a POST, the one method that consumes tokens: unless its method, or the client's default, is certainly another. */
function mayPost(node: ClientCall, options: OptionsState, method: RequestMethod, body: RequestPart | undefined, scope: Scope): boolean {
  const { part } = method;
  const unnamed =
    'argument' in part
      ? !node.arguments[part.argument] && !node.arguments.some((argument) => argument.type === 'SpreadElement')
      : lookupOption(options, part.option).kind === 'missing';
  if (unnamed) {
    if (method.unnamed === 'GET') return false;
    return method.unnamed !== 'POST with a body' || (!!body && requestPart(node, options, body) !== null);
  }
  const named = requestPart(node, options, part);
  if (!named) return true;
  return resolveString(named.node, named.scope ?? scope).some((alternative) => {
    const text = exactText(alternative);
    return text === null || text.toUpperCase() === 'POST';
  });
}

/** Whether the construction or call talks to OpenRouter, per the row's gate. */
function passesGate(row: ClientRow, node: ClientCall, options: OptionsState, scope: Scope): boolean {
  const gate = row.gate;
  if (gate.kind === 'tokenUrl') {
    const kinds = requestUrls(node, options, gate.url, scope).map(requestKind);
    if (!kinds.includes('token')) {
      if (!kinds.includes('unknown')) return false;
      const body = gate.body && requestPart(node, options, gate.body);
      if (!body || !isGenerationBody(body.node, body.scope ?? scope)) return false;
    }
    return !gate.method || mayPost(node, options, gate.method, gate.body, scope);
  }
  if (gate.kind === 'baseUrl') return pointsToOpenRouter(optionAlternatives(options, gate.options) ?? []);
  if (gate.kind === 'value') {
    // Every value it may hold must be one of them: `provider: cond ? 'openrouter' : 'openai'` is not certain.
    const part = requestPart(node, options, gate.of);
    const alternatives = part ? resolveString(part.node, part.scope ?? scope) : [];
    const matches = (alternative: StringAlternative): boolean => {
      // The known start of the text for a prefix (`'openrouter/' + id`); never an array's joined items.
      const start = alternative.pieces[0];
      if (gate.prefix) return typeof start === 'string' && alternative.node.type !== 'ArrayExpression' && gate.values.some((value) => start.startsWith(value));
      return gate.values.includes(exactText(alternative) ?? '');
    };
    // An environment read is judged by its fallback (`process.env.MODEL || 'openrouter/…'`), as a base URL's is.
    const judged = alternatives.filter((alternative) => !isEnvironmentRead(alternative));
    if (judged.length === 0 || !judged.every(matches)) return false;
  }
  const bases = gate.unlessBaseUrl ? optionAlternatives(options, gate.unlessBaseUrl) : null;
  // Pointed elsewhere when some value names another host and none names OpenRouter's
  // (`${process.env.GATEWAY || 'https://api.vendor.example'}/v1`): not certainly OpenRouter traffic.
  return !bases || !bases.some(isOtherHost) || pointsToOpenRouter(bases);
}

/** A field's state in one options object: the row's options for it, then the headers. */
function lookupField(optionNames: readonly string[], field: AttributionField, options: OptionsState, headers: HeadersState | null): FieldState {
  const values: FieldValue[] = [];
  let unknown = false;
  for (const name of optionNames) {
    const lookup = lookupOption(options, name);
    const alternatives = lookup.kind === 'found' ? entryAlternatives(lookup.entry) : null;
    if (alternatives) values.push({ alternatives });
    else if (lookup.kind !== 'missing') unknown = true;
  }
  if (headers) {
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

/**
 * What one request sends: the values its objects give (the row's options or `headers`), and
 * for a field it leaves out, the construction's (clients merge request headers over defaults).
 */
function requestFields(row: ClientRow, call: RequestCall, construction: Readonly<Record<AttributionField, FieldState>>): Record<AttributionField, FieldState> {
  const fields = {} as Record<AttributionField, FieldState>;
  for (const field of ATTRIBUTION_FIELDS) {
    const values: FieldValue[] = [];
    let unknown = call.opaque;
    for (const shape of call.shapes) {
      const options: OptionsState = { kind: 'object', shape };
      const state = lookupField(row.options[field] ?? [], field, options, requestHeaders(options, row));
      if (state.state === 'present') values.push(...state.values);
      else if (state.state === 'unknown') unknown = true;
    }
    fields[field] = values.length > 0 ? { state: 'present', values } : unknown ? { state: 'unknown' } : construction[field];
  }
  return fields;
}

/** A call's site, or null when it is no OpenRouter traffic; `gated` false reads it as if it were (what it sends, wherever it goes). */
function analyseSite(sourceCode: ParsedSource, row: ClientRow, node: ClientCall, wrapperCall: ClientCall | null, gated = true): OpenRouterSite | null {
  const scope = sourceCode.getScope(node);
  const options = resolveOptions(node, row, scope);
  if ((gated && !passesGate(row, node, options, scope)) || (row.sentLater && maySendOtherwise(sourceCode, node))) return null;
  // The ready-made provider used with attribution headers per call: `generateText({ model: openrouter('m'), headers })`.
  if (row.attributionless && hasSiblingAttributionHeaders(sourceCode, node)) return null;
  const optionHeaders = resolveRowHeaders(options, row);
  const sentHeaders = withSetterHeaders(sourceCode, node, row, optionHeaders);
  // Fixes write into the options' headers where the client has them; the fields read every header sent.
  const headers = row.headersOption ? optionHeaders : sentHeaders;
  const fieldHeaders = row.headersOption || row.headerSetter ? sentHeaders : null;
  const absent: FieldState = { state: 'absent' };
  // An option that may send headers the file cannot read (`transformClient`): nothing left out is certain.
  const opaque = row.opaqueOptions?.some((name) => lookupOption(options, name).kind !== 'missing') ?? false;
  const lookup = (field: AttributionField): FieldState => {
    const state = lookupField(row.options[field] ?? [], field, options, fieldHeaders);
    return opaque && state.state === 'absent' ? { state: 'unknown' } : state;
  };
  const none: FieldState = opaque ? { state: 'unknown' } : absent;
  const construction: Record<AttributionField, FieldState> = takesNoAttribution(row)
    ? { referer: none, title: none, categories: none }
    : { referer: lookup('referer'), title: lookup('title'), categories: lookup('categories') };
  let fields = construction;
  let requests: RequestSite[] = [];
  // The calls of an instance method are the requests themselves; a foreign identity is sent whatever they pass.
  if (row.gate.kind !== 'tokenUrl' && !row.instanceMethod && !row.foreignIdentity) {
    const perRequest = perRequestAttribution(sourceCode, row, node);
    if (perRequest.mayCarry) {
      // A field absent at construction may come with each request: not certain either way.
      const unknown: FieldState = { state: 'unknown' };
      fields = { referer: unknown, title: unknown, categories: unknown };
      for (const field of ATTRIBUTION_FIELDS) if (construction[field].state !== 'absent') fields[field] = construction[field];
    }
    if (!takesNoAttribution(row)) requests = perRequest.calls.map((call) => ({ node: call.node, fields: requestFields(row, call, construction) }));
  }
  const ignoredOptions = row.ignoredOptions.filter((name) => lookupOption(options, name).kind === 'found');
  const misplaced = findMisplacedAttribution(row, options, headers, fields, ignoredOptions);
  const reportNode = unwrap((wrapperCall ?? node).callee);
  return { row, node, reportNode, scope, options, headers, fields, requests, wrapperCall, ignoredOptions, misplaced };
}
