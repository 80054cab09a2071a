import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { listUnmatchedLabels } from '@/db/queries/archive-labels';
import { loadStaffUser, type StaffProfile } from '@/db/queries/staff';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { locate } from '@/lib/regions/jakarta';
import { triageReport } from '@/lib/staff/triage';
import { createTestDatabase } from '@/lib/testing/db';
import { importArchive } from './archive';
import { LabelMappingError, mapArchiveLabel } from './label-mapping';
import { readArchiveCsv } from './read-csv';

let database: Database;
const now = new Date('2026-03-10T03:00:00Z');
const staff: Record<string, StaffProfile> = {};

const csv = (...rows: string[]) => readArchiveCsv(Readable.from([`report_id,date,kelurahan,category,agency,description\n${rows.join('\n')}\n`]));

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  for (const { id } of await rowsOf<{ id: number }>(database.db.execute(sql`select id from users`))) {
    const user = (await loadStaffUser(database.db, id))!;
    staff[user.email.replace('@aduan.test', '')] = user;
  }
  await importArchive(
    database.db,
    csv(
      'JK2302010001,2023-02-01,GAMBIR,Sampah Liar Sekali,DINAS LINGKUNGAN HIDUP,Sampah menumpuk.',
      'JK2302010002,2023-02-01,GAMBIR,SAMPAH LIAR  SEKALI,DINAS LINGKUNGAN HIDUP,Sampah lagi.',
      'JK2302010003,2023-02-01,MENTENG,Jalan,UPT JALAN DAN JEMBATAN ENTAH,Jalan berlubang.',
      'JK2302010004,2023-02-01,KEL. GMBR,Pohon,DINAS PERTAMANAN DAN HUTAN,Dahan patah.',
      'JK2302010005,2023-02-01,GAMBIR,Sampah Liar Sekali,DINAS LINGKUNGAN HIDUP,Sampah yang sudah ditangani petugas.',
      'JK2302010006,2023-02-01,GAMBIR,Pungli di Kantor,KELURAHAN,Diminta uang untuk surat.',
    ),
    { source: 'uji.csv', now },
  );
  // an official already acted on one held report: a mapping must not undo their decision
  await database.db.execute(sql`
    insert into report_events (report_id, type, actor_user_id, body, is_public, created_at)
    select id, 'catatan', ${staff['lurah.gambir'].id}, 'Sudah dicek.', false, ${now.toISOString()}::timestamptz from reports where number = 'JK2302010005'`);
});
afterAll(async () => database?.close());

const report = async (number: string) =>
  (
    await rowsOf<{ category: string; kelurahan: string | null; status: string; unit: string | null; lat: number | null; lng: number | null; version: number; confidential: boolean; public: boolean }>(
      database.db.execute(sql`
        select r.category_code as category, r.kelurahan_code as kelurahan, r.status::text, a.code as unit, r.lat, r.lng, r.version,
               r.is_confidential as confidential, r.is_public as public
        from reports r left join agencies a on a.id = r.handling_agency_id where r.number = ${number}`),
    )
  )[0];
const keyOf = async (kind: string, label: string) => (await listUnmatchedLabels(database.db, staff.admin)).find((l) => l.kind === kind && l.label === label)!.key;

describe('unmatched archive labels', () => {
  it('are listed for admins with how many reports each holds, and for nobody else', async () => {
    const labels = await listUnmatchedLabels(database.db, staff.admin);
    expect(labels.map((l) => [l.kind, l.label, l.reports])).toEqual([
      ['kategori', 'SAMPAH LIAR  SEKALI', 3],
      ['instansi', 'UPT JALAN DAN JEMBATAN ENTAH', 1],
      ['kategori', 'Pungli di Kantor', 1],
      ['kelurahan', 'KEL. GMBR', 1],
    ]);
    for (const who of ['operator', 'lurah.gambir', 'validator']) expect(await listUnmatchedLabels(database.db, staff[who])).toEqual([]);
  });

  it('are mapped by admins only; a refused mapping changes nothing', async () => {
    const key = await keyOf('kategori', 'SAMPAH LIAR  SEKALI');
    for (const who of ['operator', 'lurah.gambir', 'walikota.pusat']) {
      await expect(mapArchiveLabel(database.db, staff[who], { kind: 'kategori', key, target: 'sampah' }, now)).rejects.toMatchObject({ code: 'tidak_berwenang' });
    }
    await expect(mapArchiveLabel(database.db, staff.admin, { kind: 'kategori', key, target: 'belum-dikategorikan' }, now)).rejects.toBeInstanceOf(LabelMappingError);
    await expect(mapArchiveLabel(database.db, staff.admin, { kind: 'kelurahan', key: 'kel gmbr', target: '31.71.01' }, now)).rejects.toMatchObject({ code: 'tujuan_tidak_valid' });
    expect((await report('JK2302010001')).category).toBe('belum-dikategorikan');
    const [aliases] = await rowsOf<{ n: number }>(database.db.execute(sql`select count(*)::int as n from reference_aliases`));
    expect(aliases.n).toBe(0);
  });

  it('a category label: moves every held report, leaves the one an official acted on, writes events and the audit row', async () => {
    const key = await keyOf('kategori', 'SAMPAH LIAR  SEKALI');
    expect(await mapArchiveLabel(database.db, staff.admin, { kind: 'kategori', key, target: 'sampah' }, now)).toEqual({ moved: 2, kept: 1 });
    expect(await report('JK2302010001')).toMatchObject({ category: 'sampah', version: 2 });
    expect(await report('JK2302010002')).toMatchObject({ category: 'sampah' });
    expect(await report('JK2302010005')).toMatchObject({ category: 'belum-dikategorikan', version: 1 });
    const events = await rowsOf<{ number: string; body: string; actor: number }>(
      database.db.execute(sql`select r.number, e.body, e.actor_user_id as actor from report_events e join reports r on r.id = e.report_id where e.type = 'triase' order by r.number`),
    );
    expect(events).toEqual([
      { number: 'JK2302010001', body: 'Label kategori arsip "Sampah Liar Sekali" dipetakan ke Sampah.', actor: staff.admin.id },
      { number: 'JK2302010002', body: 'Label kategori arsip "SAMPAH LIAR  SEKALI" dipetakan ke Sampah.', actor: staff.admin.id },
    ]);
    const [audit] = await rowsOf<{ action: string; data: { moved: number; kept: number; target: string } }>(
      database.db.execute(sql`select action, data from audit_log where action = 'label_arsip.petakan'`),
    );
    expect(audit).toMatchObject({ action: 'label_arsip.petakan', data: { moved: 2, kept: 1, target: 'sampah' } });
    expect((await listUnmatchedLabels(database.db, staff.admin)).some((l) => l.key === key)).toBe(false);
    await expect(mapArchiveLabel(database.db, staff.admin, { kind: 'kategori', key, target: 'sampah' }, now)).rejects.toMatchObject({ code: 'label_tidak_ada' });
  });

  it('a category label mapped to the confidential category hides its reports and hands them to the Inspektorat', async () => {
    const key = await keyOf('kategori', 'Pungli di Kantor');
    await mapArchiveLabel(database.db, staff.admin, { kind: 'kategori', key, target: 'pungli' }, now);
    expect(await report('JK2302010006')).toMatchObject({ category: 'pungli', confidential: true, public: false, unit: 'inspektorat' });
  });

  it("an agency label: the agency's unit in each report's kota takes the report over from the kelurahan", async () => {
    expect((await report('JK2302010003')).unit).toBe('kel-31.71.06.1001');
    await mapArchiveLabel(database.db, staff.admin, { kind: 'instansi', key: await keyOf('instansi', 'UPT JALAN DAN JEMBATAN ENTAH'), target: 'bina-marga' }, now);
    expect((await report('JK2302010003')).unit).toBe('bina-marga-31.71');
  });

  it('a kelurahan label: the report leaves triage for its kelurahan, with a point inside it and the unit its agency label names', async () => {
    expect(await report('JK2302010004')).toMatchObject({ kelurahan: null, status: 'menunggu', unit: 'pertamanan' });
    await mapArchiveLabel(database.db, staff.admin, { kind: 'kelurahan', key: await keyOf('kelurahan', 'KEL. GMBR'), target: '31.71.01.1001' }, now);
    const r = await report('JK2302010004');
    expect(r).toMatchObject({ kelurahan: '31.71.01.1001', status: 'proses', unit: 'pertamanan-31.71' });
    expect(locate(r.lat!, r.lng!)?.kelurahanCode).toBe('31.71.01.1001');
    expect(await listUnmatchedLabels(database.db, staff.admin)).toEqual([]);
  });

  it('are remembered: the next import recognises every mapped label', async () => {
    const summary = await importArchive(
      database.db,
      csv('JK2303010001,2023-03-01,kel gmbr,sampah liar sekali,Upt Jalan dan Jembatan Entah,Sampah di jalan.'),
      { source: 'berikut.csv', now },
    );
    expect(summary).toMatchObject({ imported: 1, held: 0, unmatched: [] });
    expect(await report('JK2303010001')).toMatchObject({ category: 'sampah', kelurahan: '31.71.01.1001', unit: 'bina-marga-31.71', status: 'proses' });
  });
});

describe('an imported report in triage', () => {
  it('is placed one by one by an operator, without service deadlines (its outcome was never recorded)', async () => {
    await importArchive(database.db, csv('JK2304010001,2023-04-01,,Jalan,DINAS BINA MARGA,Tanpa kelurahan.'), { source: 'triase.csv', now });
    const [before] = await rowsOf<{ status: string; kelurahan: string | null; key: string | null }>(
      database.db.execute(sql`select r.status::text, r.kelurahan_code as kelurahan, l.kelurahan_key as key from reports r join archive_labels l on l.report_id = r.id where r.number = 'JK2304010001'`),
    );
    expect(before).toEqual({ status: 'menunggu', kelurahan: null, key: '' });
    await triageReport(database.db, staff.operator, { number: 'JK2304010001', version: 1, categoryCode: 'jalan', kelurahanCode: '31.71.01.1001' }, now);
    const [after] = await rowsOf<{ kelurahan: string; due: string | null; first: string | null }>(
      database.db.execute(sql`select kelurahan_code as kelurahan, due_at as due, first_response_due_at as first from reports where number = 'JK2304010001'`),
    );
    expect(after).toEqual({ kelurahan: '31.71.01.1001', due: null, first: null });
  });
});
