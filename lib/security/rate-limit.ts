import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { rowsOf } from '@/db/bulk';

export interface RateLimitRule {
  /** e.g. 'lapor' */
  action: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one use of `action` by `client` in the current fixed window, in PostgreSQL so that
 * every app instance shares the count. Returns whether the use is allowed.
 */
export async function consumeRateLimit(
  db: Db,
  rule: RateLimitRule,
  client: string,
  now: Date,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await rowsOf<{ count: number }>(
    db.execute(sql`
      insert into rate_limits (key, window_start, count) values (${`${rule.action}:${client}`}, ${windowStart.toISOString()}::timestamptz, 1)
      on conflict (key, window_start) do update set count = rate_limits.count + 1
      returning count`),
  );
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: row.count <= rule.limit, retryAfterSeconds };
}

/** How many uses of `action` by `client` the current window has seen, without counting one. */
export async function peekRateLimit(db: Db, rule: RateLimitRule, client: string, now: Date): Promise<{ count: number; retryAfterSeconds: number }> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await rowsOf<{ count: number }>(
    db.execute(sql`select count from rate_limits where key = ${`${rule.action}:${client}`} and window_start = ${windowStart.toISOString()}::timestamptz`),
  );
  return { count: row?.count ?? 0, retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000) };
}

/** Old windows are useless; the worker calls this now and then. */
export async function pruneRateLimits(db: Db, olderThan: Date): Promise<void> {
  await db.execute(sql`delete from rate_limits where window_start < ${olderThan.toISOString()}::timestamptz`);
}

export function reportRateLimit(env = process.env): RateLimitRule {
  return {
    action: 'lapor',
    limit: Number(env.ADUAN_RATE_LIMIT_REPORTS ?? 10),
    windowSeconds: Number(env.ADUAN_RATE_LIMIT_WINDOW_SECONDS ?? 3600),
  };
}

/** Failed sign-ins per client address: slows password guessing spread over many accounts. */
export function signInFailureRule(env = process.env): RateLimitRule {
  return {
    action: 'masuk-gagal',
    limit: Number(env.ADUAN_SIGNIN_FAILURES_PER_ADDRESS ?? 20),
    windowSeconds: Number(env.ADUAN_SIGNIN_WINDOW_SECONDS ?? 900),
  };
}
