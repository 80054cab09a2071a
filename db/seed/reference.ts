import { sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { regions } from '../schema';
import { bboxOf, centerOf } from '@/lib/regions/geo';
import { loadRegions, type RegionLevel } from '@/lib/regions/jakarta';
import { syncReference } from './reference-sync';

const LEVELS: RegionLevel[] = ['kota', 'kecamatan', 'kelurahan'];

/**
 * Regions (once, from data/jakarta), then every agency, category and channel of the reference
 * data that the database does not have yet. `inserted` tells whether the regions were new.
 */
export async function seedReference(db: Db): Promise<{ inserted: boolean }> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
  if (n === 0) {
    await db.transaction(async (tx) => {
      for (const level of LEVELS) {
        const rows = loadRegions(level).features.map((f) => {
          const box = bboxOf(f.geometry);
          const center = centerOf(f.geometry);
          return {
            code: f.properties.code,
            name: f.properties.name,
            level,
            parentCode: level === 'kota' ? null : f.properties.parent_code,
            geometry: f.geometry,
            ...box,
            centerLat: center.lat,
            centerLng: center.lng,
          };
        });
        for (let i = 0; i < rows.length; i += 50) await tx.insert(regions).values(rows.slice(i, i + 50));
      }
    });
  }
  await syncReference(db);
  return { inserted: n === 0 };
}
