import { describe, expect, it } from 'vitest';
import { shortMemo } from './short-memo';

function counter() {
  let t = 0;
  let reads = 0;
  const read = shortMemo(async (q: string) => `${q}:${++reads}`, { ttlMs: 10_000, maxEntries: 2, key: (q) => q, now: () => t });
  return { read, advance: (ms: number) => (t += ms), reads: () => reads };
}

describe('shortMemo', () => {
  it.each([
    ['within the period: the same answer, one read', 9_999, 'a:1', 1],
    ['after the period: read again', 10_000, 'a:2', 2],
  ])('%s', async (_label, wait, answer, reads) => {
    const c = counter();
    expect(await c.read('a')).toBe('a:1');
    c.advance(wait);
    expect(await c.read('a')).toBe(answer);
    expect(c.reads()).toBe(reads);
  });

  it('keeps different arguments apart and forgets the oldest past its size', async () => {
    const c = counter();
    await c.read('a');
    await c.read('b');
    await c.read('c');
    expect(await c.read('b')).toBe('b:2');
    expect(await c.read('a')).toBe('a:4');
  });

  it('does not keep a failure', async () => {
    let fail = true;
    const read = shortMemo(async () => (fail ? Promise.reject(new Error('down')) : 'ok'), { ttlMs: 10_000, maxEntries: 10, key: () => 'k' });
    await expect(read()).rejects.toThrow('down');
    fail = false;
    await new Promise((r) => setTimeout(r, 0));
    expect(await read()).toBe('ok');
  });
});
