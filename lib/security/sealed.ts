import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { serverSecret } from './secret';

/*
 * Secrets the server must read back (a TOTP key, unlike a password, cannot be hashed): AES-256-GCM
 * with a key derived from the server secret by HKDF, one key per purpose. The context (e.g. the
 * account id) is authenticated with the ciphertext, so a value copied into another row does not
 * open. A database dump alone reveals nothing; whoever holds both the dump and ADUAN_SECRET does.
 */

const VERSION = 'v1';

/** The 32-byte key for one purpose, derived from `secret` (the server secret by default). */
export function sealingKey(purpose: string, secret: string = serverSecret()): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'aduan-sealed', `aduan:${purpose}`, 32));
}

/** `v1.<iv>.<ciphertext>.<tag>` (base64url); a new random IV every time. */
export function seal(plaintext: string, context: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, body, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The plaintext, or null when the value was altered, sealed for another context or with another key. */
export function unseal(sealed: string, context: string, key: Buffer): string | null {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [iv, body, tag] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
  if (iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
