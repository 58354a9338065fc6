/** The default of `--jobs`: one worker per core but the one the walking thread keeps busy, never fewer than one. */
import { describe, expect, it } from 'vitest';
import { defaultJobs } from '../../src/hosts/audit/run-audit.js';

describe('defaultJobs', () => {
  it.each([
    [1, 1],
    [2, 1],
    [4, 3],
    [16, 15],
  ])('%i cores: %i', (cores, jobs) => {
    expect(defaultJobs(cores)).toBe(jobs);
  });
});
