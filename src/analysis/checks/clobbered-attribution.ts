/**
 * Attribution a site writes and then loses before the request is sent: a later key or spread that
 * replaces it, names that differ only in case (one header on the wire), a spread `Headers` (which
 * copies nothing), and `headers ?? fallback` whose left side drops the fallback's. Only what the
 * file shows for certain: an entry that may not hold (a later write, an unknown spread) is no finding.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { laterWrites, staticKeyName, unwrap, type Node, type Scope } from '../syntax/ast.js';
import { constantBinding } from '../values/bindings.js';
import { ResolutionBudget, withBudget } from '../values/budget.js';
import { HEADER_FIELDS, HEADER_NAMES } from '../domain/attribution-headers.js';
import { lookupOption } from '../clients/options.js';
import { takesNoAttribution } from '../clients/rows.js';
import type { OpenRouterSite } from '../sites/site.js';
import { isHeadersInstance, resolveHeaders, type HeaderContainer, type HeaderEntry } from '../values/header-containers.js';
import { exactText, lastEntry, resolveObject, resolveString } from '../values/static-value.js';
import { typeServicesOf } from '../values/type-values.js';

/** Every attribution header, lowercase. */
/**
 * Headers whose two values cannot both be meant: joined, a referer or title is no longer one URL or
 * name. Categories are a comma list already, so two values joined may still be what was meant.
 */
const SINGLE_VALUED = new Set([...HEADER_NAMES.referer, ...HEADER_NAMES.title].map((name) => name.toLowerCase()));

/** Where an entry of an object literal comes from: one of its own properties, or one of its spreads. */
type Origin = { readonly own: TSESTree.Property } | { readonly spread: TSESTree.SpreadElement };

export type ClobberedAttribution =
  /** A defined value, then a later key sending nothing (`undefined`, `null`) that wins. */
  | { readonly kind: 'cleared'; readonly header: string; readonly value: string; readonly origin: Origin }
  /** A key the literal writes itself, replaced by a spread after it. */
  | {
      readonly kind: 'replaced';
      readonly header: string;
      readonly value: string;
      readonly property: TSESTree.Property;
      readonly spread: TSESTree.SpreadElement;
      /** Moving the key after the spread makes it win: not so for a `null` of another case, which `Headers` would send beside it. */
      readonly movable: boolean;
    }
  /** Two names of one header (different case, or two pairs): the client joins them or keeps one. */
  | { readonly kind: 'duplicated'; readonly first: string; readonly second: string; readonly node: Node; readonly removable: readonly RemovableEntry[] }
  /** `{ ...headersInstance }`: a `Headers` object has no own keys, so the spread copies none of its headers. */
  | { readonly kind: 'headersSpread'; readonly header: string; readonly spread: TSESTree.SpreadElement; readonly convertible: boolean }
  /** `client.create(body, { headers: { 'HTTP-Referer': null } })`: the request removes the client's default header. */
  | { readonly kind: 'removedDefault'; readonly header: string; readonly node: Node; readonly property: TSESTree.Property | null; readonly client: string; readonly construction: Node }
  /** `custom ?? fallback`: whenever the left side is given, the fallback's attribution is not sent. */
  | { readonly kind: 'fallback'; readonly headers: readonly string[]; readonly node: TSESTree.LogicalExpression; readonly mergeable: boolean };

/** An entry a suggestion may remove: an own property or a pair, the only one of its name. */
export interface RemovableEntry {
  readonly key: string;
  readonly value: Node;
  readonly node: TSESTree.Property | TSESTree.ArrayExpression;
}

/** A value that sends no header: `undefined`, `void 0`, `null`. */
export function sendsNothing(value: Node): boolean {
  const target = unwrap(value);
  if (target.type === 'Identifier') return target.name === 'undefined';
  return isNullLiteral(target) || (target.type === 'UnaryExpression' && target.operator === 'void');
}

function isNullLiteral(value: Node): boolean {
  const target = unwrap(value);
  return target.type === 'Literal' && target.value === null;
}

/** How a message names a value that sends nothing. */
function nothingName(value: Node): string {
  const target = unwrap(value);
  return target.type === 'Literal' ? 'null' : 'undefined';
}

/** An entry the file writes, with a value that sends something, that holds when the request is sent. */
function isDefined(entry: HeaderEntry): boolean {
  return !entry.uncertain && !!entry.value && !sendsNothing(entry.value);
}

/** An entry that may carry the header: written, or known by type (a type does not say it holds no `undefined`). */
function mayCarry(entry: HeaderEntry): boolean {
  return isDefined(entry) || (!entry.uncertain && !!entry.typed);
}

/** The spreads of an object literal by the value nodes they bring in, built on first need. */
class Origins {
  private spreads: Map<Node, TSESTree.SpreadElement> | null = null;
  constructor(
    private readonly literal: TSESTree.ObjectExpression,
    private readonly scope: Scope,
  ) {}

  of(entry: HeaderEntry): Origin | null {
    const value = entry.value;
    if (!value) return null;
    const parent = value.parent;
    if (parent?.type === 'Property' && parent.value === value && parent.parent === this.literal) return { own: parent };
    if (!this.spreads) {
      this.spreads = new Map();
      for (const property of this.literal.properties) {
        if (property.type !== 'SpreadElement') continue;
        for (const spread of resolveObject(property.argument, this.scope)?.entries ?? []) if (spread.value) this.spreads.set(spread.value, property);
      }
    }
    const spread = this.spreads.get(value);
    return spread ? { spread } : null;
  }
}

/** The one text every value resolves to, or null when they may differ or are not known. */
function sameText(entries: readonly HeaderEntry[]): string | null {
  let shared: string | null = null;
  for (const entry of entries) {
    const alternatives = entry.value ? resolveString(entry.value, entry.scope) : [];
    const text = alternatives.length === 1 ? exactText(alternatives[0]!) : null;
    if (text === null || (shared !== null && text !== shared)) return null;
    shared = text;
  }
  return shared;
}

/** Entries grouped by a key function, in first-seen order. */
function groupBy(entries: readonly HeaderEntry[], key: (entry: HeaderEntry) => string): Map<string, HeaderEntry[]> {
  const groups = new Map<string, HeaderEntry[]>();
  for (const entry of entries) {
    const name = key(entry);
    const group = groups.get(name);
    if (group) group.push(entry);
    else groups.set(name, [entry]);
  }
  return groups;
}

/**
 * Later keys that replace an attribution value. In an object the last key of a name wins; a key
 * in another letter case is a second header, except that a `null` one removes the header in every
 * client (an `undefined` one is skipped by some: openai keeps the first value).
 */
function replacedKeys(container: HeaderContainer, origins: Origins, found: ClobberedAttribution[]): void {
  const attribution = container.entries.filter((entry) => HEADER_FIELDS.has(entry.key.toLowerCase()));
  for (const group of groupBy(attribution, (entry) => entry.key.toLowerCase()).values()) {
    const last = group.at(-1)!;
    if (group.length < 2 || last.uncertain || !last.value) continue;
    const isNull = isNullLiteral(last.value);
    const earlier = group.slice(0, -1).findLast((entry) => isDefined(entry) && (entry.key === last.key || isNull));
    if (!earlier) continue;
    const lastOrigin = origins.of(last);
    const earlierOrigin = origins.of(earlier);
    const clears = sendsNothing(last.value);
    // Replaced by the same text, nothing is lost.
    const replaces = clears || (isDefined(last) && sameText([earlier, last]) === null);
    if (earlierOrigin && 'own' in earlierOrigin && lastOrigin && 'spread' in lastOrigin && replaces) {
      const value = clears ? nothingName(last.value) : 'another value';
      found.push({ kind: 'replaced', header: earlier.key, value, property: earlierOrigin.own, spread: lastOrigin.spread, movable: earlier.key === last.key });
    } else if (clears && lastOrigin) {
      found.push({ kind: 'cleared', header: last.key, value: nothingName(last.value), origin: lastOrigin });
    }
  }
}

/**
 * Names of one header that all reach the wire: in an object the last value of each spelling, in
 * pairs every pair (`Headers` appends them). Reported on the later name, when the first is written
 * in the object itself or is a pair.
 */
function duplicatedNames(container: HeaderContainer, origins: Origins | null, found: ClobberedAttribution[]): void {
  const single = container.entries.filter((entry) => SINGLE_VALUED.has(entry.key.toLowerCase()));
  const exact = groupBy(single, (entry) => entry.key);
  const sent = origins ? [...exact.values()].map((group) => group.at(-1)!) : single;
  for (const group of groupBy(sent, (entry) => entry.key.toLowerCase()).values()) {
    // One text twice is harmless where the client keeps one, and the clients differ in that.
    if (group.length < 2 || !group.every(isDefined) || sameText(group) !== null) continue;
    // A spelling from a spread, then another: an override that works where the client keeps the later one.
    if (origins && !ownProperty(origins.of(group[0]!))) continue;
    const removable: RemovableEntry[] = [];
    for (const entry of group) {
      const node = origins ? ownProperty(origins.of(entry)) : pairOf(entry, container);
      // In an object, removing a key whose name is written twice would bring back the earlier value.
      if (node && (!origins || exact.get(entry.key)!.length === 1)) removable.push({ key: entry.key, value: entry.value!, node });
    }
    const second = group[1]!;
    const origin = origins?.of(second);
    const node = origin ? ('own' in origin ? origin.own : origin.spread) : (pairOf(second, container) ?? second.value);
    if (node) found.push({ kind: 'duplicated', first: group[0]!.key, second: second.key, node, removable });
  }
}

function ownProperty(origin: Origin | null | undefined): TSESTree.Property | null {
  return origin && 'own' in origin ? origin.own : null;
}

/** The `[name, value]` pair of an entry written in the container's array. */
function pairOf(entry: HeaderEntry, container: HeaderContainer): TSESTree.ArrayExpression | null {
  const pair = entry.value?.parent;
  return pair?.type === 'ArrayExpression' && pair.parent === container.literal ? pair : null;
}

/** `{ ...new Headers(...) }`: reported where the spread `Headers` holds attribution. */
function spreadHeaders(container: HeaderContainer, literal: TSESTree.ObjectExpression, scope: Scope, found: ClobberedAttribution[]): void {
  for (const property of literal.properties) {
    if (property.type !== 'SpreadElement' || !isHeadersInstance(property.argument, scope)) continue;
    const lost = resolveHeaders(property.argument, scope, 0, false);
    const header = lost?.entries.find((entry) => HEADER_FIELDS.has(entry.key.toLowerCase()) && !(entry.value && sendsNothing(entry.value)));
    if (!lost || !header) continue;
    found.push({ kind: 'headersSpread', header: header.key, spread: property, convertible: convertible(lost, literal, property, container, scope) });
  }
}

/**
 * Whether `Object.fromEntries(headers)` may replace the spread: every header of it and of the
 * literal's other properties is known, and none shares a name (its keys come back lowercase).
 */
function convertible(lost: HeaderContainer, literal: TSESTree.ObjectExpression, spread: TSESTree.SpreadElement, container: HeaderContainer, scope: Scope): boolean {
  if (!lost.complete) return false;
  for (const property of literal.properties) {
    if (property === spread) continue;
    if (property.type === 'SpreadElement' ? !resolveObject(property.argument, scope)?.complete : property.computed && property.key.type !== 'Literal') return false;
  }
  const names = new Set(container.entries.map((entry) => entry.key.toLowerCase()));
  return lost.entries.every((entry) => !names.has(entry.key.toLowerCase()));
}

/** The expression a value always holds, through constants that are never written to. */
function heldExpression(node: Node, scope: Scope): { node: Node; scope: Scope } {
  let target = unwrap(node);
  let current = scope;
  for (let hops = 0; hops < 4 && target.type === 'Identifier'; hops++) {
    const binding = constantBinding(current, target.name);
    if (!binding || laterWrites(binding.variable).length !== 0) break;
    target = unwrap(binding.init);
    current = binding.variable.scope;
  }
  return { node: target, scope: current };
}

/** A left side that is never given: `undefined`, a constant holding it, or a key a complete object lacks. */
function isCertainlyAbsent(node: Node, scope: Scope): boolean {
  const held = heldExpression(node, scope);
  if (sendsNothing(held.node)) return true;
  if (held.node.type !== 'MemberExpression') return false;
  const name = staticKeyName(held.node);
  const owner = name === null ? null : resolveObject(held.node.object, held.scope);
  const entry = owner && name !== null ? lastEntry(owner, name) : undefined;
  return !!owner?.complete && (!entry || (!!entry.value && !entry.mayBeOverridden && sendsNothing(entry.value)));
}

/** `headers: custom ?? { 'HTTP-Referer': url }`: the fallback's attribution the left side does not provably carry. */
function lostFallback(site: OpenRouterSite, found: ClobberedAttribution[]): void {
  const path = site.row.headersOption;
  const lookup = path ? lookupOption(site.options, path) : null;
  if (lookup?.kind !== 'found' || !lookup.entry.value || lookup.entry.mayBeOverridden) return;
  const { node, scope } = heldExpression(lookup.entry.value, lookup.entry.scope);
  if (node.type !== 'LogicalExpression' || node.operator === '&&' || isCertainlyAbsent(node.left, scope)) return;
  const fallback = resolveHeaders(node.right, scope, 0, false);
  const given = resolveHeaders(node.left, scope, 0, false);
  const carried = new Set(given?.entries.filter(mayCarry).map((entry) => entry.key.toLowerCase()));
  const lost: string[] = [];
  for (const entry of fallback?.entries ?? []) {
    const name = entry.key.toLowerCase();
    if (HEADER_FIELDS.has(name) && isDefined(entry) && !carried.has(name) && !lost.some((known) => known.toLowerCase() === name)) lost.push(entry.key);
  }
  if (lost.length === 0) return;
  const right = heldExpression(node.right, scope).node;
  const mergeable = right.type === 'ObjectExpression' || (right.type !== 'ArrayExpression' && !isHeadersInstance(node.right, scope) && !!resolveObject(node.right, scope));
  found.push({ kind: 'fallback', headers: lost, node, mergeable: mergeable && node.left.type !== 'SequenceExpression' && node.right.type !== 'SequenceExpression' });
}

/** Requests through a client whose `null` header removes a default: the attribution defaults they remove. */
function removedDefaults(site: OpenRouterSite, container: HeaderContainer, sourceCode: Readonly<TSESLint.SourceCode>, found: ClobberedAttribution[]): void {
  const argument = site.row.nullableRequestHeaders?.argument;
  const defaults = new Set(container.entries.filter(isDefined).map((entry) => entry.key.toLowerCase()).filter((name) => HEADER_FIELDS.has(name)));
  if (argument === undefined || defaults.size === 0) return;
  for (const request of site.requests) {
    const options = request.node.type === 'CallExpression' ? request.node.arguments[argument] : undefined;
    const shape = options && options.type !== 'SpreadElement' ? resolveObject(options, sourceCode.getScope(options)) : null;
    const entry = shape && lastEntry(shape, 'headers');
    const headers = entry?.value && !entry.mayBeOverridden ? resolveHeaders(entry.value, entry.scope, 0, false) : null;
    for (const name of defaults) {
      const last = headers?.entries.findLast((candidate) => candidate.key.toLowerCase() === name);
      if (!last?.value || last.uncertain || !isNullLiteral(last.value)) continue;
      const parent = last.value!.parent;
      const property = parent?.type === 'Property' && parent.value === last.value && parent.parent === headers!.literal ? parent : null;
      found.push({ kind: 'removedDefault', header: last.key, node: property ?? last.value!, property, client: site.row.label, construction: site.reportNode });
    }
  }
}

function siteFindings(site: OpenRouterSite, sourceCode: Readonly<TSESLint.SourceCode>, checked: Set<Node>, found: ClobberedAttribution[]): void {
  lostFallback(site, found);
  if (site.headers.kind !== 'container') return;
  const container = site.headers.container;
  removedDefaults(site, container, sourceCode, found);
  const literal = container.literal;
  // Sites sharing one headers object are checked once.
  if (!literal || checked.has(literal)) return;
  checked.add(literal);
  if (literal.type === 'ObjectExpression') {
    const scope = sourceCode.getScope(literal);
    const origins = new Origins(literal, scope);
    replacedKeys(container, origins, found);
    duplicatedNames(container, origins, found);
    spreadHeaders(container, literal, scope, found);
  } else {
    duplicatedNames(container, null, found);
  }
}

/**
 * The lost attribution of these sites, each finding once. Resolved under a budget of its own for
 * the file, so this pass is bounded like the analysis.
 */
export function findClobberedAttribution(sites: readonly OpenRouterSite[], sourceCode: Readonly<TSESLint.SourceCode>): ClobberedAttribution[] {
  const budget = ResolutionBudget.forText(sourceCode.text.length, typeServicesOf(sourceCode.parserServices));
  return withBudget(budget, () => {
    const found: ClobberedAttribution[] = [];
    const checked = new Set<Node>();
    for (const site of sites) if (!takesNoAttribution(site.row)) siteFindings(site, sourceCode, checked, found);
    const seen = new Set<Node>();
    return found.filter((finding) => {
      const node = reportNode(finding);
      return seen.has(node) ? false : (seen.add(node), true);
    });
  });
}

/** The node a finding is reported on. */
export function reportNode(finding: ClobberedAttribution): Node {
  switch (finding.kind) {
    case 'cleared':
      return 'own' in finding.origin ? finding.origin.own : finding.origin.spread;
    case 'replaced':
      return finding.property;
    case 'headersSpread':
      return finding.spread;
    default:
      return finding.node;
  }
}
