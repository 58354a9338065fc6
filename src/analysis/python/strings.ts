/** Python string literals as text: prefixes, quotes, escapes, and the literal parts of f-strings around their fields. */
import type { SyntaxNode } from '@lezer/common';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** The literal's prefix (`rb`, `f`, ...), lowercase, and where its quotes start and end. */
function literalParts(text: string): { prefix: string; open: number; close: number } | null {
  const match = /^([a-zA-Z]{0,2})("""|'''|"|')/.exec(text);
  if (!match) return null;
  const quote = match[2]!;
  const open = match[0].length;
  const close = text.endsWith(quote) && text.length >= open + quote.length ? text.length - quote.length : text.length;
  return { prefix: match[1]!.toLowerCase(), open, close };
}

/** Backslash escapes of a non-raw literal; `\N{...}` and unknown escapes are kept as written. */
function unescape(body: string): string {
  if (!body.includes('\\')) return body;
  return body.replace(/\\(\r\n|[\n\\'"abfnrtv]|x[\da-fA-F]{2}|u[\da-fA-F]{4}|U[\da-fA-F]{8}|[0-7]{1,3})/g, (whole, escape: string) => {
    if (escape === '\r\n') return '';
    const simple = SIMPLE_ESCAPES[escape];
    if (simple !== undefined) return simple;
    if (/^[0-7]/.test(escape)) return String.fromCodePoint(parseInt(escape, 8));
    const code = parseInt(escape.slice(1), 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The text a plain (not formatted) string literal holds. */
export function stringLiteralText(source: string, node: SyntaxNode): string | null {
  const text = source.slice(node.from, node.to);
  const parts = literalParts(text);
  if (!parts) return null;
  const body = text.slice(parts.open, parts.close);
  return parts.prefix.includes('r') ? body : unescape(body);
}

/** One part of an f-string: literal text, or a replacement field (`{expr}`, `{expr!r:>3}`). */
export type FormatPart = { readonly text: string } | { readonly field: SyntaxNode };

/** The parts of an f-string in order: the text between fields (`{{` made `{`), and the fields. */
export function formatStringParts(source: string, node: SyntaxNode): FormatPart[] | null {
  const text = source.slice(node.from, node.to);
  const parts = literalParts(text);
  if (!parts) return null;
  const raw = parts.prefix.includes('r');
  const out: FormatPart[] = [];
  const literal = (from: number, to: number): void => {
    if (to <= from) return;
    const body = source.slice(from, to).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    out.push({ text: raw ? body : unescape(body) });
  };
  let at = node.from + parts.open;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name !== 'FormatReplacement') continue;
    literal(at, child.from);
    out.push({ field: child });
    at = child.to;
  }
  literal(at, node.from + parts.close);
  return out;
}
