import { eq } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { users } from '@/db/schema';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { verifyPassword } from './password';

type Env = Record<string, string | undefined>;

/** Hashes verified at once: scrypt runs on libuv's thread pool (4 threads by default). */
const CONCURRENCY = 4;

/**
 * The active accounts that accept the published demo password, by e-mail. Every stored hash is
 * tried, since an account may have been given that password by hand; identical hashes (the demo
 * seed hashes the password once for all its accounts) are tried once. About 0.1 s of CPU per
 * distinct hash: 1,000 accounts cost some 25–50 s once, at start, on two cores.
 */
export async function accountsWithDemoPassword(db: Db): Promise<string[]> {
  const rows = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.isActive, true));
  const byHash = new Map<string, string[]>();
  for (const row of rows) byHash.set(row.passwordHash, [...(byHash.get(row.passwordHash) ?? []), row.email]);
  const hashes = [...byHash.keys()];
  const found: string[] = [];
  for (let i = 0; i < hashes.length; i += CONCURRENCY) {
    const batch = hashes.slice(i, i + CONCURRENCY);
    const matches = await Promise.all(batch.map((hash) => verifyPassword(DEMO_PASSWORD, hash)));
    batch.forEach((hash, j) => matches[j] && found.push(...byHash.get(hash)!));
  }
  return found.sort();
}

/** Production outside the demo: the one place the check applies. */
export function isProductionOutsideDemo(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production' && env.ADUAN_DEMO !== '1';
}

/** Why a production server must not start, naming the accounts; null when it may. */
export async function demoPasswordProblem(db: Db, env: Env = process.env): Promise<string | null> {
  if (!isProductionOutsideDemo(env)) return null;
  const emails = await accountsWithDemoPassword(db);
  if (emails.length === 0) return null;
  return (
    `${emails.length} account(s) still have the demo password published in the README: ${emails.join(', ')}. ` +
    'Anyone could sign in as them. Change their passwords or disable them (a fresh installation: npm run db:setup, ' +
    'then npm run admin:create), or set ADUAN_DEMO=1 if this is a demo.'
  );
}

/** Run once when the server starts (instrumentation.ts): exits when demo passwords are in use in production. */
export async function checkDemoPasswordsAtStart(db: Db, env: Env = process.env, exit: (code: number) => never = process.exit): Promise<void> {
  const problem = await demoPasswordProblem(db, env);
  if (!problem) return;
  console.error(`[aduan] the server cannot start: ${problem}`);
  exit(1);
}
