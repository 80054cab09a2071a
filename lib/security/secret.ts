import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

let cached: string | undefined;

/**
 * The server's secret for tracking links. ADUAN_SECRET (or AUTH_SECRET) in production, where
 * every instance must share it; for a single-machine demo, one is generated into .data/secret.
 */
export function serverSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.ADUAN_SECRET ?? process.env.AUTH_SECRET;
  if (fromEnv) return (cached = fromEnv);
  const file = resolve(/*turbopackIgnore: true*/ process.env.ADUAN_SECRET_FILE ?? '.data/secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return (cached = readFileSync(file, 'utf8').trim());
}

/**
 * The private tracking key of a report, derived from the submission's form token: a retried
 * submission gets the same key back, and the database keeps only its hash.
 */
export function trackingKey(formToken: string): string {
  return createHmac('sha256', serverSecret()).update(`lacak:${formToken}`).digest('base64url').slice(0, 32);
}

export function hashTrackingKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function trackingKeyMatches(key: string, storedHash: string | null): boolean {
  if (!storedHash || !/^[A-Za-z0-9_-]{20,64}$/.test(key)) return false;
  const a = Buffer.from(hashTrackingKey(key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
