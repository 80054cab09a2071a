import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { loadStaffUser, type StaffProfile } from '@/db/queries/staff';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { canAct, STAFF_ACTIONS, type StaffAction } from '@/lib/auth/permissions';
import { createReport } from '@/lib/intake/create-report';
import { processImage, type ProcessedImage } from '@/lib/media/process-image';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { performStaffAction, type StaffActionInput } from './perform-action';
import { StaffError } from './errors';

let database: Database;
let mediaDir: string;
let staff: StaffProfile[];
let afterPhoto: ProcessedImage;
const now = new Date('2026-05-04T03:00:00Z');
const deps = () => ({ now, storage: createDiskStorage(mediaDir) });
const one = async <T>(q: ReturnType<typeof sql>) => (await rowsOf<T>(database.db.execute(q)))[0];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-staff-'));
  const ids = await rowsOf<{ id: number }>(database.db.execute(sql`select id from users order by id`));
  staff = (await Promise.all(ids.map((u) => loadStaffUser(database.db, u.id)))) as StaffProfile[];
  afterPhoto = await processImage(await sharp({ create: { width: 640, height: 480, channels: 3, background: '#557755' } }).jpeg().toBuffer());
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const STATUS_FOR: Record<StaffAction, string> = {
  terima: 'menunggu',
  koordinasi: 'menunggu',
  disposisi: 'koordinasi',
  alihkan: 'menunggu',
  estimasi: 'proses',
  tanggapan: 'proses',
  catatan: 'proses',
  tindak_lanjut: 'proses',
  validasi_terima: 'menunggu_validasi',
  validasi_tolak: 'menunggu_validasi',
  tolak: 'menunggu',
};

let tokens = 0;
/** A ticket in `kelurahan`, in the status the action needs, held by `holderCode`. */
async function ticket(kelurahan: string, status: string, holderCode: string, confidential = false) {
  const created = await createReport(
    database.db,
    {
      formToken: `staf-${++tokens}-abcdefghijkl`,
      channelCode: 'web',
      categoryCode: confidential ? 'pungli' : 'jalan',
      description: 'Jalan berlubang di depan kantor kelurahan.',
      isPublic: true,
      lat: null,
      lng: null,
      kelurahanCode: kelurahan,
      address: 'Jl. Uji',
      reporterName: null,
      reporterPhone: null,
      reporterEmail: null,
      photos: [],
    },
    { now, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' },
  );
  await database.db.execute(sql`
    update reports set status = ${status}::report_status,
      handling_agency_id = (select id from agencies where code = ${holderCode})
    where number = ${created.number}`);
  return created.number;
}

function inputFor(action: StaffAction, number: string, holderCode: string): StaffActionInput {
  return {
    number,
    version: 1,
    action,
    body: 'Keterangan dari petugas.',
    targetAgencyCode: action === 'disposisi' ? `${holderCode}-31.71` : holderCode === 'perhubungan' ? 'bina-marga' : 'perhubungan',
    targetKelurahanCode: '31.71.01.1002',
    estimatedAt: new Date(now.getTime() + 10 * 86_400_000),
    rejectReason: 'tidak_valid',
    photos: action === 'tindak_lanjut' ? [afterPhoto] : [],
  };
}

async function counts(number: string) {
  return one<{ version: number; status: string; events: number; audits: number }>(sql`
    select r.version, r.status::text,
      (select count(*)::int from report_events e where e.report_id = r.id) as events,
      (select count(*)::int from audit_log a where a.target_id = r.number) as audits
    from reports r where r.number = ${number}`);
}

describe('authorization matrix: every action × every role × own and other jurisdiction', () => {
  const cases = STAFF_ACTIONS.flatMap((action) =>
    ['admin', 'operator', 'lurah.gambir', 'camat.gambir', 'walikota.pusat', 'binamarga.pusat', 'binamarga', 'validator', 'inspektorat'].flatMap(
      (who) => (['sendiri', 'lain'] as const).map((where) => [action, who, where] as const),
    ),
  );

  it.each(cases)('%s by %s on a ticket of %s jurisdiction', async (action, who, where) => {
    const user = staff.find((u) => u.email === `${who}@aduan.test`)!;
    const isInspektorat = user.role === 'inspektorat';
    // "own": in the user's area, held by the user's unit when the user has one that can hold tickets
    const ownHolder = action === 'disposisi' && user.agencyCode !== 'bina-marga' ? 'bina-marga' : user.agencyCode && !['balaikota', 'biro-pemerintahan', 'kec-31.71.01', 'kota-31.71'].includes(user.agencyCode) ? user.agencyCode : action === 'disposisi' ? 'bina-marga' : 'kel-31.71.01.1001';
    const holder = where === 'sendiri' ? ownHolder : action === 'disposisi' ? 'perhubungan' : 'kel-31.74.01.1001';
    const kelurahan = where === 'sendiri' ? '31.71.01.1001' : '31.74.01.1001';
    const number = await ticket(kelurahan, STATUS_FOR[action], holder, isInspektorat && where === 'sendiri');
    const before = await counts(number);
    const scope = await one<Record<string, unknown>>(sql`
      select r.kelurahan_code as "kelurahanCode", r.kecamatan_code as "kecamatanCode", r.kota_code as "kotaCode",
             r.handling_agency_id as "handlingAgencyId", a.parent_id as "handlingAgencyParentId",
             r.is_confidential as "isConfidential", r.status
      from reports r left join agencies a on a.id = r.handling_agency_id where r.number = ${number}`);
    const expected = canAct(user, action, scope as never);

    const outcome = await performStaffAction(database.db, user, inputFor(action, number, holder), deps()).then(
      () => 'allowed',
      (e) => (e instanceof StaffError ? e.code : `error: ${e}`),
    );
    const after = await counts(number);
    if (expected) {
      expect(outcome).toBe('allowed');
      expect(after.version).toBe(before.version + 1);
      expect(after.events).toBe(before.events + 1);
      expect(after.audits).toBe(before.audits + 1);
    } else {
      expect(['tidak_ditemukan', 'tidak_berwenang']).toContain(outcome);
      expect(after).toEqual(before);
    }
    // the table's own verdicts for the cases people ask about
    if (who === 'lurah.gambir' && action === 'terima') expect(outcome === 'allowed').toBe(where === 'sendiri');
    if (who === 'camat.gambir' && action === 'tanggapan') expect(outcome === 'allowed').toBe(where === 'sendiri');
    if (who === 'validator' && action === 'validasi_terima') expect(outcome).toBe('allowed');
  });
});

describe('the lifecycle through staff actions', () => {
  const user = (who: string) => staff.find((u) => u.email === `${who}@aduan.test`)!;

  it('accept → follow-up with photo → validator accepts: Selesai with an after-photo and a first response time', async () => {
    const number = await ticket('31.71.01.1001', 'menunggu', 'kel-31.71.01.1001');
    let v = (await performStaffAction(database.db, user('lurah.gambir'), { number, version: 1, action: 'terima' }, deps())).version;
    v = (await performStaffAction(database.db, user('lurah.gambir'), { number, version: v, action: 'tindak_lanjut', body: 'Sudah ditambal.', photos: [afterPhoto] }, deps())).version;
    // the plain after-photo carries no capture metadata: accepting it takes a reason
    const done = await performStaffAction(database.db, user('validator'), { number, version: v, action: 'validasi_terima', body: 'Dicek langsung di lokasi.' }, deps());
    expect(done.status).toBe('selesai');
    const row = await one<{ photos: number; first: boolean; finished: boolean }>(sql`
      select (select count(*)::int from attachments a where a.report_id = r.id and a.kind = 'sesudah') as photos,
             r.first_response_at is not null as first, r.finished_at is not null as finished
      from reports r where number = ${number}`);
    expect(row).toEqual({ photos: 1, first: true, finished: true });
  });

  it('refuses a follow-up without an after-photo, and TL ditolak sends it back to proses', async () => {
    const number = await ticket('31.71.01.1001', 'proses', 'kel-31.71.01.1001');
    await expect(performStaffAction(database.db, user('lurah.gambir'), { number, version: 1, action: 'tindak_lanjut', body: 'x', photos: [] }, deps())).rejects.toMatchObject({ code: 'foto_sesudah_wajib' });
    const v = (await performStaffAction(database.db, user('lurah.gambir'), { number, version: 1, action: 'tindak_lanjut', body: 'Selesai.', photos: [afterPhoto] }, deps())).version;
    await expect(performStaffAction(database.db, user('validator'), { number, version: v, action: 'validasi_tolak', body: '' }, deps())).rejects.toMatchObject({ code: 'keterangan_wajib' });
    const back = await performStaffAction(database.db, user('validator'), { number, version: v, action: 'validasi_tolak', body: 'Foto tidak menunjukkan lokasi.' }, deps());
    expect(back.status).toBe('proses');
  });

  it('Dinas disposes to its Suku Dinas, which then accepts', async () => {
    const number = await ticket('31.71.01.1001', 'koordinasi', 'bina-marga');
    await expect(performStaffAction(database.db, user('binamarga'), { number, version: 1, action: 'disposisi', targetAgencyCode: 'perhubungan-31.71' }, deps())).rejects.toMatchObject({ code: 'instansi_tidak_valid' });
    await performStaffAction(database.db, user('binamarga'), { number, version: 1, action: 'disposisi', targetAgencyCode: 'bina-marga-31.71' }, deps());
    const accepted = await performStaffAction(database.db, user('binamarga.pusat'), { number, version: 2, action: 'terima' }, deps());
    expect(accepted.status).toBe('proses');
  });

  it('rejecting as a duplicate links the original, which absorbs the support', async () => {
    const original = await ticket('31.71.01.1001', 'proses', 'kel-31.71.01.1001');
    const copy = await ticket('31.71.01.1001', 'menunggu', 'kel-31.71.01.1001');
    await performStaffAction(database.db, user('lurah.gambir'), { number: copy, version: 1, action: 'tolak', rejectReason: 'duplikat', duplicateOf: original, body: 'Sama dengan laporan sebelumnya.' }, deps());
    const row = await one<{ support: number; dup: string }>(sql`
      select o.support_count as support, (select d.number from reports c join reports d on d.id = c.duplicate_of_id where c.number = ${copy}) as dup
      from reports o where o.number = ${original}`);
    expect(row).toEqual({ support: 1, dup: original });
  });

  it('re-routes to another kelurahan, which then holds the ticket', async () => {
    const number = await ticket('31.71.01.1001', 'menunggu', 'kel-31.71.01.1001');
    await performStaffAction(database.db, user('camat.gambir'), { number, version: 1, action: 'alihkan', targetKelurahanCode: '31.71.01.1002' }, deps());
    const row = await one<{ kel: string; holder: string }>(sql`
      select r.kelurahan_code as kel, a.code as holder from reports r join agencies a on a.id = r.handling_agency_id where r.number = ${number}`);
    expect(row).toEqual({ kel: '31.71.01.1002', holder: 'kel-31.71.01.1002' });
  });

  it('two officials acting at once: exactly one wins, the other is told to reload', async () => {
    const number = await ticket('31.71.01.1001', 'proses', 'kel-31.71.01.1001');
    const results = await Promise.allSettled([
      performStaffAction(database.db, user('lurah.gambir'), { number, version: 1, action: 'tanggapan', body: 'Segera kami tangani.' }, deps()),
      performStaffAction(database.db, user('camat.gambir'), { number, version: 1, action: 'tanggapan', body: 'Sudah kami pantau.' }, deps()),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: 'versi_berubah' });
    // the ticket shows the winner's change once: one new event, one audit row, version 2
    expect(await counts(number)).toMatchObject({ version: 2, events: 2, audits: 1 });
  });

  it('eight actions on one version at once: one is written, seven are refused, nothing is written twice', async () => {
    const number = await ticket('31.71.01.1001', 'proses', 'kel-31.71.01.1001');
    const officials = ['lurah.gambir', 'camat.gambir'];
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        performStaffAction(database.db, user(officials[i % 2]), { number, version: 1, action: 'tanggapan', body: `Tanggapan ${i}.` }, deps()),
      ),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'versi_berubah' });
    expect(await counts(number)).toMatchObject({ version: 2, events: 2, audits: 1 });
    const bodies = await rowsOf<{ body: string }>(
      database.db.execute(sql`select e.body from report_events e join reports r on r.id = e.report_id where r.number = ${number} and e.type <> 'dibuat'`),
    );
    expect(bodies).toEqual([{ body: `Tanggapan ${won[0]}.` }]);
  });
});
