/**
 * A report written in pieces: a merged report may hold millions of findings, whose text as one string
 * would pass what a JavaScript string can hold (`JSON.stringify` fails with "Invalid string length") and
 * whose SARIF objects, all made at once, would pass the heap. The pieces join to exactly what
 * `JSON.stringify(value, null, 2)` gives, and are written as they come, waiting while the output drains.
 */
import { once } from 'node:events';

/** An array whose elements are made as they are written (a run's SARIF results), a batch at a time, none kept after; each element is small. */
export class StreamedArray<T> {
  constructor(readonly items: () => Iterable<T>) {}
}

const isLeaf = (value: unknown): boolean => value === null || typeof value !== 'object';

/** An object of plain values only (a finding): written whole, as `JSON.stringify` indents it at this depth. */
function isFlatObject(value: object): boolean {
  return !Array.isArray(value) && !(value instanceof StreamedArray) && Object.values(value).every(isLeaf);
}

/** An array's pieces, one element (or its pieces) at a time. */
function* arrayPieces(items: Iterable<unknown>, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const item of items) {
    yield `${first ? '[' : ','}\n${inner}`;
    first = false;
    // As in JSON.stringify: what JSON cannot hold is `null` in an array.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
    else yield* jsonPieces(item, inner);
  }
  yield first ? '[]' : `\n${indent}]`;
}

/** Elements of a streamed array written by one `JSON.stringify` call: few calls, each piece still small. */
const STREAMED_BATCH = 256;

/**
 * A streamed array's pieces, a batch of elements each. JSON.stringify indents from the left margin, so
 * the batch is nested in as many arrays as `indent` has levels, and the text around it is cut off: the
 * elements come out indented where they stand, with no pass over the text to indent it again.
 */
function* streamedPieces(items: Iterable<unknown>, indent: string): Generator<string> {
  const nest = (value: unknown): unknown => {
    let nested = value;
    for (let level = 0; level < indent.length / 2; level++) nested = [nested];
    return nested;
  };
  const marker = JSON.stringify(nest(0), null, 2);
  const before = marker.indexOf('0');
  const after = marker.length - before - 1;
  // A batch's text, `[` and `\n${indent}]` cut off too: `\n${inner}element,…`.
  const body = (batch: unknown[]): string => {
    const text = JSON.stringify(nest(batch), null, 2);
    return text.slice(before + 1, text.length - after - indent.length - 2);
  };
  let batch: unknown[] = [];
  let first = true;
  for (const item of items) {
    batch.push(item);
    if (batch.length < STREAMED_BATCH) continue;
    yield `${first ? '[' : ','}${body(batch)}`;
    first = false;
    batch = [];
  }
  if (batch.length > 0) {
    yield `${first ? '[' : ','}${body(batch)}`;
    first = false;
  }
  yield first ? '[]' : `\n${indent}]`;
}

/** The text of `JSON.stringify(value, null, 2)` (at `indent`), in pieces of one leaf, one flat object or one punctuation each. */
export function* jsonPieces(value: unknown, indent = ''): Generator<string> {
  if (value instanceof StreamedArray) return yield* streamedPieces(value.items(), indent);
  if (Array.isArray(value)) return yield* arrayPieces(value, indent);
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
