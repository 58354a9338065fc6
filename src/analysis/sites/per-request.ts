/**
 * Attribution given per request instead of at construction:
 * `client.chat.completions.create(body, { headers })`, `client.chat.send({ ..., httpReferer })`,
 * `generateText({ model: provider('m'), headers })`. When a client's calls may carry it, a missing
 * field at construction is not certain, so the rules stay silent; the values those calls spell
 * out are checked like construction values.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, staticKeyName, unwrap, type Node, type ParsedSource } from '../syntax/ast.js';
import { classFieldReads } from '../values/class-fields.js';
import { holder, readsBeyondFile, readsOfStoredClient } from './client-reads.js';
import { type ClientRow } from '../clients/rows.js';
import { HEADER_FIELDS } from '../domain/attribution-headers.js';
import { resolveHeaders } from '../values/header-containers.js';
import { bindingsKey } from '../values/parameter-bindings.js';
import { entryObject, lastEntry, resolveObject, type ObjectEntry, type ObjectShape } from '../values/static-value.js';

const REQUEST_OPTIONS_NAME = /options|opts|config|headers|init/i;

/** Arguments that are never an object of request options. */
const NOT_OBJECTS = new Set(['Literal', 'TemplateLiteral', 'ArrowFunctionExpression', 'FunctionExpression']);

/** Whether a construction is stored in a field of its class (`this.client = new OpenAI(...)`), whose requests the class shows. */
export function isStoredInClassField(node: Node): boolean {
  return classFieldReads(holder(node)) !== null;
}

/** A use that sends the request object as it is: the only argument of a `fetch` (`fetch(request)`, `globalThis.fetch(request)`). */
function sendsAsItIs(use: Node): boolean {
  const call = use.parent;
  if (call?.type !== 'CallExpression' || call.arguments.length !== 1 || call.arguments[0] !== use) return false;
  const callee = unwrap(call.callee);
  return (callee.type === 'Identifier' ? callee.name : memberName(callee)) === 'fetch';
}

/**
 * Whether a request object (`new Request(url, init)`) may be sent with an `init` of its own, which
 * replaces its headers, or changed before it is sent: unless every use sends it as it is.
 */
export function maySendOtherwise(sourceCode: ParsedSource, node: Node): boolean {
  const value = holder(node);
  if (sendsAsItIs(value)) return false;
  const declarator = value.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== value || declarator.id.type !== 'Identifier' || declarator.parent.kind !== 'const') return true;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
  return !variable || variable.references.some((reference) => !reference.init && !sendsAsItIs(reference.identifier));
}

/**
 * A default set by a name that is not attribution: `instance.defaults.headers.common.Authorization = key`,
 * `instance.defaults.timeout = 5000`. Not `defaults.headers = { ... }`, which replaces a whole object.
 */
function setsOtherDefault(target: Node): boolean {
  const assignment = target.parent;
  if (assignment?.type !== 'AssignmentExpression' || assignment.left !== target || assignment.operator !== '=' || target.type !== 'MemberExpression') return false;
  const name = staticKeyName(target);
  if (name === null || name === 'defaults') return false;
  if (!/\.headers\b/.test(memberPath(target))) return true;
  return !['headers', 'common', 'post', 'get', 'put', 'patch', 'delete'].includes(name) && !HEADER_FIELDS.has(name.toLowerCase());
}

/** `a.b.c` of a member chain, computed keys left as `[]`. */
function memberPath(node: Node): string {
  const parts: string[] = [];
  let current: Node = node;
  while (current.type === 'MemberExpression') {
    parts.unshift(memberName(current) ?? '[]');
    current = current.object;
  }
  return `.${parts.join('.')}`;
}

/** Whether a `headers` value may hold an attribution header: unknown, or one is spelled out. */
function headersMayCarry(entry: ObjectEntry | undefined): boolean {
  if (!entry) return false;
  const headers = entry.value && !entry.mayBeOverridden ? resolveHeaders(entry.value, entry.scope) : null;
  return !headers || !headers.complete || headers.entries.some((header) => HEADER_FIELDS.has(header.key.toLowerCase()));
}

/** Whether the headers at a path of request options (`headers`, `modelSettings.headers`) may hold attribution. */
function headersMayCarryAt(shape: ObjectShape, path: string): boolean {
  const [first, ...rest] = path.split('.');
  const entry = lastEntry(shape, first!, true);
  if (rest.length === 0) return headersMayCarry(entry);
  if (!entry) return false;
  // An object on the way that the file does not show whole may hold them.
  const inner = entry.mayBeOverridden ? null : entryObject(entry, 0, false);
  return !inner || !inner.complete || headersMayCarryAt(inner, rest.join('.'));
}

/** Whether an argument may carry attribution: headers holding it, or one of the row's attribution options. */
function mayCarryAttribution(argument: TSESTree.CallExpressionArgument, index: number, row: ClientRow, sourceCode: ParsedSource): boolean {
  if (argument.type === 'SpreadElement') return true;
  const shape = resolveObject(argument, sourceCode.getScope(argument));
  // Request options the file cannot see (`create(body, requestOptions)`) may hold headers; a body may not.
  if (!shape) {
    // Named as such: `requestOptions`, `this.config`, or what `getRequestOptions(signal)` returns.
    const value = unwrap(argument);
    const target = value.type === 'CallExpression' ? unwrap(value.callee) : value;
    const name = target.type === 'Identifier' ? target.name : (memberName(target) ?? '');
    return index > 0 && REQUEST_OPTIONS_NAME.test(name);
  }
  const options = Object.values(row.options).flat();
  return !shape.complete || (row.requestHeadersOptions ?? ['headers']).some((path) => headersMayCarryAt(shape, path)) || options.some((name) => lastEntry(shape, name));
}

/** The object around `generateText({ model: provider('m'), headers })`, when the call is that model. */
function siblingShape(sourceCode: ParsedSource, call: Node): ObjectShape | null {
  const property = call.parent;
  if (property?.type !== 'Property' || property.value !== call || property.parent.type !== 'ObjectExpression') return null;
  return resolveObject(property.parent, sourceCode.getScope(property.parent));
}

/** `generateText({ model: provider('m'), headers })`: attribution headers next to the model. */
export function hasSiblingAttributionHeaders(sourceCode: ParsedSource, call: Node): boolean {
  const shape = siblingShape(sourceCode, call);
  return !!shape && (!shape.complete || headersMayCarry(lastEntry(shape, 'headers', true)));
}

/** A call through a stored client that may pass attribution, with the objects it passes. */
export interface RequestCall {
  readonly node: Node;
  /** Its arguments that may carry attribution (and the object around a model call), as the file spells them out. */
  readonly shapes: readonly ObjectShape[];
  /** Whether an argument that may carry attribution does not resolve: then nothing it leaves out is certain. */
  readonly opaque: boolean;
}

export interface PerRequestAttribution {
  /** Whether some call (or a later `defaults` write) may pass attribution. */
  readonly mayCarry: boolean;
  readonly calls: readonly RequestCall[];
}

const NO_REQUESTS: PerRequestAttribution = { mayCarry: false, calls: [] };

/** Answers per list of reads and row: every site stored in one class field shares its reads. */
const answers = new WeakMap<readonly Node[], Map<ClientRow, PerRequestAttribution>>();

/**
 * Per-call request options handed beside the client: `chat({ adapter, request: { headers } })`. A request
 * object the file does not show (or an object that may hold one) may carry attribution: opaque.
 */
function siblingRequest(sourceCode: ParsedSource, key: string, use: Node): RequestCall | null {
  const value = holder(use);
  const property = value.parent;
  const shape = siblingShape(sourceCode, value);
  if (!shape || property?.type !== 'Property') return null;
  const call = { node: property.parent as Node, shapes: [] as ObjectShape[], opaque: true };
  const entry = lastEntry(shape, key);
  if (!entry) return shape.complete ? null : call;
  const request = entry.mayBeOverridden ? null : entryObject(entry, 0, false);
  if (!request) return call;
  if (request.complete && !headersMayCarry(lastEntry(request, 'headers', true))) return null;
  return { ...call, shapes: [request], opaque: false };
}

/** The calls through the stored client that may pass attribution headers or options. */
export function perRequestAttribution(sourceCode: ParsedSource, row: ClientRow, node: Node): PerRequestAttribution {
  const reads = readsOfStoredClient(sourceCode, node);
  // A client handed on where it is made: `chat({ adapter: openRouterText('m'), request })`.
  const inline = row.siblingRequestOptions ? siblingRequest(sourceCode, row.siblingRequestOptions, node) : null;
  if (inline) return { mayCarry: true, calls: [inline] };
  const answer = reads ? storedClientRequests(sourceCode, row, reads) : NO_REQUESTS;
  return answer.mayCarry ? answer : withReadsBeyondFile(sourceCode, row, node, answer);
}

/**
 * Requests through the results of a factory returning the client, and through the client in the
 * modules that import it or its factory: only those of the file itself are checked here, the other
 * modules' are theirs to check, but any of them may carry what the construction leaves out.
 */
function withReadsBeyondFile(sourceCode: ParsedSource, row: ClientRow, node: Node, answer: PerRequestAttribution): PerRequestAttribution {
  const groups = readsBeyondFile(sourceCode, node) ?? [];
  let mayCarry = false;
  const calls = [...answer.calls];
  for (const group of groups) {
    if (group.reads.length === 0) continue;
    const found = requestsOf(group.source, row, group.reads);
    mayCarry ||= found.mayCarry;
    if (group.source === sourceCode) calls.push(...found.calls);
  }
  return mayCarry ? { mayCarry, calls } : answer;
}

function storedClientRequests(sourceCode: ParsedSource, row: ClientRow, reads: readonly Node[]): PerRequestAttribution {
  let byRow = answers.get(reads);
  if (!byRow) {
    byRow = new Map();
    answers.set(reads, byRow);
  }
  // Under a wrapper's parameter bindings the answer may differ per call of the wrapper: not kept.
  if (bindingsKey() !== 0) return requestsOf(sourceCode, row, reads);
  let answer = byRow.get(row);
  if (answer === undefined) {
    answer = requestsOf(sourceCode, row, reads);
    byRow.set(row, answer);
  }
  return answer;
}

/**
 * The reads of what the stored client is handed to, `new OpenAIApi(configuration)`, once: requests
 * through that object are the client's too (openai 3's `Configuration`).
 */
function handedOnReads(sourceCode: ParsedSource, reads: readonly Node[]): Node[] {
  const found: Node[] = [];
  for (const read of reads) {
    const construction = read.parent;
    if (construction?.type !== 'NewExpression' || !construction.arguments.includes(read as TSESTree.Expression)) continue;
    found.push(...(readsOfStoredClient(sourceCode, construction) ?? []));
  }
  return found;
}

function requestsOf(sourceCode: ParsedSource, row: ClientRow, reads: readonly Node[]): PerRequestAttribution {
  let mayCarry = false;
  const calls: RequestCall[] = [];
  for (const read of [...reads, ...handedOnReads(sourceCode, reads)]) {
    let chain: Node = read;
    let setsDefaults = false;
    while (chain.parent?.type === 'MemberExpression' && chain.parent.object === chain) {
      chain = chain.parent;
      // `instance.defaults.headers.common['HTTP-Referer'] = ...` sets headers after construction.
      if (memberName(chain) === 'defaults') setsDefaults = true;
    }
    if (setsDefaults) {
      if (!setsOtherDefault(chain)) mayCarry = true;
      continue;
    }
    // `instance.interceptors.request.use(fn)`: an interceptor may set any header on every request.
    if (read.parent?.type === 'MemberExpression' && read.parent.object === read && memberName(read.parent) === 'interceptors') {
      mayCarry = true;
      continue;
    }
    const sibling = row.siblingRequestOptions ? siblingRequest(sourceCode, row.siblingRequestOptions, read) : null;
    if (sibling) {
      mayCarry = true;
      calls.push(sibling);
      continue;
    }
    const call = chain.parent;
    // `chatSend(core, request, options)`: a function taking the client first, for rows whose requests go that way.
    const takesClient = !!row.clientArgumentCalls && chain === read && call?.type === 'CallExpression' && call.arguments[0] === read;
    if (call?.type !== 'CallExpression' || (call.callee !== chain && !takesClient)) continue;
    let carries = false;
    let opaque = false;
    const shapes: ObjectShape[] = [];
    for (const [index, argument] of call.arguments.entries()) {
      if (takesClient && index === 0) continue;
      // A standalone function's request the file does not show may hold the SDK's attribution fields (a string or function may not).
      const unseen =
        takesClient &&
        (argument.type === 'SpreadElement' || (!NOT_OBJECTS.has(unwrap(argument).type) && !resolveObject(argument, sourceCode.getScope(argument))));
      if (!unseen && !mayCarryAttribution(argument, index, row, sourceCode)) continue;
      carries = true;
      const shape = argument.type === 'SpreadElement' ? null : resolveObject(argument, sourceCode.getScope(argument));
      if (shape) shapes.push(shape);
      else opaque = true;
    }
    const around = siblingShape(sourceCode, call);
    if (around && (!around.complete || headersMayCarry(lastEntry(around, 'headers', true)))) {
      carries = true;
      shapes.push(around);
    }
    if (!carries) continue;
    mayCarry = true;
    calls.push({ node: call, shapes, opaque });
  }
  return { mayCarry, calls };
}
