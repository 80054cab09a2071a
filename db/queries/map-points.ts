import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../connect';
import { reports, type ReportStatus } from '../schema';
import { approximate } from '@/lib/reports/mask';

export interface MapPoint {
  number: string;
  lat: number;
  lng: number;
  status: ReportStatus;
  categoryCode: string;
  channelCode: string;
  kelurahanCode: string | null;
  createdAt: number;
}

/** Every public, located report as a map point (private ones at their approximate position). */
export async function loadPublicMapPoints(db: Db): Promise<MapPoint[]> {
  const rows = await db
    .select({
      number: reports.number,
      lat: reports.lat,
      lng: reports.lng,
      status: reports.status,
      categoryCode: reports.categoryCode,
      channelCode: reports.channelCode,
      kelurahanCode: reports.kelurahanCode,
      createdAt: reports.createdAt,
      isPublic: reports.isPublic,
    })
    .from(reports)
    .where(and(eq(reports.isConfidential, false), isNotNull(reports.lat), isNotNull(reports.lng)));
  return rows.map((r) => ({
    number: r.number,
    status: r.status,
    categoryCode: r.categoryCode,
    channelCode: r.channelCode,
    kelurahanCode: r.kelurahanCode,
    createdAt: r.createdAt.getTime(),
    lat: r.isPublic ? r.lat! : approximate(r.lat!),
    lng: r.isPublic ? r.lng! : approximate(r.lng!),
  }));
}
