/**
 * Classes of the project that make requests with what they are constructed with: a provider class whose
 * `send()` fetches `${this.endpointUrl}/chat/completions`, constructed as `new Provider(OPENROUTER_URL, key)`.
 * Each construction is a client of its own, checked with the constructor's parameters bound to the
 * arguments given there, as a wrapper's call is (wrapper-calls.ts); the finding is at the `new`, or at the
 * `super(...)` of a subclass that passes the URL up (`class OpenRouterProvider extends OpenAIProvider`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, unwrap, type FunctionNode, type Node, type ParsedSource, type Scope, type Variable } from '../syntax/ast.js';
import { parameterValues, readsParameters } from '../values/parameter-bindings.js';
import { keyValue } from '../values/static-value.js';
import { isPrivateMember } from '../values/class-fields.js';
import type { ClientCall } from '../clients/calls.js';
import { importerCalls, type WrapperCall } from './wrapper-calls.js';

/** Constructions of one class followed: past that, the rest are left unchecked (silence, never a guess). */
const MAX_CONSTRUCTIONS_PER_CLASS = 32;

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The method (or field's function) of a class that holds the node, past the arrow functions inside it, which see its `this`. */
function enclosingMember(node: Node): TSESTree.MethodDefinition | TSESTree.PropertyDefinition | null {
  let fn: FunctionNode | null = enclosingFunction(node);
  while (fn?.type === 'ArrowFunctionExpression' && fn.parent?.type !== 'PropertyDefinition') fn = enclosingFunction(fn);
  const member = fn?.parent;
  return (member?.type === 'MethodDefinition' || member?.type === 'PropertyDefinition') && member.value === fn ? member : null;
}

/** The class whose instance method (or instance field's function) holds the node, or null. */
export function instanceMethodClass(node: Node): ClassNode | null {
  const member = enclosingMember(node);
  if (!member || member.static) return null;
  const body = member.parent;
  const owner = body?.parent;
  return owner?.type === 'ClassDeclaration' || owner?.type === 'ClassExpression' ? owner : null;
}

/**
 * Whether a construction sits in a private method of its class (`private getClient()`, `#client()`), past the
 * arrow functions inside it: what such a method makes reaches only the class's own code.
 */
export function isInPrivateMethod(node: Node): boolean {
  const member = enclosingMember(node);
  return member?.type === 'MethodDefinition' && member.kind === 'method' && isPrivateMember(member);
}

/** The class's own `constructor` method, if it declares one. */
function constructorOf(owner: ClassNode): TSESTree.MethodDefinition | undefined {
  return owner.body.body.find((member): member is TSESTree.MethodDefinition => member.type === 'MethodDefinition' && member.kind === 'constructor');
}

/** The class's constructor, when it has one that reads its parameters. */
export function readingConstructor(owner: ClassNode, sourceCode: ParsedSource): { fn: TSESTree.FunctionExpression; own: Scope } | null {
  const member = constructorOf(owner);
  const fn = member?.value.type === 'FunctionExpression' ? member.value : null;
  const own = fn ? (sourceCode.scopeManager?.acquire(fn) ?? null) : null;
  return fn && own && readsParameters(fn, own) ? { fn, own } : null;
}

/** The variable a class is declared as: `class K {}` or `const K = class {}`. */
function classVariable(sourceCode: ParsedSource, owner: ClassNode): Variable | undefined {
  const holder = owner.parent;
  const declared = owner.type === 'ClassDeclaration' ? owner : holder?.type === 'VariableDeclarator' && holder.init === owner && holder.parent.kind === 'const' ? holder : null;
  return declared ? sourceCode.scopeManager?.getDeclaredVariables(declared).find((candidate) => candidate.defs.some((def) => def.node === declared)) : undefined;
}

/** `new K(...)` where the identifier is its `K`. */
function newOf(identifier: Node): ClientCall[] {
  const parent = identifier.parent;
  return parent?.type === 'NewExpression' && unwrap(parent.callee) === identifier ? [parent] : [];
}

/** The top-level `super(...)` calls of a constructor. */
function superCalls(constructor: TSESTree.MethodDefinition): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const statement of constructor.value.body?.body ?? []) {
    const expression = statement.type === 'ExpressionStatement' ? unwrap(statement.expression) : null;
    if (expression?.type === 'CallExpression' && expression.callee.type === 'Super') calls.push(expression);
  }
  return calls;
}

/**
 * The calls that construct the class a reference names: `new K(...)`, or, where the reference is the
 * superclass of `class S extends K`, the `super(...)` calls of S's constructor, or each `new S(...)` of
 * the file when S has no constructor of its own (its arguments go to K's unchanged).
 */
export function constructionsThrough(identifier: Node, sourceCode: ParsedSource): ClientCall[] {
  const parent = identifier.parent;
  if ((parent?.type !== 'ClassDeclaration' && parent?.type !== 'ClassExpression') || parent.superClass !== identifier) return newOf(identifier);
  const constructor = constructorOf(parent);
  if (constructor) return superCalls(constructor);
  return (classVariable(sourceCode, parent)?.references ?? []).flatMap((reference) => newOf(reference.identifier));
}

/** Each construction in the file of the class around a request (see constructionsThrough), with the constructor's parameters bound to its arguments. */
export function constructionCalls(sourceCode: ParsedSource, inner: Node): WrapperCall[] {
  const owner = instanceMethodClass(inner);
  const constructor = owner && readingConstructor(owner, sourceCode);
  const variable = owner ? classVariable(sourceCode, owner) : undefined;
  if (!owner || !constructor || !variable) return [];
  const calls: WrapperCall[] = [];
  for (const reference of variable.references) {
    for (const construction of constructionsThrough(reference.identifier, sourceCode)) {
      if (calls.length === MAX_CONSTRUCTIONS_PER_CLASS) return calls;
      calls.push({ call: construction, parameters: parameterValues(constructor.fn, constructor.own, construction, sourceCode.getScope(construction), keyValue) });
    }
  }
  return calls;
}

/** A static method of a class the file declares, named plainly: `static async send(url, key) {…}`. */
function staticMethodOf(fn: FunctionNode | null): { owner: ClassNode; name: string; fn: TSESTree.FunctionExpression } | null {
  const member = fn?.parent;
  const owner = member?.parent?.parent;
  if (member?.type !== 'MethodDefinition' || member.kind !== 'method' || !member.static || member.computed || member.key.type !== 'Identifier' || member.value !== fn) return null;
  return owner?.type === 'ClassDeclaration' || owner?.type === 'ClassExpression' ? { owner, name: member.key.name, fn: member.value } : null;
}

/** `K.name(...)` where the identifier is its `K`. */
function staticCallOf(identifier: Node, name: string): ClientCall[] {
  const member = identifier.parent;
  const call = member?.parent;
  const named = member?.type === 'MemberExpression' && member.object === identifier && !member.computed && member.property.type === 'Identifier' && member.property.name === name;
  return named && call?.type === 'CallExpression' && unwrap(call.callee) === member ? [call] : [];
}

/**
 * Where the package's other modules use the exported class around a request: each construction
 * (`new OpenRouterClient({ baseUrl })`, for a request of an instance method) or each call of the static
 * method that makes it (`StreamManager.streamRequest(url, key)`), with the parameters bound there, and the
 * module's text. Null when the request is in neither, or not every such use is known (see importerCalls).
 */
export function importerClassCalls(sourceCode: ParsedSource, inner: Node): (WrapperCall & { readonly text: string })[] | null {
  const method = staticMethodOf(enclosingFunction(inner));
  const owner = method?.owner ?? instanceMethodClass(inner);
  const constructor = method ? null : owner && readingConstructor(owner, sourceCode);
  const own = method ? sourceCode.scopeManager?.acquire(method.fn) : constructor?.own;
  const fn = method?.fn ?? constructor?.fn;
  const variable = owner ? classVariable(sourceCode, owner) : undefined;
  if (!fn || !own || !variable || (method && !readsParameters(fn, own))) return null;
  return importerCalls(sourceCode, variable, fn, own, (reference, source) => {
    const found = method ? staticCallOf(reference.identifier, method.name) : constructionsThrough(reference.identifier, source);
    return found.map((call) => ({ call, from: source.getScope(call) }));
  }, MAX_CONSTRUCTIONS_PER_CLASS);
}
