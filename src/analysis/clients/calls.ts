/**
 * Finds the calls and constructions of the client table's rows: through imports (named, default,
 * namespace, aliased), `require`, TS `import x = require()`, and globals no local binding shadows.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable, globalReferences, importedName, memberName, nodeAt, staticKeyName, topLevelStatements, unwrap, type Node, type ParsedSource, type Scope, type Variable } from '../syntax/ast.js';
import type { ClientRow } from './rows.js';
import { BUILT_IN_TABLE, type ClientTable } from './table.js';
import { ownClientModule } from '../project-files/own-package.js';

export type ClientCall = TSESTree.CallExpression | TSESTree.NewExpression;

interface Binding {
  readonly variable: Variable;
  readonly module: string;
  /** The export bound (`default` for default imports), `*` for a namespace, `module.exports` for `require`. */
  readonly exportName: string;
}

function declaredVariable(sourceCode: ParsedSource, node: Node): Variable | null {
  return sourceCode.scopeManager?.getDeclaredVariables(node)[0] ?? null;
}

/** The client module a specifier names, or null: a client's package name, or a relative path into the client's own package. */
type ModuleOf = (specifier: string) => string | null;

function moduleBindings(sourceCode: ParsedSource, globalScope: Scope, moduleOf: ModuleOf): Binding[] {
  const bindings: Binding[] = [];
  for (const statement of topLevelStatements(sourceCode.ast)) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') {
      const module = moduleOf(statement.source.value);
      if (module === null) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') continue;
        const variable = declaredVariable(sourceCode, specifier);
        if (variable) bindings.push({ variable, module, exportName: importedName(specifier) });
      }
    } else if (
      statement.type === 'TSImportEqualsDeclaration' &&
      statement.moduleReference.type === 'TSExternalModuleReference' &&
      statement.moduleReference.expression.type === 'Literal'
    ) {
      const module = moduleOf(String(statement.moduleReference.expression.value));
      const variable = module === null ? null : declaredVariable(sourceCode, statement);
      if (variable) bindings.push({ variable, module: module!, exportName: 'module.exports' });
    }
  }
  for (const identifier of globalReferences(globalScope, 'require')) {
    const call = identifier.parent;
    if (call?.type !== 'CallExpression' || call.callee !== identifier) continue;
    const argument = call.arguments[0];
    const module = argument?.type === 'Literal' && typeof argument.value === 'string' ? moduleOf(argument.value) : null;
    if (module === null) continue;
    bindings.push(...requireBindings(sourceCode, call, module));
  }
  bindings.push(...dynamicImportBindings(sourceCode, moduleOf));
  bindings.push(...memberAliasBindings(sourceCode, bindings));
  bindings.push(...forwardingBindings(sourceCode, bindings));
  return bindings;
}

/** `const X = require(m)`, `const { A, B: C } = require(m)`, `const A = require(m).A`. */
function requireBindings(sourceCode: ParsedSource, call: TSESTree.CallExpression, module: string): Binding[] {
  const member = memberOf(call.parent, call);
  const parent = member === null ? call.parent : call.parent?.parent;
  if (parent?.type !== 'VariableDeclarator') return [];
  return patternBindings(sourceCode, parent, parent.id, module, member ?? 'module.exports', member === null);
}

/**
 * `import(m)` and what receives the module: `const sdk = await import(m)` (a namespace),
 * `const { OpenRouter } = await import(m)`, `const OpenAI = (await import(m)).default`, `import(m).then(({ default: fetch }) => ...)`.
 */
function dynamicImportBindings(sourceCode: ParsedSource, moduleOf: ModuleOf): Binding[] {
  const bindings: Binding[] = [];
  for (const start of importKeywords(sourceCode)) {
    const node = nodeAt(sourceCode.ast, start);
    // `import('openai' as string)`: a cast that keeps a bundler from resolving an optional dependency.
    const source = node.type === 'ImportExpression' ? unwrap(node.source) : null;
    if (source?.type !== 'Literal' || typeof source.value !== 'string') continue;
    const module = moduleOf(source.value);
    if (module === null) continue;
    const awaited = node.parent?.type === 'AwaitExpression' ? node.parent : null;
    if (awaited?.parent?.type === 'VariableDeclarator' && awaited.parent.init === awaited) {
      bindings.push(...patternBindings(sourceCode, awaited.parent, awaited.parent.id, module, '*', true));
      continue;
    }
    // `const OpenAI = (await import(m)).default`: one export of it.
    const exported = awaited ? memberOf(awaited.parent, awaited) : null;
    const holder = exported !== null ? awaited!.parent!.parent : null;
    if (exported !== null && holder?.type === 'VariableDeclarator' && holder.init === awaited!.parent && holder.id.type === 'Identifier') {
      bindings.push(...patternBindings(sourceCode, holder, holder.id, module, exported, true));
      continue;
    }
    // `let mod; try { mod = await import(m); } catch { ... }`: the module, where that is the variable's one value.
    const assigned = awaited?.parent?.type === 'AssignmentExpression' && awaited.parent.right === awaited && awaited.parent.operator === '=' ? awaited.parent.left : null;
    const variable = assigned?.type === 'Identifier' ? findVariable(sourceCode.getScope(assigned), assigned.name) : null;
    if (variable && variable.defs.length === 1 && variable.defs[0]!.type === 'Variable' && variable.references.filter((reference) => reference.isWrite()).length === 1 && !variable.references.some((reference) => reference.init)) {
      bindings.push({ variable, module, exportName: '*' });
      continue;
    }
    const then = memberOf(node.parent, node) === 'then' ? node.parent!.parent : null;
    const callback = then?.type === 'CallExpression' && then.callee === node.parent ? then.arguments[0] : undefined;
    if ((callback?.type === 'ArrowFunctionExpression' || callback?.type === 'FunctionExpression') && callback.params[0]) {
      bindings.push(...patternBindings(sourceCode, callback, callback.params[0], module, '*', true));
    }
  }
  return bindings;
}

/**
 * A module object's export held in a constant: `const OpenAI = mod.default ?? mod` (the interop of an
 * optional dependency loaded with `import()`), `const OpenAI = sdk.default`, past casts.
 */
function memberAliasBindings(sourceCode: ParsedSource, bindings: readonly Binding[]): Binding[] {
  const found: Binding[] = [];
  for (const binding of bindings) {
    if (binding.exportName !== '*' && binding.exportName !== 'module.exports') continue;
    for (const reference of binding.variable.references) {
      const identifier = reference.identifier;
      const name = memberOf(identifier.parent, identifier);
      if (name === null) continue;
      let value: Node = identifier.parent!;
      const fallback = value.parent;
      // `mod.default ?? mod`: the module itself where it has no default (CommonJS), the same class either way.
      if (fallback?.type === 'LogicalExpression' && fallback.left === value && ['??', '||'].includes(fallback.operator)) {
        const right = unwrap(fallback.right);
        if (right.type !== 'Identifier' || right.name !== identifier.name) continue;
        value = fallback;
      }
      while (value.parent && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression'].includes(value.parent.type)) value = value.parent;
      const declarator = value.parent;
      if (declarator?.type !== 'VariableDeclarator' || declarator.init !== value || declarator.id.type !== 'Identifier' || declarator.parent.kind !== 'const') continue;
      const variable = declaredVariable(sourceCode, declarator);
      if (variable) found.push({ variable, module: binding.module, exportName: name });
    }
  }
  return found;
}

/**
 * Where the file's `import` keywords start. With the text at hand, each occurrence of the word is looked
 * up among the tokens (a keyword is never spelt with escapes, so none is missed) rather than every token
 * of a large file compared; a tree without its text (a module parsed for its exports) walks its tokens.
 */
function importKeywords(sourceCode: ParsedSource & { readonly text?: unknown }): number[] {
  const tokens = sourceCode.ast.tokens;
  const isKeyword = (token: TSESTree.Token | undefined) => token?.type === 'Keyword' && token.value === 'import';
  if (typeof sourceCode.text !== 'string') return tokens.filter(isKeyword).map((token) => token.range[0]);
  const text = sourceCode.text;
  const starts: number[] = [];
  for (let index = text.indexOf('import'); index !== -1; index = text.indexOf('import', index + 1)) {
    let low = 0;
    let high = tokens.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tokens[middle]!.range[0] < index) low = middle + 1;
      else high = middle;
    }
    const token = tokens[low];
    if (token?.range[0] === index && isKeyword(token)) starts.push(index);
  }
  return starts;
}

/**
 * Functions that only forward their arguments to a client, which are that client:
 * `const fetch = (...args) => import('node-fetch').then(({ default: f }) => f(...args))`, or
 * `function send(...args) { return nodeFetch(...args); }` with `nodeFetch` imported. Followed through
 * wrappers of wrappers; a wrapper that calls a method (`axios.post(...args)`) is not followed.
 */
function forwardingBindings(sourceCode: ParsedSource, bindings: readonly Binding[]): Binding[] {
  const found: Binding[] = [];
  const seen = new Set(bindings.map((binding) => binding.variable));
  const queue = [...bindings];
  for (let binding = queue.pop(); binding; binding = queue.pop()) {
    for (const reference of binding.variable.references) {
      const wrapper = forwardingWrapper(sourceCode, reference.identifier as TSESTree.Identifier);
      if (!wrapper || seen.has(wrapper)) continue;
      seen.add(wrapper);
      const forwarded = { variable: wrapper, module: binding.module, exportName: binding.exportName };
      found.push(forwarded);
      queue.push(forwarded);
    }
  }
  return found;
}

/** The variable of the function whose rest parameter this call forwards whole: `f(...args)` in `(...args) => ...`. */
function forwardingWrapper(sourceCode: ParsedSource, callee: TSESTree.Identifier): Variable | null {
  const call = callee.parent;
  if (call?.type !== 'CallExpression' || call.callee !== callee || call.arguments.length !== 1) return null;
  const spread = call.arguments[0]!;
  if (spread.type !== 'SpreadElement' || spread.argument.type !== 'Identifier') return null;
  const rest = findVariable(sourceCode.getScope(spread.argument), spread.argument.name);
  const def = rest?.defs[0];
  if (rest?.defs.length !== 1 || def?.type !== 'Parameter' || def.name.parent?.type !== 'RestElement') return null;
  const fn = def.node;
  if (fn.params.length !== 1) return null;
  if (fn.type === 'FunctionDeclaration') return declaredVariable(sourceCode, fn);
  const declarator = fn.parent;
  return declarator?.type === 'VariableDeclarator' && declarator.init === fn && declarator.id.type === 'Identifier' ? declaredVariable(sourceCode, declarator) : null;
}

/**
 * The bindings a pattern receives from a module value: the whole value under `wholeName` for a plain
 * name, and each export for `{ A, B: C, default: D }` when the value is the whole module.
 */
function patternBindings(
  sourceCode: ParsedSource,
  declaring: Node,
  pattern: Node,
  module: string,
  wholeName: string,
  destructurable: boolean,
): Binding[] {
  const declared = sourceCode.scopeManager?.getDeclaredVariables(declaring) ?? [];
  const byName = new Map(declared.map((variable) => [variable.name, variable]));
  if (pattern.type === 'Identifier') {
    const variable = byName.get(pattern.name);
    return variable ? [{ variable, module, exportName: wholeName }] : [];
  }
  if (pattern.type !== 'ObjectPattern' || !destructurable) return [];
  const bindings: Binding[] = [];
  for (const property of pattern.properties) {
    const exportName = property.type === 'Property' ? staticKeyName(property) : null;
    if (property.type !== 'Property' || exportName === null) continue;
    const bound = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    const variable = bound.type === 'Identifier' ? byName.get(bound.name) : undefined;
    if (variable) bindings.push({ variable, module, exportName });
  }
  return bindings;
}

function isCallOf(node: Node | undefined, callee: Node): node is ClientCall {
  return (node?.type === 'NewExpression' || node?.type === 'CallExpression') && node.callee === callee;
}

/** The property name of `object.name` when `node` is that member access of `object`. */
function memberOf(node: Node | undefined, object: Node): string | null {
  return node?.type === 'MemberExpression' && node.object === object ? memberName(node) : null;
}

/**
 * The call a row makes from a reference to its export: `new X()`, `x()`, `x.post()` for rows with
 * methods, `x.chat()` for any-use rows.
 */
function callFrom(exportRef: Node, row: ClientRow): ClientCall | null {
  const parent = exportRef.parent;
  const matchesKind = (call: ClientCall): boolean => row.call === 'any-use' || (row.call === 'new') === (call.type === 'NewExpression');
  if (row.methods) {
    if (row.methods.includes('') && isCallOf(parent, exportRef)) return matchesKind(parent) ? parent : null;
    const method = memberOf(parent, exportRef);
    return method !== null && row.methods.includes(method) && isCallOf(parent?.parent, parent!) && matchesKind(parent.parent) ? parent.parent : null;
  }
  if (isCallOf(parent, exportRef)) return matchesKind(parent) ? parent : null;
  if (row.call === 'any-use' && memberOf(parent, exportRef) !== null && isCallOf(parent?.parent, parent!)) return parent.parent;
  return null;
}

function callsThroughBinding(identifier: TSESTree.Identifier, binding: Binding, row: ClientRow, exports: readonly string[]): ClientCall | null {
  if (exports.includes(binding.exportName)) {
    const call = callFrom(identifier, row);
    if (call) return call;
  }
  // `sdk.OpenRouter` through a namespace import or a required module object.
  if (binding.exportName === '*' || binding.exportName === 'module.exports') {
    const name = memberOf(identifier.parent, identifier);
    if (name !== null && exports.includes(name)) return callFrom(identifier.parent!, row);
  }
  return null;
}

/**
 * The calls a row's sites are made of: the construction itself, or for a row whose requests go through a
 * method of the instance, the calls of that method on it (`new OpenRouter().chatModel(options)`) or on the
 * variable that always holds it (`xhr.open(method, url)`).
 */
function siteCalls(sourceCode: ParsedSource, construction: ClientCall, row: ClientRow): ClientCall[] {
  if (!row.instanceMethod) return [construction];
  const uses: Node[] = [construction];
  const declarator = construction.parent;
  if (declarator?.type === 'VariableDeclarator' && declarator.init === construction && declarator.id.type === 'Identifier') {
    // A variable that always holds it: a `const`, or a `let`/`var` (a userscript's `var xhr`) never written again.
    const variable = declaredVariable(sourceCode, declarator);
    const writes = variable?.references.filter((reference) => reference.isWrite()) ?? [];
    if (writes.length === 1 && writes[0]!.init) for (const reference of variable!.references) if (!reference.init) uses.push(reference.identifier);
  }
  const path = row.instanceMethod.split('.');
  const calls: ClientCall[] = [];
  for (const use of uses) {
    let member: Node | null = use;
    for (const segment of path) member = member && memberOf(member.parent, member) === segment ? member.parent! : null;
    if (member && isCallOf(member.parent, member) && member.parent.type === 'CallExpression') calls.push(member.parent);
  }
  return calls;
}

const GLOBAL_OBJECTS = ['globalThis', 'window', 'self', 'global'];

/** References to a global (`fetch`, `globalThis.fetch`) that no local binding shadows. */
function globalExportReferences(globalScope: Scope, name: string): Node[] {
  const found: Node[] = globalReferences(globalScope, name);
  for (const owner of GLOBAL_OBJECTS) {
    for (const identifier of globalReferences(globalScope, owner)) {
      if (memberOf(identifier.parent, identifier) === name) found.push(identifier.parent!);
    }
  }
  return found;
}

/** Every call or construction of a row of the table (the built-in one unless given) in the file, in source order. */
export function findClientCalls(
  sourceCode: ParsedSource,
  table: ClientTable = BUILT_IN_TABLE,
  file: string | null = null,
): { row: ClientRow; node: ClientCall }[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const moduleOf: ModuleOf = (specifier) => (table.modules.has(specifier) ? specifier : ownClientModule(specifier, file, table.modules));
  const bindings = moduleBindings(sourceCode, globalScope, moduleOf);
  const calls: { row: ClientRow; node: ClientCall }[] = [];
  const add = (row: ClientRow, node: ClientCall): void => {
    for (const call of siteCalls(sourceCode, node, row)) calls.push({ row, node: call });
  };
  for (const row of table.rows) {
    for (const source of row.sources) {
      if ('global' in source) {
        for (const reference of globalExportReferences(globalScope, source.global)) {
          const node = callFrom(reference, row);
          if (node) add(row, node);
        }
        continue;
      }
      for (const binding of bindings) {
        if (binding.module !== source.module) continue;
        for (const reference of binding.variable.references) {
          if (reference.init) continue;
          const node = callsThroughBinding(reference.identifier as TSESTree.Identifier, binding, row, source.exports);
          if (node) add(row, node);
        }
      }
    }
  }
  return calls.sort((a, b) => a.node.range[0] - b.node.range[0]);
}
