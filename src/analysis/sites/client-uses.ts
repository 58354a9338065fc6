/**
 * How the file uses a client it builds into a `const`: every use a call through one of its namespaces
 * (`client.chat.completions.create(body)`, `sdk.models.list()`), or null for any other use (handed on, returned,
 * stored, exported, read whole). What a client never leaves is all it sends.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isExported, type ParsedSource } from '../syntax/ast.js';
import type { ClientCall } from '../clients/calls.js';

export interface NamespaceCall {
  /** The first member read off the client: `chat` of `client.chat.completions.create()`. */
  readonly namespace: string;
  /** Members read off the client before the call: two for `sdk.models.list()`. */
  readonly members: number;
  readonly call: TSESTree.CallExpression;
}

/** Members read off a client before the call: `client.chat.completions.create` is three. */
const MAX_CHAIN = 4;

function namespaceCall(use: TSESTree.Node): NamespaceCall | null {
  const first = use.parent;
  if (first?.type !== 'MemberExpression' || first.object !== use || first.computed || first.property.type !== 'Identifier') return null;
  let member: TSESTree.MemberExpression = first;
  for (let members = 1; members <= MAX_CHAIN; members++) {
    const parent: TSESTree.Node | undefined = member.parent;
    if (parent?.type === 'CallExpression' && parent.callee === member) return members === 1 ? null : { namespace: first.property.name, members, call: parent };
    if (parent?.type !== 'MemberExpression' || parent.object !== member || parent.computed) return null;
    member = parent;
  }
  return null;
}

/** The calls made through a client the file builds into a `const` it does not export, or null when it is used otherwise. */
export function clientNamespaceCalls(sourceCode: ParsedSource, node: ClientCall): NamespaceCall[] | null {
  const declarator = node.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== node || declarator.id.type !== 'Identifier') return null;
  const declaration = declarator.parent;
  if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const' || isExported(declaration)) return null;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
  const calls: NamespaceCall[] = [];
  for (const reference of variable?.references ?? []) {
    if (reference.init) continue;
    const call = reference.isReadOnly() ? namespaceCall(reference.identifier) : null;
    if (!call) return null;
    calls.push(call);
  }
  return calls.length > 0 ? calls : null;
}

/**
 * Whether a client built in `fn` never leaves it and takes no per-request options: every use a call in `fn`
 * with at most one argument (`client.chat.completions.create(body)`). What it sends is then what its
 * construction gives, at each call of `fn`.
 */
export function confinedTo(sourceCode: ParsedSource, node: ClientCall, fn: TSESTree.Node): boolean {
  const calls = clientNamespaceCalls(sourceCode, node);
  return !!calls && calls.every(({ call }) => call.range[0] >= fn.range[0] && call.range[1] <= fn.range[1] && call.arguments.length <= 1 && call.arguments.every((argument) => argument.type !== 'SpreadElement'));
}
