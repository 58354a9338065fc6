/**
 * JSON and YAML files a Python program loads (`json.load(open("config.json"))`, `yaml.safe_load(f)`), read as data:
 * a file of the project, at most 256 KiB, parsed (never executed: YAML with its JSON schema, so no tag builds an
 * object) and written back as a Python literal, `DATA = {...}`, which the values then read as any dict literal.
 */
import path from 'node:path';
import { load as loadYaml, JSON_SCHEMA } from 'js-yaml';
import { FileVersionCache } from '../project-files/file-version-cache.js';
import { readRegularFile } from '../project-files/read-regular-file.js';
import { isWithin } from '../project-files/within-root.js';
import type { PythonModule } from './module-files.js';
import { parsePython } from './parse.js';
import { indexModule } from './scopes.js';

export const MAX_DATA_BYTES = 256 * 1024;
/** Values written per file and their nesting: past either, the file is not read. */
const MAX_DATA_VALUES = 10_000;
const MAX_DATA_DEPTH = 32;

export type DataFormat = 'json' | 'yaml';

const cache = new FileVersionCache<PythonModule | null>(16);

/** A value as a Python literal, or null past the bounds (or for a value JSON cannot hold). */
function pythonLiteral(value: unknown, depth: number, count: { values: number }): string | null {
  if (++count.values > MAX_DATA_VALUES || depth > MAX_DATA_DEPTH) return null;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  // JSON's string escapes are Python's too.
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => pythonLiteral(item, depth + 1, count));
    return items.includes(null) ? null : `[${items.join(', ')}]`;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => {
      const literal = pythonLiteral(item, depth + 1, count);
      return literal === null ? null : `${JSON.stringify(key)}: ${literal}`;
    });
    return entries.includes(null) ? null : `{${entries.join(', ')}}`;
  }
  return value instanceof Date ? JSON.stringify(value.toISOString()) : null;
}

/** The data file a program at `fromFile` names by `name` (relative to the project root, where it runs, or to its own folder). */
export function dataFile(name: string, fromFile: string, root: string): string | null {
  if (path.isAbsolute(name) || !/\.(?:json|ya?ml)$/i.test(name)) return null;
  for (const base of [root, path.dirname(path.resolve(fromFile))]) {
    const file = path.resolve(base, name);
    if (isWithin(file, root)) return file;
  }
  return null;
}

/** The module `DATA = <the file's value>` for a data file of the project, or null when it cannot be read or parsed. */
export function loadDataModule(file: string, root: string, format: DataFormat): PythonModule | null {
  return cache.get(
    file,
    () => {
      const read = readRegularFile(file, root, MAX_DATA_BYTES);
      if (!('text' in read)) return null;
      let value: unknown;
      try {
        value = format === 'json' ? JSON.parse(read.text) : loadYaml(read.text, { schema: JSON_SCHEMA });
      } catch {
        return null;
      }
      const literal = pythonLiteral(value, 0, { values: 0 });
      return literal === null ? null : { index: indexModule(parsePython(`DATA = ${literal}\n`)), file };
    },
    null,
    `${format}:${file}`,
  );
}
