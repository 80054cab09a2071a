import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { loadSlaSettings } from '@/db/queries/sla';
import { pushSubscriptions, reports, slaWarnings, users } from '@/db/schema';
import { addServiceHours, serviceHoursBetween, type SlaPolicy } from '@/lib/sla/policy';
import { slaWarningPushText, type SlaDeadlineKind } from './messages';
import { pushToUnit } from './queue';

/**
 * "About to breach": at most this many service hours before a deadline (on the policy's calendar,
 * so a working-day deadline on Monday 09:00 is announced on Friday). Two hours leave time to act
 * without warning about every ticket of the day.
 */
export const SLA_WARNING_HOURS = 2;

/** Whether a deadline lies ahead within the warning window. Pure. */
export function isAboutToBreach(deadline: Date, now: Date, policy: SlaPolicy, holidays: ReadonlySet<string>, hours = SLA_WARNING_HOURS): boolean {
  return deadline.getTime() > now.getTime() && serviceHoursBetween(now, deadline, policy.calendar, holidays) <= hours;
}

/** The deadline each kind watches, and which tickets still have it ahead of them. */
const DEADLINES: Record<SlaDeadlineKind, { at: SQL<Date>; applies: SQL | undefined }> = {
  // the first response, until it was given
  tanggapan: { at: sql<Date>`${reports.firstResponseDueAt}`, applies: and(isNull(reports.firstResponseAt), isNotNull(reports.firstResponseDueAt)) },
  // the follow-up (the estimate once one was set), while the unit still works it
  selesai: {
    at: sql<Date>`coalesce(${reports.estimatedCompletionAt}, ${reports.dueAt})`,
    applies: inArray(reports.status, ['menunggu', 'koordinasi', 'disposisi', 'proses']),
  },
};

/**
 * One pass: tickets of units with a subscribed official whose deadline is about to pass get one
 * push to those officials, once per ticket, kind and deadline (the sla_warnings row, inserted
 * first, is the claim: of several workers only one inserts it). A deadline that moves (a new
 * estimate) is announced again.
 */
export async function runSlaWarningsOnce(db: Db, now: Date, batch = 200): Promise<{ warned: number }> {
  const settings = await loadSlaSettings(db);
  // the furthest a deadline within the window can lie: working-day calendars stretch over weekends
  const horizon = addServiceHours(now, SLA_WARNING_HOURS, 'hari_kerja', settings.holidays);
  const watched = sql`(select u.agency_id from ${pushSubscriptions} s join ${users} u on u.id = s.user_id where u.is_active)`;
  let warned = 0;
  for (const [kind, deadline] of Object.entries(DEADLINES) as [SlaDeadlineKind, (typeof DEADLINES)[SlaDeadlineKind]][]) {
    const candidates = await db
      .select({
        id: reports.id,
        number: reports.number,
        categoryCode: reports.categoryCode,
        deadline: deadline.at.mapWith((v: string | Date) => new Date(v)),
        kelurahanCode: reports.kelurahanCode,
        kecamatanCode: reports.kecamatanCode,
        kotaCode: reports.kotaCode,
        handlingAgencyId: reports.handlingAgencyId,
        isConfidential: reports.isConfidential,
        status: reports.status,
      })
      .from(reports)
      .leftJoin(slaWarnings, and(eq(slaWarnings.reportId, reports.id), eq(slaWarnings.kind, kind), eq(slaWarnings.deadline, deadline.at)))
      .where(
        and(
          deadline.applies,
          sql`${reports.handlingAgencyId} in ${watched}`,
          sql`${deadline.at} > ${now.toISOString()}::timestamptz`,
          sql`${deadline.at} <= ${horizon.toISOString()}::timestamptz`,
          isNull(slaWarnings.reportId),
        ),
      )
      .limit(batch);
    for (const ticket of candidates) {
      if (!isAboutToBreach(ticket.deadline, now, settings.policyFor(ticket.categoryCode), settings.holidays)) continue;
      warned += await db.transaction(async (tx) => {
        const [claimed] = await tx
          .insert(slaWarnings)
          .values({ reportId: ticket.id, kind, deadline: ticket.deadline, createdAt: now })
          .onConflictDoNothing()
          .returning({ id: slaWarnings.reportId });
        if (!claimed) return 0;
        await pushToUnit(tx, { ...ticket, handlingAgencyParentId: null }, (language) => slaWarningPushText(ticket.number, kind, ticket.deadline, language));
        return 1;
      });
    }
  }
  return { warned };
}
