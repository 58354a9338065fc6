/**
 * A Python file's OpenRouter sites, in the JavaScript analysis's own site type so the rules read them
 * unchanged: constructions of the clients of `rows.ts` whose gate says OpenRouter, requests of HTTP
 * libraries and their sessions to token endpoints, LiteLLM-family calls for `openrouter/` models, the
 * legacy `openai.api_base`, and the attribution each passes (keywords, header dicts) per call.
 */
import type { SyntaxNode } from '@lezer/common';
import { ATTRIBUTION_FIELDS, HEADER_FIELDS, type AttributionField } from '../domain/attribution-headers.js';
import { isRefererHeader, nearMissField } from '../domain/near-miss-headers.js';
import type { ClientCall } from '../clients/calls.js';
import type { ClientRow } from '../clients/rows.js';
import type { HeadersState } from '../clients/options.js';
import type { Node, Scope } from '../syntax/ast.js';
import type { FieldState, FieldValue, OpenRouterSite, RequestSite } from '../sites/site.js';
import type { MisplacedAttribution } from '../sites/misplaced-attribution.js';
import type { ObjectEntry } from '../values/static-value.js';
import { ResolutionBudget } from '../values/budget.js';
import { exactText, isEnvironmentRead, type StringAlternative } from '../values/static-value.js';
import { pointsToOpenRouter, requestKind } from '../values/url-alternatives.js';
import { ClientHolders } from './client-holders.js';
import type { PythonModule } from './module-files.js';
import { pythonNode } from './nodes.js';
import type { PythonParse } from './parse.js';
import { LITELLM_ROUTERS, listedDeployments, routerModelList } from './litellm-router.js';
import { AG2_CONFIG_WORDS, AG2_PACKAGES, ag2ConfigEntries, usesAg2 } from './ag2-config.js';
import { HANDED_SESSION_ROW, PYTHON_ROWS, pythonRowsFor, type PythonClientRow, type PythonGate } from './rows.js';
import { indexModule } from './scopes.js';
import { callsOfFunction } from './caller-arguments.js';
import { argumentOf, argumentValues, callArguments, childNamed, meaningfulChildren, unparenthesised, type CallArguments } from './tree.js';
import { projectRoot } from './module-files.js';
import { attributionOrKeywords, forwardedCallable, projectCallsMayPass, projectMayAttributeSessions, projectSpells, writesAddNone } from './project-callers.js';
import { declaresPackage, pinnedMajor } from './pinned-versions.js';
import { dictEntry, PythonValues, type DictEntry, type DictShape, type PythonExpression } from './values.js';

type Fields = Record<AttributionField, FieldState>;

const ABSENT: FieldState = { state: 'absent' };
const UNKNOWN: FieldState = { state: 'unknown' };
const NONE: Fields = { referer: ABSENT, title: ABSENT, categories: ABSENT };
/** The HTTP clients a client may be given, whose `headers=` it then sends. */
const HTTP_CLIENTS = new Set(['httpx.Client', 'httpx.AsyncClient', 'openai.DefaultHttpxClient', 'openai.DefaultAsyncHttpxClient']);
/** Calls through a model list's routers followed for the headers they pass; past it, its deployments are not known. */
const MAX_ROUTER_REQUESTS = 64;

/**
 * Calls that run the function given first with the arguments after it: the request is that function's call.
 * dependency-injector's providers build their class when the container is asked for it.
 */
const RUNNERS = new Set([
  'asyncio.to_thread',
  'functools.partial',
  ...['Singleton', 'ThreadSafeSingleton', 'ThreadLocalSingleton', 'Factory', 'Callable'].map((provider) => `dependency_injector.providers.${provider}`),
]);
/** Keywords a partial binds the headers with, for the raw HTTP clients and the SDKs. */
const HEADER_KEYWORDS: readonly string[] = ['headers', 'default_headers', 'extra_headers'];
/** The keywords of LiteLLM's `completion()` that hold headers. */
const LITELLM_HEADER_KEYWORDS: readonly string[] = ['headers', 'extra_headers'];
/** LiteLLM reads these from the environment for its OpenRouter referer and title: set in code, they attribute. */
const LITELLM_ENV: Readonly<Record<string, AttributionField>> = { OR_SITE_URL: 'referer', OR_APP_NAME: 'title' };

/** What one call passes: each field's state, and whether its headers could be read. */
interface CallAttribution {
  readonly fields: Fields;
  readonly headersReadable: boolean;
}

class SiteFinder {
  readonly module: PythonModule;
  readonly values: PythonValues;
  readonly holders: ClientHolders;

  constructor(readonly parse: PythonParse, file: string | null) {
    this.module = { index: indexModule(parse), file };
    this.values = new PythonValues(this.module, ResolutionBudget.forText(parse.text.length));
    this.holders = new ClientHolders(this.module, this.values, this.values.budget);
  }

  text(node: SyntaxNode): string {
    return this.parse.text.slice(node.from, node.to);
  }

  node(node: SyntaxNode, kind: string): Node {
    return pythonNode(this.parse, node.from, node.to, kind) as unknown as Node;
  }

  strings(node: SyntaxNode): StringAlternative[] {
    return this.values.strings(this.module, node);
  }

  /**
   * A call's arguments, with each `**d` whose dict the file spells out whole read as the keywords it
   * passes (`create(messages=m, **settings)` where `settings = {"model": ..., "temperature": 0}`). A dict
   * the file does not show whole, or whose values lie elsewhere, stays unpacked: it may pass anything.
   * A key the file writes in a branch (`kwargs["model"] = f"openrouter/{m}"` for one provider) passes one
   * of its values: each is an alternative.
   */
  args(call: SyntaxNode): CallArguments {
    const args = callArguments(this.parse.text, call);
    if (args.doubleStarred.length === 0) return args;
    const keywords = new Map(args.keywords);
    const alternatives = new Map<string, SyntaxNode[]>();
    const doubleStarred: SyntaxNode[] = [];
    for (const spread of args.doubleStarred) {
      const shape = this.values.dict(this.module, spread);
      // A key whose value lies in another module is left out when no client takes attribution by that name.
      const here = (entry: DictEntry): boolean => entry.values.length === 1 && entry.values[0]!.module === this.module;
      const readable = !!shape && shape.complete && shape.entries.every((entry) => /^[A-Za-z_]\w*$/.test(entry.key) && (here(entry) || !ATTRIBUTION_KEYWORDS.has(entry.key)));
      if (!readable) {
        doubleStarred.push(spread);
        continue;
      }
      for (const entry of shape.entries) {
        if (keywords.has(entry.key) || alternatives.has(entry.key)) continue;
        if (here(entry)) keywords.set(entry.key, entry.values[0]!.node);
        else if (entry.values.every((value) => value.module === this.module)) alternatives.set(entry.key, entry.values.map((value) => value.node));
      }
    }
    return { ...args, keywords, doubleStarred, alternatives };
  }

  /** A dict entry's values; another module's are told at the expression of this file that reads them. */
  entryStrings(values: readonly PythonExpression[], at: SyntaxNode): StringAlternative[] {
    return values.flatMap((value) => {
      const alternatives = this.values.strings(value.module, value.node);
      return value.module === this.module ? alternatives : alternatives.map((alternative) => ({ ...alternative, node: this.node(at, 'PythonExpression') }));
    });
  }

  /** The dict a keyword holds, following a dotted path into nested dicts (`client_kwargs.default_headers`). */
  keywordDict(args: CallArguments, path: string): DictShape | null | 'missing' {
    const [first, ...rest] = path.split('.');
    const value = args.keywords.get(first!);
    if (!value) return 'missing';
    let shape = this.values.dict(this.module, value);
    for (const key of rest) {
      if (!shape) return null;
      const entry = dictEntry(shape, key, false);
      if (!entry) return shape.complete ? 'missing' : null;
      if (entry.values.length !== 1) return null;
      shape = this.values.dict(entry.values[0]!.module, entry.values[0]!.node);
    }
    return shape;
  }

  /** Where a keyword's (nested) value is written in this file, to underline: the innermost dict this file spells out. */
  keywordValueNode(args: CallArguments, path: string): SyntaxNode {
    const [first, ...rest] = path.split('.');
    let at = args.keywords.get(first!)!;
    for (const key of rest) {
      const shape = this.values.dict(this.module, at);
      const entry = shape ? dictEntry(shape, key, false) : null;
      const inner = entry?.values.length === 1 ? entry.values[0]! : null;
      if (!inner || inner.module !== this.module) break;
      at = inner.node;
    }
    return at;
  }

  /** What a call passes through option keywords and header dicts, over what lies beneath it (a session's or a global's headers). */
  attribution(args: CallArguments, options: ClientRow['options'], headersKeywords: readonly string[], beneath: Fields | null): CallAttribution {
    const found: Record<AttributionField, FieldValue[]> = { referer: [], title: [], categories: [] };
    let open = args.doubleStarred.length > 0;
    let headersReadable = !open;
    for (const field of ATTRIBUTION_FIELDS) {
      for (const keyword of options[field] ?? []) {
        const value = args.keywords.get(keyword);
        if (value) found[field].push({ alternatives: this.strings(value) });
      }
    }
    for (const keyword of headersKeywords) {
      const shape = this.keywordDict(args, keyword);
      const at = args.keywords.get(keyword.split('.')[0]!)!;
      if (shape === 'missing') continue;
      if (!shape || !shape.complete) {
        open = true;
        headersReadable = false;
      }
      // Header names are one name whatever their case: the last spelling written is the one sent.
      const byName = new Map<string, DictEntry>();
      for (const entry of shape?.entries ?? []) byName.set(entry.key.toLowerCase(), entry);
      for (const [name, entry] of byName) {
        const field = HEADER_FIELDS.get(name);
        if (!field) continue;
        found[field].push({ alternatives: this.entryStrings(entry.values, at) });
      }
    }
    const fields = {} as Fields;
    for (const field of ATTRIBUTION_FIELDS) {
      if (found[field].length > 0) fields[field] = { state: 'present', values: found[field] };
      else if (open) fields[field] = UNKNOWN;
      else fields[field] = beneath?.[field] ?? ABSENT;
    }
    return { fields, headersReadable };
  }

  /**
   * The headers of the HTTP client a call is given (`http_client=httpx.AsyncClient(headers=...)`), sent
   * beneath the call's own; null when it is given none. A client the file does not show being built
   * (or several that differ) leaves a field unknown.
   */
  httpClientHeaders(row: PythonClientRow, args: CallArguments): CallAttribution | null {
    const given: CallAttribution[] = [];
    for (const keyword of row.python.httpClientKeywords ?? []) {
      const value = args.keywords.get(keyword);
      if (!value) continue;
      const target = unparenthesised(value);
      if (target.name === 'None') continue;
      const construction = target.name === 'VariableName' ? this.values.singleValue(this.module, target) : target;
      const callee = construction?.name === 'CallExpression' ? construction.firstChild : null;
      const qualified = callee ? this.values.qualifiedName(this.module, callee) : null;
      if (!construction || !qualified || !HTTP_CLIENTS.has(qualified)) {
        given.push({ fields: { referer: UNKNOWN, title: UNKNOWN, categories: UNKNOWN }, headersReadable: false });
        continue;
      }
      given.push(this.sessionHeaderWrites(construction, this.attribution(this.args(construction), {}, ['headers'], null)));
    }
    if (given.length <= 1) return given[0] ?? null;
    const fields = {} as Fields;
    for (const field of ATTRIBUTION_FIELDS) {
      const states = given.map((client) => client.fields[field]);
      if (states.every((state) => state.state === 'present')) fields[field] = { state: 'present', values: states.flatMap((state) => (state.state === 'present' ? state.values : [])) };
      else fields[field] = states.every((state) => state.state === 'absent') ? ABSENT : UNKNOWN;
    }
    return { fields, headersReadable: given.every((client) => client.headersReadable) };
  }

  /** Whether the call passes the row's gate: always, an OpenRouter base URL, an `openrouter/` model, a token endpoint. */
  passesGate(gate: PythonGate, args: CallArguments, method: string | null, baseUrls: readonly StringAlternative[] | null): boolean {
    if (gate.kind === 'always') return true;
    if (gate.kind === 'baseUrl') {
      return gate.keywords.some((keyword) => argumentValues(args, [keyword], null).some((value) => pointsToOpenRouter(this.strings(value))));
    }
    if (gate.kind === 'model') {
      // A branch the code spells with an OpenRouter prefix (`f"openrouter/{model}"` for one provider of several)
      // sends there whenever it runs, as an OpenRouter base URL among a base URL's values does; a model computed
      // elsewhere says nothing. A whole read of the environment is left to the literal it falls back to
      // (`os.getenv("MODEL", "openrouter/…")`), as a base URL's is; with none it says nothing.
      return argumentValues(args, gate.keywords, gate.position).some((value) =>
        this.strings(value).some((alternative) => {
          const start = alternative.pieces[0];
          return !isEnvironmentRead(alternative) && typeof start === 'string' && gate.prefixes.some((prefix) => start.startsWith(prefix));
        }),
      );
    }
    if (gate.body) {
      // No body, no POST (`Request(url)` is a GET); a method given must be POST.
      if (!argumentOf(args, [gate.body.keyword], gate.body.position)) return false;
      const given = args.keywords.get('method');
      if (given && !this.strings(given).map(exactText).some((name) => name === null || name.toUpperCase() === 'POST')) return false;
    }
    // `request("POST", url)`, `stream("POST", url)`: the method comes first.
    const methodFirst = method === 'request' || method === 'stream';
    const urlNode = argumentOf(args, gate.keywords, methodFirst ? gate.position + 1 : gate.position);
    if (!urlNode) return false;
    if (methodFirst) {
      const methodNode = argumentOf(args, ['method'], 0);
      const methods = methodNode ? this.strings(methodNode).map(exactText) : [null];
      if (!methods.some((name) => name === null || name.toUpperCase() === 'POST')) return false;
    }
    let urls = this.strings(urlNode);
    if (baseUrls && baseUrls.length > 0) {
      // A relative URL of a client with a base URL (`httpx.Client(base_url=...)`) is joined to it.
      urls = urls.flatMap((url) => {
        const first = url.pieces[0];
        if (typeof first === 'string' && /^[a-z][a-z\d+.-]*:\/\//i.test(first)) return [url];
        return baseUrls.map((base) => ({ pieces: [...base.pieces, ...url.pieces], node: url.node }));
      });
    }
    const kinds = urls.map((url) => requestKind(normalised(url)));
    if (kinds.includes('token')) return true;
    if (!kinds.includes('unknown')) return false;
    // An OpenRouter URL of unknown path counts when its body is a chat request.
    const body = args.keywords.get('json');
    const shape = body ? this.values.dict(this.module, body) : null;
    return !!shape && !!dictEntry(shape, 'messages', false);
  }

  /** The row's header keywords and ignored options under the versions the project pins (`rows.ts`, `pinned`). */
  keywordsAsPinned(row: PythonClientRow): { headersKeywords: readonly string[]; ignoredOptions: readonly string[] } {
    const pinned = row.python.pinned;
    const file = this.module.file;
    if (!pinned || !file || pinnedMajor(projectRoot(file), pinned.package) !== pinned.major) return { headersKeywords: row.python.headersKeywords, ignoredOptions: row.ignoredOptions };
    return {
      headersKeywords: row.python.headersKeywords.filter((keyword) => !pinned.ignoredHeaders.includes(keyword)),
      ignoredOptions: [...row.ignoredOptions, ...pinned.ignoredHeaders],
    };
  }

  site(
    row: PythonClientRow,
    call: SyntaxNode,
    attribution: CallAttribution,
    requests: readonly RequestSite[],
    args: CallArguments | null = null,
    headersKeywords = row.python.headersKeywords,
    ignoredOptions = row.ignoredOptions,
  ): OpenRouterSite {
    const headers: HeadersState = attribution.headersReadable ? { kind: 'missing', parent: null, remaining: [] } : { kind: 'unknown' };
    return {
      language: 'python',
      row: row as ClientRow,
      node: this.node(call, 'PythonCall') as unknown as ClientCall,
      reportNode: this.node(call.firstChild ?? call, 'PythonCallee'),
      scope: null as unknown as Scope,
      options: { kind: 'unknown' },
      headers,
      fields: attribution.fields,
      requests,
      wrapperCall: null,
      // Keywords the client ignores although attribution is put there (`default_headers=` on the official SDK).
      ignoredOptions: args ? ignoredOptions.filter((name) => this.keywordDict(args, name) !== 'missing') : [],
      misplaced: args ? [...this.ignoredAttribution(ignoredOptions, args, attribution.fields), ...this.misspeltHeaders(args, headersKeywords, attribution.fields)] : [],
    };
  }

  /**
   * Headers of the call's own dicts that OpenRouter does not read (`Referer`, `HTTP-Referrer`, `X-Titel`),
   * for fields the site certainly sends nowhere else: no-ignored-attribution's finding, at the name.
   */
  misspeltHeaders(args: CallArguments, keywords: readonly string[], fields: Fields): MisplacedAttribution[] {
    const found: MisplacedAttribution[] = [];
    for (const keyword of keywords) {
      const shape = this.keywordDict(args, keyword);
      if (!shape || shape === 'missing') continue;
      for (const entry of shape.entries) {
        if (HEADER_FIELDS.has(entry.key.toLowerCase())) continue;
        const referer = isRefererHeader(entry.key);
        const field = referer ? 'referer' : nearMissField(entry.key);
        const value = entry.values.length === 1 && entry.values[0]!.module === this.module ? entry.values[0]!.node : null;
        if (!field || fields[field].state !== 'absent' || !value) continue;
        // The key of a dict literal's entry: what is misspelt.
        const key = value.parent?.name === 'DictionaryExpression' && value.prevSibling?.name === ':' ? value.prevSibling.prevSibling : null;
        const at = this.node(key ?? value, 'PythonExpression');
        // No literal: the rename is not planned in Python source, so the finding comes without a fix.
        const container = { entries: [], complete: false, literal: null, editable: false };
        found.push({ kind: referer ? 'refererHeader' : 'nearMiss', header: entry.key, field, entry: { key: entry.key, value: at, scope: null as unknown as Scope }, container });
      }
    }
    return found;
  }

  /**
   * Attribution headers written in a keyword the client never reads (`default_headers=` on the official
   * SDK, CrewAI's `model_kwargs={"extra_headers": ...}`), for the fields the site sends nowhere else:
   * no-ignored-attribution's finding, so require-referer does not report the same mistake again.
   */
  ignoredAttribution(ignoredOptions: readonly string[], args: CallArguments, fields: Fields): MisplacedAttribution[] {
    const found: MisplacedAttribution[] = [];
    for (const option of ignoredOptions) {
      const shape = this.keywordDict(args, option);
      if (!shape || shape === 'missing') continue;
      const carried = new Set(shape.entries.map((entry) => HEADER_FIELDS.get(entry.key.toLowerCase())));
      const lost = ATTRIBUTION_FIELDS.filter((field) => carried.has(field) && fields[field].state !== 'present');
      if (lost.length === 0) continue;
      const at = this.node(this.keywordValueNode(args, option), 'PythonExpression');
      // No container: nothing here plans an edit of Python source, so the finding is reported without a fix.
      const entry = { key: option, value: at as unknown as ObjectEntry['value'], scope: null as unknown as Scope, mayBeOverridden: false, editable: false };
      found.push({ kind: 'ignoredOption', option, fields: lost, entry, container: null });
    }
    return found;
  }

  /**
   * Calls through the client a name holds (`client.chat.completions.create(..., extra_headers=...)`) that
   * may pass attribution of their own: some attribution header or option spelled out, or headers the file
   * does not show whole. A call whose headers certainly hold none (`extra_headers={"X-Trace": id}`) is not one.
   */
  requestsThrough(row: PythonClientRow, construction: SyntaxNode, fields: Fields): RequestSite[] {
    const keywords = row.python.requestKeywords;
    if (keywords.length === 0) return [];
    const optionNames = new Set(Object.values(row.options).flat());
    const headerKeywords = keywords.filter((keyword) => !optionNames.has(keyword));
    const requests: RequestSite[] = [];
    for (const call of this.holders.callsThrough(construction)) {
      if (!this.values.budget.charge()) break;
      // `create(model=m, **kwargs)` forwarding a function's own `**kwargs`: what the project's calls of it pass.
      const args = this.forwardedDropped(call, this.args(call), [row]);
      if (!keywords.some((keyword) => args.keywords.has(keyword)) && args.doubleStarred.length === 0) continue;
      const request = this.requestSite(call, args, row.options, headerKeywords, fields);
      if (request) requests.push(request);
    }
    return requests;
  }

  /**
   * `session.post(url, headers=h, ...)` on a session the function is handed as a parameter, to an OpenRouter
   * token endpoint, with headers the file shows whole: whatever client the session is, these are the headers
   * it sends, unless it carries defaults of its own. So only in a project that spells no attribution anywhere
   * and defines no `post` of its own (which might add some) is it a site.
   */
  handedSessionRequests(): OpenRouterSite[] {
    const sites: OpenRouterSite[] = [];
    for (const { node: call } of this.module.index.calls) {
      const callee = call.firstChild;
      const receiver = callee?.name === 'MemberExpression' ? callee.firstChild : null;
      if (!receiver || receiver.name !== 'VariableName' || callee!.lastChild?.name !== 'PropertyName' || this.text(callee!.lastChild) !== 'post') continue;
      if (!this.values.budget.charge()) break;
      const found = this.values.bindingsOf(this.module, receiver);
      const binding = found?.bindings.length === 1 ? found.bindings[0] : null;
      if (binding?.kind !== 'parameter' || binding.defaultValue || binding.keywordsOf) continue;
      const args = this.args(call);
      if (args.doubleStarred.length > 0 || !args.keywords.has('headers')) continue;
      const url = argumentOf(args, ['url'], 0);
      const kinds = url ? this.strings(url).map((alternative) => requestKind(normalised(alternative))) : [];
      if (kinds.length === 0 || kinds.some((kind) => kind !== 'token')) continue;
      const attribution = this.attribution(args, {}, ['headers'], null);
      if (!attribution.headersReadable || !this.module.file) continue;
      if (!this.handedPlainSessions(receiver, binding.at) && projectMayAttributeSessions(this.module, projectRoot(this.module.file))) continue;
      sites.push(this.site(HANDED_SESSION_ROW, call, attribution, [], args, ['headers']));
    }
    return sites;
  }

  /**
   * Whether every call of the private function that is handed the session passes one built here with no
   * headers of its own (`async with httpx.AsyncClient(timeout=30) as client: await self._send(client, ...)`):
   * then the request sends what it shows, whatever the rest of the project spells.
   */
  private handedPlainSessions(parameter: SyntaxNode, at: number): boolean {
    const callers = this.values.callerArguments(this.module, parameter, at);
    if (!callers || callers.defaulted || callers.given.length === 0) return false;
    return callers.given.every(({ module, node }) => {
      const built = node.name === 'VariableName' ? this.values.singleValue(module, node) : null;
      const qualified = built?.name === 'CallExpression' && built.firstChild ? this.values.qualifiedName(module, built.firstChild) : null;
      if (!qualified || !pythonRowsFor(qualified)[0]?.python.session) return false;
      const args = callArguments(module.index.parse.text, built!);
      return !args.keywords.has('headers') && args.doubleStarred.length === 0 && !args.starred;
    });
  }

  /** A request of a site when it may pass attribution of its own, with what it sends over the site's own fields. */
  requestSite(call: SyntaxNode, args: CallArguments, options: ClientRow['options'], headerKeywords: readonly string[], beneath: Fields): RequestSite | null {
    const own = this.attribution(args, options, headerKeywords, null).fields;
    if (ATTRIBUTION_FIELDS.every((field) => own[field].state === 'absent')) return null;
    return { node: this.node(call, 'PythonCall'), reportNode: this.node(call.firstChild ?? call, 'PythonCallee'), fields: this.attribution(args, options, headerKeywords, beneath).fields };
  }

  /** `litellm.headers = {...}` and `os.environ["OR_SITE_URL"] = ...` written in the file: what LiteLLM sends beneath a call's own. */
  liteLlmGlobals(): Fields {
    const fields: Fields = { referer: ABSENT, title: ABSENT, categories: ABSENT };
    for (const write of this.module.index.attributeWrites) {
      const target = write.target;
      const object = target.firstChild;
      if (!object) continue;
      if (this.values.qualifiedName(this.module, target) === 'litellm.headers') {
        const shape = this.values.dict(this.module, write.value);
        for (const field of ATTRIBUTION_FIELDS) {
          const entries = shape?.entries.filter((entry) => HEADER_FIELDS.get(entry.key.toLowerCase()) === field) ?? [];
          if (entries.length > 0) fields[field] = { state: 'present', values: entries.map((entry) => ({ alternatives: this.entryStrings(entry.values, write.value) })) };
          else if (!shape || !shape.complete) fields[field] = UNKNOWN;
        }
      } else if (object.nextSibling?.name === '[' && this.values.qualifiedName(this.module, object) === 'os.environ') {
        const key = object.nextSibling.nextSibling;
        const name = key ? exactText(this.strings(key)[0] ?? { pieces: [], node: null as unknown as Node }) : null;
        const field = name ? LITELLM_ENV[name] : undefined;
        if (field) fields[field] = { state: 'present', values: [{ alternatives: this.strings(write.value) }] };
      }
    }
    return fields;
  }

  /** The name a member chain starts from (`requests` of `requests.post`), past 16 links at most. */
  private chainRoot(node: SyntaxNode): SyntaxNode {
    let root = node;
    for (let step = 0; root.name === 'MemberExpression' && root.firstChild && step < 16; step++) root = root.firstChild;
    return root;
  }

  private isImportedName(node: SyntaxNode): boolean {
    return node.name === 'VariableName' && this.module.index.importedNames.has(this.text(node));
  }

  /** The imported function `asyncio.to_thread(f, *args, **kwargs)` runs, and the arguments it is called with. */
  private ranFunction(call: SyntaxNode, runner: string): { qualified: string; args: CallArguments } | null {
    const args = this.args(call);
    const fn = args.positional[0];
    if (!fn || args.starred || !this.isImportedName(this.chainRoot(fn))) return null;
    // A partial's later call may add arguments: only one that binds the headers already sends what it shows.
    if (runner === 'functools.partial' && !HEADER_KEYWORDS.some((keyword) => args.keywords.has(keyword))) return null;
    const qualified = this.values.qualifiedName(this.module, fn);
    return qualified ? { qualified, args: { ...args, positional: args.positional.slice(1) } } : null;
  }

  find(): OpenRouterSite[] {
    const sites: OpenRouterSite[] = [];
    let liteLlm: Fields | null = null;
    const sessions: { row: PythonClientRow; call: SyntaxNode }[] = [];
    const routers: SyntaxNode[] = [];
    const routerWrappers: SyntaxNode[] = [];
    for (const { node: call } of this.module.index.calls) {
      const callee = call.firstChild;
      if (!callee || callee.name === 'ArgList') continue;
      const root = this.chainRoot(callee);
      const base = root.name === 'CallExpression' ? this.superConstructed(callee) : null;
      if (!base && !this.isImportedName(root)) continue;
      const calleeName = base ?? this.values.qualifiedName(this.module, callee);
      // `await asyncio.to_thread(requests.post, url, headers=h)`: the function it runs, called with the rest.
      const ran = !base && calleeName && RUNNERS.has(calleeName) ? this.ranFunction(call, calleeName) : null;
      const qualified = ran?.qualified ?? calleeName;
      if (!base && qualified && LITELLM_ROUTERS.has(qualified)) {
        routers.push(call);
        continue;
      }
      if (!base && qualified === 'instructor.from_litellm') {
        routerWrappers.push(call);
        continue;
      }
      const rows = qualified ? pythonRowsFor(qualified) : [];
      if (rows.length === 0) continue;
      if (rows[0]!.python.session) {
        if (!base && !ran) sessions.push({ row: rows[0]!, call });
        continue;
      }
      const given = this.forwardedDropped(call, ran ? ran.args : this.args(call), rows);
      const method = qualified!.slice(qualified!.lastIndexOf('.') + 1);
      const row = rows.find((candidate) => this.passesGate(candidate.python.gate, given, method, null));
      if (!row) continue;
      const args = withPositionalHeaders(row, given);
      if (row.python.viaLiteLlm) liteLlm ??= this.liteLlmGlobals();
      const viaClient = this.httpClientHeaders(row, args);
      const { headersKeywords, ignoredOptions } = this.keywordsAsPinned(row);
      const own = this.attribution(args, row.options, headersKeywords, row.python.viaLiteLlm ? liteLlm : (viaClient?.fields ?? null));
      const attribution = { fields: own.fields, headersReadable: own.headersReadable && (viaClient?.headersReadable ?? true) };
      const requests = this.requestsThrough(row, call, attribution.fields);
      sites.push(this.site(row, call, { ...attribution, fields: mayComePerRequest(attribution.fields, requests) }, requests, args, headersKeywords, ignoredOptions));
    }
    for (const session of sessions) sites.push(...this.sessionRequests(session.row, session.call));
    sites.push(...this.handedSessionRequests());
    if (routers.length > 0) sites.push(...this.routerDeploymentSites(routers, routerWrappers, (liteLlm ??= this.liteLlmGlobals())));
    sites.push(...this.legacyOpenAi());
    sites.push(...this.ag2ConfigSites());
    return sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  /**
   * The client a `super().__init__(...)` call constructs: in `__init__` of a project class whose base is
   * a client (`class ChatOpenRouter(ChatOpenAI)`), the super call is that client's construction, whether
   * or not the file builds the class. Null for any other call.
   */
  superConstructed(callee: SyntaxNode): string | null {
    const inner = callee.firstChild;
    if (callee.name !== 'MemberExpression' || callee.lastChild?.name !== 'PropertyName' || this.text(callee.lastChild) !== '__init__') return null;
    if (inner?.name !== 'CallExpression' || inner.firstChild?.name !== 'VariableName' || this.text(inner.firstChild) !== 'super') return null;
    const method = enclosing(callee, 'FunctionDefinition');
    const name = method ? childNamed(method, 'VariableName') : null;
    const owner = method?.parent?.parent;
    if (!name || this.text(name) !== '__init__' || owner?.name !== 'ClassDefinition') return null;
    const bases = childNamed(owner, 'ArgList');
    const clients = (bases ? meaningfulChildren(bases) : []).flatMap((base) => {
      const qualified = base.name === 'VariableName' || base.name === 'MemberExpression' ? this.values.qualifiedName(this.module, base) : null;
      return qualified && pythonRowsFor(qualified).length > 0 ? [qualified] : [];
    });
    // A class of two client bases: which `__init__` the call reaches is the MRO's, not followed.
    return clients.length === 1 ? clients[0]! : null;
  }

  /**
   * The arguments with `**kwargs` left out where it forwards the `**` parameter of the function around
   * the call, and no call of that function (of its class, for `__init__`) anywhere in the project passes
   * the row's attribution keywords: then it carries none of them. Kept where the file writes into it.
   * In a project no file of which spells attribution or one of those keywords, a `**` of a name or its parts
   * (not of a call's result) carries none either, wherever it comes from: the headers would have to be named.
   */
  forwardedDropped(call: SyntaxNode, args: CallArguments, rows: readonly PythonClientRow[]): CallArguments {
    if (args.doubleStarred.length === 0) return args;
    const keywords = new Set<string>();
    for (const row of rows) {
      for (const keyword of [...row.python.headersKeywords, ...row.python.requestKeywords, ...(row.python.httpClientKeywords ?? []), ...Object.values(row.options).flat()]) keywords.add(keyword.split('.')[0]!);
    }
    const unspelled = args.doubleStarred.some(isNamedValue) && !!this.module.file && !projectSpells(this.module, projectRoot(this.module.file), attributionOrKeywords(keywords));
    const spreads = unspelled ? args.doubleStarred.filter((spread) => !isNamedValue(spread)) : args.doubleStarred;
    const kept = spreads.filter((spread) => {
      if (this.forwardsNone(this.module, spread, keywords, 0)) return false;
      const callable = spread.name === 'VariableName' ? this.forwardingCallable(spread, keywords) : null;
      return !callable || projectCallsMayPass(this.module, this.module.file ? projectRoot(this.module.file) : null, callable, keywords);
    });
    return kept.length === args.doubleStarred.length ? args : { ...args, doubleStarred: kept };
  }

  /**
   * Whether `**spread`, the untouched `**` parameter of a function whose calls are all known (a private method's
   * `self._send(**kwargs)`), passes none of `keywords`: no call names one, and each `**dict` a call passes is a
   * dict shown whole without them, or the same kind of parameter of its own function (followed 3 deep).
   */
  private forwardsNone(module: PythonModule, spread: SyntaxNode, keywords: ReadonlySet<string>, depth: number): boolean {
    if (spread.name !== 'VariableName' || depth > 3 || !this.values.budget.charge()) return false;
    const text = module.index.parse.text;
    const found = this.values.bindingsOf(module, spread);
    const binding = found?.bindings.length === 1 ? found.bindings[0] : null;
    if (binding?.kind !== 'parameter' || !binding.keywordsOf || !writesAddNone(module, text.slice(spread.from, spread.to), keywords)) return false;
    let fn: SyntaxNode | null = spread.parent;
    while (fn && !(fn.name === 'FunctionDefinition' && childNamed(fn, 'ParamList')?.from === binding.at)) fn = fn.parent;
    const list = fn && childNamed(fn, 'ParamList');
    const calls = list ? callsOfFunction(module, list, (cost) => this.values.budget.charge(cost)) : null;
    return !!calls && calls.length > 0 && calls.every(({ module: caller, call }) => {
      const args = callArguments(caller.index.parse.text, call);
      if (args.starred || [...args.keywords.keys()].some((keyword) => keywords.has(keyword))) return false;
      return args.doubleStarred.every((given) => {
        if (this.forwardsNone(caller, given, keywords, depth + 1)) return true;
        const shape = this.values.dict(caller, given);
        return !!shape && shape.complete && !shape.entries.some((entry) => keywords.has(entry.key));
      });
    });
  }

  /** The name callers call a function by, when `name` is its untouched `**` parameter: the class for `__init__`. */
  forwardingCallable(spread: SyntaxNode, keywords: ReadonlySet<string>): string | null {
    const name = this.text(spread);
    const found = this.values.bindingsOf(this.module, spread, name);
    const binding = found?.bindings.length === 1 ? found.bindings[0] : null;
    if (binding?.kind !== 'parameter' || !binding.keywordsOf || found!.scope.kind !== 'function') return null;
    return forwardedCallable(this.module, spread, keywords);
  }

  /**
   * `s = requests.Session()` / `with httpx.Client(base_url=...) as c:` then `s.post(url, headers=...)`: each
   * token request is a site. A client on an OpenRouter base URL is itself the site, whatever it later calls
   * (as an SDK client on that base is), and its requests that pass headers are that site's requests. A client
   * given a mock transport sends nothing.
   */
  sessionRequests(row: PythonClientRow, construction: SyntaxNode): OpenRouterSite[] {
    const shape = row.python.session!;
    const constructionArgs = this.args(construction);
    if (this.mocked(constructionArgs)) return [];
    const baseNode = argumentOf(constructionArgs, shape.baseUrlKeywords, null);
    const baseUrls = baseNode ? this.strings(baseNode) : null;
    const beneath = this.sessionHeaderWrites(construction, this.attribution(constructionArgs, {}, ['headers'], null));
    const onOpenRouter = !!baseUrls && pointsToOpenRouter(baseUrls);
    const sites: OpenRouterSite[] = [];
    const requests: RequestSite[] = [];
    // A session the class may be handed instead (`self.session = session`) sends what this one does when no
    // file of the project could have given it attribution, as a handed session does (handedSessionRequests).
    const handedAlike = !!this.module.file && !projectMayAttributeSessions(this.module, projectRoot(this.module.file));
    const keys = new Set(this.holders.holderKeys(construction, handedAlike));
    for (const call of this.holders.callsThrough(construction, handedAlike)) {
      if (!this.values.budget.charge()) break;
      const callee = call.firstChild!;
      // `s.post(...)` and `self.session.post(...)` themselves, not `s.headers.update(...)`.
      if (callee.lastChild?.name !== 'PropertyName' || !callee.firstChild || !this.holders.holds(callee.firstChild, keys)) continue;
      const method = this.text(callee.lastChild);
      if (!shape.methods.includes(method)) continue;
      const args = this.args(call);
      if (onOpenRouter) {
        const request = this.requestSite(call, args, {}, ['headers'], beneath.fields);
        if (request) requests.push(request);
        continue;
      }
      if (!this.passesGate(row.python.gate, args, method, baseUrls)) continue;
      const attribution = this.attribution(args, {}, ['headers'], beneath.fields);
      sites.push(this.site(row, call, { fields: attribution.fields, headersReadable: attribution.headersReadable && beneath.headersReadable }, [], args, ['headers']));
    }
    if (onOpenRouter) sites.push(this.site(baseUrlRow(row), construction, { ...beneath, fields: mayComePerRequest(beneath.fields, requests) }, requests, constructionArgs, ['headers']));
    return sites;
  }

  /** `transport=httpx.MockTransport(handler)`: the client's requests are answered in the process. */
  mocked(args: CallArguments): boolean {
    const given = args.keywords.get('transport');
    if (!given) return false;
    let transport: SyntaxNode | null = unparenthesised(given);
    if (transport.name === 'VariableName') transport = this.values.singleValue(this.module, transport);
    const callee = transport?.name === 'CallExpression' ? transport.firstChild : null;
    return !!callee && this.values.qualifiedName(this.module, callee) === 'httpx.MockTransport';
  }

  /**
   * `s.headers["HTTP-Referer"] = ...` and `s.headers.update({...})` on a session: headers every request of
   * it sends. A write the file does not spell out leaves the fields it does not name unknown.
   */
  sessionHeaderWrites(construction: SyntaxNode, initial: CallAttribution): CallAttribution {
    const fields = { ...initial.fields };
    let headersReadable = initial.headersReadable;
    const keys = new Set(this.holders.holderKeys(construction));
    // `s.headers` of this session: a member `headers` right on what holds it.
    const isSessionHeaders = (node: SyntaxNode | null): boolean =>
      node?.name === 'MemberExpression' && node.lastChild?.name === 'PropertyName' && this.text(node.lastChild) === 'headers' && !!node.firstChild && this.holders.holds(node.firstChild, keys);
    const add = (field: AttributionField, alternatives: StringAlternative[]): void => {
      const state = fields[field];
      fields[field] = { state: 'present', values: [...(state.state === 'present' ? state.values : []), { alternatives }] };
    };
    const unreadable = (): void => {
      headersReadable = false;
      for (const field of ATTRIBUTION_FIELDS) if (fields[field].state !== 'present') fields[field] = UNKNOWN;
    };
    for (const write of this.module.index.attributeWrites) {
      const object = write.target.firstChild;
      const key = object?.nextSibling?.name === '[' ? object.nextSibling.nextSibling : null;
      if (!key || !isSessionHeaders(object)) continue;
      const names = this.strings(key).map(exactText);
      const name = names.length === 1 ? names[0] : null;
      if (name === null || name === undefined) unreadable();
      else {
        const field = HEADER_FIELDS.get(name.toLowerCase());
        if (field) add(field, this.strings(write.value));
      }
    }
    for (const call of this.holders.callsThrough(construction)) {
      const callee = call.firstChild!;
      if (callee.lastChild?.name !== 'PropertyName' || this.text(callee.lastChild) !== 'update' || !isSessionHeaders(callee.firstChild)) continue;
      const [value] = this.args(call).positional;
      const shape = value ? this.values.dict(this.module, value) : null;
      if (!shape || !shape.complete) unreadable();
      for (const entry of shape?.entries ?? []) {
        const field = HEADER_FIELDS.get(entry.key.toLowerCase());
        if (field) add(field, this.entryStrings(entry.values, value!));
      }
    }
    return { fields, headersReadable };
  }

  /**
   * The deployments of LiteLLM routers sent to OpenRouter: each one's `litellm_params` dict is a site,
   * read as the keywords of the `completion()` it becomes, through the rows of `completion()` (an
   * `openrouter/` model sends LiteLLM's identity, another model on an OpenRouter base sends none). Keywords
   * the router is built with or called with go over the deployment's: `default_litellm_params` the file does
   * not show without headers leaves them unknown, and calls through the router (or the function of it that
   * `instructor.from_litellm` wraps) passing headers are its requests.
   */
  routerDeploymentSites(routers: readonly SyntaxNode[], wrappers: readonly SyntaxNode[], liteLlm: Fields): OpenRouterSite[] {
    // A model list given to several routers is one set of deployments, with every router's calls.
    const lists = new Map<SyntaxNode, { overridden: boolean; calls: SyntaxNode[] }>();
    const wrapped = this.wrappedRouters(wrappers);
    for (const router of routers) {
      const list = routerModelList(this.values, this.module, router);
      if (!list || !this.values.budget.charge()) continue;
      const routerArgs = this.args(router);
      const defaults = routerArgs.keywords.get('default_litellm_params');
      const defaultsShape = defaults ? this.values.dict(this.module, defaults) : null;
      const overridden = routerArgs.doubleStarred.length > 0 || (!!defaults && (!defaultsShape || !defaultsShape.complete || LITELLM_HEADER_KEYWORDS.some((keyword) => dictEntry(defaultsShape, keyword, false))));
      const entry = lists.get(list) ?? { overridden: false, calls: [] };
      lists.set(list, entry);
      entry.overridden ||= overridden;
      if (entry.calls.length <= MAX_ROUTER_REQUESTS) entry.calls.push(...this.routerCalls(router, wrapped));
    }
    const rows = pythonRowsFor('litellm.completion');
    const sites: OpenRouterSite[] = [];
    for (const [list, { overridden, calls }] of lists) {
      // Past the bound, what the calls pass is not followed: the deployments' fields stay unknown.
      const followed = calls.length <= MAX_ROUTER_REQUESTS;
      for (const params of listedDeployments(this.values, this.module, list)) {
        const shape = this.values.dict(params.module, params.node);
        if (!shape) continue;
        const args = this.deploymentArguments(shape, params.node, overridden || !followed);
        const row = rows.find((candidate) => this.passesGate(candidate.python.gate, args, 'completion', null));
        if (!row) continue;
        const own = this.attribution(args, row.options, row.python.headersKeywords, liteLlm);
        const requests = followed ? calls.flatMap((call) => this.requestSite(call, this.args(call), {}, LITELLM_HEADER_KEYWORDS, own.fields) ?? []) : [];
        const site = this.site(row, params.node, { ...own, fields: mayComePerRequest(own.fields, requests) }, requests, args);
        const at = this.node(params.node, 'PythonDict');
        sites.push({ ...site, node: at as unknown as ClientCall, reportNode: at });
      }
    }
    return sites;
  }

  /** `instructor.from_litellm(router.completion)` by what the wrapped function is called on: its calls are the router's. */
  wrappedRouters(wrappers: readonly SyntaxNode[]): Map<string, SyntaxNode[]> {
    const byHolder = new Map<string, SyntaxNode[]>();
    for (const call of wrappers) {
      if (!this.values.budget.charge()) break;
      const [wrapped] = this.args(call).positional;
      const key = wrapped?.name === 'MemberExpression' ? this.holders.holderOf(wrapped) : null;
      if (key) byHolder.set(key, [...(byHolder.get(key) ?? []), call]);
    }
    return byHolder;
  }

  /**
   * A deployment's params as call arguments: each key the file spells out here is a keyword; a dict not
   * shown whole, a key whose value lies elsewhere, or keywords the router puts over them open it.
   */
  deploymentArguments(shape: DictShape, at: SyntaxNode, overridden: boolean): CallArguments {
    const keywords = new Map<string, SyntaxNode>();
    let open = overridden || !shape.complete;
    for (const entry of shape.entries) {
      const value = entry.values.length === 1 && entry.values[0]!.module === this.module ? entry.values[0]!.node : null;
      if (value) keywords.set(entry.key, value);
      else open = true;
    }
    return { positional: [], keywords, starred: false, doubleStarred: open ? [at] : [] };
  }

  /** Calls through a router, or through `instructor.from_litellm(router.completion)`, that may pass headers of their own. */
  routerCalls(router: SyntaxNode, wrapped: ReadonlyMap<string, readonly SyntaxNode[]>): SyntaxNode[] {
    const through = [...this.holders.callsThrough(router)];
    for (const key of this.holders.holderKeys(router)) for (const wrapper of wrapped.get(key) ?? []) through.push(...this.holders.callsThrough(wrapper));
    return through.filter((call) => {
      const args = this.args(call);
      return LITELLM_HEADER_KEYWORDS.some((keyword) => args.keywords.has(keyword)) || args.doubleStarred.length > 0;
    });
  }

  /**
   * AG2's config entries on an OpenRouter `base_url` (`ag2-config.ts`): each is a client, read as the keywords
   * its `OpenAI(...)` and requests get, over the client keys of the `llm_config` or call that lists it. An
   * entry naming another `api_type` is another client. Only in AG2 code: a file that imports it, or a
   * project that depends on it.
   */
  ag2ConfigSites(): OpenRouterSite[] {
    const text = this.parse.text;
    if (!AG2_CONFIG_WORDS.test(text)) return [];
    const file = this.module.file;
    if (!usesAg2(text, () => !!file && AG2_PACKAGES.some((name) => declaresPackage(projectRoot(file), name)))) return [];
    const row = PYTHON_ROWS.find((candidate) => candidate.id === 'python-ag2')!;
    const sites: OpenRouterSite[] = [];
    for (const entry of ag2ConfigEntries(this.values, this.module)) {
      const shape = this.values.dict(this.module, entry.keys);
      if (!shape) continue;
      const args = this.deploymentArguments(shape, entry.at, false);
      if (!this.passesGate(row.python.gate, args, null, null)) continue;
      const apiType = args.keywords.get('api_type');
      if (apiType && !this.strings(apiType).every((alternative) => ['openai', 'responses'].includes(exactText(alternative) ?? ''))) continue;
      const beneath = entry.holder ? this.attribution(this.holderArguments(entry.holder), {}, row.python.headersKeywords, null) : null;
      const own = this.attribution(args, row.options, row.python.headersKeywords, beneath?.fields ?? null);
      const site = this.site(row, entry.at, { fields: own.fields, headersReadable: own.headersReadable && (beneath?.headersReadable ?? true) }, [], args);
      const at = this.node(entry.at, 'PythonDict');
      sites.push({ ...site, node: at as unknown as ClientCall, reportNode: at });
    }
    return sites;
  }

  /** The keywords of the call, or the keys of the `llm_config` dict, that lists config entries. */
  holderArguments(holder: SyntaxNode): CallArguments {
    if (holder.name === 'CallExpression') return this.args(holder);
    const shape = this.values.dict(this.module, holder);
    return shape ? this.deploymentArguments(shape, holder, false) : { positional: [], keywords: new Map(), starred: false, doubleStarred: [holder] };
  }

  /** `openai.api_base = <OpenRouter>` (openai 0.x): the module's traffic goes there; `openai.ChatCompletion.create(headers=...)` attributes it. */
  legacyOpenAi(): OpenRouterSite[] {
    const sites: OpenRouterSite[] = [];
    for (const write of this.module.index.attributeWrites) {
      if (this.values.qualifiedName(this.module, write.target) !== 'openai.api_base') continue;
      if (!pointsToOpenRouter(this.strings(write.value))) continue;
      const statement = write.target.parent ?? write.target;
      const requests: RequestSite[] = [];
      for (const { node: call } of this.module.index.calls) {
        const qualified = call.firstChild ? this.values.qualifiedName(this.module, call.firstChild) : null;
        if (!qualified || !/^openai\.(?:ChatCompletion|Completion|Embedding)\.a?create$/.test(qualified)) continue;
        const request = this.requestSite(call, this.args(call), {}, ['headers'], NONE);
        if (request) requests.push(request);
      }
      sites.push({
        language: 'python',
        row: LEGACY_OPENAI_ROW,
        node: this.node(statement, 'PythonAssignment') as unknown as ClientCall,
        reportNode: this.node(write.target, 'PythonAttribute'),
        scope: null as unknown as Scope,
        options: { kind: 'unknown' },
        headers: { kind: 'missing', parent: null, remaining: [] },
        fields: mayComePerRequest(NONE, requests),
        requests,
        wrapperCall: null,
        ignoredOptions: [],
        misplaced: [],
      });
    }
    return sites;
  }
}

/**
 * A site's fields when its requests may pass attribution: what the construction leaves out may come with
 * each request, so it is not certain there (the rules then check the requests), as in JavaScript.
 */
function mayComePerRequest(fields: Fields, requests: readonly RequestSite[]): Fields {
  if (requests.length === 0) return fields;
  const merged = { ...fields };
  for (const field of ATTRIBUTION_FIELDS) if (merged[field].state === 'absent') merged[field] = UNKNOWN;
  return merged;
}

const baseUrlRows = new Map<PythonClientRow, PythonClientRow>();

/** A session row as the row of a client bound to an OpenRouter base URL: a client, named so in messages. */
function baseUrlRow(row: PythonClientRow): PythonClientRow {
  let client = baseUrlRows.get(row);
  if (!client) {
    client = { ...row, id: row.id.replace(/-session$/, '-client'), gate: { kind: 'baseUrl', options: row.python.session?.baseUrlKeywords ?? [] } };
    baseUrlRows.set(row, client);
  }
  return client;
}

/** openai 0.x, configured by module globals; attribution goes in each call's `headers`. */
const LEGACY_OPENAI_ROW: ClientRow = {
  id: 'python-openai-legacy',
  label: 'openai',
  sources: [],
  call: 'call',
  gate: { kind: 'baseUrl', options: ['api_base'] },
  optionsArgument: -1,
  options: {},
  headersOption: 'headers',
  ignoredOptions: [],
  apiKeyOptions: ['api_key'],
  categoriesForm: 'comma-string',
};

/** Every keyword by which some client takes attribution, its headers or its HTTP client. */
const ATTRIBUTION_KEYWORDS: ReadonlySet<string> = new Set(
  PYTHON_ROWS.flatMap((row) => [...row.python.headersKeywords, ...row.python.requestKeywords, ...(row.python.httpClientKeywords ?? []), ...row.ignoredOptions, ...Object.values(row.options).flat()].map((keyword) => keyword.split('.')[0]!)),
);

/** `kwargs`, `self.options`, `config["llm"]`: a value held by a name, not made by a call (`json.loads(os.environ[...])`). */
function isNamedValue(node: SyntaxNode): boolean {
  if (node.name === 'VariableName') return true;
  return node.name === 'MemberExpression' && !!node.firstChild && isNamedValue(node.firstChild);
}

/** The nearest node of a kind around a node. */
function enclosing(node: SyntaxNode, name: string): SyntaxNode | null {
  let current = node.parent;
  while (current && current.name !== name) current = current.parent;
  return current;
}

/** URL pieces joined where a base URL ends in `/` and a path starts with one. */
function normalised(url: StringAlternative): StringAlternative {
  const pieces = url.pieces.map((piece) => (typeof piece === 'string' ? piece : piece));
  const joined: typeof pieces = [];
  for (const piece of pieces) {
    const last = joined.at(-1);
    if (typeof piece === 'string' && typeof last === 'string') joined[joined.length - 1] = (last.endsWith('/') && piece.startsWith('/') ? last.slice(0, -1) : last) + piece;
    else joined.push(piece);
  }
  return { pieces: joined, node: url.node };
}

/**
 * The top-level packages of every row: a site's callee is imported from one of them, so a file that
 * never names any (most files) has none, and is not indexed.
 */
const CLIENT_PACKAGES = new RegExp(`\\b(?:${[...new Set(PYTHON_ROWS.flatMap((row) => row.python.imports.map((source) => source.module.split('.')[0]!)))].join('|')})\\b`);

export function findPythonSites(parse: PythonParse, file: string | null): OpenRouterSite[] {
  if (!CLIENT_PACKAGES.test(parse.text) && !AG2_CONFIG_WORDS.test(parse.text)) return [];
  return new SiteFinder(parse, file).find();
}

/** The arguments with a row's positional headers (urllib's `Request(url, data, headers)`) read as its headers keyword. */
function withPositionalHeaders(row: PythonClientRow, args: CallArguments): CallArguments {
  const position = row.python.headersPosition;
  const keyword = row.python.headersKeywords[0];
  const value = position === undefined || !keyword || args.keywords.has(keyword) ? undefined : args.positional[position];
  if (!value || !keyword) return args;
  const keywords = new Map(args.keywords);
  keywords.set(keyword, value);
  return { ...args, keywords };
}
