import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { agencies, skmPeriods, skmPeriodUnits, skmResponses } from '../schema';
import { createRand } from '@/lib/demo/random';
import { quarterOf } from '@/lib/skm/survey';

const SURVEYED = ['kelurahan', 'kecamatan', 'walikota', 'dinas', 'sudin'] as const;

/**
 * Demo SKM: the current quarter open for the offices and agencies, with generated answers
 * (each unit its own level of satisfaction) so the survey pages have something to show.
 * Does nothing when a period exists.
 */
export async function seedDemoSkm(db: Db, options: { seed: number; now: Date }): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(skmPeriods);
  if (n > 0) return 0;
  const q = quarterOf(options.now);
  const [period] = await db.insert(skmPeriods).values({ ...q, minRespondents: 30, createdAt: options.now }).returning({ id: skmPeriods.id });
  const units = await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.kind, [...SURVEYED]));
  await db.insert(skmPeriodUnits).values(units.map((u) => ({ periodId: period.id, agencyId: u.id })));
  const rand = createRand(options.seed);
  const rows: (typeof skmResponses.$inferInsert)[] = [];
  for (const u of units) {
    const level = 2.4 + rand() * 1.4; // this unit's typical answer
    const count = Math.floor(rand() * 60);
    for (let i = 0; i < count; i++) {
      const answers = Array.from({ length: 9 }, () => Math.max(1, Math.min(4, Math.round(level + (rand() - 0.5) * 1.6))));
      rows.push({ periodId: period.id, agencyId: u.id, answers, createdAt: new Date(options.now.getTime() - rand() * 40 * 86_400_000) });
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(skmResponses).values(rows.slice(i, i + 1000));
  return rows.length;
}
