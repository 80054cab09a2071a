import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { outbox } from '../schema';
import {
  CLAIM_LEASE_MS,
  DEFAULT_MAX_ATTEMPTS,
  retryDelayMs,
  shortError,
} from '@/lib/notify/backoff';
import type { NotificationKind } from '@/lib/notify/kinds';

export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxStatus = OutboxRow['status'];

export interface EnqueueNotificationInput {
  kind: NotificationKind;
  recipient: string;
  subject?: string | null;
  body: string;
  reportId?: number | null;
  /** Extra e-mail headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string> | null;
}

/**
 * Queues a notification. Pass the transaction that makes the change it announces, so the
 * message exists exactly when the change commits (and vanishes with a rollback).
 */
export async function enqueueNotification(
  db: Db,
  input: EnqueueNotificationInput,
): Promise<OutboxRow> {
  const [row] = await db
    .insert(outbox)
    .values({
      kind: input.kind,
      recipient: input.recipient.trim(),
      subject: input.subject ?? null,
      body: input.body,
      reportId: input.reportId ?? null,
      headers: input.headers ?? null,
      // Millisecond precision like the JS Date a worker claims with: a row queued in the same
      // millisecond as the claim is then due, not a few microseconds in the future.
      nextAttemptAt: sql`date_trunc('milliseconds', now())`,
    })
    .returning();
  return row;
}

/**
 * Claims up to `limit` due pending notifications for this worker. The rows are locked with
 * SKIP LOCKED, so concurrent workers take disjoint sets without waiting, and leased by moving
 * next_attempt_at forward: until the lease ends (or the worker marks them) nobody else sees
 * them. The attempt is counted at claim time so a worker that crashes mid-send still uses one.
 */
export async function claimDueNotifications(
  db: Db,
  limit: number,
  now: Date,
  leaseMs = CLAIM_LEASE_MS,
): Promise<OutboxRow[]> {
  if (limit <= 0) return [];
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const claimed = await tx
      .update(outbox)
      .set({
        attempts: sql`${outbox.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + leaseMs),
      })
      .where(
        inArray(
          outbox.id,
          due.map((r) => r.id),
        ),
      )
      .returning();
    return claimed.sort((a, b) => a.id - b.id);
  });
}

/**
 * The claim a worker holds: its row and the attempt number it claimed. A worker whose lease ran
 * out (the row was claimed again, so attempts moved on) can no longer record anything on it.
 */
const isStillClaimed = (id: number, attempt?: number) =>
  and(eq(outbox.id, id), eq(outbox.status, 'pending'), attempt === undefined ? undefined : eq(outbox.attempts, attempt));

/**
 * Records a delivery. Returns false when the row was no longer pending, or no longer held by the
 * claim whose `attempt` number is given.
 */
export async function markSent(db: Db, id: number, now: Date, attempt?: number): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'sent', deliveredAt: now })
    .where(isStillClaimed(id, attempt))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/**
 * Records a failed attempt: reschedules with exponential backoff, or gives up ('failed') once
 * `maxAttempts` attempts were made. Only a short error text is kept. Returns the updated row,
 * or null when it was no longer pending.
 */
export async function markFailed(
  db: Db,
  id: number,
  error: unknown,
  now: Date,
  maxAttempts = DEFAULT_MAX_ATTEMPTS,
  attempt?: number,
): Promise<OutboxRow | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ attempts: outbox.attempts })
      .from(outbox)
      .where(isStillClaimed(id, attempt))
      .for('update');
    if (!current) return null;
    const isGivingUp = current.attempts >= maxAttempts;
    const [row] = await tx
      .update(outbox)
      .set({
        status: isGivingUp ? 'failed' : 'pending',
        lastError: shortError(error),
        nextAttemptAt: isGivingUp ? now : new Date(now.getTime() + retryDelayMs(current.attempts)),
      })
      .where(eq(outbox.id, id))
      .returning();
    return row;
  });
}

export interface ListOutboxOptions {
  limit?: number;
  status?: OutboxStatus;
}

/** Newest notifications first, for the staff delivery page. Recipients are private: staff only. */
export async function listOutbox(
  db: Db,
  { limit = 100, status }: ListOutboxOptions = {},
): Promise<OutboxRow[]> {
  const safeLimit = Math.min(Math.max(Math.trunc(limit), 1), 500);
  return db
    .select()
    .from(outbox)
    .where(status ? eq(outbox.status, status) : undefined)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(safeLimit);
}
