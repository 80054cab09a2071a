import { describe, expect, it } from 'vitest';
import { accountCounter, failureDelay, LOCK_LADDER } from './sign-in-limits';

describe('sign-in limits', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 3000],
    [4, 4000],
    [9, 4000],
  ])('failure number %i answers after %i ms', (failures, ms) => {
    expect(failureDelay(1000, failures)).toBe(ms);
  });

  it('backs off in steps: each rung allows more failures over a longer window', () => {
    for (let i = 1; i < LOCK_LADDER.length; i++) {
      expect(LOCK_LADDER[i].failures).toBeGreaterThan(LOCK_LADDER[i - 1].failures);
      expect(LOCK_LADDER[i].windowSeconds).toBeGreaterThan(LOCK_LADDER[i - 1].windowSeconds);
    }
    expect(LOCK_LADDER.at(-1)).toEqual({ failures: 20, windowSeconds: 86_400 });
  });

  it('keeps an account counter per e-mail address as a keyed hash, never the address', () => {
    const key = accountCounter('lurah.gambir@aduan.test', 'rahasia');
    expect(key).toMatch(/^masuk-akun:[A-Za-z0-9_-]{22}$/);
    expect(key).not.toContain('gambir');
    expect(accountCounter('lurah.menteng@aduan.test', 'rahasia')).not.toBe(key);
  });
});
