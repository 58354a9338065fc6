/** A client call's options argument and the (possibly nested) options in it: `configuration.defaultHeaders`. */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap, type Scope } from '../syntax/ast.js';
import type { ClientCall } from './calls.js';
import type { ClientRow } from './rows.js';
import { headersOfShape, resolveHeaders, type HeaderContainer } from '../values/header-containers.js';
import { entryObject, exactText, lastEntry, resolveObject, resolveString, type ObjectEntry, type ObjectShape } from '../values/static-value.js';

/** The options argument: absent, spelled out in the file, or not resolvable. */
export type OptionsState =
  | { readonly kind: 'missing'; readonly argumentIndex: number }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'object'; readonly shape: ObjectShape };

/** An option looked up by path: found, certainly absent (with the deepest object that exists), or unknown. */
export type OptionLookup =
  | { readonly kind: 'found'; readonly entry: ObjectEntry }
  | { readonly kind: 'missing'; readonly parent: ObjectShape | null; readonly remaining: readonly string[] }
  | { readonly kind: 'unknown' };

/** The headers container: spelled out, certainly absent (and where it would go), or not resolvable. */
export type HeadersState =
  | { readonly kind: 'container'; readonly container: HeaderContainer }
  | Extract<OptionLookup, { kind: 'missing' | 'unknown' }>;

function isStringLike(node: TSESTree.Node, scope: Scope): boolean {
  const target = unwrap(node);
  if (target.type === 'Literal') return typeof target.value === 'string';
  if (target.type === 'TemplateLiteral') return true;
  const alternatives = resolveString(target, scope);
  return alternatives.length > 0 && alternatives.every((alternative) => exactText(alternative) !== null);
}

/** Which argument holds the options: fixed, or after a leading model name (`new ChatOpenRouter('m', {...})`). */
function optionsIndex(node: ClientCall, row: ClientRow, scope: Scope): number | null {
  if (row.optionsArgument !== 'after-model') return row.optionsArgument;
  const first = node.arguments[0];
  if (!first) return 0;
  if (first.type === 'SpreadElement') return null;
  if (resolveObject(first, scope)) return 0;
  return isStringLike(first, scope) ? 1 : null;
}

/** Whether another argument may set the option that replaces the row's options (`fields.configuration`). */
function mayBeOverridden(node: ClientCall, row: ClientRow, scope: Scope): boolean {
  if (!row.overriddenBy) return false;
  const argument = node.arguments[row.overriddenBy.argument];
  if (!argument) return false;
  const shape = argument.type === 'SpreadElement' ? null : resolveObject(argument, scope);
  return !shape || !shape.complete || !!lastEntry(shape, row.overriddenBy.option);
}

export function resolveOptions(node: ClientCall, row: ClientRow, scope: Scope): OptionsState {
  const index = optionsIndex(node, row, scope);
  if (index === null || index < 0 || mayBeOverridden(node, row, scope)) return { kind: 'unknown' };
  const argument = node.arguments[index];
  if (!argument) {
    const spread = node.arguments.some((arg) => arg.type === 'SpreadElement');
    return spread ? { kind: 'unknown' } : { kind: 'missing', argumentIndex: index };
  }
  if (argument.type === 'SpreadElement') return { kind: 'unknown' };
  const shape = resolveObject(argument, scope);
  return shape ? { kind: 'object', shape } : { kind: 'unknown' };
}

/** Looks up `a.b.c` in the options, following nested objects the file spells out. */
export function lookupOption(options: OptionsState, path: string): OptionLookup {
  const segments = path.split('.');
  if (options.kind === 'unknown') return { kind: 'unknown' };
  if (options.kind === 'missing') return { kind: 'missing', parent: null, remaining: segments };
  let shape = options.shape;
  for (const [index, segment] of segments.entries()) {
    const entry = lastEntry(shape, segment);
    if (!entry) return shape.complete ? { kind: 'missing', parent: shape, remaining: segments.slice(index) } : { kind: 'unknown' };
    if (index === segments.length - 1) return { kind: 'found', entry };
    // Of an options object from another file too: its nested objects are told where it is used.
    const next = entryObject(entry, 0, entry.editable);
    if (!next) return { kind: 'unknown' };
    shape = next;
  }
  return { kind: 'unknown' };
}

/** The row's headers: the first of its overriding options that may be set, else its headers option, else a fallback that may be. */
export function resolveRowHeaders(options: OptionsState, row: ClientRow): HeadersState {
  const firstSet = (paths: readonly string[] = []) => paths.find((path) => lookupOption(options, path).kind !== 'missing');
  const override = firstSet(row.headersOverrides);
  if (override) return resolveHeadersOption(options, override);
  const own = resolveHeadersOption(options, row.headersOption);
  const fallback = own.kind === 'missing' ? firstSet(row.headersFallbacks) : undefined;
  return fallback ? resolveHeadersOption(options, fallback) : own;
}

export function resolveHeadersOption(options: OptionsState, path: string | null): HeadersState {
  if (path === null) return { kind: 'unknown' };
  const lookup = lookupOption(options, path);
  if (lookup.kind !== 'found') return lookup;
  const { entry } = lookup;
  const foreign = entry.value ? null : entryObject(entry, 0, false);
  const container = entry.value && !entry.mayBeOverridden ? resolveHeaders(entry.value, entry.scope, 0, entry.editable) : foreign && headersOfShape(foreign);
  return container ? { kind: 'container', container } : { kind: 'unknown' };
}

/** The headers a request's options send: at the first of the row's paths they hold (`headers` by default). */
export function requestHeaders(options: OptionsState, row: Pick<ClientRow, 'requestHeadersOptions'>): HeadersState {
  const paths = row.requestHeadersOptions ?? ['headers'];
  const path = paths.find((each) => lookupOption(options, each).kind !== 'missing') ?? paths[0]!;
  return resolveHeadersOption(options, path);
}
