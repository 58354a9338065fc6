/**
 * Values imported from another module of the project, read from its source where there is no type
 * information (with it the checker answers: type-values.ts). `import { HEADERS } from './headers'`,
 * `import * as headers from './headers'` and `require('./headers')` (a module that assigns
 * `module.exports` once) then resolve to what headers.ts exports, as a constant of the file would.
 *
 * Read only: a relative import, or one through a tsconfig `paths` alias (path-aliases.ts), to exactly
 * one regular file (an ambiguous `./config` with both config.ts and config.js is not guessed), inside
 * the importing file's package, of at most `MAX_MODULE_BYTES`, parsed (never run) by one parser
 * whatever host parsed the linted file (module-parser.ts); at most `MAX_HOPS` modules away from the
 * linted file, at most `MAX_MODULES_PER_FILE` modules and `MAX_PARSED_BYTES_PER_FILE` of newly
 * parsed text per lint. Parsed modules, with their exports, are cached by path, size and
 * modification time, within a bound on their memory (module-cache.ts). Anything else is unknown,
 * and the rules stay silent.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { currentBudget, type ResolutionBudget } from './budget.js';
import { findVariable, importedName, moduleExportName, staticKeyName, type FunctionNode, type ParsedSource, type Scope, type Variable } from '../syntax/ast.js';
import { MAX_MODULE_BYTES, moduleScopeOf, parseModuleText } from '../syntax/module-parser.js';
import { ModuleCache } from './module-cache.js';
import { ownPackage } from '../project-files/own-package.js';
import { aliasTargets, baseUrlTarget } from '../project-files/path-aliases.js';
import { isRelativeSpecifier } from '../project-files/specifiers.js';
import { readRegularFile } from '../project-files/read-regular-file.js';
import { knownRepositoryRoot } from '../project-files/walk-up.js';
import { filesImporting, mayName } from './package-importers.js';
import { ExpiringCache } from '../project-files/expiring-cache.js';
import { OPENROUTER_NAME } from '../domain/urls.js';

const MAX_HOPS = 3;
const MAX_MODULES_PER_FILE = 16;
/** Bytes parsed for one lint (modules not parsed before): with the above, a bound on what one file's imports cost. */
const MAX_PARSED_BYTES_PER_FILE = 512 * 1024;
/** Non-relative specifiers looked up in the tsconfig `paths` per lint (most name packages and match no alias). */
const MAX_ALIAS_LOOKUPS_PER_FILE = 32;

const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** `./config.js` in TypeScript's ESM style names config.ts. */
const SOURCE_OF_OUTPUT: Readonly<Record<string, readonly string[]>> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** What a module exports by name, read from its `export` statements (type-only exports left out). */
interface ModuleExports {
  /** Exported name to local name: `export const x`, `export { local as x }`. */
  readonly named: ReadonlyMap<string, string>;
  /** Functions declared in their export: `export function f`, `export default function`. */
  readonly functions: ReadonlyMap<string, TSESTree.FunctionDeclaration>;
  /** The local name of `export default local`, or null. */
  readonly defaultLocal: string | null;
  /** False when it exports more than the named constants (a function or class declaration, a re-export). */
  readonly complete: boolean;
  /** Every name the module's own statements export (not its re-exports). */
  readonly declared: ReadonlySet<string>;
  /** `export { x as y } from './m'`: exported name to the module and the name it has there. */
  readonly reexported: ReadonlyMap<string, { readonly source: string; readonly name: string }>;
  /** `export * from './m'`, in order. */
  readonly starSources: readonly string[];
}

interface LoadedModule {
  readonly file: string;
  readonly program: TSESTree.Program;
  readonly scope: Scope;
  readonly exports: ModuleExports;
  /** The module as the analysis reads a file, for wrappers it exports (imported-wrappers.ts). */
  readonly source: ParsedSource;
  /** Its text, for the text test its own lint would make first (prefilter.ts). */
  readonly text: string;
}

/** The file each analysed Program was parsed from, and the package it may import from (its real path, once asked). */
interface Origin {
  readonly file: string;
  readonly root: string;
  realRoot?: string;
}
const origins = new WeakMap<TSESTree.Program, Origin>();
/** Per lint: the modules read and how many modules away from the linted file each Program is. */
interface LintState {
  loaded: number;
  parsedBytes: number;
  /** What each non-relative specifier (of a module) named through an alias. */
  readonly aliased: Map<string, string | null>;
  readonly hops: WeakMap<TSESTree.Program, number>;
}
const lintState = new WeakMap<ResolutionBudget, LintState>();
/** This lint's state, made on its first module. */
function stateOf(budget: ResolutionBudget): LintState {
  let state = lintState.get(budget);
  if (!state) lintState.set(budget, (state = { loaded: 0, parsedBytes: 0, aliased: new Map(), hops: new WeakMap() }));
  return state;
}

/** Parsed modules (null: read and found unparsable), kept across lints within a bound on their memory. */
const cache = new ModuleCache<LoadedModule | null>();

/**
 * Lets the analysis of `program` follow its relative imports, inside its package, or where it has none
 * (a browser extension, a Deno app), its repository: `file` is where it was read from. A file that is not
 * an absolute path (text given without one) or belongs to neither follows none.
 */
export function registerAnalysedFile(program: TSESTree.Program, file: string | undefined): void {
  if (!file || !path.isAbsolute(file) || origins.has(program)) return;
  const root = ownPackage(path.dirname(file))?.directory ?? knownRepositoryRoot(path.dirname(file));
  if (root) origins.set(program, { file, root });
}

/** The package folder's real path, resolved when the file first follows an import. */
function realRootOf(origin: Origin): string {
  return (origin.realRoot ??= realOrNull(origin.root) ?? origin.root);
}

function realOrNull(file: string): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}

/**
 * What a specifier names from a folder, and a file's real path, for a few seconds: the files of a
 * project import the same modules, and each answer costs a stat per candidate extension. Editors see
 * a new or moved file once its entry expires, as they see package.json edits (walk-up.ts). A module
 * is still read by the real path of its open descriptor, inside the root (read-regular-file.ts).
 */
const specifierFiles = new ExpiringCache<string, string | null>(5_000, 4_000);
const realPaths = new ExpiringCache<string, string | null>(5_000, 4_000);

function cachedAnswer(cache: ExpiringCache<string, string | null>, key: string, answer: () => string | null): string | null {
  const now = Date.now();
  let known = cache.get(key, now);
  if (known === undefined) cache.set(key, (known = answer()), now);
  return known;
}

function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The one file a relative specifier names, or null when it names none or several. */
function resolveSpecifier(specifier: string, directory: string): string | null {
  return cachedAnswer(specifierFiles, `${directory}\0${specifier}`, () => specifierFile(specifier, directory));
}

function specifierFile(specifier: string, directory: string): string | null {
  const base = path.resolve(directory, specifier);
  const extension = path.extname(base);
  let candidates: string[];
  if (SOURCE_OF_OUTPUT[extension]) {
    const stem = base.slice(0, -extension.length);
    candidates = [...SOURCE_OF_OUTPUT[extension]!.map((source) => stem + source), base];
  } else if (SCRIPT_EXTENSIONS.includes(extension)) {
    candidates = [base];
  } else {
    candidates = SCRIPT_EXTENSIONS.map((each) => base + each);
  }
  let found = candidates.filter(isRegularFile);
  // `./lib` names lib/index.* only when no lib.* exists.
  if (found.length === 0 && !SCRIPT_EXTENSIONS.includes(extension)) found = SCRIPT_EXTENSIONS.map((each) => path.join(base, `index${each}`)).filter(isRegularFile);
  return found.length === 1 ? found[0]! : null;
}

function parseModule(file: string, root: string): LoadedModule | null {
  // Checked again on the descriptor: a folder swapped for a symlink since the real path was taken leads nowhere.
  const read = readRegularFile(file, root, MAX_MODULE_BYTES);
  const text = 'text' in read ? read.text : null;
  const source = text !== null ? parseModuleText(text, file) : null;
  const scope = source && moduleScopeOf(source);
  if (text === null || !source || !scope) return null;
  const program = source.ast as TSESTree.Program;
  origins.set(program, { file, root });
  return { file, program, scope, exports: exportsOf(program), source, text };
}

/** The module at `file`, parsed once per version of it. */
function loadModule(file: string, root: string, state: LintState): LoadedModule | null {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return null;
  }
  const cached = cache.get(file, stat.size, stat.mtimeMs);
  if (cached !== undefined) return cached;
  if (state.parsedBytes + stat.size > MAX_PARSED_BYTES_PER_FILE) return null;
  state.parsedBytes += stat.size;
  const module = stat.isFile() && stat.size <= MAX_MODULE_BYTES ? parseModule(file, root) : null;
  cache.set(file, stat.size, stat.mtimeMs, module, module ? stat.size : 0);
  return module;
}

function programOf(scope: Scope): TSESTree.Program | null {
  let current = scope;
  while (current.upper) current = current.upper;
  return current.block.type === 'Program' ? current.block : null;
}

/** A module's exports by name, from one pass over its `export` statements. */
function exportsOf(program: TSESTree.Program): ModuleExports {
  const named = new Map<string, string>();
  const functions = new Map<string, TSESTree.FunctionDeclaration>();
  const declared = new Set<string>();
  const reexported = new Map<string, { source: string; name: string }>();
  const starSources: string[] = [];
  let defaultLocal: string | null = null;
  let complete = true;
  for (const statement of program.body) {
    if (statement.type === 'ExportAllDeclaration' || (statement.type === 'ExportNamedDeclaration' && statement.source)) complete = false;
    if (statement.type === 'ExportAllDeclaration' && statement.exported === null && statement.exportKind !== 'type') starSources.push(statement.source.value);
    if (statement.type === 'ExportNamedDeclaration' && statement.source && statement.exportKind !== 'type') {
      for (const specifier of statement.specifiers) {
        if (specifier.exportKind !== 'type') reexported.set(moduleExportName(specifier.exported), { source: statement.source.value, name: moduleExportName(specifier.local) });
      }
    }
    if (statement.type === 'ExportDefaultDeclaration') declared.add('default');
    if (statement.type === 'ExportDefaultDeclaration' && statement.declaration.type === 'Identifier') defaultLocal = statement.declaration.name;
    if (statement.type === 'ExportDefaultDeclaration' && statement.declaration.type === 'FunctionDeclaration') functions.set('default', statement.declaration);
    if (statement.type !== 'ExportNamedDeclaration' || statement.source || statement.exportKind === 'type') continue;
    if (statement.declaration?.type === 'VariableDeclaration') {
      for (const declarator of statement.declaration.declarations) {
        if (declarator.id.type === 'Identifier') named.set(declarator.id.name, declarator.id.name);
        if (declarator.id.type === 'Identifier') declared.add(declarator.id.name);
      }
    } else if (statement.declaration) {
      if (statement.declaration.type === 'FunctionDeclaration' && statement.declaration.id) functions.set(statement.declaration.id.name, statement.declaration);
      if ('id' in statement.declaration && statement.declaration.id?.type === 'Identifier') declared.add(statement.declaration.id.name);
      complete = false;
    }
    for (const specifier of statement.specifiers) {
      if (specifier.local.type === 'Identifier') named.set(moduleExportName(specifier.exported), specifier.local.name);
      declared.add(moduleExportName(specifier.exported));
    }
  }
  return { named, functions, defaultLocal, complete, declared, reexported, starSources };
}

/** The one file a specifier of `origin` names: relative, through a tsconfig `paths` alias (the first substitution that names one), or from its `baseUrl`. */
function specifiedFile(source: string, origin: Origin, state: LintState): string | null {
  if (isRelativeSpecifier(source)) return resolveSpecifier(source, path.dirname(origin.file));
  // Each alias may try several substitutions, each several extensions: a bounded number per lint, each once.
  const key = `${origin.file}\0${source}`;
  const known = state.aliased.get(key);
  if (known !== undefined || state.aliased.size >= MAX_ALIAS_LOOKUPS_PER_FILE) return known ?? null;
  let found: string | null = null;
  for (const target of aliasTargets(source, origin.file, origin.root)) if ((found = resolveSpecifier(target, origin.root))) break;
  const fromBase = found ? null : baseUrlTarget(source, origin.file, origin.root);
  if (fromBase) found = resolveSpecifier(fromBase, origin.root);
  state.aliased.set(key, found);
  return found;
}

/**
 * The module a specifier of the file that holds `scope` names, read under this lint's bounds, or null.
 * With type information values come from the checker; a function's body (`forFunction`: a wrapper, a helper
 * whose return is read) is read either way, as the checker does not see what a body does with its arguments.
 */
function importedModule(source: string, scope: Scope, forFunction = false): LoadedModule | null {
  const budget = currentBudget();
  if (budget.types && !forFunction) return null;
  const importer = programOf(scope);
  const origin = importer && origins.get(importer);
  if (!importer || !origin) return null;
  const state = stateOf(budget);
  const hops = (state.hops.get(importer) ?? 0) + 1;
  if (hops > MAX_HOPS || state.loaded >= MAX_MODULES_PER_FILE) return null;
  const file = specifiedFile(source, origin, state);
  const real = file && cachedAnswer(realPaths, file, () => realOrNull(file));
  if (!real || !real.startsWith(realRootOf(origin) + path.sep)) return null;
  state.loaded++;
  const module = loadModule(real, realRootOf(origin), state);
  if (module && !state.hops.has(module.program)) state.hops.set(module.program, hops);
  return module;
}

/** `module.exports` (or `module.exports.x`, `exports.x` when `member`): the target of a CommonJS export assignment. */
function isExportsTarget(node: TSESTree.Node, member: boolean): boolean {
  if (node.type !== 'MemberExpression') return false;
  const isModuleExports = (target: TSESTree.Node) =>
    target.type === 'MemberExpression' && target.object.type === 'Identifier' && target.object.name === 'module' && target.property.type === 'Identifier' && target.property.name === 'exports' && !target.computed;
  if (!member) return isModuleExports(node);
  return isModuleExports(node.object) || (node.object.type === 'Identifier' && node.object.name === 'exports');
}

/**
 * What `require('./m')` returns, read from m's source: the value of its one top-level
 * `module.exports = value`, or null when m assigns its exports any other way too (`exports.x = v`).
 */
export function requiredExports(call: TSESTree.CallExpression, scope: Scope): { scope: Scope; value: TSESTree.Expression } | null {
  const [argument] = call.arguments;
  if (call.callee.type !== 'Identifier' || call.callee.name !== 'require' || call.arguments.length !== 1) return null;
  if (argument?.type !== 'Literal' || typeof argument.value !== 'string' || findVariable(scope, 'require')?.defs.length) return null;
  const module = importedModule(argument.value, scope);
  if (!module) return null;
  let value: TSESTree.Expression | null = null;
  for (const statement of module.program.body) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
    const { left, right, operator } = statement.expression;
    if (isExportsTarget(left, true)) return null;
    if (!isExportsTarget(left, false)) continue;
    if (value || operator !== '=') return null;
    value = right;
  }
  return value && { scope: module.scope, value };
}

/** The import declaration of a value import binding, or null (a type-only import, any other variable). */
function valueImport(variable: Variable): { declaration: TSESTree.ImportDeclaration; specifier: TSESTree.Node } | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type !== 'ImportBinding' || def.parent?.type !== 'ImportDeclaration' || def.parent.importKind === 'type') return null;
  return { declaration: def.parent, specifier: def.node };
}

/**
 * Where the value an import binding holds is declared: the exporting module's scope and the local
 * name there, or null when it cannot be read (see the module comment) or type information is at hand.
 */
export function importedDeclaration(variable: Variable): { scope: Scope; name: string } | null {
  const imported = importedExport(variable, false);
  const local = imported?.local;
  return local ? { scope: imported.module.scope, name: local } : null;
}

/** The expression a module exports as its default (`export default registerAs(...)`), for a default import of it. */
export function importedDefaultExpression(variable: Variable): { init: TSESTree.Expression; scope: Scope } | null {
  const imported = importedExport(variable, false);
  if (!imported || imported.name !== 'default' || imported.local) return null;
  for (const statement of imported.module.program.body) {
    if (statement.type !== 'ExportDefaultDeclaration') continue;
    const declaration = statement.declaration;
    return declaration.type.endsWith('Declaration') ? null : { init: declaration as TSESTree.Expression, scope: imported.module.scope };
  }
  return null;
}

/**
 * The module a named or default value import comes from (read under this lint's bounds), the name it
 * imports and that name's local name there, or null.
 */
function importedExport(variable: Variable, forFunction: boolean): { module: LoadedModule; name: string; local: string | null } | null {
  const found = valueImport(variable);
  const specifier = found?.specifier;
  if (!specifier || (specifier.type !== 'ImportDefaultSpecifier' && (specifier.type !== 'ImportSpecifier' || specifier.importKind === 'type'))) return null;
  const module = importedModule(found.declaration.source.value, variable.scope, forFunction);
  const declaring = module && declaringModule(module, importedName(specifier), forFunction);
  if (!declaring) return null;
  const { module: owner, name } = declaring;
  return { module: owner, name, local: (name === 'default' ? owner.exports.defaultLocal : owner.exports.named.get(name)) ?? null };
}

/** Re-exports followed from an import to the module that declares the name: `index.ts` re-exporting a sibling is one. */
const MAX_REEXPORT_STEPS = 3;
/** `export * from` modules searched for a name per step: a barrel of hundreds is not searched. */
const MAX_STAR_SOURCES = 8;

/**
 * The module whose own statements export `name`, following `export { name } from` and `export * from`
 * (an index module that gathers its folder's exports), and the name there; null when none does, or
 * when two star-exported modules both do (JavaScript exports neither then).
 */
function declaringModule(module: LoadedModule, name: string, forFunction: boolean, steps = 0): { module: LoadedModule; name: string } | null {
  if (module.exports.declared.has(name)) {
    // `import { API_CONFIG } from './config'; export { API_CONFIG };` re-exports what it imports.
    const local = name === 'default' ? module.exports.defaultLocal : module.exports.named.get(name);
    const variable = local ? module.scope.set.get(local) : undefined;
    const found = variable && steps < MAX_REEXPORT_STEPS ? valueImport(variable) : null;
    const specifier = found?.specifier;
    if (!found || !specifier || (specifier.type !== 'ImportDefaultSpecifier' && (specifier.type !== 'ImportSpecifier' || specifier.importKind === 'type'))) return { module, name };
    const next = importedModule(found.declaration.source.value, module.scope, forFunction);
    return next && declaringModule(next, importedName(specifier), forFunction, steps + 1);
  }
  if (steps === MAX_REEXPORT_STEPS) return null;
  const reexport = module.exports.reexported.get(name);
  if (reexport) {
    const next = importedModule(reexport.source, module.scope, forFunction);
    return next && declaringModule(next, reexport.name, forFunction, steps + 1);
  }
  // `export *` never re-exports a default.
  if (name === 'default' || module.exports.starSources.length > MAX_STAR_SOURCES) return null;
  let found: { module: LoadedModule; name: string } | null = null;
  for (const source of module.exports.starSources) {
    const next = importedModule(source, module.scope, forFunction);
    const candidate = next && declaringModule(next, name, forFunction, steps + 1);
    if (candidate && found && candidate.module !== found.module) return null;
    found = candidate ?? found;
  }
  return found;
}

/**
 * What a namespace import (`import * as site from './site'`) holds: the module's scope and its exported
 * constants by name; complete unless the module exports other things too (see ModuleExports).
 */
export function importedNamespace(variable: Variable): { scope: Scope; exports: ModuleExports } | null {
  const found = valueImport(variable);
  if (found?.specifier.type !== 'ImportNamespaceSpecifier') return null;
  const module = importedModule(found.declaration.source.value, variable.scope);
  return module && { scope: module.scope, exports: module.exports };
}

/** A function another module exports, as the analysis reads it there. */
export interface ImportedFunction {
  readonly fn: FunctionNode;
  readonly source: ParsedSource;
  readonly file: string;
  /** The module's text, for the text test its own lint makes first; absent for a class's method. */
  readonly text?: string;
}

/** The function declared once (and never reassigned) under `name` in a module's scope: `function f` or `const f = () => ...`. */
function moduleFunction(module: LoadedModule, name: string): FunctionNode | null {
  const variable = module.scope.set.get(name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def || variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  if (def.type === 'FunctionName' && def.node.type === 'FunctionDeclaration') return def.node;
  const declarator = def.type === 'Variable' && def.parent?.type === 'VariableDeclaration' && def.parent.kind === 'const' ? def.node : null;
  const init = declarator?.type === 'VariableDeclarator' ? declarator.init : null;
  return init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression' ? init : null;
}

/** The function a module exports under `name`: declared in its export, or a local function exported by name. */
function exportedFunction(module: LoadedModule, name: string, local: string | null): FunctionNode | null {
  return module.exports.functions.get(name) ?? (local ? moduleFunction(module, local) : null);
}

/** The function an import binding names in the project's module it comes from (see the module comment), or null. */
export function importedFunction(variable: Variable): ImportedFunction | null {
  const imported = importedExport(variable, true);
  const fn = imported && exportedFunction(imported.module, imported.name, imported.local);
  return fn && { fn, source: imported.module.source, file: imported.module.file, text: imported.module.text };
}

/** A class another module exports, as the analysis reads it there: for the requests its methods make (class-constructions.ts). */
export interface ImportedClass {
  readonly owner: TSESTree.ClassDeclaration;
  readonly source: ParsedSource;
  readonly file: string;
  /** The module's text, for the text test its own lint makes first. */
  readonly text: string;
}

/** The class an import binding names in the project's module it comes from, or null. */
export function importedClass(variable: Variable): ImportedClass | null {
  const imported = importedExport(variable, true);
  const owner = imported && exportedClass(imported.module, imported.name, imported.local);
  return owner && { owner, source: imported.module.source, file: imported.module.file, text: imported.module.text };
}

/** `export class K`, `export default class`, or a class declared once and exported by name. */
function exportedClass(module: LoadedModule, name: string, local: string | null): TSESTree.ClassDeclaration | null {
  for (const statement of module.program.body) {
    if (statement.type === 'ExportDefaultDeclaration' && name === 'default' && statement.declaration.type === 'ClassDeclaration') return statement.declaration;
    if (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'ClassDeclaration' && statement.declaration.id?.name === name) return statement.declaration;
  }
  const variable = local === null ? undefined : module.scope.set.get(local);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'ClassName' || def.node.type !== 'ClassDeclaration' || variable.references.some((reference) => reference.isWrite())) return null;
  return def.node;
}

/** A function of a parsed module, with the scope it is declared in. */
export function declaredFunction(source: ParsedSource, fn: FunctionNode | null): { fn: FunctionNode; declaredIn: Scope } | null {
  // A named function expression's own scope sits in one for its name: either way, the scope above is the declaring one.
  const declaredIn = fn && source.scopeManager?.acquire(fn)?.upper;
  return fn && declaredIn ? { fn, declaredIn } : null;
}

/**
 * A helper another module exports, for what a call of it returns (local-functions.ts): the function
 * an import binding names (`member` null), or a member of a namespace import (`transport.defaults`),
 * with the scope it is declared in; read as imported values are, so not where type information answers.
 */
export function importedHelper(variable: Variable, member: string | null): { fn: FunctionNode; declaredIn: Scope } | null {
  if (member === null) {
    const imported = importedExport(variable, true);
    return imported && declaredFunction(imported.module.source, exportedFunction(imported.module, imported.name, imported.local));
  }
  const found = valueImport(variable);
  const module = found?.specifier.type === 'ImportNamespaceSpecifier' ? importedModule(found.declaration.source.value, variable.scope, true) : null;
  return module && declaredFunction(module.source, exportedFunction(module, member, module.exports.named.get(member) ?? null));
}

/** A binding another module of the package declares by importing an export of the linted file. */
export interface ImportingBinding {
  readonly variable: Variable;
  readonly source: ParsedSource;
  readonly text: string;
  readonly file: string;
}

/**
 * Whether a module of the package that imports the same export as `variable`, names OpenRouter (so
 * that its own lint reads the export's values) and puts it in headers comes before the linted file in
 * path order. A wrong value
 * the export holds is then that module's one finding; here it is told as present, judged there.
 */
export function judgedByEarlierImporter(variable: Variable): boolean {
  const imported = importedExport(variable, false);
  const program = programOf(variable.scope);
  const file = program && origins.get(program)?.file;
  if (!imported || !file) return false;
  const first = firstJudgingImporter(imported.module, imported.name);
  return first !== null && first < file;
}

/**
 * The first module by path that imports export `name` of `module`, names OpenRouter and puts it in
 * headers; null when none does or the importers cannot all be read. Kept for a few seconds, as the
 * importers' list is (package-importers.ts): every file of a project importing the export asks.
 */
function firstJudgingImporter(module: LoadedModule, name: string): string | null {
  const key = `${module.file}\0${name}`;
  const now = Date.now();
  const known = judgingImporters.get(key, now);
  if (known !== undefined) return known;
  const importers = importingBindings(module.program, name);
  let first: string | null = null;
  for (const importer of importers ?? []) {
    if ((first === null || importer.file < first) && OPENROUTER_NAME.test(importer.text) && givesHeaders(importer.variable)) first = importer.file;
  }
  // Importers this lint could not all read (past its bounds) may be read by the next: not kept.
  if (importers) judgingImporters.set(key, first, now);
  return first;
}

const judgingImporters = new ExpiringCache<string, string | null>(5_000, 4_000);

/** Steps from a reference up to the headers option it may fill: `headers: { ...H.common, X }` is four. */
const MAX_STEPS_TO_HEADERS = 6;

/**
 * Whether a binding is used inside an option named for headers (`headers`, `defaultHeaders`,
 * `extraHeaders`): a module that only shows or tests the value sends nothing its lint would judge.
 */
function givesHeaders(variable: Variable): boolean {
  return variable.references.some((reference) => {
    let node: TSESTree.Node = reference.identifier;
    for (let step = 0; step < MAX_STEPS_TO_HEADERS && node.parent; step++, node = node.parent) {
      const parent: TSESTree.Node = node.parent;
      if (parent.type === 'Property' && parent.value === node) {
        if (/headers$/i.test(staticKeyName(parent) ?? '')) return true;
      } else if (parent.type !== 'MemberExpression' && parent.type !== 'SpreadElement' && parent.type !== 'ObjectExpression' && parent.type !== 'Property') return false;
    }
    return false;
  });
}

/**
 * The bindings the package's other modules declare for `name` exported by the file `program` was
 * read from (`import { name } from './that-file'`; `default` for a default import), read under this
 * lint's bounds (package-importers.ts lists the files); null when they cannot all be read.
 */
export function importingBindings(program: TSESTree.Program, name: string): ImportingBinding[] | null {
  const origin = origins.get(program);
  if (!origin) return null;
  const files = filesImporting(origin.file, origin.root);
  if (!files) return null;
  const state = stateOf(currentBudget());
  const found: ImportingBinding[] = [];
  for (const file of files) {
    const module = loadModule(file, origin.root, state);
    if (!module) return null;
    for (const statement of module.program.body) {
      if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type' || !mayName(statement.source.value, file, origin.file, origin.root)) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportNamespaceSpecifier' || (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') || importedName(specifier) !== name) continue;
        const variable = module.source.scopeManager?.getDeclaredVariables(specifier)[0];
        if (variable) found.push({ variable, source: module.source, text: module.text, file });
      }
    }
  }
  return found;
}
