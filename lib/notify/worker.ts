import type { Db } from '@/db/connect';
import { claimDueNotifications, markFailed, markSent, type OutboxRow } from '@/db/queries/outbox';
import { DEFAULT_MAX_ATTEMPTS } from './backoff';
import type { Senders } from './senders';

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
): Promise<OutboxRunResult> {
  const rows = await claimDueNotifications(db, batch, now);
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
    await markFailed(db, row.id, error, now, maxAttempts);
    return false;
  }
  await markSent(db, row.id, now);
  return true;
}

export interface OutboxWorkerOptions {
  /** Pause between polls when the queue is drained. */
  intervalMs?: number;
  batch?: number;
  maxAttempts?: number;
  /** Called after each run that did something. */
  onRun?: (result: OutboxRunResult) => void;
  /** Called when a run fails (e.g. the database is unreachable); the loop keeps going. */
  onError?: (error: unknown) => void;
}

/**
 * Polls the outbox until stopped. A full batch is followed immediately by the next one, so a
 * backlog drains quickly; otherwise the worker sleeps `intervalMs`. The returned function stops
 * the loop and resolves once the run in progress has finished (so the database can be closed).
 */
export function startOutboxWorker(
  db: Db,
  senders: Senders,
  options: OutboxWorkerOptions = {},
): () => Promise<void> {
  const {
    intervalMs = 5_000,
    batch = 20,
    maxAttempts = DEFAULT_MAX_ATTEMPTS,
    onRun,
    onError = (error) => console.error('[outbox] run failed:', error),
  } = options;
  let isStopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  const loop = async () => {
    while (!isStopped) {
      let isBacklog = false;
      try {
        const result = await runOutboxOnce(db, senders, new Date(), batch, maxAttempts);
        if (result.sent + result.failed > 0) onRun?.(result);
        isBacklog = result.sent + result.failed >= batch;
      } catch (error) {
        onError(error);
      }
      if (!isBacklog && !isStopped) await sleep(intervalMs);
    }
  };
  const running = loop();

  return async () => {
    isStopped = true;
    clearTimeout(timer);
    wake?.();
    await running;
  };
}
