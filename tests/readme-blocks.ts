/** The fenced code blocks of README.md, and the packages it shows the files of, for the tests that run them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './built-package.js';

export interface CodeBlock {
  readonly language: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly code: string;
  /** The file the block names on its first line (`// eslint.config.js`, `# .oxlintrc.json`), if any. */
  readonly file: string | null;
}

/** The fenced code blocks of a markdown text, in order. */
export function readCodeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let fence: { marker: string; language: string; line: number; lines: string[] } | null = null;
  markdown.split(/\r?\n/).forEach((text, index) => {
    if (fence) {
      if (text.trim() === fence.marker) {
        const named = /^\s*(?:\/\/|#)\s*([\w./-]+\.[\w]+)\s*$/.exec(fence.lines[0] ?? '');
        blocks.push({ language: fence.language, line: fence.line, code: `${fence.lines.join('\n')}\n`, file: named ? path.basename(named[1]!) : null });
        fence = null;
      } else fence.lines.push(text);
      return;
    }
    const opening = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(text);
    if (opening) fence = { marker: opening[1]!, language: opening[2]!.toLowerCase(), line: index + 1, lines: [] };
  });
  return blocks;
}

export const README_BLOCKS = readCodeBlocks(readFileSync(path.join(REPO, 'README.md'), 'utf8'));

/**
 * The packages whose files the README shows: a block whose first line is `// <package>: <file>`
 * is that file of the package, and a JSON block whose `"name"` is the package is its package.json.
 * Files by package name, then by path within the package.
 */
export function readmePackages(blocks: readonly CodeBlock[] = README_BLOCKS): Map<string, Record<string, string>> {
  const packages = new Map<string, Record<string, string>>();
  for (const block of blocks) {
    const named = /^\/\/ ((?:@[\w.-]+\/)?[\w.-]+): ([\w./-]+)$/.exec(block.code.split('\n')[0]!);
    if (named) packages.set(named[1]!, { ...packages.get(named[1]!), [named[2]!]: block.code });
  }
  for (const block of blocks) {
    if (block.language !== 'json') continue;
    let name: unknown;
    try {
      name = (JSON.parse(block.code) as { name?: unknown }).name;
    } catch {
      continue;
    }
    if (typeof name === 'string' && packages.has(name)) packages.get(name)!['package.json'] = block.code;
  }
  return packages;
}
