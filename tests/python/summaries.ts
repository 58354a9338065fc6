/** What a Python file's sites say, in a form tests compare whole: the row, the line, each field's state and texts; and projects to find them in. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findPythonSites } from '../../src/analysis/python/find-python-sites.js';
import { parsePython } from '../../src/analysis/python/parse.js';
import type { FieldState, OpenRouterSite } from '../../src/analysis/sites/site.js';
import type { StringAlternative } from '../../src/analysis/values/static-value.js';
import { temporaryFolder } from '../temporary-folders.js';

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

/** A Python project (a pyproject.toml at its root) with these files; returns its root. */
export function pythonProject(files: Record<string, string>): string {
  const root = temporaryFolder('openrouter-python-');
  writeFileSync(path.join(root, 'pyproject.toml'), '[project]\nname = "app"\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/**
 * A file that spells attribution: in a project without one, no `**kwargs` can carry any (the headers would
 * have to be named somewhere), so a test of what a caller may pass puts it beside the code.
 */
export const SPELLS_ATTRIBUTION: Readonly<Record<string, string>> = { 'app/attribution.py': 'HEADERS = {"HTTP-Referer": SITE_URL}\n' };

/** The sites of `code` read as the project's file `file`. */
export function sitesIn(root: string, file: string, code: string): object[] {
  return findPythonSites(parsePython(code), path.join(root, file)).map(siteSummary);
}
