/**
 * The nearest package.json, and writing one top-level field into it as its author formatted it: only
 * that field's text changes (replaced where it is, else added last), written with the file's own
 * indentation (spaces or tabs, detected) and line endings; the rest of the file, its final newline
 * included, is left byte for byte. Only a regular file is written (never through a symlink).
 */
import { existsSync, lstatSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class PackageJsonError extends Error {}

/** The package.json of `start` or of the nearest folder above it, up to the repository root (a folder holding `.git`). */
export function nearestPackageJson(start: string): string | null {
  for (let directory = path.resolve(start); ; directory = path.dirname(directory)) {
    const file = path.join(directory, 'package.json');
    if (existsSync(file)) return file;
    if (existsSync(path.join(directory, '.git')) || path.dirname(directory) === directory) return null;
  }
}

export interface PackageJson {
  readonly file: string;
  /** The text as read (a byte order mark left out). */
  readonly text: string;
  readonly fields: Record<string, unknown>;
}

export function readPackageJson(file: string): PackageJson {
  const stat = lstatSync(file);
  if (!stat.isFile()) throw new PackageJsonError(`${file} is not a regular file; write the "openrouter" field by hand`);
  const raw = readFileSync(file, 'utf8');
  // npm and Node accept a UTF-8 byte order mark.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch {
    throw new PackageJsonError(`${file} is not valid JSON; fix it first`);
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new PackageJsonError(`${file} does not hold a JSON object`);
  return { file, text, fields: fields as Record<string, unknown> };
}

/** The indentation of the first indented line (npm writes two spaces; some projects tabs or four). */
function detectIndent(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

interface Entry {
  readonly key: string;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** Where each top-level value lies in a text JSON.parse accepted, and where its object closes. */
function topLevelEntries(text: string): { entries: Entry[]; close: number } {
  const entries: Entry[] = [];
  let state: 'key' | 'colon' | 'valueStart' | 'value' = 'key';
  let key = '';
  let valueStart = -1;
  let lastSolid = -1;
  let nesting = 0;
  for (let index = text.indexOf('{') + 1; index < text.length; index++) {
    const char = text[index]!;
    if (/\s/.test(char)) continue;
    if (char === '"') {
      const start = index;
      for (index++; text[index] !== '"'; index++) if (text[index] === '\\') index++;
      if (state === 'key') {
        key = JSON.parse(text.slice(start, index + 1)) as string;
        state = 'colon';
      } else if (state === 'valueStart') {
        valueStart = start;
        state = 'value';
      }
      lastSolid = index;
      continue;
    }
    if (state === 'colon') {
      state = 'valueStart';
      continue;
    }
    if (state === 'valueStart') {
      valueStart = index;
      state = 'value';
    }
    if (state === 'value' && nesting === 0 && (char === ',' || char === '}')) {
      entries.push({ key, valueStart, valueEnd: lastSolid + 1 });
      state = 'key';
      if (char === '}') return { entries, close: index };
      continue;
    }
    if (state === 'key' && char === '}') return { entries, close: index };
    if (char === '{' || char === '[') nesting++;
    else if (char === '}' || char === ']') nesting--;
    lastSolid = index;
  }
  return { entries, close: text.lastIndexOf('}') };
}

/** Writes `value` as the top-level field `key`: replaced where it is, else added after the last field. */
export function writeField(pkg: PackageJson, key: string, value: unknown): string {
  const { text } = pkg;
  const indent = detectIndent(text);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  // Nested one level: every line after the first carries the field's own indentation.
  const json = JSON.stringify(value, null, indent).split('\n').join(`${newline}${indent}`);
  const { entries, close } = topLevelEntries(text);
  const existing = entries.find((entry) => entry.key === key);
  let written: string;
  if (existing) written = text.slice(0, existing.valueStart) + json + text.slice(existing.valueEnd);
  else if (entries.length > 0) {
    const last = entries.at(-1)!;
    written = `${text.slice(0, last.valueEnd)},${newline}${indent}${JSON.stringify(key)}: ${json}${text.slice(last.valueEnd)}`;
  } else written = `${text.slice(0, close).trimEnd()}${newline}${indent}${JSON.stringify(key)}: ${json}${newline}${text.slice(close)}`;
  const temporary = path.join(path.dirname(pkg.file), `.package.json.${process.pid}.tmp`);
  writeFileSync(temporary, written, { mode: lstatSync(pkg.file).mode & 0o777 });
  renameSync(temporary, pkg.file);
  return written;
}
