/**
 * What a function of the same file returns, for values built by a helper: `defaultHeaders:
 * authHeaders(key)`, `baseURL: openRouterUrl()`, `headers: this.headers()` (a method no subclass can
 * replace, see class-fields.ts), `headers: await getHeaders()`; or of another module of the project
 * (`...transportDefaults()` imported, `...transport.defaults()` of a namespace import), read as
 * imported values are (imported-values.ts); or a method of an instance of the project's class
 * (`config.baseUrl()` where `const config = new Config()` or `config: Config`). Only
 * functions declared once are followed, never generators, and async ones only where the call is
 * awaited; every `return` must give a value, and each is one alternative.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { childNodes, findVariable, isFunction, scopeAt, scopeOfBlock, staticKeyName, unwrap, type FunctionNode, type Node, type Scope, type Variable } from '../syntax/ast.js';
import { constantBinding } from './bindings.js';
import { currentBudget } from './budget.js';
import { classMethod, instanceMethodOf } from './class-fields.js';
import { declaredFunction, importedClass, importedHelper } from './imported-values.js';

/** The returned expressions of a function and the scope to resolve them in (the function's own). */
export interface Returns {
  readonly values: readonly TSESTree.Expression[];
  readonly scope: Scope;
  /** The function, for its parameters (see `withArguments`). */
  readonly fn: FunctionNode;
  /** Declared in another module: what it returns is told at the call, never edited there. */
  readonly otherModule: boolean;
}

/** Per function: its returned expressions and its own scope, found once however many calls read them. */
const returnsCache = new WeakMap<FunctionNode, { readonly values: TSESTree.Expression[]; readonly scope: Scope } | null>();

/**
 * The function a call's callee names, when the file declares it once (`function f() {}` or `const f =
 * () => ...`) or imports it from a module of the project.
 */
function calledFunction(callee: Node, scope: Scope): { fn: FunctionNode; declaredIn: Scope; otherModule?: boolean } | null {
  const target = unwrap(callee);
  if (target.type === 'MemberExpression') {
    // `transport.defaults()` of `import * as transport`.
    const name = staticKeyName(target);
    const namespace = target.object.type === 'Identifier' && name !== null ? findVariable(scope, target.object.name) : null;
    const imported = namespace?.defs[0]?.type === 'ImportBinding' ? importedHelper(namespace, name) : null;
    return imported ? { ...imported, otherModule: true } : (ownMember(target, scope, 'method') ?? instanceMethod(target, scope));
  }
  if (target.type !== 'Identifier') return null;
  const variable = findVariable(scope, target.name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'FunctionName' && def.node.type === 'FunctionDeclaration') return { fn: def.node, declaredIn: variable!.scope };
  const imported = def?.type === 'ImportBinding' ? importedHelper(variable!, null) : null;
  if (imported) return { ...imported, otherModule: true };
  const binding = constantBinding(scope, target.name);
  const init = binding && unwrap(binding.init);
  if (init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression') return { fn: init, declaredIn: binding!.variable.scope };
  return null;
}

/** The method or getter `this.name` names (see class-fields.ts), with the class's scope, which holds its own. */
function ownMember(member: TSESTree.MemberExpression, scope: Scope, kind: 'method' | 'get'): { fn: FunctionNode; declaredIn: Scope } | null {
  const fn = classMethod(member, scope, kind);
  const classNode = fn?.parent.parent?.parent;
  const declaredIn = classNode ? scopeOfBlock(scope, classNode) : null;
  return fn && declaredIn ? { fn, declaredIn } : null;
}

/**
 * The method `config.name()` calls where `config` is an instance of a class of the project: a `const`
 * holding `new Config(...)`, or a parameter declared `config: Config`. The class must declare the method
 * once and never store a field of that name; an inherited method is not followed.
 */
function instanceMethod(member: TSESTree.MemberExpression, scope: Scope): { fn: FunctionNode; declaredIn: Scope; otherModule?: boolean } | null {
  const name = member.computed ? null : staticKeyName(member);
  const object = unwrap(member.object);
  if (name === null || object.type !== 'Identifier') return null;
  const variable = findVariable(scope, object.name);
  const className = variable && instanceClassName(variable);
  const classVariable = className && findVariable(scopeAt(scope, className), className.name);
  const def = classVariable?.defs.length === 1 ? classVariable.defs[0] : undefined;
  if (def?.type === 'ClassName' && def.node.type === 'ClassDeclaration') {
    const method = instanceMethodOf(def.node.body, name);
    const declaredIn = method && scopeAt(scope, method).upper;
    return method && declaredIn ? { fn: method, declaredIn } : null;
  }
  const imported = def?.type === 'ImportBinding' ? importedClass(classVariable!) : null;
  const found = imported && declaredFunction(imported.source, instanceMethodOf(imported.owner.body, name));
  return found && { ...found, otherModule: true };
}

/** The class name a variable's one declaration gives its instance: `const c = new C()`, or `c: C` of a parameter. */
function instanceClassName(variable: Variable): TSESTree.Identifier | null {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'Variable' && def.parent.kind === 'const') {
    const init = def.node.init && unwrap(def.node.init);
    return init?.type === 'NewExpression' && init.callee.type === 'Identifier' ? init.callee : null;
  }
  if (def?.type === 'Parameter' && def.name.type === 'Identifier' && !variable.references.some((reference) => reference.isWrite())) {
    const type = def.name.typeAnnotation?.typeAnnotation;
    return type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && !type.typeArguments ? type.typeName : null;
  }
  return null;
}

/** Every `return` value of the function itself (not of functions nested in it); null when one returns nothing. */
function returnedValues(fn: FunctionNode): TSESTree.Expression[] | null {
  if (fn.generator) return null;
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const values: TSESTree.Expression[] = [];
  const stack: Node[] = [fn.body];
  const budget = currentBudget();
  while (stack.length > 0) {
    const node = stack.pop()!;
    // The walk is once per function, but a function may be long: it pays by the node.
    budget.charge();
    if (node.type === 'ReturnStatement') {
      if (!node.argument) return null;
      values.push(node.argument);
      continue;
    }
    for (const child of childNodes(node)) {
      // A nested function's returns are its own.
      if (!isFunction(child)) stack.push(child);
    }
  }
  return values.length > 0 ? values : null;
}

/** What `this.name` gives where `name` is a getter no subclass can replace (see class-fields.ts); null otherwise. */
export function getterReturns(member: TSESTree.MemberExpression, scope: Scope): Returns | null {
  const getter = ownMember(member, scope, 'get');
  return getter && returnsOf(getter.fn, getter.declaredIn);
}

/** The returns of a function written as a value (a property's arrow function), from any scope around it. */
export function functionReturns(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression, around: Scope): Returns | null {
  const own = scopeAt(around, fn);
  const declaredIn = own.block === fn ? own.upper : null;
  return declaredIn && returnsOf(fn, declaredIn);
}

/** The returns of a function and its own scope, from the scope it is declared in. */
function returnsOf(fn: FunctionNode, declaredIn: Scope, otherModule = false): Returns | null {
  let read = returnsCache.get(fn);
  if (read === undefined) {
    const values = returnedValues(fn);
    let own = values && declaredIn.childScopes.find((child) => child.block === fn);
    // A named function expression has a scope for its name around the one of its body.
    if (own?.type === 'function-expression-name') own = own.childScopes.find((child) => child.block === fn);
    read = values && own ? { values, scope: own } : null;
    returnsCache.set(fn, read);
  }
  return read && { ...read, fn, otherModule };
}

/** What `callee(...)` returns (awaited: what its promise gives), when the callee is a function of this file or imported from the project; null otherwise. */
export function localReturns(call: TSESTree.CallExpression, scope: Scope, awaited = false): Returns | null {
  const called = calledFunction(call.callee, scope);
  if (!called || (called.fn.async && !awaited)) return null;
  return returnsOf(called.fn, called.declaredIn, called.otherModule);
}
