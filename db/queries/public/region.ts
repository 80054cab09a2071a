import { sql } from 'drizzle-orm';
import type { Db } from '../../connect';
import { rowsOf } from '../../bulk';
import type { ReportStatus } from '../../schema';
import { regionLevelOf } from '@/lib/reports/filters';

export interface RegionFigures {
  total: number;
  open: number;
  finished: number;
  overdue: number;
  medianHoursToFinish: number | null;
  averageRating: number | null;
}

interface TallyRow {
  status: ReportStatus;
  bucket: number;
  reports: number;
  avg_rating: number | null;
}

/**
 * The finish buckets (aduan_finish_bucket in drizzle/0020_region_tallies.sql): -2 not finished,
 * -1 negative, then bucket b holds the times from b/4 hours (quarter hours for a week) and from
 * b - 504 hours past it.
 */
const NO_FINISH = -2;
const WEEK_BUCKETS = 672;
/** Closed tickets: neither open nor overdue. */
const CLOSED: ReportStatus[] = ['selesai', 'ditolak'];

/**
 * Headline figures for a kota, kecamatan or kelurahan, from the public projection: counts and
 * ratings from the region's tallies (kept by triggers, so a change shows at once), overdue
 * tickets and the exact median from two short index ranges. The same figures as counting every
 * report of the region, in milliseconds instead of seconds at city scale.
 */
export async function getRegionFigures(db: Db, code: string, now: Date): Promise<RegionFigures> {
  const column = sql.raw(`${regionLevelOf(code)}_code`);
  const [tallies, [{ overdue }]] = await Promise.all([
    rowsOf<TallyRow>(
      db.execute(sql`
        select status, finish_bucket::int as bucket, sum(reports)::int as reports,
               (sum(sum(rating_sum)) over ()::numeric / nullif(sum(sum(ratings)) over (), 0))::float8 as avg_rating
        from (select status, finish_bucket, reports, ratings, rating_sum from region_report_tallies where region_code = ${code}
              union all
              select status, finish_bucket, reports, ratings, rating_sum from region_report_tally_changes where region_code = ${code}) t
        group by 1, 2
        order by 2`),
    ),
    rowsOf<{ overdue: number }>(
      db.execute(sql`
        select count(*)::int as overdue from public_reports r
        where r.${column} = ${code} and r.status not in ('selesai', 'ditolak') and r.due_at < ${now.toISOString()}::timestamptz`),
    ),
  ]);
  let total = 0;
  let open = 0;
  let finished = 0;
  for (const t of tallies) {
    total += t.reports;
    if (!CLOSED.includes(t.status)) open += t.reports;
    if (t.status === 'selesai') finished += t.reports;
  }
  return {
    total,
    open,
    finished,
    overdue,
    medianHoursToFinish: await medianHoursToFinish(db, code, tallies),
    averageRating: tallies[0]?.avg_rating ?? null,
  };
}

/**
 * percentile_cont(0.5) of the hours to finish: the tallies say which bucket holds the middle
 * rank, and the region's finish-hours index reads the one or two middle values from there.
 */
async function medianHoursToFinish(db: Db, code: string, tallies: TallyRow[]): Promise<number | null> {
  const buckets = tallies.filter((t) => t.status === 'selesai' && t.bucket !== NO_FINISH && t.reports > 0);
  const n = buckets.reduce((sum, t) => sum + t.reports, 0);
  if (n === 0) return null;
  const rank = Math.floor((n - 1) / 2);
  let below = 0;
  let bucket = buckets[0].bucket;
  for (const t of buckets) {
    if (below + t.reports > rank) {
      bucket = t.bucket;
      break;
    }
    below += t.reports;
  }
  const column = sql.raw(`${regionLevelOf(code)}_code`);
  const hours = sql`(extract(epoch from r.finished_at - r.created_at) / 3600)::float8`;
  const from = bucket < 0 ? sql`` : sql`and ${hours} >= ${bucket < WEEK_BUCKETS ? bucket / 4 : bucket - 504}`;
  const values = await rowsOf<{ h: number }>(
    db.execute(sql`
      select ${hours} as h from public_reports r
      where r.${column} = ${code} and r.status = 'selesai' and r.finished_at is not null ${from}
      order by ${hours}
      offset ${rank - below} limit 2`),
  );
  const [low, high] = values.map((v) => v.h);
  // percentile_cont interpolates halfway between the two middle values of an even count
  return n % 2 === 1 ? low : low + 0.5 * (high - low);
}

/**
 * Folds the changes the triggers appended into the tallies (called on the indexes' timer; safe
 * from several instances at once). The figures are the same before and after; reading is faster.
 */
export async function foldRegionTallies(db: Db): Promise<void> {
  await db.execute(sql`select aduan_fold_region_tallies()`);
}
