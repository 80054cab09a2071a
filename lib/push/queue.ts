import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { enqueueNotification } from '@/db/queries/outbox';
import { reportPushSubscriptions } from '@/db/queries/push-subscriptions';
import { categories, pushSubscriptions, reports, users, type ReportStatus, type UserRole } from '@/db/schema';
import { canView, type TicketScope } from '@/lib/auth/permissions';
import { contactKind } from '@/lib/channels/contact';
import { pushLanguage, pushRecipient } from './subscription';
import { newTicketPushText, statusPushText, type PushText } from './messages';

/**
 * Whether a subscription still stands in for SMS: nothing failed yet, or it was delivered since the
 * last failure. A push service that keeps failing must not silence the reporter. Pure.
 */
export function isLivePush(s: { lastSuccessAt: Date | null; lastFailureAt: Date | null }): boolean {
  return s.lastFailureAt === null || (s.lastSuccessAt !== null && s.lastSuccessAt >= s.lastFailureAt);
}

/**
 * Queues a status change to every browser following the report (in the caller's transaction) and
 * returns the reporter's contacts it replaces: their phone (SMS, WhatsApp). Push costs nothing per
 * message and arrives at once, an SMS costs the city for every status; e-mail costs nothing either
 * and is the reporter's written record, so it is kept. Messages written to the reporter (a
 * response, a rejection) still go to their phone: they carry the private link and ask for things.
 */
export async function pushStatusChange(tx: Db, reportId: number, number: string, status: ReportStatus): Promise<string[]> {
  const subscriptions = await reportPushSubscriptions(tx, reportId);
  if (subscriptions.length === 0) return [];
  for (const s of subscriptions) await enqueuePush(tx, s.id, reportId, statusPushText(number, status, pushLanguage(s.language)));
  if (!subscriptions.some(isLivePush)) return [];
  const [report] = await tx.select({ phone: reports.reporterPhone }).from(reports).where(eq(reports.id, reportId));
  return report?.phone && contactKind(report.phone) === 'sms' ? [report.phone] : [];
}

function enqueuePush(tx: Db, subscriptionId: number, reportId: number, text: PushText) {
  return enqueueNotification(tx, { kind: 'push', recipient: pushRecipient(subscriptionId), subject: text.title, body: text.body, reportId });
}

/** Roles whose unit works tickets in its own queue: they may have pushes for it. */
export const STAFF_PUSH_ROLES: readonly UserRole[] = ['lurah', 'camat', 'walikota', 'agency', 'inspektorat'];

/**
 * Queues a push to the subscribed, active officials of the unit holding a ticket, each in their
 * language, and only to those who may open it (canView: the same jurisdiction rule as the queue).
 * Returns the outbox ids.
 */
export async function pushToUnit(
  tx: Db,
  ticket: TicketScope & { id: number; handlingAgencyId: number | null },
  text: (language: 'id' | 'en') => PushText | Promise<PushText>,
): Promise<number[]> {
  if (ticket.handlingAgencyId === null) return [];
  const rows = await tx
    .select({
      subscriptionId: pushSubscriptions.id,
      language: pushSubscriptions.language,
      id: users.id,
      role: users.role,
      regionCode: users.regionCode,
      agencyId: users.agencyId,
    })
    .from(pushSubscriptions)
    .innerJoin(users, eq(users.id, pushSubscriptions.userId))
    .where(and(eq(users.agencyId, ticket.handlingAgencyId), eq(users.isActive, true), inArray(users.role, [...STAFF_PUSH_ROLES])));
  const ids: number[] = [];
  for (const row of rows) {
    // the unit's parent only matters for a Dinas seeing its Suku Dinas' tickets: not this unit's own
    if (!canView({ ...row, agencyParentId: null }, ticket)) continue;
    ids.push((await enqueuePush(tx, row.subscriptionId, ticket.id, await text(pushLanguage(row.language)))).id);
  }
  return ids;
}

/**
 * A ticket arrived in a unit's queue (filed there, or routed, coordinated, handed down or
 * reassigned to it): its subscribed officials get a push. `number` may be the provisional one
 * that filing replaces in the outbox on commit. The category's names are read only when someone
 * is to be told, unless the caller already holds them (filing does: no query on that path).
 */
export async function pushNewTicket(
  tx: Db,
  ticket: TicketScope & { id: number; handlingAgencyId: number | null; categoryCode: string },
  number: string,
  names?: { nameId: string; nameEn: string },
): Promise<number[]> {
  if (ticket.handlingAgencyId === null) return [];
  let category = names;
  return pushToUnit(tx, ticket, async (language) => {
    if (!category) {
      const [row] = await tx.select({ nameId: categories.nameId, nameEn: categories.nameEn }).from(categories).where(eq(categories.code, ticket.categoryCode));
      category = row ?? { nameId: ticket.categoryCode, nameEn: ticket.categoryCode };
    }
    return newTicketPushText(number, category, language);
  });
}
