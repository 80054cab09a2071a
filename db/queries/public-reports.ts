import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../connect';
import { agencies, categories, ratings, regions, reportEvents, reports, type ReportStatus } from '../schema';
import { approximate, maskContacts } from '@/lib/reports/mask';

/**
 * The public face of a report. The only way public pages and APIs read reports: it never
 * carries reporter identity or contact, and confidential tickets never reach it.
 */
export interface PublicReport {
  number: string;
  status: ReportStatus;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string;
  channelCode: string;
  isPublic: boolean;
  /** Null for private reports: they show category and approximate location only. */
  description: string | null;
  lat: number | null;
  lng: number | null;
  kelurahanCode: string | null;
  kelurahanName: string | null;
  kecamatanName: string | null;
  kotaName: string | null;
  handlingAgencyName: string | null;
  supportCount: number;
  createdAt: Date;
  firstResponseDueAt: Date | null;
  dueAt: Date | null;
  firstResponseAt: Date | null;
  finishedAt: Date | null;
  estimatedCompletionAt: Date | null;
  lastActivityAt: Date;
}

const kel = alias(regions, 'kel');
const kec = alias(regions, 'kec');
const kota = alias(regions, 'kota');

const publicColumns = {
  number: reports.number,
  status: reports.status,
  categoryCode: reports.categoryCode,
  categoryName: categories.nameId,
  categoryNameEn: categories.nameEn,
  channelCode: reports.channelCode,
  isPublic: reports.isPublic,
  description: reports.description,
  lat: reports.lat,
  lng: reports.lng,
  kelurahanCode: reports.kelurahanCode,
  kelurahanName: kel.name,
  kecamatanName: kec.name,
  kotaName: kota.name,
  handlingAgencyName: agencies.name,
  supportCount: reports.supportCount,
  createdAt: reports.createdAt,
  firstResponseDueAt: reports.firstResponseDueAt,
  dueAt: reports.dueAt,
  firstResponseAt: reports.firstResponseAt,
  finishedAt: reports.finishedAt,
  estimatedCompletionAt: reports.estimatedCompletionAt,
  lastActivityAt: reports.lastActivityAt,
};

type PublicRow = { [K in keyof typeof publicColumns]: PublicReport[K] };

function toPublic(row: PublicRow): PublicReport {
  const isPrivate = !row.isPublic;
  return {
    ...row,
    description: isPrivate ? null : maskContacts(row.description ?? ''),
    lat: row.lat === null ? null : isPrivate ? approximate(row.lat) : row.lat,
    lng: row.lng === null ? null : isPrivate ? approximate(row.lng) : row.lng,
  };
}

function publicBase(db: Db) {
  return db
    .select(publicColumns)
    .from(reports)
    .innerJoin(categories, eq(categories.code, reports.categoryCode))
    .leftJoin(kel, eq(kel.code, reports.kelurahanCode))
    .leftJoin(kec, eq(kec.code, reports.kecamatanCode))
    .leftJoin(kota, eq(kota.code, reports.kotaCode))
    .leftJoin(agencies, eq(agencies.id, reports.handlingAgencyId));
}

const notConfidential = eq(reports.isConfidential, false);

export async function findLatestPublicReports(db: Db, limit = 20): Promise<PublicReport[]> {
  const rows = await publicBase(db).where(notConfidential).orderBy(desc(reports.createdAt)).limit(limit);
  return rows.map(toPublic);
}

export async function getPublicReport(db: Db, number: string): Promise<PublicReport | null> {
  const [row] = await publicBase(db).where(and(notConfidential, eq(reports.number, number))).limit(1);
  return row ? toPublic(row) : null;
}

export interface PublicEvent {
  type: string;
  toStatus: ReportStatus | null;
  actor: string | null;
  body: string | null;
  createdAt: Date;
}

/** The public timeline: every event except internal notes, oldest first. */
export async function getPublicTimeline(db: Db, number: string): Promise<PublicEvent[]> {
  const rows = await db
    .select({
      type: reportEvents.type,
      toStatus: reportEvents.toStatus,
      agencyName: agencies.name,
      actorLabel: reportEvents.actorLabel,
      body: reportEvents.body,
      createdAt: reportEvents.createdAt,
    })
    .from(reportEvents)
    .innerJoin(reports, eq(reports.id, reportEvents.reportId))
    .leftJoin(agencies, eq(agencies.id, reportEvents.actorAgencyId))
    .where(and(eq(reports.number, number), notConfidential, eq(reportEvents.isPublic, true)))
    .orderBy(asc(reportEvents.createdAt), asc(reportEvents.id));
  return rows.map((r) => ({
    type: r.type,
    toStatus: r.toStatus,
    actor: r.agencyName ?? (r.actorLabel === 'warga' ? 'Pelapor' : r.actorLabel),
    body: r.body === null ? null : maskContacts(r.body),
    createdAt: r.createdAt,
  }));
}

export async function getPublicRating(db: Db, number: string) {
  const [row] = await db
    .select({ score: ratings.score, comment: ratings.comment, createdAt: ratings.createdAt })
    .from(ratings)
    .innerJoin(reports, eq(reports.id, ratings.reportId))
    .where(and(eq(reports.number, number), notConfidential))
    .orderBy(desc(ratings.createdAt))
    .limit(1);
  return row ? { ...row, comment: row.comment === null ? null : maskContacts(row.comment) } : null;
}

/** Counts that include confidential tickets anonymously (never their details). */
export async function countReportsByStatus(db: Db): Promise<Record<ReportStatus, number>> {
  const rows = await db
    .select({ status: reports.status, n: sql<number>`count(*)::int` })
    .from(reports)
    .groupBy(reports.status);
  const out = { menunggu: 0, koordinasi: 0, disposisi: 0, proses: 0, menunggu_validasi: 0, selesai: 0, ditolak: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}
