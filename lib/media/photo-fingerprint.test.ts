import { describe, expect, it } from 'vitest';
import { closestHash, isCandidate, pairingsWithin } from './photo-fingerprint';

/** `base` with the lowest `n` bits of its last 16-bit band flipped (the first three bands stay shared). */
const flip = (base: string, n: number) => (BigInt(`0x${base}`) ^ ((1n << BigInt(n)) - 1n)).toString(16).padStart(16, '0');
const far = (base: string) => (BigInt(`0x${base}`) ^ 0xffffffffffff0000n).toString(16).padStart(16, '0');

describe('isCandidate', () => {
  const stored = '0123456789abcdef';
  const other = 'fedcba9876543210';
  it.each<[string, string[], string[], boolean]>([
    ['one pairing within 6 bits', [stored, other], [flip(stored, 6)], true],
    ['one pairing at 10 bits, nothing else alike', [stored, other], [flip(stored, 10)], false],
    ['one at 10 bits and another window within 18 bits (an edited copy)', [stored, flip(other, 0)], [flip(stored, 10), flip(other, 16)], true],
    ['one at 10 bits, the second pairing 20 bits off', [stored, other], [flip(stored, 10), (BigInt(`0x${other}`) ^ 0xfffffn).toString(16).padStart(16, '0')], false],
    ['nothing within 10 bits', [stored], [far(stored)], false],
  ])('%s', (_, windows, turns, expected) => {
    expect(isCandidate(closestHash({ windows }, { turns }), { windows }, { turns }, 10)).toBe(expected);
  });

  it('counts each distinct turn once', () => {
    expect(pairingsWithin({ windows: ['0123456789abcdef'] }, { turns: ['0123456789abcdef', '0123456789abcdef'] }, 0)).toBe(1);
  });
});
