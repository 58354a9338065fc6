/**
 * What makes a referer value name no app, or split one app into several: the one set of checks
 * behind both the project config's validation and the `valid-referer` rule.
 */
import { isLocalhostHost, isPlaceholderReferer, parseHttpUrl, platformHome } from './urls.js';
import { byText } from './text-verdicts.js';

export type RefererProblem =
  /** A bare host (`acme.dev`), a relative path, or a scheme other than http(s). */
  | { readonly kind: 'notAbsolute' }
  | { readonly kind: 'queryOrFragment' }
  /** A clone URL (`https://github.com/acme/app.git`) rather than the repository's page. */
  | { readonly kind: 'gitSuffix' }
  | { readonly kind: 'placeholder' }
  /** The home page of a site that hosts apps (`https://github.com`): every app sending it counts as one. */
  | { readonly kind: 'platformHome'; readonly host: string }
  /** Credentials in the URL (`https://user:key@acme.dev`): sent with every request, and no app's name. */
  | { readonly kind: 'userinfo' }
  /** A backslash, which URL parsers read differently (`https://acme.dev\\@evil.dev/` names two hosts). */
  | { readonly kind: 'ambiguous' }
  /** A name no public site can have: `*.test`, `*.example`, `*.invalid`, `*.local`, `*.internal`. */
  | { readonly kind: 'reservedHost'; readonly host: string }
  /** A private network address (`10.x`, `192.168.x`, `fd00::`) or a single-label intranet name. */
  | { readonly kind: 'privateHost'; readonly host: string };

/** Special-use names (RFC 2606, 6761, 6762, 8375) and `.internal`, which ICANN reserved for private use. */
const RESERVED_SUFFIX = /(?:^|\.)(?:test|example|invalid|local|internal|home\.arpa)\.?$/i;

function isPrivateIPv4(host: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (!match) return false;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

/** Unique-local (`fc00::/7`) and link-local (`fe80::/10`) IPv6 addresses, as URL writes them: `[fd12::1]`. */
function isPrivateIPv6(host: string): boolean {
  return /^\[(?:f[cd][\da-f]{0,2}|fe[89ab][\da-f]?):/i.test(host);
}

/**
 * The first thing wrong with a referer, or null when it can name an app. A localhost referer is not
 * a problem here: OpenRouter tracks it when a title is sent too, which `require-title-for-localhost` checks.
 */
export const checkReferer = byText(refererProblem);

function refererProblem(text: string): RefererProblem | null {
  // First: a placeholder (`<YOUR_SITE_URL>`, `your-site.com`) names no app whatever its form, and is one finding.
  if (isPlaceholderReferer(text)) return { kind: 'placeholder' };
  const url = parseHttpUrl(text);
  if (!url) return { kind: 'notAbsolute' };
  if (text.includes('\\')) return { kind: 'ambiguous' };
  if (url.username || url.password) return { kind: 'userinfo' };
  if (url.search || url.hash || /[?#]/.test(text)) return { kind: 'queryOrFragment' };
  if (/\.git\/?$/i.test(url.pathname)) return { kind: 'gitSuffix' };
  const platform = platformHome(url);
  if (platform) return { kind: 'platformHome', host: platform };
  const host = url.hostname.toLowerCase();
  if (isLocalhostHost(host)) return null;
  if (RESERVED_SUFFIX.test(host)) return { kind: 'reservedHost', host };
  if (isPrivateIPv4(host) || isPrivateIPv6(host) || !/[.[]/.test(host)) return { kind: 'privateHost', host };
  return null;
}

/**
 * The referer's host when it is a subdomain (`www.acme.dev`, `app.acme.dev`) of the host of the
 * project's referer, and that referer names a whole domain (no path: a repository URL on a shared
 * host says nothing about the host's other subdomains). Null otherwise.
 */
export function subdomainOfConfigured(text: string, configured: string): string | null {
  return subdomainsOf(configured)(text);
}

/** One check per configured referer (a project has one), each keeping its verdicts by text. */
const subdomainChecks = new Map<string, (text: string) => string | null>();
function subdomainsOf(configured: string): (text: string) => string | null {
  let check = subdomainChecks.get(configured);
  if (!check) {
    if (subdomainChecks.size >= 16) subdomainChecks.clear();
    subdomainChecks.set(configured, (check = byText((text) => subdomainOf(text, configured))));
  }
  return check;
}

function subdomainOf(text: string, configured: string): string | null {
  const url = parseHttpUrl(text);
  const identity = parseHttpUrl(configured);
  if (!url || !identity || identity.pathname !== '/') return null;
  const host = url.hostname.toLowerCase();
  const main = identity.hostname.toLowerCase();
  return host.endsWith(`.${main}`) ? host : null;
}

/**
 * The referer with what splits it removed: a scheme added to a bare host, the query string and
 * fragment dropped, a `.git` suffix dropped, a subdomain of the project's domain replaced by it.
 * Null when that does not give a referer free of problems.
 */
export function normalisedReferer(text: string, configured: string | null): string | null {
  let candidate = text.trim();
  if (candidate.startsWith('//')) candidate = `https:${candidate}`;
  // Only a host-like start gets a scheme: a title or a relative path put here is not a URL to repair.
  else if (!/^[a-z][a-z\d+.-]*:/i.test(candidate)) {
    if (!/^[a-z\d-]+(?:\.[a-z\d-]+)+(?::\d+)?(?:[/?#]|$)/i.test(candidate)) return null;
    candidate = `https://${candidate}`;
  }
  candidate = candidate.replace(/[?#].*$/s, '').replace(/\.git\/?$/i, '');
  const url = parseHttpUrl(candidate);
  if (!url) return null;
  const subdomain = configured ? subdomainOfConfigured(candidate, configured) : null;
  if (subdomain && configured) {
    const main = parseHttpUrl(configured)!.hostname;
    // Replace the host in the text as written, so the path keeps its spelling and trailing slash.
    const at = candidate.toLowerCase().indexOf(subdomain);
    candidate = `${candidate.slice(0, at)}${main}${candidate.slice(at + subdomain.length)}`;
  }
  return candidate !== text && checkReferer(candidate) === null ? candidate : null;
}
