import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { startLoop } from '@/lib/jobs/loop';
import { bands, fingerprint, type Fingerprint, SECOND_PAIRING_BITS, SURE_CANDIDATE_BITS } from './photo-fingerprint';
import type { MediaStorage } from './storage';

/**
 * The index of robust photo hashes (table photo_hashes): written for every published photo by the
 * indexer below (which is also the backfill of photos stored before it existed), read by the
 * follow-up check to find the few stored photos a new proof photo may be a copy of.
 */

const signed = (hex: string) => BigInt.asIntN(64, BigInt(`0x${hex}`));

/** Row written for a photo whose file cannot be read: its bands (-1) never match. */
const UNREADABLE = -1;

/**
 * Indexes up to `batch` published photos that have no hashes yet, oldest first, from their
 * thumbnails (the hashes see 32 × 32 pixels; a thumbnail is cheaper to read and decode). Returns
 * how many were indexed; a full batch means there may be more.
 */
export async function indexPhotos(db: Db, storage: MediaStorage, batch = 50): Promise<number> {
  const todo = await rowsOf<{ id: number; key: string }>(
    db.execute(sql`
      select a.id, coalesce(a.thumb_key, a.storage_key) as key from attachments a
      where a.quarantined_at is null and not exists (select 1 from photo_hashes p where p.attachment_id = a.id)
      order by a.id limit ${batch}`),
  );
  for (const photo of todo) {
    const file = await storage.get(photo.key);
    let print: Fingerprint | null = null;
    try {
      print = file ? await fingerprint(file) : null;
    } catch {
      print = null;
    }
    const rows = print
      ? print.windows.map((hash, window) => {
          const [b0, b1, b2, b3] = bands(hash);
          return sql`(${photo.id}, ${window}, ${signed(hash).toString()}::bigint, ${b0}, ${b1}, ${b2}, ${b3})`;
        })
      : [sql`(${photo.id}, ${UNREADABLE}, 0, ${UNREADABLE}, ${UNREADABLE}, ${UNREADABLE}, ${UNREADABLE})`];
    await db.execute(sql`insert into photo_hashes (attachment_id, "window", hash, band0, band1, band2, band3)
                         values ${sql.join(rows, sql`, `)} on conflict do nothing`);
  }
  return todo.length;
}

export interface Candidate {
  attachmentId: number;
  bits: number;
}

/**
 * The stored photos whose windows share a 16-bit band with one of the new photo's turns and lie
 * within `maxBits`, closest first. One branch per band, each an index-only scan of that band's
 * covering index (band, hash, photo): the cost grows with the hashes that share a band, not with
 * the store, and no table row is read.
 */
export async function findCandidates(db: Db, turns: string[], maxBits: number, limit = 3): Promise<Candidate[]> {
  const unique = [...new Set(turns)];
  // numbers only (parsed from hex above), so written as array literals the planner sees as constants
  const array = (values: (number | bigint)[], type: string) => sql.raw(`array[${values.join(',')}]::${type}[]`);
  const hashes = array(unique.map(signed), 'bigint');
  // a pairing counts only when the two hashes share the band it was found by (as closestHash)
  const branch = (i: number) => {
    const band = sql.raw(`band${i}`);
    const keys = array(unique.map((h) => bands(h)[i]), 'int');
    return sql`select p.attachment_id, bit_count((p.hash # q.h)::bit(64)) as bits
      from photo_hashes p join unnest(${hashes}, ${keys}) as q(h, b) on p.${band} = q.b
      where p.${band} = any(${keys})`;
  };
  // a pairing beyond SURE_CANDIDATE_BITS needs a second one: the candidate's other windows are read
  // by the primary key, for the few photos found (isCandidate is the same rule on two fingerprints)
  return rowsOf<Candidate>(
    db.execute(sql`
      with found as (
        select m.attachment_id, min(m.bits)::int as bits
        from (${branch(0)} union all ${branch(1)} union all ${branch(2)} union all ${branch(3)}) m
        group by m.attachment_id having min(m.bits) <= ${maxBits})
      select f.attachment_id as "attachmentId", f.bits from found f
      where f.bits <= ${SURE_CANDIDATE_BITS}
         or (select count(*) from photo_hashes p cross join unnest(${hashes}) as q(h)
             where p.attachment_id = f.attachment_id and p."window" >= 0
               and bit_count((p.hash # q.h)::bit(64)) <= ${SECOND_PAIRING_BITS}) >= 2
      order by f.bits, f.attachment_id limit ${limit}`),
  );
}

/**
 * Keeps the index up to date: every `intervalMs`, or at once while a backlog remains (the backfill
 * of photos stored before the index existed drains this way). Returns the stop function.
 */
export function startPhotoIndexer(db: Db, storage: MediaStorage, { intervalMs, batch = 50, onError }: { intervalMs: number; batch?: number; onError: (error: unknown) => void }) {
  return startLoop(async () => (await indexPhotos(db, storage, batch)) === batch, { intervalMs, onError });
}
