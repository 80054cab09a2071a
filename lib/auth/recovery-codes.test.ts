import { describe, expect, it } from 'vitest';
import { sealingKey } from '@/lib/security/sealed';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode, recoveryCodeMatches, RECOVERY_CODE_COUNT } from './recovery-codes';

const key = sealingKey('kode-pemulihan', 'rahasia-server-uji');

describe('recovery codes', () => {
  it('makes ten distinct codes of 80 random bits in groups of four', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
  });

  it('stores only a salted hash: no trace of the code, and the same code hashes differently twice', () => {
    const [code] = newRecoveryCodes(1);
    const stored = hashRecoveryCode(code, key);
    expect(stored).toMatch(/^hmac\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain(code.replaceAll('-', ''));
    expect(stored).not.toContain(code.slice(0, 4));
    expect(hashRecoveryCode(code, key)).not.toBe(stored);
  });

  it('matches the code however it is typed, and nothing else', () => {
    const [code, other] = newRecoveryCodes(2);
    const stored = hashRecoveryCode(code, key);
    expect(recoveryCodeMatches(code, stored, key)).toBe(true);
    expect(recoveryCodeMatches(code.toLowerCase().replaceAll('-', ' '), stored, key)).toBe(true);
    expect(recoveryCodeMatches(other, stored, key)).toBe(false);
    // a hash made with another server secret does not match
    expect(recoveryCodeMatches(code, stored, sealingKey('kode-pemulihan', 'rahasia-lain'))).toBe(false);
    expect(recoveryCodeMatches(code, 'polos', key)).toBe(false);
  });

  it.each(['', '123456', 'ABCD-EFGH-IJKL', 'ABCD-EFGH-IJKL-MNO1', 'ABCD-EFGH-IJKL-MNOP-Q'])('%j is not a recovery code', (input) => {
    expect(normalizeRecoveryCode(input)).toBeNull();
  });
});
