import { sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { bulkInsert, openBulkLoader, rowsOf, syncSequence } from '../bulk';
import { agencies, confidentialTicketSequences, ratings, reportEvents, reports, ticketSequences } from '../schema';
import { generateDemo, type GeneratorOptions } from '@/lib/demo/generator';
import { loadRegions } from '@/lib/regions/jakarta';
import { CATEGORIES } from '@/lib/reference/categories';
import { CHANNELS } from '@/lib/reference/channels';
import { ticketDay, ticketSequence, ticketSeries, type TicketSeries } from '@/lib/reports/ticket-number';

export interface DemoSeedResult {
  reports: number;
  events: number;
  ratings: number;
  ms: number;
}

/** Streams generated reports, timelines and ratings into the database. */
export async function seedDemoReports(
  db: Db,
  options: Omit<GeneratorOptions, 'firstReportId' | 'firstEventId'>,
  onProgress?: (done: number) => void,
): Promise<DemoSeedResult> {
  const started = Date.now();
  const agencyRows = await db.select({ id: agencies.id, code: agencies.code }).from(agencies);
  const [{ maxReport, maxEvent, maxRating }] = (await rowsOf(
    db.execute(
      sql`select coalesce((select max(id) from reports), 0)::int as "maxReport",
                 coalesce((select max(id) from report_events), 0)::int as "maxEvent",
                 coalesce((select max(id) from ratings), 0)::int as "maxRating"`,
    ),
  )) as { maxReport: number; maxEvent: number; maxRating: number }[];

  const reference = {
    kelurahan: loadRegions('kelurahan').features,
    categories: CATEGORIES,
    channels: CHANNELS,
    agencyIdByCode: new Map(agencyRows.map((a) => [a.code, a.id])),
  };
  // the day's counters of both series stand at the last generated number, so filing goes on after it
  const lastSequence: Record<TicketSeries, Map<string, number>> = { public: new Map(), confidential: new Map() };
  const totals = { reports: 0, events: 0, ratings: 0 };
  // Into empty tables, a large load is several times faster with the secondary indexes and the
  // foreign keys built once at the end than checked and kept up to date row by row.
  const deferred = maxReport === 0 && options.reports >= BULK_LOAD_THRESHOLD ? await dropSecondaryIndexes(db) : [];
  // The three tables load side by side, each in its own COPY (a transaction of its own): that
  // needs the foreign keys out of the way, or an event would wait for its report's commit.
  const isCopy = deferred.length > 0;
  // the region tallies' triggers would see the other loaders' rows half committed: counted once at the end
  const tallyTriggers = isCopy ? ['reports', 'ratings'] : [];
  for (const table of tallyTriggers) await db.execute(sql.raw(`alter table "${table}" disable trigger "${table}_region_tallies_insert"`));
  const loaders = {
    reports: await openBulkLoader(db, reports, isCopy),
    events: await openBulkLoader(db, reportEvents, isCopy),
    ratings: await openBulkLoader(db, ratings, isCopy),
  };
  for (const batch of generateDemo(reference, {
    ...options,
    firstReportId: maxReport + 1,
    firstEventId: maxEvent + 1,
  })) {
    await loaders.reports.write(batch.reports);
    await loaders.events.write(batch.events);
    await loaders.ratings.write(batch.ratings.map((r, i) => ({ id: maxRating + totals.ratings + i + 1, ...r })));
    for (const r of batch.reports) lastSequence[ticketSeries(r.number)!].set(ticketDay(r.number)!, ticketSequence(r.number)!);
    totals.reports += batch.reports.length;
    totals.events += batch.events.length;
    totals.ratings += batch.ratings.length;
    onProgress?.(totals.reports);
  }
  await Promise.all(Object.values(loaders).map((l) => l.end()));
  for (const [series, table] of [['public', ticketSequences], ['confidential', confidentialTicketSequences]] as const) {
    await bulkInsert(db, table, [...lastSequence[series]].map(([day, last]) => ({ day, last })));
  }
  for (const definition of deferred) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
      await tx.execute(sql.raw(definition));
    });
  }
  for (const table of tallyTriggers) await db.execute(sql.raw(`alter table "${table}" enable trigger "${table}_region_tallies_insert"`));
  await db.execute(sql`select aduan_rebuild_region_tallies()`);
  for (const table of ['reports', 'report_events', 'ratings']) await syncSequence(db, table);
  await db.execute(sql`analyze`);
  return { ...totals, ms: Date.now() - started };
}

const BULK_LOAD_THRESHOLD = 100_000;

/**
 * Drops the foreign keys and non-primary-key indexes of the report tables; returns the statements
 * that rebuild them, indexes first (the foreign keys are then checked in one pass each).
 */
async function dropSecondaryIndexes(db: Db): Promise<string[]> {
  const keys = await rowsOf<{ table: string; name: string; definition: string }>(
    db.execute(sql`select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
                   from pg_constraint
                   where contype = 'f' and conrelid::regclass::text in ('reports', 'report_events', 'ratings')`),
  );
  for (const { table, name } of keys) await db.execute(sql.raw(`alter table "${table}" drop constraint "${name}"`));
  const indexes = await rowsOf<{ name: string; definition: string }>(
    db.execute(sql`select indexname as name, indexdef as definition from pg_indexes
                   where schemaname = 'public' and tablename in ('reports', 'report_events', 'ratings')
                     and indexname not like '%_pkey'`),
  );
  for (const { name } of indexes) await db.execute(sql.raw(`drop index "${name}"`));
  return [
    ...indexes.map((i) => i.definition),
    ...keys.map((k) => `alter table "${k.table}" add constraint "${k.name}" ${k.definition}`),
  ];
}
