/** Which file shows a setup notice: the first checked keeps it while open; a closed one hands it on. */
import { describe, expect, it } from 'vitest';
import { SetupNotices } from '../../src/hosts/tsserver/setup-notices.js';

describe('SetupNotices', () => {
  it('keeps each problem in the first file checked while that file is open, then hands it to the next', () => {
    const open = new Set(['/p/a.ts', '/p/b.ts']);
    const notices = new SetupNotices((fileName) => open.has(fileName));
    expect(notices.claim('/p/a.ts', ['missing parser'])).toEqual(['missing parser']);
    expect(notices.claim('/p/b.ts', ['missing parser'])).toEqual([]);
    expect(notices.claim('/p/a.ts', ['missing parser'])).toEqual(['missing parser']);
    open.delete('/p/a.ts');
    expect(notices.claim('/p/b.ts', ['missing parser'])).toEqual(['missing parser']);
    expect(notices.claim('/p/b.ts', ['missing parser'])).toEqual(['missing parser']);
  });

  it('places a new problem in the file checked when it arises, and forgets one that is gone', () => {
    const notices = new SetupNotices(() => true);
    expect(notices.claim('/p/a.ts', ['bad option'])).toEqual(['bad option']);
    expect(notices.claim('/p/b.ts', ['bad option', 'missing parser'])).toEqual(['missing parser']);
    expect(notices.claim('/p/b.ts', [])).toEqual([]);
    // Back after it was fixed: shown again, in the file checked then.
    expect(notices.claim('/p/b.ts', ['bad option'])).toEqual(['bad option']);
    expect(notices.claim('/p/a.ts', ['bad option'])).toEqual([]);
  });
});
