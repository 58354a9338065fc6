/** Values as messages echo them: shortened and quoted, so a message stays one line whatever the value. */

/** Characters of a value a message echoes: enough to recognise it, never a wall of text. */
const MAX_ECHOED = 48;

/** A value shortened for a message, so messages stay one line. */
export function shortened(value: string): string {
  return value.length > MAX_ECHOED ? `${value.slice(0, MAX_ECHOED - 3)}...` : value;
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
