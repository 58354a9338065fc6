/**
 * The facts this project keeps from OpenRouter's OpenAPI spec: each path, its methods, and whether
 * it consumes tokens. A path consumes tokens when a request body of one of its operations names a
 * `model` to run (chat, responses, messages, embeddings, images, rerank, audio, videos, presets);
 * everything else (models, keys, credits, generation lookups, providers, auth) is metadata.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** Schemas nest deeper than this only in pathological specs; past it a body names no model. */
const MAX_DEPTH = 16;

/** The object a local `$ref` (`#/components/schemas/X`) points at, or the value itself. */
function dereference(spec, value) {
  let current = value;
  const seen = new Set();
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    if (seen.has(current.$ref) || !current.$ref.startsWith('#/')) return undefined;
    seen.add(current.$ref);
    current = current.$ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), spec);
  }
  return current;
}

/** Whether a schema, through `$ref`, `allOf`, `oneOf` and `anyOf`, has a `model` property. */
function namesModel(spec, schema, visited = new Set(), depth = 0) {
  const resolved = dereference(spec, schema);
  if (!resolved || typeof resolved !== 'object' || visited.has(resolved) || depth > MAX_DEPTH) return false;
  visited.add(resolved);
  if (resolved.properties && Object.hasOwn(resolved.properties, 'model')) return true;
  return ['allOf', 'oneOf', 'anyOf'].some((key) => (resolved[key] ?? []).some((part) => namesModel(spec, part, visited, depth + 1)));
}

/** Whether an operation's request body, in any of its media types (JSON, multipart), names a model. */
function bodyNamesModel(spec, operation) {
  const body = dereference(spec, operation.requestBody);
  return Object.values(body?.content ?? {}).some((media) => namesModel(spec, media?.schema));
}

/** `{ path, methods, tokens }` for every path of the spec, in the spec's order. */
export function endpointFacts(spec) {
  return Object.entries(spec.paths ?? {}).map(([path, item]) => {
    const methods = METHODS.filter((method) => item?.[method] && typeof item[method] === 'object');
    const tokens = methods.some((method) => bodyNamesModel(spec, item[method]));
    return { path, methods: methods.map((method) => method.toUpperCase()), tokens };
  });
}
