/**
 * The `"openrouter"` field of the nearest package.json above a file, cached per directory for a
 * few seconds (editors see edits) and bounded in size (long CI runs do not grow without end).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const CACHE_TTL_MS = 5_000;
const CACHE_MAX_ENTRIES = 2_000;

/** A map whose entries expire, bounded in size (oldest entries go first). */
export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}
  get(key: K, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }
  set(key: K, value: V, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
  }
  get size(): number {
    return this.entries.size;
  }
  clear(): void {
    this.entries.clear();
  }
}

/** What one package.json holds for us: its `"openrouter"` field, or why it could not be read. */
interface PackageFile {
  readonly file: string;
  readonly field: unknown;
  readonly error: string | null;
}

/**
 * The package identity for a directory: the `"openrouter"` field of the nearest package.json that
 * has one. A malformed package.json on the way ends the search: its package's identity is unknown,
 * and borrowing an outer package's identity would credit its traffic to another app.
 */
export interface PackageLookup {
  readonly file: string | null;
  readonly field: unknown;
  readonly error: string | null;
}

const NONE: PackageLookup = { file: null, field: undefined, error: null };
const fileCache = new ExpiringCache<string, PackageFile | null>(CACHE_TTL_MS, CACHE_MAX_ENTRIES);
const directoryCache = new ExpiringCache<string, PackageLookup>(CACHE_TTL_MS, CACHE_MAX_ENTRIES);

function readPackage(file: string, now: number): PackageFile | null {
  const cached = fileCache.get(file, now);
  if (cached !== undefined) return cached;
  let result: PackageFile | null;
  try {
    const text = readFileSync(file, 'utf8');
    try {
      const json: unknown = JSON.parse(text);
      const field = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).openrouter : undefined;
      result = { file, field, error: null };
    } catch (error) {
      result = { file, field: undefined, error: `${file}: is not valid JSON (${(error as Error).message}); no attribution is read for this package` };
    }
  } catch {
    result = null;
  }
  fileCache.set(file, result, now);
  return result;
}

export function lookupPackageIdentity(directory: string, now = Date.now()): PackageLookup {
  const cached = directoryCache.get(directory, now);
  if (cached) return cached;
  const pkg = readPackage(path.join(directory, 'package.json'), now);
  const parent = path.dirname(directory);
  let result: PackageLookup;
  if (pkg?.error) result = { file: pkg.file, field: undefined, error: pkg.error };
  else if (pkg?.field !== undefined) result = { file: pkg.file, field: pkg.field, error: null };
  else result = parent === directory ? NONE : lookupPackageIdentity(parent, now);
  directoryCache.set(directory, result, now);
  return result;
}

/** Drops cached package.json reads (tests; editors rely on the expiry). */
export function clearPackageCache(): void {
  fileCache.clear();
  directoryCache.clear();
}

export function packageCacheSize(): number {
  return fileCache.size + directoryCache.size;
}
