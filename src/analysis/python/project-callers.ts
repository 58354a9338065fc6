/**
 * Whether the calls of a project's class or function, anywhere in the project, may pass certain
 * keywords: what `**kwargs` forwarded from `def __init__(self, ..., **kwargs)` to a client can carry is
 * what those calls give. The project's Python files are listed once per root (bounded), a file is parsed
 * only when its text names the callable, and nothing is executed. Whatever the walk cannot finish, or a
 * use it cannot read (`**options` at a call, a subclass, a file too large), answers "may"; a use as a value
 * (a registry of provider classes) answers "may" unless no file of the project spells any attribution.
 */
import type { SyntaxNode } from '@lezer/common';
import { HEADER_NAMES } from '../domain/attribution-headers.js';
import { ExpiringCache } from '../project-files/expiring-cache.js';
import { readRegularFile } from '../project-files/read-regular-file.js';
import type { PythonModule } from './module-files.js';
import { calledAt, nameNodes } from './name-nodes.js';
import { modulesNaming, projectFileText, projectListing, pythonFiles, type ReadText } from './project-texts.js';
import { PYTHON_ROWS } from './rows.js';
import type { KeyWrite } from './scopes.js';
import { callArguments, childNamed, meaningfulChildren } from './tree.js';

const answers = new ExpiringCache<string, boolean>(30_000, 256);

/** What a module does with `name`: calls that may pass the keywords, and uses of it as a value. */
interface Uses {
  readonly mayPass: boolean;
  readonly asValue: boolean;
}

/** Functions a `**kwargs` chain is followed through (`def a(**kw): b(**kw)` then `def b(**kw): create(**kw)`). */
const MAX_FORWARDING_DEPTH = 3;

/**
 * One module's uses of `name`: a call passing one of `keywords` or a `**dict`, or a class built on it,
 * may pass them; a use of it as a value (`[Provider, Other]`, `Provider.from_env`) leads to calls the
 * module does not show. Imports, annotations and its own definition are neither. In its own class body,
 * `cls(...)` calls are its calls too. A `**kwargs` that forwards the `**` parameter of the function around
 * the call passes what that function's own callers give (`forwarded`).
 */
function usesIn(module: PythonModule, name: string, keywords: ReadonlySet<string>, forwarded: (callable: string) => boolean): Uses {
  const text = module.index.parse.text;
  let asValue = false;
  const passes = (call: SyntaxNode): boolean => {
    const args = callArguments(text, call);
    if ([...args.keywords.keys()].some((keyword) => keywords.has(keyword))) return true;
    return args.doubleStarred.some((spread) => {
      const callable = forwardedCallable(module, spread, keywords);
      return callable === null || forwarded(callable);
    });
  };
  for (const node of [...nameNodes(module.index, name), ...nameNodes(module.index, 'cls')]) {
    // The callee `name`, `x.name` (any object's: this search does not tell them apart), or `cls` in the class's body.
    const call = calledAt(node);
    if (!call) continue;
    const isCls = text.slice(node.from, node.to) === 'cls';
    if ((!isCls || (node.name === 'VariableName' && insideClass(text, call, name))) && passes(call)) return { mayPass: true, asValue };
  }
  for (const node of nameNodes(module.index, name)) {
    if (node.name !== 'VariableName') continue;
    const parent = node.parent;
    if (!parent) continue;
    if (parent.name === 'CallExpression' && parent.firstChild?.from === node.from) continue;
    if (parent.name === 'ImportStatement' || parent.name === 'TypeDef') continue;
    if ((parent.name === 'ClassDefinition' || parent.name === 'FunctionDefinition') && childNamed(parent, 'VariableName')?.from === node.from) continue;
    // A class built on it: its constructions are the subclass's, not followed.
    if (parent.name === 'ArgList' && parent.parent?.name === 'ClassDefinition') return { mayPass: true, asValue };
    asValue = true;
  }
  return { mayPass: false, asValue };
}

/**
 * Whether the module's key writes into `name` add none of `keywords`: `kwargs["stream"] = False` adds a keyword
 * that is none of these; any other write may add one. Writes are indexed by name, in any function.
 */
export function writesAddNone(module: PythonModule, name: string, keywords: ReadonlySet<string>): boolean {
  const text = module.index.parse.text;
  return (module.index.keyWrites.get(name) ?? []).every((write: KeyWrite) => {
    const key = write.kind === 'set' && write.key ? /^(['"])([\w-]*)\1$/.exec(text.slice(write.key.from, write.key.to)) : null;
    return !!key && !keywords.has(key[2]!);
  });
}

/**
 * The name callers call the function around a call's `**spread` by (its class, for `__init__`), when
 * `spread` is that function's own `**` parameter, which the module gives none of `keywords`; else null.
 */
export function forwardedCallable(module: PythonModule, spread: SyntaxNode, keywords: ReadonlySet<string>): string | null {
  const text = module.index.parse.text;
  if (spread.name !== 'VariableName') return null;
  const name = text.slice(spread.from, spread.to);
  if (!writesAddNone(module, name, keywords)) return null;
  let fn: SyntaxNode | null = spread.parent;
  while (fn && fn.name !== 'FunctionDefinition') fn = fn.parent;
  const params = fn ? childNamed(fn, 'ParamList') : null;
  let forwards = false;
  for (let child = params?.firstChild ?? null; child; child = child.nextSibling) {
    if (child.name === '**' && child.nextSibling?.name === 'VariableName' && text.slice(child.nextSibling.from, child.nextSibling.to) === name) forwards = true;
  }
  const fnName = forwards && fn ? childNamed(fn, 'VariableName') : null;
  if (!fnName) return null;
  // The class a method is defined in (past its decorators), or the function a nested function is.
  let owner = fn!.parent;
  while (owner && owner.name !== 'ClassDefinition' && owner.name !== 'FunctionDefinition') owner = owner.parent;
  // A method other than `__init__` is called on instances and classes this search does not tell apart.
  if (text.slice(fnName.from, fnName.to) !== '__init__') return owner?.name === 'ClassDefinition' ? null : text.slice(fnName.from, fnName.to);
  const className = owner?.name === 'ClassDefinition' ? childNamed(owner, 'VariableName') : null;
  return className ? text.slice(className.from, className.to) : null;
}

/** Whether `node` lies in the body of `class name`, where `cls(...)` builds that class (or a subclass). */
export function insideClass(text: string, node: SyntaxNode, name: string): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.name !== 'ClassDefinition') continue;
    const id = childNamed(current, 'VariableName');
    if (id && text.slice(id.from, id.to) === name) return true;
  }
  return false;
}

/**
 * Whether some call of `name` in the project (the linted module included) may pass one of `keywords`;
 * true when the project cannot be searched whole.
 */
export function projectCallsMayPass(linted: PythonModule, root: string | null, name: string, keywords: ReadonlySet<string>, now = Date.now(), followed: readonly string[] = []): boolean {
  // A chain past its bound, or one that comes back to a function already asked about, may pass anything.
  const forwarded = (callable: string) =>
    followed.length >= MAX_FORWARDING_DEPTH || followed.includes(callable) || callable === name || projectCallsMayPass(linted, root, callable, keywords, now, [...followed, name]);
  const own = usesIn(linted, name, keywords, forwarded);
  if (own.mayPass || !linted.file || !root) return true;
  const key = `${root}\0${name}\0${[...keywords].sort().join(',')}\0${own.asValue}`;
  const cached = answers.get(key, now);
  if (cached !== undefined) return cached;
  const answer = search(linted, root, name, keywords, own.asValue, now, forwarded);
  answers.set(key, answer, now);
  return answer;
}

function search(linted: PythonModule, root: string, name: string, keywords: ReadonlySet<string>, asValue: boolean, now: number, forwarded: (callable: string) => boolean): boolean {
  const files = pythonFiles(root, now);
  if (!files) return true;
  for (const module of modulesNaming(linted, root, files, name, now)) {
    if (module === 'unknown') return true;
    const uses = usesIn(module, name, keywords, forwarded);
    if (uses.mayPass) return true;
    asValue ||= uses.asValue;
  }
  // Used as a value, it is built where this search cannot follow: only a project that spells no attribution anywhere passes none.
  return asValue && projectSpells(linted, root, attributionOrKeywords(keywords), now);
}

/**
 * What a project's files are searched for, in its Python code and in its data (JSON, YAML, TOML, notebooks).
 * Data is searched for any mention; code, where a keyword can be told from a variable, for its uses as one.
 */
export interface Spelling {
  readonly code: RegExp;
  readonly data: RegExp;
}

/**
 * Attribution as code or data must spell it: an attribution header's name, or a keyword by which some client
 * takes a referer, title or categories (`http_referer`, `app_url`). Headers a project never names cannot
 * reach a request, however many `**kwargs` they would pass through.
 */
const ATTRIBUTION_NAMES = [
  ...Object.values(HEADER_NAMES).flat().map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  ...new Set(PYTHON_ROWS.flatMap((row) => Object.values(row.options).flat().map((keyword) => `\\b${keyword.split('.')[0]}\\b`))),
  '\\bOR_(?:SITE_URL|APP_NAME)\\b',
].join('|');

const keywordSpellings = new Map<string, Spelling>();

/**
 * Attribution spelled, or one of `keywords` (`extra_headers`, `default_headers`) by which a client takes headers:
 * in code, passed as a keyword (`(…, extra_headers=`) or written as a key (`"extra_headers"`), not a variable of
 * that name (`http_client = httpx.Client()`); in data, anywhere.
 */
export function attributionOrKeywords(keywords: ReadonlySet<string>): Spelling {
  // Plain `headers`, which HTTP code everywhere passes, says nothing: attribution in it spells a header's name.
  const names = [...keywords].filter((keyword) => keyword !== 'headers' && /^\w+$/.test(keyword)).sort().join('|');
  let spelling = keywordSpellings.get(names);
  if (!spelling) {
    const code = names ? `|[(,]\\s*(?:${names})\\s*=(?!=)|['"](?:${names})['"]` : '';
    const data = names ? `|\\b(?:${names})\\b` : '';
    spelling = { code: new RegExp(`${ATTRIBUTION_NAMES}${code}`, 'i'), data: new RegExp(`${ATTRIBUTION_NAMES}${data}`, 'i') };
    keywordSpellings.set(names, spelling);
  }
  return spelling;
}

/** Attribution spelled, or a `post` method of the project's own that a handed session may be. */
const SESSION_ATTRIBUTION: Spelling = { code: new RegExp(`${ATTRIBUTION_NAMES}|\\bdef\\s+post\\s*\\(`, 'i'), data: new RegExp(ATTRIBUTION_NAMES, 'i') };

/**
 * Bytes of a data file or notebook read to see what it spells, and of all of them; past either, they may spell
 * anything. Read once per project (the answer is kept), and not kept: the module texts' cache is for searches.
 */
const MAX_SPELLING_BYTES = 2 * 1024 * 1024;
const MAX_SPELLING_TOTAL_BYTES = 8 * 1024 * 1024;
const spellings = new ExpiringCache<string, boolean>(30_000, 64);

/**
 * Whether some file of the project spells `spelling`: the linted module, the project's Python files, its data
 * files and notebooks. True when the project cannot be read whole (too many files, one too large or unreadable).
 */
export function projectSpells(linted: PythonModule, root: string | null, spelling: Spelling, now = Date.now()): boolean {
  if (lintedSpells(linted, spelling)) return true;
  if (!root) return true;
  const key = `${root}\0${spelling.code.source}`;
  const cached = spellings.get(key, now);
  if (cached !== undefined) return cached;
  const listing = projectListing(root, now);
  let dataBytes = 0;
  const spells = (read: ReadText, test: (text: string) => boolean): boolean => 'error' in read || ('text' in read && test(read.text));
  const dataSpells = (file: string): boolean => {
    const read = readRegularFile(file, root, MAX_SPELLING_BYTES);
    if ('text' in read && (dataBytes += read.text.length) > MAX_SPELLING_TOTAL_BYTES) return true;
    return spells(read, (text) => spelling.data.test(text));
  };
  const answer =
    !listing ||
    listing.python.some((file) => spells(projectFileText(root, file, now), (text) => spelledInCode(text, spelling.code))) ||
    listing.other.some(dataSpells);
  spellings.set(key, answer, now);
  return answer;
}

/** What the linted module's own text spells, per spelling: asked at each of its calls that spread `**`. */
const lintedSpellings = new WeakMap<PythonModule, Map<Spelling, boolean>>();

function lintedSpells(linted: PythonModule, spelling: Spelling): boolean {
  let answers = lintedSpellings.get(linted);
  if (!answers) lintedSpellings.set(linted, (answers = new Map()));
  let answer = answers.get(spelling);
  if (answer === undefined) answers.set(spelling, (answer = spelledInCode(linted.index.parse.text, spelling.code)));
  return answer;
}

/** Whether Python code spells `pattern` outside whole-line comments (a commented-out `# default_headers={...}` sends nothing). */
function spelledInCode(text: string, pattern: RegExp): boolean {
  const global = new RegExp(pattern.source, 'gi');
  for (let match = global.exec(text); match; match = global.exec(text)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    if (!/^[ \t]*#/.test(text.slice(lineStart, match.index + 1))) return true;
    // On to the next line: the rest of this one is the comment.
    const lineEnd = text.indexOf('\n', match.index);
    if (lineEnd === -1) return false;
    global.lastIndex = lineEnd + 1;
  }
  return false;
}

/**
 * Whether a session handed to a function may carry attribution of its own: some file of the project spells
 * attribution or defines a `post` of its own; true when the project cannot be read whole.
 */
export function projectMayAttributeSessions(linted: PythonModule, root: string | null, now = Date.now()): boolean {
  return projectSpells(linted, root, SESSION_ATTRIBUTION, now);
}
