/** What a URL value says: is it OpenRouter, does the request consume tokens, is it a localhost referer. */
import { OPENROUTER_NAME } from '../syntax/ast.js';
import { exactText, type StringAlternative } from '../values/static-value.js';

/** Requests that consume tokens: attribution counts only on these (metadata calls are not flagged). */
const TOKEN_ENDPOINT =
  /\/(?:chat\/completions|completions|responses|embeddings|messages|images\/(?:generations|edits)|audio\/(?:speech|transcriptions|translations)|videos?(?:\/generations)?)\/?$/;

const LOCALHOST_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

function parseUrl(text: string): URL | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('/') || trimmed.startsWith('.')) return null;
  const candidate = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

function isOpenRouterHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'openrouter.ai' || host.endsWith('.openrouter.ai');
}

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

/** A base URL or endpoint that is OpenRouter's: its host, or the name of the variable holding it. */
export function isOpenRouterUrl(alternative: StringAlternative): boolean {
  const host = knownHost(alternative);
  if (host !== null) return isOpenRouterHost(host);
  const first = alternative.pieces[0];
  return typeof first !== 'string' && first !== undefined && first.name !== null && OPENROUTER_NAME.test(first.name);
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
  const path = text !== null ? (parseUrl(text)?.pathname ?? '') : last.replace(/[?#].*$/s, '');
  return TOKEN_ENDPOINT.test(path) ? 'token' : 'other';
}

/** `localhost`, `127.0.0.1`, `[::1]`, `0.0.0.0` and `*.localhost`, any port or scheme. */
export function isLocalhostUrl(alternative: StringAlternative): boolean {
  const host = knownHost(alternative);
  return host !== null && isLocalhostHost(host);
}

export function isLocalhostHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOCALHOST_NAMES.has(host) || host.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Hosts copied from docs and samples that belong to no real app. */
const PLACEHOLDER_HOSTS =
  /^(?:[\w-]+\.)*(?:your[-_]?(?:site|app|domain|website|project|company)(?:[-_]?(?:url|name|domain))?\.[a-z]+|example\.(?:com|org|net))$|^(?:www\.)?myapp\.com$/i;

/** A referer copied from docs: `<YOUR_SITE_URL>`, `YOUR_SITE_URL`, `https://your-site.com`, `https://myapp.com`. */
export function isPlaceholderReferer(text: string): boolean {
  const trimmed = text.trim();
  if (/^<[^<>]*>$|^\{\{[^{}]*\}\}$|^\[[^[\]]*\]$|^YOUR_[A-Z\d_]+$/.test(trimmed)) return true;
  const host = parseUrl(trimmed)?.hostname;
  return host !== undefined && PLACEHOLDER_HOSTS.test(host);
}

/** Parses an absolute http(s) URL, or returns null. */
export function parseHttpUrl(text: string): URL | null {
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
