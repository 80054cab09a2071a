import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import { createReport } from '@/lib/intake/create-report';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import { processImage, type ProcessedImage } from './process-image';
import { createDiskStorage } from './storage';
import { storePhotos, type StoredPhoto } from './store-photos';
import { sweepOrphanMedia, sweeperSettings } from './sweep-orphans';

let database: Database;
let root: string;
let photo: ProcessedImage;
const now = new Date('2026-03-10T03:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  root = mkdtempSync(join(tmpdir(), 'aduan-sweep-'));
  photo = await processImage(
    await sharp({ create: { width: 400, height: 300, channels: 3, background: '#226644' } })
      .jpeg()
      .toBuffer(),
  );
});
afterAll(async () => {
  await database?.close();
  rmSync(root, { recursive: true, force: true });
});

const files = () =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
const journal = async () =>
  (
    await rowsOf<{ key: string }>(
      database.db.execute(sql`select key from media_uploads order by key`),
    )
  ).map((r) => r.key);

describe('sweepOrphanMedia', () => {
  it('removes what a process killed before commit left behind, keeps every recorded photo', async () => {
    const storage = createDiskStorage(root);
    const created = await createReport(
      database.db,
      reportInput({ formToken: 'sapu-token-0001-abcdefgh', description: 'Jalan berlubang di depan pasar.', photos: [photo] }),
      { now, storage, publicUrl: 'http://aduan.test' },
    );
    const [recorded] = await rowsOf<{ storage_key: string; thumb_key: string }>(
      database.db.execute(
        sql`select a.storage_key, a.thumb_key from attachments a join reports r on r.id = a.report_id where r.number = ${created.number}`,
      ),
    );
    // killed after writing both files, before the transaction: files and journal, no row
    const written: StoredPhoto[] = [];
    await storePhotos(storage, [photo], now, written, database.db);
    // killed in the middle of a write: journaled, only a temp file on disk
    const cut: StoredPhoto[] = [];
    await storePhotos({ ...storage, put: async () => {} }, [photo], now, cut, database.db);
    writeFileSync(join(root, `${cut[0].storageKey}.4242.tmp`), 'setengah');
    expect(files()).toHaveLength(5);

    // young uploads may belong to a transaction still in flight: left alone
    expect(await sweepOrphanMedia(database.db, storage, { tmpRoot: root })).toEqual({
      examined: 0,
      removed: [],
    });
    expect(files()).toHaveLength(5);

    const swept = await sweepOrphanMedia(database.db, storage, { graceMs: 0, tmpRoot: root });
    expect(swept.examined).toBe(6);
    expect(swept.removed.sort()).toEqual(
      [written[0].storageKey, written[0].thumbKey, cut[0].storageKey, cut[0].thumbKey].sort(),
    );
    expect(files()).toEqual([recorded.storage_key, recorded.thumb_key].sort());
    expect(await journal()).toEqual([]);
  });

  it('never touches files it did not write (a photo folder shared with another database)', async () => {
    const stranger = join(root, '2025/01/02/milik-lain.webp');
    mkdirSync(dirname(stranger), { recursive: true });
    writeFileSync(stranger, 'foto basis data lain');
    expect(
      await sweepOrphanMedia(database.db, createDiskStorage(root), { graceMs: 0, tmpRoot: root }),
    ).toEqual({ examined: 0, removed: [] });
    expect(existsSync(stranger)).toBe(true);
  });

  it.each([
    ['defaults', {}, { graceMs: 900_000, intervalMs: 60_000 }],
    [
      'a grace of zero (one instance, after a crash)',
      { ADUAN_MEDIA_SWEEP_GRACE_SECONDS: '0' },
      { graceMs: 0, intervalMs: 60_000 },
    ],
    [
      'nonsense falls back',
      { ADUAN_MEDIA_SWEEP_GRACE_SECONDS: 'x', ADUAN_MEDIA_SWEEP_INTERVAL_MS: '-5' },
      { graceMs: 900_000, intervalMs: 60_000 },
    ],
  ])('reads its settings: %s', (_label, env, expected) => {
    expect(sweeperSettings(env)).toEqual(expected);
  });
});
