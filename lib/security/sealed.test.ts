import { describe, expect, it } from 'vitest';
import { seal, sealingKey, unseal } from './sealed';

const key = sealingKey('totp', 'rahasia-server-uji');

describe('sealed secrets (AES-256-GCM)', () => {
  it('opens what it sealed, and the stored value does not contain the plaintext', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', 'user:7', key);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(unseal(sealed, 'user:7', key)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('uses a new IV each time: the same secret seals differently twice', () => {
    expect(seal('sama', 'user:7', key)).not.toBe(seal('sama', 'user:7', key));
  });

  it.each([
    ['another account (context)', (s: string) => unseal(s, 'user:8', key)],
    ['another purpose (key)', (s: string) => unseal(s, 'user:7', sealingKey('lain', 'rahasia-server-uji'))],
    ['another server secret', (s: string) => unseal(s, 'user:7', sealingKey('totp', 'rahasia-lain'))],
    ['an altered ciphertext', (s: string) => {
      const parts = s.split('.');
      const body = Buffer.from(parts[2], 'base64url');
      body[0] ^= 1;
      return unseal([parts[0], parts[1], body.toString('base64url'), parts[3]].join('.'), 'user:7', key);
    }],
    ['a cut-off value', (s: string) => unseal(s.split('.').slice(0, 3).join('.'), 'user:7', key)],
    ['plain text', () => unseal('JBSWY3DPEHPK3PXP', 'user:7', key)],
  ])('refuses to open it for %s', (_label, open) => {
    expect(open(seal('JBSWY3DPEHPK3PXP', 'user:7', key))).toBeNull();
  });
});
