/** Delivery attempts before a notification is given up as 'failed'. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * How long a claimed notification stays invisible to other workers. A worker that dies
 * mid-delivery loses its claim after this, so the row is retried (at-least-once); a send
 * must therefore finish well within it (the senders time out after ~30 s).
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * The lease from ADUAN_OUTBOX_LEASE_MS (default 5 min). Shorter leases hand a dead worker's rows
 * on sooner, but a lease shorter than a send (30 s at most) lets a slow send be claimed twice.
 */
export function claimLeaseMs(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.ADUAN_OUTBOX_LEASE_MS);
  return Number.isFinite(value) && value >= 1_000 ? value : CLAIM_LEASE_MS;
}

const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

/**
 * Wait before the next attempt after `attempts` failed ones: 1 min, 2 min, 4 min, … capped at
 * 6 hours, so a gateway that is down for an afternoon is retried without being hammered.
 */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** exponent);
}

/** A short, single-line error text for the outbox row: never a stack, never unbounded. */
export function shortError(error: unknown, maxLength = 300): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0].trim() || 'Kesalahan tidak diketahui';
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}

/**
 * A delivery that can never succeed (a push subscription the service says is gone): the row is
 * given up at once instead of being retried for days.
 */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}
