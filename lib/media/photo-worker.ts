import { availableParallelism } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { publishReportChanges } from '@/lib/cache/signal';
import { startLoop } from '@/lib/jobs/loop';
import { ImageRejectedError, processImage } from './process-image';
import { photoWorkerHook } from './quarantine';
import type { MediaStorage } from './storage';
import { removePhotos, storePhotos, type StoredPhoto } from './store-photos';

export interface PhotoRunResult {
  /** Photos processed and published. */
  published: number;
  /** Photos that turned out damaged: kept in quarantine with the reason, never shown. */
  failed: number;
  /** Tickets whose public pages now show more photos. */
  numbers: string[];
}

/** Photos one run claims, and how many of them are encoded at once (by default the number of cores). */
const DEFAULT_BATCH = 8;
const DEFAULT_CONCURRENCY = availableParallelism();

/** A photo still in quarantine after this many tries (e.g. storage was unreachable) is given up. */
export const MAX_ATTEMPTS = 5;

/**
 * One run of the photo worker: claims up to `batch` quarantined photos under a lease (so another
 * worker takes over a photo whose worker died), re-encodes each (processImage: rotation, at most
 * 2048 px, metadata stripped, thumbnail, perceptual hash), stores the results and publishes the
 * photo in one statement, then removes the original. Nothing holds a transaction while images
 * are encoded (PGlite has a single connection). A crash anywhere leaves the photo quarantined
 * with its original, to be taken again after the lease; files of a half-done attempt are orphans
 * the sweep removes.
 */
export async function processQuarantine(
  db: Db,
  storage: MediaStorage,
  options: { batch?: number; concurrency?: number; leaseMs?: number; now?: () => Date } = {},
): Promise<PhotoRunResult> {
  const now = options.now ?? (() => new Date());
  const leaseSeconds = (options.leaseMs ?? 120_000) / 1000;
  const claimed = await rowsOf<{ id: number; storage_key: string; process_attempts: number }>(
    db.execute(sql`
      update attachments set process_lease_until = now() + make_interval(secs => ${leaseSeconds}),
                             process_attempts = process_attempts + 1
      where id in (
        select id from attachments
        where quarantined_at is not null and process_error is null
          and (process_lease_until is null or process_lease_until < now())
        order by id limit ${options.batch ?? DEFAULT_BATCH}
        for update skip locked)
      returning id, storage_key, process_attempts`),
  );
  const result: PhotoRunResult = { published: 0, failed: 0, numbers: [] };
  let transient: unknown = null;
  const handle = async (photo: (typeof claimed)[number]) => {
    const original = await storage.get(photo.storage_key);
    let error: string | null = null;
    if (!original) error = 'berkas_hilang';
    else {
      const stored: StoredPhoto[] = [];
      try {
        await storePhotos(storage, [await processImage(original)], now(), stored, db);
        const [p] = stored;
        const published = await rowsOf<{ number: string }>(
          db.execute(sql`
            with done as (
              update attachments
              set storage_key = ${p.storageKey}, thumb_key = ${p.thumbKey}, mime = ${p.mime}, width = ${p.width},
                  height = ${p.height}, bytes = ${p.bytes}, phash = ${p.phash},
                  quarantined_at = null, process_lease_until = null
              where id = ${photo.id} and quarantined_at is not null
              returning report_id),
            -- the original goes back into the journal: if this process dies before removing it,
            -- the orphan sweep does
            journal as (insert into media_uploads (key) values (${photo.storage_key}) on conflict do nothing)
            select r.number from reports r join done on done.report_id = r.id`),
        );
        if (published.length === 0) {
          // another worker finished it while this one held an expired lease
          await removePhotos(storage, stored);
          return;
        }
        await storage.remove(photo.storage_key);
        result.published++;
        result.numbers.push(published[0].number);
        return;
      } catch (caught) {
        await removePhotos(storage, stored).catch(() => {});
        if (caught instanceof ImageRejectedError) error = caught.code;
        else if (photo.process_attempts >= MAX_ATTEMPTS) error = 'gagal_diproses';
        else {
          // e.g. storage unreachable: the lease runs out and a later run tries again
          transient ??= caught;
          return;
        }
      }
    }
    await db.execute(sql`
      update attachments set process_error = ${error}, process_lease_until = null where id = ${photo.id} and quarantined_at is not null`);
    result.failed++;
  };
  // Encoding one image keeps about one core busy: a few at once use the machine's cores.
  const queue = [...claimed];
  const lanes = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, queue.length));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let photo = queue.shift(); photo; photo = queue.shift()) await handle(photo);
    }),
  );
  result.numbers = [...new Set(result.numbers)];
  // every instance drops its cached pages of these tickets (lib/cache/signal.ts)
  await publishReportChanges(db, result.numbers, null);
  if (transient && result.published + result.failed === 0) throw transient;
  return result;
}

/** How many photos wait in quarantine, and since when the oldest (for the bench and health checks). */
export async function quarantineBacklog(db: Db): Promise<{ waiting: number; oldest: Date | null; failed: number }> {
  const [row] = await rowsOf<{ waiting: number; oldest: string | Date | null; failed: number }>(
    db.execute(sql`
      select count(*) filter (where process_error is null)::int as waiting,
             min(quarantined_at) filter (where process_error is null) as oldest,
             count(*) filter (where process_error is not null)::int as failed
      from attachments where quarantined_at is not null`),
  );
  return { waiting: row.waiting, oldest: row.oldest ? new Date(row.oldest) : null, failed: row.failed };
}

/**
 * Processes the quarantine until stopped. A run that found work is followed at once by the next,
 * so a backlog drains at full speed; `onPublished` hears the tickets whose photos appeared.
 */
export function startPhotoWorker(
  db: Db,
  storage: MediaStorage,
  options: {
    intervalMs: number;
    batch?: number;
    concurrency?: number;
    leaseMs?: number;
    onPublished?: (result: PhotoRunResult) => void;
    onError: (error: unknown) => void;
  },
): () => Promise<void> {
  const loop = startLoop(
    async () => {
      const result = await processQuarantine(db, storage, options);
      if (result.published + result.failed > 0) options.onPublished?.(result);
      return result.published + result.failed > 0;
    },
    { intervalMs: options.intervalMs, onError: options.onError },
  );
  photoWorkerHook.aduanWakePhotoWorker = loop.wake;
  return async () => {
    if (photoWorkerHook.aduanWakePhotoWorker === loop.wake) photoWorkerHook.aduanWakePhotoWorker = undefined;
    await loop();
  };
}
