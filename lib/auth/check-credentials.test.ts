import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { createTestDatabase } from '@/lib/testing/db';
import { checkCredentials } from './check-credentials';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
});
afterAll(async () => database?.close());

const now = new Date('2026-06-01T02:00:00Z');
const later = (min: number) => new Date(now.getTime() + min * 60_000);

describe('checkCredentials', () => {
  it('signs in with the right password (any case of e-mail) and audits it', async () => {
    const result = await checkCredentials(database.db, ' Lurah.Gambir@aduan.test ', DEMO_PASSWORD, now, '10.1.1.1');
    expect(result.ok).toBe(true);
    const [audit] = await rowsOf<{ action: string; ip: string }>(database.db.execute(sql`select action, ip from audit_log order by id desc limit 1`));
    expect(audit).toEqual({ action: 'masuk.berhasil', ip: '10.1.1.1' });
  });

  it('refuses unknown accounts and wrong passwords with the same answer', async () => {
    expect(await checkCredentials(database.db, 'siapa@aduan.test', DEMO_PASSWORD, now, null)).toEqual({ ok: false, code: 'salah' });
    expect(await checkCredentials(database.db, 'camat.gambir@aduan.test', 'salah', now, null)).toEqual({ ok: false, code: 'salah' });
  });

  it('locks the account for 15 minutes after five failures, even for the right password', async () => {
    const email = 'walikota.pusat@aduan.test';
    for (let i = 0; i < 4; i++) expect((await checkCredentials(database.db, email, 'keliru', now, null)).ok).toBe(false);
    const fifth = await checkCredentials(database.db, email, 'keliru', now, null);
    expect(fifth).toMatchObject({ ok: false, code: 'terkunci' });
    expect(await checkCredentials(database.db, email, DEMO_PASSWORD, later(5), null)).toMatchObject({ ok: false, code: 'terkunci' });
    expect((await checkCredentials(database.db, email, DEMO_PASSWORD, later(16), null)).ok).toBe(true);
  });

  it('refuses a disabled account', async () => {
    await database.db.execute(sql`update users set is_active = false where email = 'operator@aduan.test'`);
    expect(await checkCredentials(database.db, 'operator@aduan.test', DEMO_PASSWORD, now, null)).toEqual({ ok: false, code: 'salah' });
  });
});
