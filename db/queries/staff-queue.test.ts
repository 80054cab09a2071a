import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../connect';
import { rowsOf } from '../bulk';
import { seedDemoReports } from '../seed/demo';
import { seedReference } from '../seed/reference';
import { seedDemoUsers } from '../seed/users';
import { createTestDatabase } from '@/lib/testing/db';
import { findFieldQueue, findQueue, findUnitBacklog } from './staff-queue';
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
    // every open ticket before any closed one, however old its deadline; closed ones newest first
    const isClosed = (r: { status: string }) => r.status === 'selesai' || r.status === 'ditolak';
    const firstClosed = camat.rows.findIndex(isClosed);
    expect(firstClosed).toBeGreaterThan(0);
    expect(camat.rows.slice(firstClosed).every(isClosed)).toBe(true);
    const closedTimes = camat.rows.slice(firstClosed).map((r) => r.createdAt.getTime());
    expect(closedTimes).toEqual([...closedTimes].sort((a, b) => b - a));
    // the second page goes on where the first stopped
    const second = await findQueue(database.db, await user('camat.gambir@aduan.test'), { ...options, pageSize: 20, page: 2 });
    expect(second.rows.map((r) => r.number)).toEqual(camat.rows.slice(20, 40).map((r) => r.number));
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

describe('findQueue paging', () => {
  it('gives the listing a total that the pages add up to', async () => {
    const camat = await user('camat.gambir@aduan.test');
    const first = await findQueue(database.db, camat, { ...options, pageSize: 50 });
    expect(first.totalIsLowerBound).toBe(false);
    expect(first.total).toBe(Object.values(first.counts).reduce((a, b) => a + (b ?? 0), 0));
    expect(first.total).toBeGreaterThan(50);
    let seen = 0;
    for (let page = 1; ; page++) {
      const { rows } = await findQueue(database.db, camat, { ...options, pageSize: 50, page });
      seen += rows.length;
      if (rows.length < 50) break;
    }
    expect(seen).toBe(first.total);
    const proses = await findQueue(database.db, camat, { ...options, status: 'proses', pageSize: 50 });
    expect(proses.total).toBe(proses.counts.proses);
  });

  it('counts closed tickets on past a deep page instead of stopping at the cap', async () => {
    const admin = await user('admin@aduan.test');
    const [{ n }] = await rowsOf<{ n: number }>(
      database.db.execute(sql`select count(*)::int as n from reports where status = 'selesai' and not is_confidential`),
    );
    expect(n).toBeGreaterThan(1000);
    const first = await findQueue(database.db, admin, { ...options, status: 'selesai', pageSize: 50 });
    expect(first).toMatchObject({ total: 1000, totalIsLowerBound: true });
    const deep = await findQueue(database.db, admin, { ...options, status: 'selesai', pageSize: 50, page: 21 });
    expect(deep.rows).toHaveLength(Math.min(50, n - 1000));
    expect(deep).toMatchObject({ total: Math.min(n, 2000), totalIsLowerBound: n > 2000 });
  });
});

describe('area filter and unit backlog', () => {
  it('narrows the queue of a camat to one kelurahan, and never widens it beyond the kecamatan', async () => {
    const camat = await user('camat.gambir@aduan.test');
    const inside = await findQueue(database.db, camat, { ...options, regionCode: '31.71.01.1001' });
    expect(inside.rows.length).toBeGreaterThan(0);
    expect(inside.rows.every((r) => r.kelurahan === 'Gambir')).toBe(true);
    const outside = await findQueue(database.db, camat, { ...options, regionCode: '31.71.06.1001' });
    expect(outside.rows).toHaveLength(0);
    expect(outside.counts).toEqual({});
  });

  it('gives a camat one row per kelurahan with open, overdue and escalated counts that match SQL', async () => {
    const camat = await user('camat.gambir@aduan.test');
    const units = await findUnitBacklog(database.db, camat, end);
    const kelurahan = await rowsOf<{ code: string }>(database.db.execute(sql`select code from regions where parent_code = '31.71.01'`));
    expect(units.map((u) => u.code).sort()).toEqual(kelurahan.map((k) => k.code).sort());
    const expected = await rowsOf<{ code: string; open: number; overdue: number; escalated: number }>(
      database.db.execute(sql`select kelurahan_code as code, count(*)::int as open,
        (count(*) filter (where coalesce(estimated_completion_at, due_at) < ${end.toISOString()}::timestamptz))::int as overdue,
        (count(*) filter (where escalation_level > 0))::int as escalated
        from reports where kecamatan_code = '31.71.01' and not is_confidential
          and status in ('menunggu', 'koordinasi', 'disposisi', 'proses', 'menunggu_validasi')
        group by kelurahan_code`),
    );
    for (const e of expected) expect(units.find((u) => u.code === e.code)).toMatchObject(e);
    expect(units.reduce((a, u) => a + u.open, 0)).toBe(expected.reduce((a, e) => a + e.open, 0));
    expect(units.some((u) => u.overdue > 0)).toBe(true);
  });

  it('gives a walikota the kecamatan of the kota, and a lurah no backlog table', async () => {
    const walikota = await findUnitBacklog(database.db, await user('walikota.pusat@aduan.test'), end);
    expect(walikota.map((u) => u.code).every((c) => c.startsWith('31.71.') && c.split('.').length === 3)).toBe(true);
    expect(walikota.length).toBeGreaterThan(5);
    expect(await findUnitBacklog(database.db, await user('lurah.gambir@aduan.test'), end)).toEqual([]);
  });
});

describe('findFieldQueue', () => {
  const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
    111_320 * Math.hypot(a.lat - b.lat, (a.lng - b.lng) * Math.cos((b.lat * Math.PI) / 180));

  it("lists a lurah's open tickets nearest first, with the distance from where they stand; one without a pin at its kelurahan", async () => {
    const lurah = await user('lurah.gambir@aduan.test');
    // a few of the kelurahan's tickets still being handled, wherever the demo left them
    await database.db.execute(sql`update reports set status = 'proses' where id in (select id from reports
      where kelurahan_code = ${lurah.regionCode} and not is_confidential and lat is not null order by id limit 6)`);
    // and one filed without a pin
    const [unpinned] = await rowsOf<{ number: string }>(
      database.db.execute(sql`update reports set status = 'proses', lat = null, lng = null where id = (select id from reports
        where kelurahan_code = ${lurah.regionCode} and not is_confidential order by id desc limit 1) returning number`),
    );
    const here = { lat: -6.1754, lng: 106.8272 };
    const tickets = await findFieldQueue(database.db, lurah, { near: here, now: end, limit: 30 });
    expect(tickets.length).toBeGreaterThan(0);
    const [{ n }] = await rowsOf<{ n: number }>(
      database.db.execute(sql`select count(*)::int as n from reports where kelurahan_code = ${lurah.regionCode} and not is_confidential
        and status in ('menunggu', 'koordinasi', 'disposisi', 'proses')`),
    );
    expect(tickets).toHaveLength(Math.min(n, 30));
    const numbers = tickets.map((k) => k.number);
    const [{ outside }] = await rowsOf<{ outside: number }>(
      database.db.execute(sql`select count(*)::int as outside from reports where number = any(${`{${numbers.join(',')}}`}::text[])
        and (kelurahan_code <> ${lurah.regionCode} or is_confidential or status in ('menunggu_validasi', 'selesai', 'ditolak'))`),
    );
    expect(outside).toBe(0);
    const distances = tickets.map((k) => k.distanceM!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const k of tickets) expect(k.distanceM!).toBeCloseTo(metres(k, here), 0);
    const [centre] = await rowsOf<{ lat: number; lng: number }>(
      database.db.execute(sql`select center_lat as lat, center_lng as lng from regions where code = ${lurah.regionCode}`),
    );
    const atCentre = (await findFieldQueue(database.db, lurah, { near: here, now: end, limit: 500 })).find((k) => k.number === unpinned.number);
    expect(atCentre).toMatchObject({ isApproximate: true, lat: centre.lat, lng: centre.lng });
    expect(tickets.filter((k) => k.number !== unpinned.number).every((k) => !k.isApproximate)).toBe(true);
  });

  it('without a position lists overdue tickets first, and keeps confidential tickets for inspektorat only', async () => {
    const walikota = await user('walikota.pusat@aduan.test');
    const tickets = await findFieldQueue(database.db, walikota, { near: null, now: end, limit: 200 });
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.every((k) => k.distanceM === null)).toBe(true);
    const firstOnTime = tickets.findIndex((k) => !k.isOverdue);
    if (firstOnTime >= 0) expect(tickets.slice(firstOnTime).every((k) => !k.isOverdue)).toBe(true);
    expect(tickets.some((k) => k.category === 'Penyalahgunaan Wewenang / Pungli')).toBe(false);
    const inspektorat = await findFieldQueue(database.db, await user('inspektorat@aduan.test'), { near: null, now: end, limit: 200 });
    expect(inspektorat.every((k) => k.category === 'Penyalahgunaan Wewenang / Pungli')).toBe(true);
  });
});
