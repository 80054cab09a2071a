import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { auditLog, users } from '@/db/schema';
import { consumeRateLimit, peekRateLimit, signInFailureRule, type RateLimitRule } from '@/lib/security/rate-limit';
import { hashPassword, verifyPassword } from './password';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** Every failed attempt answers only after this long, so one client cannot guess quickly. */
export const FAILURE_DELAY_MS = 1000;

export type CredentialsResult =
  | { ok: true; userId: number }
  | { ok: false; code: 'salah' | 'terkunci'; lockedUntil?: Date }
  | { ok: false; code: 'terlalu_sering'; retryAfterSeconds: number };

export interface CredentialsOptions {
  failureDelayMs?: number;
  /** Failed attempts allowed per client address and window (whatever the accounts tried). */
  addressRule?: RateLimitRule;
}

// Spend the same time on unknown accounts as on known ones, so timing does not reveal which exist.
const dummyHash = hashPassword('tidak-ada-akun-ini');

/**
 * Checks an e-mail and password. Five failures in a row lock the account for 15 minutes; every
 * failure answers only after a second; and a client address with too many failures (20 in 15
 * minutes by default, over any accounts) is refused before any password is checked. Every
 * attempt, good or bad, is written to the audit log.
 */
export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
  now: Date,
  ip: string | null,
  options: CredentialsOptions = {},
): Promise<CredentialsResult> {
  const { failureDelayMs = FAILURE_DELAY_MS, addressRule = signInFailureRule() } = options;
  const normalized = email.trim().toLowerCase();
  const address = ip ?? 'tanpa-alamat';
  const audit = (action: string, userId: number | null, data: Record<string, unknown> = {}) =>
    db.insert(auditLog).values({ actorUserId: userId, action, targetType: 'user', targetId: normalized, data, ip, createdAt: now });

  const seen = await peekRateLimit(db, addressRule, address, now);
  if (seen.count >= addressRule.limit) {
    await audit('masuk.dibatasi', null);
    await sleep(failureDelayMs);
    return { ok: false, code: 'terlalu_sering', retryAfterSeconds: seen.retryAfterSeconds };
  }
  const failed = async <T>(result: T): Promise<T> => {
    await consumeRateLimit(db, addressRule, address, now);
    await sleep(failureDelayMs);
    return result;
  };

  const [user] = await db.select().from(users).where(eq(users.email, normalized));
  if (!user || !user.isActive) {
    await verifyPassword(password, await dummyHash);
    await audit('masuk.gagal', user?.id ?? null, { reason: user ? 'nonaktif' : 'tidak_dikenal' });
    return failed({ ok: false, code: 'salah' });
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
    await audit('masuk.terkunci', user.id);
    return failed({ ok: false, code: 'terkunci', lockedUntil: user.lockedUntil });
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    const failures = user.failedLogins + 1;
    const lockedUntil = failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await db
      .update(users)
      .set({ failedLogins: lockedUntil ? 0 : sql`${users.failedLogins} + 1`, lockedUntil })
      .where(eq(users.id, user.id));
    await audit('masuk.gagal', user.id, { reason: 'sandi', locked: Boolean(lockedUntil) });
    return failed(lockedUntil ? { ok: false, code: 'terkunci', lockedUntil } : { ok: false, code: 'salah' });
  }
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  await audit('masuk.berhasil', user.id);
  return { ok: true, userId: user.id };
}
