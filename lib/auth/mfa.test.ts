import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { users } from '@/db/schema';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { createTestDatabase } from '@/lib/testing/db';
import { loadStaffUser, type StaffProfile } from '@/db/queries/staff';
import { hashPassword } from './password';
import { totpCode } from './totp';

// The staff session check reads the signed-in account from Auth.js; here the session is whatever
// the test says, and everything after it (database, policy, redirects) is the real code.
const session = vi.hoisted(() => ({ current: null as { uid: number; sv: number } | null }));
vi.hoisted(() => {
  process.env.ADUAN_SECRET = 'rahasia-server-uji-mfa';
});
vi.mock('@/auth', () => ({ auth: async () => session.current }));

const { currentStaff, requireStaff } = await import('./session');
const { confirmEnrolment, mfaState, MfaError, removeOwnMfa, resetMfa, setMfaForAllRoles, startEnrolment } = await import('./mfa');

let database: Database;
let validatorId: number;
let lurahSecret = '';
const now = new Date('2026-06-01T02:00:10Z');
const later = (s: number) => new Date(now.getTime() + s * 1000);

beforeAll(async () => {
  database = await createTestDatabase();
  (globalThis as { aduanDb?: Database }).aduanDb = database;
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  const [row] = await database.db
    .insert(users)
    .values({ email: 'validator.baru@jakarta.go.id', name: 'Validator Baru', role: 'validator', passwordHash: await hashPassword(DEMO_PASSWORD) })
    .returning({ id: users.id });
  validatorId = row.id;
});
afterAll(async () => database?.close());
afterEach(() => {
  delete process.env.ADUAN_DEMO;
});

const idOf = async (email: string) => (await database.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0].id;
const signedInAs = (uid: number) => (session.current = { uid, sv: 1 });
const profile = async (uid: number) => {
  signedInAs(uid);
  const account = await currentStaff();
  if (!account) throw new Error('not signed in');
  return account;
};
/** Where requireStaff sends the signed-in account: null when it may stay. */
async function redirectOf(): Promise<string | null> {
  try {
    await requireStaff();
    return null;
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? '');
    if (!digest.startsWith('NEXT_REDIRECT')) throw error;
    return digest.split(';')[2];
  }
}
// the acting admin as the domain functions see it (the session gate is tested on its own)
const admin = async () => (await loadStaffUser(database.db, await idOf('admin@aduan.test')))!;
async function enrol(uid: number, at: Date) {
  const account = { id: uid, role: 'validator' as const, email: 'x' };
  const { secret } = await startEnrolment(database.db, account);
  const codes = await confirmEnrolment(database.db, account, totpCode(secret, at), at);
  return { secret, codes };
}
const auditCount = async (action: string) =>
  (await rowsOf<{ n: number }>(database.db.execute(sql`select count(*)::int as n from audit_log where action = ${action}`)))[0].n;

describe('the staff session check and multi-factor sign-in', () => {
  it('keeps a validator out of the workspace until it enrols, on the server', async () => {
    signedInAs(validatorId);
    expect(await currentStaff()).toBeNull();
    expect(await redirectOf()).toBe('/petugas/keamanan');

    const account = { id: validatorId, role: 'validator' as const, email: 'validator.baru@jakarta.go.id' };
    const { secret, uri } = await startEnrolment(database.db, account);
    expect(uri).toContain(`secret=${secret}`);
    // started, not confirmed: still out
    expect(await currentStaff()).toBeNull();
    const [stored] = await database.db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, validatorId));
    expect(stored.secret).toMatch(/^v1\./);
    expect(stored.secret).not.toContain(secret);

    await expect(confirmEnrolment(database.db, account, '000000', now)).rejects.toThrow(MfaError);
    const codes = await confirmEnrolment(database.db, account, totpCode(secret, now), now);
    expect(codes).toHaveLength(10);
    expect((await currentStaff())?.id).toBe(validatorId);
    expect(await redirectOf()).toBeNull();
    expect(await auditCount('mfa.daftar')).toBe(1);
    expect(await mfaState(database.db, account)).toMatchObject({ enabledAt: now, pending: null, recoveryCodesLeft: 10, required: true });
  });

  it.each(['admin@aduan.test', 'inspektorat@aduan.test', 'validator@aduan.test'])('keeps %s out until enrolled outside the demo', async (email) => {
    signedInAs(await idOf(email));
    expect(await currentStaff()).toBeNull();
    expect(await redirectOf()).toBe('/petugas/keamanan');
  });

  it('lets a lurah in without a second factor', async () => {
    signedInAs(await idOf('lurah.gambir@aduan.test'));
    expect((await currentStaff())?.role).toBe('lurah');
    expect(await redirectOf()).toBeNull();
  });

  it("spares the demo's own accounts in the demo, not an account created there", async () => {
    process.env.ADUAN_DEMO = '1';
    signedInAs(await idOf('admin@aduan.test'));
    expect((await currentStaff())?.role).toBe('admin');
    const [created] = await database.db
      .insert(users)
      .values({ email: 'inspektorat.baru@jakarta.go.id', name: 'Inspektur Baru', role: 'inspektorat', passwordHash: 'x' })
      .returning({ id: users.id });
    signedInAs(created.id);
    expect(await currentStaff()).toBeNull();
  });

  it("extends the requirement to every role with the admin's setting, demo accounts included, and back", async () => {
    process.env.ADUAN_DEMO = '1';
    const lurah = await idOf('lurah.gambir@aduan.test');
    const camat = await idOf('camat.gambir@aduan.test');
    const actor = await admin();
    await setMfaForAllRoles(database.db, actor, true, now);
    for (const uid of [lurah, camat]) {
      signedInAs(uid);
      expect(await currentStaff()).toBeNull();
      expect(await redirectOf()).toBe('/petugas/keamanan');
    }
    // the demo admin too, and it is told so on its page
    signedInAs(actor.id);
    expect(await currentStaff()).toBeNull();
    const lurahAccount = { id: lurah, role: 'lurah' as const, email: 'lurah.gambir@aduan.test' };
    expect((await mfaState(database.db, lurahAccount)).required).toBe(true);
    // an enrolled lurah is in
    lurahSecret = (await enrol(lurah, now)).secret;
    signedInAs(lurah);
    expect((await currentStaff())?.id).toBe(lurah);

    await setMfaForAllRoles(database.db, actor, false, later(60));
    signedInAs(camat);
    expect((await currentStaff())?.id).toBe(camat);
    expect(await auditCount('pengaturan.mfa_semua_peran')).toBe(2);
    await expect(setMfaForAllRoles(database.db, { ...lurahAccount, regionCode: null, agencyId: null, agencyParentId: null }, true, now)).rejects.toThrow('tidak_berwenang');
  });

  it('lets an official of an optional role remove their own second factor with a current code, not a required one', async () => {
    const lurah = await idOf('lurah.gambir@aduan.test');
    const account = { id: lurah, role: 'lurah' as const, email: 'lurah.gambir@aduan.test' };
    const [row] = await database.db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, lurah));
    expect(row.secret).not.toBeNull();
    await expect(removeOwnMfa(database.db, account, '123456', later(120))).rejects.toThrow('kode_salah');
    const validator = { id: validatorId, role: 'validator' as const, email: 'validator.baru@jakarta.go.id' };
    await expect(removeOwnMfa(database.db, validator, '123456', later(120))).rejects.toThrow('wajib');
    expect(await auditCount('mfa.hapus')).toBe(0);
    // four more wrong codes (five in all) and even the right one is refused for 15 minutes
    for (let i = 0; i < 4; i++) await expect(removeOwnMfa(database.db, account, '123456', later(120))).rejects.toThrow('kode_salah');
    await expect(removeOwnMfa(database.db, account, totpCode(lurahSecret, later(120)), later(120))).rejects.toThrow('terlalu_sering');
    expect(await auditCount('mfa.hapus')).toBe(0);
    await removeOwnMfa(database.db, account, totpCode(lurahSecret, later(1020)), later(1020));
    expect(await auditCount('mfa.hapus')).toBe(1);
    expect(await mfaState(database.db, account)).toMatchObject({ enabledAt: null, pending: null, recoveryCodesLeft: 0, required: false });
  });

  it('lets an admin reset another account (audited); a required role must enrol again', async () => {
    const actor = await admin();
    signedInAs(validatorId);
    expect(await currentStaff()).not.toBeNull();
    await resetMfa(database.db, actor, validatorId, now);
    expect(await currentStaff()).toBeNull();
    const [row] = await rowsOf<{ actor: number; target: string }>(
      database.db.execute(sql`select actor_user_id as actor, target_id as target from audit_log where action = 'mfa.reset'`),
    );
    expect(row).toEqual({ actor: actor.id, target: String(validatorId) });
    const [codes] = await rowsOf<{ n: number }>(database.db.execute(sql`select count(*)::int as n from staff_recovery_codes where user_id = ${validatorId}`));
    expect(codes.n).toBe(0);
    const notAdmin = (await profile(await idOf('lurah.gambir@aduan.test'))) as StaffProfile;
    await expect(resetMfa(database.db, notAdmin, actor.id, now)).rejects.toThrow('tidak_berwenang');
  });
});
