import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { users } from '@/db/schema';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/reference/demo-users';
import { createTestDatabase } from '@/lib/testing/db';
import { accountsWithDemoPassword, checkDemoPasswordsAtStart, demoPasswordProblem } from './demo-password-check';
import { hashPassword } from './password';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
});
afterAll(async () => database?.close());

const production = { NODE_ENV: 'production' };
const demoEmails = DEMO_USERS.map((u) => u.email).sort();

describe('the start check for the demo password', () => {
  it('names every active account that accepts the demo password, in production', async () => {
    const problem = await demoPasswordProblem(database.db, production);
    expect(problem).toContain(`${demoEmails.length} account(s) still have the demo password`);
    for (const email of demoEmails) expect(problem).toContain(email);
    expect(problem).toContain('ADUAN_DEMO=1');
  });

  it('does not apply to the demo (ADUAN_DEMO=1) or to development', async () => {
    expect(await demoPasswordProblem(database.db, { ...production, ADUAN_DEMO: '1' })).toBeNull();
    expect(await demoPasswordProblem(database.db, { NODE_ENV: 'development' })).toBeNull();
  });

  it('stops the server with the names, and lets the demo start', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const exits: number[] = [];
    const exit = ((code: number) => void exits.push(code)) as (code: number) => never;
    await checkDemoPasswordsAtStart(database.db, { ...production, ADUAN_DEMO: '1' }, exit);
    expect(exits).toEqual([]);
    await checkDemoPasswordsAtStart(database.db, production, exit);
    expect(exits).toEqual([1]);
    expect(errors.mock.calls[0][0]).toMatch(/^\[aduan\] the server cannot start: .*admin@aduan\.test/);
    errors.mockRestore();
  });

  it('checks the stored hashes, not a list of names: a hand-set demo password is found, a disabled or changed one is not', async () => {
    await database.db.insert(users).values({ email: 'lurah.nyata@jakarta.go.id', name: 'Lurah Nyata', role: 'lurah', passwordHash: await hashPassword(DEMO_PASSWORD) });
    await database.db.update(users).set({ isActive: false }).where(eq(users.email, 'inspektorat@aduan.test'));
    await database.db.update(users).set({ passwordHash: await hashPassword('sandi-admin-sungguhan') }).where(eq(users.email, 'admin@aduan.test'));
    const found = await accountsWithDemoPassword(database.db);
    expect(found).toContain('lurah.nyata@jakarta.go.id');
    expect(found).not.toContain('inspektorat@aduan.test');
    expect(found).not.toContain('admin@aduan.test');
  });

  it('lets production start once no active account has it', async () => {
    await database.db.execute(sql`update users set password_hash = ${await hashPassword('sandi-baru-semua')}`);
    expect(await demoPasswordProblem(database.db, production)).toBeNull();
  });
});
