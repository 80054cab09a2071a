import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { getPublicPhotoFile, getPublicPhotos, getPublicReport, getPublicTimeline } from '@/db/queries/public';
import { loadStaffUser, type StaffProfile } from '@/db/queries/staff';
import { getStaffTicket } from '@/db/queries/staff-ticket';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { createReport } from '@/lib/intake/create-report';
import { processImage, type ProcessedImage } from '@/lib/media/process-image';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import { StaffError } from './errors';
import { moderateReport, type ModerateReportInput } from './moderate';
import { performStaffAction } from './perform-action';

let database: Database;
let mediaDir: string;
let photo: ProcessedImage;
const staff: Record<string, StaffProfile> = {};
const now = new Date('2026-05-04T03:00:00Z');
const ORIGINAL = 'Jalan berlubang di depan rumah Pak Budi, Jl. Kebon Sirih 12.';
const REASON = 'Memuat nama dan alamat rumah warga.';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-moderasi-'));
  for (const { id } of await rowsOf<{ id: number }>(database.db.execute(sql`select id from users`))) {
    const user = (await loadStaffUser(database.db, id))!;
    staff[user.email.replace('@aduan.test', '')] = user;
  }
  photo = await processImage(await sharp({ create: { width: 320, height: 240, channels: 3, background: '#446688' } }).jpeg().toBuffer());
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const storage = () => createDiskStorage(mediaDir);

/** A report in Gambir with one citizen photo; private ones get an official's after-photo too. */
async function ticket(opts: { isPublic?: boolean; confidential?: boolean } = {}) {
  const { number } = await createReport(
    database.db,
    reportInput({ description: ORIGINAL, address: 'Jl. Kebon Sirih 12', isPublic: opts.isPublic ?? true, photos: [photo], categoryCode: opts.confidential ? 'pungli' : 'jalan' }),
    { now, storage: storage(), publicUrl: 'http://aduan.test' },
  );
  if (opts.confidential) return { number, citizenPhoto: await photoId(number, 'sebelum'), afterPhoto: 0 };
  // the kelurahan works it and posts a follow-up with an after-photo
  await database.db.execute(sql`
    update reports set status = 'proses', handling_agency_id = (select id from agencies where code = 'kel-31.71.01.1001')
    where number = ${number}`);
  await performStaffAction(database.db, staff['lurah.gambir'], { number, version: 1, action: 'tindak_lanjut', body: 'Sudah ditambal.', photos: [photo] }, { now, storage: storage() });
  return { number, citizenPhoto: await photoId(number, 'sebelum'), afterPhoto: await photoId(number, 'sesudah') };
}

async function photoId(number: string, kind: string) {
  const [row] = await rowsOf<{ id: number }>(
    database.db.execute(sql`select a.id::int as id from attachments a join reports r on r.id = a.report_id where r.number = ${number} and a.kind = ${kind}::attachment_kind`),
  );
  return row.id;
}

async function versionOf(number: string) {
  const [row] = await rowsOf<{ version: number }>(database.db.execute(sql`select version from reports where number = ${number}`));
  return row.version;
}

/** Moderates as `who`, with the ticket's current version unless given; returns 'ok' or the error code. */
async function moderate(who: string, input: Omit<ModerateReportInput, 'version'> & { version?: number }) {
  const version = input.version ?? (await versionOf(input.number));
  return moderateReport(database.db, staff[who], { ...input, version }, { now }).then(
    () => 'ok',
    (e) => (e instanceof StaffError ? e.code : `error: ${e}`),
  );
}

/** Everything the public and the record show of a ticket, to prove a refusal changed nothing. */
async function snapshot(number: string) {
  const [row] = await rowsOf(
    database.db.execute(sql`
      select r.version, r.description, r.public_description, r.is_text_hidden, r.moderated_at,
        (select count(*)::int from report_events e where e.report_id = r.id) as events,
        (select count(*)::int from audit_log a where a.target_id = r.number) as audits,
        (select string_agg(a.id || ':' || coalesce(a.hidden_at::text, '-') || ':' || a.is_publishable, ',' order by a.id) from attachments a where a.report_id = r.id) as photos
      from reports r where r.number = ${number}`),
  );
  return { row, report: await getPublicReport(database.db, number), photos: await getPublicPhotos(database.db, number) };
}

async function lastAudit(number: string) {
  const [row] = await rowsOf<{ action: string; actor: number; data: Record<string, unknown> }>(
    database.db.execute(sql`select action, actor_user_id as actor, data from audit_log where target_id = ${number} order by id desc limit 1`),
  );
  return row;
}

async function lastEvent(number: string) {
  const [row] = await rowsOf<{ type: string; is_public: boolean; body: string | null; data: Record<string, unknown>; from_status: string; to_status: string }>(
    database.db.execute(sql`
      select e.type::text, e.is_public, e.body, e.data, e.from_status::text, e.to_status::text
      from report_events e join reports r on r.id = e.report_id where r.number = ${number} order by e.id desc limit 1`),
  );
  return row;
}

describe('moderating the public text', () => {
  it('an edit changes what the public reads and marks it moderated; the original stays for staff and in the audit row', async () => {
    const { number } = await ticket();
    expect((await getPublicReport(database.db, number))!.description).toBe(ORIGINAL);
    const version = await versionOf(number);

    expect(await moderate('operator', { number, what: 'sunting_teks', text: 'Jalan berlubang di Jl. Kebon Sirih.', reason: REASON })).toBe('ok');

    const shown = (await getPublicReport(database.db, number))!;
    expect(shown.description).toBe('Jalan berlubang di Jl. Kebon Sirih.');
    expect(shown.isModerated).toBe(true);
    expect(await versionOf(number)).toBe(version + 1);
    // staff still read the text as filed
    const forStaff = (await getStaffTicket(database.db, staff.operator, number))!;
    expect(forStaff.report.description).toBe(ORIGINAL);
    expect(forStaff.report.publicDescription).toBe('Jalan berlubang di Jl. Kebon Sirih.');
    // the change writes its event (public, without a body) and its audit row (reason, before, after)
    const event = await lastEvent(number);
    expect(event).toMatchObject({ type: 'moderasi', is_public: true, body: null, data: { what: 'sunting_teks' }, from_status: 'menunggu_validasi', to_status: 'menunggu_validasi' });
    expect(JSON.stringify(event.data)).not.toContain(REASON);
    const audit = await lastAudit(number);
    expect(audit.action).toBe('laporan.moderasi');
    expect(audit.actor).toBe(staff.operator.id);
    expect(audit.data).toMatchObject({ what: 'sunting_teks', reason: REASON, before: { text: ORIGINAL, isHidden: false }, after: { text: 'Jalan berlubang di Jl. Kebon Sirih.', isHidden: false } });
    // the public timeline says that it was moderated, never why or what it said
    const timeline = await getPublicTimeline(database.db, number);
    const entry = timeline.find((e) => e.type === 'moderasi')!;
    expect(entry.body).toBeNull();
    expect(JSON.stringify(timeline)).not.toContain(REASON);
    expect(JSON.stringify(timeline)).not.toContain('Pak Budi');
  });

  it('hiding the text leaves the public without text or address; restoring shows the original again and clears the mark', async () => {
    const { number } = await ticket();
    expect(await moderate('validator', { number, what: 'sembunyikan_teks', reason: REASON })).toBe('ok');
    const hidden = (await getPublicReport(database.db, number))!;
    expect(hidden.description).toBeNull();
    expect(hidden.isModerated).toBe(true);
    const [address] = await rowsOf<{ address: string | null }>(database.db.execute(sql`select address from public_reports where number = ${number}`));
    expect(address.address).toBeNull();
    expect((await lastAudit(number)).data).toMatchObject({ what: 'sembunyikan_teks', reason: REASON, before: { text: ORIGINAL, isHidden: false }, after: { isHidden: true } });

    expect(await moderate('validator', { number, what: 'pulihkan_teks', reason: 'Data pribadi sudah tidak ada.' })).toBe('ok');
    const restored = (await getPublicReport(database.db, number))!;
    expect(restored.description).toBe(ORIGINAL);
    expect(restored.isModerated).toBe(false);
    expect((await lastEvent(number)).data).toEqual({ what: 'pulihkan_teks' });
  });

  it('edits a hidden text back into view, and a restore after an edit drops the edit', async () => {
    const { number } = await ticket();
    await moderate('admin', { number, what: 'sembunyikan_teks', reason: REASON });
    expect(await moderate('admin', { number, what: 'sunting_teks', text: 'Jalan berlubang.', reason: REASON })).toBe('ok');
    expect((await getPublicReport(database.db, number))!.description).toBe('Jalan berlubang.');
    expect(await moderate('admin', { number, what: 'pulihkan_teks', reason: REASON })).toBe('ok');
    expect((await getPublicReport(database.db, number))!).toMatchObject({ description: ORIGINAL, isModerated: false });
  });

  it('refuses nothing because of personal data: the public projection masks it on output', async () => {
    const { number } = await ticket();
    const text = 'Jalan berlubang; hubungi 0812 3456 7890 atau budi@contoh.id.';
    expect(await moderate('operator', { number, what: 'sunting_teks', text, reason: REASON })).toBe('ok');
    const [stored] = await rowsOf<{ text: string }>(database.db.execute(sql`select public_description as text from reports where number = ${number}`));
    expect(stored.text).toBe(text);
    const shown = (await getPublicReport(database.db, number))!.description!;
    expect(shown).toContain('Jalan berlubang');
    expect(shown).not.toContain('3456');
    expect(shown).not.toContain('budi@contoh.id');
  });

  it.each([
    ['the same text as filed', { text: ORIGINAL }, 'teks_moderasi_sama'],
    ['only blanks', { text: '   ' }, 'teks_moderasi_tidak_valid'],
    ['no text', { text: null }, 'teks_moderasi_tidak_valid'],
    ['longer than a description may be', { text: 'x'.repeat(2001) }, 'teks_moderasi_tidak_valid'],
  ])('refuses an edit with %s, changing nothing', async (_label, change, code) => {
    const { number } = await ticket();
    const before = await snapshot(number);
    expect(await moderate('operator', { number, what: 'sunting_teks', reason: REASON, ...change })).toBe(code);
    expect(await snapshot(number)).toEqual(before);
  });

  it('refuses a change that changes nothing, and text moderation of a private report', async () => {
    const { number } = await ticket();
    expect(await moderate('operator', { number, what: 'pulihkan_teks', reason: REASON })).toBe('moderasi_tidak_mengubah');
    await moderate('operator', { number, what: 'sembunyikan_teks', reason: REASON });
    expect(await moderate('operator', { number, what: 'sembunyikan_teks', reason: REASON })).toBe('moderasi_tidak_mengubah');
    const { number: privateNumber } = await ticket({ isPublic: false });
    expect(await moderate('operator', { number: privateNumber, what: 'sembunyikan_teks', reason: REASON })).toBe('teks_laporan_privat');
  });
});

describe('moderating photos', () => {
  it('a hidden photo leaves the public list and the public photo route; staff still see it, marked', async () => {
    const { number, citizenPhoto } = await ticket();
    expect((await getPublicPhotos(database.db, number)).map((p) => p.id)).toContain(citizenPhoto);
    expect(await getPublicPhotoFile(database.db, citizenPhoto)).not.toBeNull();

    expect(await moderate('admin', { number, what: 'sembunyikan_foto', attachmentId: citizenPhoto, reason: 'Wajah warga terlihat jelas.' })).toBe('ok');
    expect((await getPublicPhotos(database.db, number)).map((p) => p.id)).not.toContain(citizenPhoto);
    expect(await getPublicPhotoFile(database.db, citizenPhoto)).toBeNull();
    expect((await getPublicReport(database.db, number))!.isModerated).toBe(true);
    const forStaff = (await getStaffTicket(database.db, staff.admin, number))!.photos.find((p) => p.id === citizenPhoto)!;
    expect(forStaff.hiddenAt).toEqual(now);
    expect(await lastEvent(number)).toMatchObject({ type: 'moderasi', body: null, data: { what: 'sembunyikan_foto', attachmentId: citizenPhoto } });
    expect((await lastAudit(number)).data).toMatchObject({ reason: 'Wajah warga terlihat jelas.', attachmentId: citizenPhoto, before: { isHidden: false }, after: { isHidden: true } });

    expect(await moderate('admin', { number, what: 'tampilkan_foto', attachmentId: citizenPhoto, reason: 'Wajah sudah diburamkan.' })).toBe('ok');
    expect((await getPublicPhotos(database.db, number)).map((p) => p.id)).toContain(citizenPhoto);
    expect(await getPublicPhotoFile(database.db, citizenPhoto)).not.toBeNull();
    expect((await getPublicReport(database.db, number))!.isModerated).toBe(false);
  });

  it("the handling unit marks its own after-photo of a private report publishable, and takes it back", async () => {
    const { number, afterPhoto, citizenPhoto } = await ticket({ isPublic: false });
    expect(await getPublicPhotos(database.db, number)).toEqual([]);

    expect(await moderate('lurah.gambir', { number, what: 'foto_publik', attachmentId: afterPhoto, reason: 'Bukti hasil perbaikan.' })).toBe('ok');
    expect((await getPublicPhotos(database.db, number)).map((p) => p.id)).toEqual([afterPhoto]);
    expect(await getPublicPhotoFile(database.db, afterPhoto)).not.toBeNull();
    // the reporter's own photo of a private report stays private
    expect(await getPublicPhotoFile(database.db, citizenPhoto)).toBeNull();
    expect((await lastAudit(number)).data).toMatchObject({ what: 'foto_publik', attachmentId: afterPhoto, before: { isPublishable: false }, after: { isPublishable: true } });
    // nothing the citizen wrote changed: the report is not marked moderated
    expect((await getPublicReport(database.db, number))!.isModerated).toBe(false);

    expect(await moderate('lurah.gambir', { number, what: 'foto_tidak_publik', attachmentId: afterPhoto, reason: 'Tampak pekarangan warga.' })).toBe('ok');
    expect(await getPublicPhotos(database.db, number)).toEqual([]);
    expect(await getPublicPhotoFile(database.db, afterPhoto)).toBeNull();
  });

  it('a hidden after-photo stays hidden even when it is publishable', async () => {
    const { number, afterPhoto } = await ticket({ isPublic: false });
    await moderate('operator', { number, what: 'foto_publik', attachmentId: afterPhoto, reason: REASON });
    expect(await moderate('operator', { number, what: 'sembunyikan_foto', attachmentId: afterPhoto, reason: REASON })).toBe('ok');
    expect(await getPublicPhotos(database.db, number)).toEqual([]);
  });

  it.each([
    ["a citizen's photo marked publishable", 'admin', 'foto_publik', 'citizenPhoto', false, 'bukan_foto_sesudah'],
    ['publishable on a public report', 'admin', 'foto_publik', 'afterPhoto', true, 'foto_laporan_publik'],
    ['showing a photo that is not hidden', 'admin', 'tampilkan_foto', 'citizenPhoto', true, 'moderasi_tidak_mengubah'],
    ['a photo of another report', 'admin', 'sembunyikan_foto', 'otherPhoto', true, 'foto_tidak_ditemukan'],
    ['no photo at all', 'admin', 'sembunyikan_foto', 'none', true, 'foto_tidak_ditemukan'],
  ] as const)('refuses %s, changing nothing', async (_label, who, what, which, isPublic, code) => {
    const t = await ticket({ isPublic });
    const other = await ticket();
    const attachmentId = which === 'none' ? null : which === 'otherPhoto' ? other.citizenPhoto : t[which];
    const before = await snapshot(t.number);
    expect(await moderate(who, { number: t.number, what, attachmentId, reason: REASON })).toBe(code);
    expect(await snapshot(t.number)).toEqual(before);
  });
});

describe('who may moderate', () => {
  it.each([
    ['a missing reason', {}],
    ['an empty reason', { reason: '' }],
    ['a reason of blanks', { reason: '        ' }],
    ['a reason under 5 characters', { reason: 'foto' }],
  ])('refuses %s and changes nothing', async (_label, reason) => {
    const { number, citizenPhoto } = await ticket();
    const before = await snapshot(number);
    for (const input of [
      { number, what: 'sunting_teks' as const, text: 'Jalan berlubang.' },
      { number, what: 'sembunyikan_teks' as const },
      { number, what: 'sembunyikan_foto' as const, attachmentId: citizenPhoto },
    ]) {
      expect(await moderate('operator', { ...input, ...reason } as never)).toBe('alasan_moderasi_wajib');
    }
    expect(await snapshot(number)).toEqual(before);
  });

  it('refuses a stale version and changes nothing', async () => {
    const { number } = await ticket();
    const version = await versionOf(number);
    const before = await snapshot(number);
    expect(await moderate('operator', { number, version: version - 1, what: 'sembunyikan_teks', reason: REASON })).toBe('versi_berubah');
    expect(await snapshot(number)).toEqual(before);
  });

  // wrong jurisdiction is refused: another kelurahan, a unit not holding the ticket, a role that does not moderate
  it.each([
    ['the lurah of the ticket edits the text (only publishable is theirs)', 'lurah.gambir', 'sunting_teks', null, 'tidak_berwenang'],
    ['the lurah of the ticket hides the citizen photo', 'lurah.gambir', 'sembunyikan_foto', 'citizenPhoto', 'tidak_berwenang'],
    ["the lurah of the ticket publishes the citizen's photo", 'lurah.gambir', 'foto_publik', 'citizenPhoto', 'tidak_berwenang'],
    ['a lurah of another kelurahan publishes the after-photo', 'lurah.menteng', 'foto_publik', 'afterPhoto', 'tidak_ditemukan'],
    ['a Dinas not holding the ticket publishes the after-photo', 'binamarga', 'foto_publik', 'afterPhoto', 'tidak_ditemukan'],
    ['the camat hides the text', 'camat.gambir', 'sembunyikan_teks', null, 'tidak_berwenang'],
    ['the walikota hides a photo', 'walikota.pusat', 'sembunyikan_foto', 'citizenPhoto', 'tidak_berwenang'],
    ['inspektorat hides the text', 'inspektorat', 'sembunyikan_teks', null, 'tidak_berwenang'],
  ] as const)('refuses %s, changing nothing', async (_label, who, what, which, code) => {
    const t = await ticket({ isPublic: false });
    // the text actions are tried on a public twin: a private report's text is refused for everyone
    const target = what.endsWith('_teks') ? await ticket() : t;
    const before = await snapshot(target.number);
    const attachmentId = which ? target[which] : null;
    expect(await moderate(who, { number: target.number, what, attachmentId, text: 'Teks lain.', reason: REASON })).toBe(code);
    expect(await snapshot(target.number)).toEqual(before);
  });

  it("refuses the handling unit an after-photo another unit posted", async () => {
    const { number, afterPhoto } = await ticket({ isPublic: false });
    // the ticket moved on to the Dinas, which now holds it but did not post that photo
    await database.db.execute(sql`update reports set handling_agency_id = (select id from agencies where code = 'bina-marga') where number = ${number}`);
    const before = await snapshot(number);
    expect(await moderate('binamarga', { number, what: 'foto_publik', attachmentId: afterPhoto, reason: REASON })).toBe('tidak_berwenang');
    // and the lurah who posted it still sees the ticket but no longer holds it
    expect(await moderate('lurah.gambir', { number, what: 'foto_publik', attachmentId: afterPhoto, reason: REASON })).toBe('tidak_berwenang');
    expect(await snapshot(number)).toEqual(before);
  });

  it('keeps confidential tickets out of moderation altogether', async () => {
    const { number, citizenPhoto } = await ticket({ confidential: true });
    for (const who of ['admin', 'operator', 'validator']) {
      expect(await moderate(who, { number, what: 'sembunyikan_foto', attachmentId: citizenPhoto, reason: REASON })).toBe('tidak_ditemukan');
    }
    expect(await moderate('inspektorat', { number, what: 'sembunyikan_foto', attachmentId: citizenPhoto, reason: REASON })).toBe('tidak_berwenang');
  });

  it('refuses a ticket that does not exist like one outside the jurisdiction', async () => {
    expect(await moderate('operator', { number: 'JK2605049999', version: 1, what: 'sembunyikan_teks', reason: REASON })).toBe('tidak_ditemukan');
  });
});
