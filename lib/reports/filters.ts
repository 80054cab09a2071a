import { z } from 'zod';
import { STATUSES } from './lifecycle';
import type { ReportStatus } from '@/db/schema';

/**
 * The public filters shared by the map, the list, the exports and the JSON API. They live in
 * the URL (`?status=menunggu,proses&kategori=jalan&kelurahan=31.71.01.1001&dari=2024-01-01`),
 * so a filtered view can be shared.
 */
export interface ReportFilters {
  status: ReportStatus[];
  kategori: string[];
  kanal: string[];
  /** The most specific region chosen: a kota, kecamatan or kelurahan code. */
  wilayah: string | null;
  /** Inclusive WIB calendar days, YYYY-MM-DD. */
  dari: string | null;
  sampai: string | null;
}

export type SortOrder = 'terbaru' | 'terlama' | 'status' | 'kategori';
export const SORT_ORDERS: SortOrder[] = ['terbaru', 'terlama', 'status', 'kategori'];

const REGION_CODE = /^31\.\d{2}(\.\d{2}(\.\d{4})?)?$/;
const CODE = /^[a-z0-9-]{1,40}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function values(params: Params, key: string): string[] {
  const raw = params instanceof URLSearchParams ? params.getAll(key) : [params[key] ?? []].flat();
  return raw.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function first(params: Params, key: string): string | null {
  return values(params, key)[0] ?? null;
}

function validDay(value: string | null): string | null {
  if (!value || !DAY.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? null : value;
}

/**
 * Reads filters from a query string. Unknown or malformed values are dropped rather than
 * refused: a shared link with one stale value still shows something sensible.
 */
export function parseFilters(params: Params): ReportFilters {
  const status = values(params, 'status').filter((s): s is ReportStatus => (STATUSES as readonly string[]).includes(s));
  const region =
    [first(params, 'kelurahan'), first(params, 'kecamatan'), first(params, 'kota'), first(params, 'wilayah')].find(
      (c) => c !== null && REGION_CODE.test(c),
    ) ?? null;
  let dari = validDay(first(params, 'dari'));
  let sampai = validDay(first(params, 'sampai'));
  if (dari && sampai && dari > sampai) [dari, sampai] = [sampai, dari];
  return {
    status: [...new Set(status)].sort(),
    kategori: [...new Set(values(params, 'kategori').filter((c) => CODE.test(c)))].sort(),
    kanal: [...new Set(values(params, 'kanal').filter((c) => CODE.test(c)))].sort(),
    wilayah: region,
    dari,
    sampai,
  };
}

export function regionLevelOf(code: string): 'kota' | 'kecamatan' | 'kelurahan' {
  const parts = code.split('.').length;
  return parts === 2 ? 'kota' : parts === 3 ? 'kecamatan' : 'kelurahan';
}

/** The query string for filters (empty parts omitted), stable so that it can key a cache. */
export function filtersToQuery(filters: ReportFilters, extra: Record<string, string | number | null> = {}): string {
  const q = new URLSearchParams();
  if (filters.status.length) q.set('status', filters.status.join(','));
  if (filters.kategori.length) q.set('kategori', filters.kategori.join(','));
  if (filters.kanal.length) q.set('kanal', filters.kanal.join(','));
  if (filters.wilayah) q.set(regionLevelOf(filters.wilayah), filters.wilayah);
  if (filters.dari) q.set('dari', filters.dari);
  if (filters.sampai) q.set('sampai', filters.sampai);
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== '') q.set(k, String(v));
  return q.toString();
}

export function hasFilters(filters: ReportFilters): boolean {
  return filtersToQuery(filters) !== '';
}

/** WIB day bounds as instants: [start of `dari`, start of the day after `sampai`). */
export function dayRange(filters: Pick<ReportFilters, 'dari' | 'sampai'>): { from: Date | null; until: Date | null } {
  const wibMidnight = (day: string) => new Date(`${day}T00:00:00+07:00`);
  const from = filters.dari ? wibMidnight(filters.dari) : null;
  const until = filters.sampai ? new Date(wibMidnight(filters.sampai).getTime() + 86_400_000) : null;
  return { from, until };
}

export const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export function parseSort(value: string | null | undefined): SortOrder {
  return SORT_ORDERS.includes(value as SortOrder) ? (value as SortOrder) : 'terbaru';
}
