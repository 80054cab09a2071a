import type { Db } from '@/db/connect';
import { claimDueNotifications, markFailed, markSent, type OutboxRow } from '@/db/queries/outbox';
import { startLoop } from '@/lib/jobs/loop';
import { CLAIM_LEASE_MS, claimLeaseMs, DEFAULT_MAX_ATTEMPTS, PermanentDeliveryError } from './backoff';
import type { Senders } from './senders';
import { logError } from '@/lib/security/log-error';

export interface OutboxRunResult {
  /** Delivered in this run. */
  sent: number;
  /** Attempts that failed in this run, whether rescheduled or given up. */
  failed: number;
}

/**
 * Claims one batch of due notifications and delivers them concurrently. Delivery errors are
 * recorded on the rows; database errors propagate to the caller.
 */
export async function runOutboxOnce(
  db: Db,
  senders: Senders,
  now: Date = new Date(),
  batch = 20,
  maxAttempts = DEFAULT_MAX_ATTEMPTS,
  leaseMs = CLAIM_LEASE_MS,
): Promise<OutboxRunResult> {
  const rows = await claimDueNotifications(db, batch, now, leaseMs);
  const outcomes = await Promise.all(
    rows.map((row) => deliver(db, senders, row, now, maxAttempts)),
  );
  const sent = outcomes.filter(Boolean).length;
  return { sent, failed: outcomes.length - sent };
}

async function deliver(
  db: Db,
  senders: Senders,
  row: OutboxRow,
  now: Date,
  maxAttempts: number,
): Promise<boolean> {
  try {
    await senders.send(row);
  } catch (error) {
    // nothing to retry when the recipient is gone for good (an expired push subscription)
    await markFailed(db, row.id, error, now, error instanceof PermanentDeliveryError ? 0 : maxAttempts, row.attempts);
    return false;
  }
  // the claim's attempt number fences a worker whose lease ran out and whose row was re-claimed
  return markSent(db, row.id, now, row.attempts);
}

export interface OutboxWorkerOptions {
  /** Pause between polls when the queue is drained. */
  intervalMs?: number;
  batch?: number;
  maxAttempts?: number;
  /** How long a claim lasts before another worker may take the row (ADUAN_OUTBOX_LEASE_MS). */
  leaseMs?: number;
  /** Called after each run that did something. */
  onRun?: (result: OutboxRunResult) => void;
  /** Called when a run fails (e.g. the database is unreachable); the loop keeps going. */
  onError?: (error: unknown) => void;
}

/** Polls the outbox until stopped (see startLoop); returns the function that stops it. */
export function startOutboxWorker(
  db: Db,
  senders: Senders,
  options: OutboxWorkerOptions = {},
): () => Promise<void> {
  const {
    intervalMs = 5_000,
    batch = 20,
    maxAttempts = DEFAULT_MAX_ATTEMPTS,
    leaseMs = claimLeaseMs(),
    onRun,
    onError = (error) => logError('[outbox] run failed:', error),
  } = options;
  const stop = startLoop(
    async () => {
      const result = await runOutboxOnce(db, senders, new Date(), batch, maxAttempts, leaseMs);
      if (result.sent + result.failed > 0) onRun?.(result);
      return result.sent + result.failed >= batch;
    },
    { intervalMs, onError },
  );
  outboxWorkerHook.aduanWakeOutbox = stop.wake;
  return stop;
}

/**
 * Set by the process that runs the outbox worker: a reply in a chat (lib/whatsapp) is sent at once
 * rather than at the next poll.
 */
export const outboxWorkerHook = globalThis as unknown as { aduanWakeOutbox?: () => void };
