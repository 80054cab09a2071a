import { and, asc, desc, eq, isNull, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/connect';
import { agencies, attachments, categories, ratings, regions, reportEvents, reports, type EventType, type ReportStatus } from '@/db/schema';
import { isConfidentialNumber, normalizeTicketNumber } from '@/lib/reports/ticket-number';
import { trackingKeyMatches } from '@/lib/security/secret';
import { isTrackingKeyValid } from './tracking';

/**
 * What the public tracker (/lacak) does with what a person typed: open the ticket's public page,
 * or say that a confidential (JKR…) ticket is followed only through its private link. The answer
 * for a JKR number never depends on whether that ticket exists.
 */
export type TypedNumberAnswer =
  | { kind: 'empty' }
  | { kind: 'invalid' }
  | { kind: 'confidential' }
  | { kind: 'ticket'; number: string };

export function answerTypedNumber(typed: string): TypedNumberAnswer {
  if (typed.trim() === '') return { kind: 'empty' };
  const number = normalizeTicketNumber(typed);
  if (!number) return { kind: 'invalid' };
  return isConfidentialNumber(number) ? { kind: 'confidential' } : { kind: 'ticket', number };
}

/**
 * Whether the private tracking page opens for this number and key. Without a valid key, a
 * confidential number gets its own answer, the same for every JKR number whether or not it was
 * issued, so that the page tells the reporter where to look without confirming a ticket.
 */
export type TrackingAccess = 'granted' | 'confidential' | 'refused';

export async function trackingAccess(db: Db, number: string, key: string): Promise<TrackingAccess> {
  if (await isTrackingKeyValid(db, number, key)) return 'granted';
  return isConfidentialNumber(number) ? 'confidential' : 'refused';
}

/*
 * The reporter's own view behind the private link: the report as they wrote it (text, address,
 * their photos), its status and handling unit, and the public timeline with what they added
 * later (which stays private on a private report) and the officials' responses, for public,
 * private and confidential tickets alike. Read from the stored tables, never from the public
 * projection (which hides these on purpose), and only after the key matched. Officials appear as
 * their unit, never by name; internal notes and moderation details are left out.
 */

export type TrackedActor =
  | { kind: 'unit'; name: string }
  | { kind: 'official' }
  | { kind: 'reporter' }
  | { kind: 'resident' }
  | { kind: 'system' };

export interface TrackedPhoto {
  id: number;
  kind: 'sebelum' | 'sesudah' | 'informasi';
  width: number;
  height: number;
  createdAt: Date;
}

export interface TrackedEvent {
  id: number;
  type: EventType;
  actor: TrackedActor;
  body: string | null;
  /** The date an estimate set. */
  estimatedAt: Date | null;
  /** The score of a rating. */
  score: number | null;
  /** Photos added with this event (follow-up after-photos, the reporter's dispute photo). */
  photos: TrackedPhoto[];
  createdAt: Date;
}

export interface TrackedReport {
  number: string;
  status: ReportStatus;
  isPublic: boolean;
  isConfidential: boolean;
  categoryName: string;
  categoryNameEn: string;
  /** As the reporter wrote it (not the moderated public text). */
  description: string;
  address: string | null;
  kelurahanName: string | null;
  kecamatanName: string | null;
  kotaName: string | null;
  handlingAgencyName: string | null;
  createdAt: Date;
  estimatedCompletionAt: Date | null;
  finishedAt: Date | null;
  rejectReason: 'duplikat' | 'bukan_kewenangan' | 'tidak_valid' | null;
  /** The original of a duplicate, unless that one is confidential. */
  duplicateOf: string | null;
  /** The photos filed with the report. */
  photos: TrackedPhoto[];
  events: TrackedEvent[];
  rating: { score: number; comment: string | null } | null;
}

/** The report's id when the key opens it, else null: nothing else is read before this. */
async function trackedReportId(db: Db, number: string, key: string): Promise<number | null> {
  const [row] = await db.select({ id: reports.id, hash: reports.trackingSecretHash }).from(reports).where(eq(reports.number, number));
  return row && trackingKeyMatches(key, row.hash) ? row.id : null;
}

// the reporter sees every photo of their report but an official's photo that moderation hid
// a photo still in quarantine appears once the photo worker has processed it (seconds)
const shownToReporter = and(isNull(attachments.quarantinedAt), or(ne(attachments.kind, 'sesudah'), isNull(attachments.hiddenAt)));
// public events, and what the reporter wrote themselves (private on a private report); never internal notes
const shownEvent = or(eq(reportEvents.isPublic, true), and(isNull(reportEvents.actorUserId), eq(reportEvents.actorLabel, 'warga')));

function actorOf(e: { type: EventType; agencyName: string | null; actorUserId: number | null; actorLabel: string | null }): TrackedActor {
  if (e.agencyName) return { kind: 'unit', name: e.agencyName };
  if (e.actorUserId !== null) return { kind: 'official' };
  if (e.actorLabel === 'warga') return e.type === 'dukungan' ? { kind: 'resident' } : { kind: 'reporter' };
  return { kind: 'system' };
}

const kel = alias(regions, 'kel');
const kec = alias(regions, 'kec');
const kota = alias(regions, 'kota');
const original = alias(reports, 'original');

/** The reporter's view of their report, or null when the key does not open it. */
export async function getTrackedReport(db: Db, number: string, key: string): Promise<TrackedReport | null> {
  const id = await trackedReportId(db, number, key);
  if (id === null) return null;
  const [row] = await db
    .select({
      number: reports.number,
      status: reports.status,
      isPublic: reports.isPublic,
      isConfidential: reports.isConfidential,
      categoryName: categories.nameId,
      categoryNameEn: categories.nameEn,
      description: reports.description,
      address: reports.address,
      kelurahanName: kel.name,
      kecamatanName: kec.name,
      kotaName: kota.name,
      handlingAgencyName: agencies.name,
      createdAt: reports.createdAt,
      estimatedCompletionAt: reports.estimatedCompletionAt,
      finishedAt: reports.finishedAt,
      rejectReason: reports.rejectReason,
      originalNumber: original.number,
      originalIsConfidential: original.isConfidential,
    })
    .from(reports)
    .innerJoin(categories, eq(categories.code, reports.categoryCode))
    .leftJoin(kel, eq(kel.code, reports.kelurahanCode))
    .leftJoin(kec, eq(kec.code, reports.kecamatanCode))
    .leftJoin(kota, eq(kota.code, reports.kotaCode))
    .leftJoin(agencies, eq(agencies.id, reports.handlingAgencyId))
    .leftJoin(original, eq(original.id, reports.duplicateOfId))
    .where(eq(reports.id, id));
  const [events, photos, [rating]] = await Promise.all([
    db
      .select({
        id: reportEvents.id,
        type: reportEvents.type,
        agencyName: agencies.name,
        actorUserId: reportEvents.actorUserId,
        actorLabel: reportEvents.actorLabel,
        body: reportEvents.body,
        data: reportEvents.data,
        createdAt: reportEvents.createdAt,
      })
      .from(reportEvents)
      .leftJoin(agencies, eq(agencies.id, reportEvents.actorAgencyId))
      .where(and(eq(reportEvents.reportId, id), shownEvent))
      .orderBy(asc(reportEvents.createdAt), asc(reportEvents.id)),
    db
      .select({ id: attachments.id, eventId: attachments.eventId, kind: attachments.kind, width: attachments.width, height: attachments.height, createdAt: attachments.createdAt })
      .from(attachments)
      .where(and(eq(attachments.reportId, id), shownToReporter))
      .orderBy(asc(attachments.createdAt), asc(attachments.id)),
    db.select({ score: ratings.score, comment: ratings.comment }).from(ratings).where(eq(ratings.reportId, id)).orderBy(desc(ratings.createdAt)).limit(1),
  ]);
  const photo = ({ id, kind, width, height, createdAt }: (typeof photos)[number]): TrackedPhoto => ({ id, kind, width, height, createdAt });
  const { originalNumber, originalIsConfidential, ...report } = row;
  return {
    ...report,
    duplicateOf: originalNumber && !originalIsConfidential ? originalNumber : null,
    photos: photos.filter((p) => p.kind === 'sebelum').map(photo),
    events: events.map((e) => {
      const data = (e.data ?? {}) as { estimatedAt?: string; score?: number };
      return {
        id: e.id,
        type: e.type,
        actor: actorOf(e),
        // a moderation event's place shows; what was changed is for staff
        body: e.type === 'moderasi' ? null : e.body,
        estimatedAt: e.type === 'estimasi' && data.estimatedAt ? new Date(data.estimatedAt) : null,
        score: e.type === 'penilaian' && typeof data.score === 'number' ? data.score : null,
        photos: photos.filter((p) => p.kind !== 'sebelum' && p.eventId === e.id).map(photo),
        createdAt: e.createdAt,
      };
    }),
    rating: rating ?? null,
  };
}

/** One photo of the report behind the private link (for its reporter), or null. */
export async function getTrackedPhotoFile(db: Db, number: string, key: string, photoId: number) {
  const id = await trackedReportId(db, number, key);
  if (id === null) return null;
  const [row] = await db
    .select({ storageKey: attachments.storageKey, thumbKey: attachments.thumbKey, mime: attachments.mime })
    .from(attachments)
    .where(and(eq(attachments.id, photoId), eq(attachments.reportId, id), shownToReporter));
  return row ?? null;
}
