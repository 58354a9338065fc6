/** What HTTP clients accept in a header value: `fetch`, `Headers` and `node:http` throw on the rest. */

/** The first character no HTTP client sends in a header (above U+00FF, CR/LF, other controls), or null. */
export function unsendableCharacter(value: string): { char: string; code: number } | null {
  const found = UNSENDABLE.exec(value);
  return found ? { char: found[0], code: found[0].codePointAt(0)! } : null;
}

/** A control other than tab, DEL, or a code point above U+00FF (a surrogate pair is one, as `for...of` reads it). */
const UNSENDABLE = /[\0-\x08\n-\x1f\x7f]|[^\0-\xff]/u;

/** `U+2014`. */
export function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a value cannot be sent as a header (or would be altered on the way), or null when it can. */
export function unsendableReason(value: string): string | null {
  const bad = unsendableCharacter(value);
  if (bad?.code === 0x0a || bad?.code === 0x0d) return 'contains a line break, which HTTP clients refuse in a header';
  if (bad && bad.code <= 0xff) return `contains the control character ${codePoint(bad.code)}, which HTTP clients refuse in a header`;
  if (bad) return `contains "${bad.char}" (${codePoint(bad.code)}); header values above U+00FF make fetch throw on every request`;
  if (value !== value.trim()) return 'has leading or trailing white space, which HTTP clients strip';
  return null;
}

/**
 * A C1 control (U+0080 to U+009F, NEL and CSI among them) or a soft hyphen: sendable, but no app's name
 * or URL holds one, and terminals act on them. A configured identity refuses them.
 */
export function invisibleControl(value: string): number | null {
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x80 && code <= 0x9f) || code === 0xad) return code;
  }
  return null;
}

/** Typographic characters with a plain Latin-1 spelling: what a suggestion may swap in. */
const PLAIN_SPELLINGS: Readonly<Record<string, string>> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201C': '"', '\u201D': '"', '\u201E': '"',
  '\u2026': '...', '\u2022': '\u00B7', '\u2122': '(TM)', '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ',
};

/** The value with typographic characters spelled plainly, or null when something else stays unsendable. */
export function plainSpelling(value: string): string | null {
  const plain = value.replace(TYPOGRAPHIC, (char) => PLAIN_SPELLINGS[char]!);
  return unsendableCharacter(plain) ? null : plain;
}

/** The keys of `PLAIN_SPELLINGS`: single UTF-16 units outside the surrogates, so no pair is cut. */
const TYPOGRAPHIC = new RegExp(`[${Object.keys(PLAIN_SPELLINGS).join('')}]`, 'g');
