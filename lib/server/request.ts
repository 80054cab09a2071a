import 'server-only';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { publicUrlForRequest } from '@/lib/config/public-url';
import { clientAddressOf, trustedProxies } from '@/lib/security/client-address';
import { logError } from '@/lib/security/log-error';
import { peerOf } from '@/lib/server/peer-header';

/**
 * The client's address for per-address limits: the TCP peer, or the right-most untrusted
 * X-Forwarded-For hop when the peer is one of ADUAN_TRUSTED_PROXIES (lib/security/client-address.ts).
 */
export async function clientAddress(): Promise<string> {
  return clientAddressFrom(await headers());
}

/** The same for a request's headers (route handlers, next-auth's authorize). */
export function clientAddressFrom(requestHeaders: Pick<Headers, 'get'>): string {
  return clientAddressOf(peerOf(requestHeaders), requestHeaders.get('x-forwarded-for'), trustedProxies());
}

/** Logs an unexpected error with a request id; the id, never the error, is shown to the user. */
export function logUnexpected(where: string, error: unknown): string {
  const id = randomUUID().slice(0, 8);
  logError(`[${id}] ${where}:`, error);
  return id;
}

/** The portal's address for links made while answering this request (see lib/config/public-url.ts). */
export async function requestPublicUrl(): Promise<string> {
  return publicUrlForRequest(await headers());
}

export { publicUrl } from '@/lib/config/public-url';
