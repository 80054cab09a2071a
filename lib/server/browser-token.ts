import 'server-only';
import { randomBytes } from 'node:crypto';
import { cookies, headers } from 'next/headers';

export const BROWSER_COOKIE = 'aduan_perangkat';
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/**
 * A random value that stays with one browser (httpOnly cookie, a year), so that the per-device
 * limits on reports tell apart the many phones a carrier puts behind one address. It says
 * nothing about the person and is only ever stored as a keyed hash in the limit counters. A
 * client that drops it gets a new one each time and meets the per-address ceiling instead.
 * Call only from a server action or route handler (it may set the cookie).
 */
export async function browserToken(): Promise<string> {
  const jar = await cookies();
  const existing = jar.get(BROWSER_COOKIE)?.value;
  if (existing && TOKEN.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  const isHttps = (await headers()).get('x-forwarded-proto') === 'https';
  jar.set(BROWSER_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: isHttps, path: '/', maxAge: 365 * 24 * 3600 });
  return token;
}
