import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import type { Db } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { loadFactChanges } from '@/db/queries/public/facts';
import { loadMapChanges } from '@/db/queries/public/map';
import { saveStoreSnapshot } from '@/db/queries/store-snapshots';
import { seedDemoReports } from '@/db/seed/demo';
import { seedReference } from '@/db/seed/reference';
import { createReport } from '@/lib/intake/create-report';
import { gridAll } from '@/lib/map/clusters';
import { POINT_STORE_FORMAT, PointStore } from '@/lib/map/point-store';
import { createDiskStorage } from '@/lib/media/storage';
import { parseFilters } from '@/lib/reports/filters';
import { FACT_STORE_FORMAT, FactStore } from '@/lib/stats/fact-store';
import { computeDashboard } from '@/lib/stats/figures';
import { createTestDatabase } from '@/lib/testing/db';
import { tempMediaDir } from '@/lib/testing/hostile';
import { reportInput } from '@/lib/testing/reports';
import { deflateSync } from 'node:zlib';
import { encodeColumns } from './snapshot-codec';
import { readStoreSnapshot, writeStoreSnapshot } from './store-snapshot';

let database: Database;
const end = new Date('2026-09-01T00:00:00Z');
const mediaDir = tempMediaDir();

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoReports(database.db, { reports: 1200, months: 2, seed: 5, end });
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

type Load<Row> = (db: Db, after: number, limit: number) => Promise<{ rows: Row[]; lastSeq: number }>;

async function follow<Row>(store: { apply(rows: Row[]): unknown }, load: Load<Row>, after = 0): Promise<number> {
  for (;;) {
    const { rows, lastSeq } = await load(database.db, after, 400);
    store.apply(rows);
    after = lastSeq;
    if (rows.length < 400) return after;
  }
}

/** Every point on the map with what the map shows of it, in ticket-number order. */
function points(store: PointStore) {
  const out: string[] = [];
  for (let at = 0; at < store.slots; at++) {
    if (!store.alive[at]) continue;
    out.push(
      [store.number(at), store.lat[at], store.lng[at], store.status[at], store.categories.values[store.category[at]],
        store.channels.values[store.channel[at]], store.kelurahans.values[store.kelurahan[at]], store.created[at], store.approximate[at]].join('|'),
    );
  }
  return out.sort();
}

/** A new report, a status change and a report made confidential, after the snapshot was taken. */
async function changeReports(): Promise<{ added: string; finished: string; hidden: string }> {
  const deps = { now: end, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' };
  const added = (await createReport(database.db, reportInput({ categoryCode: 'pohon' }), deps)).number;
  const [finished, hidden] = await rowsOf<{ id: number; number: string }>(
    database.db.execute(sql`
      select id::float8 as id, number from reports
      where not is_confidential and lat is not null and status = 'proses' order by id limit 2`),
  );
  await database.db.execute(sql`update reports set status = 'selesai', finished_at = ${end.toISOString()} where id = ${finished.id}`);
  await database.db.execute(sql`update reports set is_confidential = true where id = ${hidden.id}`);
  return { added, finished: finished.number, hidden: hidden.number };
}

describe('store snapshots', () => {
  it('a map store loaded from a snapshot and caught up answers as one loaded in full, without what became confidential', async () => {
    const before = new PointStore();
    const seq = await follow(before, loadMapChanges);
    expect(await writeStoreSnapshot(database.db, 'map', POINT_STORE_FORMAT, before, seq, 0)).toBe(true);
    const { added, finished, hidden } = await changeReports();

    const restored = (await readStoreSnapshot(database.db, 'map', POINT_STORE_FORMAT, () => new PointStore()))!;
    expect(restored.changeSeq).toBe(seq);
    expect(points(restored.store)).toEqual(points(before));
    await follow(restored.store, loadMapChanges, restored.changeSeq);
    const full = new PointStore();
    await follow(full, loadMapChanges);

    const shown = points(restored.store);
    expect(shown).toEqual(points(full));
    expect(shown.some((p) => p.startsWith(`${added}|`))).toBe(true);
    expect(shown.some((p) => p.startsWith(`${hidden}|`))).toBe(false);
    for (const query of ['', 'status=selesai', 'kategori=pohon&status=menunggu']) {
      const filters = parseFilters(new URLSearchParams(query));
      const grid = (store: PointStore) => gridAll(store, 12, store.matcher(filters));
      expect(grid(restored.store).counts()).toEqual(grid(full).counts());
      expect(grid(restored.store).features(restored.store, [106, -7, 107.5, -5.5])).toEqual(grid(full).features(full, [106, -7, 107.5, -5.5]));
    }
    const isFinished = restored.store.matcher(parseFilters(new URLSearchParams('status=selesai')));
    const slot = [...Array(restored.store.slots).keys()].find((at) => restored.store.number(at) === finished)!;
    expect(isFinished(slot)).toBe(true);
  });

  it('a figures store loaded from a snapshot and caught up computes the same dashboard as one loaded in full', async () => {
    const before = new FactStore();
    const seq = await follow(before, loadFactChanges);
    expect(await writeStoreSnapshot(database.db, 'facts', FACT_STORE_FORMAT, before, seq, 0)).toBe(true);
    await changeReports();

    const restored = (await readStoreSnapshot(database.db, 'facts', FACT_STORE_FORMAT, () => new FactStore()))!;
    const filters = { from: end.getTime() - 90 * 86_400_000, until: end.getTime() + 86_400_000, region: null, categories: [], channels: [] };
    const now = end.getTime() + 3_600_000;
    const stale = computeDashboard(restored.store, filters, now);
    await follow(restored.store, loadFactChanges, restored.changeSeq);
    const full = new FactStore();
    await follow(full, loadFactChanges);

    const dashboard = computeDashboard(restored.store, filters, now);
    expect(dashboard).toEqual(computeDashboard(full, filters, now));
    expect(dashboard).not.toEqual(stale);
    expect(restored.store.size).toBe(full.size);
    // one report in, one made confidential out
    expect(dashboard.overall.reports).toBe(stale.overall.reports);
  });

  it('ignores a snapshot of another format version, and writes only over one that is old enough and behind', async () => {
    const store = new PointStore();
    const seq = await follow(store, loadMapChanges);
    expect(await writeStoreSnapshot(database.db, 'map', POINT_STORE_FORMAT + 1, store, seq, 0)).toBe(true);
    expect(await readStoreSnapshot(database.db, 'map', POINT_STORE_FORMAT, () => new PointStore())).toBeNull();
    expect(await readStoreSnapshot(database.db, 'map', POINT_STORE_FORMAT + 1, () => new PointStore())).not.toBeNull();
    // a young snapshot in the same format is kept; one in another format is replaced at once
    expect(await writeStoreSnapshot(database.db, 'map', POINT_STORE_FORMAT + 1, store, seq, 60_000)).toBe(false);
    expect(await writeStoreSnapshot(database.db, 'map', POINT_STORE_FORMAT, store, seq, 60_000)).toBe(true);
    // nor is one as current as the store, however old
    expect(await writeStoreSnapshot(database.db, 'map', POINT_STORE_FORMAT, store, seq, 0)).toBe(false);
    expect(await writeStoreSnapshot(database.db, 'map', POINT_STORE_FORMAT, store, seq + 1, 0)).toBe(true);
    expect(await readStoreSnapshot(database.db, 'map', POINT_STORE_FORMAT, () => new PointStore())).not.toBeNull();
  });

  it('refuses a snapshot whose statuses were numbered differently', async () => {
    const snapshot = new PointStore().snapshot();
    const data = deflateSync(encodeColumns({ ...snapshot, meta: { ...snapshot.meta, statuses: ['selesai'] } }));
    await saveStoreSnapshot(database.db, 'map-other', POINT_STORE_FORMAT, { changeSeq: 1, data }, 0);
    await expect(readStoreSnapshot(database.db, 'map-other', POINT_STORE_FORMAT, () => new PointStore())).rejects.toThrow(/statuses/);
  });
});
