/**
 * `this.baseUrl` inside a class: the value of a field that is written once, either by its
 * initialiser or by a single `this.baseUrl = ...` assignment. Anything else stays unknown.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, type Node } from './ast.js';

interface ClassFields {
  /** Every value written to `this.<name>`, initialisers included; `*` when some write is not by name. */
  readonly writes: Map<string, Node[]>;
  /** Every `this.<name>` read. */
  readonly reads: Map<string, TSESTree.MemberExpression[]>;
}

const fieldsCache = new WeakMap<TSESTree.ClassBody, ClassFields>();

/**
 * The class body whose instance `this` refers to at `node`, or null (plain functions). In a static
 * member `this` is the class itself: null too, unless `orStatic` asks for the body anyway (to find
 * every read of a name, which is the cautious direction for per-request attribution).
 */
function enclosingClassBody(node: Node, orStatic = false): TSESTree.ClassBody | null {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === 'FunctionExpression') {
      // `this` is the instance only in a method; a plain function has its own `this`.
      if (current.parent?.type !== 'MethodDefinition' || (current.parent.static && !orStatic)) return null;
    } else if (current.type === 'FunctionDeclaration' || (current.type === 'StaticBlock' && !orStatic)) {
      return null;
    } else if (current.type === 'PropertyDefinition' && current.static && !orStatic && current.value && isWithin(node, current.value)) {
      return null;
    } else if (current.type === 'ClassBody') {
      return current;
    }
  }
  return null;
}

function isWithin(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every `this.<name>` write and read in a class body, in one iterative walk (class bodies may nest deeply). */
function collectFields(body: TSESTree.ClassBody): ClassFields {
  const writes = new Map<string, Node[]>();
  const reads = new Map<string, TSESTree.MemberExpression[]>();
  const stack: Node[] = [];
  for (const member of body.body) {
    if (member.type === 'PropertyDefinition' && !member.static && !member.computed && member.key.type === 'Identifier' && member.value) {
      push(writes, member.key.name, member.value);
    }
    stack.push(member);
  }
  while (stack.length > 0) {
    const node = stack.pop()!;
    const read = node.type === 'MemberExpression' && node.object.type === 'ThisExpression' ? memberName(node) : null;
    if (read !== null && !(node.parent?.type === 'AssignmentExpression' && node.parent.left === node)) {
      push(reads, read, node as TSESTree.MemberExpression);
    }
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression') {
      const key = node.left.property;
      // An operator other than `=`, or a computed name, makes every field uncertain.
      const name = !node.left.computed && key.type === 'Identifier' ? key.name : '*';
      push(writes, node.operator === '=' ? name : '*', node.right);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || !value || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof (child as Node).type === 'string') stack.push(child as Node);
      } else if (typeof (value as Node).type === 'string') {
        stack.push(value as Node);
      }
    }
  }
  return { writes, reads };
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
 * `this.client = new X()`), or null when the value is not stored in a class field.
 */
export function classFieldReads(value: Node): TSESTree.MemberExpression[] | null {
  const parent = value.parent;
  let name: string | null = null;
  let anchor: Node | null = null;
  if (parent?.type === 'PropertyDefinition' && parent.value === value && !parent.computed && parent.key.type === 'Identifier') {
    name = parent.key.name;
    anchor = parent.key;
  } else if (
    parent?.type === 'AssignmentExpression' &&
    parent.right === value &&
    parent.left.type === 'MemberExpression' &&
    parent.left.object.type === 'ThisExpression' &&
    !parent.left.computed &&
    parent.left.property.type === 'Identifier'
  ) {
    name = parent.left.property.name;
    anchor = parent.left;
  }
  const body = anchor && enclosingClassBody(anchor, true);
  return body && name ? (fieldsOf(body).reads.get(name) ?? []) : null;
}

/** The one value written to `this.<name>` in the enclosing class, or null. */
export function classFieldValue(member: TSESTree.MemberExpression): Node | null {
  if (member.object.type !== 'ThisExpression' || member.computed || member.property.type !== 'Identifier') return null;
  const body = enclosingClassBody(member);
  if (!body) return null;
  const { writes } = fieldsOf(body);
  if (writes.has('*')) return null;
  const values = writes.get(member.property.name);
  return values?.length === 1 ? values[0]! : null;
}
