import 'server-only';
import { cookies, headers } from 'next/headers';
import type { Db } from '@/db/connect';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, deviceIdFromCookieHeader, newDeviceId, rememberDevice } from './known-device';

/** The staff device id a request carries (next-auth's authorize gets a plain Request). */
export function deviceIdOf(requestHeaders: Pick<Headers, 'get'> | undefined): string | null {
  return deviceIdFromCookieHeader(requestHeaders?.get('cookie'));
}

/**
 * After a complete, successful sign-in: this browser becomes (or stays) a known device of the
 * account, and its cookie is renewed for another year. Call from a server action or route handler.
 */
export async function keepSignedInDevice(db: Db, userId: number, deviceId: string | null, now: Date): Promise<void> {
  const id = deviceId ?? newDeviceId();
  await rememberDevice(db, userId, id, now);
  const isHttps = (await headers()).get('x-forwarded-proto') === 'https';
  (await cookies()).set(DEVICE_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure: isHttps, path: '/', maxAge: DEVICE_COOKIE_MAX_AGE });
}
