/**
 * A report written in pieces: a merged report may hold millions of findings, whose text as one string
 * would pass what a JavaScript string can hold (`JSON.stringify` fails with "Invalid string length") and
 * whose SARIF objects, all made at once, would pass the heap. The pieces join to exactly what
 * `JSON.stringify(value, null, 2)` gives, and are written as they come, waiting while the output drains.
 */
import { once } from 'node:events';

/** An array whose elements are made as they are written (a run's SARIF results), none kept after; each element is small. */
export class StreamedArray<T> {
  constructor(readonly items: () => Iterable<T>) {}
}

const isLeaf = (value: unknown): boolean => value === null || typeof value !== 'object';

/** An object of plain values only (a finding): written whole, as `JSON.stringify` indents it at this depth. */
function isFlatObject(value: object): boolean {
  return !Array.isArray(value) && !(value instanceof StreamedArray) && Object.values(value).every(isLeaf);
}

/** An array's pieces; the elements of a streamed one are small (a SARIF result) and written whole, each one piece. */
function* arrayPieces(items: Iterable<unknown>, indent: string, whole: boolean): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const item of items) {
    yield `${first ? '[' : ','}\n${inner}`;
    first = false;
    // As in JSON.stringify: what JSON cannot hold is `null` in an array.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
    else if (whole) yield JSON.stringify(item, null, 2).replaceAll('\n', `\n${inner}`);
    else yield* jsonPieces(item, inner);
  }
  yield first ? '[]' : `\n${indent}]`;
}

/** The text of `JSON.stringify(value, null, 2)` (at `indent`), in pieces of one leaf, one flat object or one punctuation each. */
export function* jsonPieces(value: unknown, indent = ''): Generator<string> {
  if (value instanceof StreamedArray) return yield* arrayPieces(value.items(), indent, true);
  if (Array.isArray(value)) return yield* arrayPieces(value, indent, false);
  if (isLeaf(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return yield JSON.stringify(value) ?? 'null';
  const object = value as Record<string, unknown>;
  if (isFlatObject(object)) return yield JSON.stringify(object, null, 2).replaceAll('\n', `\n${indent}`);
  const inner = `${indent}  `;
  let first = true;
  for (const [key, child] of Object.entries(object)) {
    if (child === undefined || typeof child === 'function' || typeof child === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonPieces(child, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** Bytes gathered before a write: few enough writes, little held. */
const CHUNK_CHARACTERS = 1 << 20;

/** Writes the pieces to `stream` in chunks (each passed through `transform`), waiting for it to drain when it asks to. */
export async function writePieces(pieces: Iterable<string>, stream: NodeJS.WritableStream, transform: (text: string) => string = (text) => text): Promise<void> {
  let chunk = '';
  const flush = async (): Promise<void> => {
    const text = transform(chunk);
    chunk = '';
    if (!stream.write(text)) await once(stream, 'drain');
  };
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= CHUNK_CHARACTERS) await flush();
  }
  if (chunk !== '') await flush();
}
