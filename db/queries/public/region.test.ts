import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../connect';
import { rowsOf } from '../../bulk';
import { seedDemoReports } from '../../seed/demo';
import { seedReference } from '../../seed/reference';
import { regionLevelOf } from '@/lib/reports/filters';
import { foldRegionTallies, getRegionFigures, type RegionFigures } from './region';

let database: Database;
const end = new Date('2026-09-01T00:00:00Z');
const now = new Date('2026-08-20T00:00:00Z');

beforeAll(async () => {
  database = await createTestDatabaseOnce();
  await seedReference(database.db);
  await seedDemoReports(database.db, { reports: 1200, months: 3, seed: 5, end });
});
afterAll(async () => database?.close());

async function createTestDatabaseOnce() {
  const { createTestDatabase } = await import('@/lib/testing/db');
  return createTestDatabase();
}

const exec = (q: ReturnType<typeof sql>) => database.db.execute(q);

/** The figures counted report by report over the public projection: what the tallies must equal. */
async function countedFigures(code: string): Promise<RegionFigures> {
  const column = sql.raw(`${regionLevelOf(code)}_code`);
  const [row] = await rowsOf<{ total: number; open: number; finished: number; overdue: number; median: number | null; rating: number | null }>(
    exec(sql`
      select count(*)::int as total,
             count(*) filter (where r.status not in ('selesai', 'ditolak'))::int as open,
             count(*) filter (where r.status = 'selesai')::int as finished,
             count(*) filter (where r.status not in ('selesai', 'ditolak') and r.due_at < ${now.toISOString()}::timestamptz)::int as overdue,
             (percentile_cont(0.5) within group (order by extract(epoch from r.finished_at - r.created_at) / 3600)
                filter (where r.status = 'selesai'))::float8 as median,
             (select avg(score)::float8 from public_ratings g join public_reports x on x.id = g.report_id where x.${column} = ${code}) as rating
      from public_reports r where r.${column} = ${code}`),
  );
  return { total: row.total, open: row.open, finished: row.finished, overdue: row.overdue, medianHoursToFinish: row.median, averageRating: row.rating };
}

/** A busy kelurahan of the demo data, with its kecamatan and kota. */
async function busyRegions(): Promise<string[]> {
  const [{ code }] = await rowsOf<{ code: string }>(
    exec(sql`select kelurahan_code as code from reports where kelurahan_code is not null group by 1 order by count(*) desc limit 1`),
  );
  return [code.slice(0, 5), code.slice(0, 8), code];
}

async function pick(where: ReturnType<typeof sql>): Promise<{ id: number; kelurahan: string }> {
  const [row] = await rowsOf<{ id: number; kelurahan: string }>(
    exec(sql`select id::float8 as id, kelurahan_code as kelurahan from reports where ${where} order by id limit 1`),
  );
  return row;
}

describe('getRegionFigures', () => {
  it('equals the figures counted report by report, for a kota, a kecamatan and a kelurahan', async () => {
    for (const code of await busyRegions()) {
      const figures = await getRegionFigures(database.db, code, now);
      expect(figures.total).toBeGreaterThan(0);
      expect(figures.medianHoursToFinish).not.toBeNull();
      expect(figures.averageRating).not.toBeNull();
      expect(figures, code).toEqual(await countedFigures(code));
    }
  });

  it('never counts a confidential report or its rating, and counts a private one', async () => {
    const rated = await pick(sql`not is_confidential and status = 'selesai' and exists (select 1 from ratings g where g.report_id = reports.id)`);
    const codes = [rated.kelurahan.slice(0, 5), rated.kelurahan.slice(0, 8), rated.kelurahan];
    const before = await Promise.all(codes.map((c) => getRegionFigures(database.db, c, now)));
    await exec(sql`update reports set is_confidential = true where id = ${rated.id}`);
    for (const [i, code] of codes.entries()) {
      const after = await getRegionFigures(database.db, code, now);
      expect(after.total).toBe(before[i].total - 1);
      expect(after.finished).toBe(before[i].finished - 1);
      expect(after).toEqual(await countedFigures(code));
    }
    const open = await pick(sql`not is_confidential and status = 'proses' and is_public`);
    const kelurahan = await getRegionFigures(database.db, open.kelurahan, now);
    await exec(sql`update reports set is_public = false where id = ${open.id}`);
    // a private report has no public text, but it is a report of the region all the same
    expect(await getRegionFigures(database.db, open.kelurahan, now)).toEqual(kelurahan);
    expect(kelurahan).toEqual(await countedFigures(open.kelurahan));
  });

  it('shows a change at once: a finished, a rated, a filed and a moved report, before and after folding', async () => {
    const open = await pick(sql`not is_confidential and status not in ('selesai', 'ditolak') and kelurahan_code is not null`);
    const kelurahan = open.kelurahan;
    const other = (await rowsOf<{ code: string }>(exec(sql`select code from regions where level = 'kelurahan' and code <> ${kelurahan} limit 1`)))[0].code;
    const before = await getRegionFigures(database.db, kelurahan, now);
    await exec(sql`update reports set status = 'selesai', finished_at = created_at + interval '5 days 3 hours' where id = ${open.id}`);
    await exec(sql`insert into ratings (report_id, score) values (${open.id}, 1)`);
    const finished = await getRegionFigures(database.db, kelurahan, now);
    expect(finished.open).toBe(before.open - 1);
    expect(finished.finished).toBe(before.finished + 1);
    expect(finished).toEqual(await countedFigures(kelurahan));
    // a new overdue ticket, and a finished one moved to another kelurahan
    await exec(sql`insert into reports (number, channel_code, category_code, description, kelurahan_code, kecamatan_code, kota_code, status, due_at)
                   select 'JKTEST000001', channel_code, category_code, 'baru', kelurahan_code, kecamatan_code, kota_code, 'menunggu', ${now.toISOString()}::timestamptz - interval '1 day'
                   from reports where id = ${open.id}`);
    const moved = await pick(sql`not is_confidential and status = 'selesai' and kelurahan_code = ${kelurahan} and id <> ${open.id}`);
    await exec(sql`update reports set kelurahan_code = ${other}, kecamatan_code = ${other.slice(0, 8)}, kota_code = ${other.slice(0, 5)} where id = ${moved.id}`);
    const after = await getRegionFigures(database.db, kelurahan, now);
    expect(after.total).toBe(before.total);
    expect(after.open).toBe(before.open);
    expect(after.overdue).toBe(finished.overdue + 1);
    expect(after).toEqual(await countedFigures(kelurahan));
    expect(await getRegionFigures(database.db, other, now)).toEqual(await countedFigures(other));
    await foldRegionTallies(database.db);
    const [{ n }] = await rowsOf<{ n: number }>(exec(sql`select count(*)::int as n from region_report_tally_changes`));
    expect(n).toBe(0);
    expect(await getRegionFigures(database.db, kelurahan, now)).toEqual(after);
  });
});
