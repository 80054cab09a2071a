import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { serverSecret } from '@/lib/security/secret';

/** One rung of the lock ladder: this many failures within one fixed window lock until it ends. */
export interface LockTier {
  failures: number;
  windowSeconds: number;
}

/**
 * Failed sign-ins back off in steps: 5 failures lock for the rest of a 15-minute window, 10 for
 * the rest of a 2-hour one, 20 for the rest of the day. A guesser thus gets at most 20 tries a
 * day at one account from unknown devices, whatever number of addresses it uses.
 */
export const LOCK_LADDER: readonly LockTier[] = [
  { failures: 5, windowSeconds: 15 * 60 },
  { failures: 10, windowSeconds: 2 * 3600 },
  { failures: 20, windowSeconds: 24 * 3600 },
];

/** The counter prefix of an e-mail address (whether or not an account has it): a keyed hash, never the address. */
export function accountCounter(normalizedEmail: string, secret = serverSecret()): string {
  return `masuk-akun:${createHmac('sha256', secret).update(`masuk:${normalizedEmail}`).digest('base64url').slice(0, 22)}`;
}

/** The counter prefix of one known device of one account: it locks only itself. */
export function deviceCounter(userId: number, deviceHash: string): string {
  return `masuk-perangkat:${userId}:${deviceHash.slice(0, 22)}`;
}

const windowOf = (tier: LockTier, now: Date) => {
  const ms = tier.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { start: new Date(start).toISOString(), end: new Date(start + ms) };
};
const keyOf = (prefix: string, tier: LockTier) => `${prefix}:${tier.windowSeconds}`;

/** The latest end among the full tiers' windows. */
function lockFrom(ladder: readonly LockTier[], counts: Map<string, number>, prefix: string, now: Date): Date | null {
  let until: Date | null = null;
  for (const tier of ladder) {
    const { end } = windowOf(tier, now);
    if ((counts.get(keyOf(prefix, tier)) ?? 0) >= tier.failures && (!until || end > until)) until = end;
  }
  return until;
}

/** Until when a counter is locked, or null; counts nothing. */
export async function lockedUntil(db: Db, prefix: string, now: Date, ladder: readonly LockTier[] = LOCK_LADDER): Promise<Date | null> {
  const pairs = ladder.map((tier) => sql`(key = ${keyOf(prefix, tier)} and window_start = ${windowOf(tier, now).start}::timestamptz)`);
  const rows = await rowsOf<{ key: string; count: number }>(db.execute(sql`select key, count from rate_limits where ${sql.join(pairs, sql` or `)}`));
  return lockFrom(ladder, new Map(rows.map((r) => [r.key, Number(r.count)])), prefix, now);
}

/**
 * Counts one failure on every rung in one statement and returns the lock it leaves (null while
 * none) and the failures so far in the shortest window (for the growing delay).
 */
export async function countFailure(
  db: Db,
  prefix: string,
  now: Date,
  ladder: readonly LockTier[] = LOCK_LADDER,
): Promise<{ lockedUntil: Date | null; failures: number }> {
  const values = ladder.map((tier) => sql`(${keyOf(prefix, tier)}, ${windowOf(tier, now).start}::timestamptz, 1)`);
  const rows = await rowsOf<{ key: string; count: number }>(
    db.execute(sql`
      insert into rate_limits (key, window_start, count) values ${sql.join(values, sql`, `)}
      on conflict (key, window_start) do update set count = rate_limits.count + 1
      returning key, count`),
  );
  const counts = new Map(rows.map((r) => [r.key, Number(r.count)]));
  return { lockedUntil: lockFrom(ladder, counts, prefix, now), failures: counts.get(keyOf(prefix, ladder[0])) ?? 1 };
}

/** Each failure answers later than the one before (1, 2, 3, then 4 s with the default base), so guessing is slow. */
export function failureDelay(baseMs: number, failures: number): number {
  return baseMs * Math.min(Math.max(failures, 1), 4);
}
