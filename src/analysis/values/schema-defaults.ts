/**
 * Config schemas that declare defaults: `z.object({ baseUrl: z.url().default('https://openrouter.ai/api/v1') })`,
 * Koishi's `Schema.object({ endpoint: Schema.string().default(…) })`. A config the schema parses
 * (`Config.parse(input)`), or a parameter typed by the schema's name (a Koishi plugin's `apply(ctx, config:
 * Config)`, which the framework hands the parsed config), holds at each key the value given for it or the
 * declared default: a default that is OpenRouter's URL makes the traffic OpenRouter's, as `env ?? URL` does.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable, memberName, staticKeyName, unwrap, type Node, type Scope, type Variable } from '../syntax/ast.js';
import { entryAlternatives, exactText, lastEntry, resolveObject, resolveString, type ObjectEntry, type ObjectShape, type StringAlternative } from './static-value.js';

/** Packages whose `object({...})` builds a schema whose fields may declare `.default(value)`. */
const SCHEMA_MODULES: ReadonlySet<string> = new Set(['zod', 'zod/v4', 'zod/v3', 'zod/mini', 'koishi', 'schemastery', 'joi', 'yup']);

/** Methods chained on one schema followed (`z.string().url().optional().default(…)`). */
const MAX_CHAIN = 16;

function isSchemaImport(variable: Variable | null): boolean {
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return def?.type === 'ImportBinding' && def.parent.type === 'ImportDeclaration' && SCHEMA_MODULES.has(def.parent.source.value);
}

/** The fields of a schema built by `S.object({...})` of a schema package, with any methods chained after it; null otherwise. */
function schemaFields(node: Node, scope: Scope): TSESTree.ObjectExpression | null {
  let current = unwrap(node);
  for (let step = 0; step < MAX_CHAIN && current.type === 'CallExpression'; step++) {
    const callee = unwrap(current.callee);
    if (callee.type !== 'MemberExpression') return null;
    const object = unwrap(callee.object);
    if (memberName(callee) === 'object' && object.type === 'Identifier' && isSchemaImport(findVariable(scope, object.name))) {
      const fields = current.arguments[0];
      return fields?.type === 'ObjectExpression' ? fields : null;
    }
    current = object;
  }
  return null;
}

/** The value a field's schema gives when the input has none: the argument of its `.default(…)`. */
function declaredDefault(schema: Node): Node | null {
  let current = unwrap(schema);
  for (let step = 0; step < MAX_CHAIN && current.type === 'CallExpression'; step++) {
    const callee = unwrap(current.callee);
    if (callee.type !== 'MemberExpression') return null;
    const argument = current.arguments[0];
    if (memberName(callee) === 'default' && current.arguments.length === 1 && argument?.type !== 'SpreadElement') return argument ?? null;
    current = unwrap(callee.object);
  }
  return null;
}

/** The schema a constant of the module holds (`const Config = z.object({...})`), by the variable. */
function schemaOfVariable(variable: Variable | null): { fields: TSESTree.ObjectExpression; scope: Scope } | null {
  for (const def of variable?.defs ?? []) {
    if (def.type !== 'Variable' || def.parent?.type !== 'VariableDeclaration' || def.parent.kind !== 'const' || !def.node.init) continue;
    const fields = schemaFields(def.node.init, variable!.scope);
    if (fields) return { fields, scope: variable!.scope };
  }
  return null;
}

/**
 * The config a schema gives: each field it declares, holding what `given` says for that key (unknown when
 * it says nothing) or the field's default. Keys the schema does not declare are not kept (zod strips them).
 */
function schemaObject(schema: { fields: TSESTree.ObjectExpression; scope: Scope }, given: (key: string, node: Node) => StringAlternative[], at: Node): ObjectShape {
  const entries: ObjectEntry[] = [];
  for (const property of schema.fields.properties) {
    const key = property.type === 'Property' ? staticKeyName(property) : null;
    if (key === null || property.type !== 'Property') continue;
    const fallback = declaredDefault(property.value);
    const defaults = fallback && (fallback.type === 'Literal' || fallback.type === 'TemplateLiteral' || fallback.type === 'Identifier' || fallback.type === 'MemberExpression') ? resolveString(fallback, schema.scope) : [];
    // A text given for the key is the value; anything else may be missing, and the default applies.
    const values = given(key, at);
    const texts = values.length > 0 && values.every((alternative) => exactText(alternative) !== null);
    entries.push({ key, value: null, typed: texts ? values : [...values, ...defaults], scope: schema.scope, mayBeOverridden: false, editable: false });
  }
  return { entries, complete: false, literal: null, editable: false };
}

const unknownAt = (key: string, node: Node): StringAlternative[] => [{ pieces: [{ kind: 'opaque', name: key }], node }];

/** `Config.parse(input)` (or `parseAsync`) of a schema constant: the input's values, or the defaults. */
export function schemaParsedObject(call: TSESTree.CallExpression, scope: Scope, depth: number): ObjectShape | null {
  const callee = unwrap(call.callee);
  const method = memberName(callee);
  if (callee.type !== 'MemberExpression' || (method !== 'parse' && method !== 'parseAsync')) return null;
  const object = unwrap(callee.object);
  const schema = object.type === 'Identifier' ? schemaOfVariable(findVariable(scope, object.name)) : null;
  const argument = call.arguments[0];
  if (!schema || !argument || argument.type === 'SpreadElement') return null;
  const input = resolveObject(argument, scope, depth + 1, false);
  return schemaObject(schema, (key, node) => {
    const entry = input && lastEntry(input, key);
    const values = entry ? entryAlternatives(entry) : null;
    if (values && (input!.complete || !entry!.mayBeOverridden)) return [...values];
    // Given nothing for the key by an input the file shows whole: only the default.
    return input?.complete && !entry ? [] : unknownAt(key, node);
  }, call);
}

/**
 * A parameter typed by the name of a schema constant of its module (`function apply(ctx, config: Config)`
 * beside `export const Config = Schema.object({...})`): a value for each field, or the default.
 */
export function schemaTypedParameter(variable: Variable, at: Node): ObjectShape | null {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.name.type !== 'Identifier') return null;
  const annotation = def.name.typeAnnotation?.typeAnnotation;
  if (annotation?.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier' || annotation.typeArguments) return null;
  const schema = schemaOfVariable(findVariable(variable.scope, annotation.typeName.name));
  return schema && schemaObject(schema, unknownAt, at);
}
