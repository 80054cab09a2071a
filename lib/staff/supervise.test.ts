import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { findInstructionsGiven, findInstructionsReceived } from '@/db/queries/instructions';
import { getHandlingChain, getPublicPhotos, getPublicTimeline } from '@/db/queries/public';
import { loadStaffUser, type StaffProfile } from '@/db/queries/staff';
import { findActionChoices } from '@/db/queries/staff-actions';
import { findQueue } from '@/db/queries/staff-queue';
import { getStaffTicket } from '@/db/queries/staff-ticket';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { instructionState } from '@/lib/auth/supervision';
import { createReport } from '@/lib/intake/create-report';
import { processImage, type ProcessedImage } from '@/lib/media/process-image';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import { StaffError } from './errors';
import { performStaffAction, type StaffActionInput } from './perform-action';

// The supervisors' levers (instruksi, eskalasi, tugaskan, and re-routing inside their area)
// through the one staff-action path: each writes its event and audit row, wrong jurisdiction is
// refused with nothing written, and the receiving unit sees what it was told.

let database: Database;
let mediaDir: string;
let afterPhoto: ProcessedImage;
const staff: Record<string, StaffProfile> = {};
const now = new Date('2026-05-04T03:00:00Z');
const day = 86_400_000;
const deps = (at = now) => ({ now: at, storage: createDiskStorage(mediaDir) });
const one = async <T>(q: ReturnType<typeof sql>) => (await rowsOf<T>(database.db.execute(q)))[0];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-supervise-'));
  for (const { id } of await rowsOf<{ id: number }>(database.db.execute(sql`select id from users`))) {
    const user = (await loadStaffUser(database.db, id))!;
    staff[user.email.replace('@aduan.test', '')] = user;
  }
  afterPhoto = await processImage(await sharp({ create: { width: 640, height: 480, channels: 3, background: '#556677' } }).jpeg().toBuffer());
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

/** A report in `kelurahan` (Gambir by default), as the lurah accepted it when `accepted`. */
async function ticket(kelurahan = '31.71.01.1001', accepted = true) {
  const { number } = await createReport(database.db, reportInput({ lat: null, lng: null, kelurahanCode: kelurahan }), { ...deps(), publicUrl: 'http://aduan.test' });
  if (!accepted) return { number, version: 1 };
  const lurah = kelurahan === '31.71.01.1001' ? staff['lurah.gambir'] : null;
  if (lurah) return { number, version: (await act('lurah.gambir', { number, version: 1, action: 'terima' })).version };
  await database.db.execute(sql`update reports set status = 'proses', version = 2 where number = ${number}`);
  return { number, version: 2 };
}

const act = (who: string, input: StaffActionInput, at = now) => performStaffAction(database.db, staff[who], input, deps(at));

/** The code a refused action fails with, after checking it changed nothing at all. */
async function refused(who: string, input: StaffActionInput): Promise<string> {
  const before = await state(input.number);
  const code = await act(who, input).then(
    () => 'allowed',
    (e) => (e instanceof StaffError ? e.code : `error: ${e}`),
  );
  expect(await state(input.number)).toEqual(before);
  return code;
}

async function state(number: string) {
  return one<Record<string, unknown>>(sql`
    select r.version, r.status::text, r.handling_agency_id, r.escalation_level, r.last_activity_at,
      (select count(*)::int from report_events e where e.report_id = r.id) as events,
      (select count(*)::int from audit_log a where a.target_id = r.number) as audits,
      (select count(*)::int from instructions i where i.report_id = r.id) as instructions,
      (select count(*)::int from outbox o where o.report_id = r.id) as messages
    from reports r where r.number = ${number}`);
}

const lastEvent = (number: string) =>
  one<{ type: string; is_public: boolean; body: string | null; data: Record<string, unknown> | null; to_status: string }>(
    sql`select e.type::text, e.is_public, e.body, e.data, e.to_status::text from report_events e join reports r on r.id = e.report_id where r.number = ${number} order by e.id desc limit 1`,
  );
const lastAudit = (number: string) => one<{ action: string; actor: string; data: Record<string, unknown> }>(
  sql`select a.action, u.email as actor, a.data from audit_log a join users u on u.id = a.actor_user_id where a.target_id = ${number} order by a.id desc limit 1`,
);
const mailTo = (number: string) => rowsOf<{ recipient: string; subject: string; body: string }>(
  database.db.execute(sql`select o.recipient, o.subject, o.body from outbox o join reports r on r.id = o.report_id where r.number = ${number} and o.kind = 'email' order by o.id`),
);

const instruct = (number: string, version: number, to: string, dueInDays = 2, body = 'Mohon segera ditambal sebelum musim hujan.'): StaffActionInput => ({
  number,
  version,
  action: 'instruksi',
  targetAgencyCode: to,
  dueAt: new Date(now.getTime() + dueInDays * day),
  body,
});

describe('instruksi: a camat or walikota instructs a unit below them', () => {
  it('writes the instruction, its event (public without its words) and an audit row, tells the unit, and leaves status and silence clock alone', async () => {
    const t = await ticket();
    const before = await state(t.number);
    const done = await act('camat.gambir', instruct(t.number, t.version, 'kel-31.71.01.1001'));
    expect(done).toEqual({ status: 'proses', version: t.version + 1 });
    const after = await state(t.number);
    expect(after).toMatchObject({ events: Number(before.events) + 1, audits: Number(before.audits) + 1, instructions: 1, last_activity_at: before.last_activity_at });

    const event = await lastEvent(t.number);
    expect(event).toMatchObject({ type: 'instruksi', is_public: true, to_status: 'proses' });
    expect(event.body).toMatch(/^Kecamatan Gambir menginstruksikan Kelurahan Gambir menindaklanjuti laporan ini paling lambat 6 Mei 2026/);
    expect(event.body).not.toContain('musim hujan');
    const timeline = await getPublicTimeline(database.db, t.number);
    expect(timeline.at(-1)).toMatchObject({ type: 'instruksi', actor: 'Kecamatan Gambir' });
    expect(JSON.stringify(timeline)).not.toContain('musim hujan');

    expect(await lastAudit(t.number)).toMatchObject({ action: 'laporan.instruksi', actor: 'camat.gambir@aduan.test', data: { to: 'kel-31.71.01.1001', note: 'Mohon segera ditambal sebelum musim hujan.' } });
    const [mail] = await mailTo(t.number);
    expect(mail).toMatchObject({ recipient: 'lurah.gambir@aduan.test' });
    expect(mail.body).toContain('musim hujan');
  });

  it('shows it to the receiving unit: its open instructions, the queue mark and the ticket', async () => {
    const t = await ticket();
    await act('camat.gambir', instruct(t.number, t.version, 'kel-31.71.01.1001', 3, 'Cek lokasi hari ini.'));
    const received = await findInstructionsReceived(database.db, staff['lurah.gambir']);
    expect(received.find((i) => i.number === t.number)).toMatchObject({ fromName: 'Kecamatan Gambir', toName: 'Kelurahan Gambir', body: 'Cek lokasi hari ini.', closedAt: null });
    expect(await findInstructionsReceived(database.db, staff['lurah.menteng'])).toEqual([]);

    const queue = await findQueue(database.db, staff['lurah.gambir'], { status: null, categoryCode: null, search: t.number, page: 1, pageSize: 10, now });
    expect(queue.rows[0]).toMatchObject({ number: t.number, isInstructedToMe: true, instructionDueAt: new Date(now.getTime() + 3 * day) });
    const camatQueue = await findQueue(database.db, staff['camat.gambir'], { status: null, categoryCode: null, search: t.number, page: 1, pageSize: 10, now });
    expect(camatQueue.rows[0]).toMatchObject({ isInstructedToMe: false, instructionDueAt: new Date(now.getTime() + 3 * day) });

    const seen = await getStaffTicket(database.db, staff['lurah.gambir'], t.number);
    expect(seen!.instructions).toEqual([expect.objectContaining({ fromName: 'Kecamatan Gambir', body: 'Cek lokasi hari ini.', isMine: true, closedAt: null })]);
  });

  it.each([
    ['a camat of another kecamatan (a ticket they cannot see)', 'camat.gambir', '31.71.06.1001', 'kel-31.71.06.1001', 'tidak_ditemukan'],
    ['the camat, to a kelurahan of another kecamatan', 'camat.gambir', '31.71.01.1001', 'kel-31.71.06.1001', 'instansi_tidak_valid'],
    ['the camat, to a Suku Dinas', 'camat.gambir', '31.71.01.1001', 'bina-marga-31.71', 'instansi_tidak_valid'],
    ['the walikota, to a Suku Dinas of another kota', 'walikota.pusat', '31.71.01.1001', 'bina-marga-31.74', 'instansi_tidak_valid'],
    ['the walikota, to a kelurahan of another kota', 'walikota.pusat', '31.71.01.1001', 'kel-31.74.01.1001', 'instansi_tidak_valid'],
    ['the walikota, to a Dinas', 'walikota.pusat', '31.71.01.1001', 'bina-marga', 'instansi_tidak_valid'],
    ['a walikota of another kota', 'walikota.pusat', '31.74.01.1001', 'kel-31.74.01.1001', 'tidak_ditemukan'],
    ['the lurah', 'lurah.gambir', '31.71.01.1001', 'kel-31.71.01.1001', 'tidak_berwenang'],
    ['a Suku Dinas', 'binamarga.pusat', '31.71.01.1001', 'kel-31.71.01.1001', 'tidak_ditemukan'],
  ])('is refused for %s', async (_label, who, kelurahan, to, code) => {
    const t = await ticket(kelurahan);
    expect(await refused(who, instruct(t.number, t.version, to))).toBe(code);
  });

  it.each([
    ['without words', { body: '  ' }, 'keterangan_wajib'],
    ['with a deadline in the past', { dueAt: new Date(now.getTime() - day) }, 'batas_waktu_tidak_valid'],
    ['with a deadline more than 30 days ahead', { dueAt: new Date(now.getTime() + 31 * day) }, 'batas_waktu_tidak_valid'],
    ['without a deadline', { dueAt: null }, 'batas_waktu_tidak_valid'],
  ])('is refused %s', async (_label, change, code) => {
    const t = await ticket();
    expect(await refused('camat.gambir', { ...instruct(t.number, t.version, 'kel-31.71.01.1001'), ...change })).toBe(code);
  });

  it('opens the ticket to a Suku Dinas the walikota instructs, for answers only; its queue shows it', async () => {
    const t = await ticket();
    const sudin = staff['binamarga.pusat'];
    expect(await getStaffTicket(database.db, sudin, t.number)).toBeNull();
    const v = (await act('walikota.pusat', instruct(t.number, t.version, 'bina-marga-31.71', 5, 'Bantu kelurahan menambal jalan ini.'))).version;
    expect((await getStaffTicket(database.db, sudin, t.number))!.instructions[0]).toMatchObject({ isMine: true, fromName: 'Kantor Walikota Jakarta Pusat' });
    const queue = await findQueue(database.db, sudin, { status: null, categoryCode: null, search: t.number, page: 1, pageSize: 10, now });
    expect(queue.rows.map((r) => r.number)).toEqual([t.number]);
    // it answers; it does not take the work over from the kelurahan that holds it
    expect(await refused('binamarga.pusat', { number: t.number, version: v, action: 'terima' })).toBe('tidak_berwenang');
    await act('binamarga.pusat', { number: t.number, version: v, action: 'tanggapan', body: 'Tim kami menambal besok pagi.' });
    // the Suku Dinas of another kota still sees nothing
    const other = { ...sudin, regionCode: '31.74', agencyId: sudin.agencyId! + 1 };
    expect(await getStaffTicket(database.db, other, t.number)).toBeNull();
  });

  it('is carried out when the follow-up is reported: in time, or late', async () => {
    const inTime = await ticket();
    let v = (await act('camat.gambir', instruct(inTime.number, inTime.version, 'kel-31.71.01.1001', 2))).version;
    await act('lurah.gambir', { number: inTime.number, version: v, action: 'tindak_lanjut', body: 'Sudah ditambal.', photos: [afterPhoto] }, new Date(now.getTime() + day));

    const late = await ticket();
    v = (await act('camat.gambir', instruct(late.number, late.version, 'kel-31.71.01.1001', 1))).version;
    await act('lurah.gambir', { number: late.number, version: v, action: 'tindak_lanjut', body: 'Sudah ditambal.', photos: [afterPhoto] }, new Date(now.getTime() + 3 * day));

    const given = await findInstructionsGiven(database.db, staff['camat.gambir']);
    const stateOf = (number: string) => {
      const i = given.find((g) => g.number === number)!;
      return { outcome: i.outcome, state: instructionState(i, new Date(now.getTime() + 10 * day)) };
    };
    expect(stateOf(inTime.number)).toEqual({ outcome: 'dilaksanakan', state: 'tepat_waktu' });
    expect(stateOf(late.number)).toEqual({ outcome: 'dilaksanakan', state: 'lewat_batas' });
    expect(await findInstructionsReceived(database.db, staff['lurah.gambir'])).not.toContainEqual(expect.objectContaining({ number: late.number }));
    // another camat's list holds none of them
    expect(await findInstructionsGiven(database.db, { ...staff['camat.gambir'], id: staff['lurah.menteng'].id, agencyId: staff['lurah.menteng'].agencyId })).toEqual([]);
  });

  it('ends as "moved" when the ticket leaves the instructed unit', async () => {
    const t = await ticket();
    const v = (await act('camat.gambir', instruct(t.number, t.version, 'kel-31.71.01.1001'))).version;
    await act('camat.gambir', { number: t.number, version: v, action: 'alihkan', targetKelurahanCode: '31.71.01.1002' });
    const [row] = (await findInstructionsGiven(database.db, staff['camat.gambir'])).filter((i) => i.number === t.number);
    expect(row.outcome).toBe('dialihkan');
    expect(instructionState(row, now)).toBe('dialihkan');
  });

  it('cannot be rewritten or deleted in the database, only closed once', async () => {
    const t = await ticket();
    await act('camat.gambir', instruct(t.number, t.version, 'kel-31.71.01.1001'));
    const id = sql`(select i.id from instructions i join reports r on r.id = i.report_id where r.number = ${t.number})`;
    await expect(database.db.execute(sql`update instructions set body = 'Diubah diam-diam.' where id = ${id}`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from instructions where id = ${id}`)).rejects.toThrow();
    await database.db.execute(sql`update instructions set closed_at = now(), outcome = 'dilaksanakan' where id = ${id}`);
    await expect(database.db.execute(sql`update instructions set outcome = 'dialihkan' where id = ${id}`)).rejects.toThrow();
  });
});

describe('eskalasi: one step above the official, by hand', () => {
  it('the camat escalates to the walikota: event, audit, level, and the walikota is told; the reason stays internal', async () => {
    const t = await ticket();
    const before = await state(t.number);
    await act('camat.gambir', { number: t.number, version: t.version, action: 'eskalasi', body: 'Lurah belum menanggapi setelah tiga kali diingatkan.' });
    const after = await state(t.number);
    expect(after).toMatchObject({ escalation_level: 2, status: 'proses', events: Number(before.events) + 1, audits: Number(before.audits) + 1, last_activity_at: before.last_activity_at });
    const event = await lastEvent(t.number);
    expect(event).toMatchObject({ type: 'eskalasi', is_public: true, body: 'Dieskalasi ke Walikota Jakarta Pusat oleh Kecamatan Gambir.', data: { level: 2, unit: 'walikota', manual: true } });
    expect(JSON.stringify(await getPublicTimeline(database.db, t.number))).not.toContain('tiga kali');
    expect(await lastAudit(t.number)).toMatchObject({ action: 'laporan.eskalasi', actor: 'camat.gambir@aduan.test' });
    expect((await mailTo(t.number)).map((m) => m.recipient)).toEqual(['walikota.pusat@aduan.test']);
    // once at the walikota, the camat has no further step
    expect(await refused('camat.gambir', { number: t.number, version: t.version + 1, action: 'eskalasi', body: 'Lagi.' })).toBe('sudah_dieskalasi');
  });

  it('the walikota escalates to Balai Kota, whose admins are told', async () => {
    const t = await ticket();
    await act('walikota.pusat', { number: t.number, version: t.version, action: 'eskalasi', body: 'Perlu anggaran provinsi.' });
    expect(await state(t.number)).toMatchObject({ escalation_level: 3 });
    expect((await lastEvent(t.number)).body).toBe('Dieskalasi ke Balai Kota oleh Kantor Walikota Jakarta Pusat.');
    expect((await mailTo(t.number)).map((m) => m.recipient)).toEqual(['admin@aduan.test']);
  });

  it.each([
    ['a walikota of another kota', 'walikota.pusat', '31.74.01.1001', 'tidak_ditemukan'],
    ['a camat of another kecamatan', 'camat.gambir', '31.71.06.1001', 'tidak_ditemukan'],
    ['the lurah', 'lurah.gambir', '31.71.01.1001', 'tidak_berwenang'],
    ['an admin', 'admin', '31.71.01.1001', 'tidak_berwenang'],
  ])('is refused for %s', async (_label, who, kelurahan, code) => {
    const t = await ticket(kelurahan);
    expect(await refused(who, { number: t.number, version: t.version, action: 'eskalasi', body: 'Naikkan.' })).toBe(code);
  });

  it('needs a reason', async () => {
    const t = await ticket();
    expect(await refused('walikota.pusat', { number: t.number, version: t.version, action: 'eskalasi', body: '' })).toBe('keterangan_wajib');
  });
});

describe('tugaskan and alihkan: a supervisor moves the ticket inside their area', () => {
  it('the walikota reassigns to a Suku Dinas of their kota: Koordinasi, event and audit, and the Suku Dinas takes it up', async () => {
    const t = await ticket();
    const before = await state(t.number);
    const done = await act('walikota.pusat', { number: t.number, version: t.version, action: 'tugaskan', targetAgencyCode: 'bina-marga-31.71', body: 'Perbaikan jalan butuh alat berat.' });
    expect(done.status).toBe('koordinasi');
    expect(await state(t.number)).toMatchObject({ events: Number(before.events) + 1, audits: Number(before.audits) + 1 });
    expect(await lastEvent(t.number)).toMatchObject({ type: 'koordinasi', data: { to: 'bina-marga-31.71', reassigned: true } });
    expect(await lastAudit(t.number)).toMatchObject({ action: 'laporan.tugaskan', actor: 'walikota.pusat@aduan.test' });
    expect(await getHandlingChain(database.db, t.number)).toEqual(['Kelurahan Gambir', 'Suku Dinas Bina Marga Jakarta Pusat']);
    await act('binamarga.pusat', { number: t.number, version: done.version, action: 'terima' });
  });

  it.each([
    ['to a Suku Dinas of another kota', 'walikota.pusat', '31.71.01.1001', 'bina-marga-31.74', 'instansi_tidak_valid'],
    ['to a Dinas', 'walikota.pusat', '31.71.01.1001', 'bina-marga', 'instansi_tidak_valid'],
    ['to a kelurahan office', 'camat.gambir', '31.71.01.1001', 'kel-31.71.01.1002', 'instansi_tidak_valid'],
    ['by a camat of another kecamatan', 'camat.gambir', '31.71.06.1001', 'bina-marga-31.71', 'tidak_ditemukan'],
    ['by the lurah', 'lurah.gambir', '31.71.01.1001', 'bina-marga-31.71', 'tidak_berwenang'],
  ])('reassigning is refused %s', async (_label, who, kelurahan, to, code) => {
    const t = await ticket(kelurahan);
    expect(await refused(who, { number: t.number, version: t.version, action: 'tugaskan', targetAgencyCode: to })).toBe(code);
  });

  it.each([
    ['the camat, to a kelurahan of another kecamatan', 'camat.gambir', '31.71.06.1001', 'kelurahan_tidak_valid'],
    ['the walikota, to a kelurahan of another kota', 'walikota.pusat', '31.74.01.1001', 'kelurahan_tidak_valid'],
  ])('re-routing is refused for %s', async (_label, who, to, code) => {
    const t = await ticket();
    expect(await refused(who, { number: t.number, version: t.version, action: 'alihkan', targetKelurahanCode: to })).toBe(code);
  });

  it('the walikota re-routes to a kelurahan of another kecamatan of their kota', async () => {
    const t = await ticket();
    await act('walikota.pusat', { number: t.number, version: t.version, action: 'alihkan', targetKelurahanCode: '31.71.06.1001' });
    expect(await one(sql`select kelurahan_code, kecamatan_code from reports where number = ${t.number}`)).toEqual({ kelurahan_code: '31.71.06.1001', kecamatan_code: '31.71.06' });
  });
});

describe('the actions offered on a ticket are the ones that can be taken, with their targets', () => {
  const choices = async (who: string, number: string) => {
    const t = (await getStaffTicket(database.db, staff[who], number))!;
    return Object.fromEntries((await findActionChoices(database.db, staff[who], t)).map((c) => [c.action, c]));
  };

  it('a Suku Dinas holding a ticket gets no disposisi form; its Dinas gets only its Suku Dinas of the ticket\'s kota', async () => {
    const t = await ticket();
    const v = (await act('walikota.pusat', { number: t.number, version: t.version, action: 'tugaskan', targetAgencyCode: 'bina-marga-31.71' })).version;
    const atSudin = await choices('binamarga.pusat', t.number);
    expect(Object.keys(atSudin)).toContain('terima');
    expect(atSudin.disposisi).toBeUndefined();
    expect(atSudin.koordinasi.targets!.length).toBeGreaterThan(0);

    await act('binamarga.pusat', { number: t.number, version: v, action: 'koordinasi', targetAgencyCode: 'bina-marga' });
    const atDinas = await choices('binamarga', t.number);
    expect(atDinas.disposisi.targets).toEqual([{ code: 'bina-marga-31.71', name: 'Suku Dinas Bina Marga Jakarta Pusat', kind: 'sudin' }]);
  });

  it('a camat is offered instruksi to the kelurahan of their kecamatan, eskalasi to the walikota, and moves inside their area', async () => {
    const t = await ticket();
    const offered = await choices('camat.gambir', t.number);
    expect(Object.keys(offered).sort()).toEqual(['alihkan', 'catatan', 'eskalasi', 'instruksi', 'tanggapan', 'tugaskan']);
    expect(offered.instruksi.targets!.length).toBeGreaterThan(1);
    expect(offered.instruksi.targets!.every((u) => u.kind === 'kelurahan' && u.code.startsWith('kel-31.71.01.'))).toBe(true);
    expect(offered.alihkan.targets!.every((k) => k.code.startsWith('31.71.01.') && k.code !== '31.71.01.1001')).toBe(true);
    expect(offered.tugaskan.targets!.every((u) => u.kind === 'sudin' && u.code.endsWith('-31.71'))).toBe(true);
    expect(offered.eskalasi.reaches).toBe('Walikota Jakarta Pusat');
  });

  it('a ticket escalated above the camat offers them no escalation; the walikota still has one', async () => {
    const t = await ticket();
    await act('walikota.pusat', { number: t.number, version: t.version, action: 'eskalasi', body: 'Naik ke provinsi.' });
    expect((await choices('camat.gambir', t.number)).eskalasi).toBeUndefined();
    const w = await ticket();
    await act('camat.gambir', { number: w.number, version: w.version, action: 'eskalasi', body: 'Naik ke walikota.' });
    expect((await choices('walikota.pusat', w.number)).eskalasi.reaches).toBe('Balai Kota');
  });

  it('offers nothing to an official of another jurisdiction', async () => {
    const t = await ticket();
    const ticketAsSeen = (await getStaffTicket(database.db, staff['camat.gambir'], t.number))!;
    expect(await findActionChoices(database.db, staff['lurah.menteng'], ticketAsSeen)).toEqual([]);
  });
});

describe('a rejected follow-up\'s after-photos are not shown as plain "Sesudah"', () => {
  it('the public photos say which follow-up the validator rejected', async () => {
    const t = await ticket();
    let v = (await act('lurah.gambir', { number: t.number, version: t.version, action: 'tindak_lanjut', body: 'Sudah ditambal.', photos: [afterPhoto] })).version;
    v = (await act('validator', { number: t.number, version: v, action: 'validasi_tolak', body: 'Foto bukan di lokasi laporan.' })).version;
    await act('lurah.gambir', { number: t.number, version: v, action: 'tindak_lanjut', body: 'Ditambal ulang.', photos: [afterPhoto] });
    const photos = await getPublicPhotos(database.db, t.number);
    expect(photos.map((p) => [p.kind, p.isFromRejectedFollowUp])).toEqual([
      ['sesudah', true],
      ['sesudah', false],
    ]);
  });
});
