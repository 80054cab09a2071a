import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { auditLog, staffRecoveryCodes, users } from '@/db/schema';
import { unseal } from '@/lib/security/sealed';
import { consumeRateLimit, peekRateLimit, signInFailureRule, type RateLimitRule } from '@/lib/security/rate-limit';
import { FAILURE_DELAY_MS } from './check-credentials';
import { deviceHash, isKnownDevice } from './known-device';
import { mfaKeys, totpContext } from './mfa-keys';
import { looksLikeRecoveryCode, recoveryCodeMatches } from './recovery-codes';
import { accountCounter, countFailure, deviceCounter, failureDelay, LOCK_LADDER, lockedUntil, type LockTier } from './sign-in-limits';
import { issueSignInTicket, readSignInTicket } from './sign-in-ticket';
import { verifyTotp } from './totp';

/*
 * The second step of signing in. After the password (lib/auth/check-credentials.ts) an account
 * with a second factor gets no session, only a signed five-minute note (sign-in-ticket.ts); the
 * session is issued when that note comes back with a current TOTP code or an unused recovery
 * code. A wrong code is a failed sign-in exactly like a wrong password: it climbs the same lock
 * ladder on the same counter (the account's for unknown devices, the device's own for a known
 * one; lib/auth/sign-in-limits.ts), counts toward the client address's limit, is audited, and
 * answers late. Typing the right password again between guesses buys no new ones.
 */

export type SecondFactorResult =
  | { ok: true; userId: number; sessionVersion: number; method: 'totp' | 'pemulihan' }
  | { ok: false; code: 'kode_salah' | 'terkunci' | 'tiket_kedaluwarsa' }
  | { ok: false; code: 'terlalu_sering'; retryAfterSeconds: number };

export interface SecondFactorOptions {
  failureDelayMs?: number;
  addressRule?: RateLimitRule;
  /** The device cookie's id (lib/auth/known-device.ts), when the browser sent one. */
  deviceId?: string | null;
  ladder?: readonly LockTier[];
}

/**
 * After a right password: null when the account has no second factor (sign in now), otherwise
 * the note for the second step.
 */
export async function secondStepTicket(db: Db, userId: number, now: Date, ip: string | null): Promise<string | null> {
  const [user] = await db.select({ enabledAt: users.totpEnabledAt, passwordHash: users.passwordHash, email: users.email }).from(users).where(eq(users.id, userId));
  if (!user?.enabledAt) return null;
  await db.insert(auditLog).values({ actorUserId: userId, action: 'masuk.perlu_kode', targetType: 'user', targetId: user.email, ip, createdAt: now });
  return issueSignInTicket(userId, user.passwordHash, now, mfaKeys().ticket);
}

/** Accepts one unused recovery code of the account, marking it used (a code is used once, even by two requests at once). */
async function redeemRecoveryCode(db: Db, userId: number, input: string, now: Date): Promise<boolean> {
  const unused = await db
    .select({ id: staffRecoveryCodes.id, codeHash: staffRecoveryCodes.codeHash })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt)));
  const match = unused.find((c) => recoveryCodeMatches(input, c.codeHash, mfaKeys().recovery));
  if (!match) return false;
  const [used] = await db
    .update(staffRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(staffRecoveryCodes.id, match.id), isNull(staffRecoveryCodes.usedAt)))
    .returning({ id: staffRecoveryCodes.id });
  return Boolean(used);
}

/** Accepts a current TOTP code of a step after the last one accepted (so never the same code twice); says why not otherwise. */
async function acceptTotpCode(db: Db, user: { id: number; secret: string | null; lastStep: number | null }, input: string, now: Date): Promise<'ok' | 'salah' | 'dipakai'> {
  const secret = user.secret ? unseal(user.secret, totpContext(user.id), mfaKeys().totp) : null;
  const check = secret ? verifyTotp(secret, input, now, user.lastStep) : null;
  if (!check?.ok) return check?.reason ?? 'salah';
  const [accepted] = await db
    .update(users)
    .set({ totpLastStep: check.step })
    .where(and(eq(users.id, user.id), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${check.step})`))
    .returning({ id: users.id });
  return accepted ? 'ok' : 'dipakai';
}

/** The second step: the note from the first step and a code. */
export async function checkSecondFactor(
  db: Db,
  ticket: string,
  code: string,
  now: Date,
  ip: string | null,
  options: SecondFactorOptions = {},
): Promise<SecondFactorResult> {
  const { failureDelayMs = FAILURE_DELAY_MS, addressRule = signInFailureRule(), deviceId = null, ladder = LOCK_LADDER } = options;
  const address = ip ?? 'tanpa-alamat';
  const note = await readSignInTicket(ticket, now, mfaKeys().ticket, async (id) => {
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
    return row?.hash ?? null;
  });
  if (!note) return { ok: false, code: 'tiket_kedaluwarsa' };
  const [user] = await db
    .select({ id: users.id, email: users.email, isActive: users.isActive, secret: users.totpSecret, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, note.userId));
  if (!user) return { ok: false, code: 'tiket_kedaluwarsa' };
  const audit = (action: string, data: Record<string, unknown> = {}) =>
    db.insert(auditLog).values({ actorUserId: user.id, action, targetType: 'user', targetId: user.email, data, ip, createdAt: now });
  const isKnown = await isKnownDevice(db, user.id, deviceId);
  const counter = isKnown ? deviceCounter(user.id, deviceHash(deviceId!)) : accountCounter(user.email);

  if (!isKnown) {
    const seen = await peekRateLimit(db, addressRule, address, now);
    if (seen.count >= addressRule.limit) {
      await audit('masuk.dibatasi');
      await sleep(failureDelayMs);
      return { ok: false, code: 'terlalu_sering', retryAfterSeconds: seen.retryAfterSeconds };
    }
  }
  if (await lockedUntil(db, counter, now, ladder)) {
    // locked between the two steps (by guesses elsewhere): no code is checked, and trying on climbs the ladder
    await audit('masuk.terkunci');
    await consumeRateLimit(db, addressRule, address, now);
    const { failures } = await countFailure(db, counter, now, ladder);
    await sleep(failureDelay(failureDelayMs, failures));
    return { ok: false, code: 'terkunci' };
  }

  const isRecovery = looksLikeRecoveryCode(code);
  const usable = user.isActive && user.enabledAt !== null;
  const outcome = !usable ? 'salah' : isRecovery ? ((await redeemRecoveryCode(db, user.id, code, now)) ? 'ok' : 'salah') : await acceptTotpCode(db, user, code, now);
  if (outcome === 'ok') {
    if (isRecovery) {
      const [left] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(staffRecoveryCodes)
        .where(and(eq(staffRecoveryCodes.userId, user.id), isNull(staffRecoveryCodes.usedAt)));
      await audit('mfa.kode_pemulihan', { left: left.n });
    }
    await audit('masuk.berhasil', { faktor: isRecovery ? 'kode_pemulihan' : 'totp', ...(isKnown ? { perangkat: 'dikenal' } : {}) });
    return { ok: true, userId: user.id, sessionVersion: user.sessionVersion, method: isRecovery ? 'pemulihan' : 'totp' };
  }

  await consumeRateLimit(db, addressRule, address, now);
  const { lockedUntil: until, failures } = await countFailure(db, counter, now, ladder);
  await audit('masuk.gagal', { reason: isRecovery ? 'kode_pemulihan' : outcome === 'dipakai' ? 'kode_dipakai' : 'kode', ...(isKnown ? { perangkat: 'dikenal' } : {}), locked: Boolean(until) });
  await sleep(failureDelay(failureDelayMs, failures));
  return { ok: false, code: until ? 'terkunci' : 'kode_salah' };
}
