/**
 * What is computed from a project file, kept by its path while its modification time and size stay the same,
 * least recently used out past a bound: a module edited since is read again, and a long run does not grow.
 */
import { statSync } from 'node:fs';

export class FileVersionCache<T> {
  private readonly entries = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly value: T }>();

  constructor(private readonly max: number) {}

  /** The value for the file as it is now, computed when it is new or changed; `missing` when it cannot be looked at. `key` tells apart values computed from one file. */
  get(file: string, compute: () => T, missing: T, key = file): T {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return missing;
    }
    const cached = this.entries.get(key);
    this.entries.delete(key);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      this.entries.set(key, cached);
      return cached.value;
    }
    const value = compute();
    this.entries.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, value });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
