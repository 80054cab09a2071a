import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { attachments, reports } from '@/db/schema';
import { fingerprint } from '@/lib/media/photo-fingerprint';
import { findCandidates } from '@/lib/media/photo-index';
import { CANDIDATE_BITS, comparePhotos } from '@/lib/media/photo-match';
import type { MediaStorage } from '@/lib/media/storage';
import type { PhotoFacts, ProofFlag } from './proof-checks';

/**
 * The expensive half of the follow-up photo check: is a new photo a copy of a stored one? It reads
 * only photos already stored, so it runs before the follow-up's transaction opens (with the pool,
 * not the transaction's connection) and the ticket stays locked only while the flags are written.
 */

/** The hash of a picture without structure (one colour): such pictures cannot be told apart, so are not compared. */
const FLAT = '0000000000000000';
/** Photos whose difference hashes differ in at most this many of 64 bits are the same picture. */
export const SAME_PHOTO_MAX_BITS = Number(process.env.ADUAN_PROOF_SAME_PHOTO_BITS ?? 10);
/**
 * The newest photos the index has not reached that the difference hash is compared with: the
 * indexer runs every few seconds, so in steady state only a handful are waiting; during a backfill
 * the bound keeps the check from becoming a scan of the whole store.
 */
const UNINDEXED_LIMIT = 5000;

/** What the stored photos say about one new photo (see recycledFlag). */
export interface RecycledCheck {
  /** The closest difference-hash match among this ticket's photos and the photos not indexed yet. */
  match?: { id: number; number: string; bits: number };
  /** A keypoint-verified copy (null: none; undefined: the keypoint check could not run). */
  verified?: ProofFlag | null;
}

/**
 * For each new photo, the stored photo it is a copy of: through the robust-hash index (cropped,
 * mirrored, turned, screenshotted), and by the difference hash among this ticket's own photos and
 * those the indexer has not hashed yet (an untouched copy of a photo uploaded moments ago). Every
 * candidate is verified by keypoints, so a later photo of the same place is not called a copy.
 */
export async function findRecycledPhotos(db: Db, reportId: number, photos: Pick<PhotoFacts, 'phash' | 'image'>[], storage?: MediaStorage): Promise<RecycledCheck[]> {
  const out: RecycledCheck[] = [];
  for (const [index, photo] of photos.entries()) {
    const match = photo.phash && photo.phash !== FLAT ? await closestUnindexed(db, reportId, photo.phash) : undefined;
    let verified: ProofFlag | null | undefined;
    if (photo.image && storage) {
      try {
        verified = await recycledFrom(db, storage, photo.image, index, match?.id);
      } catch (error) {
        // the keypoint library could not run here: the follow-up is not lost, the old check stands
        console.error('[bukti] robust photo check failed, difference hash only:', error);
      }
    }
    out.push({ match, verified });
  }
  return out;
}

/** The foto_sama flag of one photo, if any: a verified copy, or the difference hash alone when keypoints could not run. Pure. */
export function recycledFlag(check: RecycledCheck | undefined, index: number): ProofFlag | null {
  if (!check) return null;
  if (check.verified) return check.verified;
  if (check.verified === undefined && check.match) {
    return { kind: 'foto_sama', photo: index, matchNumber: check.match.number, matchAttachmentId: check.match.id, hashDistance: check.match.bits };
  }
  return null;
}

/**
 * The closest difference-hash match within SAME_PHOTO_MAX_BITS among this ticket's photos and
 * the newest photos above the index's frontier (the indexer works oldest first, so the highest
 * indexed photo bounds the ones not hashed yet; both paths are index look-ups).
 */
async function closestUnindexed(db: Db, reportId: number, phash: string) {
  const bits = sql`bit_count((('x' || a.phash)::bit(64)) # (('x' || ${phash})::bit(64)))`;
  const [match] = await rowsOf<{ id: number; number: string; bits: number }>(
    db.execute(sql`
      select a.id, r.number, ${bits}::int as bits
      from attachments a join reports r on r.id = a.report_id
      where a.phash is not null and a.phash <> ${FLAT} and ${bits} <= ${SAME_PHOTO_MAX_BITS}
        and (a.report_id = ${reportId} or a.id in (
          select u.id from attachments u
          where u.id > (select coalesce(max(h.attachment_id), 0) from photo_hashes h)
          order by u.id desc limit ${UNINDEXED_LIMIT}))
      -- the closest match; this ticket's own photos first when equally close
      order by bits, a.report_id = ${reportId} desc, a.id
      limit 1`),
  );
  return match && { id: Number(match.id), number: match.number, bits: match.bits };
}

/** The stored photo `image` is a copy of, found through the hash index (or `alsoId`) and verified by keypoints. */
async function recycledFrom(db: Db, storage: MediaStorage, image: Buffer, index: number, alsoId?: number): Promise<ProofFlag | null> {
  const print = await fingerprint(image);
  const ids = (await findCandidates(db, print.turns, CANDIDATE_BITS)).map((c) => Number(c.attachmentId));
  if (alsoId !== undefined && !ids.includes(alsoId)) ids.push(alsoId);
  for (const id of ids) {
    const [stored] = await db
      .select({ key: attachments.storageKey, number: reports.number })
      .from(attachments)
      .innerJoin(reports, eq(reports.id, attachments.reportId))
      .where(eq(attachments.id, id));
    const file = stored && (await storage.get(stored.key));
    if (!file) continue;
    const result = await comparePhotos(file, image);
    if (!result.same) continue;
    return {
      kind: 'foto_sama',
      photo: index,
      matchNumber: stored.number,
      matchAttachmentId: id,
      hashDistance: result.hash.bits <= 64 ? result.hash.bits : undefined,
      score: result.score,
      edits: result.edits,
      region: result.region,
    };
  }
  return null;
}
