/** What a Python file's sites say, in a form tests compare whole: the row, the line, each field's state and texts. */
import { findPythonSites } from '../../src/analysis/python/find-python-sites.js';
import { parsePython } from '../../src/analysis/python/parse.js';
import type { FieldState, OpenRouterSite } from '../../src/analysis/sites/site.js';
import type { StringAlternative } from '../../src/analysis/values/static-value.js';

/** An alternative as text, holes written `<env:NAME>` or `<?name>`. */
export function shown(alternative: StringAlternative): string {
  return alternative.pieces.map((piece) => (typeof piece === 'string' ? piece : piece.kind === 'env' ? `<env:${piece.name}>` : `<?${piece.name ?? ''}>`)).join('');
}

export function fieldSummary(state: FieldState): string | string[] {
  if (state.state !== 'present') return state.state;
  return state.values.flatMap((value) => value.alternatives.map(shown));
}

export function siteSummary(site: OpenRouterSite): object {
  return {
    row: site.row.id,
    line: site.node.loc.start.line,
    referer: fieldSummary(site.fields.referer),
    title: fieldSummary(site.fields.title),
    categories: fieldSummary(site.fields.categories),
    ...(site.requests.length > 0
      ? { requests: site.requests.map((request) => ({ line: request.node.loc.start.line, referer: fieldSummary(request.fields.referer), title: fieldSummary(request.fields.title) })) }
      : {}),
  };
}

export function sitesOf(code: string, file: string | null = null): object[] {
  return findPythonSites(parsePython(code), file).map(siteSummary);
}
