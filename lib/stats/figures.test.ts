import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { loadFactChanges } from '@/db/queries/public/facts';
import { seedDemoReports } from '@/db/seed/demo';
import { seedReference } from '@/db/seed/reference';
import { createTestDatabase } from '@/lib/testing/db';
import { FactStore } from './fact-store';
import { computeDashboard, type Figures, type FigureFilters, type GroupFigures } from './figures';

let database: Database;
const end = new Date('2026-09-01T00:00:00Z');
const now = end.getTime();
const store = new FactStore();
let lastSeq = 0;
let kecamatanOf: (id: number) => string | null = () => null;

async function follow(): Promise<void> {
  for (;;) {
    const { rows, lastSeq: seq } = await loadFactChanges(database.db, lastSeq, 700);
    store.apply(rows);
    lastSeq = seq;
    if (rows.length < 700) return;
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoReports(database.db, { reports: 3000, months: 5, seed: 21, end });
  await follow();
  const offices = await rowsOf<{ id: number; code: string }>(
    database.db.execute(sql`select id, left(region_code, 8) as code from agencies where kind in ('kelurahan', 'kecamatan')`),
  );
  const byId = new Map(offices.map((o) => [o.id, o.code]));
  kecamatanOf = (id) => byId.get(id) ?? null;
});
afterAll(async () => database?.close());

interface SqlFigures {
  key: string;
  reports: number;
  rejected: number;
  finishable: number;
  finished: number;
  response_of: number;
  response_met: number;
  finish_of: number;
  finish_met: number;
  followup_of: number;
  followup_rejected: number;
  reopen_of: number;
  reopened: number;
  flagged: number;
  disputed: number;
  ratings: number;
  rating_mean: number | null;
  response_n: number;
  response_median: number | null;
  response_p90: number | null;
  finish_n: number;
  finish_median: number | null;
  finish_p90: number | null;
}

/** The same figures computed straight from the tables, grouped by `key`. */
async function figuresBySql(filters: FigureFilters, key: SQL): Promise<Map<string, SqlFigures>> {
  const at = new Date(now).toISOString();
  const where: SQL[] = [
    sql`not r.is_confidential`,
    sql`r.created_at >= ${new Date(filters.from).toISOString()}::timestamptz`,
    sql`r.created_at < ${new Date(filters.until).toISOString()}::timestamptz`,
  ];
  if (filters.region) {
    const level = ['', '', 'kota', 'kecamatan', 'kelurahan'][filters.region.split('.').length];
    where.push(sql`r.${sql.raw(level)}_code = ${filters.region}`);
  }
  if (filters.categories.length) where.push(sql`r.category_code in (${sql.join(filters.categories.map((c) => sql`${c}`), sql`, `)})`);
  if (filters.channels.length) where.push(sql`r.channel_code in (${sql.join(filters.channels.map((c) => sql`${c}`), sql`, `)})`);
  const rows = await rowsOf<SqlFigures>(
    database.db.execute(sql`
      with f as (
        select r.*, g.score,
               (r.status = 'selesai' and r.finished_at is not null) as fin,
               coalesce(r.estimated_completion_at, r.due_at) as fdue,
               extract(epoch from r.first_response_at - r.created_at) / 3600 as response_h,
               extract(epoch from r.finished_at - r.created_at) / 3600 as finish_h
        from reports r left join ratings g on g.report_id = r.id
        where ${sql.join(where, sql` and `)})
      select (${key})::text as key,
             count(*)::int as reports,
             count(*) filter (where status = 'ditolak')::int as rejected,
             count(*) filter (where status <> 'ditolak')::int as finishable,
             count(*) filter (where fin)::int as finished,
             count(*) filter (where status <> 'ditolak' and first_response_due_at is not null
                               and (first_response_at is not null or first_response_due_at <= ${at}::timestamptz))::int as response_of,
             count(*) filter (where status <> 'ditolak' and first_response_at <= first_response_due_at)::int as response_met,
             count(*) filter (where status <> 'ditolak' and fdue is not null and (fin or fdue <= ${at}::timestamptz))::int as finish_of,
             count(*) filter (where status <> 'ditolak' and fin and finished_at <= fdue)::int as finish_met,
             count(*) filter (where rejected_follow_up_count > 0 or status in ('menunggu_validasi', 'selesai') or reopen_count > 0)::int as followup_of,
             count(*) filter (where rejected_follow_up_count > 0)::int as followup_rejected,
             count(*) filter (where status = 'selesai' or reopen_count > 0)::int as reopen_of,
             count(*) filter (where reopen_count > 0)::int as reopened,
             count(*) filter (where proof_flags > 0)::int as flagged,
             count(*) filter (where dispute_count > 0)::int as disputed,
             count(score)::int as ratings,
             avg(score)::float8 as rating_mean,
             count(response_h)::int as response_n,
             (percentile_cont(0.5) within group (order by response_h))::float8 as response_median,
             (percentile_cont(0.9) within group (order by response_h))::float8 as response_p90,
             count(*) filter (where fin)::int as finish_n,
             (percentile_cont(0.5) within group (order by finish_h) filter (where fin))::float8 as finish_median,
             (percentile_cont(0.9) within group (order by finish_h) filter (where fin))::float8 as finish_p90
      from f group by 1`),
  );
  return new Map(rows.map((r) => [r.key ?? '', r]));
}

function expectSame(figures: Figures, expected: SqlFigures | undefined, withDurations: boolean): void {
  expect(expected).toBeDefined();
  const e = expected!;
  expect(figures.reports).toBe(e.reports);
  expect(figures.rejected).toBe(e.rejected);
  expect([figures.finished.of, figures.finished.met]).toEqual([e.finishable, e.finished]);
  expect([figures.responseSla.of, figures.responseSla.met]).toEqual([e.response_of, e.response_met]);
  expect([figures.finishSla.of, figures.finishSla.met]).toEqual([e.finish_of, e.finish_met]);
  expect([figures.followUpRejected.of, figures.followUpRejected.met]).toEqual([e.followup_of, e.followup_rejected]);
  expect([figures.reopened.of, figures.reopened.met]).toEqual([e.reopen_of, e.reopened]);
  expect([figures.proofFlagged.of, figures.proofFlagged.met]).toEqual([e.followup_of, e.flagged]);
  expect([figures.disputed.of, figures.disputed.met]).toEqual([e.followup_of, e.disputed]);
  expect(figures.satisfaction.count).toBe(e.ratings);
  if (e.rating_mean === null) expect(figures.satisfaction.mean).toBeNull();
  else expect(figures.satisfaction.mean).toBeCloseTo(e.rating_mean, 9);
  if (!withDurations) return;
  // durations are kept in 1 % buckets: a quantile is within 1 % (or a minute) of the exact one
  const close = (a: number | null, b: number | null) =>
    b === null ? expect(a).toBeNull() : expect(Math.abs(a! - b)).toBeLessThanOrEqual(0.0101 * b + 1 / 60);
  expect(figures.firstResponse.count).toBe(e.response_n);
  close(figures.firstResponse.medianHours, e.response_median);
  close(figures.firstResponse.p90Hours, e.response_p90);
  expect(figures.finish.count).toBe(e.finish_n);
  close(figures.finish.medianHours, e.finish_median);
  close(figures.finish.p90Hours, e.finish_p90);
}

function expectGroups(groups: GroupFigures[], expected: Map<string, SqlFigures>, withDurations: boolean): void {
  expect(groups.map((g) => g.key).sort()).toEqual([...expected.keys()].sort());
  for (const g of groups) expectSame(g, expected.get(g.key), withDurations);
}

const FIVE_MONTHS: FigureFilters = {
  from: Date.parse('2026-04-01T00:00:00+07:00'),
  until: Date.parse('2026-09-01T00:00:00+07:00'),
  region: null,
  categories: [],
  channels: [],
};

describe('computeDashboard against SQL on generated reports', () => {
  it.each<[string, Partial<FigureFilters>]>([
    ['the whole city', {}],
    ['one kota', { region: '31.74' }],
    ['one kecamatan and two categories', { region: '31.71.01', categories: ['jalan', 'sampah'] }],
    ['one channel in one month', { channels: ['jaki'], from: Date.parse('2026-07-01T00:00:00+07:00'), until: Date.parse('2026-08-01T00:00:00+07:00') }],
  ])('every figure of %s matches a direct SQL computation', async (_, change) => {
    const filters = { ...FIVE_MONTHS, ...change };
    const d = computeDashboard(store, filters, now, kecamatanOf);
    expect(d.overall.reports).toBeGreaterThan(0);
    expectSame(d.overall, (await figuresBySql(filters, sql`''`)).get(''), true);
    expectGroups(d.byCategory, await figuresBySql(filters, sql`category_code`), false);
    expectGroups(d.byChannel, await figuresBySql(filters, sql`channel_code`), true);
    expectGroups(d.byKota, await figuresBySql(filters, sql`coalesce(kota_code, '')`), true);
    expectGroups(d.byUnit, await figuresBySql(filters, sql`coalesce(handling_agency_id, 0)`), true);
    const offices = await figuresBySql(
      filters,
      sql`(select left(a.region_code, 8) from agencies a where a.id = handling_agency_id and a.kind in ('kelurahan', 'kecamatan'))`,
    );
    offices.delete('');
    expect(d.byKecamatanOffice.length).toBeGreaterThan(0);
    expectGroups(d.byKecamatanOffice, offices, true);
  });

  it('counts reports per WIB day for short periods and per month for long ones', async () => {
    const month = { ...FIVE_MONTHS, from: Date.parse('2026-07-01T00:00:00+07:00'), until: Date.parse('2026-08-01T00:00:00+07:00') };
    const daily = computeDashboard(store, month, now);
    expect(daily.granularity).toBe('hari');
    expect(daily.series).toHaveLength(31);
    const perDay = await figuresBySql(month, sql`to_char(created_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD')`);
    for (const p of daily.series) {
      expect(p.reports).toBe(perDay.get(p.period)?.reports ?? 0);
      expect(p.finished).toBe(perDay.get(p.period)?.finished ?? 0);
    }
    const monthly = computeDashboard(store, FIVE_MONTHS, now);
    expect(monthly.granularity).toBe('bulan');
    expect(monthly.series.map((p) => p.period)).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08']);
    const perMonth = await figuresBySql(FIVE_MONTHS, sql`to_char(created_at at time zone 'Asia/Jakarta', 'YYYY-MM')`);
    for (const p of monthly.series) expect(p.reports).toBe(perMonth.get(p.period)?.reports ?? 0);
  });

  it('a region nobody reported from has no figures; confidential reports are never counted', async () => {
    expect(computeDashboard(store, { ...FIVE_MONTHS, region: '31.99.99.9999' }, now).overall.reports).toBe(0);
    const [{ n }] = await rowsOf<{ n: number }>(database.db.execute(sql`select count(*)::int as n from reports where is_confidential`));
    expect(n).toBeGreaterThan(0);
    const all = computeDashboard(store, { ...FIVE_MONTHS, from: 0, until: now + 1 }, now);
    const [{ counted }] = await rowsOf<{ counted: number }>(
      database.db.execute(sql`select count(*)::int as counted from reports where not is_confidential and created_at < ${end.toISOString()}::timestamptz`),
    );
    expect(all.overall.reports).toBe(counted);
  });

  it('follows changes: a finished ticket, a rating and a ticket made confidential change the figures', async () => {
    const before = computeDashboard(store, FIVE_MONTHS, now).overall;
    const [open] = await rowsOf<{ id: number }>(
      database.db.execute(sql`select id from reports where status = 'proses' and not is_confidential
                               and created_at >= '2026-04-01T00:00:00+07:00' and created_at < '2026-09-01T00:00:00+07:00' limit 1`),
    );
    await database.db.execute(sql`update reports set status = 'selesai', finished_at = created_at + interval '2 hours' where id = ${open.id}`);
    await database.db.execute(sql`insert into ratings (report_id, score) values (${open.id}, 5)`);
    await database.db.execute(sql`update reports set updated_at = now() where id = ${open.id}`);
    await follow();
    const after = computeDashboard(store, FIVE_MONTHS, now).overall;
    expect(after.finished.met).toBe(before.finished.met + 1);
    expect(after.satisfaction.count).toBe(before.satisfaction.count + 1);

    await database.db.execute(sql`update reports set is_confidential = true where id = ${open.id}`);
    await follow();
    expect(computeDashboard(store, FIVE_MONTHS, now).overall.reports).toBe(before.reports - 1);
    expectSame(computeDashboard(store, FIVE_MONTHS, now).overall, (await figuresBySql(FIVE_MONTHS, sql`''`)).get(''), true);
  });
});
