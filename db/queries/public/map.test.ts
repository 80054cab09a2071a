import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../connect';
import { rowsOf } from '../../bulk';
import { seedDemoReports } from '../../seed/demo';
import { seedReference } from '../../seed/reference';
import { createReport } from '@/lib/intake/create-report';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { tempMediaDir } from '@/lib/testing/hostile';
import { reportInput } from '@/lib/testing/reports';
import { gridAll, singlesIn } from '@/lib/map/clusters';
import { PointStore } from '@/lib/map/point-store';
import { parseFilters } from '@/lib/reports/filters';
import { loadMapChanges } from './map';

let database: Database;
const end = new Date('2026-09-01T00:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoReports(database.db, { reports: 1500, months: 2, seed: 9, end });
});
afterAll(async () => database?.close());

const count = async (where: string) =>
  (await rowsOf<{ n: number }>(database.db.execute(sql.raw(`select count(*)::int as n from reports where ${where}`))))[0].n;

const slots = (store: PointStore) => Array.from({ length: store.slots }, (_, at) => at).filter((at) => store.alive[at]);
const slotOf = (store: PointStore, number: string) => slots(store).find((at) => store.number(at) === number)!;

async function loadAll(store: PointStore, after = 0, chunk = 400): Promise<number> {
  for (;;) {
    const { rows, lastSeq } = await loadMapChanges(database.db, after, chunk);
    store.apply(rows);
    after = lastSeq;
    if (rows.length < chunk) return after;
  }
}

describe('loadMapChanges', () => {
  it('loads every placeable (pinned or with a kelurahan), non-confidential report in chunks, and nothing confidential', async () => {
    const store = new PointStore();
    await loadAll(store);
    expect(await count('not is_confidential and lat is null and kelurahan_code is not null')).toBeGreaterThan(0);
    expect(store.size).toBe(await count('not is_confidential and (lat is not null or kelurahan_code is not null)'));
    const confidential = await rowsOf<{ number: string }>(database.db.execute(sql`select number from reports where is_confidential`));
    expect(confidential.length).toBeGreaterThan(0);
    const shown = new Set(slots(store).map((at) => store.number(at)));
    expect(confidential.some((r) => shown.has(r.number))).toBe(false);
  });

  it('returns only what changed since the last read: a status change, a new confidential flag', async () => {
    const store = new PointStore();
    const seen = await loadAll(store);
    expect((await loadMapChanges(database.db, seen, 100)).rows).toEqual([]);

    const [target] = await rowsOf<{ id: number; number: string }>(
      database.db.execute(sql`select id::float8 as id, number from reports where not is_confidential and lat is not null and status = 'proses' limit 1`),
    );
    const [gone] = await rowsOf<{ id: number; number: string }>(
      database.db.execute(sql`select id::float8 as id, number from reports where not is_confidential and lat is not null and id <> ${target.id} limit 1`),
    );
    await database.db.execute(sql`update reports set status = 'selesai' where id = ${target.id}`);
    await database.db.execute(sql`update reports set is_confidential = true where id = ${gone.id}`);

    const changes = await loadMapChanges(database.db, seen, 100);
    expect(changes.rows.map((r) => r.id).sort()).toEqual([target.id, gone.id].sort());
    // the projection hands out nothing of a confidential ticket but the id that takes it off the map
    expect(changes.rows.find((r) => r.id === gone.id)).toMatchObject({ visible: false, number: '', lat: null, lng: null });
    expect(changes.lastSeq).toBeGreaterThan(seen);
    const before = store.size;
    expect(store.apply(changes.rows)).toBe(true);
    expect(store.size).toBe(before - 1);
    const finished = store.matcher(parseFilters(new URLSearchParams('status=selesai')));
    expect(finished(slotOf(store, target.number))).toBe(true);
  });

  it('places private reports at their approximate position only', async () => {
    const [p] = await rowsOf<{ number: string; lat: number; lng: number }>(
      database.db.execute(sql`select number, lat, lng from reports where not is_public and not is_confidential and lat is not null limit 1`),
    );
    const { rows } = await loadMapChanges(database.db, 0, 100_000);
    const row = rows.find((r) => r.number === p.number)!;
    expect(row.lat).not.toBe(p.lat);
    expect(Math.abs(row.lat! - p.lat)).toBeLessThan(0.002);
    expect(Math.abs(row.lng! - p.lng)).toBeLessThan(0.002);
  });
});

describe('loadMapChanges: reports without a pin', () => {
  const mediaDir = tempMediaDir();
  const deps = () => ({ now: end, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' });
  afterAll(() => rmSync(mediaDir, { recursive: true, force: true }));

  it('places a report filed with the kelurahan picker at its kelurahan centre, marked approximate, and the filters find it', async () => {
    const store = new PointStore();
    const seen = await loadAll(store);
    const kelurahan = '31.74.01.1003'; // Menteng Dalam, Tebet
    const [centre] = await rowsOf<{ lat: number; lng: number; name: string }>(
      database.db.execute(sql`select center_lat as lat, center_lng as lng, name from regions where code = ${kelurahan}`),
    );
    const picked = await createReport(database.db, reportInput({ lat: null, lng: null, kelurahanCode: kelurahan, categoryCode: 'pohon' }), deps());
    const nowhere = await createReport(database.db, reportInput({ lat: null, lng: null, kelurahanCode: null, allowUnlocated: true, channelCode: 'sms' }), deps());

    const { rows } = await loadMapChanges(database.db, seen, 100);
    expect(rows.find((r) => r.number === picked.number)).toMatchObject({ visible: true, lat: centre.lat, lng: centre.lng, approximate: true, kelurahanCode: kelurahan });
    // a report with neither pin nor kelurahan cannot be drawn anywhere
    expect(rows.find((r) => r.number === nowhere.number)).toMatchObject({ lat: null, lng: null, approximate: false });
    // a pinned report is not approximate
    expect(rows.every((r) => r.number === picked.number || !r.approximate)).toBe(true);

    const before = store.size;
    store.apply(rows);
    expect(store.size).toBe(before + 1);
    // the filtered map (kelurahan + category) has it, as the list does, and close up it is one approximate report
    const match = store.matcher(parseFilters(new URLSearchParams(`kelurahan=${kelurahan}&kategori=pohon`)));
    expect(gridAll(store, 14, match).total).toBe(await count(`kelurahan_code = '${kelurahan}' and category_code = 'pohon' and not is_confidential`));
    const box = [centre.lng - 0.001, centre.lat - 0.001, centre.lng + 0.001, centre.lat + 0.001] as const;
    const singles = singlesIn(store, 18, box, match)!;
    expect(singles).toContainEqual(expect.objectContaining({ kind: 'report', number: picked.number, approximate: true, kelurahanCode: kelurahan }));
    // and the status counts the home page shows come from the same grid
    expect(gridAll(store, 14, match).counts().menunggu).toBeGreaterThanOrEqual(1);
  });
});
