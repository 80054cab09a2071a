import 'server-only';
import { loadFactChanges } from '@/db/queries/stats-facts';
import { ChangeFollower, REFRESH_MS } from '@/lib/cache/change-feed';
import { FactStore, type FactRow } from './fact-store';
import { computeDashboard, type Dashboard, type FigureFilters } from './figures';

const MAX_CACHED = 128;

interface StatsState {
  store: FactStore;
  feed: ChangeFollower<FactRow>;
  /** Figures per filter, for one store version and at most one refresh interval. */
  cache: Map<string, { version: number; at: number; dashboard: Dashboard }>;
}

const global = globalThis as unknown as { aduanStats?: StatsState };

function state(): StatsState {
  if (!global.aduanStats) {
    const store = new FactStore();
    global.aduanStats = { store, feed: new ChangeFollower(loadFactChanges, (rows) => store.apply(rows)), cache: new Map() };
  }
  return global.aduanStats;
}

/** Makes the next figures read the changes (after a report changes in this process). */
export function invalidateFigures(): void {
  state().feed.invalidate();
}

/** The dashboard's figures for the filters, current to within the refresh interval. */
export async function dashboardFigures(filters: FigureFilters): Promise<Dashboard> {
  const s = state();
  await s.feed.fresh();
  const key = JSON.stringify(filters);
  const now = Date.now();
  const hit = s.cache.get(key);
  if (hit && hit.version === s.store.version && now - hit.at < REFRESH_MS) return hit.dashboard;
  const dashboard = computeDashboard(s.store, filters, now);
  s.cache.delete(key);
  if (s.cache.size >= MAX_CACHED) s.cache.delete(s.cache.keys().next().value!);
  s.cache.set(key, { version: s.store.version, at: now, dashboard });
  return dashboard;
}
