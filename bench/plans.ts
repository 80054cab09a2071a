import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Db } from '@/db/connect';
import * as schema from '@/db/schema';
import { loadMapChanges } from '@/db/queries/public/map';
import { findPublicReports, getPublicPhotos, getPublicReport, getPublicTimeline } from '@/db/queries/public';
import { loadRegionPage } from '@/db/queries/public/region-page';
import { countTriage, findQueue, findUnitBacklog } from '@/db/queries/staff-queue';
import { loadStaffUser } from '@/db/queries/staff';
import { loadFactChanges } from '@/db/queries/public/facts';
import { parseFilters } from '@/lib/reports/filters';

export interface QueryPlan {
  /** What the portal does with the query. */
  use: string;
  sql: string;
  plan: string;
  ms: number;
  /** Sequential scans of the big tables (reports, report_events, attachments, ratings) in the plan. */
  bigSeqScans: string[];
}

const BIG_TABLES = ['reports', 'report_events', 'attachments', 'ratings'];

/**
 * Runs the portal's own query functions against the database with a logger that keeps every
 * statement, then EXPLAIN ANALYZEs each one with its parameters: the plans of the real hot queries,
 * not copies of them.
 */
export async function explainHotQueries(client: postgres.Sql, sample: { number: string; staffEmails: string[] }): Promise<QueryPlan[]> {
  let captured: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(client, {
    schema,
    logger: { logQuery: (sql, params) => captured.push({ sql, params }) },
  }) as unknown as Db;
  const plans: QueryPlan[] = [];
  const record = async (use: string, run: () => Promise<unknown>) => {
    captured = [];
    await run();
    for (const [i, q] of captured.entries()) {
      const t0 = performance.now();
      const rows = await client.unsafe(`explain (analyze, buffers) ${q.sql}`, q.params as postgres.ParameterOrJSON<never>[]);
      const plan = rows.map((r) => r['QUERY PLAN'] as string).join('\n');
      plans.push({
        use: captured.length > 1 ? `${use} (${i + 1}/${captured.length})` : use,
        sql: q.sql,
        plan,
        ms: performance.now() - t0,
        bigSeqScans: BIG_TABLES.filter((t) => new RegExp(`Seq Scan on ${t}\\b`).test(plan)),
      });
    }
  };
  const now = new Date();
  const [{ seq }] = await client<{ seq: number }[]>`select coalesce(max(change_seq), 0)::bigint as seq from reports`;
  await record('ticket page: the report', () => getPublicReport(db, sample.number));
  await record('ticket page: the timeline', () => getPublicTimeline(db, sample.number));
  await record('ticket page: the photos', () => getPublicPhotos(db, sample.number));
  await record('list page, category filter', () =>
    findPublicReports(db, parseFilters({ kategori: 'jalan' }), { page: 1, pageSize: 20, sort: 'terbaru' }),
  );
  await record('map: changes since the last refresh', () => loadMapChanges(db, Number(seq) - 50, 5000));
  await record('dashboard: changes since the last refresh', () => loadFactChanges(db, Number(seq) - 50, 5000));
  await record('region page (kecamatan Gambir)', () => loadRegionPage(db, '31.71.01', now));
  for (const email of sample.staffEmails) {
    const [{ id }] = await client<{ id: number }[]>`select id from users where email = ${email}`;
    const user = (await loadStaffUser(db, id))!;
    await record(`staff queue of ${email}`, () =>
      Promise.all([
        findQueue(db, user, { status: null, categoryCode: null, search: null, page: 1, pageSize: 50, now }),
        findUnitBacklog(db, user, now),
        countTriage(db, user),
      ]),
    );
  }
  return plans;
}
