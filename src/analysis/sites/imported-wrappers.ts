/**
 * Wrappers imported from another module of the project: `import { postJson } from './http'`, where
 * postJson passes its parameters to fetch. Each call of one in the linted file is a request of its
 * own, checked with the arguments given there as a wrapper of the file is (wrapper-calls.ts). The
 * module is read as imported values are (imported-values.ts), with type information too: the checker
 * does not see what a function's body does with a call's arguments.
 *
 * Requests (rows that count by their URL: fetch, axios.post, ...), and a client constructed in the wrapper
 * that never leaves it (client-uses.ts): one the wrapper hands on may get attribution per request wherever
 * it goes, which the linted file does not show. An imported class is followed the same way: each `new` of it in the file binds its
 * constructor's parameters for the requests its methods make (class-constructions.ts), and for a client
 * it keeps in a field, whose requests its own module shows.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, programOf, topLevelStatements, unwrap, type FunctionNode, type Node, type ParsedSource, type Scope, type Variable } from '../syntax/ast.js';
import { findClientCalls, type ClientCall } from '../clients/calls.js';
import type { ClientRow } from '../clients/rows.js';
import type { ClientTable } from '../clients/table.js';
import type { FieldState, OpenRouterSite } from './site.js';
import type { StringAlternative } from '../values/static-value.js';
import { importedClass, importedFunction, type ImportedFunction } from '../values/imported-values.js';
import { constructionsThrough, instanceMethodClass, isInPrivateMethod, readingConstructor } from './class-constructions.js';
import { isStoredInClassField } from './per-request.js';
import { confinedTo } from './client-uses.js';
import { parameterValues, readsParameters } from '../values/parameter-bindings.js';
import { exactText, keyValue } from '../values/static-value.js';
import { inheritedMethodCalls, subclassBodies } from '../values/class-fields.js';
import type { WrapperCall } from './wrapper-calls.js';

interface ClientCallOf {
  readonly row: ClientRow;
  readonly node: ClientCall;
}

export interface ImportedWrapperCall extends WrapperCall {
  /** The wrapper's module, and the client calls in the wrapper's own body. */
  readonly source: ParsedSource;
  readonly clientCalls: readonly ClientCallOf[];
  /** An exported function's module text: its own lint judges the values it writes when it passes the text test. */
  readonly text: string | null;
}

/** Calls of imported wrappers followed per linted file: past that, they are left unchecked (silence, never a guess). */
const MAX_CALLS_PER_FILE = 64;
/** Requests one wrapper may make to be followed: a function making more is no forwarding helper. */
const MAX_REQUESTS_PER_WRAPPER = 8;

/** Each parsed module's client calls, per client table: found once per version of the module. */
const moduleCalls = new WeakMap<ParsedSource['ast'], WeakMap<ClientTable, ClientCallOf[]>>();

function callsOf(imported: { readonly source: ParsedSource; readonly file: string }, table: ClientTable): ClientCallOf[] {
  let byTable = moduleCalls.get(imported.source.ast);
  if (!byTable) moduleCalls.set(imported.source.ast, (byTable = new WeakMap()));
  let calls = byTable.get(table);
  if (!calls) byTable.set(table, (calls = findClientCalls(imported.source, table, imported.file)));
  return calls;
}

/** A function of another module that passes its parameters to requests: its own scope and those requests. */
type FunctionWrapper = ImportedFunction & { readonly own: Scope; readonly clientCalls: ClientCallOf[] };

/** The imported function's requests that take their values from its parameters, or null when it has none. */
function wrapperOf(variable: Variable, table: ClientTable): FunctionWrapper | null {
  const imported = importedFunction(variable);
  return imported && requestsFrom(imported, table);
}

/** A function of another module as a wrapper: its requests that take their values from its parameters, or null when it has none. */
function requestsFrom(imported: ImportedFunction, table: ClientTable): FunctionWrapper | null {
  const own = imported.source.scopeManager?.acquire(imported.fn) ?? null;
  if (!own || !readsParameters(imported.fn, own)) return null;
  // A client it builds counts only where it never leaves the function: elsewhere a request may add attribution.
  const clientCalls = callsOf(imported, table).filter(({ row, node }) => enclosingFunction(node) === imported.fn && (row.gate.kind === 'tokenUrl' || confinedTo(imported.source, node, imported.fn)));
  return clientCalls.length > 0 && clientCalls.length <= MAX_REQUESTS_PER_WRAPPER ? { ...imported, own, clientCalls } : null;
}

/** The imported class's requests that its constructor's parameters may tell, with the constructor, or null. */
function constructedClassOf(variable: Variable, table: ClientTable): { source: ParsedSource; fn: FunctionNode; own: Scope; clientCalls: ClientCallOf[]; text: string } | null {
  const imported = importedClass(variable);
  const constructor = imported && readingConstructor(imported.owner, imported.source);
  if (!imported || !constructor) return null;
  // A client the class keeps in a field, or makes in a private method, is used where the class shows, so its construction is followed too.
  const clientCalls = callsOf(imported, table).filter(({ row, node }) => (row.gate.kind === 'tokenUrl' || isStoredInClassField(node) || isInPrivateMethod(node)) && instanceMethodClass(node) === imported.owner);
  return clientCalls.length > 0 && clientCalls.length <= MAX_REQUESTS_PER_WRAPPER ? { source: imported.source, ...constructor, clientCalls, text: imported.text } : null;
}

/**
 * The calls in the file of methods a class inherits from the imported one: `class Api extends Base`
 * calling `this.post(url, headers)`, where Base's `post` passes its parameters to fetch.
 */
function inheritedWrapperCalls(variable: Variable, table: ClientTable): { call: ClientCall; wrapper: FunctionWrapper }[] {
  const subclasses = subclassBodies(variable);
  const imported = subclasses.length > 0 ? importedClass(variable) : null;
  if (!imported) return [];
  const found: { call: ClientCall; wrapper: FunctionWrapper }[] = [];
  for (const member of imported.owner.body.body) {
    if (member.type !== 'MethodDefinition' || member.kind !== 'method' || member.static || member.computed || member.key.type !== 'Identifier' || member.value.type !== 'FunctionExpression') continue;
    const calls = subclasses.flatMap((subclass) => inheritedMethodCalls(subclass, (member.key as TSESTree.Identifier).name) ?? []);
    const wrapper = calls.length > 0 ? requestsFrom({ source: imported.source, file: imported.file, fn: member.value }, table) : null;
    if (wrapper) for (const call of calls) found.push({ call, wrapper });
  }
  return found;
}

/** The calls of an import in the file: `f(...)`. */
function callsOfImport(variable: Variable | null | undefined): ClientCall[] {
  return (variable?.references ?? []).flatMap((reference): ClientCall[] => {
    const use = reference.identifier.parent;
    return use?.type === 'CallExpression' && unwrap(use.callee) === reference.identifier ? [use] : [];
  });
}

/** Every call in the file of a wrapper imported from the project, with its arguments bound. */
export function importedWrapperCalls(sourceCode: ParsedSource, table: ClientTable): ImportedWrapperCall[] {
  const found: ImportedWrapperCall[] = [];
  for (const statement of topLevelStatements(sourceCode.ast)) {
    if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
    for (const specifier of statement.specifiers) {
      const variable = specifier.type === 'ImportNamespaceSpecifier' ? null : sourceCode.scopeManager?.getDeclaredVariables(specifier)[0];
      const calls = callsOfImport(variable);
      const constructions = (variable?.references ?? []).flatMap((reference) => constructionsThrough(reference.identifier, sourceCode));
      for (const { call, wrapper } of variable ? inheritedWrapperCalls(variable, table) : []) {
        if (found.length === MAX_CALLS_PER_FILE) return found;
        found.push({ call, parameters: parameterValues(wrapper.fn, wrapper.own, call, sourceCode.getScope(call), keyValue), source: wrapper.source, clientCalls: wrapper.clientCalls, text: wrapper.text ?? null });
      }
      // Only an import the file calls (or constructs) is looked up.
      const wrapper = calls.length > 0 && variable ? wrapperOf(variable, table) : constructions.length > 0 && variable ? constructedClassOf(variable, table) : null;
      if (!wrapper) continue;
      for (const call of calls.length > 0 ? calls : constructions) {
        if (found.length === MAX_CALLS_PER_FILE) return found;
        found.push({ call, parameters: parameterValues(wrapper.fn, wrapper.own, call, sourceCode.getScope(call), keyValue), source: wrapper.source, clientCalls: wrapper.clientCalls, text: wrapper.text ?? null });
      }
    }
  }
  return found;
}

/** A field's values with every alternative read outside `program` told at `at` instead, or made unknown. */
function anchoredFields(site: OpenRouterSite, program: Node, anchor: (alternative: StringAlternative) => StringAlternative): OpenRouterSite['fields'] {
  const anchored = (state: FieldState): FieldState =>
    state.state !== 'present'
      ? state
      : { state: 'present', values: state.values.map((value) => ({ alternatives: value.alternatives.map((alternative) => (programOf(alternative.node) === program ? alternative : anchor(alternative))) })) };
  return { referer: anchored(site.fields.referer), title: anchored(site.fields.title), categories: anchored(site.fields.categories) };
}

/**
 * A site of another module's wrapper, as the linted file tells it: every value at the call unless
 * written in this file's arguments, and nothing of the other module left to read further or to edit.
 * Where that module's own lint judges the values it writes (`judgedThere`), they are unknown here: one
 * mistake, one finding, where it is written.
 */
export function toldAtCall(site: OpenRouterSite, sourceCode: ParsedSource, call: ClientCall, judgedThere: boolean): OpenRouterSite {
  const fields = anchoredFields(site, sourceCode.ast, (alternative) => (judgedThere ? { pieces: [{ kind: 'opaque', name: null }], node: call } : { ...alternative, node: call }));
  return { ...site, scope: sourceCode.getScope(call), options: { kind: 'unknown' }, headers: { kind: 'unknown' }, fields, requests: [], ignoredOptions: [], misplaced: [] };
}

/**
 * A site of the linted file's exported wrapper, as its calls in other modules make it: reported at the
 * request here, judged only by this file's own values (the callers' are unknown here), and never edited.
 */
export function toldAtRequest(site: OpenRouterSite, sourceCode: ParsedSource, node: ClientCall): OpenRouterSite {
  const told = anchoredFields(site, sourceCode.ast, () => ({ pieces: [{ kind: 'opaque', name: null }], node }));
  // A title or categories some caller gives may not be given by the others.
  const own = (field: 'title' | 'categories'): FieldState => {
    const state = site.fields[field];
    const foreign = state.state === 'present' && state.values.some((value) => value.alternatives.some((alternative) => programOf(alternative.node) !== sourceCode.ast));
    return foreign ? { state: 'unknown' } : told[field];
  };
  const fields = { referer: told.referer, title: own('title'), categories: own('categories') };
  return { ...site, reportNode: unwrap(node.callee), wrapperCall: null, options: { kind: 'unknown' }, headers: { kind: 'unknown' }, fields, requests: [], ignoredOptions: [], misplaced: [] };
}

/**
 * The values the linted file's exported wrapper writes itself, as a call in a module whose own lint reports
 * that call makes them sent: judged here, where they are written; whether a referer is sent at all is that
 * module's finding.
 */
export function ownValuesAtRequest(site: OpenRouterSite, sourceCode: ParsedSource, node: ClientCall): OpenRouterSite | null {
  const told = toldAtRequest(site, sourceCode, node);
  const own = (state: FieldState): FieldState => (state.state === 'present' && state.values.some((value) => value.alternatives.some((alternative) => programOf(alternative.node) === sourceCode.ast && exactText(alternative) !== null)) ? state : { state: 'unknown' });
  const fields = { referer: own(told.fields.referer), title: own(told.fields.title), categories: own(told.fields.categories) };
  return fields.referer.state === 'unknown' && fields.title.state === 'unknown' && fields.categories.state === 'unknown' ? null : { ...told, fields };
}
