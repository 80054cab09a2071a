import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { createTestDatabase } from '@/lib/testing/db';
import { checkCredentials, FAILURE_DELAY_MS } from './check-credentials';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
});
afterAll(async () => database?.close());

const now = new Date('2026-06-01T02:00:00Z');
const later = (min: number) => new Date(now.getTime() + min * 60_000);
// the per-failure delay is measured once below; the other cases skip it to stay quick
const quick = { failureDelayMs: 0 };

describe('checkCredentials', () => {
  it('signs in with the right password (any case of e-mail) and audits it', async () => {
    const result = await checkCredentials(database.db, ' Lurah.Gambir@aduan.test ', DEMO_PASSWORD, now, '10.1.1.1', quick);
    expect(result.ok).toBe(true);
    const [audit] = await rowsOf<{ action: string; ip: string }>(database.db.execute(sql`select action, ip from audit_log order by id desc limit 1`));
    expect(audit).toEqual({ action: 'masuk.berhasil', ip: '10.1.1.1' });
  });

  it('refuses unknown accounts and wrong passwords with the same answer', async () => {
    expect(await checkCredentials(database.db, 'siapa@aduan.test', DEMO_PASSWORD, now, null, quick)).toEqual({ ok: false, code: 'salah' });
    expect(await checkCredentials(database.db, 'camat.gambir@aduan.test', 'salah', now, null, quick)).toEqual({ ok: false, code: 'salah' });
  });

  it('locks the account for 15 minutes after five failures, even for the right password', async () => {
    const email = 'walikota.pusat@aduan.test';
    for (let i = 0; i < 4; i++) expect((await checkCredentials(database.db, email, 'keliru', now, null, quick)).ok).toBe(false);
    const fifth = await checkCredentials(database.db, email, 'keliru', now, null, quick);
    expect(fifth).toMatchObject({ ok: false, code: 'terkunci' });
    expect(await checkCredentials(database.db, email, DEMO_PASSWORD, later(5), null, quick)).toMatchObject({ ok: false, code: 'terkunci' });
    expect((await checkCredentials(database.db, email, DEMO_PASSWORD, later(16), null, quick)).ok).toBe(true);
  });

  it('refuses a disabled account', async () => {
    await database.db.execute(sql`update users set is_active = false where email = 'operator@aduan.test'`);
    expect(await checkCredentials(database.db, 'operator@aduan.test', DEMO_PASSWORD, now, null, quick)).toEqual({ ok: false, code: 'salah' });
  });

  it('answers every failure only after a second, so guessing is slow', async () => {
    const started = performance.now();
    const result = await checkCredentials(database.db, 'lurah.menteng@aduan.test', 'tebakan', now, '10.2.2.2');
    expect(result).toEqual({ ok: false, code: 'salah' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(FAILURE_DELAY_MS - 5);
  });

  it('refuses a client address after too many failures over any accounts, before checking any password', async () => {
    const addressRule = { action: 'masuk-gagal', limit: 3, windowSeconds: 900 };
    const at = later(120);
    const guess = (email: string, password: string, ip: string) => checkCredentials(database.db, email, password, at, ip, { ...quick, addressRule });
    for (const email of ['a@aduan.test', 'b@aduan.test', 'c@aduan.test']) expect(await guess(email, 'x', '203.0.113.9')).toMatchObject({ code: 'salah' });
    // the right password of a real account is refused from that address too
    expect(await guess('camat.gambir@aduan.test', DEMO_PASSWORD, '203.0.113.9')).toMatchObject({ ok: false, code: 'terlalu_sering' });
    // another address is not affected, and the account itself was never locked
    expect((await guess('camat.gambir@aduan.test', DEMO_PASSWORD, '203.0.113.10')).ok).toBe(true);
    const [limited] = await rowsOf<{ n: number }>(database.db.execute(sql`select count(*)::int as n from audit_log where action = 'masuk.dibatasi'`));
    expect(limited.n).toBe(1);
    // the next window lets the address try again
    expect((await checkCredentials(database.db, 'camat.gambir@aduan.test', DEMO_PASSWORD, later(140), '203.0.113.9', { ...quick, addressRule })).ok).toBe(true);
  });
});
