import 'server-only';
import { refreshMapIndex } from '@/lib/map/server-index';
import { refreshFigures } from '@/lib/stats/server';
import { getDb } from '@/db/client';
import { foldRegionTallies } from '@/db/queries/public/region';
import { REFRESH_MS } from './change-feed';

/** How often the region tallies' appended changes are folded (the figures are exact either way). */
const FOLD_MS = 60_000;

/**
 * Loads the map and the dashboard's in-memory indexes when the server starts and keeps them
 * current on a timer, so that no visitor waits for the first load of millions of reports or
 * for a refresh. Returns a function that stops the timer.
 */
export function keepIndexesWarm(onError: (error: unknown) => void): () => void {
  const run = () => Promise.all([refreshMapIndex(), refreshFigures()]).catch(onError);
  void run();
  const timer = setInterval(run, REFRESH_MS);
  timer.unref();
  const fold = setInterval(() => foldRegionTallies(getDb()).catch(onError), FOLD_MS);
  fold.unref();
  return () => {
    clearInterval(timer);
    clearInterval(fold);
  };
}
