import { quantile } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { DURATION_BUCKETS, durationBucket, histogramQuantile } from './duration-buckets';

const HOUR = 3_600_000;

describe('duration buckets', () => {
  it('are 1 % wide from a minute to five years, in order', () => {
    expect(durationBucket(0)).toBe(0);
    expect(durationBucket(59_000)).toBe(0);
    expect(durationBucket(60_000)).toBe(1);
    expect(durationBucket(HOUR)).toBeLessThan(durationBucket(HOUR * 1.011));
    expect(durationBucket(10 * 365 * 24 * HOUR)).toBe(DURATION_BUCKETS - 1);
  });

  it.each([
    ['spread out', Array.from({ length: 5000 }, (_, i) => 0.1 + ((i * 7919) % 5000) * 0.37)],
    ['few and far apart', [2, 40, 41, 300]],
    ['one', [12.5]],
    ['under a minute', [0.001, 0.002, 0.005]],
  ])('give medians and p90 within 1 %% of the exact ones: %s', (_, hours) => {
    const hist = new Int32Array(DURATION_BUCKETS);
    for (const h of hours) hist[durationBucket(h * HOUR)]++;
    for (const p of [0.5, 0.9]) {
      const exact = quantile(hours, p)!;
      expect(Math.abs(histogramQuantile(hist, 0, hours.length, p)! - exact)).toBeLessThanOrEqual(0.0101 * exact + 1 / 60);
    }
  });

  it('give nothing for nothing', () => {
    expect(histogramQuantile(new Int32Array(DURATION_BUCKETS), 0, 0, 0.5)).toBeNull();
  });
});
