import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Between the two steps of signing in, the browser holds a short-lived signed note "this account's
 * password was right at <time>" (an httpOnly cookie), never a session: with it, and only with it,
 * the second step asks for the code instead of the password again. It names the account and its
 * password hash's tail, so a password changed in between ends it.
 */

export const TICKET_MINUTES = 5;

export interface SignInTicket {
  userId: number;
}

function mac(payload: string, key: Buffer): string {
  return createHmac('sha256', key).update(`masuk-langkah-2:${payload}`).digest('base64url');
}

/** The tail of the password hash a ticket is bound to (a changed password invalidates it). */
export function passwordBinding(passwordHash: string): string {
  return createHmac('sha256', 'aduan-ikatan-sandi').update(passwordHash).digest('base64url').slice(0, 16);
}

export function issueSignInTicket(userId: number, passwordHash: string, now: Date, key: Buffer): string {
  const payload = `${userId}.${now.getTime() + TICKET_MINUTES * 60_000}.${passwordBinding(passwordHash)}`;
  return `${payload}.${mac(payload, key)}`;
}

/**
 * The account a ticket names, or null when it is forged, expired or bound to another password.
 * `passwordHashOf` reads the account's current password hash.
 */
export async function readSignInTicket(
  ticket: string,
  now: Date,
  key: Buffer,
  passwordHashOf: (userId: number) => Promise<string | null>,
): Promise<SignInTicket | null> {
  const parts = ticket.split('.');
  if (parts.length !== 4 || !/^\d{1,10}$/.test(parts[0]) || !/^\d{1,15}$/.test(parts[1])) return null;
  const payload = parts.slice(0, 3).join('.');
  const expected = Buffer.from(mac(payload, key));
  const given = Buffer.from(parts[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(parts[1]) <= now.getTime()) return null;
  const userId = Number(parts[0]);
  const hash = await passwordHashOf(userId);
  if (!hash || passwordBinding(hash) !== parts[2]) return null;
  return { userId };
}
