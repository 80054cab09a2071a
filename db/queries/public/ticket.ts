import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../connect';
import { agencies, type ReportStatus } from '../../schema';
import { publicText } from './text';
import { publicAttachments, publicRatings, publicReportEvents, publicReports } from './views';

const e = publicReportEvents;

export interface PublicEvent {
  type: string;
  toStatus: ReportStatus | null;
  actor: string | null;
  body: string | null;
  createdAt: Date;
}

/** Who acted, as the public may read it: the unit, "Pelapor" for the reporter, or "sistem". */
export function publicActor(agencyName: string | null, actorLabel: string | null): string | null {
  return agencyName ?? (actorLabel === 'warga' ? 'Pelapor' : actorLabel);
}

/** The public timeline: every event except internal notes and moderation, oldest first. */
export async function getPublicTimeline(db: Db, number: string): Promise<PublicEvent[]> {
  const rows = await db
    .select({
      type: e.type,
      toStatus: e.toStatus,
      agencyName: agencies.name,
      actorLabel: e.actorLabel,
      body: e.body,
      createdAt: e.createdAt,
    })
    .from(e)
    .innerJoin(publicReports, eq(publicReports.id, e.reportId))
    .leftJoin(agencies, eq(agencies.id, e.actorAgencyId))
    .where(and(eq(publicReports.number, number), eq(e.isPublic, true)))
    .orderBy(asc(e.createdAt), asc(e.id));
  return rows.map((r) => ({
    type: r.type,
    toStatus: r.toStatus,
    actor: publicActor(r.agencyName, r.actorLabel),
    body: publicText(r.body),
    createdAt: r.createdAt,
  }));
}

export async function getPublicRating(db: Db, number: string) {
  const [row] = await db
    .select({ score: publicRatings.score, comment: publicRatings.comment, createdAt: publicRatings.createdAt })
    .from(publicRatings)
    .innerJoin(publicReports, eq(publicReports.id, publicRatings.reportId))
    .where(eq(publicReports.number, number))
    .orderBy(desc(publicRatings.createdAt))
    .limit(1);
  return row ? { ...row, comment: publicText(row.comment) } : null;
}

export interface PublicPhoto {
  id: number;
  kind: 'sebelum' | 'sesudah' | 'informasi';
  width: number;
  height: number;
  createdAt: Date;
  /** An after-photo of a follow-up the validator rejected ("TL ditolak"): not proof of finished work. */
  isFromRejectedFollowUp: boolean;
}

const photoEvent = alias(publicReportEvents, 'photo_event');

/**
 * Photos the public may see (the projection decides: see public_attachments), each with whether
 * it belongs to a rejected follow-up: the first validation after its follow-up event rejected it.
 */
export async function getPublicPhotos(db: Db, number: string): Promise<PublicPhoto[]> {
  const a = publicAttachments;
  // the follow-up's verdict: the first validation event after it, read through the same view
  const firstVerdict = sql`(select v.type from ${publicReportEvents} v
    where v.report_id = ${a.reportId} and v.id > ${photoEvent.id} and v.type in ('validasi_diterima', 'validasi_ditolak')
    order by v.id limit 1)`;
  return db
    .select({
      id: a.id,
      kind: a.kind,
      width: a.width,
      height: a.height,
      createdAt: a.createdAt,
      isFromRejectedFollowUp: sql<boolean>`coalesce(${photoEvent.type} = 'tindak_lanjut' and ${firstVerdict} = 'validasi_ditolak', false)`,
    })
    .from(a)
    .innerJoin(publicReports, eq(publicReports.id, a.reportId))
    .leftJoin(photoEvent, eq(photoEvent.id, a.eventId))
    .where(eq(publicReports.number, number))
    .orderBy(asc(a.createdAt), asc(a.id));
}

/** One publicly visible photo's storage keys, or null when the public may not see it. */
export async function getPublicPhotoFile(db: Db, id: number) {
  const a = publicAttachments;
  const [row] = await db
    .select({ storageKey: a.storageKey, thumbKey: a.thumbKey, mime: a.mime })
    .from(a)
    .where(eq(a.id, id))
    .limit(1);
  return row ?? null;
}

/** The units a ticket passed through: its kelurahan office, then every unit it was sent on to. */
export async function getHandlingChain(db: Db, number: string): Promise<string[]> {
  const rows = await db
    .select({ type: e.type, to: e.handedTo, kelurahan: publicReports.kelurahanCode })
    .from(e)
    .innerJoin(publicReports, eq(publicReports.id, e.reportId))
    .where(and(eq(publicReports.number, number), inArray(e.type, ['dibuat', 'koordinasi', 'disposisi', 'dialihkan'])))
    .orderBy(asc(e.createdAt), asc(e.id));
  if (rows.length === 0) return [];
  const codes = [
    ...(rows[0].kelurahan ? [`kel-${rows[0].kelurahan}`] : []),
    ...rows.filter((r) => r.type !== 'dibuat' && r.to).map((r) => r.to!),
  ];
  if (codes.length === 0) return [];
  const names = await db.select({ code: agencies.code, name: agencies.name }).from(agencies).where(inArray(agencies.code, codes));
  const byCode = new Map(names.map((n) => [n.code, n.name]));
  return codes.map((c) => byCode.get(c) ?? c).filter((name, i, all) => i === 0 || all[i - 1] !== name);
}
