/**
 * Finds the OpenRouter sites of a file (client constructions and raw requests, per the client
 * table) and resolves their attribution. Computed once per file and shared by every rule.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { globalReferences, OPENROUTER_NAME, unwrap, type Node, type Scope, type Variable } from './ast.js';
import { CLIENT_MODULES, CLIENTS, HEADER_NAMES, type AttributionField, type ClientRow } from './clients.js';
import { resolveHeaders, type HeaderContainer } from './headers.js';
import { hasPerRequestAttribution } from './per-request.js';
import { loadProjectAttribution, type LoadedProjectConfig } from './project-config.js';
import { lastEntry, resolveObject, resolveString, type ObjectShape, type StringAlternative } from './static-value.js';
import { isOpenRouterTokenRequest, isOpenRouterUrl, isOtherHost } from './urls.js';

/** Where a field's value was found at a site. */
export interface FieldValue {
  readonly via: 'option' | 'header';
  /** The option or header name as written. */
  readonly key: string;
  readonly valueNode: Node;
  readonly alternatives: readonly StringAlternative[];
  readonly scope: Scope;
}

export type FieldState =
  | { readonly state: 'absent' }
  /** The file does not tell (an unresolvable spread, options from a function call, ...). */
  | { readonly state: 'unknown' }
  | { readonly state: 'present'; readonly values: readonly FieldValue[] };

/** The options argument: absent, spelled out in the file, or not resolvable. */
export type OptionsState = { readonly kind: 'missing' } | { readonly kind: 'unknown' } | { readonly kind: 'object'; readonly shape: ObjectShape };
/** The headers container: not given, spelled out, or not resolvable. */
export type HeadersState = { readonly kind: 'missing' } | { readonly kind: 'unknown' } | { readonly kind: 'container'; readonly container: HeaderContainer };

export interface OpenRouterSite {
  readonly row: ClientRow;
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** A short node to underline: the callee. */
  readonly reportNode: Node;
  readonly scope: Scope;
  readonly options: OptionsState;
  readonly headers: HeadersState;
  readonly fields: Readonly<Record<AttributionField, FieldState>>;
  /** Options the client ignores that hold attribution (`defaultHeaders` on @openrouter/sdk). */
  readonly ignoredAttribution: readonly { option: string; node: Node }[];
}

export interface FileAnalysis {
  readonly sites: readonly OpenRouterSite[];
  /** The project's identity for fixes; loaded on first use. */
  readonly config: () => LoadedProjectConfig;
  /** Config problems are reported once per file, by the first rule that asks. */
  claimConfigReport(): boolean;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const analyses = new WeakMap<object, FileAnalysis>();

/** Every OpenRouter site of the file, computed once per file whichever rule asks first. */
export function analyseFile(context: Context): FileAnalysis {
  const sourceCode = context.sourceCode;
  const cached = analyses.get(sourceCode);
  if (cached) return cached;
  // A site needs the word OpenRouter somewhere (a module, URL or variable name): skip the rest.
  const sites = OPENROUTER_NAME.test(sourceCode.text) ? findOpenRouterSites(sourceCode) : [];
  let config: LoadedProjectConfig | null = null;
  let claimed = false;
  const analysis: FileAnalysis = {
    sites,
    config: () =>
      (config ??= loadProjectAttribution(
        (context.settings as Record<string, unknown>).openrouter,
        context.physicalFilename || context.filename,
      )),
    claimConfigReport: () => (claimed ? false : (claimed = true)),
  };
  analyses.set(sourceCode, analysis);
  return analysis;
}

interface Binding {
  readonly variable: Variable;
  readonly module: string;
  /** The export bound (`default` for default imports), `*` for a namespace, `module.exports` for `require`. */
  readonly exportName: string;
}

function declaredVariable(sourceCode: TSESLint.SourceCode, node: Node): Variable | null {
  return sourceCode.scopeManager?.getDeclaredVariables(node)[0] ?? null;
}

function moduleBindings(sourceCode: TSESLint.SourceCode, globalScope: Scope): Binding[] {
  const bindings: Binding[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') {
      const module = statement.source.value;
      if (!CLIENT_MODULES.has(module)) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') continue;
        const variable = declaredVariable(sourceCode, specifier);
        if (!variable) continue;
        const exportName =
          specifier.type === 'ImportDefaultSpecifier'
            ? 'default'
            : specifier.type === 'ImportNamespaceSpecifier'
              ? '*'
              : specifier.imported.type === 'Identifier'
                ? specifier.imported.name
                : String(specifier.imported.value);
        bindings.push({ variable, module, exportName });
      }
    } else if (
      statement.type === 'TSImportEqualsDeclaration' &&
      statement.moduleReference.type === 'TSExternalModuleReference' &&
      statement.moduleReference.expression.type === 'Literal' &&
      CLIENT_MODULES.has(String(statement.moduleReference.expression.value))
    ) {
      const variable = declaredVariable(sourceCode, statement);
      if (variable) bindings.push({ variable, module: String(statement.moduleReference.expression.value), exportName: 'module.exports' });
    }
  }
  for (const identifier of globalReferences(globalScope, 'require')) {
    const call = identifier.parent;
    if (call?.type !== 'CallExpression' || call.callee !== identifier) continue;
    const argument = call.arguments[0];
    if (argument?.type !== 'Literal' || typeof argument.value !== 'string' || !CLIENT_MODULES.has(argument.value)) continue;
    bindings.push(...requireBindings(sourceCode, call, argument.value));
  }
  return bindings;
}

/** `const X = require(m)`, `const { A, B: C } = require(m)`, `const A = require(m).A`. */
function requireBindings(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, module: string): Binding[] {
  let parent = call.parent;
  let exportName = 'module.exports';
  if (parent?.type === 'MemberExpression' && parent.object === call && !parent.computed && parent.property.type === 'Identifier') {
    exportName = parent.property.name;
    parent = parent.parent;
  }
  if (parent?.type !== 'VariableDeclarator') return [];
  if (parent.id.type === 'Identifier') {
    const variable = declaredVariable(sourceCode, parent.id) ?? sourceCode.scopeManager?.getDeclaredVariables(parent)[0];
    return variable ? [{ variable, module, exportName }] : [];
  }
  if (parent.id.type !== 'ObjectPattern' || exportName !== 'module.exports') return [];
  const declared = sourceCode.scopeManager?.getDeclaredVariables(parent) ?? [];
  const bindings: Binding[] = [];
  for (const property of parent.id.properties) {
    if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
    const bound = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    const variable = bound.type === 'Identifier' ? declared.find((candidate) => candidate.name === bound.name) : undefined;
    if (variable) bindings.push({ variable, module, exportName: property.key.name });
  }
  return bindings;
}

/** The call or construction a reference to a client binding makes, if the row calls it that way. */
function useOf(
  identifier: TSESTree.Identifier,
  binding: { exportName: string },
  row: ClientRow,
  exports: readonly string[],
): TSESTree.CallExpression | TSESTree.NewExpression | null {
  const parent = identifier.parent;
  const isCallee = (node: Node, callee: Node): node is TSESTree.CallExpression | TSESTree.NewExpression =>
    (node.type === 'NewExpression' || node.type === 'CallExpression') && node.callee === callee;
  const matchesKind = (node: TSESTree.CallExpression | TSESTree.NewExpression): boolean =>
    row.call === 'any-use' || (row.call === 'new') === (node.type === 'NewExpression');

  if (exports.includes(binding.exportName) && parent) {
    if (isCallee(parent, identifier)) return matchesKind(parent) ? parent : null;
    // `openrouter.chat('model')` is a use of an attribution-less instance.
    if (row.call === 'any-use' && parent.type === 'MemberExpression' && parent.object === identifier) {
      const call = parent.parent;
      return call && isCallee(call, parent) ? call : null;
    }
  }
  // `sdk.OpenRouter` through a namespace import or a required module object.
  if ((binding.exportName === '*' || binding.exportName === 'module.exports') && parent?.type === 'MemberExpression' && parent.object === identifier) {
    const name = !parent.computed && parent.property.type === 'Identifier' ? parent.property.name : null;
    const call = parent.parent;
    if (name && exports.includes(name) && call && isCallee(call, parent) && matchesKind(call)) return call;
  }
  return null;
}

const GLOBAL_OBJECTS = ['globalThis', 'window', 'self', 'global'];

/** Calls of a global (`fetch(...)`, `globalThis.fetch(...)`) that no local binding shadows. */
function globalCalls(globalScope: Scope, name: string): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const identifier of globalReferences(globalScope, name)) {
    if (identifier.parent?.type === 'CallExpression' && identifier.parent.callee === identifier) calls.push(identifier.parent);
  }
  for (const owner of GLOBAL_OBJECTS) {
    for (const identifier of globalReferences(globalScope, owner)) {
      const member = identifier.parent;
      if (member?.type !== 'MemberExpression' || member.object !== identifier || member.computed) continue;
      if (member.property.type !== 'Identifier' || member.property.name !== name) continue;
      if (member.parent?.type === 'CallExpression' && member.parent.callee === member) calls.push(member.parent);
    }
  }
  return calls;
}

function findOpenRouterSites(sourceCode: TSESLint.SourceCode): OpenRouterSite[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const bindings = moduleBindings(sourceCode, globalScope);
  const sites: OpenRouterSite[] = [];
  const seen = new Set<Node>();
  const consider = (row: ClientRow, node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
    if (seen.has(node)) return;
    const site = analyseSite(sourceCode, row, node);
    if (site) {
      seen.add(node);
      sites.push(site);
    }
  };
  for (const row of CLIENTS) {
    for (const source of row.sources) {
      if ('global' in source) {
        for (const call of globalCalls(globalScope, source.global)) consider(row, call);
        continue;
      }
      for (const binding of bindings) {
        if (binding.module !== source.module) continue;
        for (const reference of binding.variable.references) {
          if (reference.init) continue;
          const use = useOf(reference.identifier as TSESTree.Identifier, binding, row, source.exports);
          if (use) consider(row, use);
        }
      }
    }
  }
  return sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function resolveOptions(node: TSESTree.CallExpression | TSESTree.NewExpression, row: ClientRow, scope: Scope): OptionsState {
  const argument = row.optionsArgument >= 0 ? node.arguments[row.optionsArgument] : undefined;
  if (!argument) return node.arguments.some((arg) => arg.type === 'SpreadElement') ? { kind: 'unknown' } : { kind: 'missing' };
  if (argument.type === 'SpreadElement') return { kind: 'unknown' };
  const shape = resolveObject(argument, scope);
  return shape ? { kind: 'object', shape } : { kind: 'unknown' };
}

function resolveHeadersOption(options: OptionsState, name: string | null): HeadersState {
  if (name === null || options.kind === 'missing') return { kind: 'missing' };
  if (options.kind === 'unknown') return { kind: 'unknown' };
  const entry = lastEntry(options.shape, name);
  if (!entry) return options.shape.complete ? { kind: 'missing' } : { kind: 'unknown' };
  const container = entry.value && !entry.mayBeOverridden ? resolveHeaders(entry.value, entry.scope) : null;
  return container ? { kind: 'container', container } : { kind: 'unknown' };
}

/** Whether the construction or call talks to OpenRouter, per the row's gate. */
function passesGate(row: ClientRow, node: TSESTree.CallExpression | TSESTree.NewExpression, options: OptionsState, scope: Scope): boolean {
  const gate = row.gate;
  if (gate.kind === 'tokenUrl') {
    const argument = node.arguments[gate.argument];
    return !!argument && argument.type !== 'SpreadElement' && resolveString(argument, scope).some(isOpenRouterTokenRequest);
  }
  const baseUrlAlternatives = (names: readonly string[]): StringAlternative[] | null => {
    if (options.kind !== 'object') return null;
    for (const name of names) {
      const entry = lastEntry(options.shape, name);
      if (entry?.value) return resolveString(entry.value, entry.scope);
    }
    return null;
  };
  if (gate.kind === 'baseUrl') return baseUrlAlternatives(gate.options)?.some(isOpenRouterUrl) ?? false;
  const other = gate.unlessBaseUrl ? baseUrlAlternatives(gate.unlessBaseUrl) : null;
  return !other || !other.every(isOtherHost);
}

function lookupField(row: ClientRow, field: AttributionField, options: OptionsState, headers: HeadersState): FieldState {
  const values: FieldValue[] = [];
  let unknown = false;
  const optionNames = row.options[field] ?? [];
  if (optionNames.length > 0) {
    if (options.kind === 'unknown') unknown = true;
    if (options.kind === 'object') {
      for (const name of optionNames) {
        const entry = lastEntry(options.shape, name);
        if (entry?.value) values.push(fieldValue('option', entry.key, entry.value, entry.scope));
        else if (entry) unknown = true;
      }
      if (!options.shape.complete) unknown = true;
    }
  }
  if (row.headersOption) {
    if (headers.kind === 'unknown') unknown = true;
    if (headers.kind === 'container') {
      for (const name of HEADER_NAMES[field]) {
        const entry = headers.container.entries.findLast((candidate) => candidate.key.toLowerCase() === name.toLowerCase());
        if (entry) values.push(fieldValue('header', entry.key, entry.value, entry.scope));
      }
      if (!headers.container.complete) unknown = true;
    }
  }
  if (values.length > 0) return { state: 'present', values };
  return unknown ? { state: 'unknown' } : { state: 'absent' };
}

function fieldValue(via: FieldValue['via'], key: string, valueNode: Node, scope: Scope): FieldValue {
  return { via, key, valueNode, scope, alternatives: resolveString(valueNode, scope) };
}

/** Ignored options (`defaultHeaders` on @openrouter/sdk) that hold attribution headers. */
function ignoredAttribution(row: ClientRow, options: OptionsState): { option: string; node: Node }[] {
  if (options.kind !== 'object') return [];
  const found: { option: string; node: Node }[] = [];
  for (const option of row.ignoredOptions) {
    const entry = lastEntry(options.shape, option);
    const headers = entry?.value ? resolveHeaders(entry.value, entry.scope) : null;
    const names = Object.values(HEADER_NAMES).flat().map((name) => name.toLowerCase());
    if (entry && headers?.entries.some((header) => names.includes(header.key.toLowerCase()))) {
      found.push({ option, node: entry.property });
    }
  }
  return found;
}

function analyseSite(
  sourceCode: TSESLint.SourceCode,
  row: ClientRow,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
): OpenRouterSite | null {
  const scope = sourceCode.getScope(node);
  const options = resolveOptions(node, row, scope);
  if (!passesGate(row, node, options, scope)) return null;
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
  return {
    row,
    node,
    reportNode: unwrap(node.callee),
    scope,
    options,
    headers,
    fields,
    ignoredAttribution: ignoredAttribution(row, options),
  };
}
