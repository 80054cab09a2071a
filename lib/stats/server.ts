import 'server-only';
import { ne } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { listCategories, listChannels } from '@/db/queries/reference';
import { loadFactChanges } from '@/db/queries/public/facts';
import { agencies, regions } from '@/db/schema';
import { localName, type Locale } from '@/lib/i18n';
import { shortRegionName } from '@/lib/regions/names';
import { regionLevelOf } from '@/lib/reports/filters';
import { listPeriods, periodResults } from '@/lib/skm/survey';
import { ChangeFollower } from '@/lib/cache/change-feed';
import { readStoreSnapshot, writeStoreSnapshot } from '@/lib/cache/store-snapshot';
import { getDb } from '@/db/client';
import { FACT_STORE_FORMAT, FactStore, type FactRow } from './fact-store';
import type { TableNames } from './dashboard';
import { computeDashboard, type Dashboard, type FigureFilters, type Figures } from './figures';

const MAX_CACHED = 512;
/**
 * How long computed figures and unit names are reused. Figures also change with the clock (open
 * tickets pass their deadlines), so even without new reports they are recomputed after a minute.
 */
export const FIGURES_TTL_MS = 60_000;

interface StatsState {
  store: FactStore;
  feed: ChangeFollower<FactRow>;
  /** Figures per filter, for one store version and at most one refresh interval. */
  cache: Map<string, { version: number; at: number; dashboard: Dashboard }>;
}

const global = globalThis as unknown as { aduanStats?: StatsState };

const SNAPSHOT = 'facts';

function state(): StatsState {
  if (!global.aduanStats) {
    const s: StatsState = { store: new FactStore(), cache: new Map(), feed: undefined! };
    s.feed = new ChangeFollower<FactRow>(
      loadFactChanges,
      (rows) => s.store.apply(rows),
      async (db) => {
        const restored = await readStoreSnapshot(db, SNAPSHOT, FACT_STORE_FORMAT, () => new FactStore());
        if (!restored) return null;
        s.store = restored.store;
        s.cache.clear();
        return restored.changeSeq;
      },
    );
    global.aduanStats = s;
  }
  return global.aduanStats;
}

/** Loads or refreshes the figures' store ahead of requests (called on a timer by the server process). */
export async function refreshFigures(): Promise<void> {
  await state().feed.fresh();
}

/** Writes the figures' snapshot for the next start, unless one younger than `minAgeMs` is stored. */
export async function saveFiguresSnapshot(minAgeMs: number): Promise<boolean> {
  const s = state();
  if (s.feed.seq === 0) return false;
  return writeStoreSnapshot(getDb(), SNAPSHOT, FACT_STORE_FORMAT, s.store, s.feed.seq, minAgeMs);
}

/** Resolves when the figures' store holds every change committed before the call (another process changed reports). */
export async function catchUpFigures(): Promise<void> {
  await state().feed.catchUp();
}

/** Makes the next figures read the changes (after a report changes in this process). */
export function invalidateFigures(): void {
  state().feed.invalidate();
}

/** The dashboard's figures for the filters, current to within the refresh interval. */
export async function dashboardFigures(filters: FigureFilters, names: TableNames): Promise<Dashboard> {
  const s = state();
  await s.feed.fresh();
  const key = JSON.stringify(filters);
  const now = Date.now();
  const hit = s.cache.get(key);
  if (hit && hit.version === s.store.version && now - hit.at < FIGURES_TTL_MS) return hit.dashboard;
  const dashboard = computeDashboard(s.store, filters, now, (id) => names.unit(id)?.kecamatanCode ?? null);
  s.cache.delete(key);
  if (s.cache.size >= MAX_CACHED) s.cache.delete(s.cache.keys().next().value!);
  s.cache.set(key, { version: s.store.version, at: now, dashboard });
  return dashboard;
}

const nameCache = new Map<Locale, { at: number; names: Promise<TableNames> }>();

/** Names for the dashboard's tables in the reader's language (read at most once a minute). */
export function tableNames(db: Db, locale: Locale): Promise<TableNames> {
  const hit = nameCache.get(locale);
  if (hit && Date.now() - hit.at < FIGURES_TTL_MS) return hit.names;
  const loading = readTableNames(db, locale);
  nameCache.set(locale, { at: Date.now(), names: loading });
  loading.catch(() => nameCache.delete(locale));
  return loading;
}

/** Forgets the cached names (after an admin renamed a category or an agency). */
export function forgetTableNames(): void {
  nameCache.clear();
}

async function readTableNames(db: Db, locale: Locale): Promise<TableNames> {
  const [categoryRows, channelRows, regionRows, unitRows, satisfaction] = await Promise.all([
    listCategories(db),
    listChannels(db),
    db.select({ code: regions.code, name: regions.name }).from(regions).where(ne(regions.level, 'kelurahan')),
    db.select({ id: agencies.id, code: agencies.code, name: agencies.name, kind: agencies.kind, regionCode: agencies.regionCode }).from(agencies),
    latestIkm(db),
  ]);
  const categoryNames = new Map(categoryRows.map((c) => [c.code, localName(c, locale)]));
  const channelNames = new Map(channelRows.map((c) => [c.code, localName(c, locale)]));
  const regionNames = new Map(regionRows.map((k) => [k.code, shortRegionName(k.name)]));
  const units = new Map(
    unitRows.map((u) => [
      u.id,
      {
        name: u.name,
        kind: u.kind,
        code: u.code,
        regionCode: u.regionCode,
        // a kelurahan office belongs to the government of its kecamatan
        kecamatanCode: (u.kind === 'kelurahan' || u.kind === 'kecamatan') && u.regionCode ? u.regionCode.slice(0, 8) : null,
      },
    ]),
  );
  return {
    category: (code) => categoryNames.get(code) ?? code,
    channel: (code) => channelNames.get(code) ?? code,
    region: (code) => regionNames.get(code) ?? code,
    unit: (id) => units.get(id),
    ikm: (code) => satisfaction.get(code) ?? null,
  };
}

/** The figures for the filters with the names to show them by. */
export async function loadDashboard(db: Db, filters: FigureFilters, locale: Locale): Promise<{ d: Dashboard; names: TableNames }> {
  const names = await tableNames(db, locale);
  return { d: await dashboardFigures(filters, names), names };
}

/** How far back a supervisor's unit figures look. */
export const UNIT_FIGURE_DAYS = 90;

/**
 * Figures of the units under a camat (each kelurahan office) or a walikota (each kecamatan's
 * government) for the last UNIT_FIGURE_DAYS days, keyed by the unit's region code.
 */
export async function unitFiguresUnder(db: Db, regionCode: string, now: Date): Promise<Map<string, Figures>> {
  const names = await tableNames(db, 'id');
  // to the minute, so that the figures computed for one official serve the next ones (cached
  // by their period): to the millisecond, every queue view computed them again (20-70 ms)
  const until = Math.floor(now.getTime() / 60_000) * 60_000;
  const d = await dashboardFigures({ from: until - UNIT_FIGURE_DAYS * 86_400_000, until, region: regionCode, categories: [], channels: [] }, names);
  const out = new Map<string, Figures>();
  if (regionLevelOf(regionCode) === 'kota') {
    for (const g of d.byKecamatanOffice) out.set(g.key, g);
  } else {
    for (const g of d.byUnit) {
      const unit = names.unit(Number(g.key));
      if (unit?.kind === 'kelurahan' && unit.regionCode) out.set(unit.regionCode, g);
    }
  }
  return out;
}

/** Each unit's IKM in the latest survey period, for units with enough respondents. */
async function latestIkm(db: Db): Promise<Map<string, number>> {
  const [latest] = await listPeriods(db);
  const results = latest ? await periodResults(db, latest.id) : null;
  return new Map((results?.units ?? []).filter((u) => u.enough && u.ikm !== null).map((u) => [u.code, u.ikm!]));
}
