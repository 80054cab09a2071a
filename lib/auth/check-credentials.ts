import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { auditLog, users } from '@/db/schema';
import { consumeRateLimit, peekRateLimit, signInFailureRule, type RateLimitRule } from '@/lib/security/rate-limit';
import { deviceHash, isKnownDevice } from './known-device';
import { hashPassword, verifyPassword } from './password';
import { accountCounter, countFailure, deviceCounter, failureDelay, LOCK_LADDER, lockedUntil, type LockTier } from './sign-in-limits';

export const MAX_FAILED_LOGINS = LOCK_LADDER[0].failures;
export const LOCK_MINUTES = LOCK_LADDER[0].windowSeconds / 60;
/** The first failed attempt answers only after this long, each further one later (up to four times), so one client cannot guess quickly. */
export const FAILURE_DELAY_MS = 1000;

export type CredentialsResult =
  | { ok: true; userId: number; sessionVersion: number }
  | { ok: false; code: 'salah' | 'terkunci'; lockedUntil?: Date }
  | { ok: false; code: 'terlalu_sering'; retryAfterSeconds: number };

export interface CredentialsOptions {
  failureDelayMs?: number;
  /** Failed attempts allowed per client address and window (whatever the accounts tried). */
  addressRule?: RateLimitRule;
  /** The device cookie's id (lib/auth/known-device.ts), when the browser sent one. */
  deviceId?: string | null;
  /** The lock ladder (tests shorten it). */
  ladder?: readonly LockTier[];
}

// Spend the same time on unknown accounts as on known ones, so timing does not reveal which exist.
const dummyHash = hashPassword('tidak-ada-akun-ini');

/**
 * Checks an e-mail and password, without ever telling whether an account exists: an unknown
 * address gets the same answers, locks and delays as a real one (the counters are kept per
 * e-mail address, as a keyed hash, whether or not an account has it).
 *
 * - A client address with too many failures (20 in 15 minutes by default, over any accounts) is
 *   refused before any password is checked.
 * - Failures from unknown devices lock the account for unknown devices, in steps
 *   (lib/auth/sign-in-limits.ts: 5 in 15 minutes, 10 in 2 hours, 20 in a day).
 * - A device the account signed in from before (its cookie's hash is in staff_devices) is locked
 *   only by its own failures, and not by the per-address limit: nobody can lock an official out
 *   of their own computer or phone from elsewhere, or from behind the same carrier address.
 * - Every failure answers late, later with each failure in the window.
 * Every attempt, good or bad, is written to the audit log.
 */
export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
  now: Date,
  ip: string | null,
  options: CredentialsOptions = {},
): Promise<CredentialsResult> {
  const { failureDelayMs = FAILURE_DELAY_MS, addressRule = signInFailureRule(), deviceId = null, ladder = LOCK_LADDER } = options;
  const normalized = email.trim().toLowerCase();
  const address = ip ?? 'tanpa-alamat';
  const audit = (action: string, userId: number | null, data: Record<string, unknown> = {}) =>
    db.insert(auditLog).values({ actorUserId: userId, action, targetType: 'user', targetId: normalized, data, ip, createdAt: now });

  const [user] = await db.select().from(users).where(eq(users.email, normalized));
  // looked up for unknown accounts too (user id 0 has no devices), so both take the same path
  const isKnown = await isKnownDevice(db, user?.id ?? 0, deviceId);
  const counter = isKnown ? deviceCounter(user!.id, deviceHash(deviceId!)) : accountCounter(normalized);

  if (!isKnown) {
    const seen = await peekRateLimit(db, addressRule, address, now);
    if (seen.count >= addressRule.limit) {
      await audit('masuk.dibatasi', null);
      await sleep(failureDelayMs);
      return { ok: false, code: 'terlalu_sering', retryAfterSeconds: seen.retryAfterSeconds };
    }
  }
  const failed = async (reason: string, userId: number | null): Promise<CredentialsResult> => {
    await consumeRateLimit(db, addressRule, address, now);
    const { lockedUntil: until, failures } = await countFailure(db, counter, now, ladder);
    await audit('masuk.gagal', userId, { reason, ...(isKnown ? { perangkat: 'dikenal' } : {}), locked: Boolean(until) });
    await sleep(failureDelay(failureDelayMs, failures));
    return until ? { ok: false, code: 'terkunci', lockedUntil: until } : { ok: false, code: 'salah' };
  };

  const locked = await lockedUntil(db, counter, now, ladder);
  if (locked) {
    // no password is checked while locked, and trying on climbs the ladder
    await audit('masuk.terkunci', user?.id ?? null);
    await consumeRateLimit(db, addressRule, address, now);
    const { lockedUntil: until, failures } = await countFailure(db, counter, now, ladder);
    await sleep(failureDelay(failureDelayMs, failures));
    return { ok: false, code: 'terkunci', lockedUntil: until ?? locked };
  }
  if (!user || !user.isActive) {
    await verifyPassword(password, await dummyHash);
    return failed(user ? 'nonaktif' : 'tidak_dikenal', user?.id ?? null);
  }
  if (!(await verifyPassword(password, user.passwordHash))) return failed('sandi', user.id);
  await audit('masuk.berhasil', user.id, isKnown ? { perangkat: 'dikenal' } : {});
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}
