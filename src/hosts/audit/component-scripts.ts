/**
 * What the audit parses of a component file (`.vue`, `.svelte`, `.astro`): its scripts, the
 * top-level `<script>` blocks of a Vue or Svelte component and the frontmatter of an Astro one (its
 * client-side `<script>` elements apart, `astroClientScripts`),
 * with everything else blanked to spaces (line breaks kept), so every position is the original
 * file's and the framework's parser sees one script-only component.
 *
 * The markup is never parsed: the frameworks' parsers take time that grows with markup much faster
 * than with its size (measured with 1 MiB files: 40,000 Svelte `{#each}` blocks ran for over nine
 * minutes; 1,600 sibling elements in an Astro template took 71 s, and more ran the Astro compiler
 * out of memory), and the rules read scripts only. The scan here is one linear pass.
 */
import path from 'node:path';

export type ComponentKind = 'vue' | 'svelte' | 'astro';

export const COMPONENT_EXTENSIONS: Readonly<Record<string, ComponentKind>> = { '.vue': 'vue', '.svelte': 'svelte', '.astro': 'astro' };

export function componentKindOf(file: string): ComponentKind | null {
  return COMPONENT_EXTENSIONS[path.extname(file).toLowerCase()] ?? null;
}

/** Elements that never hold markup: their content is skipped, never scanned for tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG_NAME = /[A-Za-z][\w:.-]*/y;
const CLOSING_TAGS = new Map([...RAW_TEXT].map((name) => [name, new RegExp(`</${name}\\b[^>]*>?`, 'iy')]));
const LANG_TS = /\blang\s*=\s*["']?(?:ts|typescript)\b/i;

/** The index after a `{...}` expression starting at `start` (nested braces and quoted strings skipped). */
function skipBraces(text: string, start: number): number {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (char === '"' || char === "'" || char === '`') {
      const end = text.indexOf(char, index + 1);
      if (end < 0) return text.length;
      index = end;
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index + 1;
  }
  return text.length;
}

/** The index after the `>` that ends a tag opened at `start`, outside quotes and `{...}` attribute expressions. */
function tagEnd(text: string, start: number): number {
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (char === '>') return index + 1;
    if (char === '{') index = skipBraces(text, index) - 1;
    else if (char === '"' || char === "'") {
      const end = text.indexOf(char, index + 1);
      if (end < 0) return text.length;
      index = end;
    }
  }
  return text.length;
}

interface ScriptBlock {
  readonly start: number;
  readonly end: number;
  /** The opening tag, for its attributes. */
  readonly tag: string;
  /** The script's own text, between its tags. */
  readonly contentStart: number;
  readonly contentEnd: number;
}

/** The `<script>` elements at the top level of a Vue or Svelte component (not one inside `<svelte:head>`), or at any depth. */
function topLevelScripts(text: string, anyDepth = false): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  let depth = 0;
  for (let index = 0; index < text.length; ) {
    const char = text[index];
    if (char === '{') {
      index = skipBraces(text, index);
      continue;
    }
    if (char !== '<') {
      index++;
      continue;
    }
    if (text.startsWith('<!--', index)) {
      const end = text.indexOf('-->', index + 4);
      index = end < 0 ? text.length : end + 3;
      continue;
    }
    const closing = text[index + 1] === '/';
    TAG_NAME.lastIndex = index + (closing ? 2 : 1);
    const name = TAG_NAME.exec(text)?.[0].toLowerCase();
    if (name === undefined) {
      index++;
      continue;
    }
    const end = tagEnd(text, TAG_NAME.lastIndex);
    if (closing) {
      depth = Math.max(0, depth - 1);
      index = end;
      continue;
    }
    const selfClosing = text[end - 2] === '/';
    if (RAW_TEXT.has(name) && !selfClosing) {
      const close = CLOSING_TAGS.get(name)!;
      let closeStart = text.length;
      let closeEnd = text.length;
      for (let at = text.indexOf('</', end); at >= 0; at = text.indexOf('</', at + 2)) {
        close.lastIndex = at;
        const found = close.exec(text);
        if (found) {
          closeStart = at;
          closeEnd = at + found[0].length;
          break;
        }
      }
      if (name === 'script' && (depth === 0 || anyDepth)) blocks.push({ start: index, end: closeEnd, tag: text.slice(index, end), contentStart: end, contentEnd: closeStart });
      index = closeEnd;
    } else {
      if (!selfClosing && !VOID.has(name)) depth++;
      index = end;
    }
  }
  return blocks;
}

/** An Astro component's frontmatter, `---` to the next line that starts with `---`; null when it has none. */
function frontmatter(text: string): ScriptBlock | null {
  const opening = /^\s*---/.exec(text);
  if (!opening) return null;
  const close = text.indexOf('\n---', opening[0].length);
  const end = close < 0 ? text.length : close + 4;
  return { start: 0, end, tag: '', contentStart: 0, contentEnd: end };
}

function scriptBlocks(kind: ComponentKind, text: string): ScriptBlock[] {
  if (kind === 'astro') {
    const found = frontmatter(text);
    return found ? [found] : [];
  }
  return topLevelScripts(text);
}

/** What breaks lines for ESLint: kept, so lines and columns stay the file's. */
const NOT_A_LINE_BREAK = /[^\r\n\u2028\u2029]/g;

/** `text` with everything but its scripts replaced by spaces: the same length, lines and columns. */
export function scriptsOnly(kind: ComponentKind, text: string): string {
  let out = '';
  let position = 0;
  for (const { start, end } of scriptBlocks(kind, text)) {
    out += text.slice(position, start).replace(NOT_A_LINE_BREAK, ' ') + text.slice(start, end);
    position = end;
  }
  return out + text.slice(position).replace(NOT_A_LINE_BREAK, ' ');
}

/** A `type` that is not a script the browser runs as JavaScript: JSON-LD, templates, import maps. */
const NOT_JAVASCRIPT = /\btype\s*=\s*["']?(?!module\b|text\/javascript\b|application\/javascript\b)[^\s"'>]/i;

/**
 * The client-side scripts of an Astro page, the `<script>` elements of its template wherever they stand
 * (TypeScript, bundled for the browser), with everything else, tags included, blanked to spaces; null
 * when it has none. The framework's parser leaves them unparsed: they are linted as a script of their own.
 */
export function astroClientScripts(text: string): string | null {
  const matter = frontmatter(text);
  const template = matter ? text.slice(0, matter.end).replace(NOT_A_LINE_BREAK, ' ') + text.slice(matter.end) : text;
  const blocks = topLevelScripts(template, true).filter((block) => !NOT_JAVASCRIPT.test(block.tag));
  if (blocks.length === 0) return null;
  let out = '';
  let position = 0;
  for (const { contentStart, contentEnd } of blocks) {
    out += text.slice(position, contentStart).replace(NOT_A_LINE_BREAK, ' ') + text.slice(contentStart, contentEnd);
    position = contentEnd;
  }
  return out + text.slice(position).replace(NOT_A_LINE_BREAK, ' ');
}

/** Whether a component's scripts need typescript-eslint's parser: an Astro frontmatter (TypeScript), or a `lang="ts"` script. */
export function needsTypeScriptParser(kind: ComponentKind, text: string): boolean {
  if (kind === 'astro') return true;
  return scriptBlocks(kind, text).some((block) => LANG_TS.test(block.tag));
}
