/**
 * Static value resolution: what a string or object expression may hold at run time, as far as the
 * file itself tells. Anything the file cannot tell becomes a "hole"; callers stay silent on holes.
 */
import { FORM_DATA_HEADER, isFormDataHeaders } from './form-data-headers.js';
import { isAngularHttpHeaders } from './angular-headers.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { classFieldValue, staticFieldByName } from './class-fields.js';
import { findVariable, functionHolder, isExported, isFunction, isNamedMember, isShared, memberName, laterWrites, scopeAt, stableDeclarator, staticKeyName, unwrap, type FunctionNode, type LaterWrite, type Node, type Scope, type Variable } from '../syntax/ast.js';
import { importedBinding, valueBinding, type ValueBinding } from './bindings.js';
import { boundParameter, parameterValues, readsParameters, withParameterBindings, type BoundValue } from './parameter-bindings.js';
import { schemaParsedObject, schemaTypedParameter } from './schema-defaults.js';
import { currentBudget, LIMITS, memoised } from './budget.js';
import { functionReturns, getterReturns, localReturns, type Returns } from './local-functions.js';
import { isTypeResolvable, typedProperties, typedStrings } from './type-values.js';
import { importedNamespace, judgedByEarlierImporter, requiredExports } from './imported-values.js';
import { effectConfigString } from './effect-config.js';
import { reachingWrite } from './reaching-write.js';
import { HEADER_FIELDS } from '../domain/attribution-headers.js';
import { unstableRead, type UnstableRead } from './unstable-reads.js';
import { stringMethod } from './string-methods.js';
import { configFactoryReturns } from './nest-config.js';

/** A part of a string that the file does not fix: read from the environment, or computed elsewhere. */
export interface Hole {
  readonly kind: 'env' | 'opaque';
  /** The variable, property or environment name it was read from, when there is one. */
  readonly name: string | null;
  /** Set when the hole is the page's location or the incoming request's host, which change per page or request. */
  readonly changesPer?: UnstableRead;
}
export type Piece = string | Hole;

/** One value an expression may take: known text with holes where the text is unknown. */
export interface StringAlternative {
  readonly pieces: readonly Piece[];
  /** The expression this alternative was read from (a literal when the text is known). */
  readonly node: Node;
}

/** Whether an alternative is one environment variable's value and nothing else (`process.env.MODEL`, `os.getenv("MODEL")`). */
export function isEnvironmentRead(alternative: StringAlternative): boolean {
  const [only, ...rest] = alternative.pieces;
  return rest.length === 0 && typeof only === 'object' && only.kind === 'env';
}

/** The exact text of an alternative, or null when part of it is unknown. */
export function exactText(alternative: StringAlternative): string | null {
  let text = '';
  for (const piece of alternative.pieces) {
    if (typeof piece !== 'string') return null;
    text += piece;
  }
  return text;
}

/** An alternative's text with `unknown` for each part the file cannot read. */
export function shapeText(alternative: StringAlternative, unknown: string): string {
  return alternative.pieces.map((piece) => (typeof piece === 'string' ? piece : unknown)).join('');
}

function hole(node: Node, kind: Hole['kind'], name: string | null): StringAlternative[] {
  return [{ pieces: [{ kind, name }], node }];
}

const FOLDED: Hole = { kind: 'opaque', name: null };

/**
 * Keeps a value within `LIMITS.piecesPerValue` and `LIMITS.textPerValue`: past them its middle is
 * folded into one unknown piece. The start (the host of a URL) and the end (its path) stay known,
 * which is all the rules read of a value that long.
 */
function fold(pieces: Piece[]): Piece[] {
  let text = 0;
  for (const piece of pieces) if (typeof piece === 'string') text += piece.length;
  if (pieces.length <= LIMITS.piecesPerValue && text <= LIMITS.textPerValue) return pieces;
  const half = LIMITS.textPerValue / 2;
  const first = pieces[0]!;
  const last = pieces.at(-1)!;
  const folded: Piece[] = [typeof first === 'string' ? first.slice(0, half) : first, FOLDED];
  if (pieces.length > 1 && typeof last === 'string') folded.push(last.slice(-half));
  return folded;
}

/** One alternative of known text, folded when it is too long. */
function text(value: string, node: Node): StringAlternative {
  return { pieces: fold([value]), node };
}

/** The alternatives, or one unknown value when there are more than `LIMITS.alternativesPerValue`. */
function bounded(alternatives: StringAlternative[], node: Node): StringAlternative[] {
  return alternatives.length > LIMITS.alternativesPerValue ? hole(node, 'opaque', null) : alternatives;
}

function concat(left: readonly StringAlternative[], right: readonly StringAlternative[], node: Node): StringAlternative[] {
  if (left.length * right.length > LIMITS.alternativesPerValue) return hole(node, 'opaque', null);
  const out: StringAlternative[] = [];
  for (const a of left) {
    for (const b of right) {
      const pieces: Piece[] = [];
      for (const part of [a.pieces, b.pieces]) {
        for (const piece of part) {
          if (piece === '') continue;
          const last = pieces.at(-1);
          if (typeof piece === 'string' && typeof last === 'string') pieces[pieces.length - 1] = last + piece;
          else pieces.push(piece);
        }
      }
      out.push({ pieces: pieces.length > 0 ? fold(pieces) : [''], node });
    }
  }
  // Concatenation is the one place work grows with the value, so it pays by the piece.
  currentBudget().charge(out.length);
  return out;
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Bun.env.X`: the variable name, or undefined. */
function envMemberName(node: TSESTree.MemberExpression): string | null | undefined {
  return isEnvObject(node.object) ? staticKeyName(node) : undefined;
}

/** `process.env` itself (for destructuring), `import.meta.env`, `Bun.env`. */
export function isEnvObject(node: Node): boolean {
  const target = unwrap(node);
  if (target.type !== 'MemberExpression' || staticKeyName(target) !== 'env') return false;
  const owner = unwrap(target.object);
  return (
    (owner.type === 'Identifier' && (owner.name === 'process' || owner.name === 'Bun')) ||
    (owner.type === 'MetaProperty' && owner.meta.name === 'import')
  );
}

/** `Deno.env.get('X')`: the variable name, or undefined when the call is something else. */
function denoEnvName(node: TSESTree.CallExpression): string | null | undefined {
  const callee = unwrap(node.callee);
  if (callee.type !== 'MemberExpression' || staticKeyName(callee) !== 'get') return undefined;
  const env = unwrap(callee.object);
  if (env.type !== 'MemberExpression' || staticKeyName(env) !== 'env') return undefined;
  const deno = unwrap(env.object);
  if (deno.type !== 'Identifier' || deno.name !== 'Deno') return undefined;
  const argument = node.arguments[0];
  return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : null;
}

/** A variable's name as environments spell it: `OPENROUTER_BASE_URL`, `SITE_URL`. */
const ENV_NAME = /^[A-Z][A-Z\d]*(?:_[A-Z\d]+)+$/;
/** Functions that read configuration by name: `getEnv`, `env`, `Env.string`, `config.get`, `configService.get`, `requireEnv`. */
const CONFIG_READER = /env|config|secret|setting|^get$|^(?:str|string|required?)$/i;

/**
 * A read of configuration by a variable's name (`Env.string('OPENROUTER_BASE_URL')`, `getEnv('SITE_URL')`,
 * `config.get('SITE_URL')`): what it holds is set where the app runs, as `process.env` is. Its name, or
 * undefined when the call is something else.
 */
function configReadName(node: TSESTree.CallExpression): string | undefined {
  const [first] = node.arguments;
  if (first?.type !== 'Literal' || typeof first.value !== 'string' || !ENV_NAME.test(first.value)) return undefined;
  const callee = unwrap(node.callee);
  const name = callee.type === 'Identifier' ? callee.name : memberName(callee);
  const owner = callee.type === 'MemberExpression' ? unwrap(callee.object) : null;
  const ownerName = owner?.type === 'Identifier' ? owner.name : owner ? memberName(owner) : null;
  return (name !== null && CONFIG_READER.test(name)) || (ownerName !== null && /env|config/i.test(ownerName)) ? first.value : undefined;
}

/**
 * Every value a string-valued expression may take. `a || b`, `a ?? b` and `c ? a : b` yield the
 * alternatives of both sides; constants, template literals, `+`, object members, `[...].join()` and
 * `new URL()` are followed; anything else is a hole. Memoised per node and bounded by the file's budget.
 */
export function resolveString(node: Node, scope: Scope, depth = 0): StringAlternative[] {
  const target = unwrap(node);
  return memoised('string', target, depth, hole(target, 'opaque', null), () => {
    const changesPer = unstableRead(target, scope);
    if (changesPer) return [{ pieces: [{ kind: 'opaque', name: memberName(target), changesPer }], node: target }];
    const alternatives = computeString(target, scope, depth);
    const only = alternatives.length === 1 ? alternatives[0]!.pieces : null;
    const opaque = only?.length === 1 && typeof only[0] !== 'string' && only[0]!.kind === 'opaque' ? only[0] : null;
    return (opaque && typedAlternatives(target, opaque.name)) ?? alternatives;
  });
}

/** What the type checker knows of a value the file does not spell out (an import, a typed parameter), or null. */
function typedAlternatives(target: Node, name: string | null): StringAlternative[] | null {
  const types = currentBudget().types;
  const strings = types && isTypeResolvable(target) ? typedStrings(types, target) : null;
  return strings && alternativesOfType(strings, target, name);
}

/** A type's texts as alternatives read at `node`: literal text, or a hole named `name` where the type does not fix it. */
function alternativesOfType(strings: readonly (string | 'hole')[], node: Node, name: string | null): StringAlternative[] {
  return strings.map((value) => (value === 'hole' ? { pieces: [{ kind: 'opaque', name }], node } : text(value, node)));
}

function computeString(target: Node, scope: Scope, depth: number): StringAlternative[] {
  switch (target.type) {
    case 'Literal':
      if (typeof target.value === 'string' || typeof target.value === 'number' || typeof target.value === 'boolean') {
        return [text(String(target.value), target)];
      }
      return hole(target, 'opaque', null);
    case 'TemplateLiteral': {
      let out: StringAlternative[] = [text(target.quasis[0]?.value.cooked ?? '', target)];
      target.expressions.forEach((expression, index) => {
        out = concat(out, resolveString(expression, scope, depth + 1), target);
        out = concat(out, [text(target.quasis[index + 1]?.value.cooked ?? '', target)], target);
      });
      return out;
    }
    case 'BinaryExpression':
      if (target.operator !== '+') return hole(target, 'opaque', null);
      return concat(resolveString(target.left, scope, depth + 1), resolveString(target.right, scope, depth + 1), target);
    case 'LogicalExpression':
      // `ready && value`: the value, or whatever falsy thing the test was (not a text the file tells).
      if (target.operator === '&&') return bounded([...hole(target.left, 'opaque', null), ...resolveString(target.right, scope, depth + 1)], target);
      {
        // `'' || fallback` is the fallback: an empty text on the left of `||` is never its value.
        const left = resolveString(target.left, scope, depth + 1);
        const kept = target.operator === '||' ? left.filter((alternative) => exactText(alternative) !== '') : left;
        // `value ?? ''` of a value that is never null or undefined is the value.
        if (target.operator === '??' && neverNullish(target.left, scope, depth + 1)) return left;
        return bounded([...kept, ...resolveString(target.right, scope, depth + 1)], target);
      }
    case 'ConditionalExpression':
      return bounded([...resolveString(target.consequent, scope, depth + 1), ...resolveString(target.alternate, scope, depth + 1)], target);
    case 'Identifier': {
      // Under `if (name)`, `name ? … : …` or `name && …` the name holds no empty text.
      return nonEmptyWhereTested(resolveIdentifierString(target, scope, depth), target, scope);
    }
    case 'MemberExpression': {
      // Under `if (config.siteUrl)` the member holds no empty text, as a name does.
      return nonEmptyWhereTested(resolveMemberString(target, scope, depth), target, scope);
    }
    case 'CallExpression': {
      const denoName = denoEnvName(target);
      if (denoName !== undefined) return hole(target, 'env', denoName);
      const config = effectConfigString(target, scope, depth);
      if (config) return config;
      const configName = configReadName(target);
      if (configName !== undefined) {
        // `getEnv('SITE_URL', 'http://localhost:3000')`: the default is one of its values.
        const fallback = target.arguments[1];
        const literal = fallback && (fallback.type === 'Literal' || fallback.type === 'TemplateLiteral') ? resolveString(fallback, scope, depth + 1) : [];
        return bounded([...hole(target, 'env', configName), ...literal], target);
      }
      return resolveCallString(target, scope, depth) ?? returnedStrings(target, scope, depth) ?? hole(target, 'opaque', null);
    }
    case 'AwaitExpression':
      return (target.argument.type === 'CallExpression' && returnedStrings(target.argument, scope, depth, true)) || hole(target, 'opaque', null);
    case 'NewExpression':
      return resolveUrlConstruction(target, scope, depth, 'href') ?? hole(target, 'opaque', null);
    case 'ArrayExpression':
      // A header set to an array is sent joined with commas; categories options take arrays too.
      return joinArray(target, [{ pieces: [','], node: target }], scope, depth) ?? hole(target, 'opaque', null);
    default:
      return hole(target, 'opaque', null);
  }
}

/** Whether an expression is never null or undefined: text, a concatenation, `x || 'fallback'`, or a constant or argument that is one. */
function neverNullish(node: Node, scope: Scope, depth: number): boolean {
  const target = unwrap(node);
  if (depth > LIMITS.depth) return false;
  switch (target.type) {
    case 'Literal':
      return target.value !== null;
    case 'TemplateLiteral':
      return true;
    case 'BinaryExpression':
      return target.operator === '+';
    case 'LogicalExpression':
      return target.operator !== '&&' && neverNullish(target.right, scope, depth + 1);
    case 'Identifier': {
      const variable = findVariable(scope, target.name);
      const bound = variable && boundParameter(variable);
      if (bound !== undefined) return bound !== null && neverNullish(bound.init, bound.scope, depth + 1);
      const declarator = variable && stableDeclarator(variable);
      return !!declarator?.init && declarator.id.type === 'Identifier' && neverNullish(declarator.init, variable!.scope, depth + 1);
    }
    default:
      return false;
  }
}

function resolveIdentifierString(node: TSESTree.Identifier, scope: Scope, depth: number): StringAlternative[] {
  if (node.name === 'undefined') return hole(node, 'opaque', null);
  const variable = findVariable(scope, node.name);
  const bound = variable && boundParameter(variable);
  if (bound !== undefined && bound !== null) return resolveString(bound.init, bound.scope, depth + 1);
  if (bound === null) return hole(node, 'opaque', node.name);
  const declarator = variable && stableDeclarator(variable);
  const imported = variable && !declarator ? importedBinding(variable) : null;
  // Another file's value, told at this name: what is reported or suggested stays in this file.
  if (imported) return resolveString(imported.init, imported.scope, depth + 1).map((alternative) => ({ ...alternative, node }));
  // Of a variable written several times, the one write that certainly reaches here; else every write.
  const reaching = variable && !declarator ? reachingWrite(variable, node) : null;
  if (reaching) return resolveString(reaching, scopeAt(variable!.scope, reaching), depth + 1);
  const reassigned = variable && !declarator ? reassignedStrings(variable, node, depth) : null;
  if (reassigned) return reassigned;
  // `baseUrl = DEFAULT_BASE_URL` of a parameter no call is read for: what a caller gives, or the default.
  const fallback = variable && !declarator ? parameterDefault(variable) : null;
  if (fallback) return bounded([...hole(node, 'opaque', node.name), ...resolveString(fallback, scopeAt(variable!.scope, fallback), depth + 1)], node);
  if (!variable || !declarator?.init) return hole(node, 'opaque', node.name);
  if (declarator.id.type === 'Identifier') return resolveString(declarator.init, variable.scope, depth + 1);
  // `const { SITE_URL } = process.env` reads the environment.
  if (declarator.id.type === 'ObjectPattern' && isEnvObject(declarator.init)) {
    for (const property of declarator.id.properties) {
      if (property.type !== 'Property') continue;
      const bound = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
      if (bound.type === 'Identifier' && bound.name === node.name) {
        const envName = staticKeyName(property);
        const alternatives = hole(node, 'env', envName);
        // `const { X = 'fallback' } = process.env` has a literal alternative too.
        return property.value.type === 'AssignmentPattern'
          ? bounded([...alternatives, ...resolveString(property.value.right, variable.scope, depth + 1)], node)
          : alternatives;
      }
    }
  }
  const entry = destructuredEntry(variable, node.name, depth);
  return (entry && entryStrings(entry, node, depth)) ?? hole(node, 'opaque', node.name);
}

/**
 * The default of a plain parameter never written in its function (`baseUrl = DEFAULT`), or null; null too
 * where every call of the function is in the file and gives the argument (the default never applies).
 */
function parameterDefault(variable: Variable): TSESTree.Expression | null {
  // Asked at every read of the parameter, and answered by walking the function's calls: once per parameter.
  let known = parameterDefaults.get(variable);
  if (known === undefined) parameterDefaults.set(variable, (known = computeParameterDefault(variable)));
  return known;
}

const parameterDefaults = new WeakMap<Variable, TSESTree.Expression | null>();

function computeParameterDefault(variable: Variable): TSESTree.Expression | null {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter' || variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  const pattern = def.name.parent;
  if (pattern?.type !== 'AssignmentPattern' || pattern.left !== def.name) return null;
  const fn = def.node;
  const position = isFunction(fn) ? fn.params.indexOf(pattern) : -1;
  return position >= 0 && everyCallGives(fn as FunctionNode, position, variable.scope) ? null : pattern.right;
}

/** Whether a function the file declares and does not export is only ever called, each call giving argument `position`. */
function everyCallGives(fn: FunctionNode, position: number, own: Scope): boolean {
  const holder = functionHolder(fn);
  const name = holder?.id?.type === 'Identifier' ? holder.id.name : null;
  const declaration = holder?.type === 'VariableDeclarator' ? holder.parent : holder;
  const variable = name !== null && own.upper ? findVariable(own.upper, name) : null;
  if (!variable || !declaration || isExported(declaration) || variable.references.length === 0) return false;
  currentBudget().charge(variable.references.length);
  return variable.references.every((reference) => {
    const call = reference.identifier.parent;
    if (call?.type !== 'CallExpression' || call.callee !== reference.identifier) return false;
    const given = call.arguments.slice(0, position + 1);
    const argument = given[position];
    return !given.some((each) => each.type === 'SpreadElement') && !!argument && !(argument.type === 'Identifier' && argument.name === 'undefined');
  });
}

/**
 * The values an object's entry holds, read at `node`: its value resolved, or for an entry known by
 * type or from another file, those values told at `node`; null for a method or accessor.
 */
function entryStrings(entry: ObjectEntry, node: Node, depth: number): StringAlternative[] | null {
  if (entry.either) return bounded([entry, ...entry.either].flatMap((each) => ownEntryStrings(each, node, depth) ?? hole(node, 'opaque', each.key)), node);
  return ownEntryStrings(entry, node, depth);
}

function ownEntryStrings(entry: ObjectEntry, node: Node, depth: number): StringAlternative[] | null {
  if (entry.value) return resolveString(entry.value, entry.scope, depth + 1);
  return entry.typed ? entry.typed.map((alternative) => ({ ...alternative, node })) : null;
}

/**
 * The values a helper returns (awaited: what its promise gives), one alternative (or more) per
 * `return`; another module's told at the call, as an imported constant is.
 */
function returnedStrings(call: TSESTree.CallExpression, scope: Scope, depth: number, awaited = false): StringAlternative[] | null {
  const returns = calledReturns(call, scope, depth, awaited);
  if (!returns) return null;
  const resolve = () => {
    const values = returnsStrings(returns, call, depth);
    return returns.otherModule ? values.map((alternative) => ({ ...alternative, node: call })) : values;
  };
  return bindsArguments(returns) ? withArguments(returns, call, scope, resolve) : resolve();
}

/**
 * The returns of the function a call names: a helper (see local-functions.ts), or a function held by a
 * property of an object the file shows (`config.headers()` where `config` is `{ headers: () => ({ ... }) }`,
 * a getter's or helper's result included). Only a property nothing may replace afterwards.
 */
function calledReturns(call: TSESTree.CallExpression, scope: Scope, depth: number, awaited: boolean): Returns | null {
  const local = localReturns(call, scope, awaited);
  const callee = unwrap(call.callee);
  const name = callee.type === 'MemberExpression' ? staticKeyName(callee) : null;
  if (local || callee.type !== 'MemberExpression' || name === null || callee.object.type === 'ThisExpression') return local;
  const owner = resolveObject(callee.object, scope, depth + 1, false);
  const entry = owner && lastEntry(owner, name);
  if (!entry?.value || entry.mayBeOverridden || entry.laterWrite || entry.foreign) return null;
  const fn = unwrap(entry.value);
  if ((fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') || (fn.async && !awaited)) return null;
  return functionReturns(fn, entry.scope);
}

/** What a function's `return`s give as strings, told at `at`: read once per function (and binding of its parameters), not once per call. */
function returnsStrings(returns: Returns, at: Node, depth: number): StringAlternative[] {
  const values = memoised<StringAlternative[] | null>('returned-strings', returns.fn, depth, null, () => {
    currentBudget().charge(returns.values.length);
    const all = returns.values.flatMap((value) => resolveString(value, returns.scope, depth + 1));
    return all.length > LIMITS.alternativesPerValue ? null : all;
  });
  return values ?? hole(at, 'opaque', null);
}

/** Calls of one helper read with their own arguments, and the returns a helper may have for that: past either, unbound. */
const MAX_BOUND_CALLS = 32;
const MAX_BOUND_RETURNS = 8;

/** Whether this call of the helper is read with its own arguments (see `withArguments`): counted per function, per file. */
function bindsArguments(returns: Returns): boolean {
  if (returns.values.length > MAX_BOUND_RETURNS || !readsParameters(returns.fn, returns.scope)) return false;
  const counts = currentBudget().memo<number>('bound-calls');
  const count = (counts.get(returns.fn) as number | undefined) ?? 0;
  if (count >= MAX_BOUND_CALLS) return false;
  counts.set(returns.fn, count + 1);
  return true;
}

/**
 * Runs `resolve` with the function's parameters bound to this call's arguments, or their defaults
 * (`headers(extra = {})` returning `{ ...extra }`). Each bound call is resolved apart (the memo tables
 * differ per binding), so only small helpers and a bounded number of calls are: the rest resolve
 * unbound, shared by every call, their parameters unknown.
 */
function withArguments<T>(returns: Returns, call: TSESTree.CallExpression, scope: Scope, resolve: () => T): T {
  return withParameterBindings(parameterValues(returns.fn, returns.scope, call, scope, keyValue), resolve);
}

/** A key of the object a destructuring parameter is given (see parameter-bindings.ts). */
export function keyValue(source: BoundValue, key: string): BoundValue | null | undefined {
  const shape = resolveObject(source.init, source.scope, 0, false);
  if (!shape?.complete) return null;
  const entry = lastEntry(shape, key);
  if (!entry) return undefined;
  return entry.value && !entry.mayBeOverridden && !entry.laterWrite ? { init: entry.value as TSESTree.Expression, scope: entry.scope } : null;
}

/** `[a, b].join(',')`, `x.toString()` / `String(x)`, and the string methods `stringMethod` follows. */
function resolveCallString(node: TSESTree.CallExpression, scope: Scope, depth: number): StringAlternative[] | null {
  const callee = unwrap(node.callee);
  if (callee.type === 'Identifier' && callee.name === 'String' && node.arguments[0]) {
    return resolveString(node.arguments[0], scope, depth + 1);
  }
  if (callee.type !== 'MemberExpression') return null;
  const method = staticKeyName(callee);
  if (method === 'toString' && node.arguments.length === 0) {
    return resolveUrlConstruction(callee.object, scope, depth, 'href') ?? resolveString(callee.object, scope, depth + 1);
  }
  const transform = method && stringMethod(method, node.arguments);
  if (transform) return resolveString(callee.object, scope, depth + 1).map((alternative) => ({ pieces: transform(alternative.pieces), node }));
  if (method !== 'join') return null;
  const separatorNode = node.arguments[0];
  const separator = separatorNode ? resolveString(separatorNode, scope, depth + 1) : [{ pieces: [','], node }];
  if (separator.length !== 1 || exactText(separator[0]!) === null) return null;
  const joined = joinArray(callee.object, separator, scope, depth);
  return joined && joined.map((alternative) => ({ ...alternative, node }));
}

/** The elements of an array (literal or constant) joined with a separator. */
function joinArray(array: Node, separator: StringAlternative[], scope: Scope, depth: number): StringAlternative[] | null {
  const resolved = resolveArray(array, scope, depth + 1);
  if (!resolved) return null;
  const node = unwrap(array);
  let out: StringAlternative[] = [{ pieces: [''], node }];
  resolved.elements.forEach((element, index) => {
    if (index > 0) out = concat(out, separator, node);
    out = concat(out, resolveString(element, resolved.scope, depth + 1), node);
  });
  return out;
}

/** The parts of a `URL` read as text: a request assembled from `hostname` and `pathname` is one too. */
const URL_PARTS = ['href', 'origin', 'protocol', 'host', 'hostname', 'pathname', 'search'] as const;
type UrlPart = (typeof URL_PARTS)[number];

/** `new URL(path, base)` with a known result (directly or through a constant): one of its parts. */
function resolveUrlConstruction(node: Node, scope: Scope, depth: number, part: UrlPart): StringAlternative[] | null {
  const target = unwrap(node);
  // `const u = new URL(url)` read as `u.hostname`.
  const binding = target.type === 'Identifier' ? valueBinding(scope, target.name) : null;
  if (binding && depth < LIMITS.depth) return resolveUrlConstruction(binding.init, binding.scope, depth + 1, part);
  if (target.type !== 'NewExpression') return null;
  const callee = unwrap(target.callee);
  if (callee.type !== 'Identifier' || callee.name !== 'URL' || !target.arguments[0]) return null;
  const input = resolveString(target.arguments[0], scope, depth + 1);
  const base = target.arguments[1] ? resolveString(target.arguments[1], scope, depth + 1) : null;
  if (!base && part === 'href') return input.map((alternative) => ({ ...alternative, node: target }));
  if (input.length * (base?.length ?? 1) > LIMITS.alternativesPerValue) return null;
  const out: StringAlternative[] = [];
  for (const path of input) {
    for (const origin of base ?? [null]) {
      const pathText = exactText(path);
      const baseText = origin === null ? undefined : exactText(origin);
      if (pathText === null || baseText === null) return null;
      try {
        const url = new URL(pathText, baseText);
        out.push(text(url[part], target));
      } catch {
        return null;
      }
    }
  }
  return out;
}

interface ResolvedArray {
  readonly elements: TSESTree.Expression[];
  readonly scope: Scope;
}

/** The elements of an array literal (directly or through a constant), with the scope they are written in. */
function resolveArray(node: Node, scope: Scope, depth = 0): ResolvedArray | null {
  const target = unwrap(node);
  return memoised<ResolvedArray | null>('array', target, depth, null, () => {
    if (target.type === 'ArrayExpression') {
      const elements: TSESTree.Expression[] = [];
      for (const element of target.elements) {
        if (!element || element.type === 'SpreadElement') return null;
        elements.push(element);
      }
      return { elements, scope };
    }
    if (target.type === 'Identifier') {
      const binding = valueBinding(scope, target.name);
      if (binding) return resolveArray(binding.init, binding.scope, depth + 1);
    }
    return null;
  });
}

/** One property of a resolved object, in source order. */
export interface ObjectEntry {
  readonly key: string;
  /** The property's value, or null for methods, accessors and properties known only by type. */
  readonly value: TSESTree.Node | null;
  /** For a property known only by its type (an object from another file): the values it may hold. */
  readonly typed?: readonly StringAlternative[];
  /** Scope to resolve the value in (the value may come from a constant declared elsewhere). */
  readonly scope: Scope;
  /** A spread after this entry may have replaced its value. */
  readonly mayBeOverridden: boolean;
  /** A fix may write into the value's literal: nothing else in the file reaches it. */
  readonly editable: boolean;
  /** Assigned after the object's creation (`headers.X = v`, perhaps in an `if`): present only once that code has run. */
  readonly laterWrite?: true;
  /** For an entry of another file's object (anchored here): that file's entry, for the objects its value holds. */
  readonly foreign?: ObjectEntry;
  /** Where such an entry is told in this file. */
  readonly anchor?: Node;
  /** Such an entry's values are judged in an earlier module importing the same export (see `judgedByEarlierImporter`). */
  readonly judgedElsewhere?: true;
  /** For the last entry of a key in an object that is one of several (a helper's `return`s): that key's entries in the others. */
  readonly either?: readonly ObjectEntry[];
}

export interface ObjectShape {
  readonly entries: readonly ObjectEntry[];
  /** False when a spread or computed key could add keys the file does not show. */
  readonly complete: boolean;
  /** The object literal written in the source, where new properties can be inserted; null for an object known by type. */
  readonly literal: TSESTree.ObjectExpression | null;
  /**
   * A fix may write into the literal: it is written inline, or reached only through constants
   * read once (a shared object would carry the edit to other requests too).
   */
  readonly editable: boolean;
}



/**
 * The keys a member access may read: its static name, or for a computed key (`PROVIDERS[id]`) each text
 * the key may be, when the file tells them all (`const id = "openrouter"`, a helper's argument); null
 * otherwise.
 */
function memberKeys(member: TSESTree.MemberExpression, scope: Scope, depth: number): string[] | null {
  const name = staticKeyName(member);
  if (name !== null) return [name];
  if (!member.computed) return null;
  const keys = resolveString(member.property, scope, depth + 1).map(exactText);
  if (keys.length === 0 || keys.length > LIMITS.keysPerRead || keys.some((key) => key === null)) return null;
  return [...new Set(keys as string[])];
}

/**
 * The keys a member access may read of the object it reads: those `memberKeys` names, or for a computed key
 * the file cannot tell, every key of an object the code writes whole (a provider picked by a stored name is
 * one of the table's providers; an object known only by its type is never whole).
 */
function keysRead(member: TSESTree.MemberExpression, owner: ObjectShape | null, known: string[] | null, scope: Scope): string[] | null {
  if (known || !member.computed || !owner?.complete || isComparedWithText(member.property, scope)) return known;
  const keys = [...new Set(owner.entries.map((entry) => entry.key))];
  return keys.length <= LIMITS.keysPerRead ? keys : null;
}

/**
 * Whether code compares the key with a text (`if (provider === 'google')`, `switch (keyInfo.provider)`):
 * a request in such a branch goes to that entry alone, which reading every entry would not tell. Only a
 * name, or a member of a name, is looked for; any other key counts as compared.
 */
function isComparedWithText(key: Node, scope: Scope): boolean {
  const target = unwrap(key);
  const member = target.type === 'MemberExpression' && !target.computed && target.property.type === 'Identifier' ? target.property.name : null;
  const base = member !== null ? unwrap((target as TSESTree.MemberExpression).object) : target;
  const variable = base.type === 'Identifier' ? findVariable(scope, base.name) : null;
  if (!variable) return true;
  // Asked at every read of the key: its references are walked once per variable and member.
  let byMember = comparedKeys.get(variable);
  if (!byMember) comparedKeys.set(variable, (byMember = new Map()));
  let compared = byMember.get(member);
  if (compared === undefined) byMember.set(member, (compared = comparesWithText(variable, member)));
  return compared;
}

const comparedKeys = new WeakMap<Variable, Map<string | null, boolean>>();

function comparesWithText(variable: Variable, member: string | null): boolean {
  return variable.references.some((reference) => {
    let use: Node = reference.identifier;
    if (member !== null) {
      const parent = use.parent;
      if (parent?.type !== 'MemberExpression' || parent.object !== use || memberName(parent) !== member) return false;
      use = parent;
    }
    const parent = use.parent;
    if (parent?.type === 'SwitchStatement') return parent.discriminant === use;
    if (parent?.type !== 'BinaryExpression' || !['==', '===', '!=', '!=='].includes(parent.operator)) return false;
    const other = unwrap(parent.left === use ? parent.right : parent.left);
    return (other.type === 'Literal' && typeof other.value === 'string') || other.type === 'TemplateLiteral';
  });
}

/** What a member read holds: the environment, a URL's part, a stored field, a getter's returns or an object's entries. */
function resolveMemberString(target: TSESTree.MemberExpression, scope: Scope, depth: number): StringAlternative[] {
  const envName = envMemberName(target);
  if (envName !== undefined) return hole(target, 'env', envName);
  const name = staticKeyName(target);
  if (name !== null && (URL_PARTS as readonly string[]).includes(name)) {
    const url = resolveUrlConstruction(target.object, scope, depth, name as UrlPart);
    if (url) return url;
  }
  // A stored value's names resolve where it is written.
  const field = classFieldValue(target, scope) ?? staticFieldByName(target, scope);
  if (field) return resolveString(field, scopeAt(scope, field), depth + 1);
  const got = getterReturns(target, scope);
  if (got) return returnsStrings(got, target, depth);
  const known = memberKeys(target, scope, depth);
  const owner = known || target.computed ? resolveObject(target.object, scope, depth + 1) : null;
  const keys = keysRead(target, owner, known, scope);
  if (owner && keys) {
    const alternatives = keys.map((key) => {
      const entry = lastEntry(owner, key);
      const values = entry && entryStrings(entry, target, depth);
      // After the last part the file cannot read, the entry is the value; before it, one of the values
      // (`{ baseURL: URL, ...options }.baseURL` is `options.baseURL ?? URL`); with no entry, anything.
      if (!values) return hole(target, 'opaque', key);
      return owner.complete || !entry.mayBeOverridden ? values : [...hole(target, 'opaque', key), ...values];
    });
    return bounded(alternatives.flat(), target);
  }
  return hole(target, 'opaque', name);
}

/** A read's alternatives without the empty text where a test of the read guards it (looked for only when one is empty). */
function nonEmptyWhereTested(read: StringAlternative[], at: TSESTree.Identifier | TSESTree.MemberExpression, scope: Scope): StringAlternative[] {
  return read.some((alternative) => exactText(alternative) === '') && isTruthyAt(at, scope) ? read.filter((alternative) => exactText(alternative) !== '') : read;
}

/** Steps from a read up to the test that guards it: a test farther up is not looked for. */
const MAX_GUARD_STEPS = 12;

/** Whether a test being truthy makes `read` truthy: `read`, `read && other`, `other && read`. */
function testsRead(test: Node, read: Node): boolean {
  const target = unwrap(test);
  if (target.type === 'LogicalExpression' && target.operator === '&&') return testsRead(target.left, read) || testsRead(target.right, read);
  return samePath(target, read);
}

/** Whether two expressions name one place: the same name, or the same static members of it (`this.config.siteUrl`). */
function samePath(a: Node, b: Node): boolean {
  const left = unwrap(a);
  const right = unwrap(b);
  if (left.type === 'Identifier' || right.type === 'Identifier') return left.type === right.type && (left as TSESTree.Identifier).name === (right as TSESTree.Identifier).name;
  if (left.type === 'ThisExpression' || right.type === 'ThisExpression') return left.type === right.type;
  if (left.type !== 'MemberExpression' || right.type !== 'MemberExpression') return false;
  const key = staticKeyName(left);
  return key !== null && key === staticKeyName(right) && samePath(left.object, right.object);
}

/**
 * Whether a read is guarded by a test of it, in the same function: the body of `if (read)`, the first branch
 * of `read ? … : …`, the right of `read && …`. A name must be written only where it is declared, as must the
 * name a member path starts from (`config` of `config.siteUrl`).
 */
function isTruthyAt(read: TSESTree.Identifier | TSESTree.MemberExpression, scope: Scope): boolean {
  let root: Node = read;
  while (root.type === 'MemberExpression') root = unwrap(root.object);
  if (root.type === 'Identifier') {
    const variable = findVariable(scope, root.name);
    if (!variable || variable.references.some((reference) => reference.isWrite() && !reference.init)) return false;
  } else if (root.type !== 'ThisExpression') return false;
  let child: Node = read;
  for (let parent: Node | undefined = child.parent, step = 0; parent && step < MAX_GUARD_STEPS && !isFunction(parent); step++) {
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.consequent === child && testsRead(parent.test, read)) return true;
    if (parent.type === 'LogicalExpression' && parent.operator === '&&' && parent.right === child && testsRead(parent.left, read)) return true;
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/**
 * Whether a member reads nothing: `options.headers` where `options` is an object the file shows whole,
 * without `headers` (undefined, which a spread adds nothing for: `{ ...defaults, ...options.headers }`
 * under a wrapper's call that passes none).
 */
function isAbsentMember(target: Node, scope: Scope, depth: number): boolean {
  const member = unwrap(target);
  const name = member.type === 'MemberExpression' ? staticKeyName(member) : null;
  // A name every object inherits is never absent.
  if (member.type !== 'MemberExpression' || name === null || name in Object.prototype) return false;
  const owner = resolveObject(member.object, scope, depth + 1, false);
  return !!owner?.complete && owner.literal?.type === 'ObjectExpression' && !lastEntry(owner, name);
}

/** The last entry for a key (later keys win at run time), compared case-insensitively when asked. */
export function lastEntry(shape: ObjectShape, key: string, caseInsensitive = false): ObjectEntry | undefined {
  const wanted = caseInsensitive ? key.toLowerCase() : key;
  for (let index = shape.entries.length - 1; index >= 0; index--) {
    const entry = shape.entries[index]!;
    if ((caseInsensitive ? entry.key.toLowerCase() : entry.key) === wanted) return entry;
  }
  return undefined;
}

/**
 * The keys of an object expression: a literal, a constant bound to one, or a member of one;
 * spreads of resolvable objects are inlined in order. Null when the expression is not an object
 * the file spells out, or has more than `LIMITS.entriesPerObject` keys.
 */
export function resolveObject(node: Node, scope: Scope, depth = 0, editable = true): ObjectShape | null {
  const target = unwrap(node);
  return memoised(editable ? 'object' : 'object-shared', target, depth, null, () => computeObject(target, scope, depth, editable));
}

function computeObject(target: Node, scope: Scope, depth: number, editable: boolean): ObjectShape | null {
  return computeWrittenObject(target, scope, depth, editable) ?? typedObject(target, scope);
}

/**
 * An object from another file, by its type: the keys it has and the values they may hold. Never
 * complete (a value of a declared type may carry keys the type does not name) and never edited.
 */
function typedObject(target: Node, scope: Scope): ObjectShape | null {
  const types = currentBudget().types;
  const properties = types && isTypeResolvable(target) ? typedProperties(types, target) : null;
  if (!properties) return null;
  const entries: ObjectEntry[] = properties.map((property) => ({
    key: property.key,
    value: null,
    typed: property.strings ? alternativesOfType(property.strings, target, property.key) : undefined,
    scope,
    mayBeOverridden: property.optional,
    editable: false,
  }));
  return { entries, complete: false, literal: null, editable: false };
}

/** The alternatives of an entry's value: its expression resolved, or what its type says; null for a method or accessor. */
export function entryAlternatives(entry: { readonly value: Node | null; readonly typed?: readonly StringAlternative[]; readonly scope: Scope; readonly either?: readonly ObjectEntry[] }): readonly StringAlternative[] | null {
  const own = entry.typed ?? (entry.value ? resolveString(entry.value, entry.scope) : null);
  if (!entry.either) return own;
  const others = entry.either.map((each) => entryAlternatives(each));
  if (!own && others.every((alternatives) => !alternatives)) return null;
  const opaque = (at: { readonly value: Node | null }) => (at.value ? hole(at.value, 'opaque', null) : []);
  return [...(own ?? opaque(entry)), ...others.flatMap((alternatives, index) => alternatives ?? opaque(entry.either![index]!))];
}

/**
 * The object a helper returns: every `return` resolved, their keys together (each may be present)
 * and complete only when every one is. Never edited: other callers share it. Another module's is
 * told at the call (see anchoredObject).
 */
function returnedObject(call: TSESTree.CallExpression, scope: Scope, depth: number, awaited = false): ObjectShape | null {
  const returns = calledReturns(call, scope, depth, awaited);
  if (!returns) return null;
  const resolve = () => {
    const shape = returnsObject(returns, depth);
    return shape && returns.otherModule ? anchoredObject(shape, call) : shape;
  };
  if (!bindsArguments(returns)) return resolve();
  // What it returns depends on this call's arguments: its values are read now, while they are bound.
  return withArguments(returns, call, scope, () => {
    const shape = resolve();
    return shape && { ...shape, entries: shape.entries.map((entry) => (entry.typed || !entry.value ? entry : { ...entry, typed: entryAlternatives(entry) ?? undefined })) };
  });
}

/** A NestJS `ConfigType<typeof config>` parameter: what its `registerAs` factory returns (nest-config.ts). */
function nestConfigObject(variable: Variable, at: Node, depth: number): ObjectShape | null {
  const found = configFactoryReturns(variable);
  const shape = found && returnsObject(found.returns, depth);
  return shape && found.otherModule ? anchoredObject(shape, at) : shape;
}

/** The objects a function's `return`s give, their keys together: read once per function (and binding of its parameters), not once per call. */
function returnsObject(returns: Returns, depth: number): ObjectShape | null {
  return memoised<ObjectShape | null>('returned-object', returns.fn, depth, null, () => {
    currentBudget().charge(returns.values.length);
    return eitherObject(returns.values.map((value) => resolveObject(value, returns.scope, depth + 1, false)));
  });
}

/** The object of a value that holds none: spread, it adds no key; as headers or options, there are none. */
const NOTHING: ObjectShape = { entries: [], complete: true, literal: null, editable: false };

/** `undefined`, `null`, `false`, `''`, `0`, `void x`. */
function isNothing(node: Node): boolean {
  if (node.type === 'Identifier') return node.name === 'undefined';
  if (node.type === 'Literal') return node.value === null || node.value === false || node.value === '' || node.value === 0;
  return node.type === 'UnaryExpression' && node.operator === 'void';
}

/** The object one branch of a conditional holds: nothing, or its object (shared by the branches: never edited). */
function branchObject(node: Node, scope: Scope, depth: number): ObjectShape | null {
  const target = unwrap(node);
  return isNothing(target) ? NOTHING : resolveObject(target, scope, depth + 1, false);
}

/**
 * The objects one expression may hold (`c ? a : b`, `c && a`, each `return` of a function): their keys
 * together, each one possibly present, complete only when every object is, and never edited.
 */
function eitherObject(shapes: readonly (ObjectShape | null)[]): ObjectShape | null {
  if (shapes.length === 0 || shapes.some((shape) => !shape)) return null;
  const known = shapes as readonly ObjectShape[];
  if (known.length === 1) return known[0]!;
  const entries = known.flatMap((shape) => shape.entries);
  if (entries.length > LIMITS.entriesPerObject) return null;
  // A key's value is any of its objects' values: its last entry carries the others'.
  const byKey = new Map<string, ObjectEntry[]>();
  for (const entry of entries) {
    const same = byKey.get(entry.key);
    if (same) same.push(entry);
    else byKey.set(entry.key, [entry]);
  }
  const either = entries.map((entry) => {
    const same = byKey.get(entry.key)!;
    return same.length > 1 && same.at(-1) === entry ? { ...entry, either: same.slice(0, -1) } : entry;
  });
  return { entries: either, complete: known.every((shape) => shape.complete), literal: null, editable: false };
}

/**
 * The values a `let` or `var` is given: its initializer and each plain `=` write of the variable itself, in
 * source order, and the right sides of `+=` (marked). Null for any other write (`++`, a destructuring, a loop's
 * binding), a parameter, or more than `LIMITS.alternativesPerValue` of them. Read once per variable, however
 * many of its reads ask: a variable read thousands of times is walked once.
 */
function writtenValues(variable: Variable): readonly WrittenValue[] | null {
  let values = writtenValuesCache.get(variable);
  if (values === undefined) writtenValuesCache.set(variable, (values = computeWrittenValues(variable)));
  return values;
}

interface WrittenValue {
  readonly value: TSESTree.Expression;
  readonly appended?: true;
}

const writtenValuesCache = new WeakMap<Variable, readonly WrittenValue[] | null>();

function computeWrittenValues(variable: Variable): readonly WrittenValue[] | null {
  currentBudget().charge(variable.references.length);
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  const declaration = def?.type === 'Variable' ? def.parent : null;
  const declarator = declaration?.type === 'VariableDeclaration' && declaration.kind !== 'const' ? def!.node : null;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier' || boundParameter(variable) !== undefined) return null;
  const loop = declaration!.parent;
  if ((loop?.type === 'ForOfStatement' || loop?.type === 'ForInStatement') && loop.left === declaration) return null;
  const values: WrittenValue[] = declarator.init ? [{ value: declarator.init }] : [];
  for (const reference of variable.references) {
    if (reference.init || !reference.isWrite()) continue;
    const assignment = reference.identifier.parent;
    if (assignment?.type !== 'AssignmentExpression' || assignment.left !== reference.identifier) return null;
    if (assignment.operator === '=') values.push({ value: assignment.right });
    else if (assignment.operator === '+=') values.push({ value: assignment.right, appended: true });
    else return null;
    if (values.length > LIMITS.alternativesPerValue) return null;
  }
  return values;
}

/**
 * `let url;` given its value by plain writes (`if (openrouter) url = OPENROUTER_URL; else url = OTHER_URL;`):
 * each value written is one alternative, as each branch of `c ? a : b` is; `url += '?key=…'` is one more, an
 * unknown text followed by what it appends. A write that reads the variable itself reads it as unknown.
 */
function reassignedStrings(variable: Variable, node: Node, depth: number): StringAlternative[] | null {
  const values = writtenValues(variable);
  if (!values || values.length === 0) return null;
  currentBudget().charge(values.length);
  return bounded(
    values.flatMap(({ value, appended }) => {
      const written = resolveString(value, scopeAt(variable.scope, value), depth + 1);
      // `url += '?key=…'`: something the alternatives do not tell, then this.
      return appended ? concat(hole(value, 'opaque', null), written, value) : written;
    }),
    node,
  );
}

/**
 * `let headers = { ... }` given a whole new object later (`headers = { ...headers, Authorization }`, in an `if`
 * too): every object it is given, their keys together as for a conditional, never edited. Only plain `=`
 * writes of the variable itself, and no key written into it nor the variable handed to a call that may
 * add keys (see laterWrites). Spread into its own new value, it adds the keys its other values give.
 */
function reassignedObject(variable: Variable, depth: number): ObjectShape | null {
  const written = writtenValues(variable);
  // A `+=` write makes a string, not an object.
  if (!written || written.length < 2 || written.some(({ appended }) => appended)) return null;
  const values = written.map(({ value }) => value);
  const later = laterWrites(variable);
  if (later === 'unknown' || later.length > 0) return null;
  const isSelf = (property: TSESTree.ObjectLiteralElement) => property.type === 'SpreadElement' && property.argument.type === 'Identifier' && findVariable(scopeAt(variable.scope, property.argument), property.argument.name) === variable;
  return eitherObject(
    values.map((value) => {
      const own = scopeAt(variable.scope, value);
      const target = unwrap(value);
      // `{ ...headers, x }`: the spread's keys are those of the other values, already in the union.
      const withoutSelf = target.type === 'ObjectExpression' && target.properties.some(isSelf) ? { ...target, properties: target.properties.filter((property) => !isSelf(property)) } : target;
      return isNothing(withoutSelf) ? NOTHING : resolveObject(withoutSelf, own, depth + 1, false);
    }),
  );
}

/**
 * `Object.assign({}, base, { ... })`: a new object with the sources' keys in order (a null or undefined
 * source adds none). Only onto a fresh literal: assigning onto an existing object writes to it (see laterWrites).
 */
function assignedObject(call: TSESTree.CallExpression, scope: Scope, depth: number): ObjectShape | null {
  const [first] = call.arguments;
  if (!isNamedMember(unwrap(call.callee), 'Object', 'assign') || !first || unwrap(first).type !== 'ObjectExpression' || call.arguments.some((argument) => argument.type === 'SpreadElement')) return null;
  const gathered = newGathering();
  for (const argument of call.arguments) {
    gather(gathered, branchObject(argument, scope, depth));
    if (gathered.entries.length > LIMITS.entriesPerObject) return null;
  }
  const entries = gatheredEntries(gathered);
  return entries && { entries, complete: gathered.complete, literal: null, editable: false };
}

/**
 * Entries gathered in order from the parts of one object (its keys, spreads, `Object.assign` sources):
 * a part the file cannot read wholly may add any key, and replace every entry gathered before it.
 */
interface Gathering {
  readonly entries: ObjectEntry[];
  complete: boolean;
  /** Entries before this index may have been replaced by a later part. */
  overriddenBefore: number;
}

function newGathering(): Gathering {
  return { entries: [], complete: true, overriddenBefore: 0 };
}

/** Adds a part's entries; null for a part the file cannot read at all (an unknown spread, a computed key). */
function gather(gathering: Gathering, part: ObjectShape | null): void {
  if (!part?.complete) {
    gathering.complete = false;
    gathering.overriddenBefore = gathering.entries.length;
  }
  gathering.entries.push(...(part?.entries ?? []));
}

/** The gathered entries, those a later part may replace marked so; null past `LIMITS.entriesPerObject`. */
function gatheredEntries(gathering: Gathering): ObjectEntry[] | null {
  const { entries, overriddenBefore } = gathering;
  if (entries.length > LIMITS.entriesPerObject) return null;
  for (let index = 0; index < overriddenBefore; index++) entries[index] = { ...entries[index]!, mayBeOverridden: true };
  return entries;
}

/** `c ? a : b`, `c && a` (nothing when `c` is falsy), `a || b` and `a ?? b` (an object is the value itself). */
function conditionalObject(target: TSESTree.ConditionalExpression | TSESTree.LogicalExpression, scope: Scope, depth: number): ObjectShape | null {
  if (target.type === 'ConditionalExpression') return eitherObject([branchObject(target.consequent, scope, depth), branchObject(target.alternate, scope, depth)]);
  if (target.operator === '&&') return eitherObject([NOTHING, branchObject(target.right, scope, depth)]);
  const left = branchObject(target.left, scope, depth);
  return left === NOTHING ? branchObject(target.right, scope, depth) : left;
}

/**
 * The keys written to a variable's object after its creation (see laterWrites), less the writes of a member
 * the object it is read from certainly lacks (`if (options.siteUrl) headers['HTTP-Referer'] = options.siteUrl`
 * under a call passing no `siteUrl`): they write nothing a request sends as attribution.
 */
export function writesThatMayHold(variable: Variable, depth: number): readonly LaterWrite[] | 'unknown' {
  const writes = laterWrites(variable);
  if (writes === 'unknown' || writes.length === 0) return writes;
  const held = writes.filter((write) => write.nested || !isAbsentMember(write.value, scopeAt(variable.scope, write.value), depth));
  // `Object.assign(headers, options.headers)` with headers the options may hold: any key.
  return held.some((write) => write.keysOf) ? 'unknown' : held;
}

/** The object a constant holds, with the keys written to it after its creation. */
function boundObject(binding: ValueBinding, depth: number, editable: boolean): ObjectShape | null {
  const { variable, init } = binding;
  const shape = resolveObject(init, binding.scope, depth + 1, editable && !isShared(variable));
  const writes = writesThatMayHold(variable, depth);
  if (!shape || writes.length === 0) return shape;
  if (writes === 'unknown') return { ...shape, complete: false, entries: shape.entries.map((entry) => ({ ...entry, mayBeOverridden: true })) };
  // An object written into under a key (`config.tavily.enabled = false`) is not the literal's any more; the others are.
  const changed = new Set(writes.filter((write) => write.nested).map((write) => write.key));
  const kept = changed.size === 0 ? shape.entries : shape.entries.map((entry) => (changed.has(entry.key) ? { ...entry, mayBeOverridden: true } : entry));
  // Keys written later may be present: they join the object's keys, after the literal's.
  const written = writes.filter((write) => !write.nested).map((write) => ({ key: write.key, value: write.value, scope: variable.scope, mayBeOverridden: false, editable: false, laterWrite: true as const }));
  const entries = [...kept, ...written];
  return entries.length > LIMITS.entriesPerObject ? null : { ...shape, entries };
}

/** What `require('./m')` returns, as this file sees it (see imported-values.ts). */
function requiredObject(call: TSESTree.CallExpression, scope: Scope, depth: number): ObjectShape | null {
  const exported = requiredExports(call, scope);
  const shape = exported && resolveObject(exported.value, exported.scope, depth + 1, false);
  return shape && anchoredObject(shape, call);
}

/**
 * `const { name } = object` (or `{ key: name }`): the object's entry for the key, when the object is
 * known and complete and the entry not overridden; null otherwise.
 */
function destructuredEntry(variable: Variable, name: string, depth: number): ObjectEntry | null {
  const declarator = stableDeclarator(variable);
  if (declarator?.id.type !== 'ObjectPattern' || !declarator.init) return null;
  const property = declarator.id.properties.find((each): each is TSESTree.Property => each.type === 'Property' && each.value.type === 'Identifier' && each.value.name === name);
  const key = property && staticKeyName(property);
  if (!key) return null;
  const shape = resolveObject(declarator.init, variable.scope, depth + 1, false);
  const entry = shape?.complete ? lastEntry(shape, key) : undefined;
  return entry && !entry.mayBeOverridden ? entry : null;
}

/** A namespace import (`import * as site from './site'`) as an object of the module's exported constants. */
function namespaceObject(variable: Variable): ObjectShape | null {
  const namespace = importedNamespace(variable);
  if (!namespace || namespace.exports.named.size > LIMITS.entriesPerObject) return null;
  const entries = [...namespace.exports.named].map(([name, local]): ObjectEntry => {
    const binding = valueBinding(namespace.scope, local);
    return { key: name, value: binding?.init ?? null, scope: binding?.scope ?? namespace.scope, mayBeOverridden: false, editable: false };
  });
  return { entries, complete: namespace.exports.complete, literal: null, editable: false };
}

/**
 * The object an entry's value holds, resolved at `depth`: its own value's, or for an entry of
 * another file's object, that file's value told where the entry is (see anchoredObject). Null when
 * a later spread may have replaced the value, or it holds no object the analysis can read.
 */
export function entryObject(entry: ObjectEntry, depth: number, editable: boolean): ObjectShape | null {
  if (entry.mayBeOverridden) return null;
  // The key of one of several objects: any of their objects for it, their keys together.
  if (entry.either) return eitherObject([entry, ...entry.either].map((each) => entryObject({ ...each, either: undefined }, depth, false)));
  if (entry.value) return resolveObject(entry.value, entry.scope, depth, editable);
  const { foreign, anchor } = entry;
  const shape = foreign?.value && anchor ? resolveObject(foreign.value, foreign.scope, depth, false) : null;
  return shape && anchoredObject(shape, anchor!, entry.judgedElsewhere === true);
}

/**
 * Another file's object, as this file sees it at `node`: each key with the values it may hold, told
 * at `node` (as an object known by its type is), so that nothing is reported or edited in the
 * other file's text. Complete when the other file shows all of its keys.
 */
/** Whether an entry is an attribution header or may hold an object that has one. */
function mayHoldAttribution(entry: ObjectEntry): boolean {
  if (HEADER_FIELDS.has(entry.key.toLowerCase())) return true;
  const value = entry.value && unwrap(entry.value);
  return !value || (value.type !== 'Literal' && value.type !== 'TemplateLiteral');
}

function anchoredObject(shape: ObjectShape, node: Node, judgedElsewhere = false): ObjectShape {
  const entries = shape.entries.map((entry): ObjectEntry => {
    const elsewhere = judgedElsewhere || entry.judgedElsewhere === true;
    // An attribution header judged in another module that sends it too (one mistake, one finding): present, with
    // no text to judge here. Other entries (a base URL) keep their values: they decide what this file's sites are.
    const opaque = elsewhere && HEADER_FIELDS.has(entry.key.toLowerCase());
    const typed = opaque ? [{ pieces: [{ kind: 'opaque' as const, name: null }], node }] : entryAlternatives(entry)?.map((alternative) => ({ ...alternative, node }));
    const foreign = entry.foreign ?? entry;
    return { key: entry.key, value: null, typed, scope: entry.scope, mayBeOverridden: entry.mayBeOverridden, editable: false, foreign, anchor: node, ...(entry.laterWrite ? { laterWrite: true as const } : {}), ...(elsewhere ? { judgedElsewhere: true as const } : {}) };
  });
  return { entries, complete: shape.complete, literal: null, editable: false };
}

function computeWrittenObject(target: Node, scope: Scope, depth: number, editable: boolean): ObjectShape | null {
  // `new HttpHeaders({ ... })` (Angular) is its object of headers, made unchangeable.
  if (target.type === 'NewExpression' && isAngularHttpHeaders(target, scope)) {
    const init = target.arguments[0];
    return init && init.type !== 'SpreadElement' ? resolveObject(init, scope, depth + 1, false) : null;
  }
  if (target.type === 'CallExpression') return returnedObject(target, scope, depth) ?? requiredObject(target, scope, depth) ?? assignedObject(target, scope, depth) ?? schemaParsedObject(target, scope, depth);
  // `await getHeaders()`: what a local async function returns.
  if (target.type === 'AwaitExpression' && target.argument.type === 'CallExpression') return returnedObject(target.argument, scope, depth, true) ?? schemaParsedObject(target.argument, scope, depth);
  if (target.type === 'ConditionalExpression' || target.type === 'LogicalExpression') return conditionalObject(target, scope, depth);
  if (target.type === 'Identifier') {
    const binding = valueBinding(scope, target.name);
    if (binding) return boundObject(binding, depth, editable);
    const variable = findVariable(scope, target.name);
    const reassigned = variable && reassignedObject(variable, depth);
    if (reassigned) return reassigned;
    const imported = variable && importedBinding(variable);
    const shape = imported ? boundObject(imported, depth, false) : variable && namespaceObject(variable);
    // Only attribution headers, here or nested, are judged elsewhere: an object of other texts never asks its importers.
    const judgedElsewhere = !!shape && imported !== null && shape.entries.some(mayHoldAttribution) && judgedByEarlierImporter(variable!);
    if (shape) return anchoredObject(shape, target, judgedElsewhere);
    const entry = variable && destructuredEntry(variable, target.name, depth);
    if (entry) return entryObject(entry, depth + 1, false);
    return variable ? (schemaTypedParameter(variable, target) ?? nestConfigObject(variable, target, depth)) : null;
  }
  if (target.type === 'MemberExpression') {
    // A class field's object is shared by every method that reads it: never edited.
    const field = classFieldValue(target, scope) ?? staticFieldByName(target, scope);
    if (field) return resolveObject(field, scopeAt(scope, field), depth + 1, false);
    const got = getterReturns(target, scope);
    if (got) return returnsObject(got, depth);
    const known = memberKeys(target, scope, depth);
    const owner = known || target.computed ? resolveObject(target.object, scope, depth + 1, editable) : null;
    const keys = keysRead(target, owner, known, scope);
    if (!owner?.complete || !keys) return null;
    // `site.HEADERS` of another file's object too: its value's object, anchored here as well.
    const shapes = keys.map((key) => {
      const entry = lastEntry(owner, key);
      return entry ? entryObject(entry, depth + 1, keys.length === 1 && entry.editable) : null;
    });
    return eitherObject(shapes);
  }
  if (target.type !== 'ObjectExpression') return null;

  // Entries before the last unknown spread or computed key may have been replaced by it.
  const gathered = newGathering();
  for (const property of target.properties) {
    if (gathered.entries.length > LIMITS.entriesPerObject) return null;
    if (property.type === 'SpreadElement') {
      const spread = resolveObject(property.argument, scope, depth + 1, editable);
      if (!spread && isAbsentMember(property.argument, scope, depth)) continue;
      if (!spread && isFormDataHeaders(property.argument, scope)) {
        gathered.entries.push({ key: FORM_DATA_HEADER, value: property.argument, scope, mayBeOverridden: false, editable: false });
        continue;
      }
      gather(gathered, spread);
      continue;
    }
    let key = staticKeyName(property);
    if (key === null && property.computed) {
      const resolved = resolveString(property.key, scope, depth + 1);
      key = resolved.length === 1 ? exactText(resolved[0]!) : null;
    }
    // `__proto__: defaults` (not computed, not shorthand) sets the prototype: inherited keys the object does not list.
    if (key === null || (key === '__proto__' && !property.computed && !property.shorthand && !property.method)) {
      gather(gathered, null);
      continue;
    }
    const isPlainValue = property.kind === 'init' && !property.method;
    gathered.entries.push({ key, value: isPlainValue ? property.value : null, scope, mayBeOverridden: false, editable });
  }
  const entries = gatheredEntries(gathered);
  return entries && { entries, complete: gathered.complete, literal: target, editable };
}
