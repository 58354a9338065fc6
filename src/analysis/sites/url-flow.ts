/**
 * Requests found by where an OpenRouter URL goes, whatever sends them: `this.fetchImpl(url, init)`,
 * `options.fetch(url, init)`, a platform's `requestUrl({ url, headers })`, a client of a package the
 * table does not know constructed with `{ baseURL, defaultHeaders }`. From every place the file names
 * OpenRouter (a URL literal, a name such as `OPENROUTER_URL`), the value is followed forward through
 * constants, templates, fallbacks, objects, fields, returns and the parameters of the file's own
 * functions, to the calls it reaches. Each call it reaches is a candidate; the analysis then checks it
 * as a request of a row made for it (a token URL argument with its `init`, or an object holding the URL
 * and its headers) and keeps it only where its headers are spelled out. The flow only nominates: what a
 * value holds is decided by the one evaluator (values/), as for every other site.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, findVariable, isExported, isFunction, markRequestCall, memberName, nodeAt, staticKeyName, unwrap, type FunctionNode, type Node, type ParsedSource, type Scope, type Variable } from '../syntax/ast.js';
import { OPENROUTER_NAME } from '../domain/urls.js';
import type { ClientCall } from '../clients/calls.js';
import type { ClientRow, RequestMethod } from '../clients/rows.js';
import { classMethod, keyName, memberKey } from '../values/class-fields.js';
import { declaredFunctionCalls } from './wrapper-calls.js';

/** Keys of a request object that hold its URL (`requestUrl({ url, headers })`, a request descriptor). */
const URL_KEYS = new Set(['url', 'uri', 'href', 'endpoint', 'apiUrl', 'apiURL', 'requestUrl', 'requestURL']);
/** Keys of a client's options that hold its base URL. */
const BASE_URL_KEYS = new Set(['baseURL', 'baseUrl', 'base_url', 'basePath', 'apiBase', 'apiBaseUrl', 'prefixUrl']);
/** Keys of a client's options that hold headers sent with every request, in the order they are looked for. */
const CLIENT_HEADER_KEYS = ['defaultHeaders', 'headers'];
/** Keys of a request object that hold its headers: `header` is the mini-program platforms' (`wx.request`, `uni.request`) and Bob's `$http.request`. */
const REQUEST_HEADER_KEYS = ['headers', 'header'];
/**
 * Options a client of unknown make may turn into attribution itself (`appUrl`, `siteName`): where one
 * is given, what it sends is not known.
 */
const ATTRIBUTION_LIKE_KEY = /refer|site|app(?:url|name|title)|title/i;
/** Callees that take a URL and an object without sending anything: assertions, mocks, logging. */
const NOT_A_REQUEST = /^(?:to[A-Z]\w*|calledWith|\w*[Cc]alledWith|expect|assert\w*|log|info|warn|error|debug|trace|mock\w*|spyOn|stub|on|once|emit)$/;
/** Senders whose name says a method that carries no generation request (`https.get`, `api.delete`). */
const NOT_A_POST = /^(?:get|head|delete|options)$/i;

/** An unknown sender's method, where its options name one: only a POST consumes tokens; what it sends unnamed is not known. */
const NAMED_METHOD: RequestMethod = { part: { option: 'method' } };

/** Values followed per file, and calls nominated: past either, the rest of the flow is not followed. */
const MAX_FLOW_NODES = 2_000;
const MAX_CANDIDATES = 128;
/** Rounds of field reads followed (a field read whose value is stored in another field, ...): each scans the tokens once. */
const MAX_FIELD_ROUNDS = 3;

export interface FlowCandidate {
  readonly row: ClientRow;
  readonly node: ClientCall;
}

/** Nodes through which a value reaches its user unchanged in kind: a string stays a URL string. */
function carrier(node: Node): Node | null {
  const parent = node.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'TemplateLiteral':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'AwaitExpression':
    case 'ChainExpression':
      return parent;
    case 'BinaryExpression':
      return parent.operator === '+' ? parent : null;
    case 'LogicalExpression':
      return parent;
    case 'ConditionalExpression':
      return parent.test === node ? null : parent;
    case 'NewExpression':
      // `new URL(path, base)`: a URL object built from it, sent as the URL.
      return unwrap(parent.callee).type === 'Identifier' && (unwrap(parent.callee) as TSESTree.Identifier).name === 'URL' ? parent : null;
    case 'MemberExpression':
      // `new URL(...).href`, `url.toString()`.
      return parent.object === node && ['href', 'toString'].includes(memberName(parent) ?? '') ? parent : null;
    case 'CallExpression':
      return parent.callee === node && memberName(node) === 'toString' ? parent : null;
    default:
      return null;
  }
}

/** The function a call runs when the file itself shows it: a function, a `const` arrow, a method of its class. */
function visibleFunction(call: ClientCall, scope: Scope): FunctionNode | 'elsewhere' | null {
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') {
    const variable = findVariable(scope, callee.name);
    const def = variable?.defs[0];
    if (!def) return null;
    if (def.type === 'FunctionName') return def.node as FunctionNode;
    if (def.type === 'Variable' && def.node.init && isFunction(unwrap(def.node.init))) return unwrap(def.node.init) as FunctionNode;
    // Imported from another module of the project: its body decides what is sent (imported-wrappers.ts).
    if (def.type === 'ImportBinding' && def.parent.type === 'ImportDeclaration' && /^[./]/.test(String(def.parent.source.value))) return 'elsewhere';
    return null;
  }
  if (callee.type === 'MemberExpression' && unwrap(callee.object).type === 'ThisExpression') {
    return classMethod(callee, scope) ?? null;
  }
  return null;
}

/** How messages name the sender: `fetchImpl`, `this.fetchImpl`, `this.#fetch`, `net.fetch`. */
function calleeLabel(call: ClientCall): string {
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  const name = callee.type === 'MemberExpression' ? memberKey(callee) : null;
  if (callee.type === 'MemberExpression' && name !== null) {
    const owner = unwrap(callee.object);
    const prefix = owner.type === 'Identifier' ? owner.name : owner.type === 'ThisExpression' ? 'this' : null;
    return prefix ? `${prefix}.${name}` : name;
  }
  return 'HTTP';
}

function row(call: ClientCall, gate: ClientRow['gate'], optionsArgument: number, headersOption: string): ClientRow {
  return {
    id: 'url-flow',
    label: calleeLabel(call),
    sources: [],
    call: call.type === 'NewExpression' ? 'new' : 'call',
    gate,
    optionsArgument,
    options: {},
    headersOption,
    ignoredOptions: [],
    apiKeyOptions: [],
    categoriesForm: 'comma-string',
  };
}

/** The key of an object's property that a value flows into, when it is a plain `key: value`. */
function propertyKey(value: Node): { object: TSESTree.ObjectExpression; key: string } | null {
  const property = value.parent;
  if (property?.type !== 'Property' || property.value !== value || property.kind !== 'init' || property.parent?.type !== 'ObjectExpression') return null;
  const key = staticKeyName(property);
  return key === null ? null : { object: property.parent, key };
}

/** The keys an object literal writes, for a quick look at its shape (spreads and computed keys aside). */
function literalKeys(object: TSESTree.ObjectExpression): string[] {
  return object.properties.flatMap((property) => (property.type === 'Property' ? [staticKeyName(property)].filter((key): key is string => key !== null) : []));
}

/**
 * Every call of the file an OpenRouter value reaches, with the row it is checked as. Calls in `claimed`
 * (the client table's own calls, found before) are never nominated again.
 */
export function urlFlowCandidates(sourceCode: ParsedSource, claimed: ReadonlySet<Node>): FlowCandidate[] {
  const ast = sourceCode.ast as TSESTree.Program;
  const queue: Node[] = [];
  let head = 0;
  const visited = new Set<Node>();
  const enqueue = (node: Node): void => {
    if (visited.size < MAX_FLOW_NODES && !visited.has(node)) {
      visited.add(node);
      queue.push(node);
    }
  };
  for (const token of ast.tokens ?? []) {
    const seed =
      ((token.type === 'String' || token.type === 'Template') && /openrouter\.ai/i.test(token.value)) ||
      (token.type === 'Identifier' && OPENROUTER_NAME.test(token.value) && /url|endpoint|base|host|api$/i.test(token.value));
    if (!seed) continue;
    const node = nodeAt(ast, token.range[0]);
    enqueue(node.type === 'TemplateElement' && node.parent ? node.parent : node);
  }
  const candidates = new Map<ClientCall, FlowCandidate>();
  const nominate = (call: ClientCall, make: () => FlowCandidate | null): void => {
    if (candidates.size >= MAX_CANDIDATES || candidates.has(call) || claimed.has(call)) return;
    const callee = unwrap(call.callee);
    const name = callee.type === 'Identifier' ? callee.name : (memberName(callee) ?? '');
    if (NOT_A_REQUEST.test(name) || NOT_A_POST.test(name)) return;
    const candidate = make();
    if (!candidate) return;
    candidates.set(call, candidate);
    markRequestCall(call);
  };
  /** Flow into the parameters of a function the file shows, from the argument at `index` of its call. */
  const readsOf = (variable: Variable | null | undefined): void => {
    for (const reference of variable?.references ?? []) if (reference.isRead()) enqueue(reference.identifier);
  };
  const intoParameter = (fn: FunctionNode, index: number): void => {
    const parameter = fn.params[index];
    if (parameter?.type === 'Identifier') readsOf(sourceCode.scopeManager?.acquire(fn)?.set.get(parameter.name));
  };
  /** Names of fields (`this.url = URL`, `url = URL` in a class; `#url` for a private one) the value is stored in. */
  const fieldNames = new Set<string>();

  // Fields found on the way are read elsewhere in the file (`this.url`): their reads flow on too.
  const fieldsFollowed = new Set<string>();
  drain();
  for (let round = 0; round < MAX_FIELD_ROUNDS && fieldNames.size > fieldsFollowed.size; round++) {
    const fresh = [...fieldNames].filter((name) => !fieldsFollowed.has(name));
    for (const name of fresh) fieldsFollowed.add(name);
    for (const token of ast.tokens ?? []) {
      const name = token.type === 'Identifier' ? token.value : token.type === 'PrivateIdentifier' ? `#${token.value}` : null;
      if (name === null || !fresh.includes(name)) continue;
      const member = nodeAt(ast, token.range[0]).parent;
      if (member?.type === 'MemberExpression' && unwrap(member.object).type === 'ThisExpression') enqueue(member);
    }
    drain();
  }
  return [...candidates.values()];

  function drain(): void {
    while (head < queue.length) {
      let value = queue[head++]!;
      for (let next = carrier(value); next; next = carrier(value)) value = next;
      const parent = value.parent;
      if (!parent) continue;
      if (parent.type === 'VariableDeclarator' && parent.init === value && parent.id.type === 'Identifier') {
        readsOf(sourceCode.scopeManager?.getDeclaredVariables(parent)[0]);
      } else if (parent.type === 'AssignmentExpression' && parent.right === value) {
        const target = parent.left;
        if (target.type === 'Identifier') readsOf(findVariable(sourceCode.getScope(parent), target.name));
        else if (target.type === 'MemberExpression' && unwrap(target.object).type === 'ThisExpression') {
          const name = memberKey(target);
          if (name !== null) fieldNames.add(name);
        }
      } else if (parent.type === 'PropertyDefinition' && parent.value === value) {
        const name = parent.computed ? null : keyName(parent.key);
        if (name !== null) fieldNames.add(name);
      } else if (parent.type === 'Property' && parent.value === value) {
        const at = propertyKey(value);
        if (at) flowObject(at.object, at.key);
      } else if (parent.type === 'AssignmentPattern' && parent.right === value && parent.left.type === 'Identifier') {
        // A parameter's default: `function chat(url = OPENROUTER_URL)`.
        readsOf(findVariable(sourceCode.getScope(parent.left), parent.left.name));
      } else if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(value as TSESTree.CallExpressionArgument)) {
        const index = parent.arguments.indexOf(value as TSESTree.CallExpressionArgument);
        urlArgument(parent, index);
      } else if (parent.type === 'ReturnStatement' || (isFunction(parent) && parent.body === value)) {
        const fn = parent.type === 'ReturnStatement' ? enclosingFunction(parent) : (parent as FunctionNode);
        for (const { call } of (fn && declaredFunctionCalls(sourceCode, fn)) ?? []) enqueue(call);
      }
    }
  }

  /** A URL given as an argument: `send(url, init)` is a request; into a function of the file, the flow goes on inside it. */
  function urlArgument(call: ClientCall, index: number): void {
    const fn = visibleFunction(call, sourceCode.getScope(call));
    if (fn === 'elsewhere') return;
    if (fn) {
      intoParameter(fn, index);
      return;
    }
    // `http.post(url, body, { headers })`: a sender named for POST takes the body next and its options after it
    // (axios's, Angular's HttpClient's, got's own signature), and says the method itself.
    const callee = unwrap(call.callee);
    if (callee.type === 'MemberExpression' && /^(?:post|put|patch)$/i.test(memberName(callee) ?? '') && call.arguments.length >= index + 3) {
      const options = call.arguments[index + 2];
      if (!options || options.type === 'SpreadElement') return;
      nominate(call, () => ({ node: call, row: row(call, { kind: 'tokenUrl', url: { argument: index }, body: { argument: index + 1 } }, index + 2, 'headers') }));
      return;
    }
    const init = call.arguments[index + 1];
    if (!init || init.type === 'SpreadElement') return;
    nominate(call, () => ({ node: call, row: row(call, { kind: 'tokenUrl', url: { argument: index }, body: { option: 'body' }, method: NAMED_METHOD }, index + 1, 'headers') }));
  }

  /**
   * The call that sends an object: the call it is an argument of, or the one call its variable is handed
   * to (handed to several, any may change it first). For an object a function of the file returns (a
   * request builder), each call of the function is an object of its own, sent where that call goes.
   */
  function sentBy(value: Node, followReturn: boolean): { call: ClientCall; index: number }[] {
    let target = value;
    while (target.parent?.type === 'AwaitExpression' || target.parent?.type === 'TSAsExpression' || target.parent?.type === 'TSSatisfiesExpression') target = target.parent;
    const parent = target.parent;
    if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(target as TSESTree.CallExpressionArgument)) {
      return [{ call: parent, index: parent.arguments.indexOf(target as TSESTree.CallExpressionArgument) }];
    }
    if (parent?.type === 'VariableDeclarator' && parent.init === target && parent.id.type === 'Identifier') {
      const users: { call: ClientCall; index: number }[] = [];
      for (const reference of sourceCode.scopeManager?.getDeclaredVariables(parent)[0]?.references ?? []) {
        const use = reference.identifier.parent;
        const argument = reference.identifier as TSESTree.Identifier;
        if ((use?.type === 'CallExpression' || use?.type === 'NewExpression') && use.arguments.includes(argument)) {
          users.push({ call: use, index: use.arguments.indexOf(argument) });
        }
      }
      return users.length === 1 ? users : [];
    }
    const fn = parent?.type === 'ReturnStatement' ? enclosingFunction(parent) : parent && isFunction(parent) && parent.body === target ? parent : null;
    return followReturn && fn ? (declaredFunctionCalls(sourceCode, fn) ?? []).flatMap(({ call }) => sentBy(call, false)) : [];
  }

  /** An object holding the value under `key`: a request's options (`{ url, headers }`), a client's (`{ baseURL, defaultHeaders }`). */
  function flowObject(object: TSESTree.ObjectExpression, key: string): void {
    const isUrl = URL_KEYS.has(key);
    const isBase = BASE_URL_KEYS.has(key);
    if (!isUrl && !isBase) return;
    const keys = literalKeys(object);
    const headersKey = (isUrl ? REQUEST_HEADER_KEYS : CLIENT_HEADER_KEYS).find((name) => keys.includes(name)) ?? null;
    // Only objects whose headers are written beside the URL: what else reaches an unknown sender is not known.
    if (headersKey === null || keys.some((name) => name !== headersKey && ATTRIBUTION_LIKE_KEY.test(name))) return;
    const gate: ClientRow['gate'] = isUrl ? { kind: 'tokenUrl', url: { option: key }, body: { option: 'body' }, method: NAMED_METHOD } : { kind: 'baseUrl', options: [key] };
    const senders = sentBy(object, true);
    for (const { call, index } of senders) {
      if (!visibleFunction(call, sourceCode.getScope(call))) nominate(call, () => ({ node: call, row: row(call, gate, index, headersKey) }));
    }
    // A request handed out whole (an exported builder's return, an exported constant): whoever runs it sends these headers.
    // Client options handed out are checked where a client is built with them, which reads other modules.
    if (isUrl && senders.length === 0 && handedOut(object)) {
      const runner = unseenRunnerCall(object, key);
      if (runner) nominate(runner, () => ({ node: runner, row: { ...row(runner, gate, 0, headersKey), label: 'OpenRouter' } }));
    }
  }

  /** An object other modules receive as it is: returned by an exported function the file never calls, or an exported constant. */
  function handedOut(object: TSESTree.ObjectExpression): boolean {
    let target: Node = object;
    while (target.parent?.type === 'TSAsExpression' || target.parent?.type === 'TSSatisfiesExpression') target = target.parent;
    const parent = target.parent;
    if (parent?.type === 'VariableDeclarator' && parent.init === target) return isExported(parent.parent) && !sourceCode.scopeManager?.getDeclaredVariables(parent)[0]?.references.some((reference) => reference.isRead());
    const fn = parent?.type === 'ReturnStatement' ? enclosingFunction(parent) : parent && isFunction(parent) && parent.body === target ? parent : null;
    if (!fn) return false;
    const declaration = fn.type === 'FunctionDeclaration' ? fn : fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn ? fn.parent.parent : null;
    return isExported(declaration) && declaredFunctionCalls(sourceCode, fn)?.length === 0;
  }
}

/**
 * A request object handed to a runner the file does not show, seen as the call that runner makes: one
 * argument, the object; underlined at the key that names the URL. It is not part of the tree: only its
 * `parent` links it there, for scope lookups.
 */
function unseenRunnerCall(object: TSESTree.ObjectExpression, urlKey: string): TSESTree.CallExpression | null {
  const property = object.properties.find((candidate) => candidate.type === 'Property' && staticKeyName(candidate) === urlKey) as TSESTree.Property | undefined;
  if (!property || !object.parent) return null;
  return {
    type: 'CallExpression' as TSESTree.CallExpression['type'],
    callee: property.key as TSESTree.Expression,
    arguments: [object],
    optional: false,
    typeArguments: undefined,
    parent: object.parent,
    range: object.range,
    loc: object.loc,
  } as TSESTree.CallExpression;
}
