import { sql } from 'drizzle-orm';
import type { Db } from '../../connect';
import { rowsOf } from '../../bulk';
import type { ReportStatus } from '../../schema';
import type { MapRow } from '@/lib/map/point-store';

export interface MapChanges {
  rows: MapRow[];
  /** The highest change number read; pass it back to read on from there. */
  lastSeq: number;
}

/**
 * Reports inserted or changed after change number `afterSeq`, oldest change first, as map rows,
 * from the public projection: confidential or unlocated reports come back invisible (so they
 * leave the map), private ones at their snapped position. Never any reporter data.
 */
export async function loadMapChanges(db: Db, afterSeq: number, limit: number): Promise<MapChanges> {
  const rows = await rowsOf<{
    id: number;
    seq: number;
    visible: boolean;
    number: string | null;
    lat: number | null;
    lng: number | null;
    status: ReportStatus | null;
    category: string | null;
    channel: string | null;
    kelurahan: string | null;
    created: number | null;
  }>(
    db.execute(sql`
      select id::float8 as id, change_seq::float8 as seq, is_visible as visible, number, lat, lng, status,
             category_code as category, channel_code as channel, kelurahan_code as kelurahan,
             (extract(epoch from created_at) * 1000)::float8 as created
      from public_report_changes
      where change_seq > ${afterSeq}
      order by change_seq
      limit ${limit}`),
  );
  return {
    lastSeq: rows.length ? rows[rows.length - 1].seq : afterSeq,
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number ?? '',
      status: r.status ?? 'menunggu',
      categoryCode: r.category ?? '',
      channelCode: r.channel ?? '',
      kelurahanCode: r.kelurahan,
      createdAt: r.created ?? 0,
      visible: r.visible && r.lat !== null && r.lng !== null,
      lat: r.lat,
      lng: r.lng,
    })),
  };
}
