import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../connect';
import {
  agencies,
  attachments,
  categories,
  instructions,
  regions,
  reportEvents,
  reports,
  users,
} from '../schema';
import { canView, SEES_REPORTER, type StaffUser } from '@/lib/auth/permissions';
import { flagsForViewer, storedChecks, type ProofFlag, type ShownProofFlag } from '@/lib/staff/proof-checks';

const holder = alias(agencies, 'holder');
const actorAgency = alias(agencies, 'actor_agency');
const photoEvent = alias(reportEvents, 'photo_event');
const instructingUnit = alias(agencies, 'instructing_unit');
const instructedUnit = alias(agencies, 'instructed_unit');

/**
 * A ticket as an official sees it: everything, including internal notes and all photos, and
 * the reporter's contact for roles that may see it. Null when outside the user's jurisdiction.
 * A follow-up's photo checks name another ticket only when the user may open it.
 */
export async function getStaffTicket(db: Db, user: StaffUser, number: string) {
  const [row] = await db

    .select({
      report: reports,
      category: categories.nameId,
      routeTo: categories.defaultAgencyCode,
      kelurahan: regions.name,
      // where a report without a pin is shown on the map
      kelurahanCenter: { lat: regions.centerLat, lng: regions.centerLng },
      holderName: holder.name,
      holderCode: holder.code,
      holderKind: holder.kind,
      holderParentId: holder.parentId,
    })
    .from(reports)
    .innerJoin(categories, eq(categories.code, reports.categoryCode))
    .leftJoin(regions, eq(regions.code, reports.kelurahanCode))
    .leftJoin(holder, eq(holder.id, reports.handlingAgencyId))
    .where(eq(reports.number, number));
  if (!row) return null;
  const given = await db
    .select({
      id: instructions.id,
      toAgencyId: instructions.toAgencyId,
      toName: instructedUnit.name,
      fromName: instructingUnit.name,
      body: instructions.body,
      dueAt: instructions.dueAt,
      createdAt: instructions.createdAt,
      closedAt: instructions.closedAt,
      outcome: instructions.outcome,
    })
    .from(instructions)
    .innerJoin(instructedUnit, eq(instructedUnit.id, instructions.toAgencyId))
    .leftJoin(instructingUnit, eq(instructingUnit.id, instructions.fromAgencyId))
    .where(eq(instructions.reportId, row.report.id))
    .orderBy(asc(instructions.id));
  const scope = { ...row.report, handlingAgencyParentId: row.holderParentId, instructedAgencyIds: [...new Set(given.map((i) => i.toAgencyId))] };
  if (!canView(user, scope)) return null;
  const [storedEvents, photos] = await Promise.all([
    db
      .select({
        id: reportEvents.id,
        data: reportEvents.data,
        type: reportEvents.type,
        toStatus: reportEvents.toStatus,
        isPublic: reportEvents.isPublic,
        body: reportEvents.body,
        createdAt: reportEvents.createdAt,
        userName: users.name,
        agencyName: actorAgency.name,
        actorLabel: reportEvents.actorLabel,
      })
      .from(reportEvents)
      .leftJoin(users, eq(users.id, reportEvents.actorUserId))
      .leftJoin(actorAgency, eq(actorAgency.id, reportEvents.actorAgencyId))
      .where(eq(reportEvents.reportId, row.report.id))
      .orderBy(asc(reportEvents.createdAt), asc(reportEvents.id)),
    db
      .select({
        id: attachments.id,
        kind: attachments.kind,
        eventId: attachments.eventId,
        createdAt: attachments.createdAt,
        // moderation: hidden from the public, publishable, and the unit whose event added it
        hiddenAt: attachments.hiddenAt,
        isPublishable: attachments.isPublishable,
        authorAgencyId: photoEvent.actorAgencyId,
        // still being processed (shown once the photo worker is done), or unreadable
        quarantinedAt: attachments.quarantinedAt,
        processError: attachments.processError,
      })
      .from(attachments)
      .leftJoin(photoEvent, eq(photoEvent.id, attachments.eventId))
      .where(eq(attachments.reportId, row.report.id))
      .orderBy(asc(attachments.id)),
  ]);
  const events = await withChecksForViewer(db, user, storedEvents);
  const seesReporter = SEES_REPORTER.includes(user.role);
  const {
    reporterName,
    reporterPhone,
    reporterEmail,
    trackingSecretHash: _secret,
    idempotencyKey: _token,
    ...report
  } = row.report;
  return {
    report,
    scope,
    reporter: seesReporter
      ? { name: reporterName, phone: reporterPhone, email: reporterEmail }
      : null,
    category: row.category,
    /** The category's handling agency: the one suggested when the kelurahan coordinates. */
    routeTo: row.routeTo,
    kelurahan: row.kelurahan,
    kelurahanCenter: row.kelurahanCenter?.lat == null ? null : row.kelurahanCenter,
    holder: { name: row.holderName, code: row.holderCode, kind: row.holderKind },
    events,
    photos,
    /** Every instruction given on the ticket, oldest first; `isMine` when addressed to the viewer's unit. */
    instructions: given.map(({ toAgencyId, ...i }) => ({ ...i, isMine: toAgencyId === user.agencyId })),
  };
}

/** A follow-up's photo checks as `user` may see them: other tickets named only when they may open them. */
export async function checksForViewer(db: Db, user: StaffUser, checks: ProofFlag[]): Promise<ShownProofFlag[]> {
  const openable = await openableNumbers(db, user, checks);
  return flagsForViewer(checks, (n) => openable.has(n));
}

/** Events whose photo checks name only tickets the user may open (one look-up for them all). */
async function withChecksForViewer<E extends { data: unknown }>(db: Db, user: StaffUser, events: E[]): Promise<E[]> {
  const openable = await openableNumbers(db, user, events.flatMap((e) => storedChecks(e.data)));
  return events.map((e) => {
    const checks = storedChecks(e.data);
    return checks.length ? { ...e, data: { ...(e.data as object), checks: flagsForViewer(checks, (n) => openable.has(n)) } } : e;
  });
}

/** The tickets named by the flags that `user` may open (canView on each ticket as it is now). */
async function openableNumbers(db: Db, user: StaffUser, flags: ProofFlag[]): Promise<Set<string>> {
  const numbers = [...new Set(flags.flatMap((f) => (f.matchNumber ? [f.matchNumber] : [])))];
  if (numbers.length === 0) return new Set();
  const others = await db
    .select({
      number: reports.number,
      kelurahanCode: reports.kelurahanCode,
      kecamatanCode: reports.kecamatanCode,
      kotaCode: reports.kotaCode,
      handlingAgencyId: reports.handlingAgencyId,
      handlingAgencyParentId: holder.parentId,
      isConfidential: reports.isConfidential,
      status: reports.status,
    })
    .from(reports)
    .leftJoin(holder, eq(holder.id, reports.handlingAgencyId))
    .where(inArray(reports.number, numbers));
  return new Set(others.filter((o) => canView(user, o)).map((o) => o.number));
}

/** A photo's storage key for an official allowed to see its ticket. */
export async function getStaffPhotoFile(db: Db, user: StaffUser, id: number) {
  const [row] = await db
    .select({
      storageKey: attachments.storageKey,
      thumbKey: attachments.thumbKey,
      mime: attachments.mime,
      number: reports.number,
    })
    .from(attachments)
    .innerJoin(reports, eq(reports.id, attachments.reportId))
    .where(eq(attachments.id, id));
  if (!row) return null;
  return (await getStaffTicket(db, user, row.number)) ? row : null;
}

/** A ticket's receipt facts, only for the official who recorded it at a desk. */
export async function findRecordedBy(db: Db, userId: number, number: string) {
  const [row] = await db
    .select({ number: reports.number, createdAt: reports.createdAt, kelurahanCode: reports.kelurahanCode, categoryCode: reports.categoryCode })
    .from(reports)
    .innerJoin(reportEvents, and(eq(reportEvents.reportId, reports.id), eq(reportEvents.type, 'dibuat'), eq(reportEvents.actorUserId, userId)))
    .where(eq(reports.number, number));
  return row ?? null;
}
