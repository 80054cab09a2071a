import 'server-only';
import { getDb } from '@/db/client';
import { loadMapChanges } from '@/db/queries/map-points';
import { filtersToQuery, type ReportFilters } from '@/lib/reports/filters';
import { CellGrid, gridAll, gridIn, MAX_CLUSTER_ZOOM, singlesIn, type BBox, type MapFeature } from './clusters';
import { PointStore } from './point-store';

/** How often the map asks the database what changed (a change made in this process is seen at once). */
const REFRESH_MS = Number(process.env.ADUAN_MAP_REFRESH_SECONDS ?? 10) * 1000;
/** Rows read per query, so that the first load of millions of reports never holds them all as objects. */
const CHUNK = 50_000;
/**
 * Change numbers are taken when a transaction writes, but become visible when it commits: re-reading
 * a little behind the highest number seen catches a slower transaction that committed after a faster one.
 */
const OVERLAP = 1_000;
/** Zooms up to this one cache a whole-city grid per filter; closer zooms group only the cells in view. */
const CITY_GRID_MAX_ZOOM = 14;
const MAX_CITY_CELLS = 2_000_000;
const MAX_CACHED_GRIDS = 64;

interface MapState {
  store: PointStore;
  lastSeq: number;
  refreshedAt: number;
  refreshing?: Promise<void>;
  grids: Map<string, CellGrid>;
}

const global = globalThis as unknown as { aduanMap?: MapState };

function state(): MapState {
  global.aduanMap ??= { store: new PointStore(), lastSeq: 0, refreshedAt: 0, grids: new Map() };
  return global.aduanMap;
}

async function readChanges(s: MapState): Promise<void> {
  const db = getDb();
  let after = Math.max(0, s.lastSeq - OVERLAP);
  for (;;) {
    const { rows, lastSeq } = await loadMapChanges(db, after, CHUNK);
    if (s.store.apply(rows)) s.grids.clear();
    after = lastSeq;
    if (rows.length < CHUNK) break;
  }
  s.lastSeq = Math.max(s.lastSeq, after);
  s.refreshedAt = Date.now();
}

/** The point store, brought up to date when it is older than the refresh interval. */
async function freshStore(): Promise<PointStore> {
  const s = state();
  const due = Date.now() - s.refreshedAt >= REFRESH_MS;
  if (due && !s.refreshing) {
    s.refreshing = readChanges(s).finally(() => {
      s.refreshing = undefined;
    });
  }
  // The first load is awaited; after that, requests are answered from the current points while a refresh runs.
  if (s.refreshedAt === 0) await s.refreshing;
  return s.store;
}

/** Makes the next map request read the changes (after a report changes in this process). */
export function invalidateMapIndex(): void {
  state().refreshedAt = Math.min(state().refreshedAt, 1);
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

/** Clusters and single reports in view for the filters: the browser never receives every report. */
export async function queryMap(filters: ReportFilters, bbox: BBox, zoom: number): Promise<MapAnswer> {
  const store = await freshStore();
  const s = state();
  const key = filtersToQuery(filters);
  const match = store.matcher(filters);
  const b = store.bounds;
  // a whole-city grid per filter and zoom, unless the points spread so far that it would be huge
  const cityFits = (z: number) => store.size > 0 && CellGrid.cellsFor(z, [b.west, b.south, b.east, b.north]) <= MAX_CITY_CELLS;
  const city = (z: number) => cachedGrid(s, `${z}|${key}`, () => gridAll(store, z, match));
  const totalZoom = cityFits(CITY_GRID_MAX_ZOOM) ? CITY_GRID_MAX_ZOOM : 0;
  const total = city(totalZoom).total;
  if (zoom <= CITY_GRID_MAX_ZOOM && cityFits(zoom)) return { total, features: city(zoom).features(store, bbox) };
  if (zoom > MAX_CLUSTER_ZOOM) {
    const singles = singlesIn(store, zoom, bbox, match);
    if (singles) return { total, features: singles };
  }
  return { total, features: gridIn(store, Math.min(zoom, MAX_CLUSTER_ZOOM), bbox, match).features(store, bbox) };
}
