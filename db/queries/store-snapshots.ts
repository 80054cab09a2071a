import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { rowsOf } from '../bulk';
import { storeSnapshots } from '../schema';

/** Bytes per row: a store of millions of reports is written and read in parts of this size. */
const PART_BYTES = 16 << 20;
/** Writers of a store's snapshot take this advisory lock and the store's (xact-scoped), so that one instance at a time writes it. */
const LOCK_KEY = 0x5a5_5e7;

export interface StoredSnapshot {
  changeSeq: number;
  data: Uint8Array;
}

/**
 * The latest snapshot of the store in that format, or null (none yet, or of another format).
 * The parts are read in one statement, so they are of one snapshot.
 */
export async function loadStoreSnapshot(db: Db, store: string, format: number): Promise<StoredSnapshot | null> {
  const parts = await db
    .select({ part: storeSnapshots.part, changeSeq: storeSnapshots.changeSeq, data: storeSnapshots.data })
    .from(storeSnapshots)
    .where(and(eq(storeSnapshots.store, store), eq(storeSnapshots.format, format)))
    .orderBy(storeSnapshots.part);
  if (parts.length === 0 || parts.some((p, i) => p.part !== i || p.changeSeq !== parts[0].changeSeq)) return null;
  if (parts.length === 1) return { changeSeq: parts[0].changeSeq, data: parts[0].data };
  const data = new Uint8Array(parts.reduce((n, p) => n + p.data.length, 0));
  let at = 0;
  for (const p of parts) {
    data.set(p.data, at);
    at += p.data.length;
  }
  return { changeSeq: parts[0].changeSeq, data };
}

/**
 * Replaces the store's snapshot unless another instance is writing one right now, or the stored
 * one is in the same format and younger than `minAgeMs` or as current. Returns whether it wrote.
 */
export async function saveStoreSnapshot(
  db: Db,
  store: string,
  format: number,
  snapshot: StoredSnapshot,
  minAgeMs: number,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [lock] = await rowsOf<{ ok: boolean }>(tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK_KEY}, hashtext(${store})) as ok`));
    if (!lock.ok) return false;
    const [current] = await rowsOf<{ format: number; age_ms: number; change_seq: number }>(
      tx.execute(sql`
        select format, change_seq::float8 as change_seq, (extract(epoch from now() - created_at) * 1000)::float8 as age_ms
        from store_snapshots where store = ${store} and part = 0`),
    );
    // each write is the whole store (a few hundred megabytes of WAL at city scale): not while it is young or current
    if (current && current.format === format && (current.age_ms < minAgeMs || current.change_seq >= snapshot.changeSeq)) return false;
    await tx.delete(storeSnapshots).where(eq(storeSnapshots.store, store));
    for (let part = 0, at = 0; at < snapshot.data.length || part === 0; part++, at += PART_BYTES) {
      await tx.insert(storeSnapshots).values({
        store,
        part,
        format,
        changeSeq: snapshot.changeSeq,
        data: snapshot.data.subarray(at, at + PART_BYTES),
      });
    }
    return true;
  });
}
