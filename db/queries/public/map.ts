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
 * from the public projection: confidential reports come back invisible (so they leave the map),
 * private ones at their snapped position. A report without a pin (placed with the kelurahan
 * picker, or filed by a channel that gives no position) stands at its kelurahan's centre, marked
 * approximate; only one with neither pin nor kelurahan stays off the map. Never any reporter data.
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
    approximate: boolean | null;
    created: number | null;
  }>(
    db.execute(sql`
      select c.id::float8 as id, c.change_seq::float8 as seq, c.is_visible as visible, c.number,
             coalesce(c.lat, k.center_lat) as lat, coalesce(c.lng, k.center_lng) as lng, c.status,
             c.category_code as category, c.channel_code as channel, c.kelurahan_code as kelurahan,
             (c.location_approximate or (c.lat is null and k.center_lat is not null)) as approximate,
             (extract(epoch from c.created_at) * 1000)::float8 as created
      from public_report_changes c
      left join regions k on k.code = c.kelurahan_code
      where c.change_seq > ${afterSeq}
      order by c.change_seq
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
      approximate: r.approximate === true,
    })),
  };
}
