import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { getPublicPhotoFile } from '@/db/queries/public';
import { seedReference } from '@/db/seed/reference';
import { createReport } from '@/lib/intake/create-report';
import { getTrackedReport } from '@/lib/intake/tracker';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import { photoResponse } from './photo-response';
import { ImageRejectedError, processImage } from './process-image';
import { processQuarantine, quarantineBacklog, startPhotoWorker } from './photo-worker';
import { acceptImage, wakePhotoWorker } from './quarantine';
import { createDiskStorage, type MediaStorage } from './storage';

let database: Database;
let root: string;
let storage: MediaStorage;
const now = new Date('2026-03-10T03:00:00Z');
const publicUrl = 'http://aduan.test';

/** A phone-like photo: 1600×1200 JPEG turned by EXIF orientation 6 (portrait when shown). */
const phonePhoto = () =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#6b4f2f' } })
    .composite([{ input: Buffer.from('<svg width="400" height="300"><rect width="400" height="300" fill="#ddd"/></svg>'), left: 100, top: 100 }])
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 85 })
    .toBuffer();

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  root = mkdtempSync(join(tmpdir(), 'aduan-karantina-'));
  storage = createDiskStorage(root);
});
afterAll(async () => {
  await database?.close();
  rmSync(root, { recursive: true, force: true });
});

async function fileWithPhoto(token: string, photo?: Buffer) {
  const accepted = await acceptImage(photo ?? (await phonePhoto()));
  return createReport(database.db, reportInput({ formToken: token, description: 'Jalan berlubang di depan pasar, dalam sekali.', photos: [accepted] }), {
    now,
    storage,
    publicUrl,
  });
}

const attachmentOf = async (number: string) =>
  (
    await rowsOf<{ id: number; storage_key: string; thumb_key: string | null; phash: string | null; width: number; height: number; mime: string; quarantined_at: Date | null; process_error: string | null; process_attempts: number }>(
      database.db.execute(sql`
        select a.id::int as id, a.storage_key, a.thumb_key, a.phash, a.width, a.height, a.mime, a.quarantined_at, a.process_error, a.process_attempts
        from attachments a join reports r on r.id = a.report_id where r.number = ${number}`),
    )
  )[0];

describe('photos accepted first, processed after', () => {
  it('acknowledges a report with its upload in quarantine: stored as sent, shown to nobody', async () => {
    const created = await fileWithPhoto('karantina-0001-abcdefgh');
    const photo = await attachmentOf(created.number);
    expect(photo.quarantined_at).not.toBeNull();
    expect(photo.storage_key).toMatch(/^karantina\/2026\/03\/10\/[\w-]+\.jpg$/);
    expect(photo.thumb_key).toBeNull();
    // the size as it will be shown (EXIF turns it upright)
    expect([photo.width, photo.height]).toEqual([1200, 1600]);
    expect(existsSync(join(root, photo.storage_key))).toBe(true);
    // not in the public projection, not on the reporter's private page, not served by any photo route
    expect(await getPublicPhotoFile(database.db, photo.id)).toBeNull();
    const tracked = await getTrackedReport(database.db, created.number, created.trackingKey);
    expect(tracked?.photos).toEqual([]);
    const answer = await photoResponse({ storageKey: photo.storage_key, thumbKey: null, mime: photo.mime }, new URLSearchParams(), {});
    expect(answer.status).toBe(404);
  });

  it('the worker re-encodes, hashes and publishes it, and removes the original', async () => {
    const created = await fileWithPhoto('karantina-0002-abcdefgh');
    const before = await attachmentOf(created.number);
    const result = await processQuarantine(database.db, storage, { batch: 10 });
    expect(result.numbers).toContain(created.number);
    const after = await attachmentOf(created.number);
    expect(after.quarantined_at).toBeNull();
    expect(after.storage_key).toMatch(/^\d{4}\/\d{2}\/\d{2}\/[\w-]+\.webp$/);
    expect(after.thumb_key).toMatch(/\.kecil\.webp$/);
    expect(after.phash).toMatch(/^[0-9a-f]{16}$/);
    expect(after.mime).toBe('image/webp');
    expect([after.width, after.height]).toEqual([1200, 1600]);
    expect(existsSync(join(root, before.storage_key))).toBe(false);
    expect(existsSync(join(root, after.storage_key))).toBe(true);
    // the same result as processing at intake would have given
    const direct = await processImage(await phonePhoto());
    expect(after.phash).toBe(direct.phash);
    expect(await getPublicPhotoFile(database.db, after.id)).toMatchObject({ storageKey: after.storage_key });
    const tracked = await getTrackedReport(database.db, created.number, created.trackingKey);
    expect(tracked?.photos.map((p) => p.id)).toEqual([after.id]);
    expect((await quarantineBacklog(database.db)).waiting).toBe(0);
  });

  it('a worker that dies after taking a photo loses nothing: another takes it over when its lease ends', async () => {
    const created = await fileWithPhoto('karantina-0003-abcdefgh');
    // the dead worker: it claimed the photo (lease, attempt counted) and never came back
    const dead: MediaStorage = {
      ...storage,
      get: async () => {
        throw new Error('proses mati');
      },
    };
    await expect(processQuarantine(database.db, dead, { leaseMs: 60_000 })).rejects.toThrow('proses mati');
    expect((await attachmentOf(created.number)).quarantined_at).not.toBeNull();
    // while the lease runs, nobody else takes it
    expect((await processQuarantine(database.db, storage)).published).toBe(0);
    await database.db.execute(sql`update attachments set process_lease_until = now() - interval '1 second' where quarantined_at is not null`);
    const result = await processQuarantine(database.db, storage);
    expect(result.numbers).toEqual([created.number]);
    const after = await attachmentOf(created.number);
    expect(after.quarantined_at).toBeNull();
    expect(after.process_attempts).toBe(2);
  });

  it('a worker killed after writing the processed files but before publishing: taken again, the half-done files become orphans', async () => {
    const created = await fileWithPhoto('karantina-0004-abcdefgh');
    const written: string[] = [];
    // dies at the publishing statement: its files are written and journaled, the row unchanged
    const execute = ((query: Parameters<typeof database.db.execute>[0]) => {
      if (JSON.stringify(query).includes('quarantined_at = null')) throw new Error('proses mati');
      return database.db.execute(query);
    }) as typeof database.db.execute;
    const dying = new Proxy(database.db, {
      get: (target, name) => (name === 'execute' ? execute : Reflect.get(target, name, target)),
    });
    const spy: MediaStorage = { ...storage, put: async (key, data) => (written.push(key), storage.put(key, data)) };
    await expect(processQuarantine(dying, spy, { leaseMs: 1 })).rejects.toThrow('proses mati');
    const waiting = await attachmentOf(created.number);
    expect(waiting.quarantined_at).not.toBeNull();
    expect(existsSync(join(root, waiting.storage_key))).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect((await processQuarantine(database.db, storage)).numbers).toEqual([created.number]);
    expect((await attachmentOf(created.number)).storage_key).not.toBe(waiting.storage_key);
    // what the first attempt wrote is in the journal for the orphan sweep
    const journaled = await rowsOf<{ key: string }>(database.db.execute(sql`select key from media_uploads`));
    const keys = new Set(journaled.map((j) => j.key));
    expect(written.filter((k) => existsSync(join(root, k))).every((k) => keys.has(k))).toBe(true);
  });

  it('an upload that cannot be decoded in full stays in quarantine with the reason, never shown', async () => {
    const created = await fileWithPhoto('karantina-0005-abcdefgh');
    const photo = await attachmentOf(created.number);
    // damaged on the way to the worker (a disk or storage fault)
    writeFileSync(join(root, photo.storage_key), (await phonePhoto()).subarray(0, 2000));
    const result = await processQuarantine(database.db, storage);
    expect(result.failed).toBe(1);
    const after = await attachmentOf(created.number);
    expect(after.process_error).toBe('rusak');
    expect(after.quarantined_at).not.toBeNull();
    expect(await getPublicPhotoFile(database.db, after.id)).toBeNull();
    expect(await quarantineBacklog(database.db)).toMatchObject({ waiting: 0, failed: 1 });
    // and is not taken again
    expect((await processQuarantine(database.db, storage)).failed).toBe(0);
  });

  it('the running worker publishes a photo moments after it is filed when woken', async () => {
    const published: string[] = [];
    const stop = startPhotoWorker(database.db, storage, { intervalMs: 60_000, onPublished: (r) => published.push(...r.numbers), onError: () => {} });
    try {
      await new Promise((r) => setTimeout(r, 50));
      const created = await fileWithPhoto('karantina-0006-abcdefgh');
      wakePhotoWorker();
      await expect.poll(() => published, { timeout: 10_000 }).toContain(created.number);
    } finally {
      await stop();
    }
  });
});

describe('acceptImage refuses at the form what processing would refuse', () => {
  const jpeg = () => sharp({ create: { width: 400, height: 300, channels: 3, background: '#665544' } }).jpeg().toBuffer();
  it.each<[string, () => Promise<Buffer> | Buffer, string]>([
    ['a file that is no image', () => Buffer.from('bukan foto sama sekali'), 'tipe_tidak_didukung'],
    ['a JPEG cut off (truncated upload)', async () => (await jpeg()).subarray(0, 700), 'rusak'],
    ['a JPEG with a script after its end', async () => Buffer.concat([await jpeg(), Buffer.from('<script>alert(1)</script>')]), 'berisi_sisipan'],
    ['a PNG header claiming to be a JPEG', async () => Buffer.concat([Buffer.from('ffd8ff', 'hex'), (await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer()).subarray(3)]), 'rusak'],
    ['a file over 10 MB', () => Buffer.concat([Buffer.from('ffd8ff', 'hex'), Buffer.alloc(10 * 1024 * 1024 + 10)]), 'terlalu_besar'],
    ['a PNG cut in half', async () => { const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#123456' } }).png().toBuffer(); return png.subarray(0, png.length >> 1); }, 'rusak'],
    ['a WebP cut in half', async () => { const webp = await sharp(await jpeg()).webp().toBuffer(); return webp.subarray(0, webp.length >> 1); }, 'rusak'],
    ['a JPEG cut in half', async () => { const whole = await phonePhoto(); return whole.subarray(0, whole.length >> 1); }, 'rusak'],
  ])('%s', async (_label, make, code) => {
    const input = await make();
    await expect(acceptImage(input)).rejects.toMatchObject({ code });
    await expect(processImage(input)).rejects.toBeInstanceOf(ImageRejectedError);
  });

  it('accepts an honest phone photo with a binary trailer after its end', async () => {
    const withTrailer = Buffer.concat([await jpeg(), Buffer.from('SEFT\u0000\u0001motion-photo-trailer', 'latin1')]);
    await expect(acceptImage(withTrailer)).resolves.toMatchObject({ sourceMime: 'image/jpeg', width: 400, height: 300 });
  });

  it('keeps the capture time and place from the EXIF of the upload', async () => {
    const withExif = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#445566' } })
      .withExif({ IFD0: { Make: 'Uji' }, IFD2: { DateTimeOriginal: '2026:03:09 08:15:00' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 10/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 49/1 40/1' } })
      .jpeg()
      .toBuffer();
    const accepted = await acceptImage(withExif);
    const processed = await processImage(withExif);
    expect(accepted.exif).toEqual(processed.exif);
    expect(accepted.exif.takenAt?.toISOString()).toBe('2026-03-09T01:15:00.000Z');
  });

  it('takes the capture time and place the browser sent when the upload (downscaled there) has none', async () => {
    const downscaled = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#445566' } }).jpeg().toBuffer();
    const hint = { takenAt: new Date('2026-03-09T01:15:00Z'), lat: -6.175, lng: 106.8278 };
    expect((await acceptImage(downscaled)).exif).toEqual({ takenAt: null, lat: null, lng: null });
    expect((await acceptImage(downscaled, hint)).exif).toEqual(hint);
    expect((await processImage(downscaled, hint)).exif).toEqual(hint);
  });
});
