import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { loadStaffUser, type StaffProfile } from '@/db/queries/staff';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { checkCredentials } from '@/lib/auth/check-credentials';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { createTestDatabase } from '@/lib/testing/db';
import { changePassword, createAccount, updateAccount, type AccountInput } from './accounts';

let database: Database;
let admin: StaffProfile;
let lurah: StaffProfile;
const now = new Date('2026-07-01T02:00:00Z');
const byEmail = async (email: string) => {
  const [u] = await rowsOf<{ id: number }>(database.db.execute(sql`select id from users where email = ${email}`));
  return (await loadStaffUser(database.db, u.id))!;
};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  admin = await byEmail('admin@aduan.test');
  lurah = await byEmail('lurah.gambir@aduan.test');
});
afterAll(async () => database?.close());

const account = (change: Partial<AccountInput> = {}): AccountInput => ({
  email: 'lurah.baru@aduan.test',
  name: 'Lurah Baru',
  role: 'lurah',
  regionCode: '31.71.01.1002',
  agencyCode: null,
  isActive: true,
  ...change,
});

describe('accounts', () => {
  it('an admin creates a lurah bound to the kelurahan office, who can then sign in; the audit log records it', async () => {
    const id = await createAccount(database.db, admin, account(), 'sandi-awal-123', now);
    const created = (await loadStaffUser(database.db, id))!;
    expect(created).toMatchObject({ role: 'lurah', regionCode: '31.71.01.1002', agencyCode: 'kel-31.71.01.1002' });
    expect((await checkCredentials(database.db, 'lurah.baru@aduan.test', 'sandi-awal-123', now, null)).ok).toBe(true);
    const [audit] = await rowsOf<{ action: string }>(database.db.execute(sql`select action from audit_log where action like 'akun.%' order by id desc limit 1`));
    expect(audit.action).toBe('akun.buat');
  });

  it.each([
    ['a lurah given a kecamatan', { role: 'lurah' as const, regionCode: '31.71.01' }, 'wilayah_tidak_sesuai'],
    ['a camat given a kelurahan', { role: 'camat' as const, regionCode: '31.71.01.1001' }, 'wilayah_tidak_sesuai'],
    ['agency staff without an agency', { role: 'agency' as const, regionCode: null, agencyCode: 'kel-31.71.01.1001' }, 'instansi_tidak_sesuai'],
    ['an e-mail already used', { email: 'camat.gambir@aduan.test' }, 'email_terpakai'],
  ])('refuses %s', async (_label, change, code) => {
    await expect(createAccount(database.db, admin, account({ email: `x${Math.random()}@aduan.test`, ...change }), 'sandi-awal-123', now)).rejects.toMatchObject({ code });
  });

  it('refuses account management by anyone but an admin, and changes nothing', async () => {
    const before = await rowsOf<{ n: number }>(database.db.execute(sql`select count(*)::int as n from users`));
    await expect(createAccount(database.db, lurah, account({ email: 'z@aduan.test' }), 'sandi-awal-123', now)).rejects.toMatchObject({ code: 'tidak_berwenang' });
    await expect(updateAccount(database.db, lurah, admin.id, account({ email: admin.email, role: 'admin', regionCode: null }), now)).rejects.toMatchObject({ code: 'tidak_berwenang' });
    expect(await rowsOf(database.db.execute(sql`select count(*)::int as n from users`))).toEqual(before);
  });

  it('disabling an account stops its sign-in', async () => {
    const operator = await byEmail('operator@aduan.test');
    await updateAccount(database.db, admin, operator.id, account({ email: operator.email, name: operator.name, role: 'operator', regionCode: null, agencyCode: 'balaikota', isActive: false }), now);
    expect(await loadStaffUser(database.db, operator.id)).toBeNull();
    expect((await checkCredentials(database.db, operator.email, DEMO_PASSWORD, now, null)).ok).toBe(false);
  });

  it('an official changes their password only with the current one', async () => {
    await expect(changePassword(database.db, lurah, 'salah', 'sandi-baru-456', now)).rejects.toMatchObject({ code: 'sandi_lama_salah' });
    await expect(changePassword(database.db, lurah, DEMO_PASSWORD, 'pendek', now)).rejects.toMatchObject({ code: 'sandi_pendek' });
    await changePassword(database.db, lurah, DEMO_PASSWORD, 'sandi-baru-456', now);
    expect((await checkCredentials(database.db, lurah.email, 'sandi-baru-456', now, null)).ok).toBe(true);
  });

  it('an account an admin creates must change its first password; the change moves the session version on', async () => {
    const id = await createAccount(database.db, admin, account({ email: 'camat.baru@aduan.test', role: 'camat', regionCode: '31.71.02' }), 'sandi-dari-admin', now);
    const created = (await loadStaffUser(database.db, id))!;
    expect(created.mustChangePassword).toBe(true);
    await changePassword(database.db, created, 'sandi-dari-admin', 'sandi-pilihan-camat', now);
    const changed = (await loadStaffUser(database.db, id))!;
    expect(changed.mustChangePassword).toBe(false);
    expect(changed.sessionVersion).toBe(created.sessionVersion + 1);
  });

  it("never gives an account the demo's published password", async () => {
    await expect(createAccount(database.db, admin, account({ email: 'y@aduan.test' }), DEMO_PASSWORD, now)).rejects.toMatchObject({ code: 'sandi_demo' });
    const camat = await byEmail('camat.gambir@aduan.test');
    await expect(changePassword(database.db, camat, DEMO_PASSWORD, DEMO_PASSWORD, now)).rejects.toMatchObject({ code: 'sandi_demo' });
  });
});
