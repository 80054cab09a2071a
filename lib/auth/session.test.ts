import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { loadStaffUser, type StaffProfile } from '@/db/queries/staff';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { createTestDatabase } from '@/lib/testing/db';

// The session next-auth would hand back (uid and the session version it was issued with), and the
// redirects of Next.js, as thrown values the test can read.
const state = vi.hoisted(() => ({ session: null as { uid?: number; sv?: number } | null, signedOut: 0 }));
class Redirected extends Error {}
vi.mock('@/auth', () => ({
  auth: async () => state.session,
  signIn: async () => {},
  signOut: async ({ redirectTo }: { redirectTo: string }) => {
    state.signedOut++;
    throw new Redirected(redirectTo);
  },
}));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Redirected(to);
  },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// the second factor some roles need is a rule of its own (lib/auth/mfa.test.ts): left out here
vi.mock('@/lib/auth/mfa', async (original) => ({ ...(await original<Record<string, unknown>>()), mustEnrolMfa: async () => false }));

const { currentStaff, requireStaff, signedInAccount } = await import('./session');
const { signOutAction } = await import('@/app/[locale]/masuk/actions');
const { changePasswordAction, saveAccountAction } = await import('@/app/[locale]/petugas/akun/actions');
const { signOutEverywhereAction } = await import('@/app/[locale]/petugas/sandi/actions');
const { updateAccount } = await import('@/lib/staff/accounts');
const { createAdmin } = await import('@/lib/staff/create-admin');
const { rememberDevice, countDevices, newDeviceId } = await import('./known-device');

let database: Database;
const now = new Date('2026-07-01T02:00:00Z');
const byEmail = async (email: string): Promise<StaffProfile> => {
  const [u] = await rowsOf<{ id: number }>(database.db.execute(sql`select id from users where email = ${email}`));
  return (await loadStaffUser(database.db, u.id))!;
};
/** Signs in as next-auth does: a session carrying the account's current version. */
const signInAs = async (email: string) => {
  const user = await byEmail(email);
  state.session = { uid: user.id, sv: user.sessionVersion };
  return user;
};
const redirectOf = async (work: () => Promise<unknown>) => {
  try {
    await work();
  } catch (error) {
    if (error instanceof Redirected) return error.message;
    throw error;
  }
  return null;
};
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  (globalThis as { aduanDb?: Database }).aduanDb = database;
});
afterAll(async () => database?.close());
beforeEach(() => {
  state.session = null;
  state.signedOut = 0;
});

describe('a session ends when its account moves on', () => {
  it('a current session is the account; a session without a version or from another account is nothing', async () => {
    const lurah = await signInAs('lurah.gambir@aduan.test');
    expect((await currentStaff())?.email).toBe('lurah.gambir@aduan.test');
    state.session = { uid: lurah.id };
    expect(await currentStaff()).toBeNull();
    state.session = { uid: lurah.id, sv: lurah.sessionVersion + 1 };
    expect(await currentStaff()).toBeNull();
  });

  const admin = () => byEmail('admin@aduan.test');
  const edit = async (email: string, change: Record<string, unknown>) => {
    // read directly: a disabled account is no staff profile
    const [u] = await rowsOf<{ id: number; name: string; role: string; regionCode: string | null; agencyCode: string | null }>(
      database.db.execute(sql`select u.id, u.name, u.role::text, u.region_code as "regionCode", a.code as "agencyCode" from users u left join agencies a on a.id = u.agency_id where u.email = ${email}`),
    );
    const base = { email, name: u.name, role: u.role, regionCode: u.regionCode, agencyCode: u.agencyCode, isActive: true };
    await updateAccount(database.db, await admin(), u.id, { ...base, ...change } as Parameters<typeof updateAccount>[3], now);
  };

  it.each([
    ['a new role', 'camat.gambir@aduan.test', () => edit('camat.gambir@aduan.test', { role: 'walikota', regionCode: '31.71' })],
    ['a new jurisdiction', 'lurah.menteng@aduan.test', () => edit('lurah.menteng@aduan.test', { regionCode: '31.71.06.1002' })],
    ['disabling (re-enabling does not revive it)', 'binamarga@aduan.test', async () => {
      await edit('binamarga@aduan.test', { isActive: false });
      await edit('binamarga@aduan.test', { isActive: true });
    }],
    ['signing out (from another device)', 'validator@aduan.test', async () => {
      const saved = state.session;
      await signInAs('validator@aduan.test');
      expect(await redirectOf(signOutAction)).toBe('/masuk');
      state.session = saved;
    }],
  ])('%s ends the sessions issued before it', async (_label, email, change) => {
    await signInAs(email);
    const session = state.session;
    expect(await currentStaff()).not.toBeNull();
    await change();
    state.session = session;
    expect(await currentStaff()).toBeNull();
    expect(await redirectOf(requireStaff)).toBe('/masuk');
    // signing in again gives a session that works
    await signInAs(email);
    expect(await currentStaff()).not.toBeNull();
  });

  it('a new name alone keeps the session', async () => {
    await signInAs('inspektorat@aduan.test');
    await edit('inspektorat@aduan.test', { name: 'Staf Inspektorat Provinsi' });
    expect((await currentStaff())?.name).toBe('Staf Inspektorat Provinsi');
  });

  it('a password change ends every session, the one that made it too, and signs it out', async () => {
    await signInAs('walikota.pusat@aduan.test');
    const session = state.session;
    expect(await redirectOf(() => changePasswordAction(form({ current: DEMO_PASSWORD, next: 'sandi-walikota-baru' })))).toBe('/masuk?sandi=diganti');
    expect(state.signedOut).toBe(1);
    state.session = session;
    expect(await currentStaff()).toBeNull();
  });

  it('"sign out everywhere" ends the sessions and forgets the known devices', async () => {
    const operator = await signInAs('operator@aduan.test');
    await rememberDevice(database.db, operator.id, newDeviceId(), now);
    await rememberDevice(database.db, operator.id, newDeviceId(), now);
    const session = state.session;
    expect(await redirectOf(signOutEverywhereAction)).toBe('/masuk?keluar=semua');
    state.session = session;
    expect(await currentStaff()).toBeNull();
    expect(await countDevices(database.db, operator.id)).toBe(0);
  });
});

describe('a one-time password opens only the password page, on the server', () => {
  it('the workspace sends the account to the password page, and every staff action refuses it', async () => {
    const created = await createAdmin(database.db, 'admin.baru@aduan.test', 'Admin Baru', now);
    await signInAs('admin.baru@aduan.test');
    expect((await signedInAccount())?.mustChangePassword).toBe(true);
    expect(await currentStaff()).toBeNull();
    expect(await redirectOf(requireStaff)).toBe('/petugas/sandi');
    // an admin action posted directly, past the UI: refused, nothing created
    const account = { email: 'penyusup@aduan.test', name: 'Penyusup', role: 'admin', regionCode: '', agencyCode: '', isActive: 'on', password: 'sandi-penyusup-1' };
    expect(await redirectOf(() => saveAccountAction(form(account)))).toBe('/masuk');
    expect(await rowsOf(database.db.execute(sql`select id from users where email = 'penyusup@aduan.test'`))).toEqual([]);

    // the one action it may take: the change, which ends the session
    expect(await redirectOf(() => changePasswordAction(form({ current: created.password, next: created.password })))).toBe('/petugas/sandi?pesan=sandi_sama');
    expect(await redirectOf(() => changePasswordAction(form({ current: created.password, next: DEMO_PASSWORD })))).toBe('/petugas/sandi?pesan=sandi_demo');
    expect(await redirectOf(() => changePasswordAction(form({ current: created.password, next: 'sandi-admin-pilihan' })))).toBe('/masuk?sandi=diganti');
    await signInAs('admin.baru@aduan.test');
    expect((await currentStaff())?.mustChangePassword).toBe(false);
    expect(await redirectOf(() => saveAccountAction(form(account)))).toBe('/petugas/akun?pesan=ok');
  });
});
