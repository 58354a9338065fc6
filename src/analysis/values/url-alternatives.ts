/** What a resolved URL value says, alternative by alternative: its host when the text fixes it, OpenRouter or not, token use, localhost. */
import { isLocalhostHost, isOpenRouterHost, isSitePage, isTokenPath, OPENROUTER_NAME, parseUrl } from '../domain/urls.js';
import type { Node } from '../syntax/ast.js';
import { currentBudget, LIMITS } from './budget.js';
import { exactText, type Piece, type StringAlternative } from './static-value.js';

/**
 * The host an alternative names, when its text fixes the host: `https://openrouter.ai/...`,
 * `http://localhost:${PORT}`. Null when the host itself is unknown.
 */
export function knownHost(alternative: StringAlternative): string | null {
  const text = exactText(alternative);
  if (text !== null) return parseUrl(text)?.hostname ?? null;
  const first = alternative.pieces[0];
  if (typeof first !== 'string') return null;
  // The host ends where a port, path, query or fragment starts; a hole right after the host
  // (`https://openrouter.ai${path}`) is taken as the start of the path.
  const match = /^(?:[a-z][a-z\d+.-]*:\/\/)?([^/:?#\s]+|\[[^\]]*\])(?:[:/?#]|$)/i.exec(first);
  return match ? (parseUrl(match[1]!)?.hostname ?? null) : null;
}

/** Cloudflare AI Gateway, whose `/openrouter` route (`…/v1/<account>/<gateway>/openrouter`) forwards to OpenRouter, headers included. */
const GATEWAY_HOST = 'gateway.ai.cloudflare.com';

/** A base URL or endpoint that is OpenRouter's: its host, a gateway's OpenRouter route, or the name of the variable holding it. */
export function isOpenRouterUrl(alternative: StringAlternative): boolean {
  const host = knownHost(alternative);
  if (host === GATEWAY_HOST) return alternative.pieces.some((piece) => typeof piece === 'string' && /\/openrouter(?:\/|$)/i.test(piece));
  if (host !== null) return isOpenRouterHost(host);
  const first = alternative.pieces[0];
  return typeof first !== 'string' && first !== undefined && first.name !== null && OPENROUTER_NAME.test(first.name);
}

/**
 * Whether a base URL's values point at OpenRouter: one names its host (or a gateway's OpenRouter route), or one is
 * a variable named for OpenRouter (`settings.openrouter_base_url`). Where another value names another vendor's
 * host, such a name counts only read first, before any fallback (`OPENROUTER_BASE_URL || …`): further down a
 * chain of other settings ending in another vendor's URL (`KAKAO_URL or OPENROUTER_BASE_URL or
 * "https://api.cometapi.com/v1"`) it is one option among several, not where the code sends.
 */
export function pointsToOpenRouter(alternatives: readonly StringAlternative[]): boolean {
  const elsewhere = alternatives.some(isOtherHost);
  return alternatives.some((alternative, index) => (!elsewhere || index === 0 || knownHost(alternative) !== null) && isOpenRouterUrl(alternative));
}

/** True when the alternative certainly names a host other than OpenRouter. */
export function isOtherHost(alternative: StringAlternative): boolean {
  const host = knownHost(alternative);
  return host !== null && !isOpenRouterHost(host);
}

/**
 * What an OpenRouter request URL says about token use: a generation path (`token`), another path
 * (`other`, also for hosts other than OpenRouter), or an OpenRouter URL whose path the file does
 * not show (`unknown`: `process.env.OPENROUTER_URL`, `${OPENROUTER_BASE}/${path}`).
 */
export function requestKind(alternative: StringAlternative): 'token' | 'other' | 'unknown' {
  if (!isOpenRouterUrl(alternative)) return 'other';
  const last = alternative.pieces.at(-1);
  if (typeof last !== 'string') return 'unknown';
  const text = exactText(alternative);
  const url = text !== null ? parseUrl(text) : null;
  if (url && isSitePage(url)) return 'other';
  const path = text !== null ? (url?.pathname ?? '') : last.replace(/[?#].*$/s, '');
  return isTokenPath(path) ? 'token' : 'other';
}

/** `localhost`, `127.0.0.1`, `[::1]`, `0.0.0.0` and `*.localhost`, any port or scheme. */
export function isLocalhostUrl(alternative: StringAlternative): boolean {
  const host = knownHost(alternative);
  return host !== null && isLocalhostHost(host);
}

/**
 * The URLs of a request given by parts (`{ hostname, port, path }` of node's `http.request`): the host,
 * `:port` when one is set, and the path (`/` when none is), without the scheme, which is not read (a
 * host read from a variable then keeps its name). One unknown URL past `LIMITS.alternativesPerValue`
 * combinations.
 */
export function assembledUrls(
  hosts: readonly StringAlternative[],
  ports: readonly StringAlternative[] | null,
  paths: readonly StringAlternative[] | null,
  node: Node,
): StringAlternative[] {
  const portPieces = ports?.map((port) => [':', ...port.pieces]) ?? [[]];
  const pathPieces = paths?.map((path) => path.pieces) ?? [['/']];
  if (hosts.length * portPieces.length * pathPieces.length > LIMITS.alternativesPerValue) return [{ pieces: [{ kind: 'opaque', name: null }], node }];
  const urls: StringAlternative[] = [];
  for (const host of hosts) {
    for (const port of portPieces) {
      for (const path of pathPieces) urls.push({ pieces: joined([...host.pieces, ...port, ...path]), node });
    }
  }
  currentBudget().charge(urls.length);
  return urls;
}

/** Pieces with neighbouring texts made one. */
function joined(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (typeof piece === 'string' && typeof last === 'string') out[out.length - 1] = last + piece;
    else if (piece !== '') out.push(piece);
  }
  return out;
}
