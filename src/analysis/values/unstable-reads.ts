/**
 * Reads of the page's location and of the incoming request's host: values that change per page or
 * per request. Kept with the values so that a hole read from one is marked wherever it travels,
 * into an importing module too.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable, memberName, staticKeyName, unwrap, type Node, type Scope } from '../syntax/ast.js';

/** What a read changes per. */
export type UnstableRead = 'page' | 'request';

const PAGE_GLOBALS = new Set(['window', 'self', 'globalThis']);
/** Request headers that name the host the request came to or from (lowercase). */
export const HOST_HEADERS: ReadonlySet<string> = new Set(['host', 'origin', 'referer', 'referrer', 'x-forwarded-host']);
const REQUEST_NAMES = /^(?:req|request)$/i;

function isGlobal(scope: Scope, name: string): boolean {
  return !findVariable(scope, name)?.defs.length;
}

/** `window.location`, `location`, `document.location`: the page's location object. */
function isLocationObject(node: Node, scope: Scope): boolean {
  const target = unwrap(node);
  if (target.type === 'Identifier') return target.name === 'location' && isGlobal(scope, 'location');
  if (memberName(target) !== 'location' || target.type !== 'MemberExpression') return false;
  const owner = unwrap(target.object);
  return owner.type === 'Identifier' && (PAGE_GLOBALS.has(owner.name) || owner.name === 'document') && isGlobal(scope, owner.name);
}

/** `req.headers.host`, `req.headers['x-forwarded-host']`, `request.headers.get('origin')`, `req.get('host')`. */
function isRequestHost(target: Node): boolean {
  if (target.type === 'MemberExpression') {
    const name = staticKeyName(target)?.toLowerCase();
    return name !== undefined && HOST_HEADERS.has(name) && memberName(unwrap(target.object)) === 'headers';
  }
  if (target.type !== 'CallExpression') return false;
  const callee = unwrap(target.callee);
  const argument = target.arguments[0];
  if (callee.type !== 'MemberExpression' || memberName(callee) !== 'get' || argument?.type !== 'Literal' || typeof argument.value !== 'string') return false;
  if (!HOST_HEADERS.has(argument.value.toLowerCase())) return false;
  const owner = unwrap(callee.object);
  return memberName(owner) === 'headers' || (owner.type === 'Identifier' && REQUEST_NAMES.test(owner.name));
}

/** h3's (Nuxt, Nitro) readers of the incoming request: `getHeader(event, 'host')`, `getRequestHost(event)`, `getRequestURL(event)`. */
function isH3RequestRead(target: Node): boolean {
  if (target.type !== 'CallExpression') return false;
  const callee = unwrap(target.callee);
  if (callee.type !== 'Identifier') return false;
  if (callee.name === 'getRequestHost' || callee.name === 'getRequestURL') return true;
  const header = target.arguments[1];
  return (callee.name === 'getHeader' || callee.name === 'getRequestHeader') && header?.type === 'Literal' && typeof header.value === 'string' && HOST_HEADERS.has(header.value.toLowerCase());
}

/** `new URL(req.url).origin`. */
function isRequestUrlPart(target: TSESTree.MemberExpression): boolean {
  const url = unwrap(target.object);
  if (url.type !== 'NewExpression' || url.callee.type !== 'Identifier' || url.callee.name !== 'URL') return false;
  const input = url.arguments[0] && unwrap(url.arguments[0]);
  return input?.type === 'MemberExpression' && memberName(input) === 'url' && unwrap(input.object).type === 'Identifier' && REQUEST_NAMES.test((unwrap(input.object) as TSESTree.Identifier).name);
}

/** What a leaf of a referer reads that changes per page or request, or null. Environment reads are checked by `isPerDeployEnv`. */
export function unstableRead(leaf: Node, scope: Scope): UnstableRead | null {
  const target = unwrap(leaf);
  if (isLocationObject(target, scope)) return 'page';
  if (target.type === 'MemberExpression') {
    if (isLocationObject(target.object, scope)) return 'page';
    const owner = unwrap(target.object);
    const name = memberName(target);
    if (owner.type === 'Identifier' && owner.name === 'document' && isGlobal(scope, 'document') && (name === 'referrer' || name === 'URL')) return 'page';
    if (owner.type === 'Identifier' && PAGE_GLOBALS.has(owner.name) && name === 'origin' && isGlobal(scope, owner.name)) return 'page';
    if (isRequestUrlPart(target)) return 'request';
    if (isH3RequestRead(owner) && (name === 'origin' || name === 'host' || name === 'href')) return 'request';
  }
  if (isH3RequestRead(target)) return 'request';
  if (target.type === 'CallExpression') {
    const callee = unwrap(target.callee);
    if (callee.type === 'MemberExpression' && memberName(callee) === 'toString' && isLocationObject(callee.object, scope)) return 'page';
  }
  return isRequestHost(target) ? 'request' : null;
}
