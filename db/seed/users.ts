import { sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { agencies, users } from '../schema';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/reference/demo-users';

/** One demo account per role; skipped when any user exists. */
export async function seedDemoUsers(db: Db): Promise<{ inserted: number }> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if (n > 0) return { inserted: 0 };
  const agencyRows = await db.select({ id: agencies.id, code: agencies.code }).from(agencies);
  const idOf = new Map(agencyRows.map((a) => [a.code, a.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.insert(users).values(
    DEMO_USERS.map((u) => ({
      email: u.email,
      name: u.name,
      role: u.role,
      regionCode: u.regionCode ?? null,
      agencyId: u.agencyCode ? (idOf.get(u.agencyCode) ?? null) : null,
      passwordHash,
    })),
  );
  return { inserted: DEMO_USERS.length };
}
