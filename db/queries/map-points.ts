import { asc, gt } from 'drizzle-orm';
import type { Db } from '../connect';
import { reports } from '../schema';
import type { MapRow } from '@/lib/map/point-store';
import { approximate } from '@/lib/reports/mask';

export interface MapChanges {
  rows: MapRow[];
  /** The highest change number read; pass it back to read on from there. */
  lastSeq: number;
}

/**
 * Reports inserted or changed after change number `afterSeq`, oldest change first, as map rows:
 * confidential or unlocated reports come back invisible (so they leave the map), private ones at
 * their approximate position. Never any reporter data.
 */
export async function loadMapChanges(db: Db, afterSeq: number, limit: number): Promise<MapChanges> {
  const rows = await db
    .select({
      id: reports.id,
      changeSeq: reports.changeSeq,
      number: reports.number,
      lat: reports.lat,
      lng: reports.lng,
      status: reports.status,
      categoryCode: reports.categoryCode,
      channelCode: reports.channelCode,
      kelurahanCode: reports.kelurahanCode,
      createdAt: reports.createdAt,
      isPublic: reports.isPublic,
      isConfidential: reports.isConfidential,
    })
    .from(reports)
    .where(gt(reports.changeSeq, afterSeq))
    .orderBy(asc(reports.changeSeq))
    .limit(limit);
  return {
    lastSeq: rows.length ? rows[rows.length - 1].changeSeq : afterSeq,
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      categoryCode: r.categoryCode,
      channelCode: r.channelCode,
      kelurahanCode: r.kelurahanCode,
      createdAt: r.createdAt.getTime(),
      visible: !r.isConfidential && r.lat !== null && r.lng !== null,
      lat: r.lat === null ? null : r.isPublic ? r.lat : approximate(r.lat),
      lng: r.lng === null ? null : r.isPublic ? r.lng : approximate(r.lng),
    })),
  };
}
