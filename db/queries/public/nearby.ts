import { and, asc, eq, gte, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../connect';
import { categories, type ReportStatus } from '../../schema';
import { publicDistanceM } from './reports';
import { publicText } from './text';
import { publicReports as p } from './views';

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
 * of a point, filed in the last `days` days, nearest first — measured to the public position,
 * so a private report's distance says no more than its grid cell.
 */
export async function findNearbyOpenReports(
  db: Db,
  at: { lat: number; lng: number },
  categoryCode: string,
  now: Date,
  days = 30,
): Promise<NearbyReport[]> {
  const [category] = await db
    .select({ radius: categories.duplicateRadiusM })
    .from(categories)
    .where(and(eq(categories.code, categoryCode), eq(categories.isConfidential, false)));
  if (!category) return [];
  const dLat = category.radius / 111_320;
  const dLng = dLat / Math.cos((at.lat * Math.PI) / 180);
  const distance = publicDistanceM(at.lat, at.lng);
  const rows = await db
    .select({
      number: p.number,
      status: p.status,
      description: p.description,
      distanceM: sql<number>`(${distance})::float8`,
      supportCount: p.supportCount,
      createdAt: p.createdAt,
    })
    .from(p)
    .where(
      and(
        eq(p.categoryCode, categoryCode),
        notInArray(p.status, ['selesai', 'ditolak']),
        gte(p.createdAt, new Date(now.getTime() - days * 86_400_000)),
        sql`${p.lat} between ${at.lat - dLat} and ${at.lat + dLat} and ${p.lng} between ${at.lng - dLng} and ${at.lng + dLng}`,
        sql`${distance} <= ${category.radius}`,
      ),
    )
    .orderBy(asc(distance))
    .limit(10);
  // a private report's distance is to its grid cell: round to tens of metres, never finer
  return rows.map((r) => ({ ...r, description: publicText(r.description), distanceM: Math.round(r.distanceM / 10) * 10 }));
}
