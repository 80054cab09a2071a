import 'server-only';
import { refreshMapIndex, saveMapSnapshot } from '@/lib/map/server-index';
import { refreshFigures, saveFiguresSnapshot } from '@/lib/stats/server';
import { getDb } from '@/db/client';
import { foldRegionTallies } from '@/db/queries/public/region';
import { REFRESH_MS } from './change-feed';

/** How often the region tallies' appended changes are folded (the figures are exact either way). */
const FOLD_MS = 60_000;
/**
 * How often the stores' snapshots are written (by one instance: the others find a young one and
 * skip). A restart catches up on at most this much of the change feed: an hour of a flood day is
 * a few thousand changes, read in a second. Writing one costs 2-3 s of this process's CPU at 2 M
 * reports (80 MB compressed, sent as hex text), too much to repeat every few minutes while the
 * instance is serving a burst.
 */
const SNAPSHOT_MS = Number(process.env.ADUAN_SNAPSHOT_MINUTES ?? 60) * 60_000;

/**
 * Loads the map and the dashboard's in-memory indexes when the server starts (from their
 * snapshots when there are some) and keeps them current on a timer, snapshotting them now and then, so that no visitor waits for the first load of millions of reports or
 * for a refresh. Returns a function that stops the timer.
 */
export function keepIndexesWarm(onError: (error: unknown) => void): () => void {
  const run = () => Promise.all([refreshMapIndex(), refreshFigures()]).catch(onError);
  // half the interval: the timer of the instance that wrote the last one fires a little under SNAPSHOT_MS later
  const snapshot = () => Promise.all([saveMapSnapshot(SNAPSHOT_MS / 2), saveFiguresSnapshot(SNAPSHOT_MS / 2)]).catch(onError);
  // written right after the first load too, so that a first-ever start leaves one for the next
  void run().then(snapshot);
  const timer = setInterval(run, REFRESH_MS);
  timer.unref();
  const snapshots = setInterval(snapshot, SNAPSHOT_MS);
  snapshots.unref();
  const fold = setInterval(() => foldRegionTallies(getDb()).catch(onError), FOLD_MS);
  fold.unref();
  return () => {
    clearInterval(timer);
    clearInterval(fold);
    clearInterval(snapshots);
  };
}
