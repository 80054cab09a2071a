import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { dayRange, regionLevelOf, type ReportFilters } from '@/lib/reports/filters';
import { publicReports } from './views';

/** SQL conditions for the public filters, on the public projection (confidential tickets are never in it). */
export function publicFilterConditions(filters: ReportFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.status.length) conditions.push(inArray(publicReports.status, filters.status));
  if (filters.kategori.length) conditions.push(inArray(publicReports.categoryCode, filters.kategori));
  if (filters.kanal.length) conditions.push(inArray(publicReports.channelCode, filters.kanal));
  if (filters.wilayah) {
    const column = {
      kota: publicReports.kotaCode,
      kecamatan: publicReports.kecamatanCode,
      kelurahan: publicReports.kelurahanCode,
    }[regionLevelOf(filters.wilayah)];
    conditions.push(eq(column, filters.wilayah));
  }
  const { from, until } = dayRange(filters);
  if (from) conditions.push(gte(publicReports.createdAt, from));
  if (until) conditions.push(lt(publicReports.createdAt, until));
  return conditions.length ? and(...conditions) : undefined;
}

/** A box (west, south, east, north) on the public position: a private report answers only for its grid cell. */
export function inPublicBox(box: readonly [number, number, number, number]): SQL {
  return sql`${publicReports.lng} between ${box[0]} and ${box[2]} and ${publicReports.lat} between ${box[1]} and ${box[3]}`;
}
