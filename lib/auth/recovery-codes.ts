import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * Recovery codes: ten one-time codes shown once at enrolment, for a lost phone. Each has 80 random
 * bits (16 base32 characters, written in groups of four). Only a salted, keyed hash is stored
 * (HMAC-SHA-256 with a key derived from the server secret and a random 128-bit salt per code),
 * so a database dump reveals none of them and cannot be searched offline without the key.
 */

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** `ABCD-EFGH-IJKL-MNOP`, as shown to the official. */
export function newRecoveryCode(): string {
  return base32(randomBytes(10)).match(/.{4}/g)!.join('-');
}

export function newRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: n }, newRecoveryCode);
}

/** Upper case without spaces or dashes; null when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]+/g, '');
  return /^[A-Z2-7]{16}$/.test(code) ? code : null;
}

function digest(code: string, salt: Buffer, key: Buffer): Buffer {
  return createHmac('sha256', key).update(salt).update(code).digest();
}

/** `hmac$<salt>$<digest>` (base64url). */
export function hashRecoveryCode(code: string, key: Buffer): string {
  const normalized = normalizeRecoveryCode(code);
  if (!normalized) throw new Error('not a recovery code');
  const salt = randomBytes(16);
  return `hmac$${salt.toString('base64url')}$${digest(normalized, salt, key).toString('base64url')}`;
}

export function recoveryCodeMatches(input: string, stored: string, key: Buffer): boolean {
  const normalized = normalizeRecoveryCode(input);
  const parts = stored.split('$');
  if (!normalized || parts.length !== 3 || parts[0] !== 'hmac') return false;
  const expected = Buffer.from(parts[2], 'base64url');
  const actual = digest(normalized, Buffer.from(parts[1], 'base64url'), key);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Whether the input looks like a recovery code rather than a six-digit TOTP code. */
export function looksLikeRecoveryCode(input: string): boolean {
  return normalizeRecoveryCode(input) !== null;
}
