/**
 * Values the type checker knows, for expressions the file itself does not spell out: a base URL or
 * referer imported from another module (`export const BASE = 'https://openrouter.ai/api/v1'`), a
 * headers object declared `as const` elsewhere, a parameter declared with a literal type. Used only
 * where the parser gives a Program (typescript-eslint with `parserOptions.projectService` or
 * `project`, and the tsserver plugin, which hands over the editor's Program): one code path for both.
 *
 * Only literal types count as known text; `string` is a value the file does not fix (a hole), and
 * an object type with an index signature, or one that is not a plain object, is not known at all.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../syntax/ast.js';

/** The parts of TypeScript's API this module reads; structural, so no `typescript` import is needed. */
interface Type {
  flags: number;
  isStringLiteral(): this is Type & { value: string };
  isNumberLiteral(): this is Type & { value: number };
  isUnion(): this is Type & { types: Type[] };
}
interface TypeSymbol {
  getName(): string;
  declarations?: readonly { questionToken?: unknown }[];
}
interface TypeChecker {
  getTypeAtLocation(node: unknown): Type;
  getPropertiesOfType(type: Type): TypeSymbol[];
  getTypeOfSymbolAtLocation(symbol: TypeSymbol, node: unknown): Type;
  getIndexInfosOfType?(type: Type): readonly unknown[];
  getSignaturesOfType(type: Type, kind: number): readonly unknown[];
  getAnyType(): Type;
  getUnknownType(): Type;
  getStringType(): Type;
  getUndefinedType(): Type;
  getNullType(): Type;
  isTypeAssignableTo(source: Type, target: Type): boolean;
}
export interface TypeServices {
  readonly checker: TypeChecker;
  readonly toTsNode: (node: Node) => unknown;
  /** The flags of `any` and `unknown`, read from the checker: TypeScript renumbers its flags between versions. */
  readonly anyFlags: number;
  readonly emptyFlags: number;
}

/** Union members read from a type; more make the value unknown (as `LIMITS.alternativesPerValue` does). */
const MAX_UNION_MEMBERS = 16;
/** Properties read from an object type; more make the object unknown. */
const MAX_PROPERTIES = 256;
/** `SignatureKind.Call` and `SignatureKind.Construct`, unchanged since TypeScript 2. */
const SIGNATURE_KINDS = [0, 1];

interface ProgramServices {
  program: { getTypeChecker(): TypeChecker };
  esTreeNodeToTSNodeMap: { get(node: Node): unknown };
}

/** Whether the parser gave a Program and node maps: the cheap test, before any checker call. */
export function hasProgram(parserServices: unknown): parserServices is ProgramServices {
  const services = parserServices as Partial<ProgramServices> | null | undefined;
  return !!services?.program && !!services.esTreeNodeToTSNodeMap;
}

/** Type services of a file, or null when its parser gave no Program (or a TypeScript too old for this API). */
export function typeServicesOf(parserServices: unknown): TypeServices | null {
  if (!hasProgram(parserServices)) return null;
  const map = parserServices.esTreeNodeToTSNodeMap;
  const checker = parserServices.program.getTypeChecker();
  if (typeof checker.isTypeAssignableTo !== 'function' || typeof checker.getStringType !== 'function') return null;
  return {
    checker,
    toTsNode: (node) => map.get(node),
    anyFlags: checker.getAnyType().flags | checker.getUnknownType().flags,
    emptyFlags: checker.getUndefinedType().flags | checker.getNullType().flags,
  };
}

function typeAt(services: TypeServices, node: Node): Type | null {
  const tsNode = services.toTsNode(node);
  if (!tsNode) return null;
  try {
    return services.checker.getTypeAtLocation(tsNode);
  } catch {
    return null;
  }
}

/** What a type says of a string value: its literal texts, `hole` for text it does not fix, or null for no string. */
function stringsOfType(services: TypeServices, type: Type): (string | 'hole')[] | null {
  const members = type.isUnion() ? type.types : [type];
  if (members.length > MAX_UNION_MEMBERS) return null;
  const out: (string | 'hole')[] = [];
  for (const member of members) {
    if (member.flags & services.anyFlags) return null;
    if (member.isStringLiteral()) out.push(member.value);
    else if (member.isNumberLiteral()) out.push(String(member.value));
    // `string`, template literal types, `Uppercase<...>`: text the type does not fix.
    else if (services.checker.isTypeAssignableTo(member, services.checker.getStringType())) out.push('hole');
    // `undefined` in a union is an optional value: no text, nothing to add.
    else if (!(member.flags & services.emptyFlags)) return null;
  }
  return out.length > 0 ? out : null;
}

/**
 * The texts a string-valued expression may hold by its type: each a string, or `hole` where the type
 * does not fix the text. Null when the type says nothing useful (any, unknown, not a string).
 */
export function typedStrings(services: TypeServices, node: Node): (string | 'hole')[] | null {
  const type = typeAt(services, node);
  if (!type) return null;
  try {
    return stringsOfType(services, type);
  } catch {
    return null;
  }
}

/** One property of an object known by its type: its name, whether it may be absent, and its texts. */
export interface TypedProperty {
  readonly key: string;
  readonly optional: boolean;
  /** The texts it may hold (`hole` for unfixed text), or null when it is not a string (an object, a function). */
  readonly strings: (string | 'hole')[] | null;
}

/**
 * The properties of a plain object type (`as const` objects, interfaces, type literals), or null when
 * the type does not fix its keys: an index signature, a callable type, any/unknown, a union.
 */
export function typedProperties(services: TypeServices, node: Node): TypedProperty[] | null {
  const type = typeAt(services, node);
  const tsNode = services.toTsNode(node);
  if (!type || !tsNode || type.isUnion() || type.flags & (services.anyFlags | services.emptyFlags)) return null;
  try {
    const { checker } = services;
    if (type.isStringLiteral() || type.isNumberLiteral() || checker.isTypeAssignableTo(type, checker.getStringType())) return null;
    if ((checker.getIndexInfosOfType?.(type) ?? []).length > 0) return null;
    if (SIGNATURE_KINDS.some((kind) => checker.getSignaturesOfType(type, kind).length > 0)) return null;
    const symbols = checker.getPropertiesOfType(type);
    if (symbols.length > MAX_PROPERTIES) return null;
    return symbols.map((symbol) => {
      const propertyType = checker.getTypeOfSymbolAtLocation(symbol, tsNode);
      return {
        key: symbol.getName(),
        // `key?: T`: declared optional, or (under strictNullChecks) a type that admits `undefined`.
        optional: !!symbol.declarations?.some((declaration) => declaration.questionToken) || checker.isTypeAssignableTo(checker.getUndefinedType(), propertyType),
        strings: stringsOfType(services, propertyType),
      };
    });
  } catch {
    return null;
  }
}

/** Expressions whose value the file does not show but the checker may: imports, members of them, parameters. */
export function isTypeResolvable(node: Node): node is TSESTree.Identifier | TSESTree.MemberExpression | TSESTree.CallExpression {
  return node.type === 'Identifier' || node.type === 'MemberExpression' || node.type === 'CallExpression';
}
