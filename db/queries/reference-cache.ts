import { eq } from 'drizzle-orm';
import type { Db } from '../connect';
import { agencies } from '../schema';
import { loadSlaSettings, type SlaSettings } from './sla';
import { listCategories, listChannels, listPublicCategories, listRegionOptions, type RegionOption } from './reference';

/**
 * Reference lists change only with a seed or a deploy, yet the list and dashboard pages read all
 * three on every request: each is read once per connection and kept for five minutes.
 */
const TTL_MS = 5 * 60_000;
const memo = new WeakMap<Db, Map<string, { loadedAt: number; value: Promise<unknown> }>>();

function remembered<T>(db: Db, key: string, load: () => Promise<T>, ttlMs = TTL_MS): Promise<T> {
  let entries = memo.get(db);
  if (!entries) memo.set(db, (entries = new Map()));
  const hit = entries.get(key);
  const now = Date.now();
  if (hit && now - hit.loadedAt < ttlMs) return hit.value as Promise<T>;
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

/**
 * The SLA policies and holidays that set a new report's deadlines, read at most once a minute
 * instead of twice per report (a burst of reports reads them thousands of times). A change made
 * through this server is seen by the next report (forgetSlaSettings); one made through another
 * instance within a minute.
 */
export const cachedSlaSettings = (db: Db): Promise<SlaSettings> => remembered(db, 'sla', () => loadSlaSettings(db), 60_000);
export const forgetSlaSettings = (db: Db): void => void memo.get(db)?.delete('sla');

const agencyIds = new WeakMap<Db, Map<string, number>>();

/** A unit's id by its code: ids never change, so each is read once (units not found are not kept). */
export async function cachedAgencyId(db: Db, code: string): Promise<number | null> {
  let ids = agencyIds.get(db);
  if (!ids) agencyIds.set(db, (ids = new Map()));
  const known = ids.get(code);
  if (known !== undefined) return known;
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  if (row) ids.set(code, row.id);
  return row?.id ?? null;
}
