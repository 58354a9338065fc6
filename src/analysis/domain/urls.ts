/** What a URL's text says: is its host OpenRouter's, does its path consume tokens, is it localhost, a docs placeholder. */
import { byText } from './text-verdicts.js';

/** Names that say a value is OpenRouter's (`OPENROUTER_BASE_URL`, `openRouterBaseUrl`, `open_router_url`). */
export const OPENROUTER_NAME = /open[-_]?router/i;

/**
 * The paths of OpenRouter's OpenAPI spec that consume tokens (`endpoints.json`, read from the spec;
 * the `/presets/{slug}/…` forms end in one of them). Metadata paths are not flagged.
 */
const SPEC_TOKEN_PATHS = ['chat/completions', 'responses', 'messages', 'embeddings', 'images', 'rerank', 'audio/speech', 'audio/transcriptions', 'videos'];

/**
 * Token paths the spec does not list that OpenAI-compatible code calls (`openai` 6.49 and 7.60 post
 * to them): the legacy `/completions` (in the spec until January 2026), image generations and
 * edits, audio translations.
 */
const CLIENT_TOKEN_PATHS = ['completions', 'images/generations', 'images/edits', 'audio/translations'];

/** Requests that consume tokens: attribution counts only on these. */
const TOKEN_ENDPOINT = new RegExp(`/(?:${[...SPEC_TOKEN_PATHS, ...CLIENT_TOKEN_PATHS].join('|')})/?$`);

const LOCALHOST_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/** A URL, with `http://` assumed when the text has no scheme (`openrouter.ai/api`); null for a path or nothing. */
export function parseUrl(text: string): URL | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('/') || trimmed.startsWith('.')) return null;
  const candidate = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

/** `openrouter.ai` and its subdomains (`eu.openrouter.ai`). */
export function isOpenRouterHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'openrouter.ai' || host.endsWith('.openrouter.ai');
}

/** A repository of OpenRouter's own organisation (`https://github.com/OpenRouterTeam/openrouter-examples`), copied from its docs. */
export function isOpenRouterRepository(url: URL | null): boolean {
  return !!url && url.hostname.toLowerCase().replace(/^www\./, '') === 'github.com' && url.pathname.split('/')[1]?.toLowerCase() === 'openrouterteam';
}

/** A page of OpenRouter's web site: on its own host, the API is under `/api/` (`https://openrouter.ai/v1/chat/completions` is no endpoint). */
export function isSitePage(url: URL): boolean {
  return /^(?:www\.)?openrouter\.ai\.?$/i.test(url.hostname) && !url.pathname.startsWith('/api/');
}

/** Whether a request path consumes tokens (`/api/v1/chat/completions`), as opposed to a metadata call (`/api/v1/models`). */
export function isTokenPath(pathname: string): boolean {
  return TOKEN_ENDPOINT.test(pathname);
}

/** `localhost`, `127.0.0.1`, `[::1]`, `0.0.0.0` and `*.localhost`. */
export function isLocalhostHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOCALHOST_NAMES.has(host) || host.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Hosts copied from docs and samples that belong to no real app. */
const PLACEHOLDER_HOSTS =
  /^(?:[\w-]+\.)*(?:your[-_.]?(?:site|app|domain|website|project|company|host|server)(?:[-_.]?(?:url|name|domain|here))?(?:\.[a-z]+)?|example\.(?:com|org|net))$|^(?:www\.)?my(?:app|site|domain|website)\.com$/i;

/** A host name, with or without `www.`, from a list of domains. */
function hostPattern(domains: readonly string[]): RegExp {
  return new RegExp(`^(?:www\\.)?(?:${domains.map((domain) => domain.replaceAll('.', '\\.')).join('|')})$`, 'i');
}

/** Hosts where an app is known by its path (`github.com/<owner>/<repo>`). */
const SHARED_DOMAINS = ['github.com', 'gitlab.com', 'bitbucket.org', 'huggingface.co', 'codeberg.org'];
const SHARED_HOSTS = hostPattern(SHARED_DOMAINS);
/**
 * Sites that host or list apps (code hosts, app platforms, the chat platforms bots run on, the editors
 * plugins run in): their home page is no app's URL, and every app that sends it counts as one.
 */
const PLATFORM_HOSTS = hostPattern([
  ...SHARED_DOMAINS,
  'replit.com', 'vercel.com', 'netlify.com', 'render.com', 'heroku.com', 'railway.app', 'streamlit.io', 'glitch.com', 'codesandbox.io',
  'stackblitz.com', 'npmjs.com', 'pypi.org', 'discord.com', 'telegram.org', 't.me', 'slack.com', 'obsidian.md', 'raycast.com',
  // Platforms add-ons and automations run in, and the stores that list them.
  'odoo.com', 'wordpress.org', 'wordpress.com', 'shopify.com', 'figma.com', 'notion.so', 'zapier.com', 'n8n.io', 'nodered.org',
  'home-assistant.io', 'chromewebstore.google.com', 'addons.mozilla.org', 'marketplace.visualstudio.com', 'plugins.jetbrains.com',
  // App builders and hosts, and the chat and social platforms bots and proxies serve.
  'lovable.dev', 'bolt.new', 'v0.dev', 'fly.io', 'deno.com', 'deno.dev', 'supabase.com', 'cloudflare.com', 'workers.dev', 'expo.dev',
  'gradio.app', 'janitorai.com', 'character.ai', 'chub.ai', 'whatsapp.com', 'wa.me', 'x.com', 'twitter.com', 'reddit.com', 'youtube.com',
  // The domains apps are served under (`acme.vercel.app`): the bare domain itself is no app.
  'vercel.app', 'netlify.app', 'streamlit.app', 'onrender.com', 'herokuapp.com', 'pages.dev', 'github.io', 'hf.space', 'web.app',
  'firebaseapp.com', 'up.railway.app', 'fly.dev', 'replit.app', 'glitch.me', 'surge.sh', 'azurewebsites.net', 'appspot.com',
]);

/** The host when a URL is a platform's home page (`https://github.com`, `https://replit.com/`) and no app's, or null. */
export function platformHome(url: URL): string | null {
  return (url.pathname === '/' || url.pathname === '') && PLATFORM_HOSTS.test(url.hostname) ? url.hostname.toLowerCase().replace(/^www\./, '') : null;
}

/**
 * An owner copied from a template instead of the real one: `github.com/username/app`, `github.com/your-org/app`,
 * and the same in the templates of other languages (`ton-user`, `tu-usuario`, `seu-usuario`, `dein-name`).
 */
const PLACEHOLDER_OWNER =
  /^(?:user(?:name)?|your[-_]?(?:user(?:name)?|name|org(?:anization)?|account|handle|github|gitlab|repo)?|yourname|owner|example|(?:ton|ta|votre|tu|su|seu|sua|dein|deine|tuo)[-_](?:user|usuario|utilisateur|utente|nom|name|nombre|nome|org|compte|cuenta|conta|konto)|<[^<>]*>|\{[^{}]*\}|\[[^[\]]*\])$/i;

/**
 * A referer copied from docs: `<YOUR_SITE_URL>`, `YOUR_SITE_URL`, `https://your-site.com`, `https://myapp.com`,
 * or a repository URL whose owner is the template's (`https://github.com/username/app`).
 */
export const isPlaceholderReferer = byText(placeholderReferer);

function placeholderReferer(text: string): boolean {
  const trimmed = text.trim();
  if (/^<[^<>]*>$|^\{\{[^{}]*\}\}$|^\[[^[\]]*\]$|^YOUR_[A-Z\d_]+$/.test(trimmed)) return true;
  const url = parseUrl(trimmed);
  if (!url) return false;
  return isPlaceholderSite(url.hostname, url.pathname.split('/')[1] ?? '');
}

/**
 * Whether a referer the file reads only in part is a placeholder whatever fills the rest: its scheme is
 * written, and its host ends in a docs domain after the last unknown part (`https://${name}.example.com`),
 * or its host and a code host's owner are written and a placeholder (`https://github.com/your-name/${repo}`).
 * `unknown` marks each part the file cannot read.
 */
export function isPlaceholderRefererShape(shape: string, unknown: string): boolean {
  const match = /^https?:\/\/([^/?#]*)(\/[^/?#]*)?/i.exec(shape.trim());
  if (!match) return false;
  const host = match[1]!.replace(/:\d+$/, '');
  const last = host.lastIndexOf(unknown);
  if (last >= 0) {
    const tail = host.slice(last + unknown.length);
    return tail.startsWith('.') && PLACEHOLDER_HOSTS.test(`x${tail}`);
  }
  const owner = (match[2] ?? '').slice(1);
  return isPlaceholderSite(host, owner.includes(unknown) ? '' : owner);
}

/** A docs host, or a code host's page under a template owner (`owner`: the path's first segment, still encoded). */
function isPlaceholderSite(host: string, owner: string): boolean {
  return PLACEHOLDER_HOSTS.test(host) || (SHARED_HOSTS.test(host) && PLACEHOLDER_OWNER.test(decodeSegment(owner)));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Identities of libraries that are not the app's: the referers libraries send for themselves (LiteLLM,
 * CrewAI, langchain-openrouter, Portkey, Token.js; REFERENCE §2, §2c) and the repositories of the
 * libraries whose docs show a referer. Copied into an app, they credit its usage to that library.
 */
const LIBRARY_HOSTS: Readonly<Record<string, string>> = {
  'litellm.ai': 'LiteLLM',
  'crewai.com': 'CrewAI',
  'docs.langchain.com': 'LangChain',
  'portkey.ai': 'Portkey',
  'docs.tokenjs.ai': 'Token.js',
};
const LIBRARY_REPOSITORIES: Readonly<Record<string, string>> = {
  'github.com/berriai/litellm': 'LiteLLM',
  'github.com/joaomdmoura/crewai': 'CrewAI',
  'github.com/crewaiinc/crewai': 'CrewAI',
  'github.com/langchain-ai/langchain': 'LangChain',
  'github.com/langchain-ai/langchainjs': 'LangChain',
  'github.com/run-llama/llama_index': 'LlamaIndex',
  'github.com/stanfordnlp/dspy': 'DSPy',
  'github.com/huggingface/smolagents': 'smolagents',
  'github.com/pydantic/pydantic-ai': 'Pydantic AI',
  'github.com/agno-agi/agno': 'Agno',
  'github.com/microsoft/autogen': 'AutoGen',
  'github.com/ag2ai/ag2': 'AG2',
  'github.com/portkey-ai/gateway': 'Portkey',
};

/**
 * The library a referer names when it is a library's own identity (`https://crewai.com`,
 * `https://github.com/joaomdmoura/crewAI`), or null. A project whose own referer it is says so in its
 * config, and the rule leaves that one alone.
 */
export function libraryIdentityOf(text: string): string | null {
  const url = parseUrl(text);
  if (!url) return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  if (LIBRARY_HOSTS[host]) return LIBRARY_HOSTS[host]!;
  const [owner, repository] = url.pathname.split('/').slice(1, 3);
  if (!owner || !repository) return null;
  return LIBRARY_REPOSITORIES[`${host}/${owner.toLowerCase()}/${repository.toLowerCase().replace(/\.git$/, '')}`] ?? null;
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
