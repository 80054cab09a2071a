import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../connect';
import { rowsOf } from '../bulk';
import { seedDemoReports } from '../seed/demo';
import { seedReference } from '../seed/reference';
import { seedDemoUsers } from '../seed/users';
import { createTestDatabase } from '@/lib/testing/db';
import { findQueue } from './staff-queue';
import { loadStaffUser } from './staff';

let database: Database;
const end = new Date('2026-09-01T00:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  await seedDemoReports(database.db, { reports: 4000, months: 3, seed: 5, end });
});
afterAll(async () => database?.close());

const user = async (email: string) => {
  const [u] = await rowsOf<{ id: number }>(database.db.execute(sql`select id from users where email = ${email}`));
  return (await loadStaffUser(database.db, u.id))!;
};
const options = { status: null, categoryCode: null, search: null, page: 1, pageSize: 500, now: end };

describe('findQueue', () => {
  it('shows a camat only the kecamatan, a walikota the whole kota, overdue tickets first', async () => {
    const camat = await findQueue(database.db, await user('camat.gambir@aduan.test'), options);
    expect(camat.rows.length).toBeGreaterThan(0);
    const [{ n }] = await rowsOf<{ n: number }>(
      database.db.execute(sql`select count(*)::int as n from reports where kecamatan_code = '31.71.01' and not is_confidential`),
    );
    expect(Object.values(camat.counts).reduce((a, b) => a + (b ?? 0), 0)).toBe(n);
    const firstOnTime = camat.rows.findIndex((r) => !r.isOverdue);
    expect(camat.rows.slice(firstOnTime).every((r) => !r.isOverdue)).toBe(true);
    const walikota = await findQueue(database.db, await user('walikota.pusat@aduan.test'), options);
    expect(Object.values(walikota.counts).reduce((a, b) => a + (b ?? 0), 0)).toBeGreaterThan(n);
  });

  it('filters by category and status, and keeps confidential tickets for inspektorat only', async () => {
    const trees = await findQueue(database.db, await user('walikota.pusat@aduan.test'), { ...options, categoryCode: 'pohon', status: 'selesai' });
    expect(trees.rows.length).toBeGreaterThan(0);
    expect(trees.rows.every((r) => r.category === 'Pohon' && r.status === 'selesai')).toBe(true);
    const admin = await findQueue(database.db, await user('admin@aduan.test'), { ...options, categoryCode: 'pungli' });
    expect(admin.rows).toHaveLength(0);
    const inspektorat = await findQueue(database.db, await user('inspektorat@aduan.test'), options);
    expect(inspektorat.rows.length).toBeGreaterThan(0);
    expect(inspektorat.rows.every((r) => r.category === 'Penyalahgunaan Wewenang / Pungli')).toBe(true);
  });
});
