/**
 * `this.baseUrl` inside a class: the value of a field that is written once, either by its
 * initialiser or by a single `this.baseUrl = ...` assignment. Anything else stays unknown.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Node } from './ast.js';

/** Per class body: every value written to `this.<name>`, initialisers included. */
const writesCache = new WeakMap<TSESTree.ClassBody, Map<string, Node[]>>();

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

function collectWrites(body: TSESTree.ClassBody): Map<string, Node[]> {
  const writes = new Map<string, Node[]>();
  const add = (name: string, value: Node): void => {
    writes.set(name, [...(writes.get(name) ?? []), value]);
  };
  const visit = (node: Node): void => {
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
  return writes;
}

/** The one value written to `this.<name>` in the enclosing class, or null. */
export function classFieldValue(member: TSESTree.MemberExpression): Node | null {
  if (member.object.type !== 'ThisExpression' || member.computed || member.property.type !== 'Identifier') return null;
  const body = enclosingClassBody(member);
  if (!body) return null;
  let writes = writesCache.get(body);
  if (!writes) {
    writes = collectWrites(body);
    writesCache.set(body, writes);
  }
  if (writes.has('*')) return null;
  const values = writes.get(member.property.name);
  return values?.length === 1 ? values[0]! : null;
}
