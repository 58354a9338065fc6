/**
 * The cache of parsed modules: each file's version kept until its memory is needed, the least
 * recently used dropped first, so a project that fits is parsed once whatever order its files come in.
 */
import { describe, expect, it } from 'vitest';
import { ModuleCache } from '../src/analysis/values/module-cache.js';

const KIB = 1024;

describe('module cache', () => {
  it('gives a module back only for the version of the file it was read from', () => {
    const cache = new ModuleCache<string>();
    cache.set('/p/a.ts', 10, 1, 'a', 10);
    expect(cache.get('/p/a.ts', 10, 1)).toBe('a');
    expect(cache.get('/p/a.ts', 11, 1)).toBeUndefined();
    expect(cache.get('/p/a.ts', 10, 2)).toBeUndefined();
    // A file read and found unparsable is kept as such: not read again while unchanged.
    const unparsed = new ModuleCache<string | null>();
    unparsed.set('/p/b.ts', 10, 1, null, 0);
    expect(unparsed.get('/p/b.ts', 10, 1)).toBeNull();
  });

  it('drops the least recently used modules once their estimated memory passes the bound', () => {
    // Room for about three modules of 1 KiB of text (64 KiB each, with the entry's own 4 KiB).
    const cache = new ModuleCache<string>(3 * 68 * KIB);
    for (const name of ['a', 'b', 'c']) cache.set(`/p/${name}.ts`, KIB, 1, name, KIB);
    expect(cache.size).toBe(3);
    // Used again, `a` is the most recent: `b` goes first.
    expect(cache.get('/p/a.ts', KIB, 1)).toBe('a');
    cache.set('/p/d.ts', KIB, 1, 'd', KIB);
    expect(cache.get('/p/b.ts', KIB, 1)).toBeUndefined();
    expect(['a', 'c', 'd'].map((name) => cache.get(`/p/${name}.ts`, KIB, 1))).toEqual(['a', 'c', 'd']);
    expect(cache.estimatedMemory).toBeLessThanOrEqual(3 * 68 * KIB);
  });

  it('keeps a working set larger than any count of modules when their memory allows, reading each once', () => {
    const cache = new ModuleCache<string>();
    let parsed = 0;
    const read = (index: number): string => {
      const file = `/p/m${index}.ts`;
      const kept = cache.get(file, 2 * KIB, 1);
      if (kept !== undefined) return kept;
      parsed++;
      cache.set(file, 2 * KIB, 1, file, 2 * KIB);
      return file;
    };
    // 600 modules, each read by every tenth of 6,000 lints in a rotating order: parsed once each.
    for (let lint = 0; lint < 6_000; lint++) read((lint * 7) % 600);
    expect(parsed).toBe(600);
  });

  it('replaces the entry of a file read again, counting its memory once', () => {
    const cache = new ModuleCache<string>();
    cache.set('/p/a.ts', KIB, 1, 'old', KIB);
    const once = cache.estimatedMemory;
    cache.set('/p/a.ts', KIB, 2, 'new', KIB);
    expect(cache.estimatedMemory).toBe(once);
    expect(cache.size).toBe(1);
    expect(cache.get('/p/a.ts', KIB, 2)).toBe('new');
  });
});
