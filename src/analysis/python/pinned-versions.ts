/**
 * The major version of a package a Python project pins, read from its dependency files at the project root
 * (`requirements*.txt`, `pyproject.toml`'s `[project]` and Poetry dependencies, `Pipfile`, a literal
 * `install_requires=[...]` of `setup.py`) as text: nothing is executed or resolved. Only a pin that names one
 * major (`==0.28`, `~=0.28.1`, `^0.28`, `>=0.27,<1`) counts, and only when every file that names the package
 * agrees; anything else is no answer.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ExpiringCache } from '../project-files/expiring-cache.js';
import { readRegularFile } from '../project-files/read-regular-file.js';

/** Dependency files are small; a larger one is not read. */
const MAX_DEPENDENCY_FILE_BYTES = 256 * 1024;
const REQUIREMENTS = /^requirements[\w.-]*\.(?:txt|in)$/i;

const cache = new ExpiringCache<string, ReadonlyMap<string, number | null>>(30_000, 64);

/** PEP 503's normalised name: `Langchain_OpenAI` and `langchain-openai` are one package. */
function normalisedName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The one major a version specifier allows, or null. */
export function majorOfSpecifier(specifier: string): number | null {
  const text = specifier.replace(/\s+/g, '').replace(/;.*$/, '');
  const exact = /^(?:===?|~=|\^|~)?v?(\d+)(?:\.\d+){0,3}(?:\.\*)?$/.exec(text);
  if (exact && (/^(?:===?|~=|\^|~)/.test(text) || /^\d/.test(text))) {
    // `~=1` alone is no valid pin; `~=0.28` allows 0.x only, `~=0.28.1` 0.28.x.
    if (text.startsWith('~=') && !text.includes('.')) return null;
    return Number(exact[1]);
  }
  const lower = /(?:^|,)>=?v?(\d+)(?:\.\d+){0,3}(?:,|$)/.exec(text);
  const upper = /(?:^|,)<v?(\d+)(?:\.0){0,3}(?:,|$)/.exec(text);
  if (lower && upper && Number(upper[1]) === Number(lower[1]) + 1) return Number(lower[1]);
  return null;
}

/** `name==1.2`, `name[extra]>=1,<2 ; python_version>"3"`: the name and its specifier, from one requirement line. */
function requirement(line: string): { name: string; specifier: string } | null {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^#]*)/.exec(line);
  return match ? { name: normalisedName(match[1]!), specifier: match[2]!.trim() } : null;
}

/** Every `name -> specifier` a dependency file's text states. */
function requirementsOf(file: string, text: string): { name: string; specifier: string }[] {
  const base = path.basename(file).toLowerCase();
  const found: { name: string; specifier: string }[] = [];
  if (REQUIREMENTS.test(base)) {
    for (const line of text.split(/\r?\n/)) {
      if (/^\s*(?:#|-|$)/.test(line)) continue;
      const parsed = requirement(line);
      if (parsed) found.push(parsed);
    }
    return found;
  }
  if (base === 'pyproject.toml' || base === 'setup.py') {
    // PEP 621 `dependencies = ["openai==0.28", ...]` and setup.py's `install_requires=[...]`: the quoted strings of the list.
    const list = base === 'setup.py' ? /install_requires\s*=\s*\[([^\]]*)\]/.exec(text) : /^\s*dependencies\s*=\s*\[([^\]]*)\]/m.exec(text);
    for (const quoted of list?.[1]?.match(/"[^"\n]*"|'[^'\n]*'/g) ?? []) {
      const parsed = requirement(quoted.slice(1, -1));
      if (parsed) found.push(parsed);
    }
  }
  if (base === 'pyproject.toml' || base === 'pipfile') {
    // Poetry's and Pipfile's tables: `openai = "^0.28"`, `openai = { version = "==0.28" }`.
    const table = base === 'pipfile' ? /^\[(?:dev-)?packages\]\s*$/ : /^\[tool\.poetry(?:\.group\.[\w-]+)?\.(?:dev-)?dependencies\]\s*$/;
    let inside = false;
    for (const line of text.split(/\r?\n/)) {
      if (/^\s*\[/.test(line)) {
        inside = table.test(line.trim());
        continue;
      }
      if (!inside) continue;
      const entry = /^\s*"?([A-Za-z0-9][A-Za-z0-9._-]*)"?\s*=\s*(?:"([^"]*)"|\{[^}]*\bversion\s*=\s*"([^"]*)")/.exec(line);
      if (entry) found.push({ name: normalisedName(entry[1]!), specifier: (entry[2] ?? entry[3] ?? '').trim() });
    }
  }
  return found;
}

/** Package name -> the one major every file pins it to (null where they do not agree on one). */
function pinsAt(root: string, now: number): ReadonlyMap<string, number | null> {
  const cached = cache.get(root, now);
  if (cached) return cached;
  const pins = new Map<string, number | null>();
  let names: string[] = [];
  try {
    names = readdirSync(root);
  } catch {
    names = [];
  }
  for (const name of names) {
    const lower = name.toLowerCase();
    if (!REQUIREMENTS.test(lower) && lower !== 'pyproject.toml' && lower !== 'pipfile' && lower !== 'setup.py') continue;
    const read = readRegularFile(path.join(root, name), root, MAX_DEPENDENCY_FILE_BYTES);
    if (!('text' in read)) continue;
    for (const { name: pkg, specifier } of requirementsOf(name, read.text)) {
      const major = majorOfSpecifier(specifier);
      pins.set(pkg, pins.has(pkg) && pins.get(pkg) !== major ? null : major);
    }
  }
  cache.set(root, pins, now);
  return pins;
}

/** The major of `name` the project at `root` pins, or null when it pins none, several, or a range of majors. */
export function pinnedMajor(root: string, name: string, now = Date.now()): number | null {
  return pinsAt(root, now).get(normalisedName(name)) ?? null;
}

/** Whether a dependency file at the project root names the package, pinned or not. */
export function declaresPackage(root: string, name: string, now = Date.now()): boolean {
  return pinsAt(root, now).has(normalisedName(name));
}
