import { describe, expect, it } from 'vitest';
import { retryDelayMs, shortError } from './backoff';

const MIN = 60_000;

describe('retryDelayMs', () => {
  it.each([
    { label: 'first failure waits a minute', attempts: 1, expected: 1 * MIN },
    { label: 'second failure waits two', attempts: 2, expected: 2 * MIN },
    { label: 'fourth failure waits eight', attempts: 4, expected: 8 * MIN },
    { label: 'seventh failure waits 64', attempts: 7, expected: 64 * MIN },
    { label: 'long outages are capped at six hours', attempts: 20, expected: 360 * MIN },
    { label: 'zero attempts is treated as the first', attempts: 0, expected: 1 * MIN },
  ])('$label', ({ attempts, expected }) => {
    expect(retryDelayMs(attempts)).toBe(expected);
  });
});

describe('shortError', () => {
  it.each([
    {
      label: 'keeps a plain message',
      error: new Error('Gateway SMS menjawab HTTP 500'),
      expected: 'Gateway SMS menjawab HTTP 500',
    },
    {
      label: 'drops everything after the first line',
      error: new Error('boom\n    at foo (x.ts:1:1)'),
      expected: 'boom',
    },
    { label: 'accepts a thrown string', error: 'koneksi ditolak', expected: 'koneksi ditolak' },
    { label: 'names an empty error', error: new Error(''), expected: 'Kesalahan tidak diketahui' },
  ])('$label', ({ error, expected }) => {
    expect(shortError(error)).toBe(expected);
  });

  it('never stores a stack, even when the message is huge', () => {
    const text = shortError(new Error('x'.repeat(5000)));
    expect(text).toHaveLength(300);
    expect(text).not.toContain('\n');
  });
});
