/**
 * One test of a Python file's text before it is parsed. Wider than JavaScript's (the word OpenRouter):
 * Python code often imports its OpenRouter URL from a settings module and posts to it under a generic
 * name, so a file that names a client, a completions path or attribution headers is read when the word
 * OpenRouter is in it or in a project module it reaches through imports (the modules the value reader
 * may follow), and when that cannot be told within a bound.
 *
 * Why a file naming a client but reaching no such module is skipped unparsed: a site needs an OpenRouter
 * identity, and every one the analysis accepts is spelled with the word (an `openrouter.ai` URL, a name like
 * `OPENROUTER_BASE`, an `openrouter/` model, a client imported from a package named `openrouter`); the
 * values it reads come from the file, from project modules named by its imports, transitively, from the JSON
 * and YAML files of the project it names and loads, and from the subclasses of its classes (a field such as
 * `base_url` a subclass in a file naming OpenRouter sets). A host
 * assembled from pieces (`"open" + "router.ai"`) is missed, as JavaScript's pre-test misses it.
 */
import { OPENROUTER_NAME } from '../domain/urls.js';
import { MAX_MODULE_BYTES, moduleFile, projectRoot } from './module-files.js';
import { PYTHON_ROWS } from './rows.js';
import { importsMayName, type ImportWalk } from '../project-files/import-reach.js';
import { dataFile, MAX_DATA_BYTES } from './data-files.js';
import { openRouterSubclassedNames } from './project-subclasses.js';

const MAY_HOLD_SITE = /openrouter|completions|base_url|api_base|openai|litellm|dspy|crewai|extra_headers|default_headers|http-referer|x-title/i;

/** An import of a client's package (`import requests`, `from httpx import AsyncClient`). */
const CLIENT_IMPORT = new RegExp(
  `^[ \\t]*(?:import|from)[ \\t]+(?:${[...new Set(PYTHON_ROWS.flatMap((row) => row.python.imports.map((source) => source.module.split('.')[0]!)))].join('|')})\\b`,
  'm',
);
/**
 * The modules a text imports, as the value reader may resolve them: `import a.b as c, d` names `a.b` and
 * `d`; `from x import (y, z)` names `x`, `x.y` and `x.z` (`y` may be a submodule, `from . import config`).
 * Anything that looks like an import is taken, inside strings too: a module too many is only a look more.
 */
export function importedModules(text: string): string[] {
  const modules: string[] = [];
  for (const match of text.matchAll(/(?:^|;)[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]*(\([^)]*\)|[^\n;#]*)/gm)) {
    const from = match[1]!;
    modules.push(from);
    for (const name of namesOf(match[2]!)) modules.push(from.endsWith('.') ? from + name : `${from}.${name}`);
  }
  for (const match of text.matchAll(/(?:^|;)[ \t]*import[ \t]+([^\n;#]*)/gm)) modules.push(...namesOf(match[1]!, true));
  return modules;
}

function namesOf(list: string, dotted = false): string[] {
  const names: string[] = [];
  for (const part of list.replace(/[()\\]/g, ' ').split(',')) {
    const name = /^\s*([\w.]+)/.exec(part)?.[1];
    if (name && name !== '*' && (dotted || !name.includes('.'))) names.push(name);
  }
  return names;
}

/** The walk through a project's Python modules from the root `root`. */
function pythonWalk(root: string): ImportWalk {
  // A module beside the file counts even in a package's folder: the pre-test may read more, never less.
  return { language: 'python', root, maxBytes: MAX_MODULE_BYTES, importsOf: importedModules, resolve: (from, module) => moduleFile(from, module, root, true) };
}

/**
 * Whether a Python file may hold a site. Without its path only the words of the text decide; with it, a
 * file that does not name OpenRouter is read only when a project module it reaches may.
 */
export function mayHoldPythonSite(text: string, file: string | null = null): boolean {
  if (OPENROUTER_NAME.test(text)) return true;
  const words = MAY_HOLD_SITE.test(text);
  if (file === null) return words;
  if (!words && !CLIENT_IMPORT.test(text)) return false;
  const root = projectRoot(file);
  return importsMayName(file, importedModules(text), pythonWalk(root)) || dataFilesMayName(text, file, root) || subclassedWhereNamed(text, root);
}

const CLASS_NAME = /^[ \t]*class[ \t]+(\w+)/gm;

/** Whether the text defines a class that a class of a project file naming OpenRouter is written on (or the project cannot be listed). */
function subclassedWhereNamed(text: string, root: string): boolean {
  const defined = Array.from(text.matchAll(CLASS_NAME), (match) => match[1]!);
  if (defined.length === 0) return false;
  const bases = openRouterSubclassedNames(root);
  return !bases || defined.some((name) => bases.has(name));
}

/** A JSON or YAML file name the text spells (`"config.yaml"`, `"tests/config.json"`), which the program may load. */
const DATA_FILE_NAME = /["']([^"'\n]{1,200}\.(?:json|ya?ml))["']/gi;
/** Data files looked at per file. */
const MAX_DATA_FILES = 8;

/** The data files a text names, walked as modules that import nothing: read once per version, answers kept per folder. */
function dataWalk(root: string): ImportWalk {
  return { language: 'python-data', root, maxBytes: MAX_DATA_BYTES, importsOf: () => [], resolve: (from, name) => dataFile(name, from, root) };
}

/** Whether a data file of the project the text names (`json.load(open("config.json"))`) names OpenRouter. */
function dataFilesMayName(text: string, file: string, root: string): boolean {
  if (!/\b(?:json|yaml)\.(?:safe_|full_)?loads?\b/.test(text)) return false;
  const names = Array.from(text.matchAll(DATA_FILE_NAME), (match) => match[1]!);
  return names.length > MAX_DATA_FILES || (names.length > 0 && importsMayName(file, names, dataWalk(root)));
}
