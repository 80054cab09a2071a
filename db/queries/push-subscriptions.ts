import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { pushSubscriptions, reports } from '../schema';
import type { Locale } from '@/i18n/locales';
import type { PushSubscriptionInput } from '@/lib/push/subscription';

/**
 * Web Push subscriptions. Callers prove ownership first (the tracking key, or the staff session);
 * these functions only store and remove. The endpoint never leaves this module except to the
 * sender (pushTarget).
 */

export type PushOwner = { reportId: number } | { userId: number };

const ownedBy = (owner: PushOwner) =>
  'reportId' in owner ? eq(pushSubscriptions.reportId, owner.reportId) : eq(pushSubscriptions.userId, owner.userId);

/** Stores (or renews: new keys, language) one browser's subscription for one owner; returns its id. */
export async function savePushSubscription(db: Db, owner: PushOwner, input: PushSubscriptionInput, language: Locale, now: Date): Promise<number> {
  const isReport = 'reportId' in owner;
  const [row] = await db
    .insert(pushSubscriptions)
    .values({
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      reportId: isReport ? owner.reportId : null,
      userId: isReport ? null : owner.userId,
      language,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: [pushSubscriptions.endpoint, isReport ? pushSubscriptions.reportId : pushSubscriptions.userId],
      targetWhere: isReport ? sql`${pushSubscriptions.reportId} is not null` : sql`${pushSubscriptions.userId} is not null`,
      // a renewed subscription starts clean: its earlier failures were another key's
      set: { p256dh: input.keys.p256dh, auth: input.keys.auth, language, lastFailureAt: null },
    })
    .returning({ id: pushSubscriptions.id });
  return row.id;
}

/**
 * Removes one owner's subscription of this endpoint. Returns whether the endpoint still serves
 * another owner in this browser (the page then keeps the browser's subscription).
 */
export async function removePushSubscription(db: Db, owner: PushOwner, endpoint: string): Promise<{ removed: boolean; isStillUsed: boolean }> {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, endpoint), ownedBy(owner)))
    .returning({ id: pushSubscriptions.id });
  const [left] = await db.select({ n: count() }).from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
  return { removed: removed.length > 0, isStillUsed: left.n > 0 };
}

/** Whether this endpoint is subscribed for the owner (the page shows "on" or "off"). */
export async function hasPushSubscription(db: Db, owner: PushOwner, endpoint: string): Promise<boolean> {
  const [row] = await db
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, endpoint), ownedBy(owner)));
  return Boolean(row);
}

/** A report's subscriptions, as the code that queues pushes needs them (no endpoint). */
export async function reportPushSubscriptions(db: Db, reportId: number) {
  return db
    .select({
      id: pushSubscriptions.id,
      language: pushSubscriptions.language,
      lastSuccessAt: pushSubscriptions.lastSuccessAt,
      lastFailureAt: pushSubscriptions.lastFailureAt,
    })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.reportId, reportId));
}

/**
 * What the sender needs for one outbox row: the endpoint and keys, and the ticket a click leads
 * to (a citizen's own report; for an official, the row's report).
 */
export async function pushTarget(db: Db, id: number, rowReportId: number | null) {
  const [row] = await db
    .select({
      endpoint: pushSubscriptions.endpoint,
      p256dh: pushSubscriptions.p256dh,
      auth: pushSubscriptions.auth,
      userId: pushSubscriptions.userId,
      number: reports.number,
      formToken: reports.idempotencyKey,
    })
    .from(pushSubscriptions)
    .leftJoin(reports, eq(reports.id, sql`coalesce(${pushSubscriptions.reportId}, ${rowReportId}::bigint)`))
    .where(eq(pushSubscriptions.id, id));
  return row ?? null;
}

/** A delivery the push service accepted. */
export async function markPushDelivered(db: Db, id: number, now: Date): Promise<void> {
  await db.update(pushSubscriptions).set({ lastSuccessAt: now }).where(eq(pushSubscriptions.id, id));
}

/** A delivery that failed for now (the outbox retries it). */
export async function markPushFailed(db: Db, id: number, now: Date): Promise<void> {
  await db.update(pushSubscriptions).set({ lastFailureAt: now }).where(eq(pushSubscriptions.id, id));
}

/** The push service says the endpoint is gone (404/410): it is gone for every owner. */
export async function removePushEndpoint(db: Db, endpoint: string): Promise<number> {
  const removed = await db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint)).returning({ id: pushSubscriptions.id });
  return removed.length;
}
