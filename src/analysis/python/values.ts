/**
 * The bounded static evaluator of Python expressions: what a string or a dict may hold at run time, as
 * far as the file (and the project modules it imports) tells. What it cannot tell is a hole; every step
 * charges the file's budget, every result is memoised per node, and no path goes deeper than
 * `LIMITS.depth`, so hostile input ends in holes rather than in a long run or a full stack.
 */
import type { SyntaxNode } from '@lezer/common';
import path from 'node:path';
import { LIMITS, type ResolutionBudget } from '../values/budget.js';
import type { Node } from '../syntax/ast.js';
import { exactText, type Piece, type StringAlternative } from '../values/static-value.js';
import { loadModule, loadModuleFor, moduleFile, projectRoot, type PythonModule } from './module-files.js';
import { isNodeOf, pythonNode } from './nodes.js';
import { lookupName, reachingAssignment, scopeKey, scopeOf, type Binding, type PythonScope } from './scopes.js';
import { formatStringParts, stringLiteralText } from './strings.js';
import { callArguments, childNamed, dottedName, isComment, meaningfulChildren, unparenthesised } from './tree.js';
import { pythonUnstableRead } from './unstable-reads.js';
import { dataFile, loadDataModule, type DataFormat } from './data-files.js';
import { callerArguments, type CallerArguments } from './caller-arguments.js';
import { projectSubclasses } from './project-subclasses.js';
import type { UnstableRead } from '../values/unstable-reads.js';

/** An expression of some module: values of another module are read where they are written. */
export interface PythonExpression {
  readonly module: PythonModule;
  readonly node: SyntaxNode;
}

export interface DictEntry {
  readonly key: string;
  readonly values: readonly PythonExpression[];
}

/** A dict as far as the file spells it: its keys in order (a later one wins), and whether others may exist. */
export interface DictShape {
  readonly entries: readonly DictEntry[];
  readonly complete: boolean;
}

/** Modules of the project one file may read through its imports. */
export const MAX_MODULES_PER_FILE = 8;

const IN_PROGRESS = Symbol('in progress');
/** `model_dump()` options that keep a model's field names as the keys. */
const DUMP_KEEPING_NAMES = new Set(['exclude_unset', 'exclude_none', 'exclude_defaults', 'exclude', 'mode', 'round_trip', 'warnings']);
/** Attributes followed through model fields (`request.options.inner`). */
const MODEL_DEPTH = 4;
/** Helpers followed from a name to the value it holds (`s = await get_session()`). */
const HELD_VALUE_DEPTH = 4;
const ENV_READERS = new Set(['os.getenv', 'os.environ.get', 'os.environ.setdefault']);
const STRING_KEEPING = new Set(['str']);
/** Loaders of data files, and the format each reads. */
const DATA_LOADERS = new Map<string, DataFormat>([
  ['json.load', 'json'],
  ['json.loads', 'json'],
  ['yaml.safe_load', 'yaml'],
  ['yaml.load', 'yaml'],
  ['yaml.full_load', 'yaml'],
]);
/** Calls that give a copy of a dict: its keys and values as they are. */
const COPYING = new Set(['copy.deepcopy', 'copy.copy']);
/** String methods that take characters off a value's ends. */
const STRIPPING = new Set(['strip', 'rstrip', 'lstrip']);
/** What `strip()` with no argument takes off: Python's whitespace. */
const WHITESPACE = ' \t\n\r\x0b\x0c';
/** Methods that change a dict in place. */
const MUTATING_METHODS = new Set(['update', 'setdefault', 'pop', 'popitem', 'clear', '__setitem__', '__delitem__']);

function asNode(node: object): Node {
  return node as unknown as Node;
}

/** The evaluator of one linted file and the modules it imports, under the file's budget. */
export class PythonValues {
  private readonly stringMemo = new Map<PythonModule, Map<number | string, unknown>>();
  private readonly dictMemo = new Map<PythonModule, Map<number | string, unknown>>();
  private readonly modules = new Map<string, PythonModule | null>();
  /** The files of `modules`, which the bound on modules a file reads counts. */
  private readonly moduleFilesRead = new Set<string>();
  /** The file each import names, by importing file and module: thousands of calls through one import look it up once. */
  private readonly moduleFiles = new Map<string, string | null>();
  private readonly root: string | null;

  constructor(
    readonly file: PythonModule,
    readonly budget: ResolutionBudget,
  ) {
    this.root = file.file ? projectRoot(file.file) : null;
  }

  text(module: PythonModule, node: SyntaxNode): string {
    return module.index.parse.text.slice(node.from, node.to);
  }

  node(module: PythonModule, node: SyntaxNode, kind: string): Node {
    return asNode(pythonNode(module.index.parse, node.from, node.to, kind));
  }

  /** Memoised per node, budgeted and depth-bounded; `unknown` is built only when it is the answer. */
  private memoised<T>(kind: 'string' | 'dict', module: PythonModule, node: SyntaxNode, depth: number, unknown: () => T, compute: () => T): T {
    const memo = (kind === 'string' ? this.stringMemo : this.dictMemo).get(module) ?? new Map<number | string, unknown>();
    (kind === 'string' ? this.stringMemo : this.dictMemo).set(module, memo);
    // Expressions are told apart by their range; a number keys files below 64 MiB without building strings.
    const key = node.to < 2 ** 26 ? node.from * 2 ** 26 + (node.to - node.from) : `${node.from}:${node.to}`;
    const cached = memo.get(key);
    if (cached === IN_PROGRESS) return unknown();
    if (cached !== undefined) return cached as T;
    if (depth > LIMITS.depth || !this.budget.charge()) return unknown();
    memo.set(key, IN_PROGRESS);
    let result: T | undefined;
    try {
      result = compute();
    } finally {
      memo.set(key, result ?? unknown());
    }
    return result;
  }

  private hole(module: PythonModule, node: SyntaxNode, kind: 'env' | 'opaque', name: string | null, changesPer?: UnstableRead): StringAlternative[] {
    return [{ pieces: [changesPer ? { kind, name, changesPer } : { kind, name }], node: this.node(module, node, 'PythonExpression') }];
  }

  // ---- names and imports ----

  /**
   * The module an import names, when it is a module of this project the file may still read. Given the
   * name imported from it, a module beside the file in a package's folder counts when it binds that name:
   * `from llm import MODEL_NAME` beside `llm.py` then runs with the folder on the program's path.
   */
  private projectModule(from: PythonModule, module: string, name: string | null = null): PythonModule | null {
    if (!from.file || !this.root) return null;
    const file = this.moduleFileOf(from.file, module, this.root);
    if (file) return this.loaded(file, name);
    const beside = name === null ? null : moduleFile(from.file, module, this.root, true);
    const target = beside ? this.loaded(beside, name) : null;
    return target?.index.module.bindings.has(name!) ? target : null;
  }

  /** A module as read to follow `name` into it (only what may bear on the name: module-files.ts), or whole. */
  private loaded(file: string, name: string | null): PythonModule | null {
    const key = name === null ? file : `${file}\0${name}`;
    if (this.modules.has(key)) return this.modules.get(key)!;
    if (!this.moduleFilesRead.has(file) && this.moduleFilesRead.size >= MAX_MODULES_PER_FILE) return null;
    this.moduleFilesRead.add(file);
    const loaded = name === null ? loadModule(file, this.root!) : loadModuleFor(file, this.root!, name);
    this.modules.set(key, loaded);
    return loaded;
  }

  /** Whether an import names a module of the project rather than an installed package (`from .client import OpenRouter`). */
  isProjectImport(from: PythonModule, module: string): boolean {
    if (module.startsWith('.')) return true;
    if (!from.file || !this.root) return false;
    return this.moduleFileOf(from.file, module, this.root) !== null;
  }

  private moduleFileOf(fromFile: string, module: string, root: string): string | null {
    const key = `${fromFile}\0${module}`;
    let file = this.moduleFiles.get(key);
    if (file === undefined) this.moduleFiles.set(key, (file = moduleFile(fromFile, module, root)));
    return file;
  }

  /**
   * What a name used at `node` is bound to: its bindings and the scope, or null when nothing in the
   * module binds it (a builtin, or a name the file does not show).
   */
  bindingsOf(module: PythonModule, node: SyntaxNode, name = this.text(module, node)): { scope: PythonScope; bindings: readonly Binding[] } | null {
    return lookupName(scopeOf(module.index, node), name) ?? this.starImported(module, name);
  }

  /**
   * A name no scope binds, from a module of the project the module imports everything from (`from config import
   * *`): an import of it from the last such module that binds it at its top level, as `from config import NAME`.
   */
  private starImported(module: PythonModule, name: string): { scope: PythonScope; bindings: readonly Binding[] } | null {
    // `import *` leaves out the names that start with an underscore.
    if (name.startsWith('_')) return null;
    for (let index = module.index.starImports.length - 1; index >= 0; index--) {
      const from = module.index.starImports[index]!;
      if (!this.budget.charge()) return null;
      // Read whole once to see which names it binds (a builtin asked about is bound by none), then as any import.
      const target = this.projectModule(module, from);
      if (target?.index.module.bindings.has(name)) return { scope: module.index.module, bindings: [{ kind: 'import', module: from, name, at: 0 }] };
    }
    return null;
  }

  /**
   * The dotted name of an imported callee (`openai.OpenAI`, `litellm.completion`, `requests.Session`),
   * from installed packages only: a name of the project (`class OpenRouter:`, `from .client import
   * OpenRouter`, an assignment) is not a package's.
   */
  qualifiedName(module: PythonModule, node: SyntaxNode): string | null {
    const names = dottedName(module.index.parse.text, unparenthesised(node));
    if (!names) return null;
    const head = names[0]!;
    const found = lookupName(scopeOf(module.index, node), head);
    if (!found || found.bindings.length === 0) return null;
    let qualified: string | null = null;
    for (const binding of found.bindings) {
      // `except ImportError: OpenAI = None`: the fallback of an optional import calls nothing.
      if (binding.kind === 'assign' && binding.value.name === 'None') continue;
      if (binding.kind !== 'import' || this.isProjectImport(module, binding.module)) return null;
      const name = binding.name === null ? binding.module : `${binding.module}.${binding.name}`;
      if (qualified !== null && qualified !== name) return null;
      qualified = name;
    }
    return qualified === null ? null : [qualified, ...names.slice(1)].join('.');
  }

  /**
   * The value a name always holds when it is bound once, not in a loop: the call of `client = OpenAI(...)`.
   * An assignment of `None` beside it is left out (`_session = None` then `_session = ClientSession()`
   * in a `global` helper: nothing is called through a None), and the value is followed through `await`
   * and a helper of the module that returns one such value (`session = await _get_session()`, `async with
   * _make_client() as client`).
   */
  singleValue(module: PythonModule, node: SyntaxNode, depth = 0): SyntaxNode | null {
    const found = node.name === 'VariableName' ? this.bindingsOf(module, node) : null;
    if (!found) return null;
    const reaching = this.reaching(module, node, found);
    if (reaching) return this.heldValue(module, reaching.value, depth);
    // The one binding that is not `= None`; a name bound many times is given up at its second.
    let binding: Binding | null = null;
    for (const candidate of found.bindings) {
      if (candidate.kind === 'assign' && unparenthesised(candidate.value).name === 'None') continue;
      if (binding) return null;
      binding = candidate;
    }
    if (!binding) return null;
    if (binding!.kind === 'assign' && !binding!.inLoop) return this.heldValue(module, binding!.value, depth);
    // `with make_client() as c`: what the helper returns, as for an assignment (a client's `__enter__` returns itself).
    if (binding!.kind === 'with') return this.heldValue(module, binding!.value, depth);
    return null;
  }

  /** Of a name bound several times in its scope, the assignment that certainly reaches `node` (scopes.ts). */
  private reaching(module: PythonModule, node: SyntaxNode, found: { scope: PythonScope; bindings: readonly Binding[] }): Extract<Binding, { kind: 'assign' }> | null {
    if (found.bindings.length < 2 || !this.budget.charge()) return null;
    return reachingAssignment(module.index, node, module.index.parse.text.slice(node.from, node.to), found);
  }

  /**
   * What an assigned value holds: itself, or what the one return of the helper it awaits or calls holds; a
   * field of the instance a method returns (`return self._session` of `_ensure_session()`) is that field.
   */
  heldValue(module: PythonModule, value: SyntaxNode, depth = 0): SyntaxNode {
    let target = unparenthesised(value);
    if (target.name === 'AwaitExpression' && target.lastChild) target = unparenthesised(target.lastChild);
    if (target.name !== 'CallExpression' || depth >= HELD_VALUE_DEPTH || !this.budget.charge()) return target;
    const returns = this.helperReturns(module, target);
    const returned = returns?.length === 1 ? unparenthesised(returns[0]!.node) : null;
    if (returned?.name === 'VariableName') return this.singleValue(module, returned, depth + 1) ?? target;
    if (returned && isSelfField(module, returned)) return returned;
    if (returned?.name === 'CallExpression' || returned?.name === 'AwaitExpression') return this.heldValue(module, returned, depth + 1);
    return target;
  }

  /**
   * What a call of a helper of this module may return (`def headers(): return {...}`), or of a method of
   * the class around the call (`self._headers(extra)`): its `return` values, or null for anything else.
   */
  helperReturns(module: PythonModule, call: SyntaxNode): PythonExpression[] | null {
    const callee = call.firstChild;
    let binding: Binding | undefined;
    if (callee?.name === 'VariableName') {
      const found = this.bindingsOf(module, callee);
      binding = found?.bindings.length === 1 ? found.bindings[0] : undefined;
    } else if (callee?.name === 'MemberExpression') binding = this.ownMethod(module, callee) ?? undefined;
    if (binding?.kind !== 'def') return null;
    const scope = module.index.scopes.get(scopeKey(binding.node));
    if (!scope || scope.returns.length === 0 || scope.returns.length > LIMITS.alternativesPerValue) return null;
    return scope.returns.map((node) => ({ module, node }));
  }

  /**
   * `self.name` or `cls.name` in a method: the `def name` of the class around it when its body binds the name
   * that once. A subclass may override it; what the class itself defines is what its code says it calls.
   */
  private ownMethod(module: PythonModule, member: SyntaxNode): Binding | null {
    if (member.firstChild?.nextSibling?.name !== '.') return null;
    const self = selfMember(module, member);
    const bindings = self?.owner.bindings.get(self.name);
    return bindings?.length === 1 && bindings[0]!.kind === 'def' ? bindings[0]! : null;
  }

  /** The values an imported name may hold in its own module, or null when that module is not read. */
  private importedValues(module: PythonModule, binding: Extract<Binding, { kind: 'import' }>): PythonExpression[] | null {
    if (binding.name === null) return null;
    const target = this.projectModule(module, binding.module, binding.name);
    if (!target) return null;
    const bindings = target.index.module.bindings.get(binding.name);
    if (!bindings) return null;
    const values: PythonExpression[] = [];
    for (const inner of bindings) {
      if (inner.kind === 'assign' && !inner.inLoop) values.push({ module: target, node: inner.value });
      else return null;
    }
    return values;
  }

  /** `config.REFERER` where `config` is a module of the project: the values of its `REFERER`. */
  private moduleAttribute(module: PythonModule, node: SyntaxNode): PythonExpression[] | null {
    const names = dottedName(module.index.parse.text, node);
    if (!names || names.length !== 2) return null;
    const found = lookupName(scopeOf(module.index, node), names[0]!);
    const binding = found?.bindings.length === 1 ? found.bindings[0] : undefined;
    if (binding?.kind !== 'import') return null;
    // `from . import config` names a module by its name; `import app.config as config` by its path.
    const modulePath = binding.name === null ? binding.module : `${binding.module}${binding.module.endsWith('.') ? '' : '.'}${binding.name}`;
    const target = this.projectModule(module, modulePath, names[1]!);
    const bindings = target?.index.module.bindings.get(names[1]!);
    if (!target || !bindings) return null;
    const values: PythonExpression[] = [];
    for (const inner of bindings) {
      if (inner.kind !== 'assign' || inner.inLoop) return null;
      values.push({ module: target, node: inner.value });
    }
    return values;
  }

  private readonly fields = new Map<string, { values: PythonExpression[]; mutated: boolean } | null>();

  /**
   * `self.base_url` in a method: every value the class writes to the field (`self.base_url = ...` in any
   * of its methods, `base_url = ...` in its body), and whether keys are written into it
   * (`self.headers["X-Title"] = ...`, `self.headers.update(...)`). Null for anything else, or a field the
   * class does not write (a base class may).
   */
  selfField(module: PythonModule, node: SyntaxNode): { values: PythonExpression[]; mutated: boolean } | null {
    const text = module.index.parse.text;
    const self = selfMember(module, node);
    if (!self) return null;
    const { owner, name } = self;
    const key = `${module.file ?? ''}:${owner.node.from}:${name}`;
    if (this.fields.has(key)) return this.fields.get(key)!;
    const classNode = owner.node;
    const isField = (member: SyntaxNode | null): boolean =>
      member?.name === 'MemberExpression' &&
      member.firstChild?.name === 'VariableName' &&
      ['self', 'cls'].includes(text.slice(member.firstChild.from, member.firstChild.to)) &&
      member.lastChild?.name === 'PropertyName' &&
      text.slice(member.lastChild.from, member.lastChild.to) === name;
    const values: PythonExpression[] = [];
    let known = true;
    for (const binding of owner.bindings.get(name) ?? []) {
      if (binding.kind === 'assign' && !binding.inLoop) values.push({ module, node: binding.value });
      else known = false;
    }
    let mutated = false;
    for (const write of module.index.attributeWrites) {
      if (write.target.from < classNode.from || write.target.to > classNode.to) continue;
      this.budget.charge();
      if (isField(write.target)) values.push({ module, node: write.value });
      else if (isField(write.target.firstChild)) mutated = true;
    }
    for (const { node: call } of module.index.calls) {
      if (call.from < classNode.from || call.to > classNode.to) continue;
      this.budget.charge();
      const callee = call.firstChild;
      const method = callee?.name === 'MemberExpression' && callee.lastChild?.name === 'PropertyName' ? text.slice(callee.lastChild.from, callee.lastChild.to) : '';
      if (MUTATING_METHODS.has(method) && isField(callee!.firstChild)) mutated = true;
    }
    // Placed before the search: a subclass's own methods read the same field, and ask again.
    this.fields.set(key, null);
    const overridden = known ? this.subclassValues(module, classNode, name) : null;
    if (overridden) values.push(...overridden);
    const result = known && overridden && values.length > 0 && values.length <= LIMITS.alternativesPerValue ? { values, mutated } : null;
    this.fields.set(key, result);
    return result;
  }

  /**
   * The values the project's subclasses of a class give one of its fields (`base_url = "https://openrouter.ai/…"` in
   * the body of `class OpenRouterLlm(OpenAiLlm)`, or `self.base_url = ...` in its methods), each a value the field
   * holds for their instances. Null when they cannot all be known: a search that cannot finish, or a subclass that
   * defines the name otherwise (a property, a method).
   */
  private subclassValues(module: PythonModule, classNode: SyntaxNode, name: string): PythonExpression[] | null {
    const className = childNamed(classNode, 'VariableName');
    if (!className) return [];
    const text = module.index.parse.text;
    const candidates = projectSubclasses(module, module.file ? projectRoot(module.file) : null, text.slice(className.from, className.to), (cost) => this.budget.charge(cost));
    if (!candidates) return null;
    const values: PythonExpression[] = [];
    for (const candidate of candidates) {
      if (!this.budget.charge()) return null;
      const bases = childNamed(candidate.node, 'ArgList');
      const derives = (bases ? meaningfulChildren(bases) : []).some((base) => {
        const cls = base.name === 'VariableName' ? this.classOf(candidate.module, base) : null;
        // The linted module and the same file read as another's import are two readings of one class.
        return !!cls && cls.node.from === classNode.from && (cls.module === module || (!!cls.module.file && !!module.file && path.resolve(cls.module.file) === path.resolve(module.file)));
      });
      if (!derives) continue;
      const body = candidate.module.index.scopes.get(scopeKey(candidate.node));
      for (const binding of body?.bindings.get(name) ?? []) {
        if (binding.kind !== 'assign' || binding.inLoop) return null;
        values.push({ module: candidate.module, node: binding.value });
      }
      const subText = candidate.module.index.parse.text;
      for (const write of candidate.module.index.attributeWrites) {
        if (write.target.from < candidate.node.from || write.target.to > candidate.node.to) continue;
        const field = dottedName(subText, write.target);
        if (field?.length === 2 && field[0] === 'self' && field[1] === name) values.push({ module: candidate.module, node: write.value });
      }
    }
    return values;
  }

  /** The class a name holds: `class Settings:` of this module, or one imported from a module of the project. */
  private classOf(module: PythonModule, node: SyntaxNode): PythonExpression | null {
    const found = node.name === 'VariableName' ? this.bindingsOf(module, node) : null;
    const binding = found?.bindings.length === 1 ? found.bindings[0]! : null;
    if (binding?.kind === 'class') return { module, node: binding.node };
    if (binding?.kind !== 'import' || binding.name === null) return null;
    const target = this.projectModule(module, binding.module, binding.name);
    const inner = target?.index.module.bindings.get(binding.name);
    return target && inner?.length === 1 && inner[0]!.kind === 'class' ? { module: target, node: inner[0]!.node } : null;
  }

  /**
   * What an object name holds when it is a class, or an instance the one assignment of the name builds
   * (`settings = Settings()`, here or in the module it is imported from): the class, and that call.
   */
  private objectOf(module: PythonModule, node: SyntaxNode): { cls: PythonExpression; call: PythonExpression | null } | null {
    const cls = this.classOf(module, node);
    if (cls) return { cls, call: null };
    const found = this.bindingsOf(module, node);
    const binding = found?.bindings.length === 1 ? found.bindings[0]! : null;
    let value: PythonExpression | null = null;
    if (binding?.kind === 'parameter' && found!.scope.kind === 'function') {
      // `def __init__(self, settings: Settings)`: an instance of a pydantic `BaseSettings` of the project, whose
      // fields are the environment's first and their defaults beneath, however it was built.
      const annotation = parameterAnnotation(module.index.parse.text, found!.scope.node, module.index.parse.text.slice(node.from, node.to));
      const cls = annotation && (annotation.name === 'VariableName' || annotation.name === 'MemberExpression') ? this.classOf(module, annotation) : null;
      return cls && this.isSettingsClass(cls) ? { cls, call: null } : null;
    }
    if (binding?.kind === 'assign' && !binding.inLoop) value = { module, node: binding.value };
    else if (binding?.kind === 'import' && binding.name !== null) {
      const target = this.projectModule(module, binding.module, binding.name);
      const inner = target?.index.module.bindings.get(binding.name);
      if (target && inner?.length === 1 && inner[0]!.kind === 'assign' && !inner[0]!.inLoop) value = { module: target, node: inner[0]!.value };
    }
    if (!value) return null;
    const call = unparenthesised(value.node);
    const callee = call.name === 'CallExpression' ? call.firstChild : null;
    const built = callee ? this.classOf(value.module, callee) : null;
    return built ? { cls: built, call: { module: value.module, node: call } } : null;
  }

  /** Whether a class is a pydantic `BaseSettings`, whose fields the environment sets before their defaults. */
  private isSettingsClass(cls: PythonExpression): boolean {
    const bases = childNamed(cls.node, 'ArgList');
    return !!bases && meaningfulChildren(bases).some((base) => /^pydantic(?:_settings)?(?:\.[\w.]+)?\.BaseSettings$/.test(this.qualifiedName(cls.module, base) ?? ''));
  }

  /**
   * `Config.BASE_URL` of a class, and `settings.BASE_URL` of an instance built with no arguments: the
   * values the class body assigns the attribute. A `BaseSettings` field is the environment's first (`env`
   * names it), its default beneath, and its instance may take options (`_env_file=`) but not that field.
   * Null when something else may set it: an `__init__` of the class, an argument, a write of the attribute
   * in this file, or an attribute the class body does not assign (a base class may).
   */
  classAttribute(module: PythonModule, node: SyntaxNode): { values: PythonExpression[]; env: string | null } | null {
    const text = module.index.parse.text;
    const object = node.firstChild;
    const property = node.lastChild;
    if (object?.name !== 'VariableName' || property?.name !== 'PropertyName' || object.nextSibling?.name !== '.') return null;
    const held = this.objectOf(module, object);
    if (!held) return null;
    const body = held.cls.module.index.scopes.get(scopeKey(held.cls.node));
    const name = text.slice(property.from, property.to);
    const bindings = body?.bindings.get(name);
    if (!body || !bindings || bindings.some((binding) => binding.kind !== 'assign' || binding.inLoop)) return null;
    const settings = this.isSettingsClass(held.cls);
    if (held.call) {
      if (['__init__', '__post_init__', '__new__'].some((method) => body.bindings.has(method))) return null;
      const args = callArguments(held.call.module.index.parse.text, held.call.node);
      const passed = args.starred || args.doubleStarred.length > 0 || args.positional.length > 0 || (settings ? args.keywords.has(name) : args.keywords.size > 0);
      if (passed) return null;
    }
    const objectName = text.slice(object.from, object.to);
    for (const write of module.index.attributeWrites) {
      this.budget.charge();
      const written = dottedName(text, write.target);
      if (written?.length === 2 && written[0] === objectName && written[1] === name) return null;
    }
    const values = bindings.map((binding) => ({ module: held.cls.module, node: this.fieldDefault(held.cls.module, (binding as Extract<Binding, { kind: 'assign' }>).value) }));
    return values.length <= LIMITS.alternativesPerValue ? { values, env: settings ? name : null } : null;
  }

  /**
   * A class attribute's default: `Field(default=x)` and `Field(x)` of pydantic hold `x`; a required field
   * (`Field(...)`) or a `default_factory` has none the code spells, and stays the call (a hole).
   */
  private fieldDefault(module: PythonModule, value: SyntaxNode): SyntaxNode {
    const call = unparenthesised(value);
    const callee = call.name === 'CallExpression' ? call.firstChild : null;
    if (!callee || !/^pydantic(?:\.fields)?\.Field$/.test(this.qualifiedName(module, callee) ?? '')) return value;
    const args = callArguments(module.index.parse.text, call);
    const given = args.keywords.get('default') ?? args.positional[0];
    return given && given.name !== 'Ellipsis' && module.index.parse.text.slice(given.from, given.to) !== '...' ? given : value;
  }

  /**
   * The data a JSON or YAML file of the project holds, where a call loads it: `json.load(open("config.json"))`,
   * `json.load(f)` of `with open(path) as f`, `json.loads(Path(p).read_text())`, `yaml.safe_load(f)`. The path
   * must be one text the code spells (a parameter's default or its callers' arguments included).
   */
  private loadedData(module: PythonModule, call: SyntaxNode, depth: number): PythonExpression | null {
    const callee = call.firstChild;
    const format = callee ? DATA_LOADERS.get(this.qualifiedName(module, callee) ?? '') : undefined;
    const given = format && callArguments(module.index.parse.text, call).positional[0];
    const named = given ? this.openedPath(module, given, depth) : null;
    if (!format || !named || !module.file) return null;
    // The one path the code spells: a parameter's default beside what a caller may pass is the file it was written for.
    const paths = [...new Set(this.strings(module, named, depth + 1).map(exactText).filter((text) => text !== null))];
    const root = projectRoot(module.file);
    const file = paths.length === 1 && paths[0] ? dataFile(paths[0], module.file, root) : null;
    const data = file ? loadDataModule(file, root, format) : null;
    const assignment = data?.index.parse.tree.topNode.firstChild;
    return data && assignment?.name === 'AssignStatement' && assignment.lastChild ? { module: data, node: assignment.lastChild } : null;
  }

  /** The path a file object or its text was opened from: `open(p)`, `f.read()`, `Path(p).read_text()`, a name holding one. */
  private openedPath(module: PythonModule, node: SyntaxNode, depth: number): SyntaxNode | null {
    if (depth > LIMITS.depth || !this.budget.charge()) return null;
    const target = unparenthesised(node);
    if (target.name === 'VariableName') {
      const held = this.singleValue(module, target);
      return held ? this.openedPath(module, held, depth + 1) : null;
    }
    if (target.name !== 'CallExpression' || !target.firstChild) return null;
    const callee = target.firstChild;
    const args = callArguments(module.index.parse.text, target);
    if (callee.name === 'VariableName' && module.index.parse.text.slice(callee.from, callee.to) === 'open' && !this.bindingsOf(module, callee)) return args.positional[0] ?? null;
    if (/^pathlib\.(?:Pure)?Path$/.test(this.qualifiedName(module, callee) ?? '')) return args.positional.length === 1 ? args.positional[0]! : null;
    const method = callee.name === 'MemberExpression' && callee.lastChild?.name === 'PropertyName' ? module.index.parse.text.slice(callee.lastChild.from, callee.lastChild.to) : '';
    return ['read', 'read_text', 'open'].includes(method) && callee.firstChild ? this.openedPath(module, callee.firstChild, depth + 1) : null;
  }

  /**
   * What the calls of the function whose parameter list starts at `at` pass for the parameter read at `node`,
   * when they are all known (caller-arguments.ts: a private function's in its module, a class's or public
   * function's in the project).
   */
  callerArguments(module: PythonModule, node: SyntaxNode, at: number): CallerArguments | null {
    let fn: SyntaxNode | null = node.parent;
    while (fn && !(fn.name === 'FunctionDefinition' && childNamed(fn, 'ParamList')?.from === at)) fn = fn.parent;
    const list = fn && childNamed(fn, 'ParamList');
    if (!list || !this.budget.charge()) return null;
    return callerArguments(module, list, module.index.parse.text.slice(node.from, node.to), (cost) => this.budget.charge(cost));
  }

  /**
   * The expressions a name may hold, or a reason it is unknown: every assignment in the scope that binds
   * it, or the one that certainly reaches `node` (`since`: where it is written); a parameter's default (the
   * caller may pass anything else); an imported constant.
   */
  nameValues(module: PythonModule, node: SyntaxNode): { values: PythonExpression[]; open: boolean; since?: number } | null {
    const found = this.bindingsOf(module, node);
    if (!found) return null;
    const reaching = this.reaching(module, node, found);
    if (reaching) return { values: [{ module, node: reaching.value }], open: false, since: reaching.at };
    const values: PythonExpression[] = [];
    let open = false;
    for (const binding of found.bindings) {
      if (binding.kind === 'assign' && !binding.inLoop) values.push({ module, node: binding.value });
      else if (binding.kind === 'parameter') {
        // Where all its calls are known (a private function's in the module, a class's or public function's in
        // the project), what they pass is what it holds.
        const callers = binding.keywordsOf ? null : this.callerArguments(module, node, binding.at);
        // The default stays one of its values even where every call passes one: a value the file cannot read
        // (a config file's entry) may be the same, and the default is what the code was written for.
        values.push(...(callers?.given ?? []));
        if (binding.defaultValue) values.push({ module, node: binding.defaultValue });
        if (!callers || (callers.defaulted && !binding.defaultValue)) open = true;
      } else if (binding.kind === 'import') {
        const imported = this.importedValues(module, binding);
        if (!imported) return null;
        values.push(...imported);
      } else return null;
    }
    return { values, open };
  }

  // ---- strings ----

  /** Every value a string expression may take; holes where the file does not tell. */
  strings(module: PythonModule, node: SyntaxNode, depth = 0): StringAlternative[] {
    const target = unparenthesised(node);
    return this.memoised('string', module, target, depth, () => this.hole(module, target, 'opaque', null), () => this.computeStrings(module, target, depth));
  }

  private stringsOf(expressions: readonly PythonExpression[], depth: number, at: { module: PythonModule; node: SyntaxNode }): StringAlternative[] {
    const out: StringAlternative[] = [];
    for (const expression of expressions) {
      out.push(...this.strings(expression.module, expression.node, depth + 1));
      if (out.length > LIMITS.alternativesPerValue) return this.hole(at.module, at.node, 'opaque', null);
    }
    return out;
  }

  private computeStrings(module: PythonModule, node: SyntaxNode, depth: number): StringAlternative[] {
    const text = module.index.parse.text;
    switch (node.name) {
      case 'String': {
        const value = stringLiteralText(text, node);
        return value === null ? this.hole(module, node, 'opaque', null) : [this.literal(value, this.node(module, node, 'PythonString'))];
      }
      case 'FormatString':
        return this.formatString(module, node, depth);
      case 'ContinuedString':
        return this.concatenation(module, node, meaningfulChildren(node), depth);
      case 'Number':
        return [this.literal(text.slice(node.from, node.to), this.node(module, node, 'PythonNumber'))];
      case 'BinaryExpression':
        return this.binary(module, node, depth);
      case 'ConditionalExpression': {
        const [whenTrue, , whenFalse] = meaningfulChildren(node).filter((child) => child.name !== 'if' && child.name !== 'else');
        if (!whenTrue || !whenFalse) return this.hole(module, node, 'opaque', null);
        return this.union(module, node, [this.strings(module, whenTrue, depth + 1), this.strings(module, whenFalse, depth + 1)]);
      }
      case 'VariableName': {
        const name = text.slice(node.from, node.to);
        const values = this.nameValues(module, node);
        if (!values || (values.values.length === 0 && values.open)) return this.hole(module, node, 'opaque', name);
        const read = this.toldHere(module, node, this.stringsOf(values.values, depth, { module, node }));
        // Under `if name:` the name holds no empty text.
        const out = nonEmptyWhereTested(read, text, node, name);
        return values.open ? this.union(module, node, [out, this.hole(module, node, 'opaque', name)]) : out;
      }
      case 'MemberExpression': {
        const read = this.member(module, node, depth);
        // Under `if Config.SITE_URL:` the attribute holds no empty text, as a name does.
        const path = text.slice(node.from, node.to);
        return /^[\w.]+$/.test(path) ? nonEmptyWhereTested(read, text, node, path) : read;
      }
      case 'CallExpression':
        return this.call(module, node, depth);
      case 'ArrayExpression':
      case 'TupleExpression': {
        // A list is sent joined with commas: a header set to one, and categories keywords that take lists.
        const items = meaningfulChildren(node);
        if (items.some((item) => item.name === 'for' || item.name === 'StarExpression')) return this.hole(module, node, 'opaque', null);
        if (items.length === 0) return [{ pieces: [''], node: this.node(module, node, 'PythonList') }];
        const comma: StringAlternative[] = [{ pieces: [','], node: this.node(module, node, 'PythonList') }];
        const parts = items.flatMap((item, index) => (index === 0 ? [this.strings(module, item, depth + 1)] : [comma, this.strings(module, item, depth + 1)]));
        if (parts.length > LIMITS.piecesPerValue * 4) return this.hole(module, node, 'opaque', null);
        return this.concatenate(module, node, parts, 'PythonList');
      }
      default:
        return this.hole(module, node, 'opaque', null);
    }
  }

  /** Another module's values, told at the name that reads them: what is reported stays in the linted file. */
  private toldHere(module: PythonModule, node: SyntaxNode, alternatives: StringAlternative[]): StringAlternative[] {
    if (module !== this.file) return alternatives;
    const here = module.index.parse;
    const local = this.node(module, node, 'PythonName');
    return alternatives.map((alternative) => (isNodeOf(here, alternative.node) ? alternative : { ...alternative, node: local }));
  }

  private literal(value: string, node: Node): StringAlternative {
    if (value.length <= LIMITS.textPerValue) return { pieces: [value], node };
    const half = LIMITS.textPerValue / 2;
    return { pieces: [value.slice(0, half), { kind: 'opaque', name: null }, value.slice(-half)], node };
  }

  private union(module: PythonModule, node: SyntaxNode, lists: readonly StringAlternative[][]): StringAlternative[] {
    const out = lists.flat();
    return out.length > LIMITS.alternativesPerValue ? this.hole(module, node, 'opaque', null) : out;
  }

  /** Joins the alternatives of consecutive parts: each combination is one value, within the limits. */
  private concatenate(module: PythonModule, node: SyntaxNode, parts: readonly (readonly StringAlternative[])[], kind = 'PythonExpression'): StringAlternative[] {
    let combined: Piece[][] = [[]];
    for (const part of parts) {
      if (combined.length * part.length > LIMITS.alternativesPerValue) return this.hole(module, node, 'opaque', null);
      const next: Piece[][] = [];
      for (const pieces of combined) {
        for (const alternative of part) {
          const joined = [...pieces];
          for (const piece of alternative.pieces) {
            const last = joined.at(-1);
            if (typeof piece === 'string' && typeof last === 'string') joined[joined.length - 1] = last + piece;
            else if (piece !== '') joined.push(piece);
          }
          next.push(joined.length > LIMITS.piecesPerValue ? [...joined.slice(0, 1), { kind: 'opaque', name: null }, ...joined.slice(-1)] : joined);
        }
      }
      this.budget.charge(next.length);
      combined = next;
    }
    const at = this.node(module, node, kind);
    return combined.map((pieces) => {
      const alternative = { pieces: pieces.length > 0 ? pieces : [''], node: at };
      const exact = exactText(alternative);
      return exact !== null && exact.length > LIMITS.textPerValue ? this.literal(exact, at) : alternative;
    });
  }

  private concatenation(module: PythonModule, node: SyntaxNode, operands: readonly SyntaxNode[], depth: number): StringAlternative[] {
    if (operands.length > LIMITS.piecesPerValue * 4) return this.hole(module, node, 'opaque', null);
    // One literal alone keeps its own node: a rule underlines the literal.
    if (operands.length === 1) return this.strings(module, operands[0]!, depth + 1);
    return this.concatenate(module, node, operands.map((operand) => this.strings(module, operand, depth + 1)));
  }

  private formatString(module: PythonModule, node: SyntaxNode, depth: number): StringAlternative[] {
    const parts = formatStringParts(module.index.parse.text, node);
    if (!parts) return this.hole(module, node, 'opaque', null);
    if (parts.length > LIMITS.piecesPerValue * 4) return this.hole(module, node, 'opaque', null);
    const resolved = parts.map((part): StringAlternative[] => {
      if ('text' in part) return [{ pieces: [part.text], node: this.node(module, node, 'PythonString') }];
      const inner = meaningfulChildren(part.field);
      // `{x!r}`, `{x:>8}`, `{x=}`: the text is not the value's own.
      if (inner.length !== 1 || module.index.parse.text.slice(inner[0]!.to, part.field.to).trim() !== '}') return this.hole(module, part.field, 'opaque', null);
      return this.strings(module, inner[0]!, depth + 1);
    });
    if (resolved.length === 1 && parts[0] && 'text' in parts[0]) return resolved[0]!;
    return this.concatenate(module, node, resolved);
  }

  /** `a + b + c` (walked without recursion, however long), `a or b`, `a and b`. */
  private binary(module: PythonModule, node: SyntaxNode, depth: number): StringAlternative[] {
    const [left, operator, right] = [node.firstChild, node.firstChild?.nextSibling, node.lastChild];
    if (!left || !operator || !right) return this.hole(module, node, 'opaque', null);
    const op = module.index.parse.text.slice(operator.from, operator.to);
    if (op === '+') {
      const operands: SyntaxNode[] = [right];
      let current = left;
      while (current.name === 'BinaryExpression' && operands.length <= LIMITS.piecesPerValue * 4) {
        const innerOperator = current.firstChild?.nextSibling;
        if (!innerOperator || module.index.parse.text.slice(innerOperator.from, innerOperator.to) !== '+') break;
        operands.push(current.lastChild!);
        current = current.firstChild!;
      }
      operands.push(current);
      return this.concatenation(module, node, operands.reverse(), depth);
    }
    if (op === 'or') {
      const first = this.strings(module, left, depth + 1);
      // A value that is never empty is all `or` gives; an empty one (or an unknown one) gives way to the right.
      if (first.every((alternative) => (exactText(alternative) ?? '') !== '')) return first;
      const kept = first.filter((alternative) => exactText(alternative) !== '');
      return this.union(module, node, [kept, this.strings(module, right, depth + 1)]);
    }
    if (op === 'and') return this.strings(module, right, depth + 1);
    if (op === '%') return this.percentFormat(module, node, left, right, depth);
    return this.hole(module, node, 'opaque', null);
  }

  /** `"%s/api" % base`: each `%s` takes the next value; any other conversion makes the value unknown. */
  private percentFormat(module: PythonModule, node: SyntaxNode, left: SyntaxNode, right: SyntaxNode, depth: number): StringAlternative[] {
    const template = unparenthesised(left);
    if (template.name !== 'String') return this.hole(module, node, 'opaque', null);
    const text = stringLiteralText(module.index.parse.text, template);
    if (text === null) return this.hole(module, node, 'opaque', null);
    const pieces = text.split(/(%%|%s)/);
    if (pieces.some((piece) => /%(?!%|s)/.test(piece))) return this.hole(module, node, 'opaque', null);
    const values = unparenthesised(right);
    const args = values.name === 'TupleExpression' ? meaningfulChildren(values) : [values];
    const parts: StringAlternative[][] = [];
    let next = 0;
    for (const piece of pieces) {
      if (piece === '%s') {
        const argument = args[next++];
        if (!argument) return this.hole(module, node, 'opaque', null);
        parts.push(this.strings(module, argument, depth + 1));
      } else parts.push([{ pieces: [piece === '%%' ? '%' : piece], node: this.node(module, template, 'PythonString') }]);
    }
    return next === args.length ? this.concatenate(module, node, parts) : this.hole(module, node, 'opaque', null);
  }

  private member(module: PythonModule, node: SyntaxNode, depth: number): StringAlternative[] {
    const text = module.index.parse.text;
    const unstable = pythonUnstableRead(text, node);
    if (unstable) return this.hole(module, node, 'opaque', null, unstable);
    const object = node.firstChild;
    const opener = object?.nextSibling;
    if (object && opener?.name === '[') {
      // `os.environ["X"]`
      const key = meaningfulChildren(node)[1];
      if (this.qualifiedName(module, object) === 'os.environ' && key?.name === 'String') {
        return this.hole(module, node, 'env', stringLiteralText(text, key));
      }
      const entries = key ? this.entryValues(module, object, key, null, depth) : null;
      return entries ? this.stringsOf(entries, depth, { module, node }) : this.hole(module, node, 'opaque', null);
    }
    const imported = this.moduleAttribute(module, node);
    if (imported) return this.toldHere(module, node, this.stringsOf(imported, depth, { module, node }));
    const field = this.selfField(module, node);
    if (field) return this.stringsOf(field.values, depth, { module, node });
    const attribute = this.classAttribute(module, node);
    if (attribute) {
      const values = this.toldHere(module, node, this.stringsOf(attribute.values, depth, { module, node }));
      return attribute.env === null ? values : this.union(module, node, [this.hole(module, node, 'env', attribute.env), values]);
    }
    const property = node.lastChild;
    // `settings.OPENROUTER_BASE_URL`, `self.base_url`: the name says what it holds, if anything.
    return this.hole(module, node, 'opaque', property?.name === 'PropertyName' ? text.slice(property.from, property.to) : null);
  }

  private call(module: PythonModule, node: SyntaxNode, depth: number): StringAlternative[] {
    const text = module.index.parse.text;
    const callee = node.firstChild;
    if (!callee) return this.hole(module, node, 'opaque', null);
    const unstable = pythonUnstableRead(text, node);
    if (unstable) return this.hole(module, node, 'opaque', null, unstable);
    const args = callArguments(text, node);
    const qualified = this.qualifiedName(module, callee);
    if (qualified && ENV_READERS.has(qualified)) {
      const [name, fallback] = args.positional;
      const variable = name?.name === 'String' ? stringLiteralText(text, name) : null;
      const env = this.hole(module, node, 'env', variable);
      const defaultValue = fallback ?? args.keywords.get('default');
      return defaultValue ? this.union(module, node, [env, this.strings(module, defaultValue, depth + 1)]) : env;
    }
    if (callee.name === 'VariableName' && STRING_KEEPING.has(text.slice(callee.from, callee.to)) && !this.bindingsOf(module, callee) && args.positional.length === 1) {
      return this.strings(module, args.positional[0]!, depth + 1);
    }
    if (callee.name === 'MemberExpression' && callee.lastChild && text.slice(callee.lastChild.from, callee.lastChild.to) === 'format') {
      return this.formatCall(module, node, callee.firstChild!, depth);
    }
    const method = callee.name === 'MemberExpression' && callee.lastChild?.name === 'PropertyName' ? text.slice(callee.lastChild.from, callee.lastChild.to) : '';
    if (STRIPPING.has(method) && args.keywords.size === 0 && !args.starred && args.doubleStarred.length === 0 && args.positional.length <= 1) {
      return this.stripped(module, node, callee.firstChild!, method, args.positional[0] ?? null, depth);
    }
    const entries = this.getCall(module, node, depth);
    if (entries) return this.stringsOf(entries, depth, { module, node });
    const defaulted = this.defaultedGet(module, node, depth);
    if (defaulted) return defaulted;
    const returns = this.helperReturns(module, node);
    if (returns) return this.stringsOf(returns, depth, { module, node });
    return this.hole(module, node, 'opaque', null);
  }

  /**
   * What `table[key]` (or `table.get(key, fallback)`) may hold, for a dict the file spells out: the entry
   * of each key the text may be, and every entry's value where the key is not known (a provider picked by a
   * stored name is one of the table's providers); null where the dict, or a key it lacks, is not known.
   */
  private entryValues(module: PythonModule, table: SyntaxNode, key: SyntaxNode, fallback: SyntaxNode | 'none' | null, depth: number): PythonExpression[] | null {
    if (depth > LIMITS.depth || !this.budget.charge()) return null;
    const shape = this.dict(module, table, depth + 1);
    if (!shape) return null;
    const keys = this.strings(module, key, depth + 1).map(exactText);
    // A key the code compares with a text may pick that entry alone where the request is made.
    if (keys.includes(null) && this.isComparedWithText(module, key)) return null;
    // A table read at many places gives the same entries at each: one list per dict, keys and fallback.
    const read = `${keys.includes(null) ? '\0' : keys.join('\0')}\0${fallback === null ? '[]' : fallback === 'none' ? '' : `${module.file}\0${fallback.from}`}`;
    let reads = this.entryReads.get(shape);
    if (!reads) this.entryReads.set(shape, (reads = new Map()));
    if (!reads.has(read)) reads.set(read, this.readEntries(module, shape, keys, fallback));
    return reads.get(read)!;
  }

  private readonly entryReads = new WeakMap<DictShape, Map<string, PythonExpression[] | null>>();

  private readEntries(module: PythonModule, shape: DictShape, keys: readonly (string | null)[], fallback: SyntaxNode | 'none' | null): PythonExpression[] | null {
    const values: PythonExpression[] = [];
    const missing = (): boolean => {
      // Past a complete dict's keys: `[key]` raises, `.get` gives its fallback.
      if (!shape.complete) return false;
      if (fallback !== null && fallback !== 'none') values.push({ module, node: fallback });
      return true;
    };
    if (keys.includes(null)) {
      if (shape.entries.length > LIMITS.keysPerRead) return null;
      for (const entry of shape.entries) values.push(...entry.values);
      if (!missing()) return null;
    } else {
      for (const text of keys) {
        const entry = dictEntry(shape, text!, false);
        if (entry) values.push(...entry.values);
        else if (!missing()) return null;
      }
    }
    return values.length > 0 && values.length <= LIMITS.alternativesPerValue ? values : null;
  }

  private readonly compared = new Map<string, boolean>();

  /**
   * Whether the scope that binds a key's name compares it with a text (`if provider == "google":`,
   * `provider in ("a", "b")`, `match provider:`); any key other than a name counts as compared.
   */
  private isComparedWithText(module: PythonModule, key: SyntaxNode): boolean {
    const target = unparenthesised(key);
    const found = target.name === 'VariableName' ? this.bindingsOf(module, target) : null;
    if (!found) return true;
    const name = this.text(module, target);
    const memo = `${module.file}\0${found.scope.node.from}\0${name}`;
    let compared = this.compared.get(memo);
    if (compared === undefined) {
      const body = module.index.parse.text.slice(found.scope.node.from, found.scope.node.to);
      const quoted = String.raw`[rbuRBU]*['"]`;
      const pattern = new RegExp(String.raw`(?<![\w.])${name}\s*(?:[=!]=\s*${quoted}|(?:not\s+)?in\s*[([{]\s*${quoted})|${quoted}[^'"\n]*['"]\s*[=!]=\s*${name}(?![\w])|\bmatch\s+${name}\b`);
      this.compared.set(memo, (compared = pattern.test(body)));
    }
    return compared;
  }

  /** The dict the entries a read gives may be: one per list of entries (they are kept per read). */
  private entriesDict(entries: PythonExpression[], depth: number): DictShape | null {
    if (!this.entryDicts.has(entries)) this.entryDicts.set(entries, this.dictUnion(entries.map((value) => this.dict(value.module, value.node, depth + 1))));
    return this.entryDicts.get(entries)!;
  }

  private readonly entryDicts = new WeakMap<PythonExpression[], DictShape | null>();

  /** `table.get(key)` or `table.get(key, fallback)`: the table and its two arguments; null for any other call. */
  private getRead(module: PythonModule, node: SyntaxNode): { table: SyntaxNode; key: SyntaxNode; fallback: SyntaxNode | null } | null {
    const text = module.index.parse.text;
    const callee = node.firstChild;
    if (callee?.name !== 'MemberExpression' || callee.lastChild?.name !== 'PropertyName' || text.slice(callee.lastChild.from, callee.lastChild.to) !== 'get' || !callee.firstChild) return null;
    const args = callArguments(text, node);
    if (args.keywords.size > 0 || args.starred || args.doubleStarred.length > 0 || args.positional.length < 1 || args.positional.length > 2) return null;
    return { table: callee.firstChild, key: args.positional[0]!, fallback: args.positional[1] ?? null };
  }

  /** `table.get(key)` or `table.get(key, fallback)` of a dict the file spells out (see entryValues). */
  private getCall(module: PythonModule, node: SyntaxNode, depth: number): PythonExpression[] | null {
    const read = this.getRead(module, node);
    return read && this.entryValues(module, read.table, read.key, read.fallback ?? 'none', depth);
  }

  /**
   * `config.get("api_url", "https://openrouter.ai/api/v1")` of a mapping the code does not spell out (a parameter,
   * loaded settings): whatever it holds under the key, or the fallback, as `env or "…"` is. The key names the
   * unknown part, as an attribute's name does. Null for any other call.
   */
  private defaultedGet(module: PythonModule, node: SyntaxNode, depth: number): StringAlternative[] | null {
    const read = this.getRead(module, node);
    if (!read?.fallback || this.dict(module, read.table, depth + 1)) return null;
    const keyText = read.key.name === 'String' ? stringLiteralText(module.index.parse.text, read.key) : null;
    return this.union(module, node, [this.hole(module, node, 'opaque', keyText), this.strings(module, read.fallback, depth + 1)]);
  }

  /**
   * `base.rstrip("/")`, `key.strip()`: the value with the characters taken off the ends the file spells
   * out; an end that is a hole stays as it is (what it holds there is not known either way).
   */
  private stripped(module: PythonModule, node: SyntaxNode, object: SyntaxNode, method: string, charsNode: SyntaxNode | null, depth: number): StringAlternative[] {
    const chars = charsNode ? (unparenthesised(charsNode).name === 'String' ? stringLiteralText(module.index.parse.text, unparenthesised(charsNode)) : null) : WHITESPACE;
    if (chars === null) return this.hole(module, node, 'opaque', null);
    const strip = (value: string, end: 'start' | 'end'): string => {
      let from = 0;
      let to = value.length;
      if (end === 'start') while (from < to && chars.includes(value[from]!)) from++;
      else while (to > from && chars.includes(value[to - 1]!)) to--;
      return value.slice(from, to);
    };
    return this.strings(module, object, depth + 1).map((alternative) => {
      const pieces = [...alternative.pieces];
      if (method !== 'rstrip' && typeof pieces[0] === 'string') pieces[0] = strip(pieces[0], 'start');
      const last = pieces.length - 1;
      if (method !== 'lstrip' && typeof pieces[last] === 'string') pieces[last] = strip(pieces[last] as string, 'end');
      return { pieces, node: alternative.node };
    });
  }

  /** `"{}/api/{name}".format(base, name=x)`: fields by position or keyword; a format spec makes the value unknown. */
  private formatCall(module: PythonModule, node: SyntaxNode, templateNode: SyntaxNode, depth: number): StringAlternative[] {
    const text = module.index.parse.text;
    const template = unparenthesised(templateNode);
    const literal = template.name === 'String' ? stringLiteralText(text, template) : null;
    if (literal === null) return this.hole(module, node, 'opaque', null);
    const args = callArguments(text, node);
    const parts: StringAlternative[][] = [];
    let next = 0;
    const templateNodeOf = this.node(module, template, 'PythonString');
    for (const piece of literal.split(/(\{\{|\}\}|\{[^{}]*\})/)) {
      if (piece === '{{' || piece === '}}') parts.push([{ pieces: [piece[0]!], node: templateNodeOf }]);
      else if (piece.startsWith('{')) {
        const field = piece.slice(1, -1);
        const argument = field === '' ? args.positional[next++] : /^\d+$/.test(field) ? args.positional[Number(field)] : /^\w+$/.test(field) ? args.keywords.get(field) : undefined;
        if (!argument) return this.hole(module, node, 'opaque', null);
        parts.push(this.strings(module, argument, depth + 1));
      } else if (piece !== '') parts.push([{ pieces: [piece], node: templateNodeOf }]);
    }
    return this.concatenate(module, node, parts);
  }

  // ---- dicts ----

  /** The keys and values a dict expression holds, or null when the file does not tell. */
  dict(module: PythonModule, node: SyntaxNode, depth = 0): DictShape | null {
    const target = unparenthesised(node);
    return this.memoised<DictShape | null>('dict', module, target, depth, () => null, () => this.computeDict(module, target, depth));
  }

  private computeDict(module: PythonModule, node: SyntaxNode, depth: number): DictShape | null {
    const text = module.index.parse.text;
    switch (node.name) {
      case 'DictionaryExpression':
        return this.dictLiteral(module, node, depth);
      // `default_headers=headers or None`: no dict, so no headers.
      case 'None':
        return { entries: [], complete: true };
      case 'CallExpression': {
        const callee = node.firstChild;
        const dumped = this.modelDump(module, node);
        if (dumped) return dumped;
        const entries = this.getCall(module, node, depth);
        if (entries) return this.entriesDict(entries, depth);
        // `copy.deepcopy(table[name])`: the same keys and values.
        if (callee && COPYING.has(this.qualifiedName(module, callee) ?? '')) {
          const copied = callArguments(text, node);
          if (copied.positional.length === 1 && copied.keywords.size === 0 && !copied.starred && copied.doubleStarred.length === 0) return this.dict(module, copied.positional[0]!, depth + 1);
        }
        const loaded = this.loadedData(module, node, depth);
        if (loaded) return this.dict(loaded.module, loaded.node, depth + 1);
        const returns = this.helperReturns(module, node);
        if (returns) return this.dictUnion(returns.map((value) => this.dict(value.module, value.node, depth + 1)));
        if (callee?.name !== 'VariableName' || text.slice(callee.from, callee.to) !== 'dict' || this.bindingsOf(module, callee)) return null;
        const args = callArguments(text, node);
        if (args.starred || args.positional.length > 1) return null;
        const builder = new DictBuilder();
        if (args.positional[0]) builder.merge(this.dict(module, args.positional[0], depth + 1), false);
        for (const [key, value] of args.keywords) builder.set(key, [{ module, node: value }], false);
        for (const spread of args.doubleStarred) builder.merge(this.dict(module, spread, depth + 1), false);
        return builder.shape();
      }
      case 'BinaryExpression': {
        const [left, operator, right] = [node.firstChild, node.firstChild?.nextSibling, node.lastChild];
        if (!left || !operator || !right) return null;
        const op = text.slice(operator.from, operator.to);
        if (op === '|') {
          const builder = new DictBuilder();
          builder.merge(this.dict(module, left, depth + 1), false);
          builder.merge(this.dict(module, right, depth + 1), false);
          return builder.shape();
        }
        if (op === 'or') return this.dictUnion([this.dict(module, left, depth + 1), this.dict(module, right, depth + 1)]);
        return null;
      }
      case 'ConditionalExpression': {
        const [whenTrue, , whenFalse] = meaningfulChildren(node).filter((child) => child.name !== 'if' && child.name !== 'else');
        if (!whenTrue || !whenFalse) return null;
        return this.dictUnion([this.dict(module, whenTrue, depth + 1), this.dict(module, whenFalse, depth + 1)]);
      }
      case 'VariableName':
        return this.dictName(module, node, depth);
      case 'MemberExpression': {
        if (node.firstChild?.nextSibling?.name === '[') {
          const key = meaningfulChildren(node)[1];
          const entries = key ? this.entryValues(module, node.firstChild, key, null, depth) : null;
          return entries && this.entriesDict(entries, depth);
        }
        const field = this.selfField(module, node);
        if (!field) {
          const attribute = this.classAttribute(module, node);
          const shape = attribute ? this.dictUnion(attribute.values.map((value) => this.dict(value.module, value.node, depth + 1))) : null;
          // A settings field the environment may set holds keys the file does not show.
          return shape && attribute!.env !== null ? { entries: shape.entries, complete: false } : shape;
        }
        const shape = this.dictUnion(field.values.map((value) => this.dict(value.module, value.node, depth + 1)));
        // Keys written into the field elsewhere in the class are not followed: what it lacks is not known.
        return shape && field.mutated ? { entries: shape.entries, complete: false } : shape;
      }
      default:
        return null;
    }
  }

  /**
   * `request.options.model_dump()` (or pydantic 1's `.dict()`) of a pydantic model of the project: a dict
   * of the model's fields and no others, their values unknown. Only for a model whose one base is
   * `BaseModel` and that configures nothing (`model_config`, `class Config` may allow extra keys), dumped
   * with options that keep the fields' names (`by_alias`, `include` and any other do not).
   */
  private modelDump(module: PythonModule, node: SyntaxNode): DictShape | null {
    const text = module.index.parse.text;
    const callee = node.firstChild;
    if (callee?.name !== 'MemberExpression' || callee.lastChild?.name !== 'PropertyName' || !callee.firstChild) return null;
    if (!['model_dump', 'dict'].includes(text.slice(callee.lastChild.from, callee.lastChild.to))) return null;
    const args = callArguments(text, node);
    if (args.positional.length > 0 || args.starred || args.doubleStarred.length > 0 || [...args.keywords.keys()].some((keyword) => !DUMP_KEEPING_NAMES.has(keyword))) return null;
    const model = this.modelOf(module, callee.firstChild, 0);
    const fields = model ? this.modelFields(model) : null;
    if (!model || !fields) return null;
    return { entries: fields.map((field) => ({ key: field.name, values: [{ module: model.module, node: field.annotation }] })), complete: true };
  }

  /** The pydantic model class an expression is an instance of, by the annotations of parameters and model fields. */
  private modelOf(module: PythonModule, node: SyntaxNode, depth: number): PythonExpression | null {
    if (depth > MODEL_DEPTH || !this.budget.charge()) return null;
    const text = module.index.parse.text;
    const target = unparenthesised(node);
    if (target.name === 'VariableName') {
      const name = text.slice(target.from, target.to);
      const found = this.bindingsOf(module, target, name);
      const binding = found?.bindings.length === 1 ? found.bindings[0] : null;
      if (binding?.kind === 'parameter') {
        const annotation = parameterAnnotation(text, found!.scope.node, name);
        return annotation ? this.modelClass(module, annotation) : null;
      }
      const held = this.objectOf(module, target);
      return held?.call && this.modelFields(held.cls) ? held.cls : null;
    }
    const property = target.lastChild;
    if (target.name !== 'MemberExpression' || property?.name !== 'PropertyName' || target.firstChild?.nextSibling?.name !== '.') return null;
    const owner = this.modelOf(module, target.firstChild, depth + 1);
    const name = text.slice(property.from, property.to);
    const field = owner ? this.modelFields(owner)?.find((candidate) => candidate.name === name) : undefined;
    return field ? this.modelClass(owner!.module, field.annotation) : null;
  }

  /** The model class an annotation names (`PromptRequest`), or null for any other annotation. */
  private modelClass(module: PythonModule, annotation: SyntaxNode): PythonExpression | null {
    const cls = annotation.name === 'VariableName' ? this.classOf(module, annotation) : null;
    return cls && this.modelFields(cls) ? cls : null;
  }

  /** The annotated fields of a plain pydantic model (`name: T = default`), or null for any other class. */
  private modelFields(cls: PythonExpression): { name: string; annotation: SyntaxNode }[] | null {
    const text = cls.module.index.parse.text;
    const bases = childNamed(cls.node, 'ArgList');
    const baseList = bases ? meaningfulChildren(bases) : [];
    if (baseList.length !== 1 || !/^pydantic(?:\.main)?\.BaseModel$/.test(this.qualifiedName(cls.module, baseList[0]!) ?? '')) return null;
    const body = childNamed(cls.node, 'Body');
    const fields: { name: string; annotation: SyntaxNode }[] = [];
    for (let statement = body?.firstChild ?? null; statement; statement = statement.nextSibling) {
      const target = statement.firstChild;
      const targetName = target?.name === 'VariableName' ? text.slice(target.from, target.to) : null;
      if (statement.name === 'ClassDefinition' && /^\s*class\s+Config\b/.test(text.slice(statement.from, statement.to))) return null;
      if (statement.name !== 'AssignStatement' || targetName === null) continue;
      if (targetName === 'model_config') return null;
      const annotation = target!.nextSibling?.name === 'TypeDef' ? target!.nextSibling.lastChild : null;
      // `_name` is a private attribute, not a field.
      if (annotation && !targetName.startsWith('_')) fields.push({ name: targetName, annotation });
      if (fields.length > LIMITS.entriesPerObject) return null;
    }
    return fields;
  }

  private dictLiteral(module: PythonModule, node: SyntaxNode, depth: number): DictShape | null {
    const builder = new DictBuilder();
    let key: SyntaxNode | null = null;
    let spread = false;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const name = child.name;
      if (name === '{' || name === '}' || name === ',' || isComment(child)) continue;
      if (name === 'for') return null;
      if (name === '**') spread = true;
      else if (name === ':') continue;
      else if (spread) {
        builder.merge(this.dict(module, child, depth + 1), false);
        spread = false;
      } else if (key === null) key = child;
      else {
        const keys = this.strings(module, key, depth + 1).map(exactText);
        if (keys.length === 1 && keys[0] !== null) builder.set(keys[0]!, [{ module, node: child }], false);
        else builder.unknownKey();
        key = null;
      }
      if (builder.overfull) return null;
    }
    return builder.shape();
  }

  /** Several dicts one expression may be: a key any of them has is present, with all their values. */
  private dictUnion(shapes: readonly (DictShape | null)[]): DictShape | null {
    if (shapes.some((shape) => shape === null)) return null;
    const builder = new DictBuilder();
    for (const shape of shapes) builder.merge(shape, true);
    const merged = builder.shape();
    return { entries: merged.entries, complete: shapes.every((shape) => shape!.complete) };
  }

  /** A dict name: every assignment's dict, then the keys written into it afterwards (`h["X-Title"] = ...`, `h.update(...)`). */
  private dictName(module: PythonModule, node: SyntaxNode, depth: number): DictShape | null {
    const name = module.index.parse.text.slice(node.from, node.to);
    const found = this.bindingsOf(module, node, name);
    const values = found ? this.nameValues(module, node) : null;
    if (!found || !values || values.open || values.values.length === 0) return null;
    const shapes = values.values.map((value) => this.dict(value.module, value.node, depth + 1));
    const base = shapes.length === 1 ? shapes[0]! : this.dictUnion(shapes);
    if (!base) return null;
    // Keys written before the assignment that reaches here belong to an earlier value of the name.
    const since = values.since ?? -1;
    const writes = (module.index.keyWrites.get(name) ?? []).filter((write) => write.at > since && lookupName(write.scope, name)?.scope === found.scope);
    if (writes.length === 0) return base;
    const builder = new DictBuilder();
    builder.merge(base, false);
    for (const write of writes) {
      if (write.kind === 'update') {
        // A write recorded at the call itself is an `update()` whose keys the file does not spell out.
        builder.merge(write.value.from === write.at ? null : this.dict(module, write.value, depth + 1), write.conditional);
        continue;
      }
      const keys = write.key ? this.strings(module, write.key, depth + 1).map(exactText) : [null];
      if (keys.length === 1 && keys[0] !== null) builder.set(keys[0]!, [{ module, node: write.value }], write.conditional || write.kind === 'setdefault');
      else builder.unknownKey();
      if (builder.overfull) return null;
    }
    return builder.shape();
  }
}

/** A read's alternatives without the empty text where an `if` tests the read (looked for only when one is empty). */
function nonEmptyWhereTested(read: StringAlternative[], text: string, node: SyntaxNode, name: string): StringAlternative[] {
  return read.some((alternative) => exactText(alternative) === '') && isTruthyAt(text, node, name) ? read.filter((alternative) => exactText(alternative) !== '') : read;
}

/** Statements between a read and the `if` that tests its name: a test farther up is not looked for. */
const MAX_TEST_DEPTH = 8;

/**
 * Whether the read of `name` (a name or a dotted path, `Config.SITE_URL`) at `node` is in the body of an
 * `if name:` (or `if name and …:`) that does not assign it again: there it holds a value that is not empty.
 */
function isTruthyAt(text: string, node: SyntaxNode, name: string): boolean {
  let child: SyntaxNode = node;
  for (let parent = node.parent, step = 0; parent && step < MAX_TEST_DEPTH * 3; child = parent, parent = parent.parent, step++) {
    if (parent.name === 'FunctionDefinition' || parent.name === 'ClassDefinition' || parent.name === 'LambdaExpression') return false;
    // The first body is the `if`'s own (nodes are compared by place: the tree makes a new object per visit).
    if (parent.name !== 'IfStatement' || child.name !== 'Body' || child.from !== childNamed(parent, 'Body')?.from) continue;
    const test = meaningfulChildren(parent).find((candidate) => candidate.name !== 'if');
    const names = test?.name === 'BinaryExpression' && text.slice(test.firstChild!.to, test.firstChild!.nextSibling!.to).trim() === 'and' ? [test.firstChild!, test.lastChild!] : test ? [test] : [];
    if (!names.some((candidate) => (candidate.name === 'VariableName' || candidate.name === 'MemberExpression') && text.slice(candidate.from, candidate.to) === name)) continue;
    return !new RegExp(String.raw`(?<![\w.])${name.replaceAll('.', '\\.')}\s*(?:[-+*/|&]?=)(?!=)`).test(text.slice(child.from, node.from));
  }
  return false;
}

/** The annotation of a function's parameter (`request: PromptRequest`), or null. */
function parameterAnnotation(text: string, fn: SyntaxNode, name: string): SyntaxNode | null {
  const list = childNamed(fn, 'ParamList');
  for (let child = list?.firstChild ?? null; child; child = child.nextSibling) {
    if (child.name === 'VariableName' && text.slice(child.from, child.to) === name) return child.nextSibling?.name === 'TypeDef' ? child.nextSibling.lastChild : null;
  }
  return null;
}

/** Builds a dict shape key by key: a later key replaces an earlier one of the same name, unless it only may be written. */
class DictBuilder {
  private readonly entries = new Map<string, PythonExpression[]>();
  private complete = true;

  get overfull(): boolean {
    return this.entries.size > LIMITS.entriesPerObject;
  }

  set(key: string, values: readonly PythonExpression[], maybe: boolean): void {
    const previous = this.entries.get(key);
    // Insertion order is the dict's order: a replaced key keeps its place, as Python's dicts do.
    if (maybe && previous) previous.push(...values);
    else this.entries.set(key, [...values]);
  }

  unknownKey(): void {
    this.complete = false;
  }

  merge(shape: DictShape | null, maybe: boolean): void {
    if (!shape) {
      this.complete = false;
      return;
    }
    if (!shape.complete) this.complete = false;
    for (const entry of shape.entries) this.set(entry.key, entry.values, maybe);
  }

  shape(): DictShape {
    return { entries: [...this.entries].map(([key, values]) => ({ key, values })), complete: this.complete };
  }
}

/** A dict's entry for a key, matched as header names are (case-insensitively) or exactly. */
export function dictEntry(shape: DictShape, key: string, caseInsensitive: boolean): DictEntry | null {
  const wanted = caseInsensitive ? key.toLowerCase() : key;
  let found: DictEntry | null = null;
  for (const entry of shape.entries) if ((caseInsensitive ? entry.key.toLowerCase() : entry.key) === wanted) found = entry;
  return found;
}

/** `self.name`: a field of the instance, read in a method. */
function isSelfField(module: PythonModule, node: SyntaxNode): boolean {
  return node.name === 'MemberExpression' && node.firstChild?.nextSibling?.name === '.' && module.index.parse.text.slice(node.firstChild.from, node.firstChild.to) === 'self' && !!selfMember(module, node);
}

/** `self.name` or `cls.name`: the class whose body the member is read in, and the name; null for any other expression. */
function selfMember(module: PythonModule, member: SyntaxNode): { owner: PythonScope; name: string } | null {
  const text = module.index.parse.text;
  const object = member.firstChild;
  const property = member.lastChild;
  if (object?.name !== 'VariableName' || property?.name !== 'PropertyName' || !['self', 'cls'].includes(text.slice(object.from, object.to))) return null;
  let owner: PythonScope | null = scopeOf(module.index, member);
  while (owner && owner.kind !== 'class') owner = owner.parent;
  return owner && { owner, name: text.slice(property.from, property.to) };
}
