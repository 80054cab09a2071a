import { describe, expect, it } from 'vitest';
import { decodeColumns, encodeColumns } from './snapshot-codec';

describe('snapshot codec', () => {
  it('round-trips columns of every width and the meta, each column aligned', () => {
    const columns = {
      a: new Float64Array([1.5, -2, Number.NaN]),
      b: new Uint8Array([1, 2, 3, 4, 5]),
      c: new Uint16Array([65535]),
      d: new Int32Array([-1, 7]),
      e: new Uint32Array(0),
    };
    const decoded = decodeColumns(encodeColumns({ meta: { slots: 3, names: ['', 'x'] }, columns }))!;
    expect(decoded.meta).toEqual({ slots: 3, names: ['', 'x'] });
    expect(decoded.columns).toEqual(columns);
    for (const c of Object.values(decoded.columns)) expect(c.byteOffset % 8).toBe(0);
  });

  it.each([
    ['not a snapshot', new TextEncoder().encode('hello world')],
    ['truncated', encodeColumns({ meta: {}, columns: { a: new Float64Array(100) } }).subarray(0, 200)],
    ['empty', new Uint8Array(0)],
  ])('answers null for bytes that are %s', (_, bytes) => {
    expect(decodeColumns(bytes)).toBeNull();
  });
});
