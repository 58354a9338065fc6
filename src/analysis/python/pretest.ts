/**
 * One test of a Python file's text before it is parsed. Wider than JavaScript's (the word OpenRouter):
 * Python code often imports its OpenRouter URL from a settings module and posts to it under a generic
 * name, so a file that names a client, a completions path or attribution headers is read too, and so
 * is a file that imports a client and a module of the project that names OpenRouter.
 */
import path from 'node:path';
import { ExpiringCache } from '../project-files/expiring-cache.js';
import { OPENROUTER_NAME } from '../domain/urls.js';
import { readRegularFile } from '../project-files/read-regular-file.js';
import { MAX_MODULE_BYTES, moduleFile, projectRoot } from './module-files.js';
import { PYTHON_ROWS } from './rows.js';
import { FileVersionCache } from './file-version-cache.js';

const MAY_HOLD_SITE = /openrouter|completions|base_url|api_base|openai|litellm|dspy|crewai|extra_headers|default_headers|http-referer|x-title/i;

/** An import of a client's package (`import requests`, `from httpx import AsyncClient`). */
const CLIENT_IMPORT = new RegExp(
  `^[ \\t]*(?:import|from)[ \\t]+(?:${[...new Set(PYTHON_ROWS.flatMap((row) => row.python.imports.map((source) => source.module.split('.')[0]!)))].join('|')})\\b`,
  'm',
);
const IMPORTED_MODULE = /^[ \t]*(?:from[ \t]+([.\w]+)[ \t]+import|import[ \t]+([\w.]+))/gm;
/** The modules of one file looked into: a settings module is among the first few imports. */
const MAX_MODULES_PROBED = 16;

/** Whether a project module's text names OpenRouter, by path and the file's modification time and size. */
const namesOpenRouter = new FileVersionCache<boolean>(1024);

function moduleNamesOpenRouter(file: string, root: string): boolean {
  return namesOpenRouter.get(
    file,
    () => {
      const read = readRegularFile(file, root, MAX_MODULE_BYTES);
      return 'text' in read && OPENROUTER_NAME.test(read.text);
    },
    false,
  );
}

/**
 * The answer per folder and import: the files of a folder import the same few modules, so an audit asks
 * the file system once per folder; answers expire, so an editor sees a module edited since.
 */
const importAnswers = new ExpiringCache<string, boolean>(5_000, 4_096);

/** A file importing a client and a module of its project that names OpenRouter (`from config import LLM_API_URL`). */
function importsOpenRouterModule(text: string, file: string): boolean {
  if (!CLIENT_IMPORT.test(text)) return false;
  const folder = path.dirname(path.resolve(file));
  const now = Date.now();
  let root: string | null = null;
  let probed = 0;
  for (const match of text.matchAll(IMPORTED_MODULE)) {
    if (++probed > MAX_MODULES_PROBED) return false;
    const module = (match[1] ?? match[2])!;
    const key = `${folder}\0${module}`;
    let names = importAnswers.get(key, now);
    if (names === undefined) {
      root ??= projectRoot(file);
      const found = moduleFile(file, module, root, true);
      names = !!found && moduleNamesOpenRouter(found, root);
      importAnswers.set(key, names, now);
    }
    if (names) return true;
  }
  return false;
}

/** Whether a Python file may hold a site; with its path, the modules of the project it imports are looked into. */
export function mayHoldPythonSite(text: string, file: string | null = null): boolean {
  return MAY_HOLD_SITE.test(text) || (file !== null && importsOpenRouterModule(text, file));
}
