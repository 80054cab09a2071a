/**
 * Durations kept as buckets a fixed 1 % wide (geometric, from one minute up to five years), so
 * that medians and p90 of millions of tickets come from per-group histograms that can be
 * summed, instead of sorting every duration on every request. A quantile read from them is
 * within 1 % (or one minute) of the exact value.
 */
const MINUTE = 60_000;
const RATIO = 1.01;
const LOG_RATIO = Math.log(RATIO);
const MAX_MINUTES = 5 * 366 * 24 * 60;

/** Bucket 0 holds durations under a minute; bucket b ≥ 1 holds [1.01^(b-1), 1.01^b) minutes; the last one everything longer. */
export const DURATION_BUCKETS = 2 + Math.ceil(Math.log(MAX_MINUTES) / LOG_RATIO);

export function durationBucket(ms: number): number {
  const minutes = ms / MINUTE;
  if (!(minutes >= 1)) return 0;
  return Math.min(DURATION_BUCKETS - 1, 1 + Math.floor(Math.log(minutes) / LOG_RATIO));
}

/** Bucket b's bounds in hours. */
function bounds(b: number): [number, number] {
  if (b === 0) return [0, 1 / 60];
  return [RATIO ** (b - 1) / 60, RATIO ** b / 60];
}

/** An estimate of the k-th smallest (0-based) of the durations counted in hist[offset …], in hours. */
function valueAt(hist: Int32Array, offset: number, k: number): number {
  let before = 0;
  for (let b = 0; b < DURATION_BUCKETS; b++) {
    const n = hist[offset + b];
    if (k < before + n) {
      const [low, high] = bounds(b);
      // the bucket's durations spread evenly across it
      return low + ((k - before + 0.5) / n) * (high - low);
    }
    before += n;
  }
  return bounds(DURATION_BUCKETS - 1)[1];
}

/**
 * The p-quantile (0…1) of the `count` durations counted in `hist[offset … offset + DURATION_BUCKETS)`,
 * in hours, interpolated between neighbours like percentile_cont; null when there are none.
 */
export function histogramQuantile(hist: Int32Array, offset: number, count: number, p: number): number | null {
  if (count === 0) return null;
  const rank = p * (count - 1);
  const below = Math.floor(rank);
  const low = valueAt(hist, offset, below);
  return rank === below ? low : low + (rank - below) * (valueAt(hist, offset, below + 1) - low);
}
