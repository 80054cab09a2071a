import type { Db } from '../connect';
import { listCategories, listChannels, listPublicCategories, listRegionOptions, type RegionOption } from './reference';

/**
 * Reference lists change only with a seed or a deploy, yet the list and dashboard pages read all
 * three on every request: each is read once per connection and kept for five minutes.
 */
const TTL_MS = 5 * 60_000;
const memo = new WeakMap<Db, Map<string, { loadedAt: number; value: Promise<unknown> }>>();

function remembered<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  let entries = memo.get(db);
  if (!entries) memo.set(db, (entries = new Map()));
  const hit = entries.get(key);
  const now = Date.now();
  if (hit && now - hit.loadedAt < TTL_MS) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { loadedAt: now, value });
  // a failed read is not kept: the next request tries again
  value.catch(() => entries.delete(key));
  return value;
}

export const cachedCategories = (db: Db) => remembered(db, 'all-categories', () => listCategories(db));
export const cachedPublicCategories = (db: Db) => remembered(db, 'categories', () => listPublicCategories(db));
export const cachedChannels = (db: Db) => remembered(db, 'channels', () => listChannels(db));
export const cachedRegionOptions = (db: Db): Promise<RegionOption[]> => remembered(db, 'regions', () => listRegionOptions(db));
