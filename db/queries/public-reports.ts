import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../connect';
import { agencies, attachments, categories, ratings, regions, reportEvents, reports, type ReportStatus } from '../schema';
import { approximate, maskContacts } from '@/lib/reports/mask';
import type { ReportFilters, SortOrder } from '@/lib/reports/filters';
import { publicFilterConditions } from './report-filters';

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
  id: reports.id,
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

type PublicRow = PublicReport & { id: number };

/** Drops the internal id, hides a private report's text and blurs its position. */
function toPublic({ id: _id, ...row }: PublicRow): PublicReport {
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

const ORDER = {
  terbaru: [desc(reports.createdAt), desc(reports.id)],
  terlama: [asc(reports.createdAt), asc(reports.id)],
  status: [asc(reports.status), desc(reports.createdAt)],
  kategori: [asc(categories.nameId), desc(reports.createdAt)],
} satisfies Record<SortOrder, unknown[]>;

/** Counting stops here: an exact count of hundreds of thousands of rows costs a second at city scale. */
export const COUNT_CAP = 10_000;

export interface PublicReportPage {
  reports: PublicReport[];
  /** Matching reports, at most COUNT_CAP. */
  total: number;
  /** True when more than `total` reports match. */
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
}

/** One page of the public list for the given filters and order. */
export async function findPublicReports(
  db: Db,
  filters: ReportFilters,
  options: { page: number; pageSize: number; sort: SortOrder; countCap?: number },
): Promise<PublicReportPage> {
  const cap = options.countCap ?? COUNT_CAP;
  const where = publicFilterConditions(filters);
  const [rows, [{ total }]] = await Promise.all([
    publicBase(db)
      .where(where)
      .orderBy(...ORDER[options.sort])
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(db.select({ one: sql`1` }).from(reports).where(where).limit(cap + 1).as('capped')),
  ]);
  return {
    reports: rows.map(toPublic),
    total: Math.min(total, cap),
    totalIsLowerBound: total > cap,
    page: options.page,
    pageSize: options.pageSize,
  };
}

/** Every public report matching the filters, in id order, a batch at a time (for exports). */
export async function* iteratePublicReports(db: Db, filters: ReportFilters, batchSize = 2000) {
  const where = publicFilterConditions(filters);
  let after = 0;
  for (;;) {
    const rows = await publicBase(db)
      .where(and(where, gt(reports.id, after)))
      .orderBy(asc(reports.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    after = rows[rows.length - 1].id;
    yield rows.map(toPublic);
    if (rows.length < batchSize) return;
  }
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

export interface PublicPhoto {
  id: number;
  kind: 'sebelum' | 'sesudah' | 'informasi';
  width: number;
  height: number;
  createdAt: Date;
}

/**
 * Photos the public may see: officials' after-photos always; the reporter's own photos only
 * when the report is public. Never any photo of a confidential ticket.
 */
export async function getPublicPhotos(db: Db, number: string): Promise<PublicPhoto[]> {
  return db
    .select({
      id: attachments.id,
      kind: attachments.kind,
      width: attachments.width,
      height: attachments.height,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .innerJoin(reports, eq(reports.id, attachments.reportId))
    .where(and(eq(reports.number, number), notConfidential, publicPhotoCondition))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

const publicPhotoCondition = sql`(${attachments.kind} = 'sesudah' or ${reports.isPublic})`;

/** One publicly visible photo's storage keys, or null when the public may not see it. */
export async function getPublicPhotoFile(db: Db, id: number) {
  const [row] = await db
    .select({ storageKey: attachments.storageKey, thumbKey: attachments.thumbKey, mime: attachments.mime })
    .from(attachments)
    .innerJoin(reports, eq(reports.id, attachments.reportId))
    .where(and(eq(attachments.id, id), notConfidential, publicPhotoCondition))
    .limit(1);
  return row ?? null;
}

/** The units a ticket passed through: its kelurahan office, then every unit it was sent on to. */
export async function getHandlingChain(db: Db, number: string): Promise<string[]> {
  const rows = await db
    .select({ type: reportEvents.type, to: sql<string | null>`${reportEvents.data}->>'to'`, kelurahan: reports.kelurahanCode })
    .from(reportEvents)
    .innerJoin(reports, eq(reports.id, reportEvents.reportId))
    .where(
      and(
        eq(reports.number, number),
        notConfidential,
        sql`${reportEvents.type} in ('dibuat', 'koordinasi', 'disposisi', 'dialihkan')`,
      ),
    )
    .orderBy(asc(reportEvents.createdAt), asc(reportEvents.id));
  if (rows.length === 0) return [];
  const codes = [
    ...(rows[0].kelurahan ? [`kel-${rows[0].kelurahan}`] : []),
    ...rows.filter((r) => r.type !== 'dibuat' && r.to).map((r) => r.to!),
  ];
  if (codes.length === 0) return [];
  const names = await db
    .select({ code: agencies.code, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.code, codes));
  const byCode = new Map(names.map((n) => [n.code, n.name]));
  return codes.map((c) => byCode.get(c) ?? c).filter((name, i, all) => i === 0 || all[i - 1] !== name);
}

/** The newest public reports within `radiusM` of a point (for feeds of "near me"). */
export async function findPublicReportsNear(db: Db, lat: number, lng: number, radiusM: number, limit: number): Promise<PublicReport[]> {
  const dLat = radiusM / 111_320;
  const dLng = dLat / Math.cos((lat * Math.PI) / 180);
  const rows = await publicBase(db)
    .where(
      and(
        notConfidential,
        sql`${reports.lat} between ${lat - dLat} and ${lat + dLat} and ${reports.lng} between ${lng - dLng} and ${lng + dLng}`,
        sql`111320 * sqrt(power(${reports.lat} - ${lat}, 2) + power((${reports.lng} - ${lng}) * cos(radians(${lat})), 2)) <= ${radiusM}`,
      ),
    )
    .orderBy(desc(reports.createdAt))
    .limit(limit);
  return rows.map(toPublic);
}
