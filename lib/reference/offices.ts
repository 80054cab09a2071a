import type { AgencyKind } from '@/db/schema';
import { shortRegionName } from '@/lib/regions/names';
import { PROVINCE_AGENCIES, kotaTitle, officeCode, type AgencyDef } from './agencies';
import type { RegionEntry } from './match-place';

/** One row of the agencies table as the reference data defines it (a Suku Dinas names its Dinas by code). */
export interface AgencyRow {
  code: string;
  name: string;
  kind: AgencyKind;
  shortName: string | null;
  regionCode: string | null;
  parentCode: string | null;
}

/**
 * Every unit that handles reports: the province units, the office of every kota, kecamatan and
 * kelurahan, and each Dinas's unit in every kota. Pure: the regions are passed in.
 */
export function referenceAgencies(regions: readonly RegionEntry[], defs: readonly AgencyDef[] = PROVINCE_AGENCIES): AgencyRow[] {
  const kota = regions.filter((r) => r.level === 'kota');
  const row = (code: string, name: string, kind: AgencyKind, regionCode: string | null, shortName: string | null = null, parentCode: string | null = null): AgencyRow => ({
    code,
    name,
    kind,
    shortName,
    regionCode,
    parentCode,
  });
  return [
    ...defs.map((d) => row(d.code, d.name, d.kind, null, d.short)),
    ...kota.map((k) => row(officeCode.kota(k.code), `Kantor ${kotaTitle(k.code, shortRegionName(k.name))}`, 'walikota', k.code)),
    ...regions.filter((r) => r.level === 'kecamatan').map((k) => row(officeCode.kecamatan(k.code), `Kecamatan ${k.name}`, 'kecamatan', k.code)),
    ...regions.filter((r) => r.level === 'kelurahan').map((k) => row(officeCode.kelurahan(k.code), `Kelurahan ${k.name}`, 'kelurahan', k.code)),
    ...defs.flatMap((d) =>
      d.branch ? kota.map((k) => row(officeCode.sudin(d.code, k.code), `${d.branch} ${shortRegionName(k.name)}`, 'sudin', k.code, null, d.code)) : [],
    ),
  ];
}
