import { sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { rowsOf } from '../bulk';
import type { ReportStatus } from '../schema';
import { maskContacts } from '@/lib/reports/mask';

export interface NearbyReport {
  number: string;
  status: ReportStatus;
  description: string | null;
  distanceM: number;
  supportCount: number;
  createdAt: Date;
}

/**
 * Open public reports of a category within the category's duplicate radius (default 150 m)
 * of a point, filed in the last `days` days, nearest first. A bounding box narrows the
 * search before the exact distance is computed.
 */
export async function findNearbyOpenReports(
  db: Db,
  at: { lat: number; lng: number },
  categoryCode: string,
  now: Date,
  days = 30,
): Promise<NearbyReport[]> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows = await rowsOf<{
    number: string;
    status: ReportStatus;
    description: string;
    is_public: boolean;
    distance_m: number;
    support_count: number;
    created_at: string | Date;
  }>(
    db.execute(sql`
      with c as (select duplicate_radius_m as r from categories where code = ${categoryCode} and not is_confidential)
      select number, status, description, is_public, support_count, created_at, distance_m from (
        select r.*, 2 * 6371000 * asin(sqrt(
                 power(sin(radians(r.lat - ${at.lat}) / 2), 2) +
                 cos(radians(${at.lat})) * cos(radians(r.lat)) * power(sin(radians(r.lng - ${at.lng}) / 2), 2)
               )) as distance_m
        from reports r, c
        where r.category_code = ${categoryCode}
          and r.is_confidential = false
          and r.status not in ('selesai', 'ditolak')
          and r.created_at >= ${since}::timestamptz
          and r.lat between ${at.lat} - c.r / 111320.0 and ${at.lat} + c.r / 111320.0
          and r.lng between ${at.lng} - c.r / (111320.0 * cos(radians(${at.lat}))) and ${at.lng} + c.r / (111320.0 * cos(radians(${at.lat})))
      ) near, c
      where distance_m <= c.r
      order by distance_m
      limit 10`),
  );
  return rows.map((r) => ({
    number: r.number,
    status: r.status,
    description: r.is_public ? maskContacts(r.description) : null,
    distanceM: Math.round(r.distance_m),
    supportCount: r.support_count,
    createdAt: new Date(r.created_at),
  }));
}
