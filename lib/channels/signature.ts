import { createHmac, timingSafeEqual } from 'node:crypto';

/** A signed request older or newer than this (seconds) is refused, and its signature remembered this long. */
export const REPLAY_WINDOW_SECONDS = 300;

/** HMAC-SHA256 of `<timestamp>.<body>` with the channel's secret, hex. */
export function signBody(secret: string, timestamp: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

export type SignatureCheck = 'ok' | 'tanpa_tanda_tangan' | 'waktu_tidak_valid' | 'tanda_tangan_salah';

/**
 * Checks `X-Aduan-Timestamp` (Unix seconds) and `X-Aduan-Signature` (`sha256=<hex>` or hex)
 * against the raw body: the time must be within the replay window of `now`.
 */
export function checkSignature(secret: string, timestamp: string | null, signature: string | null, body: string | Buffer, now: Date): SignatureCheck {
  if (!timestamp || !signature) return 'tanpa_tanda_tangan';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > REPLAY_WINDOW_SECONDS) return 'waktu_tidak_valid';
  const given = Buffer.from(signature.replace(/^sha256=/, ''), 'hex');
  const expected = Buffer.from(signBody(secret, timestamp, body), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'tanda_tangan_salah';
}
