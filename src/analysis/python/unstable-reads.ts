/**
 * Python reads of the incoming request's host (Flask, Starlette/FastAPI, Django): values that change per
 * request, as `req.headers.host` does in JavaScript (values/unstable-reads.ts). Marked on the hole the read
 * leaves, so that it is known wherever the value travels.
 */
import type { SyntaxNode } from '@lezer/common';
import { HOST_HEADERS, type UnstableRead } from '../values/unstable-reads.js';
import { callArguments, dottedName, meaningfulChildren } from './tree.js';
import { stringLiteralText } from './strings.js';

/** The incoming request, by the names the frameworks give it: Flask's `request`, a view's `request`/`req`, `self.request`. */
const REQUEST_PATH = /^(?:(?:self|cls)\.)?(?:request|req)$/;
/** Attributes naming where the request came to or from: Flask's `host_url`, `url_root`, Starlette's `base_url`. */
const HOST_ATTRIBUTES = new Set(['host', 'host_url', 'url_root', 'base_url', 'origin', 'referrer', 'root_url']);
/** A header naming a host, JavaScript's list; Django's `META` spells them `HTTP_HOST`, `HTTP_X_FORWARDED_HOST`. */
function isHostHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return HOST_HEADERS.has(lower) || (lower.startsWith('http_') && HOST_HEADERS.has(lower.slice(5).replaceAll('_', '-')));
}
/** Django's methods of the request that give its host or its absolute URL. */
const HOST_METHODS = new Set(['get_host', 'build_absolute_uri']);
/** Mappings of the request's headers: `request.headers`, Django's `request.META`, WSGI's `request.environ`. */
const HEADER_MAPS = new Set(['headers', 'META', 'environ']);

function isRequest(text: string, node: SyntaxNode | null | undefined): boolean {
  const path = node ? dottedName(text, node) : null;
  return !!path && REQUEST_PATH.test(path.join('.'));
}

/** `request.headers` and the like: the object a header is read from. */
function isHeaderMap(text: string, node: SyntaxNode | null | undefined): boolean {
  const path = node ? dottedName(text, node) : null;
  return !!path && path.length >= 2 && HEADER_MAPS.has(path[path.length - 1]!) && REQUEST_PATH.test(path.slice(0, -1).join('.'));
}

function isHostHeader(text: string, key: SyntaxNode | undefined): boolean {
  const value = key?.name === 'String' ? stringLiteralText(text, key) : null;
  return value !== null && isHostHeaderName(value);
}

/**
 * What a member or call read changes per, or null: `request.host_url`, `request.headers.get("origin")`,
 * `request.headers["host"]`, `request.META["HTTP_HOST"]`, `request.get_host()`.
 */
export function pythonUnstableRead(text: string, node: SyntaxNode): UnstableRead | null {
  if (node.name === 'MemberExpression') {
    const object = node.firstChild;
    if (object?.nextSibling?.name === '[') return isHeaderMap(text, object) && isHostHeader(text, meaningfulChildren(node)[1]) ? 'request' : null;
    const property = node.lastChild;
    return property?.name === 'PropertyName' && HOST_ATTRIBUTES.has(text.slice(property.from, property.to)) && isRequest(text, object) ? 'request' : null;
  }
  if (node.name !== 'CallExpression') return null;
  const callee = node.firstChild;
  const method = callee?.name === 'MemberExpression' && callee.lastChild?.name === 'PropertyName' ? text.slice(callee.lastChild.from, callee.lastChild.to) : null;
  if (!method) return null;
  if (HOST_METHODS.has(method)) return isRequest(text, callee!.firstChild) ? 'request' : null;
  return method === 'get' && isHeaderMap(text, callee!.firstChild) && isHostHeader(text, callArguments(text, node).positional[0]) ? 'request' : null;
}
