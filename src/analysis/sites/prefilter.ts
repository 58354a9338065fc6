/**
 * The one test a file's text must pass before any analysis: near-zero cost for the files (most of
 * them) that cannot hold an OpenRouter site. Every host uses it, so all of them skip the same files.
 */
import { OPENROUTER_NAME } from '../domain/urls.js';
import { CLIENTS } from '../clients/rows.js';
import { BUILT_IN_TABLE, type ClientTable } from '../clients/table.js';
import { loadProjectAttribution } from '../identity/project-config.js';

/**
 * Module and global names of every client row: with type information, a site may name no OpenRouter
 * URL. A module is named in quotes (`'https'`), which keeps names such as `http` from matching every URL.
 */
const CLIENT_WORDS: readonly string[] = [
  ...new Set(CLIENTS.flatMap((row) => row.sources.flatMap((source) => ('module' in source ? ["'", '"', '`'].map((quote) => `${quote}${source.module}${quote}`) : [source.global])))),
];

/**
 * Whether the text can hold a site. Without type information a site needs the word OpenRouter
 * somewhere (a module, a URL, a variable name); with it, an imported base URL can make any client
 * construction one, so the name of a client module or global is enough. A file that names a module
 * of the project's own clients passes too.
 */
export function mayHoldOpenRouterSite(text: string, typed: boolean, clients: ClientTable = BUILT_IN_TABLE): boolean {
  return (
    OPENROUTER_NAME.test(text) ||
    // A project's own wrapper (`createLlm()` from `@acme/llm`) need not say OpenRouter anywhere.
    clients.configuredModules.some((module) => text.includes(module)) ||
    (typed && CLIENT_WORDS.some((word) => text.includes(word)))
  );
}

/**
 * The client table a host pre-tests a file with: the built-in clients and the project's own (from
 * the settings and the file's package.json). A config that cannot be loaded gives the built-in
 * table; its problem is `valid-config`'s finding.
 */
export function projectClientTable(settings: unknown, file: string): ClientTable {
  try {
    return loadProjectAttribution(settings, file).clients;
  } catch {
    return BUILT_IN_TABLE;
  }
}
