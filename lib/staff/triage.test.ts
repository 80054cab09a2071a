import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import type { StaffUser } from '@/lib/auth/permissions';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { recordAtDesk, type DeskInput } from './desk';
import { StaffError } from './errors';
import { triageReport } from './triage';

let database: Database;
let mediaDir: string;
const filed = new Date('2026-03-10T03:00:00Z');
const later = new Date('2026-03-10T05:00:00Z');
let operator: StaffUser;
let lurahGambir: StaffUser;
let lurahMenteng: StaffUser;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-meja-'));
  const make = async (email: string, role: string, regionCode: string | null): Promise<StaffUser> => {
    const [row] = await rowsOf<{ id: number }>(
      database.db.execute(sql`insert into users (email, name, password_hash, role, region_code) values (${email}, ${email}, 'x', ${role}, ${regionCode}) returning id`),
    );
    return { id: row.id, role: role as StaffUser['role'], regionCode, agencyId: null, agencyParentId: null };
  };
  operator = await make('operator@uji.test', 'operator', null);
  lurahGambir = await make('gambir@uji.test', 'lurah', '31.71.01.1001');
  lurahMenteng = await make('menteng@uji.test', 'lurah', '31.71.06.1001');
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

let token = 0;
const desk = (change: Partial<DeskInput> = {}): DeskInput => ({
  formToken: `meja-${++token}-abcdefghijklmnop`,
  kanal: 'pendopo',
  referensi: null,
  nama: 'Pak Slamet',
  telepon: '081234567890',
  email: null,
  deskripsi: 'Warga datang melapor: lampu penerangan jalan mati sepanjang gang.',
  kategori: null,
  lokasi: 'tidak_diketahui',
  lat: null,
  lng: null,
  kelurahan: null,
  alamat: null,
  privasi: 'pribadi',
  ...change,
});
const deps = (now = filed) => ({ now, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' });
const state = async (number: string) =>
  (
    await rowsOf<{ category: string; kelurahan: string | null; unit: string | null; version: number; due_h: number; recorder: number | null }>(
      database.db.execute(sql`
        select r.category_code as category, r.kelurahan_code as kelurahan, a.code as unit, r.version,
               extract(epoch from r.due_at - r.created_at)::int / 3600 as due_h,
               (select actor_user_id from report_events e where e.report_id = r.id and e.type = 'dibuat') as recorder
        from reports r left join agencies a on a.id = r.handling_agency_id where r.number = ${number}`),
    )
  )[0];

describe('operator desk and triage', () => {
  it('an operator records a walk-in without place or category: a ticket at once, waiting in triage, recorded by them', async () => {
    const created = await recordAtDesk(database.db, operator, desk(), [], deps());
    expect(created.number).toMatch(/^JK2603100\d{3}$/);
    expect(await state(created.number)).toMatchObject({ category: 'belum-dikategorikan', kelurahan: null, unit: null, recorder: operator.id });
  });

  it('a lurah records only at the kelurahan desk; the same post recorded twice is one ticket', async () => {
    await expect(recordAtDesk(database.db, lurahGambir, desk(), [], deps())).rejects.toThrow(new StaffError('tidak_berwenang'));
    const own = await recordAtDesk(database.db, lurahGambir, desk({ kanal: 'kantor-lurah', lokasi: 'kelurahan', kelurahan: '31.71.01.1001' }), [], deps());
    expect(await state(own.number)).toMatchObject({ kelurahan: '31.71.01.1001', unit: 'kel-31.71.01.1001' });

    const post = { kanal: 'twitter', referensi: 'https://x.com/warga/status/42' };
    const first = await recordAtDesk(database.db, operator, desk(post), [], deps());
    const second = await recordAtDesk(database.db, operator, desk(post), [], deps());
    expect(second).toMatchObject({ number: first.number, isNew: false });
  });

  it('triage by an operator places, categorises and routes the ticket, with deadlines from when it was filed', async () => {
    const created = await recordAtDesk(database.db, operator, desk(), [], deps());
    const before = await state(created.number);
    await expect(
      triageReport(database.db, lurahGambir, { number: created.number, version: before.version, categoryCode: 'jalan', kelurahanCode: '31.71.01.1001' }, later),
    ).rejects.toThrow(new StaffError('tidak_ditemukan'));
    await expect(triageReport(database.db, operator, { number: created.number, version: before.version, categoryCode: 'jalan' }, later)).rejects.toThrow(
      new StaffError('lokasi_wajib'),
    );
    await expect(
      triageReport(database.db, operator, { number: created.number, version: before.version, categoryCode: 'belum-dikategorikan', kelurahanCode: '31.71.01.1001' }, later),
    ).rejects.toThrow(new StaffError('kategori_wajib'));

    await triageReport(database.db, operator, { number: created.number, version: before.version, categoryCode: 'jalan', lat: -6.1754, lng: 106.8272 }, later);
    expect(await state(created.number)).toMatchObject({ category: 'jalan', kelurahan: '31.71.01.1001', unit: 'kel-31.71.01.1001', due_h: 168, version: before.version + 1 });
    const [event] = await rowsOf<{ type: string; actor: number }>(
      database.db.execute(sql`select e.type::text, e.actor_user_id as actor from report_events e join reports r on r.id = e.report_id where r.number = ${created.number} order by e.id desc limit 1`),
    );
    expect(event).toEqual({ type: 'triase', actor: operator.id });
    await expect(
      triageReport(database.db, operator, { number: created.number, version: before.version + 1, categoryCode: 'sampah', kelurahanCode: '31.71.01.1002' }, later),
    ).rejects.toThrow(new StaffError('bukan_triase'));
  });

  it('a lurah sets the category of a placed ticket in their kelurahan, and cannot move it away; another lurah cannot see it', async () => {
    const created = await recordAtDesk(database.db, operator, desk({ kanal: 'sms', lokasi: 'kelurahan', kelurahan: '31.71.01.1001' }), [], deps());
    const { version } = await state(created.number);
    await expect(triageReport(database.db, lurahMenteng, { number: created.number, version, categoryCode: 'jalan' }, later)).rejects.toThrow(
      new StaffError('tidak_ditemukan'),
    );
    await expect(
      triageReport(database.db, lurahGambir, { number: created.number, version, categoryCode: 'jalan', kelurahanCode: '31.71.06.1001' }, later),
    ).rejects.toThrow(new StaffError('kelurahan_tidak_valid'));
    await triageReport(database.db, lurahGambir, { number: created.number, version, categoryCode: 'pohon' }, later);
    expect(await state(created.number)).toMatchObject({ category: 'pohon', kelurahan: '31.71.01.1001', unit: 'kel-31.71.01.1001' });
  });
});
