import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '@/db/connect';
import * as schema from '@/db/schema';
import { loadRegionPage } from '@/db/queries/public/region-page';

// npx tsx bench/region-page.ts [postgres url] [region code …]
// EXPLAIN (ANALYZE, BUFFERS) of every statement the region page runs, per region, with the sum of
// their execution times. Cold figures need regions not queried since the server started.

export interface RegionPagePlan {
  code: string;
  /** Wall time of the page's queries on their first run, round trips and planning included. */
  firstRunMs: number;
  /** Sum of the statements' execution times as PostgreSQL reports them (planning excluded). */
  executionMs: number;
  planningMs: number;
  statements: { sql: string; executionMs: number; planningMs: number; plan: string }[];
}

const timeOf = (plan: string, what: string) => Number(new RegExp(`${what} Time: ([\\d.]+) ms`).exec(plan)?.[1] ?? 0);

export async function explainRegionPage(client: postgres.Sql, code: string, now = new Date()): Promise<RegionPagePlan> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(client, { schema, logger: { logQuery: (sql, params) => captured.push({ sql, params }) } }) as unknown as Db;
  const t0 = performance.now();
  await loadRegionPage(db, code, now);
  const firstRunMs = performance.now() - t0;
  const statements = [];
  for (const q of captured) {
    const rows = await client.unsafe(`explain (analyze, buffers) ${q.sql}`, q.params as postgres.ParameterOrJSON<never>[]);
    const plan = rows.map((r) => r['QUERY PLAN'] as string).join('\n');
    statements.push({ sql: q.sql, executionMs: timeOf(plan, 'Execution'), planningMs: timeOf(plan, 'Planning'), plan });
  }
  return {
    code,
    firstRunMs,
    executionMs: statements.reduce((sum, s) => sum + s.executionMs, 0),
    planningMs: statements.reduce((sum, s) => sum + s.planningMs, 0),
    statements,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url = 'postgres://postgres@127.0.0.1:5432/aduan_big', ...codes] = process.argv.slice(2);
  const client = postgres(url, { max: 4, onnotice: () => {} });
  // the connections' catalog caches warmed on another region, as in a running server
  for (let i = 0; i < 3; i++) await loadRegionPage(drizzle(client, { schema }) as unknown as Db, '31.01.01.1001', new Date());
  for (const code of codes.length ? codes : ['31.73', '31.74.03', '31.71.03.1001']) {
    const r = await explainRegionPage(client, code);
    console.log(`${code}: ${r.statements.length} statements, first run ${r.firstRunMs.toFixed(1)} ms; on EXPLAIN: execution ${r.executionMs.toFixed(1)} ms, planning ${r.planningMs.toFixed(1)} ms`);
    for (const s of r.statements) console.log(`  ${s.executionMs.toFixed(2).padStart(8)} ms  ${s.sql.replace(/\s+/g, ' ').slice(0, 110)}`);
    if (process.env.VERBOSE) for (const s of r.statements) console.log(s.plan);
  }
  await client.end();
}
