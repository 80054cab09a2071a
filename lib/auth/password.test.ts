import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('rahasia-lurah-1');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored).not.toContain('rahasia');
    expect(await verifyPassword('rahasia-lurah-1', stored)).toBe(true);
    expect(await verifyPassword('rahasia-lurah-2', stored)).toBe(false);
  });
  it('salts: the same password hashes differently twice', async () => {
    expect(await hashPassword('sama')).not.toBe(await hashPassword('sama'));
  });
  it('refuses a malformed stored hash', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});
