import { sql } from 'drizzle-orm';
import type { Database } from './connect';
import { migrate } from './migrate';
import { reports } from './schema';
import { seedDemoReports, type DemoSeedResult } from './seed/demo';
import { seedReference } from './seed/reference';
import { seedDemoSkm } from './seed/skm';
import { seedDemoUsers } from './seed/users';

export interface SetupOptions {
  reports: number;
  months: number;
  seed: number;
  end?: Date;
  log?: (line: string) => void;
}

/**
 * A production database: migrations (which hold the SLA policy and the public holidays), then
 * Jakarta's regions, agencies, categories and channels. No account and no report: the first
 * admin is made with `npm run admin:create`. Safe to run again: existing data is left alone.
 */
export async function setupProductionDatabase(database: Database, options: { log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  await migrate(database);
  log('migrations applied (with the SLA policy and public holidays)');
  if ((await seedReference(database.db)).inserted) log('regions, agencies, categories and channels seeded');
  else log('regions, agencies, categories and channels already present');
}

/**
 * Migrates, then seeds reference data, demo staff and demo reports where they are missing.
 * Safe to run again: existing data is left alone.
 */
export async function setupDemoDatabase(database: Database, options: SetupOptions) {
  const log = options.log ?? (() => {});
  await migrate(database);
  log('migrations applied');
  const { db } = database;
  if ((await seedReference(db)).inserted) log('regions, agencies, categories and channels seeded');
  const users = await seedDemoUsers(db);
  if (users.inserted) log(`${users.inserted} demo staff accounts created`);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(reports);
  let demo: DemoSeedResult | null = null;
  if (n === 0 && options.reports > 0) {
    demo = await seedDemoReports(db, {
      reports: options.reports,
      months: options.months,
      seed: options.seed,
      end: options.end ?? new Date(),
    });
    log(
      `${demo.reports} demo reports with ${demo.events} timeline events generated in ${(demo.ms / 1000).toFixed(1)} s`,
    );
  }
  if (options.reports > 0) {
    const answers = await seedDemoSkm(db, { seed: options.seed, now: options.end ?? new Date() });
    if (answers) log(`satisfaction survey opened for this quarter with ${answers} demo answers`);
  }
  return { demo };
}
