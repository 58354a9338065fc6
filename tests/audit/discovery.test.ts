/** Which files the audit reads: .gitignore files (nested, negations), skipped folders, symlinks, --include/--exclude. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import ignore from 'ignore';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/hosts/audit/discover-files.js';
import { IgnoreFile, MAX_IGNORE_PATTERNS } from '../../src/hosts/audit/ignore-file.js';
import { createPathFilter, GlobError } from '../../src/hosts/audit/path-filter.js';
import { temporaryDirectory, writeTree } from './audit-cli.js';

const { directory: root, remove } = temporaryDirectory('discovery');
afterAll(remove);

async function discovered(directory: string, include: string[] = [], exclude: string[] = []): Promise<string[]> {
  const files: string[] = [];
  for await (const file of discoverFiles(directory, createPathFilter(include, exclude))) files.push(path.relative(directory, file).split(path.sep).join('/'));
  // The walk's order is deterministic but folder by folder; the report sorts findings itself.
  return files.sort();
}

writeTree(root, {
  'package.json': '{}',
  '.gitignore': ['*.log.js', 'generated/', '/top-only.ts', 'secret/*', '!secret/keep.ts', ''].join('\n'),
  'src/a.ts': '',
  'src/b.tsx': '',
  'src/c.mjs': '',
  'src/d.cjs': '',
  'src/e.jsx': '',
  'src/f.mts': '',
  'src/g.cts': '',
  'src/h.js': '',
  'src/readme.md': '',
  'src/data.json': '',
  'src/debug.log.js': '',
  'src/top-only.ts': '',
  'top-only.ts': '',
  'generated/x.ts': '',
  'src/generated/y.ts': '',
  'secret/drop.ts': '',
  'secret/keep.ts': '',
  // A nested .gitignore applies relative to its own folder, and may re-include what a parent ignores.
  'packages/web/.gitignore': ['local/', '*.tmp.ts', '!important.log.js', ''].join('\n'),
  'packages/web/local/z.ts': '',
  'packages/web/page.tmp.ts': '',
  'packages/web/important.log.js': '',
  'packages/web/index.ts': '',
  'packages/web/local-file.ts': '',
  // Dependency, VCS and tool folders, wherever they are; build output beside a package.json.
  'node_modules/pkg/index.js': '',
  'packages/web/node_modules/pkg/index.ts': '',
  '.git/hooks/pre-commit.js': '',
  '.git/info/exclude': 'excluded-by-git.ts\n',
  'excluded-by-git.ts': '',
  'dist/index.js': '',
  'build/index.js': '',
  'out/index.js': '',
  'coverage/lcov.js': '',
  '.next/server.js': '',
  '.nuxt/app.js': '',
  '.output/server.mjs': '',
  '.svelte-kit/output.js': '',
  '.turbo/cache.js': '',
  '.cache/x.js': '',
  '.vercel/output.js': '',
  '.history/src/a_20251117161540.ts': '',
  'packages/web/.idea/scratch.js': '',
  // Elsewhere, output folders' names are source folders' too (a Next.js route, a module).
  'src/app/api/build/route.ts': '',
  'src/out/index.ts': '',
  'packages/web/package.json': '{}',
  'packages/web/dist/index.js': '',
  'test/fixtures/sample.ts': '',
  'test/unit.test.ts': '',
});
// Symlinks are never followed, to files or folders, inside or outside the tree.
mkdirSync(path.join(root, 'links'));
symlinkSync(path.join(root, 'src'), path.join(root, 'links', 'src-dir'));
symlinkSync(path.join(root, 'src', 'a.ts'), path.join(root, 'links', 'a-file.ts'));
writeFileSync(path.join(root, 'links', 'real.ts'), '');

describe('discoverFiles', () => {
  it('finds every JavaScript and TypeScript extension, honours the .gitignore files and skips the folders it must', async () => {
    expect(await discovered(root)).toEqual([
      'links/real.ts',
      'packages/web/important.log.js',
      'packages/web/index.ts',
      'packages/web/local-file.ts',
      'secret/keep.ts',
      'src/a.ts',
      'src/app/api/build/route.ts',
      'src/b.tsx',
      'src/c.mjs',
      'src/d.cjs',
      'src/e.jsx',
      'src/f.mts',
      'src/g.cts',
      'src/h.js',
      'src/out/index.ts',
      'src/top-only.ts',
      'test/fixtures/sample.ts',
      'test/unit.test.ts',
    ]);
  });

  it('applies --include and --exclude relative to the root; an excluded folder is not entered', async () => {
    expect(await discovered(root, ['src/**/*.ts', 'packages/**'])).toEqual([
      'packages/web/important.log.js',
      'packages/web/index.ts',
      'packages/web/local-file.ts',
      'src/a.ts',
      'src/app/api/build/route.ts',
      'src/out/index.ts',
      'src/top-only.ts',
    ]);
    expect(await discovered(root, [], ['**/*.test.ts', 'test/fixtures', 'src', 'packages/**'])).toEqual(['links/real.ts', 'secret/keep.ts']);
  });

  it('reads globs as .gitignore patterns: no slash matches at any depth, a trailing slash means a folder', async () => {
    // `*.ts` without a slash is any .ts file, not only those at the root.
    expect(await discovered(root, ['*.ts'], ['*.test.ts'])).toEqual(await discovered(root, ['**/*.ts'], ['**/*.test.ts']));
    expect(await discovered(root, ['*.ts'])).toContain('src/app/api/build/route.ts');
    // A folder pattern takes everything in it; with a trailing slash only folders match, with a leading one only at the root.
    expect(await discovered(root, ['packages/web/'])).toEqual(['packages/web/important.log.js', 'packages/web/index.ts', 'packages/web/local-file.ts']);
    expect(await discovered(root, ['fixtures/'])).toEqual(['test/fixtures/sample.ts']);
    expect(await discovered(root, ['/fixtures/'])).toEqual([]);
    expect(await discovered(root, [], ['out/', 'build/', 'test/'])).not.toContain('src/out/index.ts');
    expect(await discovered(root, [], ['a.ts/'])).toContain('src/a.ts');
  });

  it('tells whether an include has matched any file', () => {
    const filter = createPathFilter(['*.vue'], []);
    expect(filter.includeMatchedNothing).toBe(true);
    expect(filter.includesFile('src/a.ts')).toBe(false);
    expect(filter.includeMatchedNothing).toBe(true);
    expect(filter.includesFile('src/App.vue')).toBe(true);
    expect(filter.includeMatchedNothing).toBe(false);
    expect(createPathFilter([], ['*.ts']).includeMatchedNothing).toBe(false);
  });

  it('refuses an invalid glob with the flag named', () => {
    expect(() => createPathFilter([''], [])).toThrow(new GlobError('--include: the glob is empty'));
    expect(() => createPathFilter([], ['src/[a'])).toThrow(/^--exclude: invalid glob "src\/\[a"/);
  });
});

describe('ignore files past their bounds', () => {
  /** The paths of a small tree, each folder before what is in it, as the walk meets them. */
  const PATHS = ['dist/', 'dist/a.ts', 'src/', 'src/Cache/', 'src/Cache/x.ts', 'src/keep.ts', 'src/drop.log', 'src/a.ts', 'src/b.tsx', 'lib/', 'lib/cache', 'lib/cache/', 'lib/keep.ts', 'notes.md', 'x.ts'];
  /** What the `ignore` package alone says of each path the walk would reach (a folder it ignores is not entered). */
  const reference = (text: string): Record<string, string> => {
    const matcher = ignore().add(text);
    const answers: Record<string, string> = {};
    for (const relative of PATHS) {
      const folder = relative.slice(0, relative.lastIndexOf('/', relative.length - 2) + 1);
      if (folder !== '' && answers[folder] === 'ignored') continue;
      const { ignored, unignored } = matcher.test(relative);
      answers[relative] = ignored ? 'ignored' : unignored ? 'unignored' : 'neither';
    }
    return answers;
  };
  const answers = (text: string): Record<string, string> => {
    const file = new IgnoreFile(text);
    const found: Record<string, string> = {};
    for (const relative of PATHS) {
      const folder = relative.slice(0, relative.lastIndexOf('/', relative.length - 2) + 1);
      if (folder !== '' && found[folder] === 'ignored') continue;
      const { ignored, unignored } = file.test(relative);
      found[relative] = ignored ? 'ignored' : unignored ? 'unignored' : 'neither';
    }
    return found;
  };

  it('answers as the matcher does, names listed outright included, before and after negations', () => {
    const files = [
      'dist\nkeep.ts\n',
      'cache/\n*.log\n!keep.ts\nkeep.ts\n',
      'keep.ts\n!keep.ts\n',
      '*.ts\n!src/\n!a.ts\nb.tsx\n',
      'Cache\r\n# a comment\r\n\r\n/x.ts\r\nsrc/a.ts\r\n',
      '\uFEFFdist\n!dist/a.ts\n',
      'lib/\n!lib/keep.ts\ncache\n',
      'keep.ts \n dist\n',
    ];
    for (const text of files) expect(answers(text), JSON.stringify(text)).toEqual(reference(text));
  });

  it('answers as the matcher does for patterns filed under their literal names, in any order with negations', () => {
    const segments = ['src', 'Src', 'gen', 'generated-1', 'a.ts', 'b.tsx', 'x', 'K'];
    const piece = fc.constantFrom(...segments, '*', '**', '*.ts', 'gen*', '?.ts', '[ab].ts', '\\#x');
    const pattern = fc
      .tuple(fc.constantFrom('', '!', '/', '#'), fc.array(piece, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '/', ' '))
      .map(([start, parts, end]) => `${start}${parts.join('/')}${end}`);
    const pathOf = fc.array(fc.constantFrom(...segments), { minLength: 1, maxLength: 4 }).chain((parts) =>
      fc.constantFrom(parts.join('/'), `${parts.join('/')}/`),
    );
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 12 }), fc.array(pathOf, { minLength: 1, maxLength: 12 }), (patterns, paths) => {
        const text = patterns.join('\n');
        const file = new IgnoreFile(text);
        const matcher = ignore().add(text);
        for (const relative of paths) {
          // As the walk asks: never about a path inside a folder the file ignores.
          const folders = relative.split('/').slice(0, relative.endsWith('/') ? -2 : -1);
          if (folders.some((_, index) => matcher.test(`${folders.slice(0, index + 1).join('/')}/`).ignored)) continue;
          const { ignored, unignored } = matcher.test(relative);
          expect(file.test(relative), `${JSON.stringify(text)} ${relative}`).toMatchObject({ ignored, unignored });
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('tests a path only against the patterns filed under its own names', () => {
    const patterns = Array.from({ length: 2_000 }, (_, index) => `**/generated-${index}/*.tmp`);
    const file = new IgnoreFile(`${patterns.join('\n')}\n`);
    expect(file.test('src/generated-1999/a.tmp')).toEqual({ ignored: true, unignored: false });
    expect(file.test('src/GENERATED-7/b.tmp')).toEqual({ ignored: true, unignored: false });
    expect(file.test('src/generated-7/b.ts')).toEqual({ ignored: false, unignored: false });
    // Only the two names of the paths above ever got a matcher.
    expect((file as unknown as { byNameMatchers: Map<string, unknown> }).byNameMatchers.size).toBe(2);
  });

  it('honours the first patterns of a file past the bound, and says how many it holds', async () => {
    const names = Array.from({ length: MAX_IGNORE_PATTERNS + 30_000 }, (_, index) => `ignored-${index}.ts`);
    const file = new IgnoreFile(`# listed\n${names.join('\n')}\n`);
    expect(file.dropped).toBe(30_000);
    expect(file.test(`src/ignored-${MAX_IGNORE_PATTERNS - 1}.ts`).ignored).toBe(true);
    expect(file.test(`src/ignored-${MAX_IGNORE_PATTERNS}.ts`).ignored).toBe(false);

    const { directory, remove: removeLarge } = temporaryDirectory('large-ignore');
    try {
      writeTree(directory, { '.gitignore': `${names.join('\n')}\n`, 'ignored-1.ts': '', [`ignored-${MAX_IGNORE_PATTERNS + 1}.ts`]: '', 'kept.ts': '' });
      const notes: string[] = [];
      const files: string[] = [];
      for await (const found of discoverFiles(directory, createPathFilter([], []), (text) => notes.push(text))) files.push(path.basename(found));
      expect(files.sort()).toEqual([`ignored-${MAX_IGNORE_PATTERNS + 1}.ts`, 'kept.ts']);
      expect(notes).toEqual([`${path.join(directory, '.gitignore')} holds ${MAX_IGNORE_PATTERNS + 30_000} patterns: only the first ${MAX_IGNORE_PATTERNS} are honoured`]);
    } finally {
      removeLarge();
    }
  });
});
