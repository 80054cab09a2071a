import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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
import { processImage } from './process-image';
import { createDiskStorage } from './storage';
import { recentDayFolders, sweepOrphanMedia, sweeperSettings } from './sweep-orphans';

let database: Database;
let root: string;
const now = new Date('2026-03-10T03:00:00Z');
const hourAgo = new Date(now.getTime() - 3_600_000);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  root = mkdtempSync(join(tmpdir(), 'aduan-sweep-'));
});
afterAll(async () => {
  await database?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A file as a killed process leaves it, last written at `at`. */
function leave(key: string, at: Date) {
  const path = join(root, key);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, 'sisa');
  utimesSync(path, at, at);
}

describe('sweepOrphanMedia', () => {
  it('removes old files no row refers to and half-written temp files, keeps every recorded photo and young files', async () => {
    const jpeg = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#226644' },
    })
      .jpeg()
      .toBuffer();
    const created = await createReport(
      database.db,
      {
        formToken: 'sapu-token-0001-abcdefgh',
        channelCode: 'web',
        categoryCode: 'jalan',
        description: 'Jalan berlubang di depan pasar.',
        isPublic: true,
        lat: -6.1754,
        lng: 106.8272,
        kelurahanCode: null,
        address: null,
        reporterName: null,
        reporterPhone: null,
        reporterEmail: null,
        photos: [await processImage(jpeg)],
      },
      { now: hourAgo, storage: createDiskStorage(root), publicUrl: 'http://aduan.test' },
    );
    const [photo] = await rowsOf<{ storage_key: string; thumb_key: string }>(
      database.db.execute(
        sql`select a.storage_key, a.thumb_key from attachments a join reports r on r.id = a.report_id where r.number = ${created.number}`,
      ),
    );
    for (const key of [photo.storage_key, photo.thumb_key])
      utimesSync(join(root, key), hourAgo, hourAgo);
    leave('2026/03/10/yatim.jpg', hourAgo);
    leave('2026/03/10/yatim.kecil.webp', hourAgo);
    leave('2026/03/10/setengah.jpg.4242.tmp', hourAgo);
    leave('2026/03/10/baru.jpg', new Date(now.getTime() - 60_000));
    leave('2025/01/02/lama.jpg', new Date('2025-01-02T03:00:00Z'));

    const recent = await sweepOrphanMedia(database.db, root, {
      now,
      graceMs: 15 * 60_000,
      days: recentDayFolders(now),
    });
    expect(recent.removed.sort()).toEqual([
      '2026/03/10/setengah.jpg.4242.tmp',
      '2026/03/10/yatim.jpg',
      '2026/03/10/yatim.kecil.webp',
    ]);
    expect(existsSync(join(root, '2025/01/02/lama.jpg'))).toBe(true);

    const all = await sweepOrphanMedia(database.db, root, { now, graceMs: 15 * 60_000 });
    expect(all.removed).toEqual(['2025/01/02/lama.jpg']);
    expect(existsSync(join(root, photo.storage_key))).toBe(true);
    expect(existsSync(join(root, photo.thumb_key))).toBe(true);
    expect(existsSync(join(root, '2026/03/10/baru.jpg'))).toBe(true);

    // once past the grace period, the young orphan goes too; recorded photos never do
    const later = await sweepOrphanMedia(database.db, root, {
      now: new Date(now.getTime() + 3_600_000),
    });
    expect(later.removed).toEqual(['2026/03/10/baru.jpg']);
    expect(later.examined).toBe(3);
  });

  it('answers an empty or missing directory with nothing to do', async () => {
    expect(await sweepOrphanMedia(database.db, join(root, 'tidak-ada'), { now })).toEqual({
      examined: 0,
      removed: [],
    });
  });

  it.each([
    ['defaults', {}, { graceMs: 900_000, intervalMs: 3_600_000 }],
    [
      'a grace of zero (one instance, after a crash)',
      { ADUAN_MEDIA_SWEEP_GRACE_SECONDS: '0' },
      { graceMs: 0, intervalMs: 3_600_000 },
    ],
    [
      'nonsense falls back',
      { ADUAN_MEDIA_SWEEP_GRACE_SECONDS: 'x', ADUAN_MEDIA_SWEEP_INTERVAL_MS: '-5' },
      { graceMs: 900_000, intervalMs: 3_600_000 },
    ],
  ])('reads its settings: %s', (_label, env, expected) => {
    expect(sweeperSettings(env)).toEqual(expected);
  });

  it('looks at the folders of today and yesterday in WIB', () => {
    expect(recentDayFolders(new Date('2026-03-10T18:00:00Z'))).toEqual([
      '2026/03/11',
      '2026/03/10',
    ]);
  });
});
