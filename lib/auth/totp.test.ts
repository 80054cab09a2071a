import { describe, expect, it } from 'vitest';
import { newTotpSecret, normalizeTotpCode, totpCode, totpStep, totpUri, verifyTotp } from './totp';

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" (base32 below) at T = 59 s is 94287082;
// its last six digits are what a six-digit authenticator shows.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const now = new Date('2026-06-01T02:00:10Z'); // 10 s into its step
const seconds = (s: number) => new Date(now.getTime() + s * 1000);

describe('TOTP codes', () => {
  it('matches the RFC 6238 test vectors', () => {
    expect(totpCode(RFC_SECRET, new Date(59_000))).toBe('287082');
    expect(totpCode(RFC_SECRET, new Date(1_111_111_109_000))).toBe('081804');
    expect(totpCode(RFC_SECRET, new Date(2_000_000_000_000))).toBe('279037');
  });

  it.each([
    ['the current step', 0, true],
    ['the step before (a code typed just as it changed)', -30, true],
    ['the step after (a phone clock a little fast)', 30, true],
    ['two steps before', -60, false],
    ['two steps after', 60, false],
    ['ten minutes old', -600, false],
  ])('a code of %s is %s', (_label, offsetSeconds, accepted) => {
    expect(verifyTotp(secret, totpCode(secret, seconds(offsetSeconds)), now, null).ok).toBe(accepted);
  });

  it('returns the step the code belongs to', () => {
    expect(verifyTotp(secret, totpCode(secret, seconds(-30)), now, null)).toEqual({ ok: true, step: totpStep(now) - 1 });
  });

  it('refuses a code of a step already used, and of any earlier step, but accepts the next step', () => {
    const first = verifyTotp(secret, totpCode(secret, now), now, null);
    expect(first).toEqual({ ok: true, step: totpStep(now) });
    const last = first.ok ? first.step : -1;
    expect(verifyTotp(secret, totpCode(secret, now), seconds(5), last)).toEqual({ ok: false, reason: 'dipakai' });
    expect(verifyTotp(secret, totpCode(secret, seconds(-30)), now, last)).toEqual({ ok: false, reason: 'dipakai' });
    expect(verifyTotp(secret, totpCode(secret, seconds(30)), seconds(30), last)).toEqual({ ok: true, step: last + 1 });
  });

  it.each(['', '12345', '1234567', 'abcdef', '12 34 5x'])('refuses %j as not a code', (input) => {
    expect(verifyTotp(secret, input, now, null)).toEqual({ ok: false, reason: 'salah' });
  });

  it('accepts a code typed with spaces, and refuses a code of another secret', () => {
    const code = totpCode(secret, now);
    expect(normalizeTotpCode(` ${code.slice(0, 3)} ${code.slice(3)} `)).toBe(code);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null).ok).toBe(true);
    expect(verifyTotp(newTotpSecret(), code, now, null).ok).toBe(false);
  });

  it('makes 160-bit secrets and an otpauth URI that carries the secret, issuer and account', () => {
    const fresh = newTotpSecret();
    expect(fresh).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(fresh);
    const uri = new URL(totpUri(fresh, 'lurah.gambir@aduan.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('secret')).toBe(fresh);
    expect(uri.searchParams.get('issuer')).toBe('Aduan Jakarta');
    expect(decodeURIComponent(uri.pathname)).toBe('/Aduan Jakarta:lurah.gambir@aduan.test');
  });
});
