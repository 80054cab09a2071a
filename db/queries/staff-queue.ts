import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../connect';
import { agencies, categories, regions, reports, type ReportStatus } from '../schema';
import type { StaffUser } from '@/lib/auth/permissions';

/** The SQL twin of canView: the tickets inside an official's jurisdiction. */
export function jurisdictionCondition(user: StaffUser): SQL {
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
      const held = or(
        eq(reports.handlingAgencyId, agency),
        sql`${reports.handlingAgencyId} in (select id from agencies where parent_id = ${agency})`,
      );
      return and(visible, held, user.regionCode ? eq(reports.kotaCode, user.regionCode) : undefined)!;
    }
    default:
      return user.role satisfies never;
  }
}

export interface QueueOptions {
  status: ReportStatus | null;
  categoryCode: string | null;
  search: string | null;
  page: number;
  pageSize: number;
  now: Date;
}

/** The queue of an official: overdue open tickets first, then by deadline. */
export async function findQueue(db: Db, user: StaffUser, options: QueueOptions) {
  const scope = jurisdictionCondition(user);
  const search = options.search?.trim();
  const matching = and(
    scope,
    options.categoryCode ? eq(reports.categoryCode, options.categoryCode) : undefined,
    search ? or(ilike(reports.number, `%${search.replace(/\s+/g, '')}%`), ilike(reports.description, `%${search}%`)) : undefined,
  );
  const where = and(matching, options.status ? eq(reports.status, options.status) : undefined);
  const overdue = sql`(${reports.status} not in ('selesai', 'ditolak') and ${reports.dueAt} < ${options.now.toISOString()}::timestamptz)`;
  const [rows, counts] = await Promise.all([
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
        isOverdue: sql<boolean>`${overdue}`,
      })
      .from(reports)
      .innerJoin(categories, eq(categories.code, reports.categoryCode))
      .leftJoin(regions, eq(regions.code, reports.kelurahanCode))
      .leftJoin(agencies, eq(agencies.id, reports.handlingAgencyId))
      .where(where)
      .orderBy(desc(overdue), asc(reports.dueAt), desc(reports.createdAt))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db
      .select({ status: reports.status, n: sql<number>`count(*)::int` })
      .from(reports)
      .where(matching)
      .groupBy(reports.status),
  ]);
  return { rows, counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<ReportStatus, number>> };
}
