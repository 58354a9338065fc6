/** The progress line: counts while the folders are still walked, a bar once the total is known. */
import { describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../../src/hosts/audit/progress.js';

describe('progress', () => {
  it('shows no bar before the walk ends, whatever the counts, and a bar of done over found after', () => {
    expect(progressLine(90, 100, false, 45)).toBe('90 files audited, 100 found so far, 45 files/s');
    expect(progressLine(25, 100, true, 45)).toBe(`[${'#'.repeat(6)}${'-'.repeat(18)}] 25/100 files, 45 files/s`);
    expect(progressLine(0, 0, true, 0)).toBe(`[${'-'.repeat(24)}] 0/0 files, 0 files/s`);
  });

  it('writes nothing where stderr is no terminal', () => {
    const written: string[] = [];
    const progress = createProgress({ isTTY: false, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream);
    progress.update(1, 2, true);
    progress.clear();
    expect(written).toEqual([]);
  });
});
