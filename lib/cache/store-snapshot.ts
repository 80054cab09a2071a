import type { Db } from '@/db/connect';
import { loadStoreSnapshot, saveStoreSnapshot } from '@/db/queries/store-snapshots';
import { decodeColumns, encodeColumns, type StoreColumns } from './snapshot-codec';

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
  const columns = decodeColumns(stored.data);
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
export function writeStoreSnapshot(db: Db, name: string, format: number, store: SnapshotStore, changeSeq: number, minAgeMs: number) {
  return saveStoreSnapshot(db, name, format, { changeSeq, data: encodeColumns(store.snapshot()) }, minAgeMs);
}
