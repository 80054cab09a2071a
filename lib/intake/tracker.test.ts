import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { getPublicPhotoFile, getPublicReport, getPublicTimeline } from '@/db/queries/public';
import { loadStaffUser, type StaffProfile } from '@/db/queries/staff';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { processImage } from '@/lib/media/process-image';
import { createDiskStorage } from '@/lib/media/storage';
import { storePhotos, type StoredPhoto } from '@/lib/media/store-photos';
import { performStaffAction } from '@/lib/staff/perform-action';
import { createTestDatabase } from '@/lib/testing/db';
import { streetScene } from '@/lib/testing/images';
import { reportInput } from '@/lib/testing/reports';
import { createReport, type CreatedReport } from './create-report';
import { answerTypedNumber, getTrackedPhotoFile, getTrackedReport, trackingAccess } from './tracker';
import { addInformation, disputeFollowUp, rateReport } from './tracking';

describe('answerTypedNumber', () => {
  it.each([
    ['nothing typed', '  ', { kind: 'empty' }],
    ['not a number', 'lubang', { kind: 'invalid' }],
    ['a public number as typed', 'jk 2306 180342', { kind: 'ticket', number: 'JK2306180342' }],
    ['a confidential number', 'JKR2306180001', { kind: 'confidential' }],
    ['a confidential number as typed', 'jkr 2306 180001', { kind: 'confidential' }],
    ['a confidential number never issued', 'JKR9912319999', { kind: 'confidential' }],
    ['JKR with a bad date', 'JKR2313180001', { kind: 'invalid' }],
  ])('%s', (_label, typed, expected) => {
    expect(answerTypedNumber(typed)).toEqual(expected);
  });
});

describe(`trackingAccess on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  let mediaDir: string;
  let confidential: CreatedReport;
  let open: CreatedReport;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReference(database.db);
    mediaDir = mkdtempSync(join(tmpdir(), 'aduan-media-'));
    const deps = { now: new Date('2026-03-10T03:00:00Z'), storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' };
    confidential = await createReport(database.db, reportInput({ categoryCode: 'pungli' }), deps);
    open = await createReport(database.db, reportInput(), deps);
  });
  afterAll(async () => {
    await database?.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it('opens the private page of a confidential ticket with its own key', async () => {
    expect(confidential.number).toBe('JKR2603100001');
    expect(await trackingAccess(database.db, confidential.number, confidential.trackingKey)).toBe('granted');
  });

  it('answers alike for an issued and a never-issued JKR number without a valid key', async () => {
    const neverIssued = 'JKR2603100002';
    const answers = await Promise.all([
      trackingAccess(database.db, confidential.number, ''),
      trackingAccess(database.db, confidential.number, open.trackingKey),
      trackingAccess(database.db, neverIssued, ''),
      trackingAccess(database.db, neverIssued, confidential.trackingKey),
    ]);
    expect(answers).toEqual(['confidential', 'confidential', 'confidential', 'confidential']);
  });

  it('keeps refusing a public number with a wrong key, and opens it with its own', async () => {
    expect(await trackingAccess(database.db, open.number, confidential.trackingKey)).toBe('refused');
    expect(await trackingAccess(database.db, open.number, open.trackingKey)).toBe('granted');
  });
});

describe(`the reporter's own view behind the private link, on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  let mediaDir: string;
  const users: Record<string, StaffProfile> = {};
  const filed = new Date('2026-05-04T03:00:00Z');
  const later = new Date('2026-05-05T03:00:00Z');
  const deps = (now = later) => ({ now, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' });
  const photo = async (seed: number) => processImage(await sharp(streetScene(seed)).jpeg().toBuffer());
  const version = async (number: string) =>
    (await rowsOf<{ version: number }>(database.db.execute(sql`select version from reports where number = ${number}`)))[0].version;
  const act = async (who: string, number: string, input: Omit<Parameters<typeof performStaffAction>[2], 'number' | 'version'>) =>
    performStaffAction(database.db, users[who], { ...input, number, version: await version(number) }, deps());

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReference(database.db);
    await seedDemoUsers(database.db);
    mediaDir = mkdtempSync(join(tmpdir(), 'aduan-media-'));
    const ids = await rowsOf<{ id: number; email: string }>(database.db.execute(sql`select id, email from users`));
    for (const { id, email } of ids) users[email.replace('@aduan.test', '')] = (await loadStaffUser(database.db, id))!;
  });
  afterAll(async () => {
    await database?.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it("shows a private report's own text, address, photo, later texts and the officials' responses, but no internal note", async () => {
    const report = await createReport(
      database.db,
      reportInput({ isPublic: false, description: 'Saluran air di depan rumah saya tersumbat sampah.', address: 'Jl. Kebon Sirih Gg. 3 No. 12', photos: [await photo(11)] }),
      deps(filed),
    );
    await addInformation(database.db, report.number, report.trackingKey, 'Airnya sekarang meluap ke jalan setiap sore.', later);
    await act('lurah.gambir', report.number, { action: 'terima' });
    await act('lurah.gambir', report.number, { action: 'tanggapan', body: 'Petugas PPSU dijadwalkan membersihkan saluran Kamis ini.' });
    await act('lurah.gambir', report.number, { action: 'catatan', body: 'Internal: koordinasi dengan RT setempat.' });

    const view = (await getTrackedReport(database.db, report.number, report.trackingKey))!;
    expect(view).toMatchObject({
      number: report.number,
      status: 'proses',
      isPublic: false,
      description: 'Saluran air di depan rumah saya tersumbat sampah.',
      address: 'Jl. Kebon Sirih Gg. 3 No. 12',
      handlingAgencyName: 'Kelurahan Gambir',
      kelurahanName: 'Gambir',
    });
    expect(view.photos).toEqual([expect.objectContaining({ kind: 'sebelum' })]);
    expect(view.events.map((e) => e.type)).toEqual(['dibuat', 'informasi', 'diterima', 'tanggapan']);
    expect(view.events[1]).toMatchObject({ body: 'Airnya sekarang meluap ke jalan setiap sore.', actor: { kind: 'reporter' } });
    expect(view.events[3]).toMatchObject({ body: 'Petugas PPSU dijadwalkan membersihkan saluran Kamis ini.', actor: { kind: 'unit', name: 'Kelurahan Gambir' } });
    expect(JSON.stringify(view)).not.toContain('Internal: koordinasi');
    // what the public projection leaves out, and the reporter's view has
    expect((await getPublicReport(database.db, report.number))!.description).toBeNull();
    expect(JSON.stringify(await getPublicTimeline(database.db, report.number))).not.toContain('meluap');
  });

  it("shows a confidential ticket's status, text and Inspektorat's response, without any official's name", async () => {
    const report = await createReport(database.db, reportInput({ categoryCode: 'pungli', description: 'Diminta uang pelicin untuk surat domisili.' }), deps(filed));
    expect(await getPublicReport(database.db, report.number)).toBeNull();
    await act('inspektorat', report.number, { action: 'terima' });
    await act('inspektorat', report.number, { action: 'tanggapan', body: 'Laporan Anda sedang kami telaah.' });

    const view = (await getTrackedReport(database.db, report.number, report.trackingKey))!;
    expect(view).toMatchObject({ status: 'proses', isConfidential: true, description: 'Diminta uang pelicin untuk surat domisili.' });
    expect(view.handlingAgencyName).toMatch(/^Inspektorat/);
    expect(view.events.at(-1)).toMatchObject({ type: 'tanggapan', body: 'Laporan Anda sedang kami telaah.', actor: { kind: 'unit' } });
    const names = await rowsOf<{ name: string }>(database.db.execute(sql`select name from users`));
    for (const { name } of names) expect(JSON.stringify(view)).not.toContain(name);
  });

  it('returns nothing for a wrong key, an empty key or the key of another ticket', async () => {
    const report = await createReport(database.db, reportInput({ isPublic: false, description: 'Lampu jalan mati sepanjang gang.' }), deps(filed));
    const other = await createReport(database.db, reportInput(), deps(filed));
    expect(await getTrackedReport(database.db, report.number, report.trackingKey)).not.toBeNull();
    for (const key of ['', 'kunci-salah-kunci-salah-1234', other.trackingKey, `${report.trackingKey}x`]) {
      expect(await getTrackedReport(database.db, report.number, key)).toBeNull();
    }
    expect(await getTrackedReport(database.db, 'JK2605049999', report.trackingKey)).toBeNull();
  });

  it("keeps the reporter's dispute photo behind the key: in their timeline, never on the public route; then their rating", async () => {
    const report = await createReport(database.db, reportInput({ isPublic: false, reporterEmail: 'warga@contoh.id' }), deps(filed));
    const other = await createReport(database.db, reportInput({ photos: [await photo(21)] }), deps(filed));
    await act('lurah.gambir', report.number, { action: 'terima' });
    await act('lurah.gambir', report.number, { action: 'tindak_lanjut', body: 'Sudah ditambal.', photos: [await photo(22)] });
    const stored: StoredPhoto[] = [];
    await storePhotos(createDiskStorage(mediaDir), [await photo(23)], later, stored, database.db);
    await disputeFollowUp(database.db, report.number, report.trackingKey, 'Lubangnya masih ada, lihat foto.', stored[0], later);

    const view = (await getTrackedReport(database.db, report.number, report.trackingKey))!;
    const dispute = view.events.find((e) => e.type === 'sanggahan')!;
    expect(dispute).toMatchObject({ body: 'Lubangnya masih ada, lihat foto.', actor: { kind: 'reporter' } });
    expect(dispute.photos).toEqual([expect.objectContaining({ kind: 'informasi' })]);
    expect(view.events.find((e) => e.type === 'tindak_lanjut')!.photos).toEqual([expect.objectContaining({ kind: 'sesudah' })]);
    const disputePhoto = dispute.photos[0].id;
    expect(await getTrackedPhotoFile(database.db, report.number, report.trackingKey, disputePhoto)).toMatchObject({ storageKey: stored[0].storageKey });
    expect(await getTrackedPhotoFile(database.db, report.number, other.trackingKey, disputePhoto)).toBeNull();
    expect(await getPublicPhotoFile(database.db, disputePhoto)).toBeNull();
    // a photo of another ticket does not open with this ticket's key
    const [{ id: otherPhoto }] = await rowsOf<{ id: number }>(
      database.db.execute(sql`select a.id from attachments a join reports r on r.id = a.report_id where r.number = ${other.number}`),
    );
    expect(await getTrackedPhotoFile(database.db, report.number, report.trackingKey, otherPhoto)).toBeNull();

    await act('validator', report.number, { action: 'validasi_terima', body: 'Dicek ulang di lokasi: sudah ditambal.' });
    await rateReport(database.db, report.number, report.trackingKey, 4, 'Cukup cepat.', later);
    const done = (await getTrackedReport(database.db, report.number, report.trackingKey))!;
    expect(done.status).toBe('selesai');
    expect(done.rating).toEqual({ score: 4, comment: 'Cukup cepat.' });
    expect(done.events.at(-1)).toMatchObject({ type: 'penilaian', score: 4 });
  });
});
