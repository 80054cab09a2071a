import type { MapPoint } from '@/db/queries/map-points';
import { dayRange, type ReportFilters } from '@/lib/reports/filters';

/** The in-memory twin of the SQL filter conditions, for map points. */
export function pointMatcher(filters: ReportFilters): (p: MapPoint) => boolean {
  const status = filters.status.length ? new Set<string>(filters.status) : null;
  const kategori = filters.kategori.length ? new Set(filters.kategori) : null;
  const kanal = filters.kanal.length ? new Set(filters.kanal) : null;
  const region = filters.wilayah;
  const { from, until } = dayRange(filters);
  const fromMs = from?.getTime() ?? -Infinity;
  const untilMs = until?.getTime() ?? Infinity;
  return (p) =>
    (!status || status.has(p.status)) &&
    (!kategori || kategori.has(p.categoryCode)) &&
    (!kanal || kanal.has(p.channelCode)) &&
    (!region || (p.kelurahanCode !== null && (p.kelurahanCode === region || p.kelurahanCode.startsWith(`${region}.`)))) &&
    p.createdAt >= fromMs &&
    p.createdAt < untilMs;
}
