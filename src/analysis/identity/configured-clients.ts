/**
 * The project's own clients (`clients` in settings.openrouter or the package.json field): each
 * entry validated and turned into a row of the client table, and the table a file is analysed
 * with (the built-in rows, then the project's). Config may come from a repository nobody here
 * wrote: sizes are bounded, only own keys are read, and a client with any problem is dropped whole
 * (a half-read wrapper could report attributed calls).
 */
import { CLIENTS, CLIENT_MODULES, type ClientRow } from '../clients/rows.js';
import { ATTRIBUTION_FIELDS, type AttributionField } from '../domain/attribution-headers.js';
import { describeValue as describe } from '../text/quote.js';
import { closest } from '../text/edit-distance.js';
import { CLIENT_KEYS, type ConfiguredClient } from './settings.js';

export const MAX_CLIENTS = 64;
const MAX_TEXT_LENGTH = 200;
const MAX_NAMES = 8;
const MAX_ARGUMENT = 9;
const MAX_UNKNOWN_KEYS_NAMED = 5;
const CALLS = ['new', 'call'] as const;
const GATES = ['always', 'when-base-url'] as const;
const CATEGORIES_FORMS = ['comma-string', 'array'] as const;
const EXAMPLE = '{ "module": "@acme/llm", "export": "createLlm", "call": "call", "options": { "referer": "siteUrl", "title": "siteName" } }';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Names that reach an object's prototype rather than an option. */
const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
/** A package with an optional subpath, or a path alias (`@/`, `~/`, `#`): never relative, never `..`. */
const MODULE_NAME = /^(?:@[\w.~-]+\/|@\/|~\/|#)?[\w.~-]+(?:\/[\w.~-]+)*$/;

/** Reads an own property only: a config object's prototype is nobody's setting. */
function own(object: object, key: string): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names the unknown keys of an object with did-you-mean; true when there were none. */
function checkKeys(object: object, known: readonly string[], where: string, problems: string[]): boolean {
  const unknown = Object.keys(object).filter((key) => !known.includes(key));
  for (const key of unknown.slice(0, MAX_UNKNOWN_KEYS_NAMED)) {
    const hint = key.length <= MAX_TEXT_LENGTH ? closest(key, known, Math.max(2, Math.floor(key.length / 3))) : null;
    const shown = IDENTIFIER.test(key) && key.length <= 40 ? `.${key}` : `[${describe(key)}]`;
    problems.push(`${where}${shown}: unknown key${hint ? ` (did you mean "${hint}"?)` : ''}; known keys: ${known.join(', ')}`);
  }
  if (unknown.length > MAX_UNKNOWN_KEYS_NAMED) problems.push(`${where}: ${unknown.length - MAX_UNKNOWN_KEYS_NAMED} more unknown keys`);
  return unknown.length === 0;
}

/** A string among `allowed`, with did-you-mean for a near miss. */
function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string, problems: string[]): T | null {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const hint = typeof value === 'string' && value.length <= MAX_TEXT_LENGTH ? closest(value, allowed, 2) : null;
  problems.push(`${where}: must be ${allowed.map((item) => `"${item}"`).join(' or ')}, got ${describe(value)}${hint ? ` (did you mean "${hint}"?)` : ''}`);
  return null;
}

/** A bounded string that matches `pattern`, else a problem saying what it should be. */
function text(value: unknown, pattern: RegExp, expected: string, where: string, problems: string[]): string | null {
  if (typeof value !== 'string') problems.push(`${where}: must be ${expected}, got ${describe(value)}`);
  else if (value.length > MAX_TEXT_LENGTH) problems.push(`${where}: is ${value.length} characters long; at most ${MAX_TEXT_LENGTH} are allowed`);
  else if (!pattern.test(value)) problems.push(`${where}: ${describe(value)} is not ${expected}`);
  else return value;
  return null;
}

/** An option name, or a dotted path where `nested`; never a name that reaches a prototype. */
function optionPath(value: unknown, nested: boolean, where: string, problems: string[]): string | null {
  const expected = nested ? 'an option name such as "headers", dotted when nested ("config.headers")' : 'an option name such as "siteUrl"';
  const path = text(value, nested ? /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/ : IDENTIFIER, expected, where, problems);
  if (path === null) return null;
  const reserved = path.split('.').find((segment) => PROTOTYPE_NAMES.has(segment));
  if (reserved === undefined) return path;
  problems.push(`${where}: "${reserved}" names an object's prototype, not an option`);
  return null;
}

/** One option path or a non-empty list of them. */
function optionPaths(value: unknown, nested: boolean, where: string, problems: string[]): string[] | null {
  if (!Array.isArray(value)) {
    const path = optionPath(value, nested, where, problems);
    return path === null ? null : [path];
  }
  if (value.length === 0 || value.length > MAX_NAMES) {
    problems.push(`${where}: must list 1 to ${MAX_NAMES} option names, got ${value.length}`);
    return null;
  }
  const paths = value.map((item, index) => optionPath(item, nested, `${where}[${index}]`, problems));
  return paths.every((path) => path !== null) ? (paths as string[]) : null;
}

function readModule(value: unknown, where: string, problems: string[]): string | null {
  if (typeof value === 'string' && (value.startsWith('.') || value.startsWith('/'))) {
    problems.push(`${where}: ${describe(value)} is a file path, which names a different file from each folder; use the package name or a path alias such as "@/lib/llm"`);
    return null;
  }
  const expected = 'a package name such as "@acme/llm" or a path alias such as "@/lib/llm"';
  const module = text(value, MODULE_NAME, expected, where, problems);
  if (module === null || !module.split('/').some((segment) => /^\.+$/.test(segment))) return module;
  problems.push(`${where}: ${describe(module)} is not ${expected}`);
  return null;
}

function readAttributionOptions(value: unknown, where: string, problems: string[]): ClientRow['options'] | null {
  if (!isPlainObject(value)) {
    problems.push(`${where}: must be an object like { "referer": "siteUrl", "title": "siteName" }, got ${describe(value)}`);
    return null;
  }
  if (!checkKeys(value, ATTRIBUTION_FIELDS, where, problems)) return null;
  const options: Partial<Record<AttributionField, readonly string[]>> = {};
  let valid = true;
  for (const field of ATTRIBUTION_FIELDS) {
    const given = own(value, field);
    if (given === undefined) continue;
    // A fix writes the option at the top of the options object: nested names are for headers and base URLs.
    const names = optionPaths(given, false, `${where}.${field}`, problems);
    if (names) options[field] = names;
    else valid = false;
  }
  return valid ? options : null;
}

/** One entry as a row, or null (with its problems pushed) when anything about it is wrong. */
function readClient(value: unknown, where: string, problems: string[]): ClientRow | null {
  if (!isPlainObject(value)) {
    problems.push(`${where}: must be an object like ${EXAMPLE}, got ${describe(value)}`);
    return null;
  }
  const before = problems.length;
  checkKeys(value, CLIENT_KEYS, where, problems);
  const module = readModule(own(value, 'module'), `${where}.module`, problems);
  const exportName = text(own(value, 'export'), IDENTIFIER, 'an export name such as "createLlm", or "default"', `${where}.export`, problems);
  const call = oneOf(own(value, 'call'), CALLS, `${where}.call`, problems);
  const given = (key: keyof ConfiguredClient): unknown => own(value, key);
  let argument = 0;
  if (given('argument') !== undefined) {
    const raw = given('argument');
    if (Number.isInteger(raw) && (raw as number) >= 0 && (raw as number) <= MAX_ARGUMENT) argument = raw as number;
    else problems.push(`${where}.argument: must be a whole number from 0 to ${MAX_ARGUMENT}, got ${describe(raw)}`);
  }
  const options = given('options') === undefined ? {} : readAttributionOptions(given('options'), `${where}.options`, problems);
  const headers = given('headers') === undefined ? null : optionPath(given('headers'), true, `${where}.headers`, problems);
  const baseUrl = given('baseUrl') === undefined ? [] : optionPaths(given('baseUrl'), true, `${where}.baseUrl`, problems);
  const gate = given('openRouter') === undefined ? 'always' : oneOf(given('openRouter'), GATES, `${where}.openRouter`, problems);
  const form = given('categoriesForm') === undefined ? 'comma-string' : oneOf(given('categoriesForm'), CATEGORIES_FORMS, `${where}.categoriesForm`, problems);
  if (gate === 'when-base-url' && baseUrl?.length === 0) problems.push(`${where}.openRouter: "when-base-url" needs "baseUrl", the options that hold the base URL`);
  // A field with no place would be certainly absent at every call: a wrapper that sets it itself is no finding.
  for (const field of ['referer', 'title'] as const) {
    if (options && !options[field] && given('headers') === undefined) problems.push(`${where}: names no place for the ${field}; give "options.${field}" or "headers"`);
  }
  if (problems.length > before || !module || !exportName || !call || !options || !baseUrl || !gate || !form) return null;
  return {
    id: `configured:${module}#${exportName}`,
    label: module,
    sources: [{ module, exports: [exportName] }],
    call,
    gate: gate === 'always' ? { kind: 'always', ...(baseUrl.length > 0 ? { unlessBaseUrl: baseUrl } : {}) } : { kind: 'baseUrl', options: baseUrl },
    optionsArgument: argument,
    options,
    headersOption: headers,
    ignoredOptions: [],
    apiKeyOptions: [],
    categoriesForm: form,
  };
}

/** Which export of which module a row is, for duplicates. */
function exportKey(module: string, exportName: string): string {
  return `${module}\0${exportName}`;
}

const BUILT_IN_EXPORTS = new Map(
  CLIENTS.flatMap((row) => row.sources.flatMap((source) => ('module' in source ? source.exports.map((name) => [exportKey(source.module, name), row.label] as const) : []))),
);

/** The rows of a `clients` value; `where` names it in messages (`settings.openrouter.clients`). */
export function readConfiguredClients(value: unknown, where: string, problems: string[]): ClientRow[] {
  if (!Array.isArray(value)) {
    problems.push(`${where}: must be an array of clients like [${EXAMPLE}], got ${describe(value)}`);
    return [];
  }
  if (value.length > MAX_CLIENTS) problems.push(`${where}: ${value.length} clients given; at most ${MAX_CLIENTS} are read, the rest are dropped`);
  const rows: ClientRow[] = [];
  const seen = new Set<string>();
  value.slice(0, MAX_CLIENTS).forEach((entry: unknown, index) => {
    const row = readClient(entry, `${where}[${index}]`, problems);
    if (!row) return;
    const source = row.sources[0] as { module: string; exports: readonly string[] };
    const key = exportKey(source.module, source.exports[0]!);
    const builtIn = BUILT_IN_EXPORTS.get(key);
    if (builtIn !== undefined) problems.push(`${where}[${index}]: ${describe(source.module)} export "${source.exports[0]}" is a built-in client (${builtIn}); it needs no entry`);
    else if (seen.has(key)) problems.push(`${where}[${index}]: ${describe(source.module)} export "${source.exports[0]}" is listed twice`);
    else {
      seen.add(key);
      rows.push(row);
    }
  });
  return rows;
}
