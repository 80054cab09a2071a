import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../connect';
import { categories, channels, regions } from '../schema';

export async function listCategories(db: Db) {
  return db.select().from(categories).orderBy(asc(categories.sortOrder));
}

/** Categories the public may filter by and see (the confidential one never appears). */
export async function listPublicCategories(db: Db) {
  return db.select().from(categories).where(eq(categories.isConfidential, false)).orderBy(asc(categories.sortOrder));
}

export async function listChannels(db: Db) {
  return db.select().from(channels).orderBy(asc(channels.sortOrder));
}

export interface RegionOption {
  code: string;
  name: string;
  level: 'kota' | 'kecamatan' | 'kelurahan';
  parentCode: string | null;
}

/** Every region's code, name and parent, without geometry: for pickers. */
export async function listRegionOptions(db: Db): Promise<RegionOption[]> {
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode })
    .from(regions)
    .orderBy(asc(regions.code));
}

export async function getRegion(db: Db, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row ?? null;
}

/** A region's centre, without its geometry: where a report known only by its kelurahan is shown. */
export async function getRegionCenter(db: Db, code: string): Promise<{ lat: number; lng: number } | null> {
  const [row] = await db.select({ lat: regions.centerLat, lng: regions.centerLng }).from(regions).where(eq(regions.code, code)).limit(1);
  return row ?? null;
}

export async function listChildRegions(db: Db, code: string) {
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(and(eq(regions.parentCode, code)))
    .orderBy(asc(regions.name));
}
