/** Values as messages echo them: shortened and quoted, so a message stays one line whatever the value. */

/** Characters of a value a message echoes: enough to recognise it, never a wall of text. */
const MAX_ECHOED = 48;

/**
 * Secrets a value may carry, by their shapes: OpenRouter keys (`sk-or-v1-…`), other `sk-` keys, GitHub and
 * Slack tokens, AWS access keys, and a URL's password (`https://user:secret@host`). Messages and reports go
 * where the code does not (terminals, CI logs, code scanning): no part of a secret is echoed.
 */
const SECRET = /\bsk-(?:or-v\d+-)?[A-Za-z\d_-]{8,}|\bgh[pousr]_[A-Za-z\d]{16,}|\bxox[abposr]-[A-Za-z\d-]{10,}|\bAKIA[A-Z\d]{12,}|(?<=:\/\/[^/\s:@]{0,64}:)[^/\s@]+(?=@)/g;
/** What a message may show of a value, with room for a secret that starts where the shown part ends. */
const MASKED_PREFIX = 256;

/** A value with every secret-shaped part masked. */
export function masked(value: string): string {
  return MAY_HOLD_SECRET.test(value) ? value.replace(SECRET, '[secret]') : value;
}

/** A part every shape of `SECRET` needs: most values have none, and a search for them is cheaper than `SECRET`'s. */
const MAY_HOLD_SECRET = /sk-|gh[pousr]_|xox[abposr]-|AKIA|@/;

/** A value shortened for a message, so messages stay one line, its secrets masked. */
export function shortened(value: string): string {
  const shown = masked(value.slice(0, MASKED_PREFIX));
  return shown.length > MAX_ECHOED || value.length > MASKED_PREFIX ? `${shown.slice(0, MAX_ECHOED - 3)}...` : shown;
}

/** Quotes a value for a message, shortened. */
export function quoted(value: string): string {
  return JSON.stringify(shortened(value));
}

/** A config value as a message shows it: strings quoted and shortened, other values by their kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
