import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { outbox, reports } from '../schema';
import type { StaffUser } from '@/lib/auth/permissions';
import {
  CLAIM_LEASE_MS,
  DEFAULT_MAX_ATTEMPTS,
  retryDelayMs,
  shortError,
} from '@/lib/notify/backoff';
import type { NotificationKind } from '@/lib/notify/kinds';
import { outboxAccess } from '@/lib/notify/outbox-access';
import { redactKeys } from '@/lib/notify/redact';

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
 * claim whose `attempt` number is given. The private links' keys are dropped from the stored
 * text: they were needed only to send it.
 */
export async function markSent(db: Db, id: number, now: Date, attempt?: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ subject: outbox.subject, body: outbox.body })
      .from(outbox)
      .where(isStillClaimed(id, attempt))
      .for('update');
    if (!current) return false;
    await tx
      .update(outbox)
      .set({ status: 'sent', deliveredAt: now, subject: redactKeys(current.subject), body: redactKeys(current.body) })
      .where(eq(outbox.id, id));
    return true;
  });
}

/**
 * Records a failed attempt: reschedules with exponential backoff, or gives up ('failed') once
 * `maxAttempts` attempts were made. Only a short error text is kept; a message given up loses its
 * private links' keys, as a sent one does. Returns the updated row, or null when it was no longer
 * pending.
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
      .select({ attempts: outbox.attempts, subject: outbox.subject, body: outbox.body })
      .from(outbox)
      .where(isStillClaimed(id, attempt))
      .for('update');
    if (!current) return null;
    const isGivingUp = current.attempts >= maxAttempts;
    const [row] = await tx
      .update(outbox)
      .set({
        status: isGivingUp ? 'failed' : 'pending',
        // a retry still needs the keys to send
        ...(isGivingUp ? { subject: redactKeys(current.subject), body: redactKeys(current.body) } : {}),
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

/** What a confidential ticket's recipient and body read as for anyone but Inspektorat. */
export const WITHHELD = '(rahasia)';

/** A notification as a staff member may see it (never its headers, which carry alert tokens). */
export interface OutboxListRow {
  id: number;
  kind: string;
  recipient: string;
  subject: string | null;
  body: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  /** A confidential ticket's message: recipient and body are WITHHELD, subject and error null. */
  isWithheld: boolean;
}

/**
 * Newest notifications first, for the staff delivery page, as `viewer` may see them (see
 * outboxAccess). The database withholds a confidential ticket's recipient, subject, body and
 * error from anyone but Inspektorat, reading confidentiality from the ticket as it is now rather
 * than from the message. Links' keys are masked, and headers are never returned.
 */
export async function listOutbox(
  db: Db,
  viewer: Pick<StaffUser, 'role'>,
  { limit = 100, status }: ListOutboxOptions = {},
): Promise<OutboxListRow[]> {
  const access = outboxAccess(viewer.role);
  if (access === 'none') return [];
  const safeLimit = Math.min(Math.max(Math.trunc(limit), 1), 500);
  const isWithheld = access === 'all' ? sql<boolean>`(${reports.isConfidential} is true)` : sql<boolean>`false`;
  const rows = await db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      recipient: sql<string>`case when ${isWithheld} then ${WITHHELD}::text else ${outbox.recipient} end`,
      subject: sql<string | null>`case when ${isWithheld} then null else ${outbox.subject} end`,
      body: sql<string>`case when ${isWithheld} then ${WITHHELD}::text else ${outbox.body} end`,
      status: outbox.status,
      attempts: outbox.attempts,
      // a channel's error may quote the address it refused
      lastError: sql<string | null>`case when ${isWithheld} then null else ${outbox.lastError} end`,
      createdAt: outbox.createdAt,
      deliveredAt: outbox.deliveredAt,
      isWithheld,
    })
    .from(outbox)
    .leftJoin(reports, eq(reports.id, outbox.reportId))
    .where(
      and(
        status ? eq(outbox.status, status) : undefined,
        access === 'confidential' ? eq(reports.isConfidential, true) : undefined,
      ),
    )
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(safeLimit);
  return rows.map((r) => ({
    ...r,
    subject: redactKeys(r.subject),
    body: redactKeys(r.body),
    lastError: redactKeys(r.lastError),
  }));
}
