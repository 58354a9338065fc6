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

function enclosingClassBody(node: Node): TSESTree.ClassBody | null {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === 'FunctionExpression') {
      // `this` is the instance only in a method or a field; a plain function has its own `this`.
      if (current.parent?.type !== 'MethodDefinition') return null;
    } else if (current.type === 'FunctionDeclaration') {
      return null;
    } else if (current.type === 'ClassBody') {
      return current;
    }
  }
  return null;
}

function collectFields(body: TSESTree.ClassBody): ClassFields {
  const writes = new Map<string, Node[]>();
  const reads = new Map<string, TSESTree.MemberExpression[]>();
  const add = (name: string, value: Node): void => {
    writes.set(name, [...(writes.get(name) ?? []), value]);
  };
  const visit = (node: Node): void => {
    const read = node.type === 'MemberExpression' && node.object.type === 'ThisExpression' ? memberName(node) : null;
    if (read !== null && !(node.parent?.type === 'AssignmentExpression' && node.parent.left === node)) {
      reads.set(read, [...(reads.get(read) ?? []), node as TSESTree.MemberExpression]);
    }
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression') {
      const key = node.left.property;
      // An operator other than `=`, or a computed name, makes every field uncertain.
      const name = !node.left.computed && key.type === 'Identifier' ? key.name : '*';
      add(node.operator === '=' ? name : '*', node.right);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || !value || typeof value !== 'object') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof (child as Node).type === 'string') visit(child as Node);
      }
    }
  };
  for (const member of body.body) {
    if (member.type === 'PropertyDefinition' && !member.static && !member.computed && member.key.type === 'Identifier' && member.value) {
      add(member.key.name, member.value);
    }
    visit(member);
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
  const body = anchor && enclosingClassBody(anchor);
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
