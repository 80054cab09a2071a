import { describe, expect, it } from 'vitest';
import { decodeSignal, encodeSignal } from './signal';

describe('change signals', () => {
  it.each([
    ['a few tickets from an instance', { from: 'a', numbers: ['JK2603100001', 'JK2603100002'] }, { from: 'a', numbers: ['JK2603100001', 'JK2603100002'] }],
    ['a worker (no instance) names a ticket twice', { from: null, numbers: ['JK2603100001', 'JK2603100001'] }, { from: null, numbers: ['JK2603100001'] }],
    ['too many to list: everything', { from: 'a', numbers: Array.from({ length: 201 }, (_, i) => `JK${1000 + i}`) }, { from: 'a', numbers: null }],
  ])('%s', (_label, signal, expected) => {
    const payload = encodeSignal(signal);
    expect(payload.length).toBeLessThan(8000);
    expect(decodeSignal(payload)).toEqual(expected);
  });

  it.each([['not JSON', 'x'], ['numbers that are not strings', '{"f":"a","n":[1]}'], ['odd characters', '{"f":"a","n":["../x"]}']])(
    'a malformed payload (%s) means everything changed',
    (_label, payload) => {
      expect(decodeSignal(payload).numbers).toBeNull();
    },
  );
});
