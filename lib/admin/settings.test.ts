import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { loadSlaSettings } from '@/db/queries/sla';
import { seedReference } from '@/db/seed/reference';
import type { StaffUser } from '@/lib/auth/permissions';
import { createReport } from '@/lib/intake/create-report';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import { addHoliday, removeHoliday, renameAgency, SettingsError, updateCategory, updateChannelText, updateDefaultPolicy, type CategoryInput } from './settings';

let database: Database;
let mediaDir: string;
const now = new Date('2026-03-10T03:00:00Z');
let admin: StaffUser;
const lurah: StaffUser = { id: 0, role: 'lurah', regionCode: '31.71.01.1001', agencyId: null, agencyParentId: null };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-settings-'));
  const [row] = await rowsOf<{ id: number }>(
    database.db.execute(sql`insert into users (email, name, password_hash, role) values ('admin@uji.test', 'Admin', 'x', 'admin') returning id`),
  );
  admin = { id: row.id, role: 'admin', regionCode: null, agencyId: null, agencyParentId: null };
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const one = async <T>(q: ReturnType<typeof sql>) => (await rowsOf<T>(database.db.execute(q)))[0];
const audits = async (action: string) =>
  rowsOf<{ target_id: string; data: { before: unknown; after: unknown } }>(
    database.db.execute(sql`select target_id, data from audit_log where action = ${action} order by id`),
  );
const file = (categoryCode: string) =>
  createReport(
    database.db,
    reportInput({ categoryCode, description: 'Laporan uji untuk pengaturan layanan.' }),
    { now, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' },
  );
const deadlines = (number: string) =>
  one<{ first_h: number; due_h: number; unit: string; confidential: boolean }>(sql`
    select extract(epoch from r.first_response_due_at - r.created_at)::int / 3600 as first_h,
           extract(epoch from r.due_at - r.created_at)::int / 3600 as due_h,
           a.code as unit, r.is_confidential as confidential
    from reports r join agencies a on a.id = r.handling_agency_id where r.number = ${number}`);

const jalan = (change: Partial<CategoryInput> = {}): CategoryInput => ({
  nameId: 'Jalan',
  nameEn: 'Roads',
  defaultAgencyCode: 'bina-marga',
  isConfidential: false,
  policy: null,
  ...change,
});

describe('settings', () => {
  it('refuses anyone but an admin, and changes nothing', async () => {
    const before = await loadSlaSettings(database.db);
    await expect(
      updateDefaultPolicy(database.db, lurah, { firstResponseHours: 1, followUpHours: 2, silenceRedHours: 3, escalationStepHours: 4, calendar: 'kalender' }, now),
    ).rejects.toThrow(new SettingsError('tidak_berwenang'));
    await expect(renameAgency(database.db, lurah, 1, 'Nama baru sekali', now)).rejects.toThrow(SettingsError);
    expect((await loadSlaSettings(database.db)).policyFor('jalan')).toEqual(before.policyFor('jalan'));
    expect((await one<{ n: number }>(sql`select count(*)::int as n from audit_log`)).n).toBe(0);
  });

  it('a new city policy sets the deadlines of the next report, and is audited with the values before', async () => {
    await updateDefaultPolicy(database.db, admin, { firstResponseHours: 12, followUpHours: 72, silenceRedHours: 48, escalationStepHours: 12, calendar: 'kalender' }, now);
    const created = await file('jalan');
    expect(await deadlines(created.number)).toMatchObject({ first_h: 12, due_h: 72 });
    const [entry] = await audits('sla.ubah');
    expect(entry.data.before).toMatchObject({ firstResponseHours: 24, followUpHours: 168 });
    expect(entry.data.after).toMatchObject({ firstResponseHours: 12, followUpHours: 72 });
  });

  it('a category override applies to that category only, and removing it restores the city policy', async () => {
    await updateCategory(
      database.db,
      admin,
      'jalan',
      jalan({ policy: { firstResponseHours: 6, followUpHours: 48, silenceRedHours: 24, escalationStepHours: 6, calendar: 'kalender' } }),
      now,
    );
    expect(await deadlines((await file('jalan')).number)).toMatchObject({ first_h: 6, due_h: 48 });
    expect(await deadlines((await file('sampah')).number)).toMatchObject({ first_h: 12, due_h: 72 });
    await updateCategory(database.db, admin, 'jalan', jalan(), now);
    expect(await deadlines((await file('jalan')).number)).toMatchObject({ first_h: 12, due_h: 72 });
    const entries = await audits('kategori.ubah');
    expect(entries).toHaveLength(2);
    expect(entries[1].data.before).toMatchObject({ policy: { firstResponseHours: 6 } });
  });

  it('a category made confidential sends new reports straight to the Inspectorate', async () => {
    await updateCategory(database.db, admin, 'pohon', { ...jalan({ nameId: 'Pohon', nameEn: 'Trees', defaultAgencyCode: 'pertamanan' }), isConfidential: true }, now);
    expect(await deadlines((await file('pohon')).number)).toMatchObject({ unit: 'inspektorat', confidential: true });
  });

  it('refuses a kelurahan office as the handling agency, an unknown category, and leaves them unchanged', async () => {
    await expect(updateCategory(database.db, admin, 'jalan', jalan({ defaultAgencyCode: 'kel-31.71.01.1001' }), now)).rejects.toThrow(
      new SettingsError('instansi_bukan_dinas'),
    );
    await expect(updateCategory(database.db, admin, 'tidak-ada', jalan(), now)).rejects.toThrow(new SettingsError('kategori_tidak_ada'));
    expect((await one<{ code: string }>(sql`select default_agency_code as code from categories where code = 'jalan'`)).code).toBe('bina-marga');
  });

  it('adds and removes holidays once, and renames an agency, each audited', async () => {
    await addHoliday(database.db, admin, '2026-12-24', 'Cuti bersama Natal', now);
    await expect(addHoliday(database.db, admin, '2026-12-24', 'Lagi', now)).rejects.toThrow(new SettingsError('libur_sudah_ada'));
    await expect(addHoliday(database.db, admin, '2026-02-30', 'Tidak ada', now)).rejects.toThrow(new SettingsError('tanggal_tidak_valid'));
    expect((await loadSlaSettings(database.db)).holidays.has('2026-12-24')).toBe(true);
    await removeHoliday(database.db, admin, '2026-12-24', now);
    expect((await loadSlaSettings(database.db)).holidays.has('2026-12-24')).toBe(false);
    await expect(removeHoliday(database.db, admin, '2026-12-24', now)).rejects.toThrow(new SettingsError('libur_tidak_ada'));
    expect((await audits('libur.tambah')).map((a) => a.target_id)).toEqual(['2026-12-24']);
    expect(await audits('libur.hapus')).toHaveLength(1);

    const { id } = await one<{ id: number }>(sql`select id from agencies where code = 'bina-marga'`);
    await renameAgency(database.db, admin, id, 'Dinas Bina Marga Provinsi DKI Jakarta', now);
    expect((await one<{ name: string }>(sql`select name from agencies where id = ${id}`)).name).toBe('Dinas Bina Marga Provinsi DKI Jakarta');
    expect((await audits('instansi.ubah'))[0].data.before).toEqual({ name: 'Dinas Bina Marga' });
  });

  it('sets how a channel is used and its desk hours, audited; refuses anyone else and unknown channels', async () => {
    const text = { howId: 'Datang ke kantor kelurahan.', howEn: 'Walk in at the village office.', hoursId: 'Minggu 08.00–12.00 WIB', hoursEn: 'Sun 08:00–12:00 WIB' };
    await expect(updateChannelText(database.db, lurah, 'kantor-lurah', text, now)).rejects.toThrow(new SettingsError('tidak_berwenang'));
    await expect(updateChannelText(database.db, admin, 'merpati-pos', text, now)).rejects.toThrow(new SettingsError('kanal_tidak_ada'));
    await updateChannelText(database.db, admin, 'kantor-lurah', text, now);
    expect((await one<{ hours: string }>(sql`select hours_id as hours from channels where code = 'kantor-lurah'`)).hours).toBe('Minggu 08.00–12.00 WIB');
    expect((await audits('kanal.ubah'))[0].data.before).toMatchObject({ hoursId: 'Minggu 09.00–11.00 WIB' });
  });
});
