import 'server-only';
import { ChangeFollower } from '@/lib/cache/change-feed';
import { loadMapChanges } from '@/db/queries/public/map';
import { filtersToQuery, type ReportFilters } from '@/lib/reports/filters';
import { CellGrid, gridAll, gridIn, MAX_CLUSTER_ZOOM, singlesIn, type BBox, type MapFeature } from './clusters';
import { readStoreSnapshot, writeStoreSnapshot } from '@/lib/cache/store-snapshot';
import { getDb } from '@/db/client';
import { POINT_STORE_FORMAT, PointStore, type MapRow } from './point-store';
import type { ReportStatus } from '@/db/schema';

/** Zooms up to this one cache a whole-city grid per filter; closer zooms group only the cells in view. */
const CITY_GRID_MAX_ZOOM = 14;
const MAX_CITY_CELLS = 2_000_000;
const MAX_CACHED_GRIDS = 64;

interface MapState {
  store: PointStore;
  feed: ChangeFollower<MapRow>;
  grids: Map<string, CellGrid>;
}

const global = globalThis as unknown as { aduanMap?: MapState };

const SNAPSHOT = 'map';

function state(): MapState {
  if (!global.aduanMap) {
    const grids = new Map<string, CellGrid>();
    const s: MapState = { store: new PointStore(), grids, feed: undefined! };
    s.feed = new ChangeFollower<MapRow>(
      loadMapChanges,
      (rows) => {
        if (s.store.apply(rows)) grids.clear();
      },
      async (db) => {
        const restored = await readStoreSnapshot(db, SNAPSHOT, POINT_STORE_FORMAT, () => new PointStore());
        if (!restored) return null;
        s.store = restored.store;
        grids.clear();
        return restored.changeSeq;
      },
    );
    global.aduanMap = s;
  }
  return global.aduanMap;
}

/** The point store, brought up to date when it is older than the refresh interval. */
async function freshStore(): Promise<PointStore> {
  const s = state();
  await s.feed.fresh();
  return s.store;
}

/** Loads or refreshes the points ahead of requests (called on a timer by the server process). */
export async function refreshMapIndex(): Promise<void> {
  await state().feed.fresh();
}

/** Writes the points' snapshot for the next start, unless one younger than `minAgeMs` is stored. */
export async function saveMapSnapshot(minAgeMs: number): Promise<boolean> {
  const s = state();
  if (s.feed.seq === 0) return false;
  return writeStoreSnapshot(getDb(), SNAPSHOT, POINT_STORE_FORMAT, s.store, s.feed.seq, minAgeMs);
}

/** Resolves when the points hold every change committed before the call (another process changed reports). */
export async function catchUpMapIndex(): Promise<void> {
  await state().feed.catchUp();
}

/** Makes the next map request read the changes (after a report changes in this process). */
export function invalidateMapIndex(): void {
  state().feed.invalidate();
}

function cachedGrid(s: MapState, key: string, build: () => CellGrid): CellGrid {
  let grid = s.grids.get(key);
  if (grid) {
    s.grids.delete(key);
  } else {
    grid = build();
    if (s.grids.size >= MAX_CACHED_GRIDS) s.grids.delete(s.grids.keys().next().value!);
  }
  s.grids.set(key, grid);
  return grid;
}

export interface MapAnswer {
  /** Public reports matching the filters, in all of Jakarta. */
  total: number;
  features: MapFeature[];
}

/** The whole-city grid for the filters at a zoom no finer than `zoom` (cached), and whether it is at that zoom. */
function cityGrid(s: MapState, store: PointStore, filters: ReportFilters, zoom: number, match: (at: number) => boolean) {
  const b = store.bounds;
  // a whole-city grid per filter and zoom, unless the points spread so far that it would be huge
  const fits = store.size > 0 && CellGrid.cellsFor(zoom, [b.west, b.south, b.east, b.north]) <= MAX_CITY_CELLS;
  const z = fits ? zoom : 0;
  return { fits, grid: cachedGrid(s, `${z}|${filtersToQuery(filters)}`, () => gridAll(store, z, match)) };
}

/** Clusters and single reports in view for the filters: the browser never receives every report. */
export async function queryMap(filters: ReportFilters, bbox: BBox, zoom: number): Promise<MapAnswer> {
  const store = await freshStore();
  const s = state();
  const match = store.matcher(filters);
  const total = cityGrid(s, store, filters, CITY_GRID_MAX_ZOOM, match).grid.total;
  if (zoom <= CITY_GRID_MAX_ZOOM) {
    const city = cityGrid(s, store, filters, zoom, match);
    if (city.fits) return { total, features: city.grid.features(store, bbox) };
  }
  if (zoom > MAX_CLUSTER_ZOOM) {
    const singles = singlesIn(store, zoom, bbox, match);
    if (singles) return { total, features: singles };
  }
  return { total, features: gridIn(store, Math.min(zoom, MAX_CLUSTER_ZOOM), bbox, match).features(store, bbox) };
}

/**
 * Reports on the map for the filters, by status: the same count as the map's `total` (from the
 * same cached grid), for headlines that must agree with what the map shows.
 */
export async function countMapReports(filters: ReportFilters): Promise<Record<ReportStatus, number>> {
  const store = await freshStore();
  return cityGrid(state(), store, filters, CITY_GRID_MAX_ZOOM, store.matcher(filters)).grid.counts();
}
