import 'server-only';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { publicUrlForRequest } from '@/lib/config/public-url';
import { logError } from '@/lib/security/log-error';

/** The client's address as the nearest trusted proxy reports it (first X-Forwarded-For hop). */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'lokal';
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
