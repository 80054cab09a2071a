import { sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { agencies, categories, channels, regions } from '../schema';
import { bboxOf, centerOf } from '@/lib/regions/geo';
import { loadRegions, type RegionLevel } from '@/lib/regions/jakarta';
import { shortRegionName } from '@/lib/regions/names';
import { CATEGORIES } from '@/lib/reference/categories';
import { CHANNELS } from '@/lib/reference/channels';
import { DINAS, PROVINCE_UNITS, kotaTitle, officeCode } from '@/lib/reference/agencies';

const LEVELS: RegionLevel[] = ['kota', 'kecamatan', 'kelurahan'];

/** Regions, agencies, categories and channels. Does nothing when regions already exist. */
export async function seedReference(db: Db): Promise<{ inserted: boolean }> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
  if (n > 0) return { inserted: false };

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

    const kota = loadRegions('kota').features.map((f) => f.properties);
    const offices = [
      ...PROVINCE_UNITS.map((u) => ({ ...u, regionCode: null as string | null })),
      ...kota.map((k) => ({
        code: officeCode.kota(k.code),
        name: `Kantor ${kotaTitle(k.code, shortRegionName(k.name))}`,
        kind: 'walikota' as const,
        regionCode: k.code,
      })),
      ...loadRegions('kecamatan').features.map(({ properties: k }) => ({
        code: officeCode.kecamatan(k.code),
        name: `Kecamatan ${k.name}`,
        kind: 'kecamatan' as const,
        regionCode: k.code,
      })),
      ...loadRegions('kelurahan').features.map(({ properties: k }) => ({
        code: officeCode.kelurahan(k.code),
        name: `Kelurahan ${k.name}`,
        kind: 'kelurahan' as const,
        regionCode: k.code,
      })),
      ...DINAS.map((d) => ({ code: d.code, name: d.name, kind: 'dinas' as const, regionCode: null })),
    ];
    for (let i = 0; i < offices.length; i += 100) {
      await tx.insert(agencies).values(offices.slice(i, i + 100));
    }
    const dinasIds = await tx
      .select({ id: agencies.id, code: agencies.code })
      .from(agencies)
      .where(sql`${agencies.kind} = 'dinas'`);
    const sudin = dinasIds.flatMap((d) => {
      const def = DINAS.find((x) => x.code === d.code)!;
      return kota.map((k) => ({
        code: officeCode.sudin(d.code, k.code),
        name: `Suku Dinas ${def.short} ${shortRegionName(k.name)}`,
        kind: 'sudin' as const,
        regionCode: k.code,
        parentId: d.id,
      }));
    });
    await tx.insert(agencies).values(sudin);

    await tx.insert(categories).values(
      CATEGORIES.map((c, i) => ({
        code: c.code,
        nameId: c.nameId,
        nameEn: c.nameEn,
        groupId: c.groupId,
        groupEn: c.groupEn,
        defaultAgencyCode: c.defaultAgency,
        isConfidential: c.isConfidential ?? false,
        sortOrder: i,
      })),
    );
    await tx.insert(channels).values(
      CHANNELS.map((c, i) => ({
        code: c.code,
        nameId: c.nameId,
        nameEn: c.nameEn,
        isGeotagged: c.isGeotagged,
        isOfficial: c.isOfficial,
        sortOrder: i,
        howId: c.howId ?? '',
        howEn: c.howEn ?? '',
        hoursId: c.hoursId ?? '',
        hoursEn: c.hoursEn ?? '',
      })),
    );
  });
  return { inserted: true };
}
