import 'server-only';
import { getDb } from '@/db/client';
import { loadPublicMapPoints, type MapPoint } from '@/db/queries/map-points';
import { filtersToQuery, type ReportFilters } from '@/lib/reports/filters';
import { buildClusterIndex, type ClusterIndex } from './clusters';
import { pointMatcher } from './point-filter';

const TTL_MS = Number(process.env.ADUAN_MAP_TTL_SECONDS ?? 30) * 1000;
const MAX_FILTERED = 24;

interface Snapshot {
  points: MapPoint[];
  builtAt: number;
  /** Clustered indexes per filter query string, least recently used first. */
  indexes: Map<string, ClusterIndex>;
}

const state = globalThis as unknown as { aduanMap?: Snapshot; aduanMapLoading?: Promise<Snapshot> };

async function snapshot(): Promise<Snapshot> {
  const current = state.aduanMap;
  if (current && Date.now() - current.builtAt < TTL_MS) return current;
  state.aduanMapLoading ??= loadPublicMapPoints(getDb())
    .then((points) => {
      state.aduanMap = { points, builtAt: Date.now(), indexes: new Map() };
      return state.aduanMap;
    })
    .finally(() => {
      state.aduanMapLoading = undefined;
    });
  // Serve the previous snapshot while a fresh one loads, when there is one.
  return current ?? state.aduanMapLoading;
}

/** Forces the next map request to reload points (after a report changes). */
export function invalidateMapIndex(): void {
  if (state.aduanMap) state.aduanMap.builtAt = 0;
}

/** The clustered index of public points matching the filters. */
export async function getMapIndex(filters: ReportFilters): Promise<ClusterIndex> {
  const snap = await snapshot();
  const key = filtersToQuery(filters);
  let index = snap.indexes.get(key);
  if (index) {
    snap.indexes.delete(key);
  } else {
    index = buildClusterIndex(key ? snap.points.filter(pointMatcher(filters)) : snap.points);
    if (snap.indexes.size >= MAX_FILTERED) snap.indexes.delete(snap.indexes.keys().next().value!);
  }
  snap.indexes.set(key, index);
  return index;
}
