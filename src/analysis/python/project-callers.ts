/**
 * Whether the calls of a project's class or function, anywhere in the project, may pass certain
 * keywords: what `**kwargs` forwarded from `def __init__(self, ..., **kwargs)` to a client can carry is
 * what those calls give. The project's Python files are listed once per root (bounded), a file is parsed
 * only when its text names the callable, and nothing is executed. Whatever the walk cannot finish, or a
 * use it cannot read (`**options` at a call, a subclass, a file too large), answers "may".
 */
import type { SyntaxNode } from '@lezer/common';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ExpiringCache } from '../project-files/expiring-cache.js';
import { readRegularFile } from '../project-files/read-regular-file.js';
import { isSkippedFolder } from '../project-files/skipped-folders.js';
import { loadModule, MAX_MODULE_BYTES, type PythonModule } from './module-files.js';
import { callArguments, childNamed, meaningfulChildren } from './tree.js';

/** Python files listed per project; a larger project is not searched (its callers may pass anything). */
const MAX_FILES = 2_000;
/** Files parsed per search: those whose text names the callable. */
const MAX_NAMING_FILES = 32;
/** Folders of installed packages and caches a Python project keeps beside its source. */
const PYTHON_SKIPPED = new Set(['__pycache__', 'site-packages', '.venv', 'venv', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.eggs']);

const listings = new ExpiringCache<string, readonly string[] | null>(30_000, 16);
const answers = new ExpiringCache<string, boolean>(30_000, 256);

/** The project's `.py` files, or null past the bound. */
function pythonFiles(root: string, now: number): readonly string[] | null {
  const cached = listings.get(root, now);
  if (cached !== undefined) return cached;
  const files: string[] = [];
  const folders = [root];
  let complete = true;
  for (let folder = folders.pop(); folder !== undefined && complete; folder = folders.pop()) {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    const besidePackageJson = entries.some((entry) => entry.name === 'package.json' && entry.isFile());
    for (const entry of entries) {
      if (entry.isDirectory() && !isSkippedFolder(entry.name, besidePackageJson) && !PYTHON_SKIPPED.has(entry.name)) folders.push(path.join(folder, entry.name));
      else if (entry.isFile() && entry.name.endsWith('.py')) {
        files.push(path.join(folder, entry.name));
        if (files.length > MAX_FILES) complete = false;
      }
    }
  }
  const result = complete ? files : null;
  listings.set(root, result, now);
  return result;
}

function lastName(text: string, callee: SyntaxNode): string | null {
  if (callee.name === 'VariableName') return text.slice(callee.from, callee.to);
  const property = callee.name === 'MemberExpression' ? callee.lastChild : null;
  return property?.name === 'PropertyName' ? text.slice(property.from, property.to) : null;
}

/** Whether one module's calls of `name` may pass one of `keywords`, or it builds a subclass of it. */
function modulePasses(module: PythonModule, name: string, keywords: ReadonlySet<string>): boolean {
  const text = module.index.parse.text;
  for (const { node: call } of module.index.calls) {
    const callee = call.firstChild;
    if (!callee || callee.name === 'ArgList' || lastName(text, callee) !== name) continue;
    const args = callArguments(text, call);
    if (args.doubleStarred.length > 0 || [...args.keywords.keys()].some((keyword) => keywords.has(keyword))) return true;
  }
  for (const scope of module.index.scopes.values()) {
    if (scope.kind !== 'class') continue;
    const bases = childNamed(scope.node, 'ArgList');
    if (bases && meaningfulChildren(bases).some((base) => lastName(text, base) === name)) return true;
  }
  return false;
}

/**
 * Whether some call of `name` in the project (the linted module included) may pass one of `keywords`;
 * true when the project cannot be searched whole.
 */
export function projectCallsMayPass(linted: PythonModule, root: string | null, name: string, keywords: ReadonlySet<string>, now = Date.now()): boolean {
  if (modulePasses(linted, name, keywords)) return true;
  if (!linted.file || !root) return true;
  const key = `${root}\0${name}\0${[...keywords].sort().join(',')}`;
  const cached = answers.get(key, now);
  if (cached !== undefined) return cached;
  const answer = search(linted.file, root, name, keywords, now);
  answers.set(key, answer, now);
  return answer;
}

function search(own: string, root: string, name: string, keywords: ReadonlySet<string>, now: number): boolean {
  const files = pythonFiles(root, now);
  if (!files) return true;
  const naming = new RegExp(`\\b${name.replace(/[^\w]/g, '')}\\b`);
  let parsed = 0;
  for (const file of files) {
    if (path.resolve(file) === path.resolve(own)) continue;
    const read = readRegularFile(file, root, MAX_MODULE_BYTES);
    if (!('text' in read)) {
      if ('error' in read) return true;
      continue;
    }
    if (!naming.test(read.text)) continue;
    if (++parsed > MAX_NAMING_FILES) return true;
    const module = loadModule(file, root);
    if (!module || modulePasses(module, name, keywords)) return true;
  }
  return false;
}
