import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { users } from '@/db/schema';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { createTestDatabase } from '@/lib/testing/db';
import { checkCredentials } from './check-credentials';
import { totpCode } from './totp';

vi.hoisted(() => {
  process.env.ADUAN_SECRET = 'rahasia-server-uji-langkah-2';
});
const { confirmEnrolment, startEnrolment } = await import('./mfa');
const { checkSecondFactor, secondStepTicket } = await import('./second-factor');
const { issueSignInTicket } = await import('./sign-in-ticket');
const { mfaKeys } = await import('./mfa-keys');

let database: Database;
const base = new Date('2026-06-01T02:00:10Z');
const at = (s: number) => new Date(base.getTime() + s * 1000);
const quick = { failureDelayMs: 0 };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
});
afterAll(async () => database?.close());

async function enrolled(email: string, when: Date) {
  const [user] = await database.db.select().from(users).where(eq(users.email, email));
  const account = { id: user.id, role: user.role, email };
  const { secret } = await startEnrolment(database.db, account);
  const codes = await confirmEnrolment(database.db, account, totpCode(secret, when), when);
  return { id: user.id, secret, codes };
}
/** The password step as the sign-in runs it: the note for the code step, or null. */
async function passwordStep(email: string, when: Date, ip: string | null = null) {
  const result = await checkCredentials(database.db, email, DEMO_PASSWORD, when, ip, quick);
  if (!result.ok) return result.code;
  return secondStepTicket(database.db, result.userId, when, ip);
}
const auditRows = async (id: number, action: string) =>
  rowsOf<{ data: Record<string, unknown> }>(database.db.execute(sql`select data from audit_log where actor_user_id = ${id} and action = ${action} order by id`));

describe('signing in with a second factor', () => {
  it('gives an account without a second factor no code step', async () => {
    expect(await passwordStep('lurah.menteng@aduan.test', base)).toBeNull();
  });

  it('asks an enrolled account for a code, signs it in with a current one, and never takes the same code twice', async () => {
    const { id, secret } = await enrolled('validator@aduan.test', base);
    const ticket = await passwordStep('validator@aduan.test', at(30), '10.0.0.1');
    expect(typeof ticket).toBe('string');
    const first = await checkSecondFactor(database.db, ticket!, totpCode(secret, at(30)), at(31), '10.0.0.1', quick);
    expect(first).toMatchObject({ ok: true, userId: id, method: 'totp' });
    // the same code again, even with a fresh note from the right password, is refused and counted
    const again = await passwordStep('validator@aduan.test', at(35));
    expect(await checkSecondFactor(database.db, again!, totpCode(secret, at(30)), at(36), null, quick)).toEqual({ ok: false, code: 'kode_salah' });
    // logged as a replay, while the official is told only "wrong or already used"
    const [failure] = (await auditRows(id, 'masuk.gagal')).slice(-1);
    expect(failure.data).toMatchObject({ reason: 'kode_dipakai', locked: false });
    expect(await checkSecondFactor(database.db, again!, '999999', at(37), null, quick)).toEqual({ ok: false, code: 'kode_salah' });
    expect((await auditRows(id, 'masuk.gagal')).slice(-1)[0].data).toMatchObject({ reason: 'kode' });
    // the next step's code is fine
    expect((await checkSecondFactor(database.db, again!, totpCode(secret, at(60)), at(61), null, quick)).ok).toBe(true);
    expect((await auditRows(id, 'masuk.berhasil')).map((r) => r.data.faktor).filter(Boolean)).toEqual(['totp', 'totp']);
  });

  it('counts a wrong code as a failed sign-in on the same lock ladder: five lock the account, even with the right password typed again in between', async () => {
    const { secret } = await enrolled('inspektorat@aduan.test', base);
    for (let i = 0; i < 4; i++) {
      // a right password clears the password failures, not the code failures
      const ticket = await passwordStep('inspektorat@aduan.test', at(100 + i));
      expect(await checkSecondFactor(database.db, ticket!, '000000', at(100 + i), null, quick)).toEqual({ ok: false, code: 'kode_salah' });
    }
    const ticket = await passwordStep('inspektorat@aduan.test', at(110));
    expect(await checkSecondFactor(database.db, ticket!, '111111', at(110), null, quick)).toEqual({ ok: false, code: 'terkunci' });
    // locked: the right code is refused, and so is the password
    expect(await checkSecondFactor(database.db, ticket!, totpCode(secret, at(120)), at(120), null, quick)).toEqual({ ok: false, code: 'terkunci' });
    expect(await passwordStep('inspektorat@aduan.test', at(130))).toBe('terkunci');
    // after the lock, the right code signs in
    const after = await passwordStep('inspektorat@aduan.test', at(16 * 60 + 110));
    expect((await checkSecondFactor(database.db, after!, totpCode(secret, at(16 * 60 + 110)), at(16 * 60 + 110), null, quick)).ok).toBe(true);
  });

  it("counts wrong codes against the client address's limit like wrong passwords", async () => {
    const { secret } = await enrolled('admin@aduan.test', base);
    const addressRule = { action: 'masuk-gagal', limit: 2, windowSeconds: 900 };
    const ticket = await passwordStep('admin@aduan.test', at(2000), '203.0.113.5');
    for (let i = 0; i < 2; i++) {
      expect(await checkSecondFactor(database.db, ticket!, '000000', at(2000), '203.0.113.5', { ...quick, addressRule })).toMatchObject({ code: 'kode_salah' });
    }
    expect(await checkSecondFactor(database.db, ticket!, totpCode(secret, at(2000)), at(2000), '203.0.113.5', { ...quick, addressRule })).toMatchObject({
      ok: false,
      code: 'terlalu_sering',
    });
    expect((await checkSecondFactor(database.db, ticket!, totpCode(secret, at(2000)), at(2000), '203.0.113.6', { ...quick, addressRule })).ok).toBe(true);
  });

  it('accepts each recovery code once, audits its use, and stores only hashes', async () => {
    const { id, codes } = await enrolled('operator@aduan.test', base);
    const stored = await rowsOf<{ code_hash: string }>(database.db.execute(sql`select code_hash from staff_recovery_codes where user_id = ${id}`));
    expect(stored).toHaveLength(10);
    for (const { code_hash } of stored) for (const code of codes) expect(code_hash).not.toContain(code.replaceAll('-', ''));

    const ticket = await passwordStep('operator@aduan.test', at(3000));
    expect(await checkSecondFactor(database.db, ticket!, codes[3].toLowerCase(), at(3000), null, quick)).toMatchObject({ ok: true, method: 'pemulihan' });
    expect(await checkSecondFactor(database.db, ticket!, codes[3], at(3001), null, quick)).toEqual({ ok: false, code: 'kode_salah' });
    const [used] = await auditRows(id, 'mfa.kode_pemulihan');
    expect(used.data).toEqual({ left: 9 });
    // two requests with the same code at once: one wins
    const results = await Promise.all([0, 1].map(() => checkSecondFactor(database.db, ticket!, codes[5], at(3002), null, quick)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('refuses a forged, expired or foreign note before looking at the code', async () => {
    const { id, secret } = await enrolled('camat.gambir@aduan.test', base);
    const code = () => totpCode(secret, at(4000));
    const [user] = await database.db.select().from(users).where(eq(users.id, id));
    const expired = issueSignInTicket(id, user.passwordHash, at(4000 - 301), mfaKeys().ticket);
    expect(await checkSecondFactor(database.db, expired, code(), at(4000), null, quick)).toEqual({ ok: false, code: 'tiket_kedaluwarsa' });
    const forged = issueSignInTicket(id, user.passwordHash, at(4000), Buffer.alloc(32, 1));
    expect(await checkSecondFactor(database.db, forged, code(), at(4000), null, quick)).toEqual({ ok: false, code: 'tiket_kedaluwarsa' });
    const oldPassword = issueSignInTicket(id, 'scrypt$sandi-lama', at(4000), mfaKeys().ticket);
    expect(await checkSecondFactor(database.db, oldPassword, code(), at(4000), null, quick)).toEqual({ ok: false, code: 'tiket_kedaluwarsa' });
    expect((await checkSecondFactor(database.db, issueSignInTicket(id, user.passwordHash, at(4000), mfaKeys().ticket), code(), at(4000), null, quick)).ok).toBe(true);
  });
});
