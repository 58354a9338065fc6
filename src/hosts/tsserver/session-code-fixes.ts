/**
 * The plugin's codes in tsserver's answer to `getSupportedCodeFixes` asked without a file. VS Code,
 * typescript-language-server and vtsls ask it that way, once, and then ask for the fixes of a
 * diagnostic only when its code is in the answer. tsserver answers that request from TypeScript's own
 * list without asking any language service, so the decorated `getSupportedCodeFixes` is never reached.
 *
 * The session's handler of the request is wrapped instead, once per session whichever copy or version
 * of the plugin comes first: it answers what the handler before it answers (TypeScript's, or another
 * plugin's wrapper), plus the codes of every project the plugin is on in that is still open.
 */
import type * as ts from 'typescript';

const COMMAND = 'getSupportedCodeFixes';
/** Shared by every copy of the plugin in the process, so that the handler is wrapped once. */
const REGISTRY = Symbol.for('eslint-plugin-openrouter/supported-code-fixes');

type Handler = (request: ts.server.protocol.Request) => { response?: unknown; responseRequired?: boolean };

/** What the plugin reads of tsserver's session: its handlers are not part of TypeScript's public API. */
interface SessionHandlers {
  readonly handlers?: unknown;
  [REGISTRY]?: Map<ts.server.Project, readonly string[]>;
}

/** A project closed since drops out of the answer. */
interface OpenProject {
  isClosed?(): boolean;
}

function isHandlerMap(value: unknown): value is Map<string, Handler> {
  return value instanceof Map && typeof value.get(COMMAND) === 'function';
}

/** The codes of the projects still open; closed ones are forgotten. */
function openCodes(registry: Map<ts.server.Project, readonly string[]>): string[] {
  const codes = new Set<string>();
  for (const [project, projectCodes] of registry) {
    if ((project as unknown as OpenProject).isClosed?.()) registry.delete(project);
    else for (const code of projectCodes) codes.add(code);
  }
  return [...codes];
}

/**
 * Adds `codes` to the session's answer while `project` is open. Returns false (and changes nothing)
 * where there is no session (an in-process language service) or its handlers are not as expected.
 */
export function registerSessionCodeFixes(session: unknown, project: ts.server.Project, codes: readonly string[]): boolean {
  if (typeof session !== 'object' || session === null) return false;
  const target = session as SessionHandlers;
  let registry = target[REGISTRY];
  if (!registry) {
    const { handlers } = target;
    if (!isHandlerMap(handlers)) return false;
    const previous = handlers.get(COMMAND)!;
    const own = new Map<ts.server.Project, readonly string[]>();
    handlers.set(COMMAND, (request) => {
      const result = previous(request);
      const args = request.arguments as ts.server.protocol.FileRequestArgs | null | undefined;
      // With a file or a project, the project's language service answered, with our codes where the plugin is on.
      if (args?.file || args?.projectFileName || !Array.isArray(result.response)) return result;
      try {
        const known = new Set(result.response as unknown[]);
        const added = openCodes(own).filter((code) => !known.has(code));
        return added.length === 0 ? result : { ...result, response: [...(result.response as unknown[]), ...added] };
      } catch {
        return result;
      }
    });
    registry = target[REGISTRY] = own;
  }
  registry.set(project, codes);
  return true;
}
