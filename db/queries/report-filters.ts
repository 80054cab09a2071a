import { and, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { reports } from '../schema';
import { dayRange, regionLevelOf, type ReportFilters } from '@/lib/reports/filters';

/** SQL conditions for the public filters. Always excludes confidential tickets. */
export function publicFilterConditions(filters: ReportFilters): SQL {
  const conditions: SQL[] = [eq(reports.isConfidential, false)];
  if (filters.status.length) conditions.push(inArray(reports.status, filters.status));
  if (filters.kategori.length) conditions.push(inArray(reports.categoryCode, filters.kategori));
  if (filters.kanal.length) conditions.push(inArray(reports.channelCode, filters.kanal));
  if (filters.wilayah) {
    const column = { kota: reports.kotaCode, kecamatan: reports.kecamatanCode, kelurahan: reports.kelurahanCode }[
      regionLevelOf(filters.wilayah)
    ];
    conditions.push(eq(column, filters.wilayah));
  }
  const { from, until } = dayRange(filters);
  if (from) conditions.push(gte(reports.createdAt, from));
  if (until) conditions.push(lt(reports.createdAt, until));
  return and(...conditions)!;
}
