import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex>`: HMAC-SHA256 of the raw body with the app secret, as Meta signs webhooks. */
export function hubSignature(appSecret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** Whether `X-Hub-Signature-256` signs this exact body (constant-time comparison). */
export function isHubSignatureValid(appSecret: string, header: string | null, body: string | Buffer): boolean {
  if (!header || !/^sha256=[0-9a-f]{64}$/i.test(header.trim())) return false;
  const given = Buffer.from(header.trim().slice(7).toLowerCase(), 'hex');
  const expected = Buffer.from(hubSignature(appSecret, body).slice(7), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
