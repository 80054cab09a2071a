import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../connect';
import { agencies, categories, regions, type ReportStatus } from '../../schema';
import type { ReportFilters, SortOrder } from '@/lib/reports/filters';
import { countCapFor } from '@/lib/reports/paging';
import { publicFilterConditions } from './filters';
import { publicText } from './text';
import { publicReports } from './views';

/**
 * The public face of a report, as the public projection (db/queries/public/views.ts) shapes it:
 * never reporter identity or contact, never a confidential ticket; a private report without
 * text and at its snapped position.
 */
export interface PublicReport {
  number: string;
  status: ReportStatus;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string;
  channelCode: string;
  isPublic: boolean;
  /** Null for private reports and for text hidden by moderation. */
  description: string | null;
  /** Staff moderated the public text (edited or hid it). */
  isModerated: boolean;
  lat: number | null;
  lng: number | null;
  /** The point stands in for the kelurahan (the report came without a pin). */
  locationApproximate: boolean;
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
const p = publicReports;

const publicColumns = {
  id: p.id,
  number: p.number,
  status: p.status,
  categoryCode: p.categoryCode,
  categoryName: categories.nameId,
  categoryNameEn: categories.nameEn,
  channelCode: p.channelCode,
  isPublic: p.isPublic,
  description: p.description,
  isModerated: p.isModerated,
  lat: p.lat,
  lng: p.lng,
  locationApproximate: p.locationApproximate,
  kelurahanCode: p.kelurahanCode,
  kelurahanName: kel.name,
  kecamatanName: kec.name,
  kotaName: kota.name,
  handlingAgencyName: agencies.name,
  supportCount: p.supportCount,
  createdAt: p.createdAt,
  firstResponseDueAt: p.firstResponseDueAt,
  dueAt: p.dueAt,
  firstResponseAt: p.firstResponseAt,
  finishedAt: p.finishedAt,
  estimatedCompletionAt: p.estimatedCompletionAt,
  lastActivityAt: p.lastActivityAt,
};

type PublicRow = PublicReport & { id: number };

function toPublic({ id: _id, ...row }: PublicRow): PublicReport {
  return { ...row, description: publicText(row.description) };
}

function publicBase(db: Db) {
  return db
    .select(publicColumns)
    .from(p)
    .innerJoin(categories, eq(categories.code, p.categoryCode))
    .leftJoin(kel, eq(kel.code, p.kelurahanCode))
    .leftJoin(kec, eq(kec.code, p.kecamatanCode))
    .leftJoin(kota, eq(kota.code, p.kotaCode))
    .leftJoin(agencies, eq(agencies.id, p.handlingAgencyId));
}

export async function findLatestPublicReports(db: Db, limit = 20): Promise<PublicReport[]> {
  const rows = await publicBase(db).orderBy(desc(p.createdAt)).limit(limit);
  return rows.map(toPublic);
}

const ORDER = {
  terbaru: [desc(p.createdAt), desc(p.id)],
  terlama: [asc(p.createdAt), asc(p.id)],
  status: [asc(p.status), desc(p.createdAt)],
  kategori: [asc(categories.nameId), desc(p.createdAt)],
} satisfies Record<SortOrder, unknown[]>;

/**
 * Counting stops this many rows past the page's first row: an exact count of hundreds of
 * thousands of rows costs a second at city scale.
 */
export const COUNT_CAP = 10_000;

export interface PublicReportPage {
  reports: PublicReport[];
  /** Matching reports, counted up to COUNT_CAP past the page's first row. */
  total: number;
  /** True when more than `total` reports match. */
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
}

/**
 * One page of the public list for the given filters and order. A caller that knows the exact
 * number of matches (a region page, from its tallies) passes it as `total` and saves the count.
 */
export async function findPublicReports(
  db: Db,
  filters: ReportFilters,
  options: { page: number; pageSize: number; sort: SortOrder; countCap?: number; total?: number },
): Promise<PublicReportPage> {
  const cap = options.total ?? countCapFor(options.page, options.pageSize, options.countCap ?? COUNT_CAP);
  const where = publicFilterConditions(filters);
  const [rows, [{ total }]] = await Promise.all([
    publicBase(db)
      .where(where)
      .orderBy(...ORDER[options.sort])
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    options.total !== undefined
      ? [{ total: options.total }]
      : db
          .select({ total: sql<number>`count(*)::int` })
          .from(db.select({ one: sql`1` }).from(p).where(where).limit(cap + 1).as('capped')),
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
      .where(and(where, gt(p.id, after)))
      .orderBy(asc(p.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    after = rows[rows.length - 1].id;
    yield rows.map(toPublic);
    if (rows.length < batchSize) return;
  }
}

export async function getPublicReport(db: Db, number: string): Promise<PublicReport | null> {
  const [row] = await publicBase(db).where(eq(p.number, number)).limit(1);
  return row ? toPublic(row) : null;
}

/** Metres between two points on the public positions, as SQL (equirectangular: fine at city scale). */
export function publicDistanceM(lat: number, lng: number) {
  return sql<number>`111320 * sqrt(power(${p.lat} - ${lat}, 2) + power((${p.lng} - ${lng}) * cos(radians(${lat})), 2))`;
}

/** The newest public reports within `radiusM` of a point (for feeds of "near me"), on public positions. */
export async function findPublicReportsNear(db: Db, lat: number, lng: number, radiusM: number, limit: number): Promise<PublicReport[]> {
  const dLat = radiusM / 111_320;
  const dLng = dLat / Math.cos((lat * Math.PI) / 180);
  const rows = await publicBase(db)
    .where(
      and(
        sql`${p.lat} between ${lat - dLat} and ${lat + dLat} and ${p.lng} between ${lng - dLng} and ${lng + dLng}`,
        sql`${publicDistanceM(lat, lng)} <= ${radiusM}`,
      ),
    )
    .orderBy(desc(p.createdAt))
    .limit(limit);
  return rows.map(toPublic);
}
