import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { loadStaffUser, type StaffProfile } from '@/db/queries/staff';
import { checksForViewer, getStaffTicket } from '@/db/queries/staff-ticket';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { createReport } from '@/lib/intake/create-report';
import { IntakeError } from '@/lib/intake/errors';
import { disputeFollowUp } from '@/lib/intake/tracking';
import { photoUploadsFromForm } from '@/lib/media/capture-hint';
import { processImage, type ImageExif } from '@/lib/media/process-image';
import { createDiskStorage } from '@/lib/media/storage';
import { indexPhotos } from '@/lib/media/photo-index';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import { streetScene } from '@/lib/testing/images';
import { applyEdit } from '@/scripts/proof-eval/edits';
import { laterCamera, makeWorld, renderScene } from '@/scripts/proof-eval/scenes';
import { StaffError } from './errors';
import { performStaffAction } from './perform-action';
import { flagsForViewer, followUpFlags, metadataFlags, proofEditsText, storedChecks, type ProofFlag } from './proof-checks';
import type { RecycledCheck } from './recycled-photos';

let database: Database;
let mediaDir: string;
let lurah: StaffProfile;
let validator: StaffProfile;
let inspektorat: StaffProfile;
const filed = new Date('2026-05-04T03:00:00Z');
const later = new Date('2026-05-06T03:00:00Z');
const deps = (now = later) => ({ now, storage: createDiskStorage(mediaDir) });

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-bukti-'));
  const ids = await rowsOf<{ id: number; email: string }>(database.db.execute(sql`select id, email from users`));
  const byEmail = (e: string) => ids.find((u) => u.email === e)!.id;
  lurah = (await loadStaffUser(database.db, byEmail('lurah.gambir@aduan.test')))!;
  validator = (await loadStaffUser(database.db, byEmail('validator@aduan.test')))!;
  inspektorat = (await loadStaffUser(database.db, byEmail('inspektorat@aduan.test')))!;
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const jpeg = (svg: Buffer) => sharp(svg).jpeg({ quality: 90 }).toBuffer();
/** A ticket at Monas with a "before" photo, accepted by the lurah (so in process). */
async function ticketWithPhoto(before: Buffer): Promise<string> {
  const created = await createReport(
    database.db,
    reportInput({ photos: [await processImage(before)] }),
    { ...deps(filed), publicUrl: 'http://aduan.test' },
  );
  await performStaffAction(database.db, lurah, { number: created.number, version: 1, action: 'terima' }, deps(filed));
  return created.number;
}

/** A confidential report (pungli, handled by Inspektorat) with a "before" photo. */
async function confidentialTicket(before?: Buffer): Promise<string> {
  const input = reportInput({ categoryCode: 'pungli', description: 'Petugas meminta uang pelicin.', photos: before ? [await processImage(before)] : [] });
  return (await createReport(database.db, input, { ...deps(filed), publicUrl: 'http://aduan.test' })).number;
}

/** `hint`: the capture values a browser sent with the photo (lib/media/capture-hint). */
async function followUp(number: string, photo: Buffer, by: StaffProfile = lurah, hint?: ImageExif): Promise<ProofFlag[]> {
  const [{ version }] = await rowsOf<{ version: number }>(database.db.execute(sql`select version from reports where number = ${number}`));
  await performStaffAction(database.db, by, { number, version, action: 'tindak_lanjut', body: 'Sudah diperbaiki.', photos: [await processImage(photo, hint)] }, deps());
  const [event] = await rowsOf<{ data: { checks: ProofFlag[] } }>(
    database.db.execute(sql`select e.data from report_events e join reports r on r.id = e.report_id
                            where r.number = ${number} and e.type = 'tindak_lanjut' order by e.id desc limit 1`),
  );
  return event.data.checks;
}

const gps = (lat: number, lng: number) => {
  const dms = (v: number) => {
    const a = Math.abs(v);
    const d = Math.floor(a);
    const m = Math.floor((a - d) * 60);
    return `${d}/1 ${m}/1 ${Math.round(((a - d) * 60 - m) * 60 * 100)}/100`;
  };
  return { GPSLatitudeRef: lat < 0 ? 'S' : 'N', GPSLatitude: dms(lat), GPSLongitudeRef: lng < 0 ? 'W' : 'E', GPSLongitude: dms(lng) };
};
const withExif = (svg: Buffer, taken: string, lat: number, lng: number) =>
  sharp(svg).jpeg().withExif({ IFD0: { Make: 'Uji' }, IFD2: { DateTimeOriginal: taken }, IFD3: gps(lat, lng) }).toBuffer();

describe('follow-up photo checks', () => {
  it.each([
    ['the same file', 11, (b: Buffer) => sharp(b).jpeg({ quality: 90 }).toBuffer()],
    ['re-encoded at low quality', 12, (b: Buffer) => sharp(b).jpeg({ quality: 35 }).toBuffer()],
    ['resized to half', 13, (b: Buffer) => sharp(b).resize(400).jpeg().toBuffer()],
    ['slightly cropped', 14, (b: Buffer) => sharp(b).extract({ left: 16, top: 12, width: 768, height: 576 }).jpeg().toBuffer()],
  ])('flags a recycled "before" photo: %s', async (_, seed, recycle) => {
    const scene = streetScene(seed);
    const number = await ticketWithPhoto(await jpeg(scene));
    const flags = await followUp(number, await recycle(scene));
    expect(flags.find((f) => f.kind === 'foto_sama')).toMatchObject({ matchNumber: number, photo: 0 });
  });

  it('flags a photo recycled from another ticket with that ticket, and not a different photo of the same street', async () => {
    const elsewhere = await ticketWithPhoto(await jpeg(streetScene(101)));
    const number = await ticketWithPhoto(await jpeg(streetScene(202)));
    expect((await followUp(number, await jpeg(streetScene(101)))).find((f) => f.kind === 'foto_sama')?.matchNumber).toBe(elsewhere);

    const fresh = await ticketWithPhoto(await jpeg(streetScene(303)));
    const different = await withExif(streetScene(304), '2026:05:05 10:00:00', -6.1752, 106.8275);
    expect(await followUp(fresh, different)).toEqual([]);
  });

  it('finds an edited copy (cropped, mirrored) of another ticket\'s photo through the hash index, and names the edits', async () => {
    const original = await renderScene(makeWorld(21));
    const elsewhere = await ticketWithPhoto(original);
    // the indexer (the worker's loop, and the backfill) hashes every photo published so far
    expect(await indexPhotos(database.db, deps().storage, 1000)).toBeGreaterThan(0);
    expect(await indexPhotos(database.db, deps().storage, 1000)).toBe(0);
    const copy = await sharp(await applyEdit('potong_sudut_10', original, 7)).flop().jpeg().toBuffer();
    const number = await ticketWithPhoto(await renderScene(makeWorld(22)));
    const flag = (await followUp(number, copy)).find((f) => f.kind === 'foto_sama');
    expect(flag).toMatchObject({ matchNumber: elsewhere, photo: 0, edits: expect.arrayContaining(['cermin', 'potong']) });
    expect(flag?.score).toBeGreaterThan(0.8);
    // a later photo of the same place is not a copy
    const afterWork = await renderScene(makeWorld(21), laterCamera(21), 1024, 768, true);
    const honest = await ticketWithPhoto(original);
    expect((await followUp(honest, afterWork)).filter((f) => f.kind === 'foto_sama')).toEqual([]);
  });

  it('flags an untouched copy of a photo stored after the indexer last ran (above its frontier)', async () => {
    await indexPhotos(database.db, deps().storage, 1000);
    const scene = streetScene(71);
    const elsewhere = await ticketWithPhoto(await jpeg(scene));
    const number = await ticketWithPhoto(await jpeg(streetScene(72)));
    expect((await followUp(number, await jpeg(scene))).find((f) => f.kind === 'foto_sama')).toMatchObject({ matchNumber: elsewhere, photo: 0 });
  });

  it('flags capture metadata: before the report, far away, or none at all', async () => {
    const old = await followUp(await ticketWithPhoto(await jpeg(streetScene(401))), await withExif(streetScene(402), '2026:04:01 09:00:00', -6.1754, 106.8272));
    expect(old.map((f) => f.kind)).toEqual(['sebelum_laporan']);
    const far = await followUp(await ticketWithPhoto(await jpeg(streetScene(501))), await withExif(streetScene(502), '2026:05:05 09:00:00', -6.2, 106.85));
    expect(far).toEqual([expect.objectContaining({ kind: 'jauh', distanceM: expect.any(Number) })]);
    expect(far[0].distanceM).toBeGreaterThan(3000);
    const none = await followUp(await ticketWithPhoto(await jpeg(streetScene(601))), await jpeg(streetScene(602)));
    expect(none.map((f) => f.kind)).toEqual(['tanpa_metadata']);
  });

  it('checks a photo downscaled in the browser (no EXIF left) by the time and place the browser read from the original', async () => {
    /** the hint as the staff form sends it next to the photo */
    const sent = (takenAt: string, lat: string, lng: string) => {
      const form = new FormData();
      form.append('foto', new File([new Uint8Array([0xff, 0xd8, 0xff])], 'sesudah.jpg', { type: 'image/jpeg' }));
      form.append('foto_waktu', takenAt);
      form.append('foto_lat', lat);
      form.append('foto_lng', lng);
      return photoUploadsFromForm(form, later)[0].hint;
    };
    const downscaled = (seed: number) => jpeg(streetScene(seed));
    // the metadata checks only: generated street scenes may resemble one another (foto_sama)
    const metadata = (flags: ProofFlag[]) => flags.map((f) => f.kind).filter((k) => k !== 'foto_sama');
    const old = await followUp(await ticketWithPhoto(await downscaled(1101)), await downscaled(1102), lurah, sent('2026-04-01T09:00:00+07:00', '-6.1754', '106.8272'));
    expect(metadata(old)).toEqual(['sebelum_laporan']);
    const far = await followUp(await ticketWithPhoto(await downscaled(1201)), await downscaled(1202), lurah, sent('2026-05-05T09:00:00+07:00', '-6.2', '106.85'));
    expect(metadata(far)).toEqual(['jauh']);
    const fine = await followUp(await ticketWithPhoto(await downscaled(1301)), await downscaled(1302), lurah, sent('2026-05-05T09:00:00+07:00', '-6.1752', '106.8275'));
    expect(metadata(fine)).toEqual([]);
    // values out of range are dropped, as if the browser had sent none
    const garbled = await followUp(await ticketWithPhoto(await downscaled(1401)), await downscaled(1402), lurah, sent('2099-01-01T00:00:00+07:00', '-95', '106.8'));
    expect(metadata(garbled)).toEqual(['tanpa_metadata']);
    // the photo's own EXIF wins over what was sent with it
    const own = await withExif(streetScene(1502), '2026:04:01 09:00:00', -6.1754, 106.8272);
    const kept = await followUp(await ticketWithPhoto(await downscaled(1501)), own, lurah, sent('2026-05-05T09:00:00+07:00', '-6.1754', '106.8272'));
    expect(metadata(kept)).toEqual(['sebelum_laporan']);
  });

  it('puts flagged follow-ups first for validators, and accepting one takes a written reason', async () => {
    const scene = streetScene(701);
    const number = await ticketWithPhoto(await jpeg(scene));
    await followUp(number, await jpeg(scene));
    const [{ version, flags }] = await rowsOf<{ version: number; flags: number }>(
      database.db.execute(sql`select version, proof_flags as flags from reports where number = ${number}`),
    );
    expect(flags).toBeGreaterThan(0);
    await expect(performStaffAction(database.db, validator, { number, version, action: 'validasi_terima', body: '' }, deps())).rejects.toThrow(
      new StaffError('alasan_bendera_wajib'),
    );
    await performStaffAction(database.db, validator, { number, version, action: 'validasi_terima', body: 'Dicek di lokasi: sudah diaspal.' }, deps());
    const [audit] = await rowsOf<{ data: { acceptedFlags: number } }>(
      database.db.execute(sql`select data from audit_log where action = 'laporan.validasi_terima' and target_id = ${number}`),
    );
    expect(audit.data.acceptedFlags).toBe(flags);
  });
});

describe('a photo matching a ticket the official may not open', () => {
  /** The checks of the ticket's latest follow-up as `user` gets them for the ticket page. */
  const shownChecks = async (user: StaffProfile, number: string) => {
    const ticket = await getStaffTicket(database.db, user, number);
    return { ticket, checks: storedChecks([...ticket!.events].reverse().find((e) => e.type === 'tindak_lanjut')?.data) };
  };

  it('does not name a confidential ticket to the lurah or the validator, but does to Inspektorat', async () => {
    const scene = streetScene(901);
    const secret = await confidentialTicket(await jpeg(scene));
    const number = await ticketWithPhoto(await jpeg(streetScene(902)));
    const stored = await followUp(number, await jpeg(scene));
    expect(stored.find((f) => f.kind === 'foto_sama')?.matchNumber).toBe(secret);

    for (const official of [lurah, validator]) {
      const { ticket, checks } = await shownChecks(official, number);
      expect(checks.find((f) => f.kind === 'foto_sama')).toEqual({ kind: 'foto_sama', photo: 0, hashDistance: expect.any(Number), score: expect.any(Number), edits: [], isMatchHidden: true });
      expect(JSON.stringify(ticket)).not.toContain(secret);
    }
    expect((await checksForViewer(database.db, lurah, stored)).find((f) => f.kind === 'foto_sama')?.matchNumber).toBeUndefined();
    const forInspektorat = (await checksForViewer(database.db, inspektorat, stored)).find((f) => f.kind === 'foto_sama');
    expect(forInspektorat).toMatchObject({ matchNumber: secret, matchAttachmentId: expect.any(Number) });
    expect(forInspektorat).not.toHaveProperty('isMatchHidden');
  });

  it('names the other confidential ticket on the ticket page of Inspektorat', async () => {
    const scene = streetScene(911);
    const earlier = await confidentialTicket(await jpeg(scene));
    const number = await confidentialTicket();
    await performStaffAction(database.db, inspektorat, { number, version: 1, action: 'terima' }, deps(filed));
    await followUp(number, await jpeg(scene), inspektorat);

    const { checks } = await shownChecks(inspektorat, number);
    expect(checks.find((f) => f.kind === 'foto_sama')).toMatchObject({ matchNumber: earlier, matchAttachmentId: expect.any(Number) });
    expect(checks.some((f) => 'isMatchHidden' in f)).toBe(false);
  });
});

describe('flagsForViewer', () => {
  const region = { left: 0.1, top: 0, width: 0.9, height: 0.9 };
  const match: ProofFlag = { kind: 'foto_sama', photo: 1, matchNumber: 'JKR2605040001', matchAttachmentId: 7, hashDistance: 2, score: 0.93, edits: ['cermin'], region };
  const far: ProofFlag = { kind: 'jauh', photo: 0, distanceM: 900 };
  it.each<[string, boolean, object]>([
    ['a ticket the viewer may open keeps its number and photo', true, match],
    ['any other loses them and where on that photo the copy lies, and says so', false, { kind: 'foto_sama', photo: 1, hashDistance: 2, score: 0.93, edits: ['cermin'], isMatchHidden: true }],
  ])('%s', (_, mayOpen, expected) => {
    expect(flagsForViewer([far, match], () => mayOpen)).toEqual([far, expected]);
  });
});

describe('the reporter confirms or disputes a follow-up', () => {
  it('may dispute during validation from the private link; a dispute makes accepting take a reason', async () => {
    const created = await createReport(
      database.db,
      reportInput({ reporterName: 'Warga', reporterEmail: 'warga@contoh.id' }),
      { ...deps(filed), publicUrl: 'http://aduan.test' },
    );
    const number = created.number;
    await performStaffAction(database.db, lurah, { number, version: 1, action: 'terima' }, deps(filed));
    const photo = await withExif(streetScene(801), '2026:05:05 09:00:00', -6.1754, 106.8272);
    await performStaffAction(database.db, lurah, { number, version: 2, action: 'tindak_lanjut', body: 'Sudah ditambal.', photos: [await processImage(photo)] }, deps());
    // not asked "is it finished?" before a validator looked (lib/staff/perform-action.test.ts)
    const asked = await rowsOf(database.db.execute(sql`select 1 from outbox o join reports r on r.id = o.report_id where r.number = ${number} and o.subject like '%apakah sudah selesai%'`));
    expect(asked).toEqual([]);

    await expect(disputeFollowUp(database.db, number, 'kunci-salah', 'Belum ditambal sama sekali.', null, later)).rejects.toThrow(IntakeError);
    await disputeFollowUp(database.db, number, created.trackingKey, 'Belum ditambal sama sekali, lubangnya masih ada.', null, later);
    const [{ version }] = await rowsOf<{ version: number }>(database.db.execute(sql`select version from reports where number = ${number}`));
    await expect(performStaffAction(database.db, validator, { number, version, action: 'validasi_terima' }, deps())).rejects.toThrow(
      new StaffError('alasan_bendera_wajib'),
    );
    const back = await performStaffAction(database.db, validator, { number, version, action: 'validasi_tolak', body: 'Pelapor menyanggah; mohon dicek ulang.' }, deps());
    expect(back.status).toBe('proses');
    const [told] = await rowsOf<{ recipient: string; body: string }>(
      database.db.execute(sql`select o.recipient, o.body from outbox o join reports r on r.id = o.report_id where r.number = ${number} and o.subject like '%penanganan dilanjutkan%'`),
    );
    expect(told.recipient).toBe('warga@contoh.id');
    expect(told.body).toContain(`/lacak/${number}?kunci=${created.trackingKey}`);
    await expect(disputeFollowUp(database.db, number, created.trackingKey, 'Masih belum.', null, later)).rejects.toThrow(new IntakeError('tidak_menunggu_validasi'));
  });
});

describe('metadataFlags', () => {
  const ticket = { createdAt: new Date('2026-05-04T03:00:00Z'), lat: -6.1754, lng: 106.8272 };
  it.each<[string, Parameters<typeof metadataFlags>[0], string[]]>([
    ['taken after, on the spot', { phash: null, exifTakenAt: new Date('2026-05-05T03:00:00Z'), exifLat: -6.1755, exifLng: 106.8273 }, []],
    ['taken a minute before the report', { phash: null, exifTakenAt: new Date('2026-05-04T02:59:00Z'), exifLat: -6.1754, exifLng: 106.8272 }, ['sebelum_laporan']],
    ['taken 350 m away', { phash: null, exifTakenAt: new Date('2026-05-05T03:00:00Z'), exifLat: -6.1754 + 0.00315, exifLng: 106.8272 }, ['jauh']],
    ['taken 250 m away', { phash: null, exifTakenAt: new Date('2026-05-05T03:00:00Z'), exifLat: -6.1754 + 0.00225, exifLng: 106.8272 }, []],
    ['with a time only', { phash: null, exifTakenAt: new Date('2026-05-05T03:00:00Z'), exifLat: null, exifLng: null }, []],
    ['without metadata', { phash: null, exifTakenAt: null, exifLat: null, exifLng: null }, ['tanpa_metadata']],
  ])('%s', (_, photo, kinds) => {
    expect(metadataFlags(photo, 0, ticket).map((f) => f.kind)).toEqual(kinds);
  });
});

describe('followUpFlags', () => {
  const ticket = { createdAt: new Date('2026-05-04T03:00:00Z'), lat: -6.1754, lng: 106.8272 };
  const photo = { phash: 'f0f0f0f0f0f0f0f0', exifTakenAt: new Date('2026-05-05T03:00:00Z'), exifLat: -6.1754, exifLng: 106.8272 };
  const match = { id: 7, number: 'JKR-1', bits: 4 };
  const verified: ProofFlag = { kind: 'foto_sama', photo: 0, matchNumber: 'JKR-2', matchAttachmentId: 9, score: 0.9 };
  it.each<[string, RecycledCheck, Partial<ProofFlag>[]]>([
    ['a copy verified by keypoints', { match, verified }, [{ matchNumber: 'JKR-2', score: 0.9 }]],
    ['a difference-hash match the keypoints rejected (a later photo of the place)', { match, verified: null }, []],
    ['the difference hash alone when keypoints could not run', { match }, [{ matchNumber: 'JKR-1', hashDistance: 4 }]],
    ['nothing stored alike', { verified: null }, []],
  ])('%s', (_, recycled, expected) => {
    expect(followUpFlags(ticket, [photo], [recycled])).toEqual(expected.map((f) => expect.objectContaining({ kind: 'foto_sama', photo: 0, ...f })));
  });
  it('adds each photo\'s metadata flags after its copy flag', () => {
    const bare = { ...photo, exifTakenAt: null, exifLat: null, exifLng: null };
    expect(followUpFlags(ticket, [photo, bare], [{ verified: null }, { match }]).map((f) => [f.kind, f.photo])).toEqual([
      ['foto_sama', 1],
      ['tanpa_metadata', 1],
    ]);
  });
});

describe('proofEditsText', () => {
  it.each<[string, Pick<ProofFlag, 'edits' | 'score'>, 'id' | 'en', string | null]>([
    ['names the edits with the agreement', { edits: ['cermin', 'potong'], score: 0.934 }, 'id', 'Perubahan: dicerminkan, dipotong · kecocokan 0,93'],
    ['in English too', { edits: ['tangkapan_layar'], score: 0.9 }, 'en', 'Edits: screenshot · agreement 0.90'],
    ['says when nothing notable was done', { edits: [], score: 1 }, 'id', 'Perubahan: tanpa perubahan berarti · kecocokan 1,00'],
    ['nothing for a match by the difference hash alone', {}, 'id', null],
  ])('%s', (_, flag, locale, expected) => {
    expect(proofEditsText(flag, locale)).toBe(expected);
  });
});
