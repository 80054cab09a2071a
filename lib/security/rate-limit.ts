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

/** One counter a use must fit under: `key` is already namespaced (action, kind, client). */
export interface RateLimitCheck {
  /** What the key stands for, reported back when this check refuses (e.g. 'perangkat'). */
  name: string;
  key: string;
  limit: number;
}

export type RateLimitReservation = { keys: string[]; windowStart: string };

export type ReserveOutcome =
  | { allowed: true; reservation: RateLimitReservation }
  | { allowed: false; refusedBy: string; limit: number; retryAfterSeconds: number };

/**
 * Takes one unit of every check in the current fixed window, all or none: when any counter would
 * pass its limit, every unit taken is given back and the first refusing check (in the order
 * given) is named. Counting before the work and giving back after a failure (`releaseRateLimits`)
 * lets a limit count only what was accepted, without letting parallel requests slip past it.
 */
export async function reserveRateLimits(db: Db, checks: RateLimitCheck[], windowSeconds: number, now: Date): Promise<ReserveOutcome> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();
  const retryAfterSeconds = Math.ceil((Date.parse(windowStart) + windowMs - now.getTime()) / 1000);
  // sorted, so that two requests sharing keys lock their rows in the same order
  const keys = [...new Set(checks.map((c) => c.key))].sort();
  if (keys.length === 0) return { allowed: true, reservation: { keys, windowStart } };
  const rows = await rowsOf<{ key: string; count: number }>(
    db.execute(sql`
      insert into rate_limits (key, window_start, count)
      values ${sql.join(keys.map((k) => sql`(${k}, ${windowStart}::timestamptz, 1)`), sql`, `)}
      on conflict (key, window_start) do update set count = rate_limits.count + 1
      returning key, count`),
  );
  const counts = new Map(rows.map((r) => [r.key, Number(r.count)]));
  const refused = checks.find((c) => (counts.get(c.key) ?? 0) > c.limit);
  const reservation = { keys, windowStart };
  if (!refused) return { allowed: true, reservation };
  await releaseRateLimits(db, reservation);
  return { allowed: false, refusedBy: refused.name, limit: refused.limit, retryAfterSeconds };
}

/** Gives back the units a reservation took (the use failed or was a retry of one already counted). */
export async function releaseRateLimits(db: Db, reservation: RateLimitReservation): Promise<void> {
  if (reservation.keys.length === 0) return;
  await db.execute(sql`
    update rate_limits set count = greatest(count - 1, 0)
    where window_start = ${reservation.windowStart}::timestamptz
      and key in (${sql.join(reservation.keys.map((k) => sql`${k}`), sql`, `)})`);
}

/** Old windows are useless; the worker calls this now and then. */
export async function pruneRateLimits(db: Db, olderThan: Date): Promise<void> {
  await db.execute(sql`delete from rate_limits where window_start < ${olderThan.toISOString()}::timestamptz`);
}

/** Failed sign-ins per client address: slows password guessing spread over many accounts. */
export function signInFailureRule(env = process.env): RateLimitRule {
  return {
    action: 'masuk-gagal',
    limit: Number(env.ADUAN_SIGNIN_FAILURES_PER_ADDRESS ?? 20),
    windowSeconds: Number(env.ADUAN_SIGNIN_WINDOW_SECONDS ?? 900),
  };
}
