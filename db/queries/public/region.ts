import { sql } from 'drizzle-orm';
import type { Db } from '../../connect';
import { rowsOf } from '../../bulk';
import { regionLevelOf } from '@/lib/reports/filters';

export interface RegionFigures {
  total: number;
  open: number;
  finished: number;
  overdue: number;
  medianHoursToFinish: number | null;
  averageRating: number | null;
}

/** Headline figures for a kota, kecamatan or kelurahan, from the public projection. */
export async function getRegionFigures(db: Db, code: string, now: Date): Promise<RegionFigures> {
  const column = sql.raw(`${regionLevelOf(code)}_code`);
  const [row] = await rowsOf<{
    total: number;
    open: number;
    finished: number;
    overdue: number;
    median_hours: number | null;
    avg_rating: number | null;
  }>(
    db.execute(sql`
      select count(*)::int as total,
             count(*) filter (where r.status not in ('selesai', 'ditolak'))::int as open,
             count(*) filter (where r.status = 'selesai')::int as finished,
             count(*) filter (where r.status not in ('selesai', 'ditolak') and r.due_at < ${now.toISOString()}::timestamptz)::int as overdue,
             (percentile_cont(0.5) within group (order by extract(epoch from r.finished_at - r.created_at) / 3600)
                filter (where r.status = 'selesai'))::float8 as median_hours,
             (select avg(score)::float8 from public_ratings g join public_reports x on x.id = g.report_id
               where x.${column} = ${code}) as avg_rating
      from public_reports r
      where r.${column} = ${code}`),
  );
  return {
    total: row.total,
    open: row.open,
    finished: row.finished,
    overdue: row.overdue,
    medianHoursToFinish: row.median_hours,
    averageRating: row.avg_rating,
  };
}
