/**
 * Packs an in-memory column store (typed arrays and a little JSON) into bytes and back, so that a
 * restarted server reads one snapshot instead of every report. Layout: "ADS1", the header's
 * length (u32, little-endian), the header as JSON, then each column's bytes, each aligned to 8.
 */

export type Column = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

export interface StoreColumns {
  /** Small values (counters, dictionaries): must survive JSON. */
  meta: Record<string, unknown>;
  columns: Record<string, Column>;
}

const MAGIC = 'ADS1';
const KINDS = { Float64Array, Int32Array, Uint32Array, Uint16Array, Uint8Array } as const;
type Kind = keyof typeof KINDS;

const align8 = (n: number) => (n + 7) & ~7;

export function encodeColumns({ meta, columns }: StoreColumns): Uint8Array {
  const entries = Object.entries(columns);
  const header = new TextEncoder().encode(
    JSON.stringify({ meta, columns: entries.map(([name, c]) => [name, c.constructor.name, c.length]) }),
  );
  let size = align8(8 + header.length);
  for (const [, c] of entries) size += align8(c.byteLength);
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, header.length, true);
  out.set(header, 8);
  let at = align8(8 + header.length);
  for (const [, c] of entries) {
    out.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
    at += align8(c.byteLength);
  }
  return out;
}

/**
 * The store's columns, or null when the bytes are not a snapshot this code wrote (another
 * layout, truncated): the caller then loads the store in full.
 */
export function decodeColumns(bytes: Uint8Array): StoreColumns | null {
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) return null;
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (8 + headerLength > bytes.length) return null;
  let header: { meta: Record<string, unknown>; columns: [string, string, number][] };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    return null;
  }
  const columns: Record<string, Column> = {};
  let at = align8(8 + headerLength);
  for (const [name, kind, length] of header.columns) {
    const make = KINDS[kind as Kind];
    if (!make) return null;
    const byteLength = length * make.BYTES_PER_ELEMENT;
    if (at + byteLength > bytes.length) return null;
    // copied, so that each column starts at an aligned offset of its own buffer
    const column = new make(length);
    new Uint8Array(column.buffer).set(bytes.subarray(at, at + byteLength));
    columns[name] = column;
    at += align8(byteLength);
  }
  return { meta: header.meta, columns };
}

/** The column of that name and type, or an error (the snapshot does not match the store). */
export function columnOf<K extends Kind>(columns: Record<string, Column>, name: string, kind: K): InstanceType<(typeof KINDS)[K]> {
  const column = columns[name];
  if (!(column instanceof KINDS[kind])) throw new Error(`snapshot column ${name} missing or not ${kind}`);
  return column as InstanceType<(typeof KINDS)[K]>;
}
