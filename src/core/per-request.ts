/**
 * Attribution given per request instead of at construction:
 * `client.chat.completions.create(body, { headers })`, `client.chat.send({ ..., httpReferer })`,
 * `generateText({ model: provider('m'), headers })`. When a client's calls may carry it, a missing
 * field at construction is not certain, so the rules stay silent.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap, type Node } from './ast.js';
import { classFieldReads } from './class-fields.js';
import { HEADER_NAMES, type ClientRow } from './clients.js';
import { resolveHeaders } from './headers.js';
import { lastEntry, resolveObject, type ObjectEntry } from './static-value.js';

const REQUEST_OPTIONS_NAME = /options|opts|config|headers|init/i;

/**
 * Where a stored client is read: the references of `const client = new OpenAI(...)`, or the
 * `this.client` reads of a class field holding it. Null when it is not stored where we can see.
 */
function readsOfStoredClient(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): Node[] | null {
  let current: Node = node;
  while (current.parent && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'AwaitExpression'].includes(current.parent.type)) {
    current = current.parent;
  }
  const declarator = current.parent;
  if (declarator?.type === 'VariableDeclarator' && declarator.init === current && declarator.id.type === 'Identifier') {
    const variable = sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
    return variable ? variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier) : null;
  }
  return classFieldReads(current);
}

const ATTRIBUTION_HEADERS = new Set(Object.values(HEADER_NAMES).flat().map((name) => name.toLowerCase()));

/** Whether a `headers` value may hold an attribution header: unknown, or one is spelled out. */
function headersMayCarry(entry: ObjectEntry | undefined): boolean {
  if (!entry) return false;
  const headers = entry.value && !entry.mayBeOverridden ? resolveHeaders(entry.value, entry.scope) : null;
  return !headers || !headers.complete || headers.entries.some((header) => ATTRIBUTION_HEADERS.has(header.key.toLowerCase()));
}

/** Whether an argument may carry attribution: headers holding it, or one of the row's attribution options. */
function mayCarryAttribution(argument: TSESTree.CallExpressionArgument, index: number, row: ClientRow, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (argument.type === 'SpreadElement') return true;
  const shape = resolveObject(argument, sourceCode.getScope(argument));
  // Request options the file cannot see (`create(body, requestOptions)`) may hold headers; a body may not.
  if (!shape) {
    const target = unwrap(argument);
    const name = target.type === 'Identifier' ? target.name : (memberName(target) ?? '');
    return index > 0 && REQUEST_OPTIONS_NAME.test(name);
  }
  const options = Object.values(row.options).flat();
  return !shape.complete || headersMayCarry(lastEntry(shape, 'headers', true)) || options.some((name) => lastEntry(shape, name));
}

/** `generateText({ model: provider('m'), headers })`: attribution headers next to the model. */
export function hasSiblingAttributionHeaders(sourceCode: Readonly<TSESLint.SourceCode>, call: Node): boolean {
  const property = call.parent;
  if (property?.type !== 'Property' || property.value !== call || property.parent.type !== 'ObjectExpression') return false;
  const shape = resolveObject(property.parent, sourceCode.getScope(property.parent));
  return !!shape && (!shape.complete || headersMayCarry(lastEntry(shape, 'headers', true)));
}

/** Answers per list of reads and row: every site stored in one class field shares its reads. */
const answers = new WeakMap<readonly Node[], Map<ClientRow, boolean>>();

/** True when some call through the stored client may pass attribution headers or options. */
export function hasPerRequestAttribution(sourceCode: Readonly<TSESLint.SourceCode>, row: ClientRow, node: Node): boolean {
  const reads = readsOfStoredClient(sourceCode, node);
  if (!reads) return false;
  let byRow = answers.get(reads);
  if (!byRow) {
    byRow = new Map();
    answers.set(reads, byRow);
  }
  let answer = byRow.get(row);
  if (answer === undefined) {
    answer = anyReadCarries(sourceCode, row, reads);
    byRow.set(row, answer);
  }
  return answer;
}

function anyReadCarries(sourceCode: Readonly<TSESLint.SourceCode>, row: ClientRow, reads: readonly Node[]): boolean {
  for (const read of reads) {
    let chain: Node = read;
    while (chain.parent?.type === 'MemberExpression' && chain.parent.object === chain) {
      chain = chain.parent;
      // `instance.defaults.headers.common['HTTP-Referer'] = ...` sets headers after construction.
      if (memberName(chain) === 'defaults') return true;
    }
    const call = chain.parent;
    if (call?.type !== 'CallExpression' || call.callee !== chain) continue;
    if (call.arguments.some((argument, index) => mayCarryAttribution(argument, index, row, sourceCode))) return true;
    if (hasSiblingAttributionHeaders(sourceCode, call)) return true;
  }
  return false;
}
