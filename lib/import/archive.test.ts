import { createReadStream, existsSync } from 'node:fs';
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
      kelurahan: string | null;
      unit: string | null;
      lat: number | null;
      lng: number | null;
      approx: boolean;
      due: string | null;
      created: string;
      description: string;
      public: boolean;
      labels: { kelurahan: string; category: string; agency: string; kelurahan_key: string | null; category_key: string | null; agency_key: string | null };
    }>(
      database.db.execute(sql`
        select r.status::text, r.category_code as category, r.kelurahan_code as kelurahan, a.code as unit, r.lat, r.lng,
               r.location_approximate as approx, r.due_at as due, to_char(r.created_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as created,
               r.description, r.is_public as public, to_jsonb(l) - 'report_id' - 'source' - 'line' as labels
        from reports r left join agencies a on a.id = r.handling_agency_id left join archive_labels l on l.report_id = r.id
        where r.number = ${number}`),
    )
  )[0];

describe('importArchive', () => {
  it('refuses only rows without a usable number or date, and counts the twin', () => {
    expect(first.refused.map((p) => [p.line, p.reason.split(':')[0]])).toEqual([
      [10, 'report_id tidak valid (harus JK + 10 angka)'],
      [13, 'tanggal tidak valid'],
    ]);
    expect(first.imported).toBe(10);
    expect(first.alreadyPresent).toBe(1);
  });

  it('imports and holds every row whose labels match nothing, and lists those labels', () => {
    expect(first.held).toBe(4);
    expect(first.unmatched).toEqual([
      { kind: 'kelurahan', label: 'ATLANTIS', rows: 1 },
      { kind: 'instansi', label: 'BADAN URUSAN LAIN', rows: 1 },
      { kind: 'kategori', label: 'Kategori Karangan', rows: 1 },
      { kind: 'instansi', label: 'UNIT BARU ENTAH', rows: 1 },
    ]);
  });

  it('keeps an unknown category as "not yet categorised", with the unit the archive names', async () => {
    expect(await report('JK2301070007')).toMatchObject({
      status: 'proses',
      category: 'belum-dikategorikan',
      kelurahan: '31.71.01.1001',
      unit: 'bina-marga-31.71',
      labels: { category: 'Kategori Karangan', category_key: 'kategori karangan', agency_key: null, kelurahan_key: null },
    });
  });

  it('leaves a report of an unknown agency with its kelurahan', async () => {
    expect(await report('JK2301070005')).toMatchObject({ category: 'sampah', unit: 'kel-31.71.01.1001', labels: { agency: 'BADAN URUSAN LAIN', agency_key: 'badan urusan lain' } });
  });

  it('puts a report of an unknown kelurahan in triage, without a place', async () => {
    expect(await report('JK2301070006')).toMatchObject({
      status: 'menunggu',
      kelurahan: null,
      lat: null,
      approx: false,
      unit: 'bina-marga',
      labels: { kelurahan: 'ATLANTIS', kelurahan_key: 'atlantis' },
    });
    const [triage] = await rowsOf<{ n: number }>(
      database.db.execute(sql`select count(*)::int as n from reports where number = 'JK2301070006' and status = 'menunggu' and kelurahan_code is null`),
    );
    expect(triage.n).toBe(1);
  });

  it('matches names tolerantly and keeps the labels verbatim; agencies to their unit in the kota', async () => {
    expect(await report('JK2301050002')).toMatchObject({
      kelurahan: '31.71.01.1005',
      category: 'parkir-liar',
      unit: 'perhubungan-31.71',
      labels: { kelurahan: 'KELURAHAN  kebon  kelapa', category: 'Parkir liar', agency: 'DINAS PERHUBUNGAN', kelurahan_key: null, category_key: null, agency_key: null },
    });
    expect(await report('JK2301060003')).toMatchObject({ kelurahan: '31.71.06.1001', category: 'fasilitas-gedung', unit: 'kel-31.71.06.1001' });
    expect(await report('JK2301060004')).toMatchObject({ category: 'pohon', unit: 'pertamanan-31.71' });
    expect(await report('JK2301080012')).toMatchObject({ kelurahan: '31.01.02.1002', category: 'banjir', unit: 'sda-31.01', created: '2023-01-08' });
  });

  it('reads a day-first date, takes the day from the number when the date is empty, and keeps an empty description', async () => {
    expect(await report('JK2301070009')).toMatchObject({ created: '2023-01-07', status: 'proses' });
    expect(await report('JK2301080013')).toMatchObject({ description: '', kelurahan: '31.71.01.1001', unit: 'kel-31.71.01.1001' });
  });

  it('keeps number, date and text; puts the report at a stand-in point inside its kelurahan; sets no deadlines', async () => {
    const r = await report('JK2301050001');
    expect(r).toMatchObject({ status: 'proses', created: '2023-01-05', approx: true, due: null, public: true });
    expect(r.description).toBe('Jalan di depan stasiun berlubang,\nmohon segera diperbaiki.');
    expect(locate(r.lat!, r.lng!)?.kelurahanCode).toBe('31.71.01.1001');
  });

  it('is idempotent: a second run imports nothing and changes nothing', async () => {
    const digest = () => rowsOf<{ d: string }>(database.db.execute(sql`select md5(string_agg(t::text, '|' order by t::text)) as d from (select * from reports) t`));
    const before = await digest();
    const again = await importArchive(database.db, readArchiveCsv(createReadStream(fixture)), { source: 'archive.csv', now: new Date(now.getTime() + 60_000) });
    expect(again).toMatchObject({ imported: 0, alreadyPresent: 11, held: 0, unmatched: [] });
    expect(await digest()).toEqual(before);
  });

  it('stops before any row when a column is missing', async () => {
    const rows = readArchiveCsv(Readable.from(['report_id,date,kelurahan\nJK2301050099,2023-01-05,GAMBIR\n']));
    await expect(importArchive(database.db, rows, { source: 'x.csv', now })).rejects.toThrow(ArchiveFileError);
  });
});

const sample = [join(process.env.ADUAN_SHARED_DIR ?? join(__dirname, '../../../shared'), 'data/crm-2023-sample/reports.csv'), '/work/shared/data/crm-2023-sample/reports.csv'].find(
  (p) => existsSync(p),
);

describe.skipIf(!sample)('the shared CRM 2023 sample (577 real rows)', () => {
  let result: ImportSummary;
  let sampleDb: Database;
  beforeAll(async () => {
    sampleDb = await createTestDatabase();
    await seedReference(sampleDb.db);
    result = await importArchive(sampleDb.db, readArchiveCsv(createReadStream(sample!)), { source: 'reports.csv', now });
  });
  afterAll(async () => sampleDb?.close());

  it('imports every row: none refused, no category, agency or kelurahan unmatched', () => {
    expect(result.refused).toEqual([]);
    expect(result.unmatched).toEqual([]);
    expect(result).toMatchObject({ imported: 575, alreadyPresent: 2, held: 0 });
  });

  it('routes the agencies the first reference list lacked to themselves, not to the kelurahan', async () => {
    const held = await rowsOf<{ agency: string; unit: string; kind: string }>(
      sampleDb.db.execute(sql`
        select distinct l.agency, a.code as unit, a.kind::text as kind from archive_labels l
        join reports r on r.id = l.report_id join agencies a on a.id = r.handling_agency_id
        where l.agency in ('BADAN PEMBINAAN BADAN USAHA MILIK DAERAH', 'BADAN PENDAPATAN DAERAH', 'DINAS KESEHATAN', 'BADAN KESATUAN BANGSA DAN POLITIK')`),
    );
    expect(held.length).toBeGreaterThan(4);
    for (const h of held) expect(h.kind, `${h.agency} → ${h.unit}`).not.toBe('kelurahan');
    expect(new Set(held.filter((h) => h.agency === 'BADAN PEMBINAAN BADAN USAHA MILIK DAERAH').map((h) => h.unit))).toEqual(new Set(['bp-bumd']));
  });
});
