import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import { locate } from '@/lib/regions/jakarta';
import { createTestDatabase } from '@/lib/testing/db';
import { importArchive, type ImportSummary } from './archive';
import { ArchiveFileError, readArchiveCsv } from './read-csv';

let database: Database;
const fixture = join(__dirname, 'fixtures', 'archive.csv');
const now = new Date('2026-03-10T03:00:00Z');
let first: ImportSummary;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  first = await importArchive(database.db, readArchiveCsv(createReadStream(fixture)), { source: 'archive.csv', now });
});
afterAll(async () => database?.close());

const report = async (number: string) =>
  (
    await rowsOf<{
      status: string;
      category: string;
      kelurahan: string;
      unit: string;
      lat: number;
      lng: number;
      approx: boolean;
      due: string | null;
      created: string;
      description: string;
      public: boolean;
    }>(
      database.db.execute(sql`
        select r.status::text, r.category_code as category, r.kelurahan_code as kelurahan, a.code as unit, r.lat, r.lng,
               r.location_approximate as approx, r.due_at as due, to_char(r.created_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as created,
               r.description, r.is_public as public
        from reports r join agencies a on a.id = r.handling_agency_id where r.number = ${number}`),
    )
  )[0];

describe('importArchive', () => {
  it('imports every matching row, reports every other one with its line and reason, and counts the twin', () => {
    expect(first.imported).toBe(5);
    expect(first.alreadyPresent).toBe(1);
    expect(first.refused.map((p) => [p.line, p.reason.split(':')[0]])).toEqual([
      [8, 'kelurahan tidak dikenal'],
      [9, 'kategori tidak dikenal'],
      [10, 'report_id tidak valid (harus JK + 10 angka)'],
      [11, 'tanggal tidak valid'],
    ]);
    expect(first.warnings).toEqual([{ line: 7, reportId: 'JK2301070005', reason: expect.stringContaining('BADAN URUSAN LAIN') }]);
  });

  it('matches names tolerantly: prefixes, spacing, case and spelling variants; agencies to their Suku Dinas', async () => {
    expect(await report('JK2301050002')).toMatchObject({ kelurahan: '31.71.01.1005', category: 'parkir-liar', unit: 'perhubungan-31.71' });
    expect(await report('JK2301060003')).toMatchObject({ kelurahan: '31.71.06.1001', category: 'fasilitas-gedung', unit: 'kel-31.71.06.1001' });
    expect(await report('JK2301060004')).toMatchObject({ category: 'pohon', unit: 'pertamanan-31.71' });
    expect(await report('JK2301070005')).toMatchObject({ category: 'sampah', unit: 'kel-31.71.01.1001' });
  });

  it('keeps number, date and text; puts the report at a stand-in point inside its kelurahan; sets no deadlines', async () => {
    const r = await report('JK2301050001');
    expect(r).toMatchObject({ status: 'proses', created: '2023-01-05', approx: true, due: null, public: true });
    expect(r.description).toBe('Jalan di depan stasiun berlubang,\nmohon segera diperbaiki.');
    expect(locate(r.lat, r.lng)?.kelurahanCode).toBe('31.71.01.1001');
  });

  it('is idempotent: a second run imports nothing and changes nothing', async () => {
    const before = await rowsOf<{ n: number }>(database.db.execute(sql`select count(*)::int as n from reports`));
    const again = await importArchive(database.db, readArchiveCsv(createReadStream(fixture)), { source: 'archive.csv', now });
    expect(again).toMatchObject({ imported: 0, alreadyPresent: 6 });
    expect(await rowsOf<{ n: number }>(database.db.execute(sql`select count(*)::int as n from reports`))).toEqual(before);
  });

  it('stops before any row when a column is missing', async () => {
    const rows = readArchiveCsv(Readable.from(['report_id,date,kelurahan\nJK2301050099,2023-01-05,GAMBIR\n']));
    await expect(importArchive(database.db, rows, { source: 'x.csv', now })).rejects.toThrow(ArchiveFileError);
  });
});
