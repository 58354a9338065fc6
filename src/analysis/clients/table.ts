/** The client table a file is analysed with: the built-in rows, then the project's own (identity/configured-clients.ts). */
import { CLIENTS, CLIENT_MODULES, type ClientRow } from './rows.js';

/** The rows a file is analysed with, and what finding and pre-testing them needs. */
export interface ClientTable {
  readonly rows: readonly ClientRow[];
  readonly modules: ReadonlySet<string>;
  /** Module names of the project's rows: a file that names one may hold a site. */
  readonly configuredModules: readonly string[];
  /** Serialised (a host's cache key of the config) as the project's rows only: the built-in ones are everyone's. */
  toJSON(): readonly ClientRow[];
}

export const BUILT_IN_TABLE: ClientTable = { rows: CLIENTS, modules: CLIENT_MODULES, configuredModules: [], toJSON: () => [] };

/** The built-in table with the project's rows after it; the same table for a project without any. */
export function withConfiguredClients(rows: readonly ClientRow[]): ClientTable {
  if (rows.length === 0) return BUILT_IN_TABLE;
  const configuredModules = [...new Set(rows.flatMap((row) => row.sources.flatMap((source) => ('module' in source ? [source.module] : []))))];
  return { rows: [...CLIENTS, ...rows], modules: new Set([...CLIENT_MODULES, ...configuredModules]), configuredModules, toJSON: () => rows };
}
