import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import { createReport } from '@/lib/intake/create-report';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import { startLocalS3, type LocalS3 } from '@/lib/testing/s3';
import { processImage } from './process-image';
import { createS3Storage, s3ConfigFromEnv } from './s3-storage';
import { storageFromEnv } from './storage';

let s3: LocalS3;
let database: Database;

beforeAll(async () => {
  s3 = await startLocalS3();
  database = await createTestDatabase();
  await seedReference(database.db);
});
afterAll(async () => {
  await database?.close();
  await s3?.stop();
});

describe('s3ConfigFromEnv', () => {
  it.each([
    ['no bucket: local disk', {}, null],
    [
      'a bucket on a self-hosted endpoint: path-style, given keys',
      { ADUAN_S3_BUCKET: 'foto', ADUAN_S3_ENDPOINT: 'http://minio:9000', ADUAN_S3_ACCESS_KEY_ID: 'a', ADUAN_S3_SECRET_ACCESS_KEY: 'b', ADUAN_S3_PREFIX: 'aduan' },
      { bucket: 'foto', endpoint: 'http://minio:9000', region: 'us-east-1', prefix: 'aduan/', forcePathStyle: true, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } },
    ],
    [
      'AWS itself: virtual-hosted addresses, the SDK finds the credentials',
      { ADUAN_S3_BUCKET: 'foto', ADUAN_S3_REGION: 'ap-southeast-3' },
      { bucket: 'foto', endpoint: undefined, region: 'ap-southeast-3', prefix: '', forcePathStyle: false, credentials: undefined },
    ],
  ])('%s', (_label, env, expected) => {
    expect(s3ConfigFromEnv(env)).toEqual(expected);
  });
});

describe('S3 storage against a local S3-compatible server', () => {
  it('writes, reads back and removes a photo; a missing one reads as null', async () => {
    const storage = storageFromEnv(s3.env);
    const data = Buffer.from('bukan foto sungguhan, tetapi byte yang sama');
    await storage.put('2026/03/10/abc.webp', data);
    expect(await storage.get('2026/03/10/abc.webp')).toEqual(data);
    await storage.remove('2026/03/10/abc.webp');
    expect(await storage.get('2026/03/10/abc.webp')).toBeNull();
  });

  it('keeps objects under the prefix and refuses keys that climb out of it', async () => {
    const withPrefix = createS3Storage({ ...s3ConfigFromEnv(s3.env)!, prefix: 'kota/' });
    const plain = storageFromEnv(s3.env);
    await withPrefix.put('a.jpg', Buffer.from('x'));
    expect(await plain.get('kota/a.jpg')).toEqual(Buffer.from('x'));
    await expect(withPrefix.put('../b.jpg', Buffer.from('y'))).rejects.toThrow(/invalid media key/);
  });

  it('a report filed with a photo through one instance has its photo readable by another', async () => {
    const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const created = await createReport(
      database.db,
      reportInput({ formToken: 'uji-s3-token-abcdefgh', description: 'Jalan berlubang di depan pasar, foto disimpan di S3.', photos: [await processImage(jpeg)] }),
      { now: new Date(), storage: storageFromEnv(s3.env), publicUrl: 'http://aduan.test' },
    );
    const [photo] = await rowsOf<{ storage_key: string; thumb_key: string }>(
      database.db.execute(sql`select a.storage_key, a.thumb_key from attachments a join reports r on r.id = a.report_id where r.number = ${created.number}`),
    );
    const other = storageFromEnv(s3.env);
    const main = await other.get(photo.storage_key);
    const thumb = await other.get(photo.thumb_key);
    expect((await sharp(main!).metadata()).width).toBeGreaterThan(0);
    expect((await sharp(thumb!).metadata()).format).toBe('webp');
  });
});
