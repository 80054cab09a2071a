import { Secret, TOTP } from 'otpauth';

/*
 * Time-based one-time passwords (RFC 6238) as every authenticator app reads them: SHA-1, six
 * digits, 30-second steps, a 160-bit secret. A code is accepted for its own step and one step on
 * either side (clock drift, a code typed just as it changed), and never for a step at or before
 * the last one accepted, so a code seen over a shoulder or in a log cannot be used again.
 */

export const TOTP_PERIOD_SECONDS = 30;
/** Steps accepted on either side of the current one. */
export const TOTP_WINDOW = 1;
const ISSUER = 'Aduan Jakarta';

/** A new random secret, base32 (what the QR code carries and a person can type). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans. */
export function totpUri(secretBase32: string, accountName: string): string {
  return new TOTP({ issuer: ISSUER, label: accountName, secret: Secret.fromBase32(secretBase32), period: TOTP_PERIOD_SECONDS }).toString();
}

/** The code of the step containing `at` (tests, and the e2e test's authenticator). */
export function totpCode(secretBase32: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secretBase32), period: TOTP_PERIOD_SECONDS, timestamp: at.getTime() });
}

/** The time step `at` falls in. */
export function totpStep(at: Date): number {
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: at.getTime() });
}

/** Six digits, spaces allowed ("123 456"); anything else is no code at all. */
export function normalizeTotpCode(input: string): string | null {
  const code = input.replace(/\s+/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'salah' | 'dipakai' };

/**
 * Checks a code at `now`. `lastStep` is the step of the last code accepted for this secret (null
 * before the first): a code of that step or an earlier one is refused as already used. On success
 * the caller stores the returned step as the new last one.
 */
export function verifyTotp(secretBase32: string, input: string, now: Date, lastStep: number | null): TotpCheck {
  const token = normalizeTotpCode(input);
  if (!token) return { ok: false, reason: 'salah' };
  const delta = TOTP.validate({ token, secret: Secret.fromBase32(secretBase32), period: TOTP_PERIOD_SECONDS, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return { ok: false, reason: 'salah' };
  const step = totpStep(now) + delta;
  if (lastStep !== null && step <= lastStep) return { ok: false, reason: 'dipakai' };
  return { ok: true, step };
}
