/**
 * A client the file builds only to read OpenRouter's metadata: `const sdk = new OpenRouter({ apiKey })` used
 * only as `sdk.models.list()` sends no request that consumes tokens (`/models`, `/credits` and the other
 * listings are not counted for an app), so it is no site. Only a `const` of the file, not exported, every use
 * of which calls a method of a metadata namespace; any other use (passed on, returned, `sdk.chat.send`) keeps it.
 */
import type { ParsedSource } from '../syntax/ast.js';
import type { ClientCall } from '../clients/calls.js';
import { clientNamespaceCalls } from './client-uses.js';

/** Namespaces of OpenRouter's SDK (and `models` of OpenAI's) whose methods read listings and accounts, never a generation. */
const METADATA_NAMESPACES = new Set(['models', 'providers', 'credits', 'generations', 'apiKeys', 'analytics', 'endpoints', 'activity', 'oAuth', 'guardrails', 'parameters', 'byok']);

export function usedOnlyForMetadata(sourceCode: ParsedSource, node: ClientCall): boolean {
  const calls = clientNamespaceCalls(sourceCode, node);
  return !!calls && calls.every(({ namespace, members }) => METADATA_NAMESPACES.has(namespace) && members === 2);
}
