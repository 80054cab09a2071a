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
import { confirmSupport, supportReport } from '@/lib/intake/support-report';
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
  instruksi: 'proses',
  eskalasi: 'proses',
  tugaskan: 'proses',
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

/** Targets the supervisors' actions accept from a camat of Gambir and the walikota of Jakarta Pusat. */
const TARGET_FOR: Partial<Record<StaffAction, string>> = { instruksi: 'kel-31.71.01.1001', tugaskan: 'bina-marga-31.71' };

function inputFor(action: StaffAction, number: string, holderCode: string): StaffActionInput {
  return {
    number,
    version: 1,
    action,
    body: 'Keterangan dari petugas.',
    targetAgencyCode: TARGET_FOR[action] ?? (action === 'disposisi' ? `${holderCode}-31.71` : holderCode === 'perhubungan' ? 'bina-marga' : 'perhubungan'),
    targetKelurahanCode: '31.71.01.1002',
    estimatedAt: new Date(now.getTime() + 10 * 86_400_000),
    dueAt: new Date(now.getTime() + 2 * 86_400_000),
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

describe('what reaches the reporter', () => {
  const user = (who: string) => staff.find((u) => u.email === `${who}@aduan.test`)!;
  type Sent = { recipient: string; subject: string | null; body: string };
  const sent = (number: string) =>
    rowsOf<Sent>(database.db.execute(sql`select o.recipient, o.subject, o.body from outbox o join reports r on r.id = o.report_id where r.number = ${number} order by o.id`));
  const toReporter = async (number: string) => (await sent(number)).filter((m) => m.recipient === 'pelapor@contoh.id');

  /** A report by a resident with an e-mail address, supported by a neighbour with a phone, accepted by the lurah. */
  async function reported(status: 'proses' | 'menunggu' = 'proses') {
    const created = await createReport(
      database.db,
      { ...inputForReport(), reporterEmail: 'pelapor@contoh.id', isPublic: false },
      { now, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' },
    );
    // the neighbour confirms the support from the message, and so follows the ticket
    await supportReport(database.db, { number: created.number, contact: '081299990000', browser: 'peramban-tetangga' }, { now, site: 'http://aduan.test' });
    const [{ token }] = await rowsOf<{ token: string }>(database.db.execute(sql`select s.token from report_supports s join reports r on r.id = s.report_id where r.number = ${created.number}`));
    await confirmSupport(database.db, token, now);
    if (status === 'proses') await performStaffAction(database.db, user('lurah.gambir'), { number: created.number, version: 1, action: 'terima' }, deps());
    return { ...created, link: `/lacak/${created.number}?kunci=${created.trackingKey}`, version: status === 'proses' ? 2 : 1 };
  }

  it("a public response reaches the reporter's outbox with their private link; supporters are not sent it", async () => {
    const r = await reported();
    const before = (await sent(r.number)).length;
    await performStaffAction(database.db, user('lurah.gambir'), { number: r.number, version: r.version, action: 'tanggapan', body: 'Mohon kirim foto yang menunjukkan nomor rumah terdekat.' }, deps());
    const added = (await sent(r.number)).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ recipient: 'pelapor@contoh.id', subject: `Laporan ${r.number}: tanggapan Kelurahan Gambir` });
    expect(added[0].body).toContain('Mohon kirim foto yang menunjukkan nomor rumah terdekat.');
    expect(added[0].body).toContain(r.link);
  });

  it('an internal note sends nobody anything', async () => {
    const r = await reported();
    const before = await sent(r.number);
    await performStaffAction(database.db, user('lurah.gambir'), { number: r.number, version: r.version, action: 'catatan', body: 'Catatan internal: pelapor sering melapor hal serupa.' }, deps());
    const after = await sent(r.number);
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain('Catatan internal');
  });

  it('an estimate reaches the reporter with its date', async () => {
    const r = await reported();
    await performStaffAction(database.db, user('lurah.gambir'), { number: r.number, version: r.version, action: 'estimasi', body: 'Menunggu alat berat.', estimatedAt: new Date('2026-05-20T03:00:00Z') }, deps());
    const [message] = (await toReporter(r.number)).filter((m) => m.subject?.includes('perkiraan selesai'));
    expect(message.body).toMatch(/selesai pada 20 Mei 2026\.[\s\S]*Menunggu alat berat\./);
    expect(message.body).toContain(r.link);
  });

  it('a rejection reaches the reporter once, with its reason; supporters get the status change', async () => {
    const r = await reported('menunggu');
    const before = (await sent(r.number)).length;
    await performStaffAction(database.db, user('lurah.gambir'), { number: r.number, version: 1, action: 'tolak', rejectReason: 'bukan_kewenangan', body: 'Jalan tol dikelola BUJT, silakan hubungi pengelola.' }, deps());
    const added = (await sent(r.number)).slice(before);
    expect(added.map((m) => m.recipient).sort()).toEqual(['081299990000', 'pelapor@contoh.id']);
    const own = added.find((m) => m.recipient === 'pelapor@contoh.id')!;
    expect(own.subject).toBe(`Laporan ${r.number} ditolak`);
    expect(own.body).toMatch(/di luar kewenangan[\s\S]*Jalan tol dikelola BUJT/);
    expect(own.body).toContain(r.link);
    expect(added.find((m) => m.recipient === '081299990000')!.body).toBe(`Status laporan ${r.number} sekarang: Ditolak.`);
  });

  it('"is it finished?" is not asked while the follow-up waits for validation, but once the validator accepts', async () => {
    const r = await reported();
    const v = (await performStaffAction(database.db, user('lurah.gambir'), { number: r.number, version: r.version, action: 'tindak_lanjut', body: 'Sudah ditambal.', photos: [afterPhoto] }, deps())).version;
    const asked = async () => (await toReporter(r.number)).filter((m) => m.subject?.includes('apakah sudah selesai'));
    expect(await asked()).toEqual([]);
    await performStaffAction(database.db, user('validator'), { number: r.number, version: v, action: 'validasi_terima', body: 'Dicek langsung di lokasi.' }, deps());
    const [question] = await asked();
    expect(question.body).toContain(r.link);
    expect(question.body).toContain('buka kembali');
    // the reporter is asked, not also sent the bare "Selesai"; the supporter gets the status
    const selesai = (await sent(r.number)).filter((m) => m.body.endsWith('sekarang: Selesai.'));
    expect(selesai.map((m) => m.recipient)).toEqual(['081299990000']);
  });

  it('a rejected follow-up tells the reporter the work continues, and does not ask whether it is finished', async () => {
    const r = await reported();
    const v = (await performStaffAction(database.db, user('lurah.gambir'), { number: r.number, version: r.version, action: 'tindak_lanjut', body: 'Sudah ditambal.', photos: [afterPhoto] }, deps())).version;
    await performStaffAction(database.db, user('validator'), { number: r.number, version: v, action: 'validasi_tolak', body: 'Foto tidak menunjukkan lokasi yang dilaporkan.' }, deps());
    const own = await toReporter(r.number);
    const [continues] = own.filter((m) => m.subject === `Laporan ${r.number}: penanganan dilanjutkan`);
    expect(continues.body).toContain('dilanjutkan petugas');
    expect(continues.body).toContain('Foto tidak menunjukkan lokasi yang dilaporkan.');
    expect(continues.body).toContain(r.link);
    expect(own.some((m) => m.subject?.includes('apakah sudah selesai'))).toBe(false);
  });

  it("a confidential ticket's reporter hears Inspektorat's response by its unit name only", async () => {
    const created = await createReport(
      database.db,
      { ...inputForReport(), categoryCode: 'pungli', description: 'Diminta uang pelicin untuk surat pengantar.', reporterPhone: '081377776666' },
      { now, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' },
    );
    const inspektorat = user('inspektorat');
    await performStaffAction(database.db, inspektorat, { number: created.number, version: 1, action: 'tanggapan', body: 'Laporan Anda sedang kami telaah.' }, deps());
    const [message] = (await sent(created.number)).filter((m) => m.body.includes('telaah'));
    expect(message.recipient).toBe('081377776666');
    expect(message.body).toMatch(/^Inspektorat/);
    expect(message.body).toContain(`/lacak/${created.number}?kunci=${created.trackingKey}`);
    const [{ name }] = await rowsOf<{ name: string }>(database.db.execute(sql`select name from users where id = ${inspektorat.id}`));
    expect(message.body).not.toContain(name);
  });
});

function inputForReport() {
  return {
    formToken: `pelapor-${++tokens}-abcdefghijkl`,
    channelCode: 'web',
    categoryCode: 'jalan',
    description: 'Jalan berlubang di depan kantor kelurahan.',
    isPublic: true,
    lat: null,
    lng: null,
    kelurahanCode: '31.71.01.1001',
    address: 'Jl. Uji',
    reporterName: null,
    reporterPhone: null,
    reporterEmail: null,
    photos: [],
  };
}
