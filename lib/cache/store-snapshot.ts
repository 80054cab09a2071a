import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import type { Db } from '@/db/connect';
import { loadStoreSnapshot, saveStoreSnapshot } from '@/db/queries/store-snapshots';
import { decodeColumns, encodeColumns, type StoreColumns } from './snapshot-codec';

/*
 * Compressed (zlib, level 3: about 2.3 times smaller at 2 M reports, inflated in half a second on
 * the thread pool): PostgreSQL hands bytea out as hex text, at roughly 50 ns a byte end to end.
 */
const deflateAsync = promisify(deflate);
const inflateAsync = promisify(inflate);

/** An in-memory store that can be written to a snapshot and filled from one (PointStore, FactStore). */
export interface SnapshotStore {
  snapshot(): StoreColumns;
  restore(columns: StoreColumns): void;
}

/**
 * A new store filled from the stored snapshot and the change number it holds everything up to,
 * or null when there is none in this format (the caller loads in full). Throws when the snapshot
 * is damaged. Only the public projection's rows ever enter a store, so a snapshot holds nothing
 * more; catching up from its change number takes out what became confidential since.
 */
export async function readStoreSnapshot<S extends SnapshotStore>(
  db: Db,
  name: string,
  format: number,
  make: () => S,
): Promise<{ store: S; changeSeq: number } | null> {
  const stored = await loadStoreSnapshot(db, name, format);
  if (!stored) return null;
  const columns = decodeColumns(await inflateAsync(stored.data));
  if (!columns) throw new Error(`snapshot ${name} is not in the expected layout`);
  const store = make();
  store.restore(columns);
  return { store, changeSeq: stored.changeSeq };
}

/**
 * Writes the store's snapshot, consistent with `changeSeq` (the store may hold a few later
 * changes too: catching up applies them again, to the same result), unless the stored one is
 * younger than `minAgeMs` or another instance is writing.
 */
export async function writeStoreSnapshot(db: Db, name: string, format: number, store: SnapshotStore, changeSeq: number, minAgeMs: number) {
  const data = await deflateAsync(encodeColumns(store.snapshot()), { level: 3 });
  return saveStoreSnapshot(db, name, format, { changeSeq, data }, minAgeMs);
}
