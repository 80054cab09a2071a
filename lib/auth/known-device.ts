import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { staffDevices } from '@/db/schema';
import { serverSecret } from '@/lib/security/secret';

/**
 * A device an official signed in from successfully: a long-lived httpOnly cookie holds a random
 * id, the database only its keyed hash (staff_devices). Failed sign-ins from elsewhere never lock
 * an account for its known devices (lib/auth/check-credentials.ts).
 */
export const DEVICE_COOKIE = 'aduan_petugas_perangkat';
/** A year (browsers cap cookies at 400 days); every successful sign-in renews it. */
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 3600;
const DEVICE_ID = /^[A-Za-z0-9_-]{43}$/;

export function newDeviceId(): string {
  return randomBytes(32).toString('base64url');
}

/** The device id a cookie value carries, or null for a missing or malformed one. */
export function validDeviceId(value: string | null | undefined): string | null {
  return value && DEVICE_ID.test(value) ? value : null;
}

/** The device id in a request's Cookie header, or null. */
export function deviceIdFromCookieHeader(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === DEVICE_COOKIE) return validDeviceId(value.join('='));
  }
  return null;
}

/** What staff_devices stores: a keyed hash, so a copy of the table opens nothing. */
export function deviceHash(deviceId: string, secret = serverSecret()): string {
  return createHmac('sha256', secret).update(`perangkat-petugas:${deviceId}`).digest('base64url');
}

export async function isKnownDevice(db: Db, userId: number, deviceId: string | null): Promise<boolean> {
  if (!deviceId) return false;
  const [row] = await db
    .select({ userId: staffDevices.userId })
    .from(staffDevices)
    .where(and(eq(staffDevices.userId, userId), eq(staffDevices.deviceHash, deviceHash(deviceId))));
  return Boolean(row);
}

/** Records (or refreshes) a device after a complete, successful sign-in. */
export async function rememberDevice(db: Db, userId: number, deviceId: string, now: Date): Promise<void> {
  await db
    .insert(staffDevices)
    .values({ userId, deviceHash: deviceHash(deviceId), createdAt: now, lastSeenAt: now })
    .onConflictDoUpdate({ target: [staffDevices.userId, staffDevices.deviceHash], set: { lastSeenAt: now } });
}

/** Forgets every device of an account (a lost phone): each must sign in again to be known. */
export async function forgetDevices(db: Db, userId: number): Promise<number> {
  const rows = await db.delete(staffDevices).where(eq(staffDevices.userId, userId)).returning({ userId: staffDevices.userId });
  return rows.length;
}

/** How many devices an account has signed in from (shown on the password page). */
export async function countDevices(db: Db, userId: number): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(staffDevices).where(eq(staffDevices.userId, userId));
  return n;
}
