import { rmSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../connect';
import { rowsOf } from '../../bulk';
import { categories, reports } from '../../schema';
import { seedReference } from '../../seed/reference';
import { seedDemoUsers } from '../../seed/users';
import { loadStaffUser } from '../staff';
import { updateCategory } from '@/lib/admin/settings';
import { createReport } from '@/lib/intake/create-report';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { tempMediaDir } from '@/lib/testing/hostile';
import { reportInput } from '@/lib/testing/reports';
import { getPublicReport, getPublicTimeline } from './index';
import { loadMapChanges } from './map';

// Confidentiality is decided by the database, whatever path writes a report: a report of a
// confidential category is confidential, and a category made confidential takes its reports along.

let database: Database;
let mediaDir: string;
const now = new Date();

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  mediaDir = tempMediaDir();
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const deps = () => ({ now, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' });
const stored = async (number: string) =>
  (await database.db.select({ isConfidential: reports.isConfidential, isPublic: reports.isPublic }).from(reports).where(eq(reports.number, number)))[0];

describe('confidentiality in the database', () => {
  it('a report written as not confidential in a confidential category becomes confidential and private', async () => {
    const [{ id }] = await rowsOf<{ id: number }>(
      database.db.execute(sql`
        insert into reports (number, channel_code, category_code, description, is_public, is_confidential, lat, lng)
        values ('JK2612079990', 'web', 'pungli', 'Petugas meminta uang.', true, false, -6.1754, 106.8272) returning id`),
    );
    const [row] = await database.db.select().from(reports).where(eq(reports.id, id));
    expect([row.isConfidential, row.isPublic]).toEqual([true, false]);
    expect(await getPublicReport(database.db, 'JK2612079990')).toBeNull();
  });

  it('marking a category confidential hides its existing reports from every public read at once', async () => {
    const filed = await createReport(database.db, reportInput({ categoryCode: 'reklame', isPublic: true }), deps());
    expect(await getPublicReport(database.db, filed.number)).not.toBeNull();
    const [{ seq }] = await rowsOf<{ seq: number }>(database.db.execute(sql`select max(change_seq)::float8 as seq from reports`));

    const [{ id: adminId }] = await rowsOf<{ id: number }>(database.db.execute(sql`select id from users where role = 'admin' limit 1`));
    const admin = (await loadStaffUser(database.db, adminId))!;
    const [category] = await database.db.select().from(categories).where(eq(categories.code, 'reklame'));
    await updateCategory(database.db, admin, 'reklame', { nameId: category.nameId, nameEn: category.nameEn, defaultAgencyCode: category.defaultAgencyCode, isConfidential: true, policy: null }, now);

    expect(await stored(filed.number)).toEqual({ isConfidential: true, isPublic: false });
    expect(await getPublicReport(database.db, filed.number)).toBeNull();
    expect(await getPublicTimeline(database.db, filed.number)).toEqual([]);
    // the map and the figures read the change and take the report off
    const changes = await loadMapChanges(database.db, seq, 100);
    const row = changes.rows.find((r) => r.number === '' && !r.visible);
    expect(row, 'the map is told to drop it, without its number').toBeDefined();
    expect(changes.rows.some((r) => r.number === filed.number)).toBe(false);
  });
});
