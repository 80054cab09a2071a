import { z } from 'zod';
import { isLocale, type Locale } from '@/i18n/locales';

/**
 * A browser's PushSubscription as `subscription.toJSON()` gives it. The endpoint is where the
 * worker will POST: only https (a push service on the internet), never an address or name of this
 * network, or a citizen could make the server call its neighbours. `allowLoopback` admits
 * http://localhost and 127.0.0.1 for the local test push service (ADUAN_PUSH_ALLOW_LOOPBACK=1).
 */
export function pushSubscriptionSchema(allowLoopback = false) {
  return z.object({
    endpoint: z
      .string()
      .max(1000)
      .refine((value) => isAcceptableEndpoint(value, allowLoopback)),
    keys: z.object({
      // an uncompressed P-256 point (65 bytes) and a 16-byte secret, base64url
      p256dh: z.string().regex(/^[A-Za-z0-9_-]{86,88}={0,2}$/),
      auth: z.string().regex(/^[A-Za-z0-9_-]{21,24}={0,2}$/),
    }),
  });
}

export type PushSubscriptionInput = z.infer<ReturnType<typeof pushSubscriptionSchema>>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether the worker may send to this endpoint. Pure. */
export function isAcceptableEndpoint(value: string, allowLoopback = false): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (allowLoopback && url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return true;
  if (url.protocol !== 'https:') return false;
  const host = url.hostname;
  // a name with a public-looking suffix, not an IP literal or a single-label/internal name
  if (host.startsWith('[') || /^[\d.]+$/.test(host) || !host.includes('.')) return false;
  return !/\.(local|localhost|internal|lan|home|corp|test|invalid)$/i.test(host);
}

/** Whether loopback endpoints are accepted (only for the local test push service). */
export const allowsLoopbackEndpoints = (env: Record<string, string | undefined> = process.env) => env.ADUAN_PUSH_ALLOW_LOOPBACK === '1';

/** The language of a subscriber's payloads: the page's, Bahasa Indonesia otherwise. */
export const pushLanguage = (value: unknown): Locale => (isLocale(value) ? value : 'id');

/** How an outbox row names its subscription: `push:<id>`, never the endpoint. */
export const pushRecipient = (id: number) => `push:${id}`;

/** The subscription id of an outbox recipient, or null. */
export function parsePushRecipient(recipient: string): number | null {
  const m = /^push:(\d{1,10})$/.exec(recipient);
  return m ? Number(m[1]) : null;
}
