import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { createTestDatabase } from '@/lib/testing/db';
import { checkCredentials, FAILURE_DELAY_MS } from './check-credentials';
import { newDeviceId, rememberDevice } from './known-device';

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

  it('an unknown account gets the same answers as a real one, through the lock and after it', async () => {
    const at = later(240);
    const attempt = (email: string, i: number) => checkCredentials(database.db, email, `tebakan-${i}`, at, `198.51.100.${i}`, quick);
    for (let i = 0; i < 7; i++) {
      const real = await attempt('lurah.menteng@aduan.test', i);
      const unknown = await attempt('bukan.petugas@aduan.test', i);
      expect(unknown, `attempt ${i + 1}`).toEqual(real);
      expect(real).toMatchObject({ ok: false, code: i < 4 ? 'salah' : 'terkunci' });
    }
  });

  it('spends the same password-hashing time on unknown accounts as on real ones', async () => {
    const at = later(300);
    const time = async (email: string, ip: string) => {
      const started = performance.now();
      await checkCredentials(database.db, email, 'tebakan', at, ip, quick);
      return performance.now() - started;
    };
    await time('camat.gambir@aduan.test', '198.51.101.1');
    const real = Math.min(await time('camat.gambir@aduan.test', '198.51.101.2'), await time('camat.gambir@aduan.test', '198.51.101.3'));
    const unknown = Math.min(await time('tidak.ada@aduan.test', '198.51.101.4'), await time('tidak.ada@aduan.test', '198.51.101.5'));
    // one scrypt verification (~0.1 s) each: without the dummy hash the unknown account would answer
    // in a few milliseconds; the margin leaves room for a busy machine's noise
    expect(unknown).toBeGreaterThan(real * 0.3);
  });

  it('failures from unknown devices and addresses lock the account for them, never for a device it signed in from before', async () => {
    const at = later(360);
    const email = 'validator@aduan.test';
    const device = newDeviceId();
    const first = await checkCredentials(database.db, email, DEMO_PASSWORD, at, '10.3.3.3', { ...quick, deviceId: device });
    expect(first.ok).toBe(true);
    await rememberDevice(database.db, (first as { userId: number }).userId, device, at);
    // an attacker guesses from many addresses, and fills the official's own (carrier) address too
    const addressRule = { action: 'masuk-gagal', limit: 3, windowSeconds: 900 };
    for (let i = 0; i < 12; i++) await checkCredentials(database.db, email, `tebakan-${i}`, at, i < 4 ? '10.3.3.3' : `203.0.113.${50 + i}`, { ...quick, addressRule });
    // any unknown device is locked out now, even with the right password...
    expect(await checkCredentials(database.db, email, DEMO_PASSWORD, at, '192.0.2.77', { ...quick, addressRule })).toMatchObject({ ok: false, code: 'terkunci' });
    expect(await checkCredentials(database.db, email, DEMO_PASSWORD, at, '192.0.2.78', { ...quick, addressRule, deviceId: newDeviceId() })).toMatchObject({ ok: false, code: 'terkunci' });
    // ...but the known device signs in, from its usual address and from anywhere else
    expect((await checkCredentials(database.db, email, DEMO_PASSWORD, at, '10.3.3.3', { ...quick, addressRule, deviceId: device })).ok).toBe(true);
    expect((await checkCredentials(database.db, email, DEMO_PASSWORD, at, '192.0.2.79', { ...quick, addressRule, deviceId: device })).ok).toBe(true);
  });

  it("a known device is locked by its own failures only, and they do not lock the account's other devices", async () => {
    const at = later(420);
    const email = 'binamarga@aduan.test';
    const [mine, other] = [newDeviceId(), newDeviceId()];
    for (const device of [mine, other]) {
      const ok = await checkCredentials(database.db, email, DEMO_PASSWORD, at, '10.4.4.4', { ...quick, deviceId: device });
      await rememberDevice(database.db, (ok as { userId: number }).userId, device, at);
    }
    for (let i = 0; i < 5; i++) await checkCredentials(database.db, email, `keliru-${i}`, at, '10.4.4.4', { ...quick, deviceId: mine });
    expect(await checkCredentials(database.db, email, DEMO_PASSWORD, at, '10.4.4.4', { ...quick, deviceId: mine })).toMatchObject({ ok: false, code: 'terkunci' });
    expect((await checkCredentials(database.db, email, DEMO_PASSWORD, at, '10.4.4.5', { ...quick, deviceId: other })).ok).toBe(true);
    expect((await checkCredentials(database.db, email, DEMO_PASSWORD, at, '10.4.4.6', quick)).ok).toBe(true);
  });

  it('backs off: a guesser who keeps trying is locked for the rest of two hours, then of the day', async () => {
    const day = new Date('2026-06-03T00:00:00Z');
    const at = (minutes: number) => new Date(day.getTime() + minutes * 60_000);
    const email = 'lurah.gambir@aduan.test';
    const guess = (minutes: number, i: number) => checkCredentials(database.db, email, `tebakan-${i}`, at(minutes), `203.0.113.${100 + i}`, quick);
    for (let i = 0; i < 5; i++) await guess(0, i);
    expect(await guess(1, 5)).toMatchObject({ code: 'terkunci', lockedUntil: at(15) });
    // the next 15-minute window: four more guesses make ten within two hours
    for (let i = 6; i < 9; i++) expect(await guess(16, i)).toMatchObject({ code: 'salah' });
    expect(await guess(17, 9)).toMatchObject({ code: 'terkunci', lockedUntil: at(120) });
    expect(await checkCredentials(database.db, email, DEMO_PASSWORD, at(60), '203.0.113.200', quick)).toMatchObject({ code: 'terkunci', lockedUntil: at(120) });
    for (let i = 11; i < 20; i++) await guess(125, i);
    expect(await guess(126, 20)).toMatchObject({ code: 'terkunci', lockedUntil: at(24 * 60) });
    expect((await checkCredentials(database.db, email, DEMO_PASSWORD, at(24 * 60), '203.0.113.201', quick)).ok).toBe(true);
  });
});
