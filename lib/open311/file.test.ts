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
import type { StaffUser } from '@/lib/auth/permissions';
import { processImage } from '@/lib/media/process-image';
import { createDiskStorage } from '@/lib/media/storage';
import { performStaffAction } from '@/lib/staff/perform-action';
import { createTestDatabase } from '@/lib/testing/db';
import { fileServiceRequest } from './file';
import { findRequest, findUpdates, Open311Error } from './georeport';
import { issueApiKey, revokeApiKey } from './keys';

let database: Database;
let mediaDir: string;
let staff: Record<string, StaffProfile>;
let key: string;
const now = new Date();
const deps = () => ({ now: new Date(), storage: createDiskStorage(mediaDir), publicUrl: 'https://aduan.test' });

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-open311-'));
  const users = await rowsOf<{ id: number; email: string }>(database.db.execute(sql`select id, email from users`));
  staff = Object.fromEntries(await Promise.all(users.map(async (u) => [u.email.split('@')[0], (await loadStaffUser(database.db, u.id))!])));
  key = await issueApiKey(database.db, staff.admin, 'LAPOR! 1708', now);
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const valid = (change: Record<string, string> = {}) =>
  form({ api_key: key, service_code: 'jalan', lat: '-6.1754', long: '106.8272', description: 'Jalan berlubang di depan Monas.', email: 'pelapor.open311@contoh.id', first_name: 'Sari', ...change });
const expectError = async (status: number, work: Promise<unknown>) => {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(Open311Error);
  expect((error as Open311Error).status).toBe(status);
};

describe('filing through Open311', () => {
  it('refuses a missing, wrong or revoked key with 403, and bad requests with 400, storing nothing', async () => {
    const [{ n: before }] = await rowsOf<{ n: number }>(database.db.execute(sql`select count(*)::int as n from reports`));
    await expectError(403, fileServiceRequest(database.db, valid({ api_key: '' }), deps()));
    await expectError(403, fileServiceRequest(database.db, valid({ api_key: 'adn_salahsalahsalahsalahsalah' }), deps()));
    await expectError(400, fileServiceRequest(database.db, valid({ service_code: 'tidak-ada' }), deps()));
    await expectError(400, fileServiceRequest(database.db, valid({ service_code: 'pungli' }), deps()));
    await expectError(400, fileServiceRequest(database.db, valid({ description: 'x'.repeat(4001) }), deps()));
    await expectError(400, fileServiceRequest(database.db, valid({ lat: '-7.25', long: '112.75' }), deps()));
    await expectError(400, fileServiceRequest(database.db, form({ api_key: key, service_code: 'jalan', description: 'Tanpa lokasi sama sekali.' }), deps()));
    const other = await issueApiKey(database.db, staff.admin, 'Aplikasi Uji', now);
    const [{ id }] = await rowsOf<{ id: number }>(database.db.execute(sql`select id from api_keys where owner = 'Aplikasi Uji'`));
    await revokeApiKey(database.db, staff.admin, id, now);
    await expectError(403, fileServiceRequest(database.db, valid({ api_key: other }), deps()));
    await expect(issueApiKey(database.db, staff['lurah.gambir'] as StaffUser, 'Nakal', now)).rejects.toThrow();
    const [{ n: after }] = await rowsOf<{ n: number }>(database.db.execute(sql`select count(*)::int as n from reports`));
    expect(after).toBe(before);
  });

  it('round trip: POST → GET open → finished by officials → GET closed with notes → the updates feed lists each change', async () => {
    const [{ service_request_id: id }] = await fileServiceRequest(database.db, valid({ media_url: 'https://lapor.go.id/media/123.jpg' }), deps());
    const [{ channel, ref, unit }] = await rowsOf<{ channel: string; ref: string; unit: string }>(
      database.db.execute(sql`select r.channel_code as channel, r.channel_ref as ref, a.code as unit from reports r join agencies a on a.id = r.handling_agency_id where r.number = ${id}`),
    );
    expect([channel, ref.startsWith('LAPOR! 1708'), unit]).toEqual(['open311', true, 'kel-31.71.01.1001']);
    const one = () => findRequest(database.db, id, 'https://aduan.test');
    expect((await one())[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'jalan', agency_responsible: 'Kelurahan Gambir' });
    expect((await one())[0].description).toBe('Jalan berlubang di depan Monas.\n\nMedia: https://lapor.go.id/media/123.jpg');

    const lurah = staff['lurah.gambir'];
    let v = (await performStaffAction(database.db, lurah, { number: id, version: 1, action: 'terima' }, deps())).version;
    const photo = await processImage(await sharp({ create: { width: 400, height: 300, channels: 3, background: '#886644' } }).jpeg().toBuffer());
    v = (await performStaffAction(database.db, lurah, { number: id, version: v, action: 'tindak_lanjut', body: 'Lubang sudah ditambal.', photos: [photo] }, deps())).version;
    await performStaffAction(database.db, staff.validator, { number: id, version: v, action: 'validasi_terima', body: 'Dicek di lokasi.' }, deps());
    const closed = (await one())[0];
    expect(closed).toMatchObject({ status: 'closed', status_notes: 'Dicek di lokasi.' });
    expect(JSON.stringify(closed)).not.toContain('pelapor.open311@contoh.id');

    const updates = (await findUpdates(database.db, new URLSearchParams(), new Date(Date.now() + 1000))).filter((u) => u.service_request_id === id);
    expect(updates.map((u) => u.status)).toEqual(['OPEN', 'IN_PROGRESS', 'IN_PROGRESS', 'FIXED']);
  });
});
