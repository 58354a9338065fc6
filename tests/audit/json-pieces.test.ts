/** A report written in pieces is exactly the text `JSON.stringify(value, null, 2)` gives, at any depth. */
import { describe, expect, it } from 'vitest';
import { jsonPieces, StreamedArray } from '../../src/hosts/audit/json-pieces.js';

const result = (index: number) => ({
  ruleId: 'openrouter/require-referer',
  message: { text: `finding ${index}\u2028"quoted"` },
  locations: [{ region: { startLine: index + 1, startColumn: 3 } }],
  tags: index % 3 === 0 ? [] : ['a', 'b'],
  empty: {},
});

const joined = (value: unknown): string => [...jsonPieces(value)].join('');

describe('jsonPieces', () => {
  it.each([0, 1, 255, 256, 257, 600])('writes a streamed array of %i elements as JSON.stringify does, nested at several depths', (count) => {
    const items = Array.from({ length: count }, (_, index) => result(index));
    const streamed = () => new StreamedArray(() => items);
    const shapes = [
      (array: unknown) => array,
      (array: unknown) => ({ results: array }),
      (array: unknown) => ({ runs: [{ tool: { name: 'x' }, results: array, after: [1, { b: null }] }] }),
      (array: unknown) => [[[{ deep: [array] }]]],
    ];
    for (const shape of shapes) expect(joined(shape(streamed()))).toBe(JSON.stringify(shape(items), null, 2));
  });

  it('writes what JSON cannot hold in a streamed array as null, as JSON.stringify does', () => {
    const items = [1, undefined, () => 0, Symbol('s'), 'x'];
    expect(joined({ a: new StreamedArray(() => items) })).toBe(JSON.stringify({ a: items }, null, 2));
  });

  it('makes a streamed array\'s elements only as they are written', () => {
    let made = 0;
    function* lazy() {
      for (let index = 0; index < 1000; index++) {
        made++;
        yield result(index);
      }
    }
    const pieces = jsonPieces({ results: new StreamedArray(lazy) });
    let text = '';
    for (const piece of pieces) {
      text += piece;
      if (text.includes('finding 0')) break;
    }
    expect(made).toBeLessThan(1000);
  });
});
