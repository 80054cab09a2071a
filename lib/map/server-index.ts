import 'server-only';
import { getDb } from '@/db/client';
import { loadPublicMapPoints } from '@/db/queries/map-points';
import { buildClusterIndex, type ClusterIndex } from './clusters';

const TTL_MS = Number(process.env.ADUAN_MAP_TTL_SECONDS ?? 30) * 1000;
const state = globalThis as unknown as {
  aduanMapIndex?: { index: ClusterIndex; builtAt: number };
  aduanMapBuilding?: Promise<ClusterIndex>;
};

/** The clustered index of public points, rebuilt at most every TTL; one rebuild at a time. */
export async function getMapIndex(): Promise<ClusterIndex> {
  const current = state.aduanMapIndex;
  if (current && Date.now() - current.builtAt < TTL_MS) return current.index;
  state.aduanMapBuilding ??= loadPublicMapPoints(getDb())
    .then((points) => {
      const index = buildClusterIndex(points);
      state.aduanMapIndex = { index, builtAt: Date.now() };
      return index;
    })
    .finally(() => {
      state.aduanMapBuilding = undefined;
    });
  // Serve the stale index while a rebuild runs, when there is one.
  return current ? current.index : state.aduanMapBuilding;
}
