import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../connect';
import { inTriage } from '@/lib/staff/triage';
import { agencies, categories, regions, reports, type ReportStatus } from '../schema';
import type { StaffUser } from '@/lib/auth/permissions';
import { OPEN_STATUSES, STATUSES } from '@/lib/reports/lifecycle';
import { countCapFor } from '@/lib/reports/paging';

/** The SQL twin of canView: the tickets inside an official's jurisdiction, and those their unit was instructed on. */
export function jurisdictionCondition(user: StaffUser): SQL {
  const own = ownJurisdiction(user);
  if (user.agencyId === null || !['lurah', 'camat', 'walikota', 'agency'].includes(user.role)) return own;
  // an array of ids, so the primary key serves it next to the region or agency index
  const instructed = sql`${reports.id} = any(array(select report_id from instructions where to_agency_id = ${user.agencyId}))`;
  return and(eq(reports.isConfidential, false), or(own, instructed))!;
}

function ownJurisdiction(user: StaffUser): SQL {
  if (user.role === 'inspektorat') return eq(reports.isConfidential, true);
  const visible = eq(reports.isConfidential, false);
  switch (user.role) {
    case 'admin':
    case 'operator':
    case 'validator':
      return visible;
    case 'lurah':
      return and(visible, eq(reports.kelurahanCode, user.regionCode ?? '-'))!;
    case 'camat':
      return and(visible, eq(reports.kecamatanCode, user.regionCode ?? '-'))!;
    case 'walikota':
      return and(visible, eq(reports.kotaCode, user.regionCode ?? '-'))!;
    case 'agency': {
      const agency = user.agencyId ?? -1;
      // one array of the unit and its sub-units, so the (handling agency, status) index serves it
      const held = sql`${reports.handlingAgencyId} = any(array(select id from agencies where id = ${agency} or parent_id = ${agency}))`;
      return and(visible, held, user.regionCode ? eq(reports.kotaCode, user.regionCode) : undefined)!;
    }
    default:
      return user.role satisfies never;
  }
}

export interface QueueOptions {
  status: ReportStatus | null;
  categoryCode: string | null;
  /** A kecamatan or kelurahan code: narrows the queue inside the jurisdiction, never widens it. */
  regionCode?: string | null;
  search: string | null;
  /** Only tickets waiting for triage (no place or no category yet). */
  triage?: boolean;
  page: number;
  pageSize: number;
  now: Date;
}

/**
 * The queue of an official: open tickets first (overdue ones first, then by deadline), then the
 * closed ones, newest first.
 */
export async function findQueue(db: Db, user: StaffUser, options: QueueOptions) {
  const scope = jurisdictionCondition(user);
  const search = options.search?.trim();
  const matching = and(
    scope,
    options.categoryCode ? eq(reports.categoryCode, options.categoryCode) : undefined,
    options.regionCode ? regionCondition(options.regionCode) : undefined,
    options.triage ? inTriage : undefined,
    search ? or(ilike(reports.number, `%${search.replace(/\s+/g, '')}%`), ilike(reports.description, `%${search}%`)) : undefined,
  );
  const overdue = sql`(${reports.status} not in ('selesai', 'ditolak') and ${reports.dueAt} < ${options.now.toISOString()}::timestamptz)`;
  // validators see follow-ups whose photos were flagged first
  const flaggedFirst = user.role === 'validator' ? [desc(sql`${reports.proofFlags} + ${reports.disputeCount}`)] : [];
  const page = (where: SQL | undefined, isOpen: boolean, limit: number, offset: number) =>
    db
      .select({
        number: reports.number,
        status: reports.status,
        category: categories.nameId,
        kelurahan: regions.name,
        holder: agencies.name,
        createdAt: reports.createdAt,
        dueAt: reports.dueAt,
        finishedAt: reports.finishedAt,
        estimatedCompletionAt: reports.estimatedCompletionAt,
        escalationLevel: reports.escalationLevel,
        proofFlags: reports.proofFlags,
        isOverdue: sql<boolean>`${overdue}`,
        reopenCount: reports.reopenCount,
        rejectedFollowUpCount: reports.rejectedFollowUpCount,
        // the nearest deadline of the ticket's open instructions, and whether one is for the viewer's unit
        instructionDueAt: sql<Date | null>`(select min(i.due_at) from instructions i where i.report_id = ${reports.id} and i.closed_at is null)`.mapWith(reports.dueAt),
        isInstructedToMe: sql<boolean>`exists (select 1 from instructions i where i.report_id = ${reports.id} and i.closed_at is null and i.to_agency_id = ${user.agencyId ?? -1})`,
      })
      .from(reports)
      .innerJoin(categories, eq(categories.code, reports.categoryCode))
      .leftJoin(regions, eq(regions.code, reports.kelurahanCode))
      .leftJoin(agencies, eq(agencies.id, reports.handlingAgencyId))
      .where(where)
      // open tickets by urgency (overdue first, then the nearest deadline); closed ones newest first
      .orderBy(...flaggedFirst, ...(isOpen ? [desc(overdue), asc(reports.dueAt), desc(reports.createdAt)] : [desc(reports.createdAt)]))
      .limit(limit)
      .offset(offset);

  // Open tickets are a few per cent of a jurisdiction and are counted exactly; closed ones run to
  // hundreds of thousands over the years at kota level and are counted up to CLOSED_COUNT_CAP past
  // the page's first row (so that a page deep in the closed ones still knows what follows).
  const offset = (options.page - 1) * options.pageSize;
  const closedCap = countCapFor(options.page, options.pageSize, CLOSED_COUNT_CAP);
  const [openCounts, ...closedCounts] = await Promise.all([
    db
      .select({ status: reports.status, n: sql<number>`count(*)::int` })
      .from(reports)
      .where(and(matching, inArray(reports.status, OPEN_STATUSES)))
      .groupBy(reports.status),
    ...CLOSED_STATUSES.map((status) =>
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(db.select({ one: sql`1` }).from(reports).where(and(matching, eq(reports.status, status))).limit(closedCap + 1).as('capped'))
        .then(([row]) => ({ status, n: row.n })),
    ),
  ]);
  const counts: Partial<Record<ReportStatus, number>> = {};
  const cappedStatuses: ReportStatus[] = [];
  for (const c of [...openCounts, ...closedCounts]) {
    if (c.n === 0) continue;
    counts[c.status] = Math.min(c.n, closedCap);
    if (c.n > closedCap) cappedStatuses.push(c.status);
  }
  // the listing's own total: one status, or all of them
  const listed: readonly ReportStatus[] = options.status ? [options.status] : STATUSES;
  const total = listed.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  const totalIsLowerBound = listed.some((s) => cappedStatuses.includes(s));

  if (options.status) {
    const isOpen = (OPEN_STATUSES as readonly ReportStatus[]).includes(options.status);
    const rows = await page(and(matching, eq(reports.status, options.status)), isOpen, options.pageSize, offset);
    return { rows, counts, cappedStatuses, total, totalIsLowerBound };
  }
  // every status: the open tickets first, then the closed ones
  const openTotal = openCounts.reduce((sum, c) => sum + c.n, 0);
  const rows = offset < openTotal ? await page(and(matching, inArray(reports.status, OPEN_STATUSES)), true, options.pageSize, offset) : [];
  if (rows.length < options.pageSize) {
    rows.push(...(await page(and(matching, inArray(reports.status, CLOSED_STATUSES)), false, options.pageSize - rows.length, Math.max(0, offset - openTotal))));
  }
  return { rows, counts, cappedStatuses, total, totalIsLowerBound };
}

const CLOSED_STATUSES: ReportStatus[] = ['selesai', 'ditolak'];
/** Closed tickets beyond this many (past the page's first row) are shown as "1.000+": the queue is for the open ones. */
const CLOSED_COUNT_CAP = 1000;

/** How many tickets in the official's jurisdiction wait for triage. */
export async function countTriage(db: Db, user: StaffUser): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(reports).where(and(jurisdictionCondition(user), inTriage));
  return row.n;
}

const regionCondition = (code: string) =>
  code.split('.').length === 4 ? eq(reports.kelurahanCode, code) : code.split('.').length === 3 ? eq(reports.kecamatanCode, code) : eq(reports.kotaCode, code);

/** The level below an official's jurisdiction, whose backlog they oversee. */
const UNIT_BELOW = { camat: reports.kelurahanCode, walikota: reports.kecamatanCode } as const;

export interface UnitBacklog {
  code: string;
  name: string;
  open: number;
  overdue: number;
  escalated: number;
}

/**
 * For a camat (their kelurahan) or a walikota (their kecamatan): each unit's open tickets, how
 * many are past their deadline and how many have been escalated, most overdue first. Only open
 * tickets are read, through the region/status indexes.
 */
export async function findUnitBacklog(db: Db, user: StaffUser, now: Date): Promise<UnitBacklog[]> {
  if (user.role !== 'camat' && user.role !== 'walikota') return [];
  const unit = UNIT_BELOW[user.role];
  const open = inArray(reports.status, OPEN_STATUSES);
  const late = sql`coalesce(${reports.estimatedCompletionAt}, ${reports.dueAt}) < ${now.toISOString()}::timestamptz`;
  const rows = await db
    .select({
      code: regions.code,
      name: regions.name,
      open: sql<number>`count(${reports.id})::int`,
      overdue: sql<number>`(count(${reports.id}) filter (where ${late}))::int`,
      escalated: sql<number>`(count(${reports.id}) filter (where ${reports.escalationLevel} > 0))::int`,
    })
    .from(regions)
    .leftJoin(reports, and(eq(unit, regions.code), open, jurisdictionCondition(user)))
    .where(eq(regions.parentCode, user.regionCode ?? '-'))
    .groupBy(regions.code, regions.name)
    .orderBy(sql`4 desc`, sql`3 desc`, asc(regions.name));
  return rows;
}

/** The statuses a crew goes out for: not yet handled, or being handled (not waiting for the validator). */
const FIELD_STATUSES: ReportStatus[] = ['menunggu', 'koordinasi', 'disposisi', 'proses'];

export interface FieldTicket {
  number: string;
  status: ReportStatus;
  category: string;
  categoryEn: string;
  kelurahan: string | null;
  address: string | null;
  description: string;
  lat: number;
  lng: number;
  /** The ticket has no pin: it stands at its kelurahan's centre (its address says where). */
  isApproximate: boolean;
  dueAt: Date | null;
  isOverdue: boolean;
  version: number;
  /** Metres from the official, when their position is known. */
  distanceM: number | null;
}

/**
 * The field view of an official's queue: open tickets in their jurisdiction that a crew can go
 * out for, nearest first when the official's position is known (else overdue first, then by
 * deadline). Same jurisdiction as the queue (jurisdictionCondition); exact positions, as staff see
 * them, and a ticket without a pin at its kelurahan's centre. Tickets with neither wait in triage.
 */
export async function findFieldQueue(
  db: Db,
  user: StaffUser,
  options: { near: { lat: number; lng: number } | null; now: Date; limit: number },
): Promise<FieldTicket[]> {
  const { near } = options;
  const lat = sql<number>`coalesce(${reports.lat}, ${regions.centerLat})`;
  const lng = sql<number>`coalesce(${reports.lng}, ${regions.centerLng})`;
  // metres on an equirectangular projection: exact enough across a city
  const distance = near
    ? sql<number>`111320 * sqrt(power(${lat} - ${near.lat}, 2) + power((${lng} - ${near.lng}) * cos(radians(${near.lat})), 2))`
    : sql<null>`null`;
  const overdue = sql<boolean>`coalesce(${reports.dueAt} < ${options.now.toISOString()}::timestamptz, false)`;
  const rows = await db
    .select({
      number: reports.number,
      status: reports.status,
      category: categories.nameId,
      categoryEn: categories.nameEn,
      kelurahan: regions.name,
      address: reports.address,
      description: reports.description,
      lat,
      lng,
      isApproximate: sql<boolean>`${reports.lat} is null`,
      dueAt: reports.dueAt,
      isOverdue: overdue,
      version: reports.version,
      distanceM: distance,
    })
    .from(reports)
    .innerJoin(categories, eq(categories.code, reports.categoryCode))
    .leftJoin(regions, eq(regions.code, reports.kelurahanCode))
    .where(and(jurisdictionCondition(user), inArray(reports.status, FIELD_STATUSES), sql`${lat} is not null and ${lng} is not null`))
    .orderBy(...(near ? [asc(distance)] : [desc(overdue), asc(reports.dueAt)]), asc(reports.id))
    .limit(options.limit);
  return rows.map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng), distanceM: r.distanceM === null ? null : Number(r.distanceM) }));
}
