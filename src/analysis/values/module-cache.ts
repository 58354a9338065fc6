/**
 * The parsed modules of the project kept between lints (imported-values.ts), by path, each valid for
 * one version of its file (size and modification time). Least recently used first out, bounded by an
 * estimate of the memory the parsed modules hold rather than by their number: a project whose modules
 * fit is parsed once per process whatever the order its files are linted in, so what it costs grows
 * with the project, not with its files times its imports (a count bound re-parsed every module on
 * every file once a project imported more modules than it held).
 */

/** What a parsed module holds per byte of its text: tree, scopes and what the analysis caches on them (about 40 measured on TypeScript sources, with room for denser text). */
const MEMORY_PER_TEXT_BYTE = 64;
/** What any entry holds besides its text's share (the entry, its key, a module's small tables): also what an unparsed one costs. */
const MEMORY_PER_ENTRY = 4 * 1024;
/** The estimated memory all kept modules may hold; past it the least recently used are dropped. */
export const MAX_CACHED_MODULE_MEMORY = 384 * 1024 * 1024;

interface Entry<T> {
  readonly size: number;
  readonly mtimeMs: number;
  readonly value: T;
  readonly memory: number;
}

export class ModuleCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private memory = 0;

  constructor(private readonly maxMemory = MAX_CACHED_MODULE_MEMORY) {}

  /** The value kept for this version of the file, now the most recently used; undefined when none is. */
  get(file: string, size: number, mtimeMs: number): T | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.size !== size || entry.mtimeMs !== mtimeMs) return undefined;
    // A Map keeps insertion order: re-inserted, the entry is the last to be dropped.
    this.entries.delete(file);
    this.entries.set(file, entry);
    return entry.value;
  }

  /** Keeps `value` for this version of the file (`textBytes` of it parsed, 0 when it was not), dropping the least recently used past the bound. */
  set(file: string, size: number, mtimeMs: number, value: T, textBytes: number): void {
    this.delete(file);
    const entry = { size, mtimeMs, value, memory: MEMORY_PER_ENTRY + textBytes * MEMORY_PER_TEXT_BYTE };
    this.entries.set(file, entry);
    this.memory += entry.memory;
    for (const [oldest, kept] of this.entries) {
      if (this.memory <= this.maxMemory || oldest === file) break;
      this.delete(oldest, kept);
    }
  }

  /** The estimated memory of what is kept: for tests and the benchmark. */
  get estimatedMemory(): number {
    return this.memory;
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(file: string, entry = this.entries.get(file)): void {
    if (!entry) return;
    this.entries.delete(file);
    this.memory -= entry.memory;
  }
}
