import 'server-only';
import { refreshMapIndex } from '@/lib/map/server-index';
import { refreshFigures } from '@/lib/stats/server';
import { REFRESH_MS } from './change-feed';

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
  return () => clearInterval(timer);
}
