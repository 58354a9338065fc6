/**
 * `this.baseUrl` inside a class: the value of a field that is written once, either by its
 * initialiser or by a single `this.baseUrl = ...` assignment. Anything else stays unknown.
 *
 * `this` is the instance in methods and instance fields, and the class itself in static methods,
 * static fields and static blocks: the two kinds of field are kept apart. A static field is only
 * resolved in a class that nothing else can reach (not exported, not extended, not passed around),
 * since a subclass's `this` would be another class with fields of its own.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { childNodes, exportNames, findVariable, isExported, memberName, programOf, scopeOfBlock, type Node, type Scope, type Variable } from '../syntax/ast.js';
import { importingBindings } from './imported-values.js';
import { currentBudget } from './budget.js';

type ThisKind = 'instance' | 'static';

interface FieldSet {
  /** Every value written to `this.<name>`, initialisers included; `*` when some write is not by name. */
  readonly writes: Map<string, Node[]>;
  /** Every `this.<name>` read. */
  readonly reads: Map<string, TSESTree.MemberExpression[]>;
}

type ClassFields = Record<ThisKind, FieldSet> & {
  readonly readsOfEither: Map<string, TSESTree.MemberExpression[]>;
  /** The class's members by name (not computed): which one `this.<name>` means is a lookup, not a pass over the body. */
  readonly members: Map<string, TSESTree.ClassElement[]>;
};

const fieldsCache = new WeakMap<TSESTree.ClassBody, ClassFields>();

/** What `this` is at `node` inside a class: the class body and whether it is the instance or the class. */
function thisAt(node: Node): { body: TSESTree.ClassBody; kind: ThisKind } | null {
  let kind: ThisKind | null = null;
  for (let current: Node = node; current.parent; current = current.parent) {
    const parent: Node = current.parent;
    if (current.type === 'FunctionDeclaration' || (current.type === 'FunctionExpression' && parent.type !== 'MethodDefinition')) return null;
    if (kind === null && parent.type === 'MethodDefinition' && parent.value === current) kind = parent.static ? 'static' : 'instance';
    if (kind === null && parent.type === 'PropertyDefinition' && parent.value === current) kind = parent.static ? 'static' : 'instance';
    if (kind === null && current.type === 'StaticBlock') kind = 'static';
    if (parent.type === 'ClassBody') return kind ? { body: parent, kind } : null;
  }
  return null;
}

/** The name of `this.x` (`x`) or `this.#x` (`#x`, apart from a public `x`); null when computed. */
export function memberKey(member: TSESTree.MemberExpression): string | null {
  return member.computed ? null : keyName(member.property);
}

/** A member no subclass may declare again and no outside code may reach: `#name`, or TypeScript's `private`. */
export function isPrivateMember(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): boolean {
  return member.key.type === 'PrivateIdentifier' || member.accessibility === 'private';
}

/** A member's name as field sets keep it: `x`, or `#x` for a private name. */
export function keyName(key: Node): string | null {
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  return key.type === 'Identifier' ? key.name : null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The kind of `this` inside a child of a class member; `both` where it cannot be told (a plain function). */
function childKind(node: Node, kind: ThisKind | 'both'): ThisKind | 'both' {
  if (node.type === 'MethodDefinition' || node.type === 'PropertyDefinition') return node.static ? 'static' : 'instance';
  if (node.type === 'StaticBlock') return 'static';
  if (node.type === 'FunctionExpression' && node.parent?.type === 'MethodDefinition') return kind;
  if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ClassBody') return 'both';
  return kind;
}

/**
 * Every `this.<name>` write and read in a class body, in one iterative walk (class bodies may nest
 * deeply). Where `this` cannot be told (a plain function inside a method), a write or read counts
 * for both kinds: the cautious direction.
 */
function collectFields(body: TSESTree.ClassBody): ClassFields {
  const fields: ClassFields = { instance: { writes: new Map(), reads: new Map() }, static: { writes: new Map(), reads: new Map() }, readsOfEither: new Map(), members: new Map() };
  const kindsOf = (kind: ThisKind | 'both'): FieldSet[] => (kind === 'both' ? [fields.instance, fields.static] : [fields[kind]]);
  const stack: [Node, ThisKind | 'both'][] = [];
  for (const member of body.body) {
    const key = 'key' in member && !member.computed ? keyName(member.key) : null;
    if (key !== null) push(fields.members, key, member);
    if (member.type === 'PropertyDefinition' && key !== null && member.value) push(fields[member.static ? 'static' : 'instance'].writes, key, member.value);
    // `constructor(private baseUrl: string)`: the parameter is written to `this.baseUrl`.
    if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
      for (const parameter of member.value.params) {
        if (parameter.type !== 'TSParameterProperty') continue;
        const declared = parameter.parameter.type === 'AssignmentPattern' ? parameter.parameter.left : parameter.parameter;
        if (declared.type === 'Identifier') push(fields.instance.writes, declared.name, declared);
      }
    }
    stack.push([member, childKind(member, 'both')]);
  }
  const budget = currentBudget();
  while (stack.length > 0) {
    const [node, kind] = stack.pop()!;
    // Once per class, but a class may be long: the walk pays by the node.
    budget.charge();
    const read = node.type === 'MemberExpression' && node.object.type === 'ThisExpression' ? memberKey(node) : null;
    if (read !== null && !(node.parent?.type === 'AssignmentExpression' && node.parent.left === node)) {
      for (const set of kindsOf(kind)) push(set.reads, read, node as TSESTree.MemberExpression);
    }
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression') {
      // An operator other than `=`, or a computed name, makes every field uncertain.
      const name = memberKey(node.left) ?? '*';
      for (const set of kindsOf(kind)) push(set.writes, node.operator === '=' ? name : '*', node.right);
    }
    for (const child of childNodes(node)) stack.push([child, childKind(child, kind)]);
  }
  return fields;
}

function fieldsOf(body: TSESTree.ClassBody): ClassFields {
  let fields = fieldsCache.get(body);
  if (!fields) {
    fields = collectFields(body);
    fieldsCache.set(body, fields);
  }
  return fields;
}

/**
 * The `this.<name>` reads of the class field a value is stored in (`client = new X()` or
 * `this.client = new X()`), or null when the value is not stored in a class field. Reads of either
 * kind count: more reads only make per-request attribution more likely, the cautious direction.
 */
export function classFieldReads(value: Node): TSESTree.MemberExpression[] | null {
  const parent = value.parent;
  let name: string | null = null;
  let anchor: Node | null = null;
  if (parent?.type === 'PropertyDefinition' && parent.value === value && !parent.computed) {
    name = keyName(parent.key);
    anchor = value;
  } else if (parent?.type === 'AssignmentExpression' && parent.right === value && parent.left.type === 'MemberExpression' && parent.left.object.type === 'ThisExpression') {
    name = memberKey(parent.left);
    anchor = parent.left;
  }
  const site = anchor && thisAt(anchor);
  if (!site || !name) return null;
  const fields = fieldsOf(site.body);
  // One list per name, shared by every site stored in that field: callers may memoise on it.
  let reads = fields.readsOfEither.get(name);
  if (!reads) {
    reads = [...(fields.instance.reads.get(name) ?? []), ...(fields.static.reads.get(name) ?? [])];
    fields.readsOfEither.set(name, reads);
  }
  return reads;
}

/**
 * Whether every use of the class in the file only reads it: `new C()`, `C.m()`, `C.x`. Read once per
 * class and file (every read of a static field or method asks), paying by the use.
 */
function isSealedClass(body: TSESTree.ClassBody, scope: Scope): boolean {
  const declaration = body.parent;
  if (declaration?.type !== 'ClassDeclaration' || !declaration.id) return false;
  if (isExported(declaration)) return false;
  const budget = currentBudget();
  const memo = budget.memo<boolean>('sealed-class');
  const known = memo.get(body);
  if (typeof known === 'boolean') return known;
  const classScope = scopeOfBlock(scope, declaration);
  const name = declaration.id.name;
  const variables = [classScope?.set.get(name), classScope?.upper?.set.get(name)];
  if (!variables[0] && !variables[1]) return false;
  const sealed = budget.charge(variables.reduce((sum, variable) => sum + (variable?.references.length ?? 0), 0)) && everyUseReads(variables);
  memo.set(body, sealed);
  return sealed;
}

function everyUseReads(variables: readonly (Variable | undefined)[]): boolean {
  return variables.every((variable) =>
    (variable?.references ?? []).every((reference) => {
      const use = reference.identifier.parent;
      if (use?.type === 'NewExpression' && use.callee === reference.identifier) return true;
      if (use?.type !== 'MemberExpression' || use.object !== reference.identifier) return false;
      const user = use.parent;
      const written = (user?.type === 'AssignmentExpression' && user.left === use) || user?.type === 'UpdateExpression' || (user?.type === 'UnaryExpression' && user.operator === 'delete');
      return !written;
    }),
  );
}

/**
 * Whether `method`, named `name` (`x` or `#x`) in the class body, is what `this.<name>` calls there:
 * the one member of that name, of `this`'s kind, never written as a field, and one no subclass
 * replaces: `#name`, TypeScript's `private`, any method of a class nothing else can reach, or one no
 * subclass of the project declares (a subclass's override would run instead).
 */
function isOwnMethod(body: TSESTree.ClassBody, method: TSESTree.MethodDefinition, name: string, kind: ThisKind, scope: Scope): boolean {
  const { writes } = fieldsOf(body)[kind];
  if (method.static !== (kind === 'static') || writes.has('*') || writes.has(name)) return false;
  if (fieldsOf(body).members.get(name)?.length !== 1) return false;
  return isPrivateMember(method) || isSealedClass(body, scope) || notOverridden(body, name, scope);
}

/**
 * Whether no class of the project replaces member `name` of a class: no subclass the file declares, nor
 * (for an exported class) any the package's other modules declare on its import, declares or writes it.
 * A subclass that is exported itself, or importers that cannot all be read, may hide one: false. Read
 * once per class and name.
 */
function notOverridden(body: TSESTree.ClassBody, name: string, scope: Scope): boolean {
  const declaration = body.parent;
  if (declaration?.type !== 'ClassDeclaration' || !declaration.id) return false;
  const memo = currentBudget().memo<Map<string, boolean>>('not-overridden');
  let byName = memo.get(body);
  if (!(byName instanceof Map)) memo.set(body, (byName = new Map()));
  let answer = byName.get(name);
  if (answer === undefined) byName.set(name, (answer = computeNotOverridden(declaration, name, scope)));
  return answer;
}

function computeNotOverridden(declaration: TSESTree.ClassDeclaration, name: string, scope: Scope): boolean {
  const variable = scopeOfBlock(scope, declaration)?.upper?.set.get(declaration.id!.name);
  if (!variable) return false;
  const subclasses = subclassBodies(variable);
  for (const exported of exportNames(variable)) {
    const importers = importingBindings(programOf(declaration) as TSESTree.Program, exported);
    if (!importers) return false;
    for (const importer of importers) subclasses.push(...subclassBodies(importer.variable));
  }
  return subclasses.every((subclass) => {
    const fields = fieldsOf(subclass);
    return !isExported(subclass.parent) && !fields.members.has(name) && !fields.instance.writes.has(name) && !fields.instance.writes.has('*') && !fields.static.writes.has(name);
  });
}

/** The method (or getter) `this.<name>` names where `member` reads it, when it is the class's own (see `isOwnMethod`). */
export function classMethod(member: TSESTree.MemberExpression, scope: Scope, kind: 'method' | 'get' = 'method'): TSESTree.FunctionExpression | null {
  const name = member.object.type === 'ThisExpression' ? memberKey(member) : null;
  const site = name === null ? null : thisAt(member);
  if (!site || name === null) return null;
  // A getter with a setter beside it is an accessor pair: what the setter stores is not followed.
  const method = fieldsOf(site.body).members.get(name)?.find((item): item is TSESTree.MethodDefinition => item.type === 'MethodDefinition');
  if (!method || method.kind !== kind || !isOwnMethod(site.body, method, name, site.kind, scope)) return null;
  return method.value.type === 'FunctionExpression' ? method.value : null;
}

/** The method `instance.<name>()` runs on an instance of the class itself: its one member of that name, never stored as a field. */
export function instanceMethodOf(body: TSESTree.ClassBody, name: string): TSESTree.FunctionExpression | null {
  const fields = fieldsOf(body);
  const [only, ...others] = fields.members.get(name) ?? [];
  if (!only || others.length > 0 || only.type !== 'MethodDefinition' || only.kind !== 'method' || only.static) return null;
  if (fields.instance.writes.has(name) || fields.instance.writes.has('*')) return null;
  return only.value.type === 'FunctionExpression' ? only.value : null;
}

/**
 * The `this.<name>(...)` calls, inside its class, of a method that is the class's own (see `isOwnMethod`),
 * where `this` is what the method's own `this` is; null for any other function.
 */
export function methodCalls(fn: Node, scope: Scope): TSESTree.CallExpression[] | null {
  const method = fn.parent;
  if (fn.type !== 'FunctionExpression' || method?.type !== 'MethodDefinition' || method.kind !== 'method' || method.computed || method.parent.type !== 'ClassBody') return null;
  const body = method.parent;
  const name = keyName(method.key);
  const kind: ThisKind = method.static ? 'static' : 'instance';
  if (name === null || !isOwnMethod(body, method, name, kind, scope)) return null;
  const calls: TSESTree.CallExpression[] = [];
  for (const read of fieldsOf(body)[kind].reads.get(name) ?? []) {
    const call = read.parent;
    const site = thisAt(read);
    if (call?.type === 'CallExpression' && call.callee === read && site?.body === body && site.kind === kind) calls.push(call);
  }
  // A static method called by the class's name: `Api.send(...)`.
  const declaration = body.parent;
  const classVariable = kind === 'static' && declaration?.type === 'ClassDeclaration' && declaration.id ? findVariable(scope, declaration.id.name) : null;
  for (const reference of classVariable?.references ?? []) {
    const member = reference.identifier.parent;
    const call = member?.parent;
    if (member?.type === 'MemberExpression' && member.object === reference.identifier && memberKey(member) === name && call?.type === 'CallExpression' && call.callee === member) calls.push(call);
  }
  return calls;
}

/** The bodies of the classes of the file that extend the class a variable names: `class Api extends Base`. */
export function subclassBodies(variable: Variable): TSESTree.ClassBody[] {
  return variable.references.flatMap((reference) => {
    const declaration = reference.identifier.parent;
    return (declaration?.type === 'ClassDeclaration' || declaration?.type === 'ClassExpression') && declaration.superClass === reference.identifier ? [declaration.body] : [];
  });
}

/**
 * The `this.<name>(...)` calls in a subclass of a method it inherits: the subclass neither declares
 * `name` nor writes `this.<name>`, so each call is of the superclass's method. Null where it may be
 * another function.
 */
export function inheritedMethodCalls(subclass: TSESTree.ClassBody, name: string): TSESTree.CallExpression[] | null {
  const fields = fieldsOf(subclass);
  if (fields.members.has(name) || fields.instance.writes.has(name) || fields.instance.writes.has('*')) return null;
  const calls: TSESTree.CallExpression[] = [];
  for (const read of fields.instance.reads.get(name) ?? []) {
    const call = read.parent;
    const site = thisAt(read);
    if (call?.type === 'CallExpression' && call.callee === read && site?.body === subclass && site.kind === 'instance') calls.push(call);
  }
  return calls;
}

/** `Api.HEADERS`: the one value of a static field of a class the file keeps to itself, read by the class's name. */
export function staticFieldByName(member: TSESTree.MemberExpression, scope: Scope): Node | null {
  if (member.object.type !== 'Identifier' || member.computed || member.property.type !== 'Identifier') return null;
  const variable = findVariable(scope, member.object.name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declaration = def?.type === 'ClassName' ? def.node : null;
  // Read inside the class, the name is the class scope's own binding; outside, the enclosing scope's.
  const classScope = declaration && (variable!.scope.block === declaration ? variable!.scope : variable!.scope.childScopes.find((child) => child.block === declaration));
  if (declaration?.type !== 'ClassDeclaration' || !classScope) return null;
  if (!isPrivateField(declaration.body, member.property.name) && !isSealedClass(declaration.body, classScope)) return null;
  const { writes } = fieldsOf(declaration.body).static;
  const values = writes.has('*') ? undefined : writes.get(member.property.name);
  return values?.length === 1 ? values[0]! : null;
}

/** The one value written to `this.<name>` where `member` reads it, or null. */
export function classFieldValue(member: TSESTree.MemberExpression, scope: Scope): Node | null {
  const name = member.object.type === 'ThisExpression' ? memberKey(member) : null;
  const site = name === null ? null : thisAt(member);
  if (!site || name === null) return null;
  const { writes } = fieldsOf(site.body)[site.kind];
  if (writes.has('*')) return null;
  const values = writes.get(name);
  if (values?.length !== 1) return null;
  return site.kind === 'instance' || isPrivateField(site.body, name) || isSealedClass(site.body, scope) ? values[0]! : null;
}

/** A static field no subclass may declare again (`#name`, TypeScript's `private`): `this.<name>` in a static method is its value even in a class others extend. */
function isPrivateField(body: TSESTree.ClassBody, name: string): boolean {
  const members = fieldsOf(body).members.get(name) ?? [];
  const [only] = members;
  return members.length === 1 && only!.type === 'PropertyDefinition' && isPrivateMember(only!);
}
