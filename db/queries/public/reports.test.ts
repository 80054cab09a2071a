import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../connect';
import { rowsOf } from '../../bulk';
import { seedDemoReports } from '../../seed/demo';
import { seedReference } from '../../seed/reference';
import { createTestDatabase } from '@/lib/testing/db';
import { parseFilters } from '@/lib/reports/filters';
import { findPublicReports } from './reports';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoReports(database.db, { reports: 800, months: 2, seed: 4, end: new Date('2026-09-01T00:00:00Z') });
});
afterAll(async () => database?.close());

describe('findPublicReports counts', () => {
  it('counts exactly below the cap', async () => {
    const [{ n }] = await rowsOf<{ n: number }>(
      database.db.execute(sql`select count(*)::int as n from reports where not is_confidential and category_code = 'jalan'`),
    );
    const page = await findPublicReports(database.db, parseFilters(new URLSearchParams('kategori=jalan')), { page: 1, pageSize: 10, sort: 'terbaru' });
    expect(page).toMatchObject({ total: n, totalIsLowerBound: false });
    expect(page.reports).toHaveLength(Math.min(10, n));
  });

  it('stops counting at the cap and says there are more', async () => {
    const page = await findPublicReports(database.db, parseFilters(new URLSearchParams()), { page: 1, pageSize: 10, sort: 'terbaru', countCap: 100 });
    expect(page).toMatchObject({ total: 100, totalIsLowerBound: true });
  });

  it('counts on past a deep page, so that the page after the capped count still has a total and rows', async () => {
    const options = { pageSize: 10, sort: 'terbaru' as const, countCap: 100 };
    const deep = await findPublicReports(database.db, parseFilters(new URLSearchParams()), { ...options, page: 11 });
    expect(deep).toMatchObject({ total: 200, totalIsLowerBound: true });
    expect(deep.reports).toHaveLength(10);
    const [{ n }] = await rowsOf<{ n: number }>(
      database.db.execute(sql`select count(*)::int as n from reports where not is_confidential and category_code = 'pohon'`),
    );
    expect(n).toBeGreaterThan(20);
    // close to the end of a short list the count is exact again
    const last = await findPublicReports(database.db, parseFilters(new URLSearchParams('kategori=pohon')), { ...options, countCap: 10, page: Math.ceil(n / 10) });
    expect(last).toMatchObject({ total: n, totalIsLowerBound: false });
  });
});
